// Glossa's tagging worker: runs the Go tagger (tagger.wasm) off the page's
// main thread. Messages in: {type: "tag", job, text}. Messages out:
// {type: "status", job, status: "loading-model" | "tagging"},
// {type: "block", job, block, entities: JSON string},
// {type: "done", job, blocks, ms}, {type: "error", job, message}.
"use strict";
importScripts("/wasm_exec.js");

let ready = null;

function startTagger() {
  if (ready) {
    return ready;
  }
  ready = (async () => {
    const started = new Promise((resolve) => {
      self.glossaTaggerReady = resolve;
    });
    const go = new Go();
    const response = fetch("/web/tagger.wasm");
    let result;
    if (WebAssembly.instantiateStreaming) {
      result = await WebAssembly.instantiateStreaming(response, go.importObject);
    } else {
      const bytes = await (await response).arrayBuffer();
      result = await WebAssembly.instantiate(bytes, go.importObject);
    }
    go.run(result.instance);
    await started;
    self.glossaLoadModel();
  })();
  return ready;
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== "tag") {
    return;
  }
  const job = msg.job;
  try {
    self.postMessage({ type: "status", job, status: "loading-model" });
    try {
      await startTagger();
    } catch (err) {
      ready = null; // the next job tries again
      throw new Error("the language model could not be loaded (" + ((err && err.message) || err) + ")");
    }
    self.postMessage({ type: "status", job, status: "tagging" });
    const t0 = performance.now();
    const result = self.glossaTag(msg.text, (block, entities) => {
      self.postMessage({ type: "block", job, block, entities });
    });
    if (result.error) {
      throw new Error(result.error);
    }
    self.postMessage({ type: "done", job, blocks: result.blocks, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ type: "error", job, message: String((err && err.message) || err) });
  }
};

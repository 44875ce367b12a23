// Glossa's tagging worker: runs the Go tagger off the page's main thread.
// The tagger's WebAssembly and its model file are named by this script's
// "wasm" and "model" query parameters (content-hashed names come from the
// site build; the model is the news model, news.model, or prose's,
// ner.model: the tagger tells them apart); both download at once. Messages in:
// {type: "warm"} (load the model now), {type: "tag", job, text},
// {type: "extract", job, kind, bytes} (article text of a web page, kind
// "html", or of a Markdown file, kind "markdown"; answered by
// {type: "extracted", job, text, error}). Messages out:
// {type: "status", job, status: "loading-model" | "tagging"},
// {type: "block", job, block, entities: JSON string},
// {type: "done", job, blocks, recognizer, claims: JSON string, claimFinder,
// ms, memory (bytes of WebAssembly memory)},
// {type: "error", job, message}.
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
    const params = new URL(self.location.href).searchParams;
    const response = fetch(params.get("wasm") || "/web/tagger.wasm");
    const model = fetch(params.get("model") || "/web/news.model").then((r) => {
      if (!r.ok) throw new Error("the model file answered " + r.status);
      return r.arrayBuffer();
    });
    let result;
    if (WebAssembly.instantiateStreaming) {
      result = await WebAssembly.instantiateStreaming(response, go.importObject);
    } else {
      const bytes = await (await response).arrayBuffer();
      result = await WebAssembly.instantiate(bytes, go.importObject);
    }
    go.run(result.instance);
    self.glossaGo = go;
    await started;
    const loaded = self.glossaLoadModel(new Uint8Array(await model));
    if (loaded.error) {
      throw new Error(loaded.error);
    }
  })();
  return ready;
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg && msg.type === "warm") {
    startTagger().catch(() => {
      ready = null; // reported to the first tagging job
    });
    return;
  }
  if (msg && msg.type === "extract") {
    try {
      await startTagger();
      const result = self.glossaExtract(msg.kind || "html", new Uint8Array(msg.bytes));
      self.postMessage({ type: "extracted", job: msg.job, text: result.text || "", error: result.error || "" });
    } catch (err) {
      ready = null;
      self.postMessage({ type: "extracted", job: msg.job, text: "", error: String((err && err.message) || err) });
    }
    return;
  }
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
    const ms = performance.now() - t0;
    const memory = self.glossaGo.mem.buffer.byteLength;
    self.postMessage({ type: "done", job, blocks: result.blocks, recognizer: result.recognizer,
      claims: result.claims, claimFinder: result.claimFinder, ms, memory });
  } catch (err) {
    self.postMessage({ type: "error", job, message: String((err && err.message) || err) });
  }
};

// One cold start of the tagger, as a first visit's worker goes through
// it (web/tagger-worker.js): instantiate the WebAssembly, start Go, load
// the model, tag the article until its first block is out, then the rest.
// Run by taggerstart in a new Node.js process each time:
//   node harness.js WASM_EXEC TAGGER MODEL ARTICLE
// It prints one line of JSON: each step's milliseconds.
"use strict";
globalThis.require = require;
globalThis.fs = require("fs");
globalThis.path = require("path");
globalThis.TextEncoder = require("util").TextEncoder;
globalThis.TextDecoder = require("util").TextDecoder;
globalThis.performance ??= require("perf_hooks").performance;
globalThis.crypto ??= require("crypto");
const [wasmExec, taggerFile, modelFile, articleFile] = process.argv.slice(2);
require(wasmExec);

(async () => {
  const wasm = fs.readFileSync(taggerFile);
  const model = new Uint8Array(fs.readFileSync(modelFile));
  const text = fs.readFileSync(articleFile, "utf8");
  const go = new Go();
  const started = new Promise((resolve) => { globalThis.glossaTaggerReady = resolve; });
  const ms = {};
  let t = performance.now();
  const step = (name) => {
    const now = performance.now();
    ms[name] = now - t;
    t = now;
  };
  const { instance } = await WebAssembly.instantiate(wasm, go.importObject);
  step("instantiate");
  go.run(instance);
  await started;
  step("goStart");
  const loaded = globalThis.glossaLoadModel(model);
  if (loaded.error) {
    throw new Error(loaded.error);
  }
  step("model");
  let firstBlock = -1;
  const tagged = globalThis.glossaTag(text, () => {
    if (firstBlock < 0) {
      firstBlock = performance.now() - t;
    }
  });
  if (tagged.error) {
    throw new Error(tagged.error);
  }
  ms.firstBlock = firstBlock;
  step("tagged");
  console.log(JSON.stringify(ms));
  process.exit(0);
})().catch((err) => {
  console.error(String((err && err.message) || err));
  process.exit(1);
});

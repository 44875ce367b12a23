// Starts Glossa's tagging worker as soon as the page has parsed, while
// app.wasm (the UI) is still loading, so the language model loads in
// parallel. The app takes the worker over from window.glossaTaggerWorker.
"use strict";
(() => {
  const url = typeof goappGetenv === "function" && goappGetenv("GLOSSA_TAGGER_WORKER");
  if (!url || !window.Worker) {
    return;
  }
  const worker = new Worker(url);
  worker.addEventListener("error", () => {
    window.glossaTaggerFailed = true;
  });
  worker.postMessage({ type: "warm" });
  window.glossaTaggerWorker = worker;
})();

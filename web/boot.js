// Starts Glossa's tagging worker as soon as the page has parsed, while
// app.wasm (the UI) is still loading, so the tagger and its model download
// in parallel; the worker compiles them when the app's first job arrives,
// after the article is on screen, so that compiling does not compete with
// the UI's own start. The app takes the worker over from
// window.glossaTaggerWorker.
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

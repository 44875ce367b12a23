// Starts Glossa's tagging worker as soon as the page has painted the
// article, while app.wasm (the UI) is still loading, so the tagger and its
// model download in parallel; the worker compiles them once the UI's
// WebAssembly is compiled (the page's loader says so) or when the app's
// first job arrives, so that the two compilations do not compete for the
// cores. The app takes the worker over from window.glossaTaggerWorker.
"use strict";
(() => {
  const url = typeof goappGetenv === "function" && goappGetenv("GLOSSA_TAGGER_WORKER");
  if (!url || !window.Worker) {
    return;
  }
  const start = () => {
    if (window.glossaTaggerWorker) {
      return;
    }
    const worker = new Worker(url);
    worker.addEventListener("error", () => {
      window.glossaTaggerFailed = true;
    });
    worker.postMessage({ type: "warm" });
    window.glossaTaggerWorker = worker;
  };
  // After the article's first paint (or 100 ms), which starting a worker
  // and its downloads must not hold back.
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 100);
})();

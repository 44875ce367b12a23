// What the page starts before the app, once it has painted the article,
// while app.wasm (the UI) is still loading: it asks whether the reader's
// library exists, and starts Glossa's tagging worker.
"use strict";
// Whether the reader's library exists yet, asked once the article has
// painted (the app starts long after): on a first visit (it does not)
// the app opens the sample and asks for its tagging as it starts, rather
// than once it has created the library's database, a few tasks later
// (window.glossaLibraryIsNew: true, false, or not set where the browser
// cannot say).
(() => {
  const name = typeof goappGetenv === "function" && goappGetenv("GLOSSA_LIBRARY");
  if (!name || !window.indexedDB || typeof indexedDB.databases !== "function") {
    return;
  }
  let asked = false;
  const ask = () => {
    if (asked) {
      return;
    }
    asked = true;
    indexedDB.databases().then((dbs) => {
      window.glossaLibraryIsNew = !dbs.some((db) => db.name === name);
    }, () => {});
  };
  // After the article's first paint (or 100 ms), as the worker below.
  requestAnimationFrame(() => setTimeout(ask, 0));
  setTimeout(ask, 100);
})();
// The tagging worker, started so that the tagger and its model download
// in parallel with app.wasm; the worker compiles them once the UI's
// WebAssembly is compiled (the page's loader says so) or when the app's
// first job arrives, so that the two compilations do not compete for the
// cores. The app takes the worker over from window.glossaTaggerWorker.
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

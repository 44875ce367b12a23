// Compiles Glossa's UI WebAssembly (app.wasm) off the page's main thread.
// A browser that compiles a module on the page's thread also reads it
// there as it downloads, chunk by chunk, and finishes it there: about
// half a second of tasks that block the page for a 10 MB module. Here the
// worker does that work, and posts the compiled module back; the page
// only instantiates and runs it. The page's loader (app.js, rewritten by
// `glossa site`) sends {url} and gets {module} or {error}.
"use strict";
self.onmessage = async (e) => {
  try {
    const response = fetch(e.data.url);
    const module = WebAssembly.compileStreaming ?
      await WebAssembly.compileStreaming(response) :
      await WebAssembly.compile(await (await response).arrayBuffer());
    self.postMessage({ module });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};

// Compiles Glossa's UI WebAssembly (app.wasm) off the page's main thread,
// then compiles its functions there too.
//
// A browser that compiles a module on the page's thread also reads it
// there as it downloads, chunk by chunk, and finishes it there: about
// half a second of tasks that block the page for a 10 MB module. Here the
// worker does that work, and posts the compiled module back.
//
// Chromium compiles each function of a module the first time it is
// called, on the calling thread: left to the page, that is about 1,500
// functions compiled on its main thread while Go starts, in tasks of
// 150-400 ms. The compiled code of a module is shared with every
// instance of it in the process, this worker's included. So the worker
// then makes an instance of its own and calls every function once, each
// call trapping at its first step (`glossa site` exports the function
// table and Go's stack pointer for this; see app/warmup): the page finds
// the functions compiled.
//
// The page's loader (app.js, rewritten by `glossa site`) sends {url}. It
// gets {module} or {error}, then {warmed: {functions, ms}}, where
// functions is how many were compiled (0 with a reason in `error` where
// the warm-up could not run), and ms how long it took.
"use strict";
Error.stackTraceLimit = 0; // the warm-up traps ~6,000 times: no stack traces
self.onmessage = async (e) => {
  let module;
  try {
    const response = fetch(e.data.url);
    module = WebAssembly.compileStreaming ?
      await WebAssembly.compileStreaming(response) :
      await WebAssembly.compile(await (await response).arrayBuffer());
  } catch (err) {
    self.postMessage({ error: String(err) });
    return;
  }
  self.postMessage({ module });
  const start = performance.now();
  try {
    const functions = await warmUp(module);
    self.postMessage({ warmed: { functions, ms: performance.now() - start } });
  } catch (err) {
    self.postMessage({ warmed: { functions: 0, ms: performance.now() - start, error: String(err) } });
  }
};

// warmUp calls every function of module's table once, in an instance of
// its own whose imports all throw, with Go's stack pointer out of the
// memory's bounds: a call compiles the function, then traps at its first
// access to its stack frame (or at an import, or an argument it cannot
// take). It returns the number of functions called.
async function warmUp(module) {
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind !== "function") {
      throw new Error(`app.wasm imports a ${imp.kind} (${imp.module}.${imp.name}): it is not a module Go built`);
    }
    (imports[imp.module] ??= {})[imp.name] = () => { throw new Error("warm-up"); };
  }
  const instance = await WebAssembly.instantiate(module, imports);
  const table = instance.exports.glossa_table, sp = instance.exports.glossa_sp;
  if (!(table instanceof WebAssembly.Table) || !(sp instanceof WebAssembly.Global)) {
    throw new Error("app.wasm exports no glossa_table and glossa_sp: it was not written by `glossa site`");
  }
  let functions = 0;
  for (let i = 0; i < table.length; i++) {
    const f = table.get(i);
    if (!f) {
      continue;
    }
    sp.value = -16; // 0xfffffff0: every access to the stack is out of bounds
    try {
      f(0);
    } catch {
      // the trap, as planned
    }
    functions++;
  }
  return functions;
}

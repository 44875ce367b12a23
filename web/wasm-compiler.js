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
// It goes first through the functions the page calls first as it loads,
// in the order of their first call (the order `glossa site` writes into
// app.wasm, custom section glossa.warmup), then through the others.
//
// The page's loader (app.js, rewritten by `glossa site`) sends {url}. It
// gets {module} or {error}; then {ready: {functions, ms}} once most of
// the functions it calls first are compiled (not where app.wasm lists
// none), and {warmed: {functions, ms}} once all are (the others wait for
// the page's {resume: true}, sent once its first article is tagged and
// the page then idles, within 1 s, or 3 s), where functions is how many
// were compiled (0 with a reason in `error` where the warm-up could not
// run), and ms how long it took.
"use strict";
Error.stackTraceLimit = 0; // the warm-up traps ~6,000 times: no stack traces

// resume is called when the page says its first article is tagged and
// drawn ({resume: true}): the functions it did not call as it loaded wait
// until then, so that this worker leaves a core to the page and the
// tagger while they work towards the first highlights, and to the page
// while it draws the tools and the panel. They wait at most resumeAfterMs.
let resume;
const resumed = new Promise((resolve) => { resume = resolve; });
const resumeAfterMs = 3000;

self.onmessage = async (e) => {
  if (e.data.resume) {
    resume();
    return;
  }
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
  const ready = (functions) => self.postMessage({ ready: { functions, ms: performance.now() - start } });
  try {
    const functions = await warmUp(module, ready);
    self.postMessage({ warmed: { functions, ms: performance.now() - start } });
  } catch (err) {
    self.postMessage({ warmed: { functions: 0, ms: performance.now() - start, error: String(err) } });
  }
};

// warmUp calls every function of module's table once, in an instance of
// its own whose imports all throw, with Go's stack pointer out of the
// memory's bounds: a call compiles the function, then traps at its first
// access to its stack frame (or at an import, or an argument it cannot
// take). It calls ready(n) once n functions, two thirds of those the
// page calls first, are done, and returns the number of functions called.
async function warmUp(module, ready) {
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
  const [first, order] = warmUpOrder(module, table.length);
  // The page is told to start two thirds of the way through its first
  // functions: it runs Go between the calls that compile, so the worker
  // stays ahead of it through the last third. (Cold loads taking turns:
  // the first highlight about 0.3 s sooner than when the page waits for
  // all of them, its blocking time about the same.)
  const lead = Math.ceil(first * 2 / 3);
  let functions = 0, told = false;
  for (const i of order) {
    const f = table.get(i);
    if (f) {
      sp.value = -16; // 0xfffffff0: every access to the stack is out of bounds
      try {
        f(0);
      } catch {
        // the trap, as planned
      }
      functions++;
    }
    if (!told && lead > 0 && functions === lead) {
      told = true;
      ready(lead);
    }
    if (functions === first) {
      await Promise.race([resumed, new Promise((resolve) => setTimeout(resolve, resumeAfterMs))]);
    }
  }
  return functions;
}

// warmUpOrder reads app.wasm's glossa.warmup section: little-endian
// uint32s, how many functions lead, then table indices. Without it, the
// order is the table's and none leads.
function warmUpOrder(module, size) {
  const sections = WebAssembly.Module.customSections(module, "glossa.warmup");
  if (sections.length !== 1 || sections[0].byteLength < 4 || sections[0].byteLength % 4 !== 0) {
    return [-1, Array.from({ length: size }, (_, i) => i)];
  }
  const data = new DataView(sections[0]), order = [];
  for (let at = 4; at < data.byteLength; at += 4) {
    const i = data.getUint32(at, true);
    if (i < size) {
      order.push(i);
    }
  }
  return [data.getUint32(0, true), order];
}

// Glossa's tagging worker: runs the Go tagger off the page's main thread,
// and the Go extractor (the article text of a web page or a Markdown file),
// which it starts the first time it is asked for. Their WebAssembly and the
// model files are named by this script's query parameters (content-hashed
// names come from the site build): "wasm" (the tagger), "wasm-prose" (the
// tagger built with prose's too, started instead the first time a reader
// chooses prose's model or opens a model file of its kind), "extract" (the
// extractor), "model" (the news model, news.model, the default) and "prose"
// (prose's model, ner.model); the tagger tells the kinds of model file apart. The
// tagger and the default model download at once. Messages in:
// {type: "warm"} (download the tagger and the default model now, but
// compile and start them only when a job needs them: compiling the tagger's
// WebAssembly takes both cores of a small machine for a moment, and the
// page is still loading when boot.js sends this),
// {type: "start"} (compile and start the tagger and load the default model
// now: the page's loader sends it once the UI's own WebAssembly is
// compiled),
// {type: "model", job, source: "news" | "prose" | "file", bytes (a model
// file's, for "file")} (tag with that model from now on; answered by
// {type: "model-loaded", job, recognizer, learns} or {type: "error", job,
// message}),
// {type: "tag", job, text},
// {type: "learn-load", job, records}, {type: "learn", job, decisions},
// {type: "forget", job} (what the model learned from the reader: records
// and decisions are Uint8Arrays, encoded as package
// annotate/ner/news/learn/wire says; answered by {type: "learn-result",
// job, …glossaLearnLoad's, glossaLearn's or glossaForget's result} or
// {type: "error", job, message}),
// {type: "learning", on} (tag with what was learned, or not),
// {type: "extract", job, kind, bytes} (article text of a web page, kind
// "html", or of a Markdown file, kind "markdown"; answered by
// {type: "extracted", job, text, error}),
// {type: "export", job, request} (an export file, made by the extractor:
// answered by {type: "exchanged", job, result, bytes (an ArrayBuffer)} or
// {type: "exchanged", job, fault}),
// {type: "import", job, request, file (a File or Blob)} (the changes that
// import a file, planned by the extractor: answered by {type:
// "exchanged", job, result, fault}),
// {type: "answer", ask, answer, fault} (the page's answer to an "ask").
// Messages out:
// {type: "status", job, status: "loading-model" | "tagging"},
// {type: "block", job, block, entities: JSON string},
// {type: "done", job, blocks, recognizer, claims: JSON string, claimFinder,
// ms, memory (bytes of WebAssembly memory)},
// {type: "error", job, message},
// {type: "ask", ask, method, arg} (the extractor reads the page's library:
// see remote.Store; the page answers with an "answer").
"use strict";
importScripts("/wasm_exec.js");

const params = new URL(self.location.href).searchParams;
let tagger = null; // the Go program, started
let taggerKind = "news"; // which build it is: "news" (tagger.wasm) or "prose" (tagger-prose.wasm, both models)
let model = null; // the model the next tagging uses, loaded
let modelSource = ""; // where it came from: "news", "prose" or "file"

function errorText(err) {
  return String((err && err.message) || err);
}

// prefetched holds the downloads "warm" started: the tagger's WebAssembly
// (an ArrayBuffer) and the default model (a Uint8Array), each a promise
// taken by its first use.
const prefetched = { wasm: null, model: null };

// fetchWasm downloads a WebAssembly program; whose names it in errors.
async function fetchWasm(url, whose) {
  const r = await fetch(url);
  if (!r.ok) {
    throw new Error(whose + " WebAssembly answered " + r.status);
  }
  return r.arrayBuffer();
}

// fetchTaggerWasm downloads the tagger's WebAssembly.
function fetchTaggerWasm() {
  return fetchWasm(params.get("wasm") || "/web/tagger.wasm", "the tagger's");
}

// prefetch downloads the tagger and the default model without compiling
// or starting anything: the tagger first, then the model, which the
// tagger needs only once it has started. (Downloaded together, the two
// ended together, about 110 ms after they began on the 2-core machine,
// the browser's share of the cores being what limits them; the tagger
// alone took about 60 ms, and its start then overlaps the model's
// download.)
function prefetch() {
  if (tagger || prefetched.wasm) {
    return;
  }
  prefetched.wasm = fetchTaggerWasm();
  prefetched.model = prefetched.wasm.then(() => fetchModel("news"), () => fetchModel("news"));
  prefetched.wasm.catch(() => {}); // reported by the first job that uses it
  prefetched.model.catch(() => {});
}

// take returns a prefetched download once, or null.
function take(name) {
  const p = prefetched[name];
  prefetched[name] = null;
  return p;
}

// runGo instantiates a Go program's WebAssembly (bytes: a promise of an
// ArrayBuffer) and runs it; it resolves to the program's Go instance once
// the program calls self[readyName](). The instance's glossaExited
// resolves if the program ends (it never should: a panic ends it).
async function runGo(bytes, readyName) {
  const started = new Promise((resolve) => {
    self[readyName] = resolve;
  });
  const go = new Go();
  const result = await WebAssembly.instantiate(await bytes, go.importObject);
  go.glossaExited = go.run(result.instance);
  await started;
  return go;
}

// startTagger starts the tagger once; kind "prose" starts the build with
// prose's model (tagger-prose.wasm) instead, once, and it then tags with
// either model. The functions it sets replace the first build's.
function startTagger(kind) {
  if (kind === "prose" && taggerKind !== "prose") {
    taggerKind = "prose";
    tagger = null;
  }
  if (!tagger) {
    const wasm = taggerKind === "prose" ?
      fetchWasm(params.get("wasm-prose") || "/web/tagger-prose.wasm", "prose's tagger's") :
      take("wasm") || fetchTaggerWasm();
    const started = runGo(wasm, "glossaTaggerReady").then((go) => {
      self.glossaGo = go;
    });
    started.catch(() => {
      if (tagger === started) {
        tagger = null; // the next use tries again
      }
    });
    tagger = started;
  }
  return tagger;
}

// modelKind says which tagger build a model needs: "prose" for prose's
// model (source "prose", or a file that starts with its signature,
// GLNERMDL), else "news" (which refuses a file that is no model).
function modelKind(source, bytes) {
  if (source === "prose") {
    return "prose";
  }
  const sig = "GLNERMDL";
  if (source === "file" && bytes && bytes.length >= sig.length &&
      [...sig].every((c, i) => bytes[i] === c.charCodeAt(0))) {
    return "prose";
  }
  return "news";
}

// extractor is the extractor's Go program, started (startExtractor).
let extractor = null;

// startExtractor downloads and starts the extractor once: a Go program of
// its own, next to the tagger in this worker.
function startExtractor() {
  if (!extractor) {
    extractor = runGo(fetchWasm(params.get("extract") || "/web/extract.wasm", "the extractor's"), "glossaExtractorReady");
    extractor.catch(() => {
      extractor = null; // the next use tries again
    });
  }
  return extractor;
}

// asks holds the extractor's questions to the page that wait for an
// answer, by number.
const asks = new Map();
let lastAsk = 0;

// glossaAskPage asks the page a question about its library (for the
// extractor's remote.Store): a promise of {answer} or {fault}.
self.glossaAskPage = (method, arg) => new Promise((resolve) => {
  const ask = ++lastAsk;
  asks.set(ask, resolve);
  self.postMessage({ type: "ask", ask, method, arg });
});

// exchange runs an export or an import in the extractor and answers the
// page.
async function exchange(msg) {
  const job = msg.job;
  try {
    const extractorGo = await startExtractor();
    // A program that ends (a panic) answers nothing: say so rather than wait.
    const ended = extractorGo.glossaExited.then(() => {
      extractor = null; // the next use starts it again
      throw new Error("the extractor stopped with an error (see the console); try again");
    });
    const answer = (work) => Promise.race([work, ended]);
    if (msg.type === "export") {
      const out = await answer(self.glossaExport(msg.request));
      if (out.bytes) {
        self.postMessage({ type: "exchanged", job, result: out.result, bytes: out.bytes.buffer }, [out.bytes.buffer]);
      } else {
        self.postMessage({ type: "exchanged", job, fault: out.fault });
      }
      return;
    }
    const bytes = new Uint8Array(await msg.file.arrayBuffer());
    const out = await answer(self.glossaImport(msg.request, bytes));
    self.postMessage({ type: "exchanged", job, result: out.result, fault: out.fault });
  } catch (err) {
    self.postMessage({ type: "exchanged", job, fault: JSON.stringify({ message: errorText(err) }) });
  }
}

// fetchModel downloads a model file the site ships.
async function fetchModel(source) {
  const url = source === "prose" ? params.get("prose") || "/web/ner.model" : params.get("model") || "/web/news.model";
  const r = await fetch(url);
  if (!r.ok) {
    throw new Error("the model file answered " + r.status);
  }
  return new Uint8Array(await r.arrayBuffer());
}

// useModel makes the tagger tag with a model from now on, and resolves to
// {recognizer: its name, learns: whether it learns from corrections}:
// source says which ("news" or "prose", a model the
// site ships, loaded once; "file", the bytes of a model file).
function useModel(source, bytes) {
  if (model && source !== "file" && source === modelSource) {
    return model;
  }
  modelSource = source;
  const file = source === "file" ? bytes : (source === "news" && take("model")) || fetchModel(source);
  const loading = (async () => {
    const [data] = await Promise.all([file, startTagger(modelKind(source, source === "file" ? bytes : null))]);
    const loaded = self.glossaLoadModel(data);
    if (loaded.error) {
      throw new Error(loaded.error);
    }
    return { recognizer: loaded.recognizer, learns: !!loaded.learns };
  })();
  model = loading;
  loading.catch(() => {
    if (model === loading) {
      model = null; // the next tagging loads the default model
      modelSource = "";
    }
  });
  return loading;
}

// warmUp has the tagger tag a few built-in sentences, once, while the page
// still starts (after "start"): the first article's tagging is then about
// twice as fast, since WebAssembly compiles each function on its first
// call. A tagging job that comes meanwhile waits for it (tens of ms); one
// that came before (the page sends the sample's as it starts, on a first
// visit) is the warm-up: tagging made-up sentences first would only hold
// it back.
let warmedUp = false;
let tagsWaiting = 0; // tagging jobs waiting for the model
function warmUp() {
  if (tagsWaiting > 0) {
    warmedUp = true;
  }
  if (!warmedUp && self.glossaWarmUp) {
    warmedUp = true;
    self.glossaWarmUp();
  }
}

function currentModel() {
  return model || useModel("news");
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (!msg) {
    return;
  }
  const job = msg.job;
  switch (msg.type) {
    case "warm":
      prefetch();
      return;
    case "start":
      currentModel().then(warmUp).catch(() => {}); // reported to the first tagging job
      return;
    case "model":
      try {
        const loaded = await useModel(msg.source, msg.source === "file" ? new Uint8Array(msg.bytes) : null);
        self.postMessage({ type: "model-loaded", job, recognizer: loaded.recognizer, learns: loaded.learns });
      } catch (err) {
        self.postMessage({ type: "error", job, message: "the model could not be loaded: " + errorText(err) });
      }
      return;
    case "extract":
      try {
        await startExtractor();
        const result = self.glossaExtract(msg.kind || "html", new Uint8Array(msg.bytes));
        self.postMessage({ type: "extracted", job, text: result.text || "", error: result.error || "" });
      } catch (err) {
        self.postMessage({ type: "extracted", job, text: "", error: errorText(err) });
      }
      return;
    case "export":
    case "import":
      exchange(msg);
      return;
    case "answer": {
      const resolve = asks.get(msg.ask);
      asks.delete(msg.ask);
      if (resolve) {
        resolve({ answer: msg.answer || "", fault: msg.fault || "" });
      }
      return;
    }
    case "learn-load":
    case "learn":
    case "forget":
      try {
        await currentModel();
        const result = msg.type === "learn-load" ? self.glossaLearnLoad(msg.records)
          : msg.type === "learn" ? self.glossaLearn(msg.decisions) : self.glossaForget();
        if (result.error) {
          throw new Error(result.error);
        }
        self.postMessage(Object.assign({ type: "learn-result", job }, result));
      } catch (err) {
        self.postMessage({ type: "error", job, message: errorText(err) });
      }
      return;
    case "learning":
      try {
        await currentModel();
        self.glossaLearning(!!msg.on);
      } catch (err) {
        // reported to the next tagging job
      }
      return;
    case "tag":
      break;
    default:
      return;
  }
  try {
    self.postMessage({ type: "status", job, status: "loading-model" });
    tagsWaiting++;
    try {
      await currentModel();
    } catch (err) {
      throw new Error("the language model could not be loaded (" + errorText(err) + ")");
    } finally {
      tagsWaiting--;
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
    self.postMessage({ type: "error", job, message: errorText(err) });
  }
};

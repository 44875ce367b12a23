// What the page starts before the app, once it has painted the article,
// while app.wasm (the UI) is still loading: it asks whether the reader's
// library exists, starts Glossa's tagging worker and, on a first visit,
// has it tag the article shown and draws its highlights before the app
// runs.
"use strict";
// The tagging worker, started so that the tagger and its model download
// in parallel with app.wasm; the worker compiles them when a job needs
// them (the first visit's tagging, below) or once the UI's WebAssembly is
// compiled (the page's loader says so), so that the two compilations do
// not compete for the cores. The app takes the worker over from
// window.glossaTaggerWorker.
//
// Whether the reader's library exists yet is asked once the article has
// painted (the app starts long after): on a first visit (it does not)
// the app opens the sample it serves, and asks for its tagging as it
// starts (window.glossaLibraryIsNew: true, false, or not set where the
// browser cannot say).
//
// On a first visit the article the page shows is the one the app opens:
// the worker tags it at once (window.glossaFirstTagging: its job, its
// text and the messages come so far) and the page draws each block's
// suggestions as they come, as the app draws them, while the app waits
// (window.glossaFirstHighlights, a promise the loader awaits before it
// downloads and compiles app.wasm: the cores go to the tagger first,
// until the first highlights show). The app adopts
// the job when it starts, with its messages (workerTagger.tagAhead), and
// draws the page again from them; this script then leaves the page alone.
(() => {
  const library = typeof goappGetenv === "function" && goappGetenv("GLOSSA_LIBRARY");
  const url = typeof goappGetenv === "function" && goappGetenv("GLOSSA_TAGGER_WORKER");
  let release = () => {};
  // The loader waits for this, 3 s at most, on a page that may be a
  // first visit; elsewhere it goes on at once.
  if (library && url && window.Worker && window.indexedDB && typeof indexedDB.databases === "function" &&
      !new URLSearchParams(location.search).get("doc")) {
    window.glossaFirstHighlights = new Promise((resolve) => {
      release = resolve;
      setTimeout(resolve, 3000);
    });
  }
  let worker = null;
  let libraryIsNew;
  const start = () => {
    if (worker || !url || !window.Worker) {
      return;
    }
    try {
      worker = new Worker(url);
    } catch (err) {
      release(); // the app tries again, and says what fails
      return;
    }
    worker.addEventListener("error", () => {
      window.glossaTaggerFailed = true;
      release();
    });
    worker.postMessage({ type: "warm" });
    window.glossaTaggerWorker = worker;
    tagFirst();
  };
  const ask = () => {
    if (libraryIsNew !== undefined || !window.glossaFirstHighlights) {
      return;
    }
    libraryIsNew = null;
    indexedDB.databases().then((dbs) => {
      libraryIsNew = !dbs.some((db) => db.name === library);
      window.glossaLibraryIsNew = libraryIsNew;
      tagFirst();
    }, release);
  };
  // tagFirst has the worker tag the article shown, once both the worker
  // and the library's absence are known.
  const tagFirst = () => {
    if (!worker || libraryIsNew === undefined || libraryIsNew === null) {
      return;
    }
    const blocks = [...document.querySelectorAll("article.article > [data-start]")];
    if (!libraryIsNew || blocks.length === 0 || window.glossaFirstTagging) {
      release();
      return;
    }
    const tagging = { job: -1, text: articleText(blocks), msgs: [], adopted: false };
    let done = 0; // blocks drawn
    window.glossaFirstTagging = tagging;
    worker.addEventListener("message", (e) => {
      const msg = e.data;
      if (tagging.adopted || !msg || msg.job !== tagging.job) {
        return;
      }
      tagging.msgs.push(msg);
      if (msg.type === "block" && blocks[msg.block]) {
        if (drawSuggestions(blocks[msg.block], msg.entities)) {
          // The first highlights show: app.wasm's download and
          // compilation may start (released before, they took the
          // cores from the tagging and sent app.wasm's 1.5 MB ahead of
          // the first highlight).
          release();
        }
        const status = document.getElementById("status");
        if (status && blocks[msg.block].isConnected) { // the served page's, as the app says it (renderStatus)
          status.textContent = "Finding entities… " + (++done) + " of " + blocks.length + " paragraphs";
        }
      } else if (msg.type === "done" || msg.type === "error") {
        release();
      }
    });
    worker.postMessage({ type: "tag", job: tagging.job, text: tagging.text });
  };
  // After the article's first paint (or 100 ms), which starting a worker
  // and its downloads must not hold back.
  const later = (fn) => {
    requestAnimationFrame(() => setTimeout(fn, 0));
    setTimeout(fn, 100);
  };
  later(ask);
  later(start);
})();

// articleText is the document's text as the served blocks show it: each
// block's text at its first code point (data-start), the blocks apart by
// the line breaks between them.
function articleText(blocks) {
  let text = "";
  let at = 0; // code points in text
  for (const b of blocks) {
    const start = Number(b.dataset.start);
    if (start > at) {
      text += "\n".repeat(start - at);
      at = start;
    }
    const t = b.textContent;
    text += t;
    at += codePoints(t);
  }
  return text;
}

function codePoints(s) {
  let n = 0;
  for (const _ of s) {
    n++;
  }
  return n;
}

// drawSuggestions marks the entities of one block (JSON, code point
// offsets into the document, in order, not overlapping) as the app's
// blockHTML marks suggestions: a <mark> each with data-label, data-start,
// data-end, data-kind, data-span, a title and tabindex 0. Text stays text
// (text nodes): nothing the article or the tagger says is read as HTML.
// A block already marked, or entities that do not fit it, are left
// alone: the app draws them once it runs. It says whether it drew any.
function drawSuggestions(block, json) {
  let ents;
  try {
    ents = JSON.parse(json);
  } catch (err) {
    return false;
  }
  if (!Array.isArray(ents) || ents.length === 0 || block.querySelector("mark") || !block.isConnected) {
    return false;
  }
  const text = block.textContent;
  const first = Number(block.dataset.start);
  // utf16[i]: where code point first+i starts in text.
  const utf16 = [];
  for (let i = 0; i < text.length; i += text.codePointAt(i) > 0xffff ? 2 : 1) {
    utf16.push(i);
  }
  utf16.push(text.length);
  const parts = [];
  let pos = 0;
  let cp = first;
  for (const e of ents) {
    const s = e && e.start, end = e && e.end;
    if (!Number.isInteger(s) || !Number.isInteger(end) || s < cp || end <= s || end - first >= utf16.length ||
        typeof e.label !== "string") {
      return false;
    }
    const from = utf16[s - first], to = utf16[end - first];
    parts.push(document.createTextNode(text.slice(pos, from)));
    const mark = document.createElement("mark");
    mark.dataset.label = e.label;
    mark.dataset.start = String(s);
    mark.dataset.end = String(end);
    mark.dataset.kind = "suggestion";
    mark.dataset.span = s + "-" + end;
    mark.title = e.label + " (suggested)";
    mark.tabIndex = 0;
    mark.textContent = text.slice(from, to);
    parts.push(mark);
    pos = to;
    cp = end;
  }
  parts.push(document.createTextNode(text.slice(pos)));
  block.replaceChildren(...parts);
  if (performance.getEntriesByName("glossa-first-highlight").length === 0) {
    performance.mark("glossa-first-highlight", { detail: "before the app" });
  }
  return true;
}

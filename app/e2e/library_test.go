package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// labelWords drags over text and labels it with a number key, and waits
// until it is saved.
func labelWords(t *testing.T, b *browser, text string, key string) {
	t.Helper()
	dragOver(t, b, text, 0, -1, len(text))
	waitFor(t, b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
	press(t, b, key)
	waitFor(t, b, "the annotation on "+text, `[...document.querySelectorAll('article mark[data-kind="annotation"]')].some((m) => m.textContent === "`+jsString(text)+`")`, 5*time.Second)
}

func waitSaved(t *testing.T, b *browser) {
	t.Helper()
	waitFor(t, b, "Saved", `(() => { const s = document.querySelector("#save-status"); return s.textContent === "Saved" && s.dataset.saved === s.dataset.edits; })()`, 10*time.Second)
}

func annotationTexts(t *testing.T, b *browser) string {
	return strings.Join(eval[[]string](t, b, `[...document.querySelectorAll('article mark[data-kind="annotation"]')].map((m) => m.dataset.label + ":" + m.textContent)`), ",")
}

// TestSavedAcrossReloadAndRestart annotates, reloads, then closes the
// browser and starts a new one on the same profile: the work is there.
func TestSavedAcrossReloadAndRestart(t *testing.T) {
	profile := t.TempDir()
	b := newBrowserAt(t, profile)
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitTagged(t, b, "tagging", time.Minute)
	labelWords(t, b, "civil service chiefs", "2")
	b.do(t, chromedp.SendKeys(chromedp.CSS(`#card-comment`), "who got the letter"), chromedp.KeyEvent(kb.Tab))
	waitFor(t, b, "the comment saved", `/Comment saved/.test(document.querySelector(".notice").textContent)`, 5*time.Second)
	waitSaved(t, b)
	want := annotationTexts(t, b)

	b.do(t, chromedp.Reload())
	waitFor(t, b, "the saved annotation", `document.querySelector('article mark[data-kind="annotation"]')`, 30*time.Second)
	if got := annotationTexts(t, b); got != want {
		t.Errorf("after reload %q, want %q", got, want)
	}
	b.checkClean(t)
	b.close()

	again := newBrowserAt(t, profile)
	again.do(t, chromedp.Navigate(siteURL+"/"))
	waitFor(t, again, "the saved annotation after a restart", `document.querySelector('article mark[data-kind="annotation"]')`, 30*time.Second)
	if got := annotationTexts(t, again); got != want {
		t.Errorf("after a restart %q, want %q", got, want)
	}
	id := eval[string](t, again, `document.querySelector('article mark[data-kind="annotation"]').dataset.id`)
	again.do(t, chromedp.Click(chromedp.CSS(`aside li[data-id="`+id+`"] button`)))
	waitFor(t, again, "the comment", `(document.querySelector("#card-comment") || {}).value === "who got the letter"`, 5*time.Second)
}

// TestTwoTabs edits in two tabs of one browser: each sees the other's
// change within a second, and both edits are kept.
func TestTwoTabs(t *testing.T) {
	a := openAndTag(t)
	tab, cancel := chromedp.NewContext(a.ctx)
	defer cancel()
	b := &browser{ctx: tab}
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitTagged(t, b, "tagging in tab 2", time.Minute)

	labelWords(t, a, "civil service chiefs", "2")
	waitSaved(t, a)
	waitFor(t, b, "tab 1's annotation in tab 2", `[...document.querySelectorAll('article mark[data-kind="annotation"]')].some((m) => m.textContent === "civil service chiefs")`, 2*time.Second)
	labelWords(t, b, "Brexit", "7")
	waitSaved(t, b)
	waitFor(t, a, "tab 2's annotation in tab 1", `[...document.querySelectorAll('article mark[data-kind="annotation"]')].some((m) => m.textContent === "Brexit")`, 2*time.Second)

	a.do(t, chromedp.Reload())
	waitFor(t, a, "both after reload", `document.querySelectorAll('article mark[data-kind="annotation"]').length === 2`, 30*time.Second)
}

// TestLibraryAddRenameDeleteUndo adds a pasted article, renames it,
// deletes it and brings it back.
func TestLibraryAddRenameDeleteUndo(t *testing.T) {
	b := openAndTag(t)
	b.do(t, chromedp.Click(chromedp.CSS(".library-button")))
	waitFor(t, b, "the library", `document.querySelector('section[aria-label="Library"] .library-item')`, 10*time.Second)
	b.do(t,
		chromedp.Click(chromedp.CSS(".add-article summary")),
		chromedp.SendKeys(chromedp.CSS(`textarea[aria-label="Article text"]`), "Pasted Story\n\nAngela Merkel met Emmanuel Macron in Paris on Monday."),
		chromedp.Click(chromedp.CSS(`.add-article button`)),
	)
	waitFor(t, b, "the pasted article open", `document.querySelector("article h1").textContent === "Pasted Story"`, 10*time.Second)
	waitTagged(t, b, "it tagged", time.Minute)
	waitFor(t, b, "two articles listed", `document.querySelectorAll(".library-item").length === 2`, 5*time.Second)
	if !strings.Contains(eval[string](t, b, `location.search`), "doc=urn") {
		t.Errorf("the address does not name the open article")
	}

	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Rename Pasted Story"]`)))
	b.do(t, chromedp.Click(chromedp.CSS(`input[aria-label="New title"]`)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.SendKeys(chromedp.CSS(`input[aria-label="New title"]`), "Renamed <b>Story</b>\n"))
	waitFor(t, b, "the new title", `[...document.querySelectorAll(".doc-title")].some((a) => a.textContent === "Renamed <b>Story</b>")`, 5*time.Second)

	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Delete Renamed <b>Story</b>"]`)))
	waitFor(t, b, "one article left", `document.querySelectorAll(".library-item").length === 1`, 5*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Undo delete"]`)))
	waitFor(t, b, "the article back", `[...document.querySelectorAll(".doc-title")].some((a) => a.textContent === "Renamed <b>Story</b>")`, 5*time.Second)
	if n := eval[int](t, b, `document.querySelectorAll("b").length`); n != 0 {
		t.Errorf("a title's markup became %d elements", n)
	}
	b.checkClean(t)
}

// TestCorruptRecord stores garbage as an annotation through the page: the
// app still starts, names the record, and the good annotation shows.
func TestCorruptRecord(t *testing.T) {
	b := openAndTag(t)
	labelWords(t, b, "civil service chiefs", "2")
	waitSaved(t, b)
	eval[bool](t, b, `new Promise((resolve, reject) => {
  const req = indexedDB.open("glossa");
  req.onsuccess = () => {
    const db = req.result;
    const doc = db.transaction("documents").objectStore("documents").getAllKeys();
    doc.onsuccess = () => {
      const tx = db.transaction("annotations", "readwrite");
      tx.objectStore("annotations").put({ doc: doc.result[0], json: "{not json" }, "urn:uuid:broken-record");
      tx.oncomplete = () => { db.close(); resolve(true); };
      tx.onerror = () => reject(tx.error);
    };
  };
  req.onerror = () => reject(req.error);
})`)
	b.do(t, chromedp.Reload())
	waitFor(t, b, "the good annotation", `[...document.querySelectorAll('article mark[data-kind="annotation"]')].some((m) => m.textContent === "civil service chiefs")`, 30*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(".library-button")))
	waitFor(t, b, "the problem named", `/urn:uuid:broken-record/.test((document.querySelector(".problem") || {}).textContent)`, 10*time.Second)
	// Annotating still works and saves.
	labelWords(t, b, "Brexit", "7")
	waitSaved(t, b)
}

// TestNoIndexedDB runs the app where the browser offers no database: a
// banner says work will not be kept, annotating works from memory, and the
// export the banner asks for holds the work (the worker that writes it
// reads the library in the page's memory).
func TestNoIndexedDB(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(window, "indexedDB", { value: undefined });`,
	})
	if err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitFor(t, b, "the banner", `/will not be kept/.test((document.querySelector(".banner") || {}).textContent)`, 30*time.Second)
	waitTagged(t, b, "tagging", time.Minute)
	labelWords(t, b, "Brexit", "7")

	data, err := os.ReadFile(exportVia(t, b, "csv", false))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "Brexit") {
		t.Errorf("the export from memory lacks the annotation:\n%s", data)
	}
}

// TestAddHTMLArticle opens a saved web page through the file picker: the
// article's text is found (off the main thread), scripts and navigation
// are dropped, and it opens as a new article.
func TestAddHTMLArticle(t *testing.T) {
	b := openAndTag(t)
	page := filepath.Join(t.TempDir(), "story.html")
	os.WriteFile(page, []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Site | Story</title>
<meta property="og:title" content="Ministers Meet In Berlin">
<meta name="author" content="Jane Reporter"><script>window.evil = 1</script><style>p{color:red}</style></head>
<body><nav>Home News Sport</nav><article><h1>Ministers Meet In Berlin</h1>
<p>Angela Merkel met Emmanuel Macron in Berlin on Monday.</p><p>They spoke about &lt;b&gt;trade&lt;/b&gt;.</p></article>
<footer>Copyright</footer></body></html>`), 0o644)
	b.do(t, chromedp.Click(chromedp.CSS(".library-button")))
	waitFor(t, b, "the library", `document.querySelector('section[aria-label="Library"]')`, 10*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(".add-article summary")),
		chromedp.SetUploadFiles(chromedp.CSS(`input[aria-label="Open an article file"]`), []string{page}))
	waitFor(t, b, "the web page's article", `document.querySelector("article h1").textContent === "Ministers Meet In Berlin"`, 15*time.Second)
	text := eval[string](t, b, `document.querySelector("article").textContent`)
	for _, gone := range []string{"Home News Sport", "Copyright", "window.evil", "color:red"} {
		if strings.Contains(text, gone) {
			t.Errorf("the article holds %q", gone)
		}
	}
	if !strings.Contains(text, "They spoke about <b>trade</b>.") || eval[int](t, b, `document.querySelectorAll("article b").length`) != 0 {
		t.Errorf("escaped markup did not stay text: %q", text)
	}
	b.checkClean(t)
}

// TestQuotaExhausted makes the browser's database refuse writes as a full
// disk does (QuotaExceededError; Chromium's quota override does not reach
// IndexedDB here): saving fails with a message saying what to do, the work
// stays on screen, and what was saved before is intact.
func TestQuotaExhausted(t *testing.T) {
	b := openAndTag(t)
	labelWords(t, b, "civil service chiefs", "2")
	waitSaved(t, b)
	b.do(t, chromedp.Evaluate[chromedp.Void](`(() => {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
  window.__restorePut = () => { IDBObjectStore.prototype.put = put; };
})()`))
	labelWords(t, b, "Brexit", "7")
	waitFor(t, b, "the failure", `/^Not saved: the browser's storage is full/.test(document.querySelector("#save-status").textContent)`, 10*time.Second)
	if got := annotationTexts(t, b); !strings.Contains(got, "Brexit") || !strings.Contains(got, "civil service chiefs") {
		t.Errorf("the work left the screen: %q", got)
	}
	// Space again: the next change saves everything.
	b.do(t, chromedp.Evaluate[chromedp.Void](`window.__restorePut()`))
	labelWords(t, b, "Kremlin", "2")
	waitSaved(t, b)
	want := annotationTexts(t, b)
	b.do(t, chromedp.Reload())
	waitFor(t, b, "the three annotations", `document.querySelectorAll('article mark[data-kind="annotation"]').length === 3`, 30*time.Second)
	if got := annotationTexts(t, b); got != want {
		t.Errorf("after reload %q, want %q", got, want)
	}
}

// TestFirstVisitEditBeforeTheLibraryIsOpen accepts a suggestion on a first
// visit while the library is still being created: the page shows the
// sample's suggestions before the sample is stored (it is stored once its
// tagging has ended), so the edit waits, says "Saving…", and is stored once
// the library is open. The test holds back the tagger's "done" message for
// two seconds to keep the library opening while it acts.
func TestFirstVisitEditBeforeTheLibraryIsOpen(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `(() => {
  // Held for every listener of the worker, as the message comes: the
  // page's own (boot.js's, then the app's) get it 2 s late.
  const Native = Worker;
  window.Worker = function (...args) {
    const w = new Native(...args);
    w.addEventListener("message", (e) => {
      if (e.data && e.data.type === "done" && !window.__doneHeld) {
        window.__doneHeld = true;
        e.stopImmediatePropagation();
        setTimeout(() => w.dispatchEvent(new MessageEvent("message", { data: e.data })), 2000);
      }
    });
    return w;
  };
  window.Worker.prototype = Native.prototype;
})();`,
	})
	if err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Navigate(siteURL+"/"))
	suggestion := `document.querySelector('article mark[data-kind="suggestion"]:not([data-label="CLAIM"])')`
	waitFor(t, b, "a suggestion", suggestion, time.Minute)
	// The suggestions show before the app runs (web/boot.js); a reader
	// acts once the app's tools are there.
	waitFor(t, b, "the app", `document.querySelector("#exchange-button")`, time.Minute)
	span := eval[string](t, b, suggestion+`.dataset.span`)
	b.do(t, chromedp.Evaluate[chromedp.Void](suggestion+`.focus()`))
	press(t, b, "a")
	accepted := `document.querySelector('article mark[data-kind="annotation"][data-span="` + span + `"]')`
	waitFor(t, b, "the suggestion accepted", accepted, 5*time.Second)
	if !eval[bool](t, b, `window.__doneHeld && !/^Found/.test(document.querySelector("#status").textContent)`) {
		t.Fatal("the tagging ended before the edit: the test did not act while the library was opening")
	}
	waitFor(t, b, "Saving… while the library opens", `document.querySelector("#save-status").textContent === "Saving…"`, 5*time.Second)
	waitSaved(t, b)

	b.do(t, chromedp.Reload())
	waitFor(t, b, "the reloaded article", `document.querySelector("#save-status").textContent === "Saved" && /^Found/.test(document.querySelector("#status").textContent)`, time.Minute)
	if !eval[bool](t, b, accepted+` !== null`) {
		t.Errorf("after a reload, the suggestion accepted before the library was open is not an annotation")
	}
	b.checkClean(t)
}

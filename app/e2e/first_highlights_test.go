package e2e

import (
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// suggestionMarksJS lists the article's suggested entities as marks:
// every attribute a reader's tools read, and the text.
const suggestionMarksJS = `[...document.querySelectorAll('article mark[data-kind="suggestion"]:not([data-label="CLAIM"]):not(.fragment)')].map((m) =>
  [m.dataset.label, m.dataset.start, m.dataset.end, m.dataset.span, m.title, m.getAttribute("tabindex"), m.textContent].join("|"))`

// TestFirstVisitHighlightsBeforeTheApp: on a first visit the tagger's
// suggestions show before the app (app.wasm) runs, as the app draws
// them, and the article shown keeps them as the app takes the page over:
// no frame shows fewer highlights than one before it.
func TestFirstVisitHighlightsBeforeTheApp(t *testing.T) {
	// The app kept from running: the page draws the suggestions alone.
	// (The loader compiles app.wasm in a worker, or else in the page.)
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `const NativeWorker = Worker;
window.Worker = function (url, ...rest) {
  if (String(url).includes("wasm-compiler")) {
    throw new Error("held back by the test");
  }
  return new NativeWorker(url, ...rest);
};
const nativeFetch = window.fetch;
window.fetch = (url, ...rest) => /app\.[0-9a-f]+\.wasm/.test(String(url)) ? Promise.reject(new Error("held back by the test")) : nativeFetch(url, ...rest);`,
	})
	if err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitFor(t, b, "the tagging done before the app",
		`window.glossaFirstTagging && window.glossaFirstTagging.msgs.some((m) => m.type === "done")`, time.Minute)
	before := eval[[]string](t, b, suggestionMarksJS)
	if len(before) == 0 {
		t.Fatal("no suggestion drawn before the app runs")
	}
	if got := eval[string](t, b, `(performance.getEntriesByName("glossa-first-highlight")[0] || {}).detail || ""`); got != "before the app" {
		t.Errorf("glossa-first-highlight's detail is %q, want the mark the page made before the app", got)
	}
	if eval[bool](t, b, `performance.getEntriesByName("glossa-wasm-compiled").length > 0`) {
		t.Error("the app ran though app.wasm was blocked: the test does not hold it back")
	}

	// The app running, on a new first visit: the same suggestions, and
	// the article never without them once they have shown (each frame's
	// count, read as the frame starts).
	b2 := newBrowser(t)
	_, err = chromedp.Call(b2.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__frames = [];
const frame = () => {
  const n = document.querySelectorAll("article mark").length;
  const last = window.__frames[window.__frames.length - 1];
  if (!last || last.marks !== n) {
    window.__frames.push({ at: performance.now(), marks: n, app: performance.getEntriesByName("glossa-wasm-ready").length > 0 });
  }
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);`,
	})
	if err != nil {
		t.Fatal(err)
	}
	b2.do(t, chromedp.Navigate(siteURL+"/"))
	waitTagged(t, b2, "tagging", time.Minute)
	after := eval[[]string](t, b2, suggestionMarksJS)
	if !slices.Equal(before, after) {
		t.Errorf("the page drew %d suggestions before the app, the app %d; first difference: %s",
			len(before), len(after), firstDifference(before, after))
	}
	type frame struct {
		At    float64
		Marks int
		App   bool
	}
	frames := eval[[]frame](t, b2, `window.__frames`)
	most := 0
	for _, f := range frames {
		if f.Marks < most {
			t.Errorf("a frame at %.0f ms showed %d highlights after one had shown %d (app started: %v); frames: %+v", f.At, f.Marks, most, f.App, frames)
			break
		}
		most = f.Marks
	}
	if most == 0 {
		t.Errorf("no frame showed a highlight: %+v", frames)
	}
	b2.checkClean(t)
}

// firstDifference describes where two lists first differ.
func firstDifference(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return "#" + itoa(i) + ": " + a[i] + " / " + b[i]
		}
	}
	return "one list is longer"
}

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestFirstVisitTagsAsTheAppStarts: on a first visit the sample's
// tagging job goes to the worker as the app starts, while the page is
// still the one the server sent (go-app has not put its own in its
// place), so the tagger works while go-app renders; one job only, and
// its highlights reach the article.
func TestFirstVisitTagsAsTheAppStarts(t *testing.T) {
	b := newBrowser(t)
	recordTagJobs(t, b)
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitFor(t, b, "tagging", `/^Found \d+ entities/.test(document.querySelector("#status").textContent)`, time.Minute)
	type post struct{ Served bool }
	posts := eval[[]post](t, b, `window.__tagJobs`)
	if len(posts) != 1 {
		t.Fatalf("first visit posted %d tagging jobs, want 1", len(posts))
	}
	if !posts[0].Served {
		t.Error("the sample's tagging job went out after go-app replaced the served page (as the page mounted), not as the app started")
	}
	if n := eval[int](t, b, `document.querySelectorAll("article mark").length`); n == 0 {
		t.Error("no highlight in the article")
	}
	b.checkClean(t)
}

// TestFirstVisitSampleTaggedAhead: on a first visit the worker tags the
// sample as soon as its model is loaded (boot.js tells it the library is
// new), and the page's job, come after, gets that tagging at once: the
// same entities, block by block, and the same claims as the tagger gives
// for the same text asked afterwards.
func TestFirstVisitSampleTaggedAhead(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__jobs = {}; window.__texts = [];
const Own = Worker;
window.Worker = class extends Own {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (e) => {
      const m = e.data;
      if (m && (m.type === "block" || m.type === "done")) {
        const job = (window.__jobs[m.job] ??= { blocks: [], done: null });
        if (m.type === "block") { job.blocks.push([m.block, m.entities]); } else { job.done = m; }
      }
    });
  }
  postMessage(msg, ...rest) {
    if (msg && msg.type === "tag" && !window.__released) {
      window.__held.push(() => super.postMessage(msg, ...rest));
      window.__texts.push(msg.text);
      return;
    }
    return super.postMessage(msg, ...rest);
  }
};
window.__held = [];
window.__release = () => { window.__released = true; window.__held.forEach((post) => post()); };`,
	})
	if err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Navigate(siteURL+"/"))
	// The page's job is held until the worker has loaded its model (it
	// answers a request for the model it has loaded after the warm-up):
	// the job then comes after the tagging ahead of it, as on a machine
	// where the tagger starts before the page.
	waitFor(t, b, "the page's tagging job", `window.glossaLibraryIsNew === true && window.__held.length > 0`, time.Minute)
	if !eval[bool](t, b, `new Promise((resolve) => {
  const w = window.glossaTaggerWorker;
  w.addEventListener("message", (e) => { if (e.data && e.data.job === 1e6 + 1) resolve(e.data.type === "model-loaded"); });
  w.postMessage({ type: "model", source: "news", job: 1e6 + 1 });
})`) {
		t.Fatal("the worker could not load its model")
	}
	eval[any](t, b, `window.__release()`)
	waitFor(t, b, "tagging", `/^Found \d+ entities/.test(document.querySelector("#status").textContent)`, time.Minute)
	type tagging struct {
		Blocks [][2]any
		Done   struct {
			Ahead  bool
			Blocks int
			Claims string
		}
	}
	jobs := eval[map[string]tagging](t, b, `window.__jobs`)
	if len(jobs) != 1 {
		t.Fatalf("first visit: %d tagging jobs answered, want 1", len(jobs))
	}
	var first tagging
	for _, j := range jobs {
		first = j
	}
	if !first.Done.Ahead {
		t.Error("first visit: the sample's job was tagged when the page asked, not ahead of it")
	}
	// The same text again, as a job of its own: tagged now.
	again := eval[tagging](t, b, `new Promise((resolve) => {
  const job = 1e6;
  window.glossaTaggerWorker.postMessage({ type: "tag", job, text: window.__texts[0] });
  const check = () => window.__jobs[job] && window.__jobs[job].done ? resolve(window.__jobs[job]) : setTimeout(check, 20);
  check();
})`)
	if again.Done.Ahead {
		t.Error("a second job for the sample's text was answered from the tagging done ahead, which a job takes once")
	}
	if first.Done.Blocks != again.Done.Blocks || len(first.Blocks) != len(again.Blocks) || first.Done.Claims != again.Done.Claims {
		t.Errorf("the tagging done ahead differs from the tagger's: %d blocks (%d told), claims %q\nwant %d blocks (%d told), claims %q",
			first.Done.Blocks, len(first.Blocks), first.Done.Claims, again.Done.Blocks, len(again.Blocks), again.Done.Claims)
	}
	for i := range min(len(first.Blocks), len(again.Blocks)) {
		if first.Blocks[i] != again.Blocks[i] {
			t.Errorf("block message %d: %v, want %v", i, first.Blocks[i], again.Blocks[i])
		}
	}
	if n := eval[int](t, b, `document.querySelectorAll("article mark").length`); n == 0 {
		t.Error("no highlight in the article")
	}
	b.checkClean(t)
}

// recordTagJobs has every page the tab opens from now on note each
// tagging job it posts to a worker, in window.__tagJobs, with whether the
// page's first element was then still the one the server sent (served).
func recordTagJobs(t *testing.T, b *browser) {
	t.Helper()
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__tagJobs = [];
document.addEventListener("DOMContentLoaded", () => { window.__served = document.body.firstElementChild; });
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (msg, ...rest) {
  if (msg && msg.type === "tag") {
    window.__tagJobs.push({ served: !!window.__served && document.body.firstElementChild === window.__served });
  }
  return post.call(this, msg, ...rest);
};`,
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLoadLeavesLocalStorageAlone: Glossa keeps the reader's work in
// IndexedDB and nothing in localStorage, whose first use the browser
// makes the page wait for; a first visit and a reload use it not once
// (go-app looked its states up there: app.DisablePersistentStates).
func TestLoadLeavesLocalStorageAlone(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__localStorageUses = 0;
const own = Object.getOwnPropertyDescriptor(window, "localStorage") || Object.getOwnPropertyDescriptor(Window.prototype, "localStorage");
Object.defineProperty(window, "localStorage", { configurable: true, get() { window.__localStorageUses++; return own.get.call(window); } });`,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, visit := range []string{"first visit", "reload"} {
		if visit == "first visit" {
			b.do(t, chromedp.Navigate(siteURL+"/"))
		} else {
			b.do(t, chromedp.Reload())
		}
		waitFor(t, b, "tagging", `/^Found \d+ entities/.test(document.querySelector("#status").textContent)`, time.Minute)
		waitFor(t, b, "the suggestions kept", `document.querySelector("#status").dataset.kept === "true"`, 30*time.Second)
		if n := eval[int](t, b, `window.__localStorageUses`); n != 0 {
			t.Errorf("%s: the page used localStorage %d times", visit, n)
		}
	}
	b.checkClean(t)
}

// TestManifestComesAfterTheFirstTagging: the served page names no web
// app manifest, which sets Chromium's own process to work on whether the
// page is an installable app while the page loads; the loader names it
// once the first article is tagged, and Chromium then reads it whole:
// Glossa stays an installable app.
func TestManifestComesAfterTheFirstTagging(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__manifest = {};
document.addEventListener("DOMContentLoaded", () => {
  window.__manifest.served = document.querySelectorAll('link[rel="manifest"]').length;
  new MutationObserver(() => {
    if (window.__manifest.named === undefined && document.querySelector('link[rel="manifest"]')) {
      window.__manifest.named = performance.now();
      window.__manifest.tagged = (performance.getEntriesByName("glossa-tagged")[0] || { startTime: -1 }).startTime;
    }
  }).observe(document.head, { childList: true, subtree: true, attributes: true });
});`,
	})
	if err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitFor(t, b, "tagging", `/^Found \d+ entities/.test(document.querySelector("#status").textContent)`, time.Minute)
	if n := eval[int](t, b, `window.__manifest.served`); n != 0 {
		t.Fatalf("the served page names %d web app manifests, want none", n)
	}
	waitFor(t, b, "the manifest named", `window.__manifest.named !== undefined`, 30*time.Second)
	type record struct{ Named, Tagged float64 }
	r := eval[record](t, b, `window.__manifest`)
	if r.Tagged < 0 || r.Named < r.Tagged {
		t.Errorf("the manifest was named at %.0f ms, before the first tagging (glossa-tagged at %.0f ms)", r.Named, r.Tagged)
	}
	manifest, err := chromedp.Call(b.ctx, page.GetAppManifest, page.GetAppManifestParams{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(manifest.URL, "/manifest.webmanifest") || len(manifest.Errors) > 0 {
		t.Fatalf("Chromium read the manifest %q with errors %v", manifest.URL, manifest.Errors)
	}
	if m := manifest.Manifest; m == nil || m.Name != "Glossa" || m.StartURL != siteURL+"/" || len(m.Icons) == 0 {
		t.Errorf("Chromium read the manifest as %+v, want Glossa's name, start URL and icons", m)
	}
	b.checkClean(t)
}

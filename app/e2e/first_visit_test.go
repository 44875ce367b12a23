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
	waitTagged(t, b, "tagging", time.Minute)
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
		waitTagged(t, b, "tagging", time.Minute)
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
	waitTagged(t, b, "tagging", time.Minute)
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

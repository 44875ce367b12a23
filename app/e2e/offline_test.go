package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestOfflineSecondVisit visits once, stops the server, and reloads: the
// service worker serves the app, which shows the article and tags it. The
// worker is registered once the article is tagged, not before: its
// install downloads the whole site again.
func TestOfflineSecondVisit(t *testing.T) {
	addr, stop, err := serve(filepath.Join(repoRoot, "dist", "site"))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	b := newBrowser(t)
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `if (navigator.serviceWorker) {
  const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
  navigator.serviceWorker.register = (...args) => {
    window.__registeredAt ??= performance.now();
    return register(...args);
  };
}`,
	}); err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Navigate(addr+"/"))
	waitTagged(t, b, "tagging", time.Minute)
	online := eval[int](t, b, `document.querySelectorAll("article mark").length`)
	// The service worker caches the app when it installs; wait for that.
	waitFor(t, b, "the service worker to cache the app", `navigator.serviceWorker.ready.then(async (reg) => {
  const keys = await caches.keys();
  if (!reg.active || keys.length === 0) return false;
  const cache = await caches.open(keys[0]);
  const wasm = await cache.keys();
  return wasm.some((r) => /tagger\.[0-9a-f]+\.wasm$/.test(r.url)) && reg.active.state === "activated";
})`, time.Minute)
	order := eval[string](t, b, `(() => {
  const tagged = performance.getEntriesByName("glossa-tagged")[0];
  if (!tagged) return "no glossa-tagged mark";
  if (window.__registeredAt === undefined) return "no registration seen";
  return window.__registeredAt >= tagged.startTime ? "after" : "registered at " + window.__registeredAt.toFixed(0) + " ms, tagged at " + tagged.startTime.toFixed(0) + " ms";
})()`)
	if order != "after" {
		t.Errorf("the service worker's registration: %s; want it after the first tagging", order)
	}

	stop()
	if res, err := httpGet(addr + "/"); err == nil {
		t.Fatalf("the server still answers (%d) after it was stopped", res)
	}
	b.do(t, chromedp.Reload())
	waitFor(t, b, "the article offline", `document.querySelector("article h1.headline")`, 30*time.Second)
	waitTagged(t, b, "tagging offline", time.Minute)
	if offline := eval[int](t, b, `document.querySelectorAll("article mark").length`); offline != online {
		t.Errorf("offline the article has %d highlights, online %d", offline, online)
	}
}

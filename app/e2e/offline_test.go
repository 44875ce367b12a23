package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestOfflineSecondVisit visits once, stops the server, and reloads: the
// service worker serves the app, which shows the article and tags it.
func TestOfflineSecondVisit(t *testing.T) {
	addr, stop, err := serve(filepath.Join(repoRoot, "dist", "site"))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(addr+"/"))
	waitFor(t, b, "tagging", `/^Found \d+ entities/.test(document.querySelector("#status").textContent)`, time.Minute)
	online := eval[int](t, b, `document.querySelectorAll("article mark").length`)
	// The service worker caches the app when it installs; wait for that.
	waitFor(t, b, "the service worker to cache the app", `navigator.serviceWorker.ready.then(async (reg) => {
  const keys = await caches.keys();
  if (!reg.active || keys.length === 0) return false;
  const cache = await caches.open(keys[0]);
  const wasm = await cache.keys();
  return wasm.some((r) => /tagger\.[0-9a-f]+\.wasm$/.test(r.url)) && reg.active.state === "activated";
})`, time.Minute)

	stop()
	if res, err := httpGet(addr + "/"); err == nil {
		t.Fatalf("the server still answers (%d) after it was stopped", res)
	}
	b.do(t, chromedp.Reload())
	waitFor(t, b, "the article offline", `document.querySelector("article h1.headline")`, 30*time.Second)
	waitFor(t, b, "tagging offline", `/^Found \d+ entities/.test(document.querySelector("#status").textContent)`, time.Minute)
	if offline := eval[int](t, b, `document.querySelectorAll("article mark").length`); offline != online {
		t.Errorf("offline the article has %d highlights, online %d", offline, online)
	}
}

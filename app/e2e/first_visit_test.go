package e2e

import (
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
	// Note, for each tagging job posted to a worker, whether the page's
	// first element is still the one the server sent.
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__tagPosts = [];
document.addEventListener("DOMContentLoaded", () => { window.__served = document.body.firstElementChild; });
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (msg, ...rest) {
  if (msg && msg.type === "tag") {
    window.__tagPosts.push({ served: !!window.__served && document.body.firstElementChild === window.__served });
  }
  return post.call(this, msg, ...rest);
};`,
	})
	if err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitFor(t, b, "tagging", `/^Found \d+ entities/.test(document.querySelector("#status").textContent)`, time.Minute)
	type post struct{ Served bool }
	posts := eval[[]post](t, b, `window.__tagPosts`)
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

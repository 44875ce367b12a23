package e2e

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// openAddArticle opens the library's "Add an article" form, its box
// focused.
func openAddArticle(t *testing.T, b *browser) {
	t.Helper()
	b.do(t, chromedp.Click(chromedp.CSS(".library-button")))
	waitFor(t, b, "the library", `document.querySelector('section[aria-label="Library"] .library-item')`, 10*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(".add-article summary")))
	b.do(t, chromedp.Click(chromedp.CSS(`#paste-article`)))
}

// insertText types text into the focused element in one go, as an input
// method or a paste from outside the page does (Input.insertText).
func insertText(t *testing.T, b *browser, text string) {
	t.Helper()
	b.do(t, func(ctx context.Context, target *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, target, input.InsertText, input.InsertTextParams{Text: text})
		return chromedp.Void{}, err
	})
}

// heldWords reads the words the held paste's notice counts, failing the
// test where it shows no such notice.
func heldWords(t *testing.T, b *browser) int {
	t.Helper()
	notice := eval[string](t, b, `(document.querySelector(".held-paste") || {textContent: ""}).textContent`)
	m := regexp.MustCompile(`^Pasted: ([0-9,]+) words, beginning “A Long Story”`).FindStringSubmatch(notice)
	if m == nil {
		t.Fatalf("the held paste's notice reads %q", notice)
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

// TestLongPasteIsHeld: a text too long for the box (its layout would hold
// the page up) is held instead, the form saying how many words it holds
// and how it begins; "Add pasted text" adds all of it, and the box comes
// back empty. A short text still goes in the box, to be edited.
func TestLongPasteIsHeld(t *testing.T) {
	b := openAndTag(t)
	openAddArticle(t, b)
	insertText(t, b, "Short Title\n\nA short body.")
	if got := eval[string](t, b, `document.querySelector("#paste-article").value`); got != "Short Title\n\nA short body." {
		t.Fatalf("a short text: the box holds %q", got)
	}
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#paste-article").value = ""`))

	const paragraphs = 150
	story := longStory(paragraphs)
	insertText(t, b, story)
	waitFor(t, b, "the paste held", `!!document.querySelector(".held-paste")`, 5*time.Second)
	if n, want := heldWords(t, b), len(strings.Fields(story)); n != want {
		t.Errorf("the notice counts %d words, want %d", n, want)
	}
	if eval[bool](t, b, `!!document.querySelector("#paste-article")`) {
		t.Errorf("the box is still shown beside the held text")
	}
	b.do(t, chromedp.Click(chromedp.CSS(`.add-article button`)))
	waitFor(t, b, "the pasted article open", `(document.querySelector("article h1") || {}).textContent === "A Long Story"`, 10*time.Second)
	waitFor(t, b, "every paragraph on screen", fmt.Sprintf(`document.querySelectorAll("article > p").length === %d`, paragraphs), 30*time.Second)
	if got := eval[string](t, b, `[...document.querySelectorAll("article > p")].pop().textContent`); !strings.HasSuffix(got, fmt.Sprintf("paragraph %d.", paragraphs)) {
		t.Errorf("the last paragraph reads %q", got)
	}
	waitFor(t, b, "the box back, empty, the notice gone", `!document.querySelector(".held-paste") && document.querySelector("#paste-article") && document.querySelector("#paste-article").value === ""`, 5*time.Second)
	waitFor(t, b, "two articles listed", `document.querySelectorAll(".library-item").length === 2`, 5*time.Second)
	b.checkClean(t)
}

// TestLongPasteDiscarded: a long paste (the page's paste event, as from
// the clipboard) is held, the paste's insertion stopped; "Discard pasted
// text" drops it: the box is back, empty, and the library and the open
// article are as they were. A long text dropped on the box is held too.
func TestLongPasteDiscarded(t *testing.T) {
	b := openAndTag(t)
	openAddArticle(t, b)
	title := eval[string](t, b, `document.querySelector("article h1").textContent`)
	inserted := eval[bool](t, b, `(() => {
  const data = new DataTransfer();
  data.setData("text/plain", "`+jsString(longStory(150))+`");
  return document.querySelector("#paste-article").dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
})()`)
	if inserted {
		t.Errorf("the long paste was let through to the box (its default not prevented)")
	}
	waitFor(t, b, "the paste held", `!!document.querySelector(".held-paste")`, 5*time.Second)
	heldWords(t, b)
	discard := `[...document.querySelectorAll(".add-article button")].find((b) => b.textContent === "Discard pasted text")`
	b.do(t, chromedp.Evaluate[chromedp.Void](discard+`.click()`))
	waitFor(t, b, "the box back, empty", `!document.querySelector(".held-paste") && document.querySelector("#paste-article") && document.querySelector("#paste-article").value === ""`, 5*time.Second)
	if n := eval[int](t, b, `document.querySelectorAll(".library-item").length`); n != 1 {
		t.Errorf("the library lists %d articles after the discard, want 1", n)
	}
	if got := eval[string](t, b, `document.querySelector("article h1").textContent`); got != title {
		t.Errorf("the article open is %q, want %q still", got, title)
	}

	// A long text dropped on the box is held too.
	inserted = eval[bool](t, b, `(() => {
  const data = new DataTransfer();
  data.setData("text/plain", "`+jsString(longStory(150))+`");
  return document.querySelector("#paste-article").dispatchEvent(new InputEvent("beforeinput", {inputType: "insertFromDrop", dataTransfer: data, bubbles: true, cancelable: true}));
})()`)
	if inserted {
		t.Errorf("the long text dropped was let through to the box (its default not prevented)")
	}
	waitFor(t, b, "the drop held", `!!document.querySelector(".held-paste")`, 5*time.Second)
	heldWords(t, b)
	b.checkClean(t)
}

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// zorblax returns the label the page suggests for "Zorblax Industries" in
// the open article ("" if it suggests none).
const zorblaxJS = `(([...document.querySelectorAll('article mark[data-kind="suggestion"]')].find((m) => m.textContent === "Zorblax Industries") || {dataset: {}}).dataset.label || "")`

// tagged waits for the open article's tagging.
func tagged(t *testing.T, b *browser) {
	t.Helper()
	waitTagged(t, b, "tagging", time.Minute)
}

// TestLearningFromCorrections: the news model calls "Zorblax Industries"
// a person. A reader corrects it in two articles, and on the next article
// it is suggested as an organisation; with learning off it is a person
// again, and back on, an organisation. What was learned survives a
// reload; forgotten, the mistake is back; undone, it is gone again.
func TestLearningFromCorrections(t *testing.T) {
	b := openAndTag(t)
	articles := []string{
		"Profits Rise\n\nZorblax Industries said on Monday that profits rose by a tenth.",
		"Quarterly Results\n\nZorblax Industries said on Friday that sales fell in Asia.",
	}
	for i, text := range articles {
		pasteArticle(t, b, text, strings.SplitN(text, "\n", 2)[0])
		tagged(t, b)
		label := eval[string](t, b, zorblaxJS)
		if i == 0 && label != "PERSON" {
			t.Fatalf("the model suggests %q for Zorblax Industries before any correction, want the mistake this test corrects (PERSON)", label)
		}
		// The reader marks it as an organisation: 2 on the suggestion (a
		// relabel), or accepts it when it is one already.
		sel := markOf(t, b, "suggestion", "Zorblax Industries")
		b.do(t, chromedp.Focus(chromedp.CSS(sel)))
		press(t, b, "2")
		waitFor(t, b, "the correction", `[...document.querySelectorAll('article mark[data-kind="annotation"][data-label="ORG"]')].some((m) => m.textContent === "Zorblax Industries")`, 5*time.Second)
		waitSaved(t, b)
	}
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "what was learned", `/^Learned from \d+ corrections?\./.test((document.querySelector("#learning-status") || {}).textContent || "")`, 10*time.Second)

	third := "Markets Today\n\nZorblax Industries said profits rose."
	pasteArticle(t, b, third, "Markets Today")
	tagged(t, b)
	if got := eval[string](t, b, zorblaxJS); got != "ORG" {
		t.Fatalf("after two corrections the next article suggests %q for Zorblax Industries, want ORG", got)
	}
	if !strings.Contains(eval[string](t, b, `document.querySelector("#status").textContent`), "learned from") {
		t.Error("the status line does not say the model learned")
	}

	// Learning off: the model as it was trained.
	b.do(t, chromedp.Click(chromedp.CSS("#learning-on")))
	waitFor(t, b, "the base model's suggestion", zorblaxJS+` === "PERSON"`, time.Minute)
	b.do(t, chromedp.Click(chromedp.CSS("#learning-on")))
	waitFor(t, b, "the learned suggestion", zorblaxJS+` === "ORG"`, time.Minute)

	// A reload keeps what was learned.
	b.do(t, chromedp.Reload())
	tagged(t, b)
	b.do(t, chromedp.Click(chromedp.CSS(".library-button")))
	waitFor(t, b, "the library", `document.querySelectorAll(".library-item").length === 4`, 10*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "what was learned, after a reload", `/^Learned from \d+ corrections?\./.test((document.querySelector("#learning-status") || {}).textContent || "")`, time.Minute)
	b.do(t, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(".settings button")].find((b) => b.textContent === "Re-tag this article").click()`))
	tagged(t, b)
	waitFor(t, b, "the learned suggestion after a reload", zorblaxJS+` === "ORG"`, time.Minute)

	// Forget, then undo.
	b.do(t, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(".settings button")].find((b) => b.textContent === "Forget what was learned").click()`))
	waitFor(t, b, "the mistake back", zorblaxJS+` === "PERSON"`, time.Minute)
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Undo forget"]`)))
	waitFor(t, b, "the learned suggestion back", zorblaxJS+` === "ORG"`, time.Minute)
	b.checkClean(t)
}

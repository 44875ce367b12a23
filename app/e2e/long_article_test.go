package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// longStory is a pasted article of paragraphs paragraphs, each naming
// four entities, the last one saying which it is.
func longStory(paragraphs int) string {
	var b strings.Builder
	b.WriteString("A Long Story\n\n")
	for i := 1; i <= paragraphs; i++ {
		fmt.Fprintf(&b, "Angela Merkel met Emmanuel Macron in Paris on Monday, and Reuters reported on talks with Google about paragraph %d.\n\n", i)
	}
	return b.String()
}

// TestLongArticle pastes an article of 150 paragraphs: every paragraph
// reaches the screen (a long article is rendered a part at a time), its
// last paragraph's entities are highlighted once the article is no longer
// aria-busy, the side panel lists the first
// 100 of its hundreds of items with a button for more, and a suggestion in
// the last paragraph is accepted from its mark.
func TestLongArticle(t *testing.T) {
	const paragraphs = 150
	b := openAndTag(t)
	openAddArticle(t, b)
	b.do(t, chromedp.SetValue(chromedp.CSS(`#paste-article`), longStory(paragraphs)))
	b.do(t, chromedp.Click(chromedp.CSS(`.add-article button`)))
	waitFor(t, b, "the pasted article open", `document.querySelector("article h1") && document.querySelector("article h1").textContent === "A Long Story"`, 10*time.Second)
	waitFor(t, b, "every paragraph on screen", fmt.Sprintf(`document.querySelectorAll("article > p").length === %d`, paragraphs), 30*time.Second)
	last := fmt.Sprintf("paragraph %d.", paragraphs)
	if got := eval[string](t, b, `[...document.querySelectorAll("article > p")].pop().textContent`); !strings.HasSuffix(got, last) {
		t.Fatalf("the last paragraph reads %q, want it to end %q", got, last)
	}
	waitTagged(t, b, "it tagged", time.Minute)
	// The highlights go on screen a part per task; the article is
	// aria-busy until every block shows its own.
	waitFor(t, b, "the article no longer busy", `document.querySelector("article").getAttribute("aria-busy") === "false"`, 10*time.Second)
	if n := eval[int](t, b, `[...document.querySelectorAll("article > p")].pop().querySelectorAll("mark[data-kind=suggestion]").length`); n < 3 {
		t.Errorf("the article is done, but its last paragraph shows %d suggestions, want 3 or more", n)
	}

	if n := eval[int](t, b, `document.querySelectorAll(".panel-list > li").length`); n != 100 {
		t.Errorf("the panel lists %d items, want the first 100", n)
	}
	more := `[...document.querySelectorAll('aside[aria-label="Annotations"] button.show-more')].find((b) => /^Show 100 more/.test(b.textContent))`
	waitFor(t, b, "a button for more", more, 5*time.Second)
	b.do(t, chromedp.Evaluate[chromedp.Void](more+`.click()`))
	waitFor(t, b, "200 items listed", `document.querySelectorAll(".panel-list > li").length === 200`, 10*time.Second)

	// A reader scrolled down the list keeps the rows in view where they
	// are while a row above them goes: the list changes row by row, and
	// the rows kept keep their places.
	rowOf := func(key string) string {
		return `document.querySelector('.panel-list > li[data-kind=suggestion][data-span="` + key + `"]')`
	}
	key := eval[string](t, b, `document.querySelectorAll(".panel-list > li[data-kind=suggestion]")[150].dataset.span`)
	b.do(t, chromedp.Evaluate[chromedp.Void](rowOf(key)+`.scrollIntoView({block: "center"})`))
	offset := rowOf(key) + `.getBoundingClientRect().top - document.querySelector(".side").getBoundingClientRect().top`
	settle := `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))`
	eval[bool](t, b, settle)
	before := eval[float64](t, b, offset)
	first := eval[map[string]string](t, b, `(() => { const d = document.querySelector(".panel-list > li[data-kind=suggestion]").dataset; return {span: d.span, label: d.label}; })()`)
	firstMark := fmt.Sprintf(`document.querySelector('article mark[data-kind=suggestion][data-span="%s"][data-label="%s"]')`, first["span"], first["label"])
	b.do(t, chromedp.Evaluate[chromedp.Void](firstMark+`.focus()`))
	press(t, b, "r")
	waitFor(t, b, "the first suggestion rejected", fmt.Sprintf(`!document.querySelector('.panel-list > li[data-kind=suggestion][data-span="%s"][data-label="%s"]')`, first["span"], first["label"]), 10*time.Second)
	eval[bool](t, b, settle)
	if after := eval[float64](t, b, offset); math.Abs(after-before) > 1 {
		t.Errorf("a row of the list in view moved by %.0f px when a row above it went (from %.0f to %.0f px below the side column's top)", after-before, before, after)
	}

	// Accept the last paragraph's first suggestion from its mark.
	mark := `[...document.querySelectorAll("article > p")].pop().querySelector("mark[data-kind=suggestion]")`
	span := eval[string](t, b, mark+`.dataset.span`)
	b.do(t, chromedp.Evaluate[chromedp.Void](mark+`.scrollIntoView({block: "center"})`))
	b.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`article mark[data-kind=suggestion][data-span="%s"]`, span))))
	waitFor(t, b, "its card", fmt.Sprintf(`document.querySelector('section.card[data-span="%s"]')`, span), 5*time.Second)
	press(t, b, "a")
	waitFor(t, b, "accepted", fmt.Sprintf(`[...document.querySelectorAll("article mark[data-kind=annotation]")].some((m) => m.dataset.span === "%s")`, span), 10*time.Second)
	b.checkClean(t)
}

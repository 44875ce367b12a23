package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"glossa/build/longarticle"
)

// With -long, each visit goes on after the load as a reader with a long
// article would: it pastes the benchmark's 10,000-word article into the
// library's "Add an article" (held there, being that long) and adds it,
// then waits until the article is shown and tagged. Two marks bound it:
// addMark at the click on "Add pasted text", addedMark once the article's
// entities are found; the tasks until a second after that are the long
// article's (see longFigures).
const (
	addMark   = "loadtrace-add"
	addedMark = "loadtrace-added"
)

// afterAdded is how long after the long article is tagged its tasks still
// count: saving it, and laying out the last of it.
const afterAdded = 1000.0 // ms

// addLongArticle pastes and adds the long article in the open page, and
// marks when it was added and when it was shown and tagged.
func addLongArticle(ctx context.Context) error {
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) error {
		tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		if err := chromedp.Do(tctx, actions...); err != nil {
			return fmt.Errorf("the long article: %s: %w", what, err)
		}
		return nil
	}
	wait := func(what, cond string) error {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(60*time.Second)))
		if err != nil {
			return fmt.Errorf("the long article: waiting until %s: %w", what, err)
		}
		return nil
	}
	mark := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`performance.mark(%q), undefined`, name))
	}
	text := longarticle.Text(longarticle.Words)
	title, _ := json.Marshal(longarticle.Title)
	if err := step("opening the library's form",
		chromedp.Click(chromedp.CSS(`.library-button`)),
		chromedp.Click(chromedp.CSS(`.add-article summary`)),
		chromedp.Click(chromedp.CSS(`textarea[aria-label="Article text"]`))); err != nil {
		return err
	}
	if err := step("pasting it", func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return chromedp.Void{}, err
	}); err != nil {
		return err
	}
	if err := wait("the form holds it", `!!document.querySelector(".held-paste")`); err != nil {
		return err
	}
	time.Sleep(500 * time.Millisecond) // the page quiet before the click
	if err := step(`clicking "Add pasted text"`, mark(addMark), chromedp.Click(chromedp.CSS(`.add-article button`))); err != nil {
		return err
	}
	if err := wait("it is shown and tagged", `(document.querySelector("article h1") || {}).textContent === `+string(title)+
		` && /^Found \d+ entities/.test(document.querySelector("#status").textContent)`+
		` && document.querySelector("article").getAttribute("aria-busy") !== "true"`); err != nil {
		return err
	}
	if err := step("marking it done", mark(addedMark)); err != nil {
		return err
	}
	time.Sleep(time.Duration(afterAdded) * time.Millisecond)
	return nil
}

// longFigures reads the long article's figures from a visit's marks and
// main-thread tasks (AtMs from navigation start): from the click on "Add
// pasted text" until it was shown and tagged (ms), and the longest task
// and the blocking time of the tasks that start from the click until
// afterAdded ms after that.
func longFigures(marks []mark, tasks []task) (added, longest, blocking float64) {
	from, to := markAt(marks, addMark), markAt(marks, addedMark)
	if from == 0 || to == 0 {
		return 0, 0, 0
	}
	for _, t := range tasks {
		if t.AtMs >= from && t.AtMs < to+afterAdded {
			longest = max(longest, t.Ms)
			blocking += max(0, t.Ms-blockingOver)
		}
	}
	return to - from, longest, blocking
}

// Glossa's interaction rows: after a cold visit's load, the benchmark
// drives the page as a reader would, with real input events (CDP mouse
// and key events; a paste arrives as Input.insertText, as from the
// clipboard), and times each interaction in the page.
//
// Each interaction has a window. It opens at the timestamp of the
// reader's first input event (pointerdown or keydown: when the browser
// received it, before any handler ran), or, for the sample's tagging on
// the cold visit, when the page posted its tagging job to the worker. It
// closes when the interaction is done, as the page shows: the page is
// checked once a frame (requestAnimationFrame), so "on screen" is the
// first frame that shows the change. Long tasks (PerformanceObserver
// "longtask") count for the window they start in; TBT is their sum of
// duration − 50 ms. Before each window the benchmark waits for the main
// thread to be quiet (no long task for 500 ms), so that one interaction's
// tail does not fall in the next one's window. Every wait is bounded
// (state.go): a step that does not get there fails with its name, and the
// rows done before it are kept.
//
// Rows (on screen; done):
//   - tagging the sample (cold visit): from the page posting the tagging
//     job to its first highlight; to its "glossa-tagged" mark.
//   - accept a suggestion: a click on a PERSON suggestion opens its card
//     (not timed); from the click on "Accept suggestion" to the mark
//     shown as the reader's annotation; to the save status's data-saved
//     equal to data-edits (the edit stored).
//   - reject a suggestion: the same with a GPE suggestion, "Reject
//     suggestion" and the mark gone.
//   - type in the panel's search: the word typed one key every 100 ms
//     into the annotation panel's search; from the last key to the list's
//     last change; from the first key to the list's last change (the list
//     has settled when it has not changed for 500 ms).
//   - paste a 10,000-word article: the text pasted into the library's
//     "Add an article", then a click on "Add pasted text"; on screen and
//     done from the click, to its headline on screen and to its tagging
//     kept with it ("Found … entities" in the status, the article no
//     longer aria-busy, and the status's data-kept: the save that keeps
//     the tagging, after it is on screen, is the add's too); its long
//     tasks count from the paste (the text's beforeinput event) to done:
//     a text this long is held beside the box (app/long-paste.go).
//   - tagging the 10,000-word article: the same visit, from the headline
//     on screen to the first highlight; to "Found … entities" and the
//     article no longer aria-busy.
//   - open the 10,000-word article from the library: with the sample
//     open, from the click on its title in the library to its headline on
//     screen; to "Found … entities" and the article no longer aria-busy
//     (its entities were kept).
//   - accept, reject, type: as on the sample, on the 10,000-word article.

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"glossa/build/longarticle"
)

// interaction is what one interaction measured, in ms from its window's
// start.
type interaction struct {
	OnScreenMs float64
	DoneMs     float64
	LongTasks  int // that start in the window
	LongestMs  float64
	TBTMs      float64
}

// The interaction rows, in the table's order.
const (
	tagSampleRow  = "Glossa · tagging the sample (cold visit)"
	acceptSample  = "Glossa · accept a suggestion (sample)"
	rejectSample  = "Glossa · reject a suggestion (sample)"
	typeSample    = "Glossa · type in the panel's search (sample)"
	pasteLong     = "Glossa · paste a 10,000-word article"
	tagLongRow    = "Glossa · tagging the 10,000-word article"
	openLong      = "Glossa · open the 10,000-word article from the library"
	acceptLongRow = "Glossa · accept a suggestion (10,000 words)"
	rejectLongRow = "Glossa · reject a suggestion (10,000 words)"
	typeLongRow   = "Glossa · type in the panel's search (10,000 words)"
)

var interactionRows = []string{tagSampleRow, acceptSample, rejectSample, typeSample, pasteLong, tagLongRow, openLong, acceptLongRow, rejectLongRow, typeLongRow}

// The words typed in the panel's search: each is in some of the
// article's suggestions.
const (
	sampleSearchWord = "russia"
	longSearchWord   = "harbour"
)

// actHelpers are the page-side helpers of the interactions. watch checks
// named conditions once a frame and resolves pending with the time each
// first held; watchList records the time of the last change inside an
// element.
const actHelpers = `window.__benchAct = {
  watch(conds, timeout) {
    const t = {}, names = Object.keys(conds), t0 = performance.now();
    this.pending = new Promise((resolve, reject) => {
      const tick = () => {
        const now = performance.now();
        for (const n of names) {
          try { if (!(n in t) && conds[n]()) t[n] = now; } catch (e) {}
        }
        if (names.every((n) => n in t)) return resolve(t);
        if (now - t0 > timeout) return reject(new Error("timed out waiting for " + names.filter((n) => !(n in t)).join(" and ")));
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return true;
  },
  watchList(sel) {
    if (this.mo) this.mo.disconnect();
    this.lastChange = -1;
    this.mo = new MutationObserver(() => { this.lastChange = performance.now(); });
    this.mo.observe(document.querySelector(sel), { subtree: true, childList: true, characterData: true, attributes: true });
    return true;
  },
  firstInput(from) {
    const e = window.__bench.inputs.slice(from).find((e) => e.type === "pointerdown" || e.type === "mousedown" || e.type === "keydown");
    return e ? e.t : -1;
  },
};
true`

const (
	// Found: the status says so and the article shows every highlight
	// (it is aria-busy while it puts a long article's on screen, a part
	// per task).
	statusFound = `/^Found \d+ entities/.test(document.querySelector("#status").textContent) && document.querySelector("article").getAttribute("aria-busy") !== "true"`
	// Kept: the tagging found is stored with the article.
	statusKept  = statusFound + ` && document.querySelector("#status").dataset.kept === "true"`
	savedAfter  = `(() => { const s = document.querySelector("#save-status"); return +s.dataset.edits > %d && s.dataset.saved === s.dataset.edits; })()`
	panelSearch = `aside[aria-label="Annotations"] input[type="search"]`
)

// The limits of the interactions' waits.
const (
	stepTimeout = 30 * time.Second // a click, a card opening, a list shown
	quickWindow = time.Minute      // accept, reject, the search settling
	longWindow  = 3 * time.Minute  // paste and tag, open the long article
)

// driver drives one page.
type driver struct {
	v   *visit
	ctx context.Context
	out map[string]interaction
}

// interact runs the interactions on a loaded Glossa page and returns
// them by row name; when one fails, it returns those done before it with
// the error.
func interact(v *visit) (map[string]interaction, error) {
	ctx := v.tab
	d := &driver{v: v, ctx: ctx, out: make(map[string]interaction)}
	if _, err := eval[bool](ctx, actHelpers); err != nil {
		return nil, v.fail("the benchmark's helpers installed in the page", err)
	}
	// The sample's tagging on the cold visit, from what the page recorded.
	t, err := eval[map[string]float64](ctx, `(() => {
  const at = (name) => (performance.getEntriesByName(name)[0] || {startTime: -1}).startTime;
  return { posted: window.__bench.tagPosts.length ? window.__bench.tagPosts[0] : -1, first: at("glossa-first-highlight"), done: at("glossa-tagged") };
})()`)
	if err != nil {
		return nil, v.fail("the cold visit's tagging times read", err)
	}
	if t["posted"] >= 0 {
		if err := d.record(tagSampleRow, t["posted"], t["first"], t["done"]); err != nil {
			return d.out, err
		}
	}
	steps := []func() error{
		func() error { return d.decide(acceptSample, "PERSON", true) },
		func() error { return d.decide(rejectSample, "GPE", false) },
		func() error { return d.typeSearch(typeSample, sampleSearchWord) },
		d.paste,
		d.open,
		func() error { return d.decide(acceptLongRow, "PERSON", true) },
		func() error { return d.decide(rejectLongRow, "GPE", false) },
		func() error { return d.typeSearch(typeLongRow, longSearchWord) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return d.out, err
		}
	}
	return d.out, nil
}

// record closes a window: it waits for the long task entries to arrive,
// then counts those that start between start and done.
func (d *driver) record(name string, start, onScreen, done float64) error {
	return d.recordFrom(name, start, start, onScreen, done)
}

// recordFrom is record with the long tasks counted from tasksFrom (before
// the window's start: the paste into the text area before the click).
func (d *driver) recordFrom(name string, tasksFrom, start, onScreen, done float64) error {
	time.Sleep(300 * time.Millisecond)
	tasks, err := eval[[]longTask](d.ctx, `window.__bench.tasks`)
	if err != nil {
		return d.v.fail(name+": the long tasks read", err)
	}
	it := interaction{OnScreenMs: -1, DoneMs: done - start}
	if onScreen >= 0 {
		it.OnScreenMs = onScreen - start
	}
	it.LongTasks, it.LongestMs, it.TBTMs = tasksIn(tasks, tasksFrom, done)
	d.out[name] = it
	return nil
}

// idle waits until the main thread has gone 500 ms without a long task;
// a page that stays busy for 20 s is left as it is (the next window then
// may hold the tail of this one), with a note.
func (d *driver) idle() error {
	time.Sleep(200 * time.Millisecond)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		quiet, err := eval[float64](d.ctx, `performance.now() - window.__bench.tasks.reduce((end, t) => Math.max(end, t.start + t.duration), 0)`)
		if err != nil {
			return d.v.fail("the main thread quiet between interactions", err)
		}
		if quiet >= 500 {
			return nil
		}
	}
	fmt.Fprintln(os.Stderr, "\nbench: the main thread was not quiet for 500 ms within 20 s between two interactions; going on")
	return nil
}

// cond is a named condition the page is watched for.
type cond struct{ name, expr string }

// timed watches the page for conds, runs the action, and returns the
// window's start (the first input event the action caused) and the time
// each condition first held.
// The page's own watch (watch) gives up after timeout and says which
// conditions did not hold; the script that awaits it is bounded by
// evalTimeout, so timeout stays under it.
func (d *driver) timed(state string, action chromedp.Action[chromedp.Void], timeout time.Duration, conds ...cond) (start float64, at map[string]float64, err error) {
	timeout = min(timeout, evalTimeout-10*time.Second)
	from, err := eval[int](d.ctx, `window.__bench.inputs.length`)
	if err != nil {
		return 0, nil, d.v.fail(state, err)
	}
	var js []string
	for _, c := range conds {
		js = append(js, fmt.Sprintf("%q: () => (%s)", c.name, c.expr))
	}
	if _, err := eval[bool](d.ctx, fmt.Sprintf(`window.__benchAct.watch({%s}, %d)`, strings.Join(js, ", "), timeout.Milliseconds())); err != nil {
		return 0, nil, d.v.fail(state, err)
	}
	if err := d.v.do(state, stepTimeout, action); err != nil {
		return 0, nil, err
	}
	if at, err = eval[map[string]float64](d.ctx, `window.__benchAct.pending`); err != nil {
		return 0, nil, d.v.fail(state, err)
	}
	start, err = eval[float64](d.ctx, fmt.Sprintf(`window.__benchAct.firstInput(%d)`, from))
	if err == nil && start < 0 {
		err = fmt.Errorf("the page saw no input event")
	}
	if err != nil {
		return 0, nil, d.v.fail(state, err)
	}
	return start, at, nil
}

// decide accepts or rejects a suggestion of the label: the first one in
// the article that is whole and inside no other highlight.
func (d *driver) decide(name, label string, accept bool) error {
	span, err := eval[string](d.ctx, `(() => {
  const m = [...document.querySelectorAll('article mark[data-kind="suggestion"][data-label="`+label+`"]:not(.fragment)')]
    .find((m) => !m.parentElement.closest("mark"));
  return m ? m.dataset.span : "";
})()`)
	if err != nil {
		return d.v.fail(name+": a "+label+" suggestion found", err)
	}
	if span == "" {
		return d.v.fail(name+": a "+label+" suggestion found", fmt.Errorf("the article shows no whole %s suggestion", label))
	}
	mark := `article mark[data-kind="suggestion"][data-label="` + label + `"][data-span="` + span + `"]`
	button := map[bool]string{true: `button[aria-label="Accept suggestion"]`, false: `button[aria-label="Reject suggestion"]`}[accept]
	if err := d.v.do(name+": the suggestion clicked", stepTimeout, chromedp.Click(chromedp.CSS(mark))); err != nil {
		return err
	}
	if err := d.v.wait(name+": the suggestion's card open", `!!document.querySelector('`+button+`')`, stepTimeout); err != nil {
		return err
	}
	if err := d.idle(); err != nil {
		return err
	}
	edits, err := eval[int](d.ctx, `+document.querySelector("#save-status").dataset.edits`)
	if err != nil {
		return d.v.fail(name+": the save status read", err)
	}
	shown := `!document.querySelector('` + mark + `')`
	if accept {
		shown = `!!document.querySelector('article mark[data-kind="annotation"][data-label="` + label + `"][data-span="` + span + `"]')`
	}
	start, at, err := d.timed(name+": the decision shown and saved", chromedp.Click(chromedp.CSS(button)), quickWindow,
		cond{"shown", shown}, cond{"saved", shown + " && " + fmt.Sprintf(savedAfter, edits)})
	if err != nil {
		return err
	}
	return d.record(name, start, at["shown"], at["saved"])
}

// typeSearch types word into the annotation panel's search, one key
// every 100 ms, and waits for the list to settle; then empties the
// search (not timed).
func (d *driver) typeSearch(name, word string) error {
	if err := d.v.do(name+": the panel's search focused", stepTimeout, chromedp.Click(chromedp.CSS(panelSearch))); err != nil {
		return err
	}
	if err := d.idle(); err != nil {
		return err
	}
	from, err := eval[int](d.ctx, `window.__bench.inputs.length`)
	if err != nil {
		return d.v.fail(name+": the search typed", err)
	}
	if _, err := eval[bool](d.ctx, `window.__benchAct.watchList('aside[aria-label="Annotations"]')`); err != nil {
		return d.v.fail(name+": the annotation panel watched", err)
	}
	for i, r := range word {
		if i > 0 {
			time.Sleep(100 * time.Millisecond)
		}
		if err := d.v.do(name+": the search typed", stepTimeout, chromedp.KeyEvent(string(r))); err != nil {
			return err
		}
	}
	var t map[string]float64
	for deadline := time.Now().Add(quickWindow); ; time.Sleep(100 * time.Millisecond) {
		t, err = eval[map[string]float64](d.ctx, fmt.Sprintf(`(() => {
  const keys = window.__bench.inputs.slice(%d).filter((e) => e.type === "keydown");
  const first = keys.length ? keys[0].t : -1, last = keys.length ? keys[keys.length - 1].t : -1;
  const settled = Math.max(last, window.__benchAct.lastChange);
  return { first, last, settled, quiet: performance.now() - settled, keys: keys.length,
    value: document.querySelector('%s').value.length };
})()`, from, panelSearch))
		if err != nil {
			return d.v.fail(name+": the annotation list settled", err)
		}
		if t["keys"] == float64(len(word)) && t["quiet"] >= 500 {
			break
		}
		if time.Now().After(deadline) {
			return d.v.fail(name+": the annotation list settled", fmt.Errorf("not within %v (%d of %d keys seen, the list last changed %.0f ms before)", quickWindow, int(t["keys"]), len(word), t["quiet"]))
		}
	}
	if int(t["value"]) != len(word) {
		return d.v.fail(name+": the search typed", fmt.Errorf("the search holds %v characters, not %d", t["value"], len(word)))
	}
	if err := d.record(name, t["first"], -1, t["settled"]); err != nil {
		return err
	}
	// on screen: from the last key to the list's last change.
	it := d.out[name]
	it.OnScreenMs = t["settled"] - t["last"]
	d.out[name] = it
	if err := d.v.do(name+": the search emptied", stepTimeout, chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent(kb.Backspace)); err != nil {
		return err
	}
	return d.idle()
}

// paste pastes the 10,000-word article into the library's "Add an
// article" and adds it: the paste row and the tagging row. The paste
// row's long tasks count from the text's beforeinput event on (what the
// page does with 60 KB of text pasted), its times from the click on "Add
// pasted text".
func (d *driver) paste() error {
	if err := d.showLibrary(pasteLong); err != nil {
		return err
	}
	text := longarticle.Text(longarticle.Words)
	if err := d.v.do(pasteLong+": the text area open", stepTimeout,
		chromedp.Click(chromedp.CSS(`.add-article summary`)),
		chromedp.Click(chromedp.CSS(`textarea[aria-label="Article text"]`)),
	); err != nil {
		return err
	}
	from, err := eval[int](d.ctx, `window.__bench.inputs.length`)
	if err != nil {
		return d.v.fail(pasteLong+": the text pasted", err)
	}
	if err := d.v.do(pasteLong+": the text pasted", stepTimeout, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return chromedp.Void{}, err
	}); err != nil {
		return err
	}
	// A text this long is held, not put in the box (app/long-paste.go).
	if err := d.v.wait(pasteLong+": the text held", fmt.Sprintf(`!!document.querySelector(".held-paste") || (document.querySelector('textarea[aria-label="Article text"]') || {value: ""}).value.length >= %d`, len([]rune(text))/2), stepTimeout); err != nil {
		return err
	}
	// The text's beforeinput event (a long one is held there, and its input
	// event never comes), else its input event.
	pasted, err := eval[float64](d.ctx, fmt.Sprintf(`(window.__bench.inputs.slice(%d).find((e) => e.type === "beforeinput" || e.type === "input") || {t: -1}).t`, from))
	if err != nil {
		return d.v.fail(pasteLong+": the text pasted", err)
	}
	if err := d.idle(); err != nil {
		return err
	}
	onScreen := headlineIs(longarticle.Title)
	start, at, err := d.timed(pasteLong+": the pasted article shown and tagged", chromedp.Click(chromedp.CSS(`.add-article button`)), longWindow,
		cond{"shown", onScreen},
		cond{"highlight", onScreen + ` && !!document.querySelector("article mark")`},
		cond{"found", onScreen + " && " + statusFound},
		cond{"kept", onScreen + " && " + statusKept})
	if err != nil {
		return err
	}
	if pasted < 0 {
		pasted = start
	}
	if err := d.recordFrom(pasteLong, pasted, start, at["shown"], at["kept"]); err != nil {
		return err
	}
	if err := d.record(tagLongRow, at["shown"], at["highlight"], at["found"]); err != nil {
		return err
	}
	return d.idle()
}

// open opens the sample from the library (not timed), then the 10,000-word
// article.
func (d *driver) open() error {
	if err := d.showLibrary(openLong); err != nil {
		return err
	}
	if err := d.v.wait(openLong+": two articles in the library", `document.querySelectorAll(".library-item").length >= 2`, stepTimeout); err != nil {
		return err
	}
	title, _ := json.Marshal(longarticle.Title)
	other, err := eval[map[string]string](d.ctx, `(() => {
  const li = [...document.querySelectorAll(".library-item")].find((li) => li.querySelector(".doc-title").textContent !== `+string(title)+`);
  return li ? { id: li.dataset.id, title: li.querySelector(".doc-title").textContent } : {};
})()`)
	if err != nil || other["id"] == "" {
		return d.v.fail(openLong+": the sample found in the library", fmt.Errorf("no other article listed (%v)", err))
	}
	if err := d.v.do(openLong+": the sample clicked in the library", stepTimeout, chromedp.Click(chromedp.CSS(`.library-item[data-id="`+other["id"]+`"] a.doc-title`))); err != nil {
		return err
	}
	if err := d.v.wait(openLong+": the sample open with its entities", headlineIs(other["title"])+" && "+statusFound, quickWindow); err != nil {
		return err
	}
	if err := d.idle(); err != nil {
		return err
	}
	id, err := eval[string](d.ctx, `([...document.querySelectorAll(".library-item")].find((li) => li.querySelector(".doc-title").textContent === `+string(title)+`) || {dataset: {id: ""}}).dataset.id`)
	if err != nil || id == "" {
		return d.v.fail(openLong+": the long article found in the library", fmt.Errorf("not listed (%v)", err))
	}
	onScreen := headlineIs(longarticle.Title)
	start, at, err := d.timed(openLong+": the long article shown with its entities", chromedp.Click(chromedp.CSS(`.library-item[data-id="`+id+`"] a.doc-title`)), longWindow,
		cond{"shown", onScreen}, cond{"found", onScreen + " && " + statusFound})
	if err != nil {
		return err
	}
	if err := d.record(openLong, start, at["shown"], at["found"]); err != nil {
		return err
	}
	return d.idle()
}

// showLibrary opens the library panel if it is closed.
func (d *driver) showLibrary(name string) error {
	state := name + ": the library shown"
	shown, err := eval[bool](d.ctx, `document.querySelector(".library-button").getAttribute("aria-expanded") === "true"`)
	if err != nil {
		return d.v.fail(state, err)
	}
	if !shown {
		if err := d.v.do(state, stepTimeout, chromedp.Click(chromedp.CSS(`.library-button`))); err != nil {
			return err
		}
	}
	return d.v.wait(state, `!!document.querySelector('section[aria-label="Library"] .library-item')`, stepTimeout)
}

// headlineIs is a condition: the article's headline is title.
func headlineIs(title string) string {
	t, _ := json.Marshal(title)
	return `(document.querySelector("article h1") || {}).textContent === ` + string(t)
}

package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// Browser helpers of the article page: finding, focusing and flashing
// highlights, the selection, and placing the toolbar. Positions are set
// through the CSSOM (element.style), which the Content-Security-Policy
// allows; style attributes in markup it does not.

// highlightAt returns the highlight a click landed on, if any.
func highlightAt(target app.Value) (activeHighlight, bool) {
	if !target.Truthy() || target.Get("closest").IsUndefined() {
		return activeHighlight{}, false
	}
	m := target.Call("closest", "article mark")
	if !m.Truthy() {
		return activeHighlight{}, false
	}
	return highlightOf(m), true
}

// highlightOf reads which highlight a mark belongs to.
func highlightOf(m app.Value) activeHighlight {
	ds := m.Get("dataset")
	if id := ds.Get("id"); id.Truthy() {
		return activeHighlight{ID: id.String()}
	}
	start, end := parseSpan(ds.Get("span").String())
	return activeHighlight{Key: annotate.SuggestionKey{
		Span:  annotate.Span{Start: start, End: end},
		Label: annotate.Label(ds.Get("label").String()),
	}}
}

// spanAttr writes a highlight's whole span for data-span.
func spanAttr(s annotate.Span) string { return strconv.Itoa(s.Start) + "-" + strconv.Itoa(s.End) }

func parseSpan(v string) (start, end int) {
	a, b, _ := strings.Cut(v, "-")
	start, _ = strconv.Atoi(a)
	end, _ = strconv.Atoi(b)
	return start, end
}

// markSelector is the CSS selector of a highlight's first mark.
func markSelector(a activeHighlight) string {
	if a.ID != "" {
		return `article mark[data-id="` + a.ID + `"]`
	}
	return `article mark[data-kind="suggestion"][data-span="` + spanAttr(a.Key.Span) + `"][data-label="` + string(a.Key.Label) + `"]`
}

// focusHighlight moves the keyboard focus to a highlight's mark; flash
// also scrolls it into view and makes it blink once.
func focusHighlight(a activeHighlight, flash bool) {
	m := app.Window().Get("document").Call("querySelector", markSelector(a))
	if !m.Truthy() {
		return
	}
	m.Call("focus", map[string]any{"preventScroll": !flash})
	if flash {
		m.Call("scrollIntoView", map[string]any{"block": "center", "behavior": "instant"})
		m.Get("classList").Call("remove", "flash")
		m.Get("offsetWidth") // restart the animation
		m.Get("classList").Call("add", "flash")
	}
}

// focusInCard reports whether the keyboard focus is in the note card.
func focusInCard() bool {
	el := app.Window().Get("document").Get("activeElement")
	return el.Truthy() && !el.Get("closest").IsUndefined() && el.Call("closest", ".card").Truthy()
}

// focusedHighlight returns the highlight whose mark has the focus.
func focusedHighlight() (activeHighlight, bool) {
	el := app.Window().Get("document").Get("activeElement")
	if !el.Truthy() || el.Get("tagName").String() != "MARK" {
		return activeHighlight{}, false
	}
	return highlightOf(el), true
}

// moveFocus focuses the next (step 1) or previous (-1) highlight after the
// focused one, in document order.
func moveFocus(step int) {
	doc := app.Window().Get("document")
	marks := doc.Call("querySelectorAll", "article mark")
	n := marks.Length()
	if n == 0 {
		return
	}
	active := doc.Get("activeElement")
	at := -1
	for i := 0; i < n; i++ {
		if marks.Index(i).Equal(active) {
			at = i
			break
		}
	}
	next := 0
	switch {
	case at < 0 && step < 0:
		next = n - 1
	case at >= 0:
		next = (at + step + n) % n
	}
	m := marks.Index(next)
	m.Call("focus")
	m.Call("scrollIntoView", map[string]any{"block": "nearest"})
}

// nextHighlight returns the first highlight after the focused one, in
// document order, that is not the focused one.
func nextHighlight() activeHighlight {
	doc := app.Window().Get("document")
	marks := doc.Call("querySelectorAll", "article mark")
	active := doc.Get("activeElement")
	cur, ok := focusedHighlight()
	if !ok {
		return activeHighlight{}
	}
	seen := false
	for i := 0; i < marks.Length(); i++ {
		m := marks.Index(i)
		if m.Equal(active) {
			seen = true
			continue
		}
		if seen && highlightOf(m) != cur {
			return highlightOf(m)
		}
	}
	return activeHighlight{}
}

// selectionCollapsed reports whether nothing is selected.
func selectionCollapsed() bool {
	sel := app.Window().Call("getSelection")
	return !sel.Truthy() || sel.Get("isCollapsed").Bool()
}

// clearSelection removes the reader's selection.
func clearSelection() {
	if sel := app.Window().Call("getSelection"); sel.Truthy() {
		sel.Call("removeAllRanges")
	}
}

// selectionBox is the box around a selection, in page coordinates (CSS
// pixels from the document's top left).
type selectionBox struct{ Top, Bottom, Left float64 }

// positionToolbar places the selection toolbar by the selection: below it,
// or above it when there is no room below, so it never covers the words
// being labelled; from the selection's left edge, moved left as far as it
// must to end inside the article's column (it never covers the side
// column). It marks where it went in data-place ("below", "above"), which
// the toolbar's "more" list follows so that it opens away from the
// selection.
func positionToolbar(at selectionBox) {
	doc := app.Window().Get("document")
	el := doc.Call("querySelector", ".toolbar")
	if !el.Truthy() {
		return
	}
	w, h := el.Get("offsetWidth").Float(), el.Get("offsetHeight").Float()
	sy, sx := app.Window().Get("scrollY").Float(), app.Window().Get("scrollX").Float()
	minLeft, maxRight := 8.0, app.Window().Get("innerWidth").Float()+sx-8
	if col := doc.Call("querySelector", ".reading"); col.Truthy() {
		r := col.Call("getBoundingClientRect")
		minLeft, maxRight = r.Get("left").Float()+sx, r.Get("right").Float()+sx
	}
	left := max(min(at.Left, maxRight-w), minLeft)
	// Room below: the viewport's bottom; room above: under the sticky bar.
	barBottom := 0.0
	if bar := doc.Call("querySelector", ".bar"); bar.Truthy() {
		barBottom = bar.Call("getBoundingClientRect").Get("bottom").Float()
	}
	top, place := at.Bottom+6, "below"
	if top+h > sy+app.Window().Get("innerHeight").Float() && at.Top-6-h >= sy+barBottom {
		top, place = at.Top-6-h, "above"
	}
	style := el.Get("style")
	style.Set("top", strconv.FormatFloat(top, 'f', 0, 64)+"px")
	style.Set("left", strconv.FormatFloat(left, 'f', 0, 64)+"px")
	el.Get("dataset").Set("place", place)
}

// placeCaret puts a collapsed selection (the caret) at the start of the
// focused highlight, or of the article (its headline).
func placeCaret() {
	doc := app.Window().Get("document")
	at := doc.Get("activeElement")
	if !at.Truthy() || at.Get("tagName").String() != "MARK" {
		at = doc.Call("querySelector", "article > *")
	}
	if !at.Truthy() {
		return
	}
	sel := app.Window().Call("getSelection")
	r := doc.Call("createRange")
	r.Call("setStart", at, 0)
	r.Call("collapse", true)
	sel.Call("removeAllRanges")
	sel.Call("addRange", r)
}

// moveCaret moves the caret, or with extend the selection's focus, one
// character (or word, with byWord) or line in the arrow's direction.
func moveCaret(arrow string, extend, byWord bool) {
	sel := app.Window().Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 {
		placeCaret()
		return
	}
	alter := "move"
	if extend {
		alter = "extend"
	}
	dir, unit := "forward", "character"
	switch arrow {
	case "ArrowLeft":
		dir = "backward"
	case "ArrowUp":
		dir, unit = "backward", "line"
	case "ArrowDown":
		unit = "line"
	}
	if byWord && unit == "character" {
		unit = "word"
	}
	sel.Call("modify", alter, dir, unit)
}

// letPressSelect lets a press on a highlight start a selection. A press on
// a focusable element focuses it, and Chromium then starts no selection:
// a drag that began on a highlight selected nothing, and the next number
// key relabelled the highlight instead. So from the press to its release
// the marks under it are not focusable; the release gives them back their
// tabindex before the click that follows, whose handler focuses the
// highlight clicked (activate).
func letPressSelect(e app.Value) {
	if e.Get("button").Int() != 0 {
		return
	}
	target := e.Get("target")
	if !target.Truthy() || target.Get("closest").IsUndefined() {
		return
	}
	var marks []app.Value
	for m := target.Call("closest", "article mark"); m.Truthy(); m = m.Get("parentElement").Call("closest", "article mark") {
		m.Call("removeAttribute", "tabindex")
		marks = append(marks, m)
	}
	if len(marks) == 0 {
		return
	}
	doc := app.Window().Get("document")
	restored := false
	restore := app.FuncOf(func(app.Value, []app.Value) any {
		if !restored {
			restored = true
			for _, m := range marks {
				m.Call("setAttribute", "tabindex", "0")
			}
		}
		return nil
	})
	doc.Call("addEventListener", "mouseup", restore, true)
	// A release outside the window sends no mouseup here: the timer
	// restores then, and ends the listener either way.
	var end app.Func
	end = app.FuncOf(func(app.Value, []app.Value) any {
		restore.Invoke()
		doc.Call("removeEventListener", "mouseup", restore, true)
		restore.Release()
		end.Release()
		return nil
	})
	app.Window().Call("setTimeout", end, 2000)
}

// yieldToBrowser waits for a zero-delay timer of the browser's: the
// current task ends, and the browser paints and handles input before Go
// goes on. (A Go timer does not do it reliably: it has often fired before
// the scheduler goes idle, and Go then goes on in the same task.)
func yieldToBrowser() { awaitCallback("setTimeout", 0) }

// inNextTask runs fn on the UI goroutine (as ctx.Dispatch does: the
// component is rendered again after it) once the browser's current task
// has ended. Work split with it runs a part per task, so the browser
// paints and answers input between the parts; with a Go timer the parts
// often run on in one task.
func inNextTask(ctx app.Context, fn func(app.Context)) {
	ctx.Async(func() {
		yieldToBrowser()
		ctx.Dispatch(fn)
	})
}

// afterPaint returns in a task after the browser's next rendering: the
// next animation frame's callbacks run just before it renders, and a
// zero-delay timer set there fires after.
func afterPaint() {
	awaitCallback("requestAnimationFrame")
	yieldToBrowser()
}

// awaitCallback calls the window's scheduling function (setTimeout,
// requestAnimationFrame) with a callback and args, and waits until the
// browser calls it back.
func awaitCallback(schedule string, args ...any) {
	done := make(chan struct{})
	f := app.FuncOf(func(app.Value, []app.Value) any {
		close(done)
		return nil
	})
	app.Window().Call(schedule, append([]any{f}, args...)...)
	<-done
	f.Release()
}

// releaseFocus takes the keyboard focus from the element that has it.
func releaseFocus() {
	if el := app.Window().Get("document").Get("activeElement"); el.Truthy() && !el.Get("blur").IsUndefined() {
		el.Call("blur")
	}
}

// focusIsFree reports whether no element has the keyboard focus.
func focusIsFree() bool {
	doc := app.Window().Get("document")
	el := doc.Get("activeElement")
	return !el.Truthy() || el.Equal(doc.Get("body"))
}

// focusElement moves the keyboard focus to the element with an id, if it
// is there.
func focusElement(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// showCard scrolls the side column to its top, where the card of the
// active highlight is, so the card is in view beside the highlight.
func showCard() {
	if side := app.Window().Get("document").Call("querySelector", ".side"); side.Truthy() {
		side.Set("scrollTop", 0)
	}
}

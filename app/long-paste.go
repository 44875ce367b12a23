package main

import (
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// longPaste is how long a text (in characters) is held rather than put in
// the "Add an article" box. Chromium lays out all of a text area's text
// as it takes it: pasting the benchmark's 10,000-word article (62,816
// characters) there held the page up for 456-736 ms (5 visits, 3 Dec
// 2026), about 7.5 µs a character; 10,000 characters (1,500-1,700 words
// of news) is about 75 ms. Articles under it go in the box, where the
// reader can edit them.
const longPaste = 10_000

// holdLongPastes listens on the page for a long text about to go into the
// element with id boxID, pasted (its "paste" event) or inserted any other
// way (its "beforeinput" event's data, as an input method or automation
// inserts, or its DataTransfer, as a drop does), and stops it there: the text is handed to hold instead, in
// the browser's event callback (hold should dispatch to the UI). It
// returns what stops the listening.
func holdLongPastes(boxID string, hold func(text string)) (stop func()) {
	doc := app.Window().Get("document")
	intoBox := func(e app.Value) bool {
		t := e.Get("target")
		return t.Truthy() && t.Get("id").String() == boxID
	}
	take := func(e, text app.Value) {
		if text.Type() != app.TypeString {
			return
		}
		if s := text.String(); utf8.RuneCountInString(s) >= longPaste {
			e.Call("preventDefault")
			hold(s)
		}
	}
	paste := app.FuncOf(func(_ app.Value, args []app.Value) any {
		if e := args[0]; intoBox(e) && e.Get("clipboardData").Truthy() {
			take(e, e.Get("clipboardData").Call("getData", "text/plain"))
		}
		return nil
	})
	beforeInput := app.FuncOf(func(_ app.Value, args []app.Value) any {
		e := args[0]
		if !intoBox(e) {
			return nil
		}
		if drop := e.Get("dataTransfer"); drop.Truthy() { // a drop carries its text there
			take(e, drop.Call("getData", "text/plain"))
			return nil
		}
		take(e, e.Get("data"))
		return nil
	})
	doc.Call("addEventListener", "paste", paste, true)
	doc.Call("addEventListener", "beforeinput", beforeInput, true)
	return func() {
		doc.Call("removeEventListener", "paste", paste, true)
		doc.Call("removeEventListener", "beforeinput", beforeInput, true)
		paste.Release()
		beforeInput.Release()
	}
}

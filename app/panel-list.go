package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// panelList is the annotation panel's list: an <ol> of rows, each given
// as its HTML (writePanelRow). It changes the list on screen row by row
// (planRows): a row whose HTML is the same keeps its element, so a change
// to the list (a suggestion accepted, a long article's tagging adding
// rows) makes the browser style and lay out only the rows that changed,
// not the whole list again, and a row in view stays where it is when rows
// above it change (the browser anchors the scroll to an element that
// stays).
type panelList struct {
	app.Compo

	// Props.
	Rows []string

	// State.
	list  app.Value            // the <ol> the rows below are in
	shown []string             // the keys of the rows on screen, in order
	nodes map[string]app.Value // the element of each row on screen, by key
}

func (l *panelList) Render() app.UI { return app.Ol().Class("panel-list") }

func (l *panelList) OnMount(ctx app.Context) { l.update() }

func (l *panelList) OnUpdate(ctx app.Context) { l.update() }

func (l *panelList) OnDismount() { l.list, l.shown, l.nodes = nil, nil, nil }

// update puts the rows given on screen.
func (l *panelList) update() {
	ol := l.JSValue()
	if ol == nil || !ol.Truthy() {
		return
	}
	if l.list == nil || !l.list.Equal(ol) { // a new <ol>: nothing of ours is in it
		l.list, l.shown, l.nodes = ol, nil, map[string]app.Value{}
	}
	keys, html := rowKeys(l.Rows)
	remove, create, moves := planRows(l.shown, keys)
	if len(create) == len(keys) {
		// No row stays (the first rows, or a new filter): the list is
		// written in one call.
		ol.Set("innerHTML", strings.Join(l.Rows, ""))
		clear(l.nodes)
		el := ol.Get("firstElementChild")
		for _, k := range keys {
			l.nodes[k] = el
			el = el.Get("nextElementSibling")
		}
		l.shown = keys
		return
	}
	for _, k := range remove {
		l.nodes[k].Call("remove")
		delete(l.nodes, k)
	}
	if len(create) > 0 {
		// The new rows are parsed in one call (in an element of the page's
		// own document, as go-app does), then taken one by one.
		var b strings.Builder
		for _, k := range create {
			b.WriteString(html[k])
		}
		tmp := app.Window().Get("document").Call("createElement", "div")
		tmp.Set("innerHTML", b.String())
		el := tmp.Get("firstElementChild")
		for _, k := range create {
			l.nodes[k] = el
			el = el.Get("nextElementSibling")
		}
	}
	for _, m := range moves {
		var before any
		if m.before != "" {
			before = l.nodes[m.before]
		}
		ol.Call("insertBefore", l.nodes[m.row], before)
	}
	l.shown = keys
}

// rowKeys names each row by its HTML, which names its item (data-id, or
// data-span and data-label) and all it shows; should two rows ever be the
// same, the second is told apart by a count. It returns the keys in order
// and each key's HTML.
func rowKeys(rows []string) (keys []string, html map[string]string) {
	keys = make([]string, len(rows))
	html = make(map[string]string, len(rows))
	for i, r := range rows {
		k := r
		for n := 2; html[k] != ""; n++ {
			k = r + "\x00" + strconv.Itoa(n)
		}
		keys[i], html[k] = k, r
	}
	return keys, html
}

package main

import (
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// keyEvent is the part of a keydown event the shortcuts read.
type keyEvent struct {
	Key                    string
	Ctrl, Shift, Alt, Meta bool
	InField                bool // typing in an input, a textarea or a select
}

func keyEventOf(e app.Value) keyEvent {
	ev := keyEvent{
		Key:   e.Get("key").String(),
		Ctrl:  e.Get("ctrlKey").Bool(),
		Shift: e.Get("shiftKey").Bool(),
		Alt:   e.Get("altKey").Bool(),
		Meta:  e.Get("metaKey").Bool(),
	}
	if t := e.Get("target"); t.Truthy() {
		switch t.Get("tagName").String() {
		case "INPUT", "TEXTAREA", "SELECT":
			ev.InField = true
		}
	}
	return ev
}

// labelForKey returns the label a number key stands for: 1 to 9 for the
// entity labels, 0 for CLAIM, in annotate.AllLabels order.
func labelForKey(key string) (annotate.Label, bool) {
	if len(key) != 1 || key[0] < '0' || key[0] > '9' {
		return "", false
	}
	i := int(key[0] - '1')
	if key == "0" {
		i = 9
	}
	if i >= len(annotate.AllLabels) {
		return "", false
	}
	return annotate.AllLabels[i], true
}

// keyForLabel is the number key of a label.
func keyForLabel(l annotate.Label) string {
	i := slices.Index(annotate.AllLabels, l)
	if i < 0 || i > 9 {
		return ""
	}
	return string("1234567890"[i])
}

// shortcuts lists the keys for the help dialog.
var shortcuts = [][2]string{
	{"Select text, then 1–9, 0", "label the selection (the toolbar shows which number is which label; the rarer ones, under more, work too)"},
	{"Alt while selecting", "keep the exact selection (otherwise it snaps to whole words)"},
	{"c", "caret mode: arrows move a caret in the article, Shift+arrows select (Ctrl for whole words); Esc leaves"},
	{"Enter", "apply the focused label; on a highlight, open its card"},
	{"Esc", "close the toolbar, the card or this help"},
	{"j / k", "next / previous highlight"},
	{"1–9, 0 on a highlight", "relabel it (a suggestion is accepted with that label)"},
	{"a / r", "accept / reject the focused suggestion"},
	{"Delete", "delete the focused annotation (reject a suggestion)"},
	{"Ctrl+Z / Ctrl+Shift+Z", "undo / redo"},
	{"?", "show or hide these shortcuts"},
}

// wantsKey reports whether the page handles a key (and so stops the
// browser's own action for it).
func (p *articlePage) wantsKey(ev keyEvent) bool {
	if ev.Meta || ev.Alt {
		return false
	}
	if ev.Ctrl && p.caretMode && isArrow(ev.Key) && !ev.InField {
		return true
	}
	if ev.Ctrl {
		return !ev.InField && (ev.Key == "z" || ev.Key == "Z" || ev.Key == "y")
	}
	if ev.InField {
		return ev.Key == "Escape"
	}
	if p.caretMode && isArrow(ev.Key) {
		return true
	}
	switch ev.Key {
	case "c":
		return true
	case "Escape", "j", "k", "?", "Delete", "Backspace", "a", "r", "Enter":
		return ev.Key != "Enter" || p.toolbar.Open || isMarkFocused()
	}
	_, isLabel := labelForKey(ev.Key)
	return isLabel && (p.toolbar.Open || isMarkFocused())
}

func isMarkFocused() bool {
	_, ok := focusedHighlight()
	return ok
}

// onKey runs a shortcut.
func (p *articlePage) onKey(ctx app.Context, ev keyEvent) {
	if p.caretMode && isArrow(ev.Key) {
		moveCaret(ev.Key, ev.Shift, ev.Ctrl)
		if ev.Shift {
			p.onSelect(ctx, false)
		} else {
			p.toolbar.Open = false
		}
		return
	}
	if ev.Ctrl {
		if ev.Key == "y" || ev.Shift {
			ctx.NewAction(actionRedo)
		} else {
			ctx.NewAction(actionUndo)
		}
		return
	}
	focused, onMark := focusedHighlight()
	switch ev.Key {
	case "c":
		p.caretMode = !p.caretMode
		if p.caretMode {
			placeCaret()
			say(ctx, "Caret mode: arrows move, Shift+arrows select, Esc leaves.")
		} else {
			say(ctx, "")
		}
		return
	case "Escape":
		switch {
		case p.caretMode && !p.toolbar.Open:
			p.caretMode = false
			say(ctx, "")
		case p.helpOpen:
			p.helpOpen = false
		case p.toolbar.Open:
			p.toolbar.Open = false
			clearSelection()
		case !p.editing.Active.none():
			if focusInCard() { // the focus would go with the card
				focusHighlight(p.editing.Active, false)
			}
			ctx.NewAction(actionCloseCard)
		}
		return
	case "?":
		p.helpOpen = !p.helpOpen
		return
	case "j":
		moveFocus(1)
		return
	case "k":
		moveFocus(-1)
		return
	case "Enter":
		if p.toolbar.Open {
			if el := app.Window().Get("document").Get("activeElement"); el.Truthy() && el.Get("dataset").Get("label").Truthy() && el.Get("tagName").String() == "BUTTON" {
				p.labelSelection(ctx, annotate.Label(el.Get("dataset").Get("label").String()))
			}
			return
		}
		if onMark {
			p.activate(ctx, focused, false)
		}
		return
	}
	if l, ok := labelForKey(ev.Key); ok {
		switch {
		case p.toolbar.Open:
			p.labelSelection(ctx, l)
		case onMark && focused.ID != "":
			ctx.NewActionWithValue(actionEdit, annotate.Relabel{ID: focused.ID, Label: l})
		case onMark:
			ctx.NewActionWithValue(actionEdit, annotate.AcceptSuggestion{Key: focused.Key, As: l})
		}
		return
	}
	if !onMark {
		return
	}
	switch ev.Key {
	case "Delete", "Backspace":
		p.focusAfter = nextHighlight()
		if focused.ID != "" {
			ctx.NewActionWithValue(actionEdit, annotate.DeleteNote{ID: focused.ID})
		} else {
			ctx.NewActionWithValue(actionEdit, annotate.RejectSuggestion{Key: focused.Key})
		}
	case "a":
		if focused.ID == "" {
			ctx.NewActionWithValue(actionEdit, annotate.AcceptSuggestion{Key: focused.Key})
		}
	case "r":
		if focused.ID == "" {
			p.focusAfter = nextHighlight()
			ctx.NewActionWithValue(actionEdit, annotate.RejectSuggestion{Key: focused.Key})
		}
	}
}

func isArrow(key string) bool {
	switch key {
	case "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown":
		return true
	}
	return false
}

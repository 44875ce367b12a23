package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// renderShortcutsHelp lists the keyboard shortcuts; close hides it.
func renderShortcutsHelp(close func()) app.UI {
	return &shortcutsHelp{Close: close}
}

// shortcutsHelp is the dialog of keyboard shortcuts. Opening, it takes the
// keyboard focus (to its Close button, so a keyboard reader is in it, not
// a page of highlights away); closing, it gives the focus back to where
// it was.
type shortcutsHelp struct {
	app.Compo

	// Props.
	Close func()

	returnTo app.Value // what had the focus before the dialog opened
}

// OnMount notes what has the focus and moves it to the Close button.
func (h *shortcutsHelp) OnMount(ctx app.Context) {
	h.returnTo = app.Window().Get("document").Get("activeElement")
	ctx.Defer(func(ctx app.Context) {
		if b := app.Window().Get("document").Call("querySelector", "dialog.help button"); b.Truthy() {
			b.Call("focus")
		}
	})
}

// OnDismount gives the focus back.
func (h *shortcutsHelp) OnDismount() {
	if r := h.returnTo; r != nil && r.Truthy() && r.Get("isConnected").Bool() {
		r.Call("focus")
	}
}

func (h *shortcutsHelp) Render() app.UI {
	rows := make([]app.UI, len(shortcuts))
	for i, s := range shortcuts {
		rows[i] = app.Tr().Body(app.Th().Scope("row").Text(s[0]), app.Td().Text(s[1]))
	}
	return app.Dialog().Open(true).Class("help").Aria("label", "Keyboard shortcuts").Body(
		app.H2().Text("Keyboard shortcuts"),
		app.Table().Body(app.TBody().Body(rows...)),
		app.Button().Text("Close").OnClick(h.close),
	)
}

func (h *shortcutsHelp) close(ctx app.Context, e app.Event) {
	if h.Close != nil {
		h.Close()
	}
}

package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// renderShortcutsHelp lists the keyboard shortcuts; close hides it.
func renderShortcutsHelp(close func()) app.UI {
	rows := make([]app.UI, len(shortcuts))
	for i, s := range shortcuts {
		rows[i] = app.Tr().Body(app.Th().Scope("row").Text(s[0]), app.Td().Text(s[1]))
	}
	return app.Dialog().Open(true).Class("help").Aria("label", "Keyboard shortcuts").Body(
		app.H2().Text("Keyboard shortcuts"),
		app.Table().Body(app.TBody().Body(rows...)),
		app.Button().Text("Close").OnClick(func(ctx app.Context, e app.Event) { close() }),
	)
}

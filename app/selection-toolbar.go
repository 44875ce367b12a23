package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// selectionToolbar appears by the reader's selection with a button per
// label and its number key; it raises actionChooseLabel. When the
// selection cannot be labelled it says why instead.
type selectionToolbar struct {
	app.Compo

	// Props.
	Problem string
}

func newSelectionToolbar() *selectionToolbar { return &selectionToolbar{} }

// Error sets why the selection cannot be labelled ("" if it can).
func (t *selectionToolbar) Error(msg string) *selectionToolbar { t.Problem = msg; return t }

func (t *selectionToolbar) Render() app.UI {
	if t.Problem != "" {
		return app.Div().Class("toolbar", "toolbar-error").Role("alert").Body(
			app.Span().Text(t.Problem),
		)
	}
	buttons := make([]app.UI, 0, len(annotate.AllLabels))
	for _, l := range annotate.AllLabels {
		key := keyForLabel(l)
		buttons = append(buttons, app.Button().
			Class("label-button").
			DataSet("label", string(l)).
			Aria("keyshortcuts", key).
			// Named by what it shows ("1 PERSON"); the title describes.
			Title("Label as "+string(l)+" (key "+key+")").
			OnMouseDown(keepSelection). // keep the selection
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionChooseLabel, l) }, l).
			Body(app.Span().Class("key").Text(key), app.Text(" "+string(l))))
	}
	return app.Div().Class("toolbar").Role("toolbar").Aria("label", "Label the selection").Body(buttons...)
}

// keepSelection stops a press on the toolbar from clearing the selection.
func keepSelection(ctx app.Context, e app.Event) { e.PreventDefault() }

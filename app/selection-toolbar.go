package main

import (
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// rareLabels are the labels the selection toolbar keeps behind "more":
// their number keys work all the same.
var rareLabels = []annotate.Label{annotate.Fac, annotate.NORP, annotate.Event, annotate.Misc}

// selectionToolbar appears by the reader's selection: one compact row with
// a button per common label and its number key, and "more" for the rarer
// labels; it raises actionChooseLabel. When the selection cannot be
// labelled it says why instead. The page places it (positionToolbar) so
// that it never covers the selection nor the side column.
type selectionToolbar struct {
	app.Compo

	// Props.
	Problem string

	// State.
	more bool // the rarer labels are shown
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
	var common, rare []app.UI
	for _, l := range annotate.AllLabels {
		if slices.Contains(rareLabels, l) {
			rare = append(rare, labelButton(l))
		} else {
			common = append(common, labelButton(l))
		}
	}
	more := app.Div().Class("toolbar-more").Body(
		app.Button().Class("more-button").Aria("expanded", t.more).Aria("controls", "toolbar-rare").
			Title("More labels: FAC, NORP, EVENT, MISC (their number keys work without opening this)").
			OnMouseDown(keepSelection).OnClick(t.toggleMore).Text("more ▾"),
		app.Div().ID("toolbar-rare").Class("toolbar-rare").Role("group").Aria("label", "More labels").
			Hidden(!t.more).Body(rare...),
	)
	return app.Div().Class("toolbar").Role("toolbar").Aria("label", "Label the selection").Body(append(common, more)...)
}

func (t *selectionToolbar) toggleMore(ctx app.Context, e app.Event) { t.more = !t.more }

// labelButton is the toolbar's button for a label, with its number key.
func labelButton(l annotate.Label) app.UI {
	key := keyForLabel(l)
	return app.Button().
		Class("label-button").
		DataSet("label", string(l)).
		Aria("keyshortcuts", key).
		// Named by what it shows ("1 PERSON"); the title describes.
		Title("Label as "+string(l)+" (key "+key+")").
		OnMouseDown(keepSelection). // keep the selection
		// Scoped by label, as a string (see legend).
		OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionChooseLabel, l) }, string(l)).
		Body(app.Span().Class("key").Text(key), app.Text(" "+string(l)))
}

// keepSelection stops a press on the toolbar from clearing the selection.
func keepSelection(ctx app.Context, e app.Event) { e.PreventDefault() }

package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// actionToggleLabel asks to hide or show a label's highlights; its value
// is the annotate.Label.
const actionToggleLabel = "toggle-label"

// legend lists the labels present in the article with their counts; each
// is a toggle button that raises actionToggleLabel.
type legend struct {
	app.Compo

	// Props: exported, so go-app passes their new values on each render of
	// the parent.
	LabelCounts  map[annotate.Label]int
	HiddenLabels map[annotate.Label]bool
}

func newLegend() *legend { return &legend{} }

// Counts sets the number of highlights per label.
func (l *legend) Counts(c map[annotate.Label]int) *legend { l.LabelCounts = c; return l }

// Hidden sets which labels are hidden.
func (l *legend) Hidden(h map[annotate.Label]bool) *legend { l.HiddenLabels = h; return l }

func (l *legend) Render() app.UI {
	var items []app.UI
	for _, label := range annotate.AllLabels {
		n := l.LabelCounts[label]
		if n == 0 {
			continue
		}
		shown := !l.HiddenLabels[label]
		verb := "Hide"
		if !shown {
			verb = "Show"
		}
		items = append(items, app.Li().Body(
			app.Button().
				Class("legend-item").
				DataSet("label", string(label)).
				Aria("pressed", strconv.FormatBool(shown)).
				Title(verb+" "+string(label)+" highlights").
				// The list shows only the labels present, so a button's
				// place can come to hold another label: scope by label,
				// as a string (go-app formats a scope of any other type,
				// annotate.Label too, with fmt.Sprint, on every render).
				OnClick(func(ctx app.Context, e app.Event) {
					ctx.NewActionWithValue(actionToggleLabel, label)
				}, string(label)).
				Body(
					app.Span().Class("swatch").DataSet("label", string(label)),
					app.Span().Class("legend-label").Text(string(label)),
					app.Span().Class("count").Text(strconv.Itoa(n)),
				),
		))
	}
	body := []app.UI{app.H2().Text("Labels")}
	if len(items) == 0 {
		body = append(body, app.P().Class("legend-empty").Text("None found yet."))
	} else {
		body = append(body, app.Ul().Body(items...))
	}
	return app.Nav().Class("legend").Aria("label", "Entity labels").Body(body...)
}

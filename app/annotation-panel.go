package main

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// annotationPanel lists the document's annotations and open suggestions
// in document order, with label, quote, comment and tags. The reader
// filters it by label and kind and searches quotes, comments and tags;
// activating an item raises actionJumpTo, which scrolls to its highlight
// and flashes it.
type annotationPanel struct {
	app.Compo

	// Props.
	W annotate.Workspace

	// State.
	filter   panelFilter
	speakers bool // the "Who said what" view, not the list
	more     int  // rows shown beyond the first listRows, by "Show more"
}

// listRows is how many rows the list shows before "Show more": a long
// article has thousands of suggestions. The side column shows about
// twenty at a time. When the list was written anew on every change, the
// browser styled and laid out every row shown (about 14 boxes each) on
// every accept and reject: on the benchmark's 10,000-word article, 100
// rows instead of 200 put an accepted suggestion on screen in 47-52 ms
// instead of 59-66, and a rejected one in 48-50 instead of 70-71
// (medians of 5 visits, two benchmark runs each, taking turns; 3 Dec
// 2026). panelList now changes only the rows that change.
const listRows = 100

// panelFilter is what the reader filters the panel by.
type panelFilter struct {
	Label annotate.Label // "" for every label
	Kind  string         // "", kindAnnotation or kindSuggestion
	Query string         // searched in quotes, comments and tags, any case
}

func newAnnotationPanel() *annotationPanel { return &annotationPanel{} }

// Workspace sets what the panel lists.
func (p *annotationPanel) Workspace(w annotate.Workspace) *annotationPanel { p.W = w; return p }

// panelItem is one row of the panel.
type panelItem struct {
	target  activeHighlight
	span    annotate.Span
	label   annotate.Label
	kind    string
	quote   string
	comment string
	tags    []string
}

// panelItems lists a workspace's rows that pass the filter, in document
// order, and counts the notes and suggestions among them. A long article
// has thousands of suggestions: they are ordered by their spans alone, and
// a row is made only for what passes the filter.
func panelItems(w annotate.Workspace, f panelFilter) (shown []panelItem, notes, suggestions int) {
	order := make([]rowRef, 0, len(w.Notes)+len(w.Suggestions))
	for i, n := range w.Notes {
		order = append(order, rowRef{span: n.Span, note: true, i: i})
	}
	for i, e := range w.Suggestions {
		order = append(order, rowRef{span: e.Span, i: i})
	}
	sortRows(order)
	q := strings.ToLower(strings.TrimSpace(f.Query))
	for _, r := range order {
		it := r.item(w)
		if f.Label != "" && it.label != f.Label || f.Kind != "" && it.kind != f.Kind {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(it.quote+"\n"+it.comment+"\n"+strings.Join(it.tags, "\n")), q) {
			continue
		}
		shown = append(shown, it)
		if it.kind == kindAnnotation {
			notes++
		} else {
			suggestions++
		}
	}
	return shown, notes, suggestions
}

// rowRef is a row of the panel before it is made: a note's or a
// suggestion's index in the workspace, and its span.
type rowRef struct {
	span annotate.Span
	note bool
	i    int
}

// item makes the row.
func (r rowRef) item(w annotate.Workspace) panelItem {
	if r.note {
		n := w.Notes[r.i]
		return panelItem{target: activeHighlight{ID: n.ID}, span: n.Span, label: n.Label, kind: kindAnnotation,
			quote: w.Doc.Text.Slice(n.Span.Start, n.Span.End), comment: n.Comment, tags: n.Tags}
	}
	e := w.Suggestions[r.i]
	return panelItem{target: activeHighlight{Key: annotate.SuggestionKey{Span: e.Span, Label: e.Label}},
		span: e.Span, label: e.Label, kind: kindSuggestion, quote: w.Doc.Text.Slice(e.Span.Start, e.Span.End)}
}

// sortRows puts rows in document order: by start, the longer first, and
// for the same span in insertion order (notes before suggestions).
func sortRows(rows []rowRef) {
	slices.SortStableFunc(rows, func(a, b rowRef) int {
		return cmp.Or(cmp.Compare(a.span.Start, b.span.Start), cmp.Compare(b.span.End, a.span.End))
	})
}

func (p *annotationPanel) Render() app.UI {
	shown, notes, suggestions := panelItems(p.W, p.filter)
	labelOptions := []app.UI{app.Option().Value("").Text("All labels").Selected(p.filter.Label == "")}
	for _, l := range annotate.AllLabels {
		labelOptions = append(labelOptions, app.Option().Value(string(l)).Text(string(l)).Selected(p.filter.Label == l))
	}
	hiddenRows := max(0, len(shown)-listRows-p.more)
	rows := shown[:len(shown)-hiddenRows]
	views := app.Div().Class("views").Role("group").Aria("label", "View").Body(
		app.Button().Class("view").Aria("pressed", !p.speakers).Text("List").OnClick(p.showList),
		app.Button().Class("view").Aria("pressed", p.speakers).Text("Who said what").OnClick(p.showSpeakers),
	)
	if p.speakers {
		return app.Aside().Class("panel").Aria("label", "Annotations").Body(
			app.H2().Text("Annotations"),
			views,
			renderWhoSaidWhat(p.W),
		)
	}
	return app.Aside().Class("panel").Aria("label", "Annotations").Body(
		app.H2().Text("Annotations"),
		views,
		app.P().Class("counts").Text(strconv.Itoa(notes)+" annotations, "+strconv.Itoa(suggestions)+" suggestions shown"),
		app.Div().Class("filters").Body(
			app.Select().Aria("label", "Filter by label").Body(labelOptions...).OnChange(p.filterLabel),
			app.Select().Aria("label", "Filter by kind").Body(
				app.Option().Value("").Text("Annotations and suggestions").Selected(p.filter.Kind == ""),
				app.Option().Value(kindAnnotation).Text("Annotations only").Selected(p.filter.Kind == kindAnnotation),
				app.Option().Value(kindSuggestion).Text("Suggestions only").Selected(p.filter.Kind == kindSuggestion),
			).OnChange(p.filterKind),
			app.Input().Type("search").Aria("label", "Search annotations").Placeholder("Search quotes, comments, tags").
				OnInput(p.search),
		),
		// The list is given as each row's HTML (panelRows), and panelList
		// changes on screen only the rows that changed. One handler serves
		// every row: each row says which item it lists (data-id, or
		// data-span and data-label), and a click reads it from the row
		// clicked, so it opens that row's item whatever the list showed
		// before.
		app.Div().Class("panel-rows").OnClick(p.openRow).Body(&panelList{Rows: panelRows(rows)}),
		slot(hiddenRows > 0, app.Button().Class("show-more").
			Text("Show "+strconv.Itoa(min(hiddenRows, listRows))+" more ("+strconv.Itoa(hiddenRows)+" not shown)").
			OnClick(p.showMore)),
		slot(len(rows) == 0, app.P().Class("muted").Text("Nothing to show.")),
	)
}

// openRow opens the item of the row whose button was clicked (or pressed
// with Enter or Space, which click it).
func (p *annotationPanel) openRow(ctx app.Context, e app.Event) {
	target := e.Get("target")
	if !target.Truthy() || target.Get("closest").IsUndefined() || !target.Call("closest", "button.panel-open").Truthy() {
		return
	}
	if row := target.Call("closest", "li.panel-item"); row.Truthy() {
		ctx.NewActionWithValue(actionJumpTo, highlightOf(row))
	}
}

func (p *annotationPanel) filterLabel(ctx app.Context, e app.Event) {
	p.filter.Label = annotate.Label(value(ctx))
	p.more = 0
}

func (p *annotationPanel) filterKind(ctx app.Context, e app.Event) {
	p.filter.Kind = value(ctx)
	p.more = 0
}

func (p *annotationPanel) showMore(ctx app.Context, e app.Event) { p.more += listRows }

func (p *annotationPanel) showList(ctx app.Context, e app.Event) { p.speakers = false }

func (p *annotationPanel) showSpeakers(ctx app.Context, e app.Event) { p.speakers = true }

func (p *annotationPanel) search(ctx app.Context, e app.Event) {
	p.filter.Query = value(ctx)
	p.more = 0
}

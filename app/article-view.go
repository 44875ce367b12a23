package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// renderArticle lays out a document as a news article, its entities as
// highlights. All document text goes into text nodes, never HTML. Highlights
// follow the testing contract: <mark data-label data-start data-end
// data-kind="suggestion">, offsets in code points of the document.
func renderArticle(d *annotate.Document, ents []annotate.Entity, hidden map[annotate.Label]bool) app.UI {
	classes := []string{"article"}
	for l, h := range hidden {
		if h {
			classes = append(classes, "hide-"+string(l))
		}
	}
	next := 0 // first entity not yet placed
	blocks := make([]app.UI, len(d.Blocks))
	for i, b := range d.Blocks {
		var inline []app.UI
		inline, next = renderRuns(d, b.Span, ents, next)
		switch b.Kind {
		case annotate.Headline:
			blocks[i] = app.H1().Class("headline").Body(inline...)
		case annotate.Byline:
			blocks[i] = app.P().Class("byline").Body(inline...)
		case annotate.Dateline:
			blocks[i] = app.P().Class("dateline").Body(inline...)
		default:
			blocks[i] = app.P().Body(inline...)
		}
	}
	return app.Article().Class(classes...).Aria("label", "Article").Body(blocks...)
}

// renderRuns renders the text of span: plain runs as text, entities inside
// it as marks. ents are in document order and do not overlap; next is the
// first one not yet placed, and the first one after span is returned.
func renderRuns(d *annotate.Document, span annotate.Span, ents []annotate.Entity, next int) ([]app.UI, int) {
	var runs []app.UI
	pos := span.Start
	for next < len(ents) && ents[next].End <= span.End {
		e := ents[next]
		next++
		if e.Start < pos {
			continue // overlaps what is placed; suggestions never do
		}
		if e.Start > pos {
			runs = append(runs, app.Text(d.Text.Slice(pos, e.Start)))
		}
		runs = append(runs, app.Mark().
			DataSet("label", string(e.Label)).
			DataSet("start", strconv.Itoa(e.Start)).
			DataSet("end", strconv.Itoa(e.End)).
			DataSet("kind", "suggestion").
			Title(string(e.Label)).
			TabIndex(0).
			Text(d.Text.Slice(e.Start, e.End)))
		pos = e.End
	}
	if pos < span.End {
		runs = append(runs, app.Text(d.Text.Slice(pos, span.End)))
	}
	return runs, next
}

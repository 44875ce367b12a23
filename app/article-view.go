package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// renderArticle lays out a document as a news article with its highlights.
// All document text goes into text nodes, never HTML. Each block carries
// data-start, its first code point, so a selection inside it maps back to
// document offsets. Highlights follow the testing contract: <mark
// data-label data-start data-end data-kind>, offsets in code points of the
// document, plus data-id for the reader's annotations.
func renderArticle(d *annotate.Document, hls []highlight, hidden map[annotate.Label]bool) app.UI {
	classes := []string{"article"}
	for _, l := range annotate.AllLabels {
		if hidden[l] {
			classes = append(classes, "hide-"+string(l))
		}
	}
	blocks := make([]app.UI, len(d.Blocks))
	for i, b := range d.Blocks {
		// Only the highlights that touch this block.
		var here []highlight
		for _, h := range hls {
			if h.Span.Start < b.End && h.Span.End > b.Start {
				here = append(here, h)
			}
		}
		inline := renderSegments(d, layoutHighlights(b.Span, here))
		var el app.HTMLP
		switch b.Kind {
		case annotate.Headline:
			blocks[i] = app.H1().Class("headline").DataSet("start", strconv.Itoa(b.Start)).Body(inline...)
			continue
		case annotate.Byline:
			el = app.P().Class("byline")
		case annotate.Dateline:
			el = app.P().Class("dateline")
		default:
			el = app.P()
		}
		blocks[i] = el.DataSet("start", strconv.Itoa(b.Start)).Body(inline...)
	}
	return app.Article().Class(classes...).Aria("label", "Article").Body(blocks...)
}

// renderSegments renders a block's layout: text runs as text nodes, marks
// as <mark> with their children inside.
func renderSegments(d *annotate.Document, segs []segment) []app.UI {
	out := make([]app.UI, 0, len(segs))
	for _, s := range segs {
		if s.Mark == nil {
			out = append(out, app.Text(d.Text.Slice(s.Span.Start, s.Span.End)))
			continue
		}
		m := app.Mark().
			DataSet("label", string(s.Mark.Label)).
			DataSet("start", strconv.Itoa(s.Span.Start)).
			DataSet("end", strconv.Itoa(s.Span.End)).
			DataSet("kind", s.Mark.Kind).
			DataSet("span", spanAttr(s.Mark.Span)).
			Title(markTitle(s.Mark)).
			TabIndex(0)
		if s.Mark.ID != "" {
			m = m.DataSet("id", s.Mark.ID)
		}
		if s.Mark.Speaker != "" {
			m = m.DataSet("speaker", s.Mark.Speaker)
		}
		if s.Mark.SpeakerEntity != "" {
			m = m.DataSet("speaker-entity", s.Mark.SpeakerEntity)
		}
		if s.Fragment {
			m = m.Class("fragment")
		}
		out = append(out, m.Body(renderSegments(d, s.Children)...))
	}
	return out
}

// markTitle is a highlight's tooltip: its label, for a claim who said it,
// and whether it is only suggested.
func markTitle(h *highlight) string {
	t := string(h.Label)
	if h.Speaker != "" {
		t += ", said by " + h.Speaker
	}
	if h.Kind == kindSuggestion {
		t += " (suggested)"
	}
	return t
}

// suggestionHighlights turns machine-found entities into highlights.
func suggestionHighlights(ents []annotate.Entity) []highlight {
	hls := make([]highlight, len(ents))
	for i, e := range ents {
		hls[i] = highlight{Span: e.Span, Label: e.Label, Kind: kindSuggestion}
	}
	return hls
}

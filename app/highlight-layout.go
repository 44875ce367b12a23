package main

import (
	"cmp"

	"glossa/annotate"
)

// Kinds of highlight, as the testing contract's data-kind names them.
const (
	kindSuggestion = "suggestion" // found by the machine, not yet accepted
	kindAnnotation = "annotation" // the reader's
)

// highlight is one thing to mark in the text.
type highlight struct {
	Span  annotate.Span
	Label annotate.Label
	Kind  string
	ID    string // the note's id; empty for suggestions
	// Speaker is who a claim says said it ("" if it names no one, and for
	// an entity); SpeakerEntity, for a suggested claim, the entity its
	// speaker resolves to ("start-end LABEL").
	Speaker, SpeakerEntity string
}

// segment is a piece of a block's layout: a run of plain text (Mark nil),
// or a mark over Span holding the segments inside it.
type segment struct {
	Span     annotate.Span
	Mark     *highlight
	Fragment bool // the mark is one piece of a highlight that crosses another
	Children []segment
}

// layoutHighlights lays out the highlights that touch span as nested
// marks. A highlight inside another nests in it; two that cross are drawn
// as the first whole and the second in pieces (Fragment), one inside the
// first and one after it, so every mark's text is the document's text
// between its own offsets. For the same span, the reader's annotation is
// the outer mark.
func layoutHighlights(span annotate.Span, hls []highlight) []segment {
	var items []piece
	for i := range hls {
		h := &hls[i]
		s := annotate.Span{Start: max(h.Span.Start, span.Start), End: min(h.Span.End, span.End)}
		if s.Start < s.End {
			items = append(items, piece{Span: s, hl: h, fragment: s != h.Span})
		}
	}
	sortPieces(items)
	return place(span, items)
}

// piece is a highlight, or the part of one, still to place.
type piece struct {
	annotate.Span
	hl       *highlight
	fragment bool
}

// sortPieces sorts a block's pieces, stably: by start, the longer first
// (it is the outer one), the reader's annotation before a suggestion. An
// insertion sort: a paragraph has a few pieces, mostly in order already,
// and the browser compiles this small function in a fraction of the time
// it took for the generic stable sort's code on the first highlights
// (about 25 ms on a small machine).
func sortPieces(ps []piece) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && comparePieces(ps[j-1], ps[j]) > 0; j-- {
			ps[j-1], ps[j] = ps[j], ps[j-1]
		}
	}
}

func comparePieces(a, b piece) int {
	return cmp.Or(
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(b.End, a.End),
		cmp.Compare(kindRank(a.hl.Kind), kindRank(b.hl.Kind)),
		cmp.Compare(a.hl.ID, b.hl.ID),
	)
}

func kindRank(kind string) int {
	if kind == kindAnnotation {
		return 0
	}
	return 1
}

// place lays out the sorted pieces within span.
func place(span annotate.Span, queue []piece) []segment {
	var out []segment
	pos := span.Start
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.Start > pos {
			out = append(out, segment{Span: annotate.Span{Start: pos, End: p.Start}})
		}
		var inner, rest []piece
		for _, q := range queue {
			switch {
			case q.Start >= p.End:
				rest = append(rest, q)
			case q.End <= p.End:
				inner = append(inner, q)
			default: // crosses p's end: split it there
				inner = append(inner, piece{Span: annotate.Span{Start: q.Start, End: p.End}, hl: q.hl, fragment: true})
				rest = append(rest, piece{Span: annotate.Span{Start: p.End, End: q.End}, hl: q.hl, fragment: true})
			}
		}
		out = append(out, segment{Span: p.Span, Mark: p.hl, Fragment: p.fragment, Children: place(p.Span, inner)})
		pos = p.End
		sortPieces(rest)
		queue = rest
	}
	if pos < span.End {
		out = append(out, segment{Span: annotate.Span{Start: pos, End: span.End}})
	}
	return out
}

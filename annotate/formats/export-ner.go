package formats

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"glossa/annotate"
)

// NER training data: one JSON line per article, its text and the spans of
// its entity notes, in document order, each span and label once (notes of
// several readers on one span with one label are one entity), offsets in
// code points of the text, end exclusive (the unit of Python's str, which
// doccano and spaCy index). The notes of a bundle are the readers' own and
// the suggestions they accepted; pending suggestions are not in a Bundle.
// CLAIM notes are not entities and are left out, as are titles, ids,
// comments and tags; ExportNotes counts the claims left out, so the reader
// is told.
//
// An entity list of spaCy (Doc.ents) or of doccano's sequence labelling
// cannot hold overlapping spans: spaCy refuses them. Where entities
// overlap, one is kept, chosen in this order (see NonOverlapping): the
// reader's own annotations before suggestions they accepted, then the
// longer span, then the earlier one, then the label in Glossa's order. The
// spaCy export keeps every entity, overlapping or not, in its span group
// "glossa" (Doc.spans["glossa"], which may overlap); doccano's has no such
// place, and ExportNotes counts what it leaves out.

// doccanoLine is one line of doccano's sequence-labelling JSONL.
type doccanoLine struct {
	Text  string  `json:"text"`
	Label [][]any `json:"label"`
}

// spacyLine is one line of spaCy JSONL: the text, its entities (Doc.ents)
// and its span groups (Doc.spans).
type spacyLine struct {
	Text  string                 `json:"text"`
	Ents  []spacySpan            `json:"ents"`
	Spans map[string][]spacySpan `json:"spans"`
}

type spacySpan struct {
	Start int    `json:"start"` // code points
	End   int    `json:"end"`   // code points, exclusive
	Label string `json:"label"`
}

// SpacyGroup is the span group of the spaCy export that holds every
// entity, overlapping or not.
const SpacyGroup = "glossa"

// ExportDoccano writes the bundle as doccano JSONL, one line per article:
// {"text": "…", "label": [[start, end, "LABEL"], …]}, entity notes only,
// none overlapping (see NonOverlapping), code points.
func ExportDoccano(b Bundle, w io.Writer) error {
	return exportLines(b, w, "doccano", func(a article) any {
		l := doccanoLine{Text: a.Text, Label: [][]any{}}
		kept, _ := NonOverlapping(a.Notes)
		for _, k := range kept {
			l.Label = append(l.Label, []any{k.Span.Start, k.Span.End, string(k.Label)})
		}
		return l
	})
}

// ExportSpacy writes the bundle as spaCy JSONL, one line per article:
// {"text": "…", "ents": [{"start", "end", "label"}, …], "spans":
// {"glossa": [{"start", "end", "label"}, …]}}: "ents" the entities that do
// not overlap (see NonOverlapping), fit for Doc.ents, and the span group
// "glossa" every entity, fit for Doc.spans. Entity notes only, code
// points.
func ExportSpacy(b Bundle, w io.Writer) error {
	return exportLines(b, w, "spacy", func(a article) any {
		kept, all := NonOverlapping(a.Notes)
		l := spacyLine{Text: a.Text, Ents: []spacySpan{}, Spans: map[string][]spacySpan{SpacyGroup: {}}}
		for _, k := range kept {
			l.Ents = append(l.Ents, spacySpan{k.Span.Start, k.Span.End, string(k.Label)})
		}
		for _, k := range all {
			l.Spans[SpacyGroup] = append(l.Spans[SpacyGroup], spacySpan{k.Span.Start, k.Span.End, string(k.Label)})
		}
		return l
	})
}

// NonOverlapping returns the span and label of each entity note, once
// (notes of several readers with the same span and label are one entity),
// in document order: all of them, and kept, those of them that overlap no
// other kept one. Where entities overlap the one kept is chosen in this
// order: the reader's own (a note without ProposedBy) before a suggestion
// they accepted, then the longer span, then the earlier start, then the
// label's place in annotate.EntityLabels.
func NonOverlapping(notes []annotate.Note) (kept, all []annotate.SuggestionKey) {
	own := map[annotate.SuggestionKey]bool{}
	seen := map[annotate.SuggestionKey]bool{}
	for _, n := range notes {
		k := annotate.SuggestionKey{Span: n.Span, Label: n.Label}
		if !n.Label.Valid() {
			continue
		}
		if n.ProposedBy == nil {
			own[k] = true
		}
		if !seen[k] {
			seen[k] = true
			all = append(all, k)
		}
	}
	order := slices.Clone(all)
	slices.SortStableFunc(order, func(a, b annotate.SuggestionKey) int {
		switch {
		case own[a] != own[b]:
			if own[a] {
				return -1
			}
			return 1
		case a.Span.End-a.Span.Start != b.Span.End-b.Span.Start:
			return (b.Span.End - b.Span.Start) - (a.Span.End - a.Span.Start)
		case a.Span.Start != b.Span.Start:
			return a.Span.Start - b.Span.Start
		}
		return slices.Index(annotate.EntityLabels, a.Label) - slices.Index(annotate.EntityLabels, b.Label)
	})
	for _, k := range order {
		if !slices.ContainsFunc(kept, func(o annotate.SuggestionKey) bool {
			return k.Span.Start < o.Span.End && o.Span.Start < k.Span.End
		}) {
			kept = append(kept, k)
		}
	}
	slices.SortFunc(kept, annotate.CompareKeys)
	return kept, all
}

// exportLines writes one JSON line per article.
func exportLines(b Bundle, w io.Writer, format string, line func(article) any) error {
	arts, err := articles(b, format)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(w)
	for _, a := range arts {
		if err := encodeJSON(out, line(a), ""); err != nil {
			return fmt.Errorf("export %s: %w", format, err)
		}
	}
	return out.Flush()
}

package formats

import (
	"bufio"
	"fmt"
	"io"

	"glossa/annotate"
)

// NER training data: one JSON line per article, its text and the spans of
// its entity notes (CLAIM notes are not entities and stay out), in
// document order, each span and label once (notes of several readers on
// one span with one label are one entity), offsets in code points of the
// text, end exclusive (the unit of Python's str, which doccano and spaCy
// index). The notes of a bundle are the readers' own and the suggestions
// they accepted; pending suggestions are not in a Bundle. Nothing else is
// carried: no title, ids, comments or tags.

// doccanoLine is one line of doccano's sequence-labelling JSONL.
type doccanoLine struct {
	Text  string  `json:"text"`
	Label [][]any `json:"label"`
}

// spacyLine is one line of spaCy-style span JSONL.
type spacyLine struct {
	Text  string      `json:"text"`
	Spans []spacySpan `json:"spans"`
}

type spacySpan struct {
	Start int    `json:"start"` // code points
	End   int    `json:"end"`   // code points, exclusive
	Label string `json:"label"`
}

// ExportDoccano writes the bundle as doccano JSONL, one line per article:
// {"text": "…", "label": [[start, end, "LABEL"], …]}, entity notes only,
// code points.
func ExportDoccano(b Bundle, w io.Writer) error {
	return exportLines(b, w, "doccano", func(a article) any {
		l := doccanoLine{Text: a.Text, Label: [][]any{}}
		for _, k := range entityKeys(a.Notes) {
			l.Label = append(l.Label, []any{k.Span.Start, k.Span.End, string(k.Label)})
		}
		return l
	})
}

// ExportSpacy writes the bundle as spaCy-style JSONL, one line per
// article: {"text": "…", "spans": [{"start", "end", "label"}, …]}, entity
// notes only, code points.
func ExportSpacy(b Bundle, w io.Writer) error {
	return exportLines(b, w, "spacy", func(a article) any {
		l := spacyLine{Text: a.Text, Spans: []spacySpan{}}
		for _, k := range entityKeys(a.Notes) {
			l.Spans = append(l.Spans, spacySpan{k.Span.Start, k.Span.End, string(k.Label)})
		}
		return l
	})
}

// entityKeys returns the span and label of each entity note, in document
// order, once: notes of several readers with the same span and label are
// one entity of the training data.
func entityKeys(notes []annotate.Note) []annotate.SuggestionKey {
	var out []annotate.SuggestionKey
	seen := map[annotate.SuggestionKey]bool{}
	for _, n := range notes {
		k := annotate.SuggestionKey{Span: n.Span, Label: n.Label}
		if n.Label.Valid() && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
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

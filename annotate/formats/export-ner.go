package formats

import (
	"bufio"
	"fmt"
	"io"
)

// NER training data: one JSON line per article, its text and the spans of
// its entity notes (CLAIM notes are not entities and stay out), in
// document order, offsets in code points of the text, end exclusive (the
// unit of Python's str, which doccano and spaCy index). The notes of a
// bundle are the reader's own and the suggestions they accepted; pending
// suggestions are not in a Bundle. Nothing else is carried: no title, ids,
// comments or tags.

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
		for _, n := range a.Notes {
			if n.Label.Valid() {
				l.Label = append(l.Label, []any{n.Span.Start, n.Span.End, string(n.Label)})
			}
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
		for _, n := range a.Notes {
			if n.Label.Valid() {
				l.Spans = append(l.Spans, spacySpan{n.Span.Start, n.Span.End, string(n.Label)})
			}
		}
		return l
	})
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

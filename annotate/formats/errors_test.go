package formats_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
)

// goTypes matches what Go's encoding/json puts in its errors and a reader
// of a file should never see: Go type names and Go's own wording.
var goTypes = regexp.MustCompile(`struct \{|map\[|\[\]|json\.RawMessage|\*?\bu?int(8|16|32|64)?\b|float64|interface \{|\bany\b|Go value|Go struct|annotate\.|w3c\.|json: (cannot|unknown|invalid)`)

// TestImportErrorsInFileTerms: what a bad file gets says what was expected
// in the file's own terms, never Go's types (issue #9, B5).
func TestImportErrorsInFileTerms(t *testing.T) {
	s := sampleStore(t)
	src := "https://swarajyamag.com/kaspersky"
	target := `"target":{"source":"` + src + `","selector":{"type":"TextQuoteSelector","exact":"Ciaran Martin"}}`
	for _, c := range []struct {
		name, file, data string
		want             string // in the message
	}{
		{"nested body", "x.json", `[{"type":"Annotation",` + target + `,"body":[{"type":"TextualBody","value":"a"},{"type":"TextualBody","value":"b"},[{"type":"TextualBody","value":"c"}]]}]`,
			`/0/body/2: bad input: a body is an object with "type" and "value" or "source"; found an array`},
		{"body a number", "x.json", `[{"type":"Annotation",` + target + `,"body":5}]`,
			`/0/body: bad input: a body is an object with "type" and "value" or "source", or an array of them; found a number`},
		{"body value an object", "x.json", `[{"type":"Annotation",` + target + `,"body":{"type":"TextualBody","value":{"text":"x"}}}]`,
			`/0/body/0: bad input: "value": found an object, want a string`},
		{"tags a string", "x.json", `[{"type":"Annotation",` + target + `,"tags":"check"}]`,
			`/0: bad input: "tags": found a string, want an array`},
		{"selector start a string", "x.json", `[{"type":"Annotation","target":{"source":"` + src + `","selector":{"type":"TextPositionSelector","start":"5","end":9}}}]`,
			`/0/target/0/selector/0: bad input: "start": found a string, want a whole number`},
		{"selector a string", "x.json", `[{"type":"Annotation","target":{"source":"` + src + `","selector":"#p3"}}]`,
			`/0/target/0/selector: bad input: a selector is an object with a "type", or an array of them; found a string`},
		{"target a number", "x.json", `[{"type":"Annotation","target":5}]`,
			`/0/target: bad input: a target is an IRI, or an object with a "source", or an array of them; found a number`},
		{"article text a number", "c.jsonld", `{"type":"AnnotationCollection","article":{"id":"x","articleText":5}}`,
			`/article: bad input: "articleText": found a number, want a string`},
		{"orphans an object", "c.jsonld", `{"type":"AnnotationCollection","article":{"id":"` + annotate.DocumentID("x") + `","articleText":"x"},"orphans":{"a":1}}`,
			`/orphans: bad input: orphans are an array of objects with "reason" and "annotation"; found an object`},
		{"jsonl line an array", "a.jsonl", "{\"text\":\"a\"}\n[1,2]\n",
			`import a.jsonl: line 2: bad input: want a JSON object with "text"; found an array`},
		{"jsonl label an object", "a.jsonl", "{\"text\":\"abc\",\"label\":{\"x\":1}}",
			`"label" is not an array of [start, end, "LABEL"]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := formats.ImportInto(s, c.file, []byte(c.data), bundleNow)
			if err == nil {
				t.Fatal("imported, want an error")
			}
			if !errors.Is(err, annotate.ErrBadInput) {
				t.Errorf("error %v does not wrap ErrBadInput", err)
			}
			if m := goTypes.FindString(err.Error()); m != "" {
				t.Errorf("error %q shows Go's %q", err, m)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error\n%v\nwant it to hold\n%s", err, c.want)
			}
		})
	}
}

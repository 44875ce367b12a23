//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/ner/news/builtin"
	"glossa/app/sample"
)

// counter returns an IDFunc giving "urn:x:1", "urn:x:2", ...
func counter() annotate.IDFunc {
	n := 0
	return func() string { n++; return fmt.Sprintf("urn:x:%d", n) }
}

// TestStreamMatchesWhole holds the streaming path to the in-memory one:
// the same bytes for a text of many chunks, with a byte-order mark, CRLF
// line ends, astral characters and HTML-special characters.
func TestStreamMatchesWhole(t *testing.T) {
	old := chunkSize
	chunkSize = 3000
	defer func() { chunkSize = old }()
	var b strings.Builder
	b.WriteString("\ufeff")
	for i := range 12 {
		fmt.Fprintf(&b, "Part %d: <b>\U0001F600 & co</b>\r\n\r\n%s\r\n\r\n", i, strings.ReplaceAll(sample.Article, "\n", "\r\n"))
	}
	raw := []byte(b.String())
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	full, err := builtin.Recognizer()
	if err != nil {
		t.Fatal(err)
	}
	// Each block as a document of its own: a DocumentRecognizer reads a
	// stream's chunks as documents, and the whole text as one.
	rec := blockRecognizer{full}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

	text, err := annotate.NormalizeText(raw)
	if err != nil {
		t.Fatal(err)
	}
	doc := annotate.NewDocument(text)
	if _, err := annotate.RecognizeBlocks(doc, rec, nil); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	coll := annotate.EntityCollection(doc, rec.Name(), counter(), now)
	if err := enc.Encode(coll); err != nil {
		t.Fatal(err)
	}

	var got bytes.Buffer
	if err := annotateStream(streamInput{name: "big.txt", path: path, size: int64(len(raw))}, rec, &got, nil, counter(), now); err != nil {
		t.Fatal(err)
	}
	if coll.Total < 100 {
		t.Fatalf("only %d annotations", coll.Total)
	}
	if got.String() != want.String() {
		g, w := got.String(), want.String()
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Errorf("streamed output differs at byte %d:\ngot  %q\nwant %q", i, g[max(0, i-80):min(len(g), i+80)], w[max(0, i-80):min(len(w), i+80)])
	}
}

// blockRecognizer hides a recognizer's ForDocument.
type blockRecognizer struct{ r annotate.Recognizer }

func (b blockRecognizer) Recognize(text string) ([]annotate.Entity, error) {
	return b.r.Recognize(text)
}
func (b blockRecognizer) Name() string { return b.r.Name() }

func TestTextReaderErrorsAsNormalizeText(t *testing.T) {
	for name, raw := range map[string]string{
		"invalid":          "Caf\xe9 in Paris",
		"invalid then NUL": "ok\xff then \x00 binary",
		"NUL":              "\ufeffa\x00b",
	} {
		t.Run(name, func(t *testing.T) {
			_, want := annotate.NormalizeText([]byte(raw))
			tr := annotate.NewTextReader(strings.NewReader(raw))
			var err error
			for err == nil {
				_, _, err = tr.Next(1)
			}
			if want == nil || err.Error() != want.Error() {
				t.Errorf("got %v, want %v", err, want)
			}
		})
	}
}

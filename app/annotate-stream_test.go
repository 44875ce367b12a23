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
	"glossa/annotate/claims"
	"glossa/annotate/ner/news/builtin"
	"glossa/annotate/w3c"
	"glossa/app/sample"
)

// counter returns an IDFunc giving "urn:x:1", "urn:x:2", ...
func counter() annotate.IDFunc {
	n := 0
	return func() string { n++; return fmt.Sprintf("urn:x:%d", n) }
}

// TestStreamMatchesWhole holds the streaming path to the in-memory one,
// for a text of many chunks with a byte-order mark, CRLF line ends, astral
// characters and HTML-special characters: the same entities, each the same
// annotation but for its id; claims found in the chunks that the whole text
// has too; the whole safe inside a <script> element.
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
	whole := w3c.EntityCollection(doc, rec.Name(), counter(), now)
	claims.AddToCollection(&whole, doc, claims.Find(doc, doc.Entities), counter(), now)

	var got bytes.Buffer
	if err := annotateStream(streamInput{name: "big.txt", path: path, size: int64(len(raw))}, rec, &got, nil, counter(), now); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"<", ">", "&"} {
		if strings.Contains(got.String(), c) {
			t.Errorf("the streamed collection holds a raw %q", c)
		}
	}
	var streamed w3c.Collection
	if err := json.Unmarshal(got.Bytes(), &streamed); err != nil {
		t.Fatal(err)
	}
	split := func(c w3c.Collection) (ents []string, claimSpans map[string]bool) {
		claimSpans = map[string]bool{}
		for _, a := range c.First.Items {
			pos := fmt.Sprintf("%d-%d", a.Target.Position.Start, a.Target.Position.End)
			if a.Body[0].Value == string(annotate.Claim) {
				claimSpans[pos] = true
				continue
			}
			a.ID = ""
			j, _ := json.Marshal(a)
			ents = append(ents, string(j))
		}
		return ents, claimSpans
	}
	wantEnts, wantClaims := split(whole)
	gotEnts, gotClaims := split(streamed)
	if len(wantEnts) < 100 {
		t.Fatalf("only %d entities", len(wantEnts))
	}
	if strings.Join(gotEnts, "\n") != strings.Join(wantEnts, "\n") {
		for i := range min(len(gotEnts), len(wantEnts)) {
			if gotEnts[i] != wantEnts[i] {
				t.Errorf("entity %d streamed\n%s\nwhole\n%s", i, gotEnts[i], wantEnts[i])
				break
			}
		}
		t.Errorf("%d entities streamed, %d in the whole text", len(gotEnts), len(wantEnts))
	}
	found := 0
	for span := range gotClaims {
		if wantClaims[span] {
			found++
		} else {
			t.Errorf("claim at %s streamed is not a claim of the whole text", span)
		}
	}
	if len(wantClaims) < 100 || found < len(wantClaims)*9/10 {
		t.Errorf("%d of the whole text's %d claims streamed", found, len(wantClaims))
	}
	if streamed.Total != len(streamed.First.Items) {
		t.Errorf("total %d for %d items", streamed.Total, len(streamed.First.Items))
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

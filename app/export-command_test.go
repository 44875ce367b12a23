//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
	"glossa/annotate/w3ctest"
)

// exportFixture is a Glossa W3C export of one short article with two
// notes, as a user's file.
func exportFixture(t *testing.T) []byte {
	t.Helper()
	d := annotate.NewDocument("Ann Lee met Bob in Paris.\n\nAnn said “it rains”.")
	w := annotate.NewWorkspace(d)
	var err error
	for i, c := range []struct {
		s, e int
		l    annotate.Label
	}{{0, 7, annotate.Person}, {19, 24, annotate.GPE}, {27, 47, annotate.Claim}} {
		if w, err = w.Create(annotate.Span{Start: c.s, End: c.e}, c.l, "urn:uuid:00000000-0000-7000-8000-00000000000"+itoa(i+1), nil, testNow); err != nil {
			t.Fatal(err)
		}
	}
	if w, err = w.SetClaim("urn:uuid:00000000-0000-7000-8000-000000000003", annotate.Speaker{Name: "Ann"}, annotate.False, "", testNow); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	b := formats.Bundle{Docs: []library.StoredDoc{{
		Meta: library.DocMeta{ID: d.ID, Title: "Rain", Source: "https://example.org/rain", Added: testNow,
			ReviewURL: "https://factcheck.example/rain"},
		Text: d.Text.String(), Notes: w.Notes,
	}}}
	if err := formats.ExportW3C(b, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// testNow is the clock of the export command tests.
var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func TestExportCommandFormats(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "rain.jsonld", exportFixture(t))
	suite, err := w3ctest.Load()
	if err != nil {
		t.Fatal(err)
	}
	out, errs, status := run(t, "", "export", in)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errs)
	}
	if !strings.Contains(errs, "3 notes added") {
		t.Errorf("no import report on stderr: %q", errs)
	}
	if out != string(exportFixture(t)) {
		t.Errorf("w3c export of a w3c export differs:\n%s", out)
	}
	for _, e := range suite.CheckCollection([]byte(out)) {
		t.Error(e)
	}
	for _, c := range []struct{ format, want, note string }{
		{"doccano", `{"text":"Ann Lee met Bob in Paris.\n\nAnn said “it rains”.","label":[[0,7,"PERSON"],[19,24,"GPE"]]}` + "\n",
			"note: 1 claim is left out: doccano NER training data holds entities only."},
		{"spacy", `{"text":"Ann Lee met Bob in Paris.\n\nAnn said “it rains”.","ents":[{"start":0,"end":7,"label":"PERSON"},{"start":19,"end":24,"label":"GPE"}],"spans":{"glossa":[{"start":0,"end":7,"label":"PERSON"},{"start":19,"end":24,"label":"GPE"}]}}` + "\n",
			"note: 1 claim is left out: spaCy NER training data holds entities only."},
		{"csv", "document,label,quote,start,end,comment,tags,speaker,verdict,evidence,created,creator\r\n",
			"note: 3 annotations are unsigned"},
		{"claimreview", `"alternateName": "False"`, "note: The reviews have no author: set your name or organisation in Settings."},
	} {
		out, errs, status := run(t, "", "export", "-format", c.format, in)
		if status != 0 || !strings.Contains(out, c.want) || !strings.Contains(errs, c.note) {
			t.Errorf("-format %s: status %d, %s\n%s\nwant it to hold %s and stderr %q", c.format, status, errs, out, c.want, c.note)
		}
	}
	// -o picks the format by extension and writes the file.
	zipPath := filepath.Join(dir, "rain.brat.zip")
	if _, errs, status := run(t, "", "export", "-o", zipPath, in); status != 0 {
		t.Fatalf("-o zip: %s", errs)
	}
	data, err := os.ReadFile(zipPath)
	if err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Fatalf("-o wrote %q, %v", data, err)
	}
}

func TestConvertCommand(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "rain.jsonld", exportFixture(t))
	jsonl := filepath.Join(dir, "rain.spacy.jsonl")
	if _, errs, status := run(t, "", "convert", in, jsonl); status != 0 {
		t.Fatalf("convert to spacy: %s", errs)
	}
	// Back from spaCy: the entities, without the claim.
	back := filepath.Join(dir, "back.jsonld")
	if _, errs, status := run(t, "", "convert", jsonl, back); status != 0 {
		t.Fatalf("convert from spacy: %s", errs)
	}
	data, _ := os.ReadFile(back)
	store := library.NewMemStore()
	rep, err := formats.ImportInto(store, "back.jsonld", data, testNow)
	if err != nil || rep.Articles != 1 || rep.Added != 2 {
		t.Fatalf("converted back: %v, %+v", err, rep)
	}
	// A brat .ann is read with its .txt.
	writeFile(t, dir, "x.txt", []byte("Ann met Bob"))
	ann := writeFile(t, dir, "x.ann", []byte("T1\tPER 0 3\tAnn\n"))
	out, errs, status := run(t, "", "export", "-format", "csv", ann)
	if status != 0 || !strings.Contains(out, "Ann met Bob,PERSON,Ann,0,3") {
		t.Errorf("brat pair: status %d, %s\n%s", status, errs, out)
	}
}

func TestExportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.jsonl", []byte("{\"text\":\"short\",\"label\":[[0,5,\"ORG\"]]}\n{\"text\":\"ab\",\"label\":[[0,9,\"ORG\"]]}\n"))
	good := writeFile(t, dir, "good.jsonld", exportFixture(t))
	for _, c := range []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"no files", []string{"export"}, 2, "give the files"},
		{"bad format", []string{"export", "-format", "pdf", good}, 2, `unsupported format "pdf"`},
		{"bad line", []string{"export", good, bad}, 1, `glossa export: import bad.jsonl: line 2: "label" [0]: bad span: end 9 is past the text (2 code points)`},
		{"missing file", []string{"export", filepath.Join(dir, "nope.jsonld")}, 1, "no such file"},
		{"convert usage", []string{"convert", good}, 2, "usage: glossa convert IN OUT"},
		{"convert unknown out", []string{"convert", good, filepath.Join(dir, "x.pdf")}, 2, "the extension names no format"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, errs, status := run(t, "", c.args...)
			if status != c.status || !strings.Contains(errs, c.want) {
				t.Errorf("status %d, stderr %q; want %d and %q", status, errs, c.status, c.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a failed convert wrote its output")
	}
}

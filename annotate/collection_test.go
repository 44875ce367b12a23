package annotate_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/w3ctest"
	"glossa/app/sample"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// counterIDs returns deterministic IRIs for golden output.
func counterIDs() annotate.IDFunc {
	n := 0
	return func() string {
		n++
		return fmt.Sprintf("urn:uuid:00000000-0000-7000-8000-%012d", n)
	}
}

// fixedEntities tags the sample's mentions of a few names, wherever they
// occur, standing in for a recognizer so the golden file does not change
// with the model.
type fixedEntities map[string]annotate.Label

func (f fixedEntities) Name() string { return "fixed test recognizer" }

func (f fixedEntities) Recognize(text string) ([]annotate.Entity, error) {
	t := annotate.NewText(text)
	var ents []annotate.Entity
	for p := 0; p < t.Len(); p++ {
		for name, label := range f {
			n := annotate.NewText(name).Len()
			if t.Slice(p, p+n) == name {
				ents = append(ents, annotate.Entity{Span: annotate.Span{Start: p, End: p + n}, Label: label})
				p += n - 1
				break
			}
		}
	}
	return ents, nil
}

func sampleCollection(t *testing.T) annotate.Collection {
	t.Helper()
	text, err := annotate.NormalizeText([]byte(sample.Article))
	if err != nil {
		t.Fatal(err)
	}
	doc := annotate.NewDocument(text)
	rec := fixedEntities{"Theresa May": annotate.Person, "Kaspersky Lab": annotate.Org, "Britain": annotate.GPE, "Dec 03, 2017": annotate.Date}
	if _, err := annotate.RecognizeBlocks(doc, rec, nil); err != nil {
		t.Fatal(err)
	}
	return annotate.EntityCollection(doc, rec.Name(), counterIDs(), time.Date(2026, 11, 27, 12, 0, 0, 0, time.FixedZone("CET", 3600)))
}

func TestEntityCollectionGolden(t *testing.T) {
	coll := sampleCollection(t)
	got, err := json.MarshalIndent(coll, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "golden", "sample-entities.jsonld")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./annotate -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("collection differs from %s; if the change is meant, rerun with -update and review the diff:\n%s", golden, got)
	}
}

func TestEntityCollectionPassesW3CMusts(t *testing.T) {
	suite, err := w3ctest.Load()
	if err != nil {
		t.Fatal(err)
	}
	coll := sampleCollection(t)
	if coll.Total != 9 || len(coll.First.Items) != 9 { // 5 × Kaspersky Lab, 2 × Britain, a name, a date
		t.Fatalf("collection holds %d annotations (total %d), want 9", len(coll.First.Items), coll.Total)
	}
	raw, err := json.Marshal(coll)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range suite.CheckCollection(raw) {
		t.Error(e)
	}
	for i, a := range coll.First.Items {
		one, _ := json.Marshal(a)
		for _, e := range suite.CheckAnnotation(one) {
			t.Errorf("item %d: %v", i, e)
		}
	}
}

func TestSuggestionAnnotationShape(t *testing.T) {
	coll := sampleCollection(t)
	text, _ := annotate.NormalizeText([]byte(sample.Article))
	doc := annotate.NewDocument(text)
	for _, a := range coll.First.Items {
		if a.Created != "2026-11-27T11:00:00Z" {
			t.Errorf("created %q, want UTC with Z", a.Created)
		}
		if a.Creator == nil || a.Creator.Type != "Software" || a.Creator.Name == "" {
			t.Errorf("creator %+v, want a named Software agent", a.Creator)
		}
		if len(a.Body) != 1 || a.Body[0].Purpose != "classifying" || !annotate.Label(a.Body[0].Value).Valid() {
			t.Errorf("body %+v, want one classifying label", a.Body)
		}
		pos, quote := a.Target.Position, a.Target.Quote
		if got := doc.Text.Slice(pos.Start, pos.End); got != quote.Exact {
			t.Errorf("position [%d, %d) holds %q, quote says %q", pos.Start, pos.End, got, quote.Exact)
		}
		if got := doc.Text.Slice(pos.Start-annotate.NewText(quote.Prefix).Len(), pos.Start); got != quote.Prefix {
			t.Errorf("prefix %q does not precede the quote (%q does)", quote.Prefix, got)
		}
		if got := doc.Text.Slice(pos.End, pos.End+annotate.NewText(quote.Suffix).Len()); got != quote.Suffix {
			t.Errorf("suffix %q does not follow the quote (%q does)", quote.Suffix, got)
		}
		if a.Target.Source != doc.ID {
			t.Errorf("source %q, want the document's %q", a.Target.Source, doc.ID)
		}
	}
}

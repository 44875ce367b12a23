package w3c_test

import (
	"encoding/json"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/internal/fixture"
	"glossa/annotate/w3c"
	"glossa/annotate/w3ctest"
)

func sampleCollection(t *testing.T) w3c.Collection {
	t.Helper()
	text := fixture.SampleText(t)
	doc := annotate.NewDocument(text)
	rec := fixture.FixedEntities{"Theresa May": annotate.Person, "Kaspersky Lab": annotate.Org, "Britain": annotate.GPE, "Dec 03, 2017": annotate.Date}
	if _, err := annotate.RecognizeBlocks(doc, rec, nil); err != nil {
		t.Fatal(err)
	}
	return w3c.EntityCollection(doc, rec.Name(), fixture.CounterIDs(), time.Date(2026, 11, 27, 12, 0, 0, 0, time.FixedZone("CET", 3600)))
}

func TestEntityCollectionGolden(t *testing.T) {
	coll := sampleCollection(t)
	got, err := json.MarshalIndent(coll, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	fixture.CheckGolden(t, "sample-entities.jsonld", append(got, '\n'))
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
	text := fixture.SampleText(t)
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

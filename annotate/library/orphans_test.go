package library_test

import (
	"errors"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/app/sample"
)

// TestOrphansKeptWithTheDocument adds orphans, reloads them, skips
// duplicates, and deletes them with their document.
func TestOrphansKeptWithTheDocument(t *testing.T) {
	s := library.NewMemStore()
	if err := library.SeedSample(s, sample.Article, time.Now()); err != nil {
		t.Fatal(err)
	}
	docs, _, err := s.List()
	if err != nil || len(docs) != 1 {
		t.Fatalf("list: %v %v", docs, err)
	}
	id := docs[0].ID
	o1 := library.Orphan{Raw: []byte(`{"id":"urn:x:1","target":{"selector":{"type":"TextQuoteSelector","exact":"gone"}}}`), Reason: "the quote is not in the text"}
	o2 := library.Orphan{Raw: []byte(`{"id":"urn:x:2"}`), Reason: "no selector"}
	for i, add := range [][]library.Orphan{{o1}, {o1, o2}, {o2}} {
		if err := s.Apply(library.Change{DocID: id, AddOrphans: add}); err != nil {
			t.Fatalf("add %d: %v", i, err)
		}
	}
	got, problems, err := s.Load(id)
	if err != nil || len(problems) > 0 {
		t.Fatalf("load: %v %v", problems, err)
	}
	if len(got.Orphans) != 2 || string(got.Orphans[0].Raw) != string(o1.Raw) || got.Orphans[1].Reason != o2.Reason {
		t.Fatalf("orphans %+v", got.Orphans)
	}
	if got.Orphans[0].Annotation.ID != "urn:x:1" {
		t.Errorf("orphan's annotation not read: %+v", got.Orphans[0].Annotation)
	}
	if err := s.Apply(library.Change{DocID: id, AddOrphans: []library.Orphan{{Raw: []byte("{bad"), Reason: "x"}}}); !errors.Is(err, annotate.ErrBadInput) {
		t.Errorf("an orphan that is not JSON: %v", err)
	}
	if err := s.Apply(library.Change{DocID: id, DeleteDoc: true}); err != nil {
		t.Fatal(err)
	}
	if dump := s.Dump(); len(dump) != 0 {
		t.Errorf("after DeleteDoc the store holds %v", dump)
	}
}

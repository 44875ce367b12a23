package library_test

import (
	"errors"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/library"
)

func learned(origin string, corrections int, data string) library.Learned {
	return library.Learned{Model: "9ea19a51fde7a61e", Origin: origin, Corrections: corrections, Data: []byte(data)}
}

const (
	originA = "urn:uuid:0190a5b2-0000-7000-8000-00000000000a"
	originB = "urn:uuid:0190a5b2-0000-7000-8000-00000000000b"
)

func TestLearnedRecordRoundTrip(t *testing.T) {
	l := learned(originA, 37, "GLOSSLRN\x00\x01")
	l.Imported = true
	raw, err := library.EncodeLearned(l)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"schema":2`) || !strings.Contains(string(raw), `"corrections":37`) {
		t.Errorf("record %s", raw)
	}
	got, err := library.DecodeLearned(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.Key() != l.Key() || got.Corrections != 37 || !got.Imported || string(got.Data) != string(l.Data) {
		t.Errorf("got %+v, want %+v", got, l)
	}
	if want := "learned 9ea19a51fde7a61e " + originA; l.Key() != want {
		t.Errorf("key %q, want %q", l.Key(), want)
	}
}

func TestLearnedRecordRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  string
	}{
		{"unknown field", `{"schema":2,"value":{"model":"m1","origin":"` + originA + `","corrections":1,"imported":false,"data":"QQ==","extra":1}}`},
		{"no data", `{"schema":2,"value":{"model":"m1","origin":"` + originA + `","corrections":1,"imported":false,"data":""}}`},
		{"bad origin", `{"schema":2,"value":{"model":"m1","origin":"here","corrections":1,"imported":false,"data":"QQ=="}}`},
		{"model with a space", `{"schema":2,"value":{"model":"m 1","origin":"` + originA + `","corrections":1,"imported":false,"data":"QQ=="}}`},
		{"negative count", `{"schema":2,"value":{"model":"m1","origin":"` + originA + `","corrections":-1,"imported":false,"data":"QQ=="}}`},
		{"data not base64", `{"schema":2,"value":{"model":"m1","origin":"` + originA + `","corrections":1,"imported":false,"data":"%%"}}`},
		{"newer schema", `{"schema":3,"value":{}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := library.DecodeLearned([]byte(tc.raw)); err == nil {
				t.Error("decoded")
			}
		})
	}
}

// TestLearnedChanges: learned records are written with a document's change
// or alone, a later state of the same learning wins, an import keeps the
// library's own mark, and a delete removes them.
func TestLearnedChanges(t *testing.T) {
	w := baseWorkspace()
	s := storeOf(t, stored(w, "paste"))
	docID := w.Doc.ID
	list := func() []library.Learned {
		t.Helper()
		ls, problems, err := s.Learned()
		if err != nil || len(problems) > 0 {
			t.Fatal(err, problems)
		}
		return ls
	}
	// With a document's change, in one transaction.
	if err := s.Apply(library.Change{DocID: docID, PutRejected: []annotate.SuggestionKey{w.Suggestions[0].Key()},
		PutLearned: []library.Learned{learned(originA, 1, "one")}}); err != nil {
		t.Fatal(err)
	}
	if ls := list(); len(ls) != 1 || string(ls[0].Data) != "one" {
		t.Fatalf("after the first change: %+v", ls)
	}
	// Alone, with no document.
	if err := s.Apply(library.Change{PutLearned: []library.Learned{learned(originA, 3, "three")}}); err != nil {
		t.Fatal(err)
	}
	// An older state of the same learning does not replace a later one.
	imported := learned(originA, 2, "two")
	imported.Imported = true
	other := learned(originB, 5, "five")
	other.Imported = true
	if err := s.Apply(library.Change{PutLearned: []library.Learned{imported, other}}); err != nil {
		t.Fatal(err)
	}
	ls := list()
	if len(ls) != 2 || string(ls[0].Data) != "three" || ls[0].Imported || string(ls[1].Data) != "five" || !ls[1].Imported {
		t.Fatalf("after the import: %+v", ls)
	}
	// A later state replaces it and keeps its mark.
	newer := learned(originA, 4, "four")
	newer.Imported = true
	if err := s.Apply(library.Change{PutLearned: []library.Learned{newer}}); err != nil {
		t.Fatal(err)
	}
	if ls := list(); string(ls[0].Data) != "four" || ls[0].Imported {
		t.Fatalf("after the newer import: %+v", ls)
	}
	// Forgetting deletes.
	if err := s.Apply(library.Change{DeleteLearned: []string{ls[0].Key(), ls[1].Key(), library.LearnedKey("m", originB)}}); err != nil {
		t.Fatal(err)
	}
	if ls := list(); len(ls) != 0 {
		t.Fatalf("after forgetting: %+v", ls)
	}
}

func TestLearnedChangeRefused(t *testing.T) {
	w := baseWorkspace()
	s := storeOf(t, stored(w, "paste"))
	for _, tc := range []struct {
		name string
		c    library.Change
	}{
		{"a change without a document that is not only learned", library.Change{PutLearned: []library.Learned{learned(originA, 1, "x")}, PutRejected: []annotate.SuggestionKey{w.Suggestions[0].Key()}}},
		{"put twice", library.Change{PutLearned: []library.Learned{learned(originA, 1, "x"), learned(originA, 2, "y")}}},
		{"put and deleted", library.Change{PutLearned: []library.Learned{learned(originA, 1, "x")}, DeleteLearned: []string{learned(originA, 1, "x").Key()}}},
		{"deleting what is not learned", library.Change{DeleteLearned: []string{"orphans x"}}},
		{"a bad record", library.Change{PutLearned: []library.Learned{learned("nobody", 1, "x")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := s.Dump()
			if err := s.Apply(tc.c); err == nil {
				t.Error("applied")
			}
			if len(s.Dump()) != len(before) {
				t.Error("the store changed")
			}
		})
	}
}

func TestLoadLearnedReportsBadRecords(t *testing.T) {
	s := library.NewMemStore()
	good, _ := library.EncodeLearned(learned(originA, 1, "x"))
	s.PutRaw(library.StoreSettings, learned(originA, 1, "x").Key(), good)
	s.PutRaw(library.StoreSettings, library.LearnedKey("9ea19a51fde7a61e", originB), good) // under another key
	s.PutRaw(library.StoreSettings, library.LearnedKey("m", originA), []byte(`{"schema":2,"value":1}`))
	ls, problems, err := s.Learned()
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 1 || len(problems) != 2 {
		t.Fatalf("%d records, %d problems: %v", len(ls), len(problems), problems)
	}
	for _, p := range problems {
		if !errors.Is(p, library.ErrCorrupt) {
			t.Errorf("%v does not wrap ErrCorrupt", p)
		}
	}
	// A change putting over an unreadable record is refused.
	bad := learned(originA, 9, "x")
	bad.Model = "m"
	if err := s.Apply(library.Change{PutLearned: []library.Learned{bad}}); !errors.Is(err, library.ErrCorrupt) {
		t.Errorf("put over a corrupt record: %v", err)
	}
}

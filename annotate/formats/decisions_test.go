package formats_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
	"glossa/annotate/w3c"
)

// TestDecisionsSurviveExport: the suggestions a reader rejected (and
// accepted) travel in the W3C export, as valid Web Annotations, and come
// back on import, so a library imported into a fresh profile does not
// offer them again (issue #9: 16 suggestions became 25).
func TestDecisionsSurviveExport(t *testing.T) {
	d := noteDoc()
	ents := suggestions(d)
	w := annotate.NewWorkspace(d).WithSuggestions(ents, recName)
	w = must(w.Accept(key(d, "Ann Lee", 1, annotate.Person), id(1), nil, t0))
	w = must(w.Relabel(id(1), annotate.Org, t1)) // accepted, then relabeled
	w, _ = w.RejectAll(annotate.GPE)
	w = must(w.Reject(key(d, "Kaspersky Lab", 1, annotate.Org)))
	w = must(w.Reject(key(d, "Kaspersky Lab denied it", 1, annotate.Claim)))
	pending := len(w.Suggestions)
	doc := library.StoredDoc{Meta: library.DocMeta{ID: d.ID, Title: "Notes", Added: t0}, Text: d.Text.String(),
		Notes: w.Notes, Rejected: setKeys(w.Rejected), Accepted: setKeys(w.Accepted)}
	b := loadBundle(t, storeOf(t, formats.Bundle{Docs: []library.StoredDoc{doc}}))
	if len(b.Docs[0].Rejected) != 3 || len(b.Docs[0].Accepted) != 1 {
		t.Fatalf("the library holds %d rejected and %d accepted suggestions, want 3 and 1", len(b.Docs[0].Rejected), len(b.Docs[0].Accepted))
	}
	data := exportBytes(t, formats.FormatW3C, b)
	checkW3CMusts(t, fixtureSuite(t), data)

	fresh := library.NewMemStore()
	rep, err := formats.ImportInto(fresh, "notes.jsonld", data, bundleNow)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Decisions != 4 || rep.Added != len(w.Notes) {
		t.Errorf("report %+v, want 4 decisions and %d notes", rep, len(w.Notes))
	}
	got := loadBundle(t, fresh)
	if !reflect.DeepEqual(got, b) {
		t.Errorf("imported library\n%+v\nwant\n%+v", got, b)
	}
	// The fresh profile tags the article: only the undecided suggestions
	// come back.
	ws, err := got.Docs[0].Workspace()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ws.WithSuggestions(ents, recName).Suggestions); n != pending {
		t.Errorf("after import %d suggestions are pending, want %d", n, pending)
	}
	// Importing again adds nothing.
	before := fresh.Dump()
	if rep, err := formats.ImportInto(fresh, "notes.jsonld", data, bundleNow); err != nil || rep.Decisions != 0 || !reflect.DeepEqual(fresh.Dump(), before) {
		t.Errorf("second import: %+v, %v", rep, err)
	}
	// Each decision is an annotation another tool reads as a moderation,
	// not as a label.
	var coll struct {
		First struct{ Items []json.RawMessage }
	}
	if err := json.Unmarshal(data, &coll); err != nil {
		t.Fatal(err)
	}
	moderations := 0
	for _, raw := range coll.First.Items {
		var a w3c.Annotation
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatal(err)
		}
		if a.Motivation == "moderating" {
			moderations++
		}
	}
	if moderations != 4 {
		t.Errorf("%d moderating annotations in the export, want 4", moderations)
	}
}

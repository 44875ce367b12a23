package annotate_test

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/app/sample"
)

// added is when the library tests add their documents.
var added = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// sampleText is the sample article, normalized.
func sampleText(t testing.TB) string {
	t.Helper()
	text, err := annotate.NormalizeText([]byte(sample.Article))
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// sampleWorkspace returns the empty workspace of the sample article (or of
// text, if not empty) with the gold entities and claims as pending
// suggestions.
func sampleWorkspace(t testing.TB, text string) annotate.Workspace {
	t.Helper()
	if text == "" {
		text = sampleText(t)
	}
	gold, err := sample.LoadGold()
	if err != nil {
		t.Fatal(err)
	}
	var ents []annotate.Entity
	for _, e := range gold.Entities {
		ents = append(ents, annotate.Entity{Span: annotate.Span{Start: e.Start, End: e.End}, Label: annotate.Label(e.Label)})
	}
	for _, c := range gold.Claims {
		ents = append(ents, annotate.Entity{Span: annotate.Span{Start: c.Start, End: c.End}, Label: annotate.Claim})
	}
	return annotate.NewWorkspace(annotate.NewDocument(text)).WithSuggestions(ents, "gold")
}

// stored returns what the library keeps of w: a document from source,
// added at added, with w's notes and decisions and no entities.
func stored(w annotate.Workspace, source string) annotate.StoredDoc {
	text := w.Doc.Text.String()
	s := annotate.StoredDoc{
		Meta:     annotate.DocMeta{ID: w.Doc.ID, Title: annotate.DefaultTitle(text), Added: added, Source: source},
		Text:     text,
		Notes:    w.Notes,
		Rejected: setKeys(w.Rejected),
		Accepted: setKeys(w.Accepted),
	}
	for _, n := range w.Notes {
		s.Meta.Notes++
		if n.Label == annotate.Claim {
			s.Meta.Claims++
		}
	}
	return s
}

// setKeys returns the keys of a set in document order, then by label.
func setKeys(m map[annotate.SuggestionKey]bool) []annotate.SuggestionKey {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b annotate.SuggestionKey) int {
		return cmp.Or(a.Span.Start-b.Span.Start, b.Span.End-a.Span.End, cmp.Compare(a.Label, b.Label))
	})
	return keys
}

// storeOf returns a MemStore holding the documents.
func storeOf(t testing.TB, docs ...annotate.StoredDoc) *annotate.MemStore {
	t.Helper()
	s := annotate.NewMemStore()
	for _, d := range docs {
		if err := s.Apply(annotate.PutDoc(d)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// loadWorkspace loads a document from s and builds its workspace, failing
// the test on any error or problem.
func loadWorkspace(t testing.TB, s annotate.Store, docID string) annotate.Workspace {
	t.Helper()
	doc, problems, err := s.Load(docID)
	if err != nil || len(problems) > 0 {
		t.Fatalf("load %s: %v, problems %v", docID, err, problems)
	}
	w, err := doc.Workspace()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// diffState describes how got's notes and decisions differ from want's,
// or returns "" if they are the same.
func diffState(got, want annotate.Workspace) string {
	var b bytes.Buffer
	if len(got.Notes) != len(want.Notes) {
		b.WriteString("notes: " + itoa(len(got.Notes)) + ", want " + itoa(len(want.Notes)) + "\n")
	}
	for i := range min(len(got.Notes), len(want.Notes)) {
		if !reflect.DeepEqual(got.Notes[i], want.Notes[i]) {
			b.WriteString("note " + itoa(i) + ":\n  got  " + sprint(got.Notes[i]) + "\n  want " + sprint(want.Notes[i]) + "\n")
		}
	}
	if !maps.Equal(trueKeys(got.Rejected), trueKeys(want.Rejected)) {
		b.WriteString("rejected: " + sprint(setKeys(got.Rejected)) + ", want " + sprint(setKeys(want.Rejected)) + "\n")
	}
	if !maps.Equal(trueKeys(got.Accepted), trueKeys(want.Accepted)) {
		b.WriteString("accepted: " + sprint(setKeys(got.Accepted)) + ", want " + sprint(setKeys(want.Accepted)) + "\n")
	}
	return b.String()
}

// trueKeys drops the false entries of a set.
func trueKeys(m map[annotate.SuggestionKey]bool) map[annotate.SuggestionKey]bool {
	out := map[annotate.SuggestionKey]bool{}
	for k, v := range m {
		if v {
			out[k] = true
		}
	}
	return out
}

func itoa(i int) string   { return strconv.Itoa(i) }
func sprint(v any) string { return fmt.Sprintf("%+v", v) }

package learn_test

import (
	"reflect"
	"testing"

	"glossa/annotate"
	"glossa/annotate/ner/news/learn"
	"glossa/annotate/ner/news/learn/wire"
)

// TestDecisionsThroughTheWorker: the decisions the page sends the worker
// as bytes teach the learner what the decisions themselves teach it, and
// carry no comment, tag or claim field (what learning does not read).
func TestDecisionsThroughTheWorker(t *testing.T) {
	text := "Analysts said Zorblax Industries would cut 200 jobs in Ohio. Zorblax Industries denied it."
	direct := learn.New(model(t), learn.Options{})
	w := article(t, direct.Recognizer(), text)
	w = correct(t, w, "Zorblax Industries", annotate.Org, 1)
	w = must(t)(w.SetComment(id(1), "a company, not a person\nsee the filing", now))
	w = must(t)(w.SetTags(id(1), []string{"checked"}, now))
	if len(w.Suggestions) == 0 {
		t.Fatal("no suggestion left to reject")
	}
	w = must(t)(w.Reject(w.Suggestions[0].Key()))
	d := learn.FromWorkspace(w)
	if len(d.Notes) == 0 || len(d.Rejected) == 0 {
		t.Fatalf("decisions %+v: want notes and rejections", d)
	}
	b, err := d.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := wire.ParseDecisions(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != d.Text || !reflect.DeepEqual(got.Rejected, d.Rejected) || len(got.Notes) != len(d.Notes) {
		t.Fatalf("through the wire: %+v, want %+v", got, d)
	}
	for i, n := range got.Notes {
		want := d.Notes[i]
		if n.ID != want.ID || n.Span != want.Span || n.Label != want.Label || n.Comment != "" || n.Tags != nil {
			t.Errorf("note %d through the wire: %+v, want its ID, span and label of %+v only", i, n, want)
		}
	}
	wired := learn.New(model(t), learn.Options{})
	if a, b := direct.Learn(d), wired.Learn(got); a != b || a.Corrections == 0 {
		t.Errorf("learned %+v from the decisions, %+v from them through the wire", a, b)
	}
	pa, pb := direct.Own(), wired.Own()
	pb.Origin = pa.Origin // each learning is named anew
	da, errA := pa.MarshalBinary()
	db, errB := pb.MarshalBinary()
	if errA != nil || errB != nil || !reflect.DeepEqual(da, db) {
		t.Errorf("the learners' parts differ (%v, %v)", errA, errB)
	}
}

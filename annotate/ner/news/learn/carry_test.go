package learn_test

import (
	"bytes"
	"slices"
	"testing"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/learn"
)

// TestLoadCarriesWhatTheReplacedModelLearned: what a reader taught a
// model applies to the model that replaces it (news.Info.Carries), once:
// the replacement's own record of the same learning comes first, and
// forgetting deletes both. A model that does not carry it ignores it.
func TestLoadCarriesWhatTheReplacedModelLearned(t *testing.T) {
	old := model(t)
	replacement := fold(t, old, news.Info{Name: "the replacement", Carries: []string{old.ID()}})
	unrelated := fold(t, old, news.Info{Name: "another model"})
	const third = "Workers at Vantor Quell walked out on Thursday."
	label := func(l *learn.Learner) annotate.Label {
		e, _ := suggestion(article(t, l.Recognizer(), third), "Vantor Quell")
		return e.Label
	}

	taught := learn.New(old, learn.Options{})
	w := article(t, taught.Recognizer(), "Vantor Quell said on Friday it would close two plants in Ohio.")
	taught.Learn(learn.FromWorkspace(correct(t, w, "Vantor Quell", annotate.Org, 1)))
	recOld, err := taught.Record()
	if err != nil || label(taught) != annotate.Org {
		t.Fatalf("the test needs a correction learned on the old model: %v, %s", err, label(taught))
	}

	carried := learn.New(replacement, learn.Options{})
	if label(carried) == annotate.Org {
		t.Fatal("the replacement gets it right before learning: the test needs a mistake")
	}
	if err := carried.Load([]library.Learned{recOld}); err != nil {
		t.Fatal(err)
	}
	if carried.Corrections() != 1 || label(carried) != annotate.Org {
		t.Errorf("the replacement after loading the old model's record: %d corrections, %s; want 1, ORG", carried.Corrections(), label(carried))
	}
	if own := carried.Own(); own.Model != replacement.ID() || own.Origin != recOld.Origin || !sameDelta(t, own, taught.Own()) {
		t.Errorf("the carried part: model %s origin %s, want %s %s and the old learner's weights", own.Model, own.Origin, replacement.ID(), recOld.Origin)
	}
	other := learn.New(unrelated, learn.Options{})
	if err := other.Load([]library.Learned{recOld}); err != nil || other.Corrections() != 0 {
		t.Errorf("a model that does not carry it: %v, %d corrections", err, other.Corrections())
	}

	// The replacement learns one more: its record, under its own ID,
	// holds both corrections, and comes first.
	w = article(t, carried.Recognizer(), "Kevin Marsh, a spokesman for Vantor Quell, said the talks had failed.")
	carried.Learn(learn.FromWorkspace(correct(t, w, "Vantor Quell", annotate.Org, 2)))
	recNew, err := carried.Record()
	if err != nil || recNew.Model != replacement.ID() || recNew.Corrections != 2 {
		t.Fatalf("the replacement's record: %+v, %v", recNew, err)
	}
	for _, recs := range [][]library.Learned{{recOld, recNew}, {recNew, recOld}} {
		again := learn.New(replacement, learn.Options{})
		if err := again.Load(recs); err != nil || again.Corrections() != 2 {
			t.Errorf("loading both records: %v, %d corrections, want 2 (each once)", err, again.Corrections())
		}
	}

	// Forgetting lists the old model's record too, so that it is deleted
	// (and comes back on undo).
	var keys []string
	recs, err := carried.Records()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		keys = append(keys, r.Key())
	}
	if !slices.Contains(keys, recOld.Key()) || !slices.Contains(keys, recNew.Key()) {
		t.Errorf("Records keys %v, want %s and %s", keys, recOld.Key(), recNew.Key())
	}
}

// fold returns m under another name and ID, with m's weights.
func fold(t *testing.T, m *news.Model, info news.Info) *news.Model {
	t.Helper()
	data, _, err := m.Fold(&news.Delta{}, info)
	if err != nil {
		t.Fatal(err)
	}
	f, err := news.ParseModel(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.ID() == m.ID() || !slices.Equal(f.Info().Carries, info.Carries) {
		t.Fatalf("the folded model: ID %s (was %s), carries %v", f.ID(), m.ID(), f.Info().Carries)
	}
	return f
}

// sameDelta says whether two parts hold the same weights.
func sameDelta(t *testing.T, a, b learn.Part) bool {
	t.Helper()
	a.Model, a.Origin, a.Items = "", "", nil
	b.Model, b.Origin, b.Items = "", "", nil
	x, err1 := a.MarshalBinary()
	y, err2 := b.MarshalBinary()
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

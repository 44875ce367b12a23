package annotate_test

import (
	"errors"
	"testing"

	"glossa/annotate"
)

func TestSetSpeakerSuggestion(t *testing.T) {
	w := baseWorkspace()
	d := w.Doc
	britain := key(d, "Britain", 1, annotate.GPE)
	before := clone(w)
	next, res, err := w.Apply(annotate.SetSpeakerSuggestion{ID: id(2), Key: britain}, editEnv())
	if err != nil {
		t.Fatal(err)
	}
	if res.Report != "Accepted Britain as GPE; speaker saved." {
		t.Errorf("report %q", res.Report)
	}
	sp, ok := next.Note(id(100))
	if !ok || sp.Label != annotate.GPE || sp.Span != britain.Span || sp.ProposedBy == nil {
		t.Errorf("the accepted speaker: %+v, %v", sp, ok)
	}
	if _, open := next.Suggestion(britain); open {
		t.Error("Britain is still suggested")
	}
	claim, _ := next.Note(id(2))
	old, _ := w.Note(id(2))
	if claim.Speaker != (annotate.Speaker{AnnotationID: id(100)}) || claim.Verdict != old.Verdict || claim.Evidence != old.Evidence {
		t.Errorf("the claim: %+v", claim)
	}
	if got := next.SpeakerName(claim); got != "Britain" {
		t.Errorf("speaker name %q", got)
	}
	if !equalWorkspaces(w, before) {
		t.Error("Apply changed its receiver")
	}

	for _, tc := range []struct {
		name string
		edit annotate.SetSpeakerSuggestion
		want error
	}{
		{"gone claim", annotate.SetSpeakerSuggestion{ID: id(9), Key: britain}, annotate.ErrNotFound},
		{"not a claim", annotate.SetSpeakerSuggestion{ID: id(4), Key: britain}, annotate.ErrNotClaim},
		{"closed suggestion", annotate.SetSpeakerSuggestion{ID: id(2), Key: key(d, "Kaspersky Lab", 1, annotate.Org)}, annotate.ErrNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			next, res, err := w.Apply(tc.edit, editEnv())
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if res != (annotate.EditResult{}) || !equalWorkspaces(next, w) {
				t.Errorf("a failed edit changed something: %+v", res)
			}
		})
	}
}

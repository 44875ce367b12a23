package annotate_test

import (
	"errors"
	"slices"
	"testing"

	"glossa/annotate"
	"glossa/annotate/internal/fixture"
)

// editEnv is a fixed environment: reader Ada at t1, new IDs from 100 up.
func editEnv() annotate.EditEnv {
	n := 99
	return annotate.EditEnv{Reader: annotate.Reader("Ada"), Now: t1, NewID: func() string { n++; return id(n) }}
}

func TestApplyEdits(t *testing.T) {
	d := baseWorkspace().Doc
	tests := []struct {
		name    string
		edit    annotate.Edit
		report  string
		created string
		check   func(t *testing.T, w annotate.Workspace)
	}{
		{"create", annotate.CreateNote{Span: at(d, "Britain", 1), Label: annotate.GPE}, "Marked as GPE.", id(100),
			func(t *testing.T, w annotate.Workspace) {
				if n, ok := w.Note(id(100)); !ok || n.Label != annotate.GPE || n.Span != at(d, "Britain", 1) {
					t.Errorf("note 100: %+v, %v", n, ok)
				}
			}},
		{"relabel", annotate.Relabel{ID: id(4), Label: annotate.Event}, "Now EVENT.", "",
			func(t *testing.T, w annotate.Workspace) {
				if n, _ := w.Note(id(4)); n.Label != annotate.Event || n.Comment != "thumbs\nup" {
					t.Errorf("note 4: %+v", n)
				}
			}},
		{"comment", annotate.SetComment{ID: id(4), Comment: "new"}, "Comment saved.", "",
			func(t *testing.T, w annotate.Workspace) {
				if n, _ := w.Note(id(4)); n.Comment != "new" || !slices.Equal(n.Tags, []string{"emoji", "tone"}) {
					t.Errorf("note 4: %+v", n)
				}
			}},
		{"tags", annotate.SetTags{ID: id(4), Tags: []string{"a"}}, "Tags saved.", "",
			func(t *testing.T, w annotate.Workspace) {
				if n, _ := w.Note(id(4)); !slices.Equal(n.Tags, []string{"a"}) || n.Comment != "thumbs\nup" {
					t.Errorf("note 4: %+v", n)
				}
			}},
		// Each claim field keeps the other two as they are.
		{"verdict", annotate.SetVerdict{ID: id(2), Verdict: annotate.False}, "Verdict saved.", "",
			func(t *testing.T, w annotate.Workspace) {
				n, _ := w.Note(id(2))
				if n.Verdict != annotate.False || n.Speaker.AnnotationID != id(1) || n.Evidence != "https://example.org/check?id=1" {
					t.Errorf("claim: %+v", n)
				}
			}},
		{"speaker", annotate.SetSpeaker{ID: id(2), Speaker: annotate.Speaker{Name: "Bo"}}, "Speaker saved.", "",
			func(t *testing.T, w annotate.Workspace) {
				n, _ := w.Note(id(2))
				if n.Speaker != (annotate.Speaker{Name: "Bo"}) || n.Verdict != annotate.Disputed || n.Evidence != "https://example.org/check?id=1" {
					t.Errorf("claim: %+v", n)
				}
			}},
		{"evidence", annotate.SetEvidence{ID: id(2), URL: "https://example.org/b"}, "Evidence saved.", "",
			func(t *testing.T, w annotate.Workspace) {
				n, _ := w.Note(id(2))
				if n.Evidence != "https://example.org/b" || n.Verdict != annotate.Disputed || n.Speaker.AnnotationID != id(1) {
					t.Errorf("claim: %+v", n)
				}
			}},
		{"delete", annotate.DeleteNote{ID: id(4)}, "Deleted.", "",
			func(t *testing.T, w annotate.Workspace) {
				if _, ok := w.Note(id(4)); ok {
					t.Error("note 4 is still there")
				}
			}},
		{"accept", annotate.AcceptSuggestion{Key: key(d, "Britain", 1, annotate.GPE)}, "Accepted as GPE.", id(100),
			func(t *testing.T, w annotate.Workspace) {
				if n, ok := w.Note(id(100)); !ok || n.Label != annotate.GPE || n.ProposedBy == nil {
					t.Errorf("accepted note: %+v, %v", n, ok)
				}
			}},
		{"accept as", annotate.AcceptSuggestion{Key: key(d, "Britain", 1, annotate.GPE), As: annotate.Loc}, "Accepted as LOC.", id(100),
			func(t *testing.T, w annotate.Workspace) {
				if n, ok := w.Note(id(100)); !ok || n.Label != annotate.Loc {
					t.Errorf("accepted note: %+v, %v", n, ok)
				}
			}},
		{"reject", annotate.RejectSuggestion{Key: key(d, "Britain", 1, annotate.GPE)}, "Rejected.", "",
			func(t *testing.T, w annotate.Workspace) {
				if _, ok := w.Suggestion(key(d, "Britain", 1, annotate.GPE)); ok {
					t.Error("Britain is still suggested")
				}
			}},
		{"accept all", annotate.AcceptAll{Label: annotate.Person}, "Accepted 2 PERSON suggestions.", "", nil},
		{"reject all", annotate.RejectAll{Label: annotate.Person}, "Rejected 2 PERSON suggestions.", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := baseWorkspace()
			before := clone(w)
			next, res, err := w.Apply(tc.edit, editEnv())
			if err != nil {
				t.Fatal(err)
			}
			if res.Report != tc.report || res.Created != tc.created {
				t.Errorf("result %+v, want report %q, created %q", res, tc.report, tc.created)
			}
			if tc.check != nil {
				tc.check(t, next)
			}
			if !equalWorkspaces(w, before) {
				t.Error("Apply changed its receiver")
			}
		})
	}
}

func TestApplyEditErrors(t *testing.T) {
	d := baseWorkspace().Doc
	tests := []struct {
		name string
		edit annotate.Edit
		want error
	}{
		{"no edit", nil, annotate.ErrBadInput},
		{"verdict of a gone note", annotate.SetVerdict{ID: id(9), Verdict: annotate.False}, annotate.ErrNotFound},
		{"verdict of a note that is not a claim", annotate.SetVerdict{ID: id(4), Verdict: annotate.False}, annotate.ErrNotClaim},
		{"evidence with markup", annotate.SetEvidence{ID: id(2), URL: `https://example.org/"><script>`}, annotate.ErrBadURL},
		{"accept all of a label with none open", annotate.AcceptAll{Label: annotate.Fac}, annotate.ErrNotFound},
		{"reject all of a label with none open", annotate.RejectAll{Label: annotate.Fac}, annotate.ErrNotFound},
		{"reject a suggestion twice", annotate.RejectSuggestion{Key: key(d, "Kaspersky Lab", 1, annotate.Org)}, annotate.ErrNotFound},
		{"comment on a deleted note", annotate.SetComment{ID: id(7), Comment: "x"}, annotate.ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := baseWorkspace()
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

// equalWorkspaces compares what a reader sees of two workspaces.
func equalWorkspaces(a, b annotate.Workspace) bool {
	return fixture.DiffState(a, b) == "" && slices.Equal(a.Suggestions, b.Suggestions)
}

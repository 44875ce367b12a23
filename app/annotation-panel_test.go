package main

import (
	"slices"
	"testing"
	"time"

	"glossa/annotate"
)

// panelWorkspace: notes on "Ann Lee" (PERSON, commented) and the claim
// around it, suggestions on "Kaspersky Lab" and "Britain".
func panelWorkspace(t *testing.T) annotate.Workspace {
	t.Helper()
	d := annotate.NewDocument("Ann Lee says Kaspersky Lab works in Britain.")
	span := func(s string) annotate.Span {
		for i := range d.Text.Len() {
			if end := i + len([]rune(s)); end <= d.Text.Len() && d.Text.Slice(i, end) == s {
				return annotate.Span{Start: i, End: end}
			}
		}
		t.Fatalf("%q not found", s)
		return annotate.Span{}
	}
	w := annotate.NewWorkspace(d).WithSuggestions([]annotate.Entity{
		{Span: span("Kaspersky Lab"), Label: annotate.Org},
		{Span: span("Britain"), Label: annotate.GPE},
	}, "test")
	ids := []string{"urn:uuid:00000000-0000-7000-8000-000000000002", "urn:uuid:00000000-0000-7000-8000-000000000001"}
	env := annotate.EditEnv{Reader: annotate.Reader("Ada"), Now: time.Unix(0, 0), NewID: func() string { id := ids[0]; ids = ids[1:]; return id }}
	for _, e := range []annotate.Edit{
		annotate.CreateNote{Span: span("Ann Lee"), Label: annotate.Person},
		annotate.CreateNote{Span: span("Ann Lee says Kaspersky Lab works in Britain"), Label: annotate.Claim},
		annotate.SetComment{ID: "urn:uuid:00000000-0000-7000-8000-000000000002", Comment: "Head of the NCSC"},
	} {
		var err error
		if w, _, err = w.Apply(e, env); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

func TestPanelItems(t *testing.T) {
	w := panelWorkspace(t)
	tests := []struct {
		name               string
		filter             panelFilter
		quotes             []string
		notes, suggestions int
	}{
		{"everything, in document order (longer first)", panelFilter{},
			[]string{"Ann Lee says Kaspersky Lab works in Britain", "Ann Lee", "Kaspersky Lab", "Britain"}, 2, 2},
		{"by label", panelFilter{Label: annotate.Claim}, []string{"Ann Lee says Kaspersky Lab works in Britain"}, 1, 0},
		{"by kind", panelFilter{Kind: kindSuggestion}, []string{"Kaspersky Lab", "Britain"}, 0, 2},
		{"search a quote, any case", panelFilter{Query: "  kaspersky "}, []string{"Ann Lee says Kaspersky Lab works in Britain", "Kaspersky Lab"}, 1, 1},
		{"search a comment", panelFilter{Query: "ncsc"}, []string{"Ann Lee"}, 1, 0},
		{"label and kind", panelFilter{Label: annotate.GPE, Kind: kindAnnotation}, nil, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			shown, notes, suggestions := panelItems(w, tc.filter)
			var quotes []string
			for _, it := range shown {
				quotes = append(quotes, it.quote)
			}
			if !slices.Equal(quotes, tc.quotes) || notes != tc.notes || suggestions != tc.suggestions {
				t.Errorf("%q (%d notes, %d suggestions), want %q (%d, %d)", quotes, notes, suggestions, tc.quotes, tc.notes, tc.suggestions)
			}
		})
	}
	// Each item names its own highlight: notes by ID, suggestions by key.
	shown, _, _ := panelItems(w, panelFilter{})
	if shown[1].target.ID != "urn:uuid:00000000-0000-7000-8000-000000000002" || shown[2].target.Key.Label != annotate.Org || shown[2].target.ID != "" {
		t.Errorf("targets %+v, %+v", shown[1].target, shown[2].target)
	}
	if shown[1].target.scope() == shown[0].target.scope() || shown[2].target.scope() == shown[3].target.scope() {
		t.Error("two items share a handler scope")
	}
}

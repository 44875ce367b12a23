package annotate_test

import (
	"errors"
	"testing"

	"glossa/annotate"
)

const claimText = "Ann Lee said the plan works. Kaspersky Lab denied any wrongdoing, a spokesman said."

// claimWorkspace is claimText with entity suggestions on "Ann Lee" and
// "Kaspersky Lab" and two claims: Ann Lee's (speaker entity Ann Lee) and
// a spokesman's (no entity, a name).
func claimWorkspace(t *testing.T) (annotate.Workspace, []annotate.ClaimSuggestion) {
	t.Helper()
	d := annotate.NewDocument(claimText)
	ann := annotate.Entity{Span: at(d, "Ann Lee", 1), Label: annotate.Person}
	kl := annotate.Entity{Span: at(d, "Kaspersky Lab", 1), Label: annotate.Org}
	said := at(d, "said", 1)
	cs := []annotate.ClaimSuggestion{
		{Span: at(d, "the plan works", 1), Kind: annotate.IndirectClaim, Cue: &said, Speaker: &ann.Span, SpeakerName: "Ann Lee",
			SpeakerEntity: &annotate.Entity{Span: ann.Span, Label: annotate.Person}},
		{Span: at(d, "Kaspersky Lab denied any wrongdoing", 1), Kind: annotate.IndirectClaim, SpeakerName: "a spokesman"},
	}
	w := annotate.NewWorkspace(d).WithSuggestions([]annotate.Entity{ann, kl}, recName).WithClaims(cs, "claim rules")
	return w, cs
}

func TestWithClaims(t *testing.T) {
	w, cs := claimWorkspace(t)
	if len(w.Suggestions) != 4 {
		t.Fatalf("suggestions %+v, want 2 entities and 2 claims", w.Suggestions)
	}
	for _, c := range cs {
		if _, ok := w.Suggestion(c.Key()); !ok {
			t.Errorf("claim %v is not suggested", c.Span)
		}
		if got, ok := w.ClaimOf(c.Span); !ok || got.SpeakerName != c.SpeakerName {
			t.Errorf("ClaimOf(%v) = %+v, %v", c.Span, got, ok)
		}
	}
	// A rejected claim stays rejected when the claims come again, and a
	// claim that does not fit the text is left out.
	w2, _, err := w.Apply(annotate.RejectSuggestion{Key: cs[1].Key()}, editEnv())
	if err != nil {
		t.Fatal(err)
	}
	bad := annotate.ClaimSuggestion{Span: annotate.Span{Start: 5, End: 500}, Kind: annotate.DirectClaim}
	again := w2.WithSuggestions(w2.Suggestions[:0], recName).WithClaims(append(cs, bad), "claim rules")
	if _, ok := again.Suggestion(cs[1].Key()); ok {
		t.Error("a rejected claim is suggested again")
	}
	if _, ok := again.Suggestion(bad.Key()); ok {
		t.Error("a claim outside the text is suggested")
	}
}

func TestAcceptClaimWithSpeaker(t *testing.T) {
	w, cs := claimWorkspace(t)
	tests := []struct {
		name        string
		prepare     func(w annotate.Workspace) annotate.Workspace
		claim       annotate.ClaimSuggestion
		report      string
		wantSpeaker func(w annotate.Workspace, sp annotate.Speaker) bool
	}{
		{"speaker entity pending: accepted too, and linked", nil, cs[0], "Accepted as CLAIM, said by Ann Lee.",
			func(w annotate.Workspace, sp annotate.Speaker) bool {
				n, ok := w.Note(sp.AnnotationID)
				return ok && n.Label == annotate.Person && w.Quote(n.Span) == "Ann Lee" && w.Accepted[annotate.SuggestionKey{Span: n.Span, Label: annotate.Person}]
			}},
		{"speaker entity already a note: linked to it", func(w annotate.Workspace) annotate.Workspace {
			next, _, err := w.Apply(annotate.AcceptSuggestion{Key: annotate.SuggestionKey{Span: cs[0].SpeakerEntity.Span, Label: annotate.Person}}, editEnv())
			if err != nil {
				t.Fatal(err)
			}
			return next
		}, cs[0], "Accepted as CLAIM, said by Ann Lee.",
			func(w annotate.Workspace, sp annotate.Speaker) bool { return sp.AnnotationID == id(100) }},
		{"no entity: the speaker's name", nil, cs[1], "Accepted as CLAIM, said by a spokesman.",
			func(w annotate.Workspace, sp annotate.Speaker) bool {
				return sp == annotate.Speaker{Name: "a spokesman"}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := w
			env := editEnv()
			if tc.prepare != nil {
				w = tc.prepare(w)
				env.NewID = func() string { return id(200) }
			}
			next, res, err := w.Apply(annotate.AcceptSuggestion{Key: tc.claim.Key()}, env)
			if err != nil {
				t.Fatal(err)
			}
			if res.Report != tc.report {
				t.Errorf("report %q, want %q", res.Report, tc.report)
			}
			n, ok := next.Note(res.Created)
			if !ok || n.Label != annotate.Claim || n.ProposedBy == nil || n.ProposedBy.Name != "claim rules" {
				t.Fatalf("claim note %+v (%v): want a CLAIM proposed by the claim rules", n, ok)
			}
			if !tc.wantSpeaker(next, n.Speaker) {
				t.Errorf("speaker %+v", n.Speaker)
			}
		})
	}
}

func TestAcceptAllClaims(t *testing.T) {
	w, _ := claimWorkspace(t)
	next, res, err := w.Apply(annotate.AcceptAll{Label: annotate.Claim}, editEnv())
	if err != nil {
		t.Fatal(err)
	}
	if res.Report != "Accepted 2 CLAIM suggestions, with their speakers." {
		t.Errorf("report %q", res.Report)
	}
	speakers := 0
	for _, n := range next.Notes {
		if n.Label == annotate.Claim && !n.Speaker.IsZero() {
			speakers++
		}
	}
	if speakers != 2 || len(next.Notes) != 3 {
		t.Errorf("notes %+v: want two claims with speakers and Ann Lee", next.Notes)
	}
	if _, _, err := next.Apply(annotate.AcceptAll{Label: annotate.Claim}, editEnv()); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("accepting all claims again: %v, want ErrNotFound", err)
	}
}

func TestCheckClaimSuggestion(t *testing.T) {
	tx := annotate.NewText(claimText)
	good := annotate.Span{Start: 0, End: 7}
	for _, tc := range []struct {
		name string
		c    annotate.ClaimSuggestion
		want error
	}{
		{"fine", annotate.ClaimSuggestion{Span: good, Kind: annotate.MixedClaim}, nil},
		{"empty", annotate.ClaimSuggestion{Kind: annotate.MixedClaim}, annotate.ErrBadSpan},
		{"outside", annotate.ClaimSuggestion{Span: annotate.Span{Start: 3, End: 999}, Kind: annotate.DirectClaim}, annotate.ErrBadSpan},
		{"kind", annotate.ClaimSuggestion{Span: good, Kind: "rumour"}, annotate.ErrBadInput},
		{"cue outside", annotate.ClaimSuggestion{Span: good, Kind: annotate.DirectClaim, Cue: &annotate.Span{Start: 90, End: 95}}, annotate.ErrBadSpan},
		{"speaker entity label", annotate.ClaimSuggestion{Span: good, Kind: annotate.DirectClaim, SpeakerEntity: &annotate.Entity{Span: good, Label: annotate.Claim}}, annotate.ErrBadLabel},
	} {
		if err := annotate.CheckClaimSuggestion(tx, tc.c); !errors.Is(err, tc.want) && !(err == nil && tc.want == nil) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestSpeakerName(t *testing.T) {
	w, cs := claimWorkspace(t)
	w, res, err := w.Apply(annotate.AcceptSuggestion{Key: cs[0].Key()}, editEnv())
	if err != nil {
		t.Fatal(err)
	}
	claim, _ := w.Note(res.Created)
	if got := w.SpeakerName(claim); got != "Ann Lee" {
		t.Errorf("speaker of a claim linked to a note: %q", got)
	}
	w, _, _ = w.Apply(annotate.SetSpeaker{ID: claim.ID, Speaker: annotate.Speaker{Name: "a spokesman"}}, editEnv())
	claim, _ = w.Note(res.Created)
	if got := w.SpeakerName(claim); got != "a spokesman" {
		t.Errorf("typed speaker: %q", got)
	}
	w, _, _ = w.Apply(annotate.SetSpeaker{ID: claim.ID}, editEnv())
	claim, _ = w.Note(res.Created)
	if got := w.SpeakerName(claim); got != "" {
		t.Errorf("no speaker: %q", got)
	}
}

package claims_test

import (
	"testing"

	"glossa/annotate"
	"glossa/annotate/claims"
)

// TestProposals: claims become claim suggestions that a
// workspace offers, each accepted with the speaker the finder resolved.
func TestProposals(t *testing.T) {
	d := annotate.NewDocument("John Smith, head of the agency, said Russia is a threat. Later, John Smith said that the letter was sent.")
	ents := []annotate.Entity{{Span: annotate.Span{Start: 0, End: 10}, Label: annotate.Person}, {Span: annotate.Span{Start: 64, End: 74}, Label: annotate.Person}}
	cs := claims.Find(d, ents)
	ps := claims.Proposals(cs)
	if len(ps) != len(cs) || len(ps) != 2 {
		t.Fatalf("%d proposals of %d claims, want 2", len(ps), len(cs))
	}
	for i, p := range ps {
		if err := annotate.CheckClaimSuggestion(d.Text, p); err != nil {
			t.Errorf("proposal %d: %v", i, err)
		}
		if p.Span != cs[i].Span || string(p.Kind) != string(cs[i].Kind) || p.SpeakerName != "John Smith" ||
			p.SpeakerEntity == nil || p.SpeakerEntity.Span != ents[i].Span {
			t.Errorf("proposal %d: %+v of claim %+v", i, p, cs[i])
		}
	}
	w := annotate.NewWorkspace(d).WithSuggestions(ents, "rec").WithClaims(ps, claims.Name)
	n := 0
	next, res, err := w.Apply(annotate.AcceptAll{Label: annotate.Claim}, annotate.EditEnv{
		Reader: annotate.Reader("Ada"), NewID: func() string { n++; return "urn:uuid:00000000-0000-7000-8000-00000000000" + string(rune('0'+n)) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res.Report)
	for _, note := range next.Notes {
		if note.Label == annotate.Claim {
			if sp, ok := next.Note(note.Speaker.AnnotationID); !ok || next.Quote(sp.Span) != "John Smith" {
				t.Errorf("claim %q: speaker %+v", next.Quote(note.Span), note.Speaker)
			}
		}
	}
}

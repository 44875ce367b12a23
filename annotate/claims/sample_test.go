package claims_test

import (
	"glossa/annotate/internal/fixture"
	"testing"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/claims/score"
	"glossa/app/sample"
)

// sampleDoc returns the sample article and its gold entities and claims.
func sampleDoc(t testing.TB) (*annotate.Document, []annotate.Entity, []score.Claim) {
	t.Helper()
	g, err := sample.LoadGold()
	if err != nil {
		t.Fatal(err)
	}
	text := fixture.SampleText(t)
	var ents []annotate.Entity
	for _, e := range g.Entities {
		ents = append(ents, annotate.Entity{Span: annotate.Span{Start: e.Start, End: e.End}, Label: annotate.Label(e.Label), Text: e.Text})
	}
	var gold []score.Claim
	for _, c := range g.Claims {
		gold = append(gold, score.Claim{
			Content: []annotate.Span{{Start: c.Start, End: c.End}},
			Speaker: []annotate.Span{{Start: c.Speaker.Start, End: c.Speaker.End}},
			Name:    c.Speaker.Text,
		})
	}
	return annotate.NewDocument(text), ents, gold
}

// scoreSample scores the claims found in the sample against its gold.
func scoreSample(d *annotate.Document, gold []score.Claim, found []claims.Claim) score.Counts {
	fs := make([]score.Claim, len(found))
	for i, c := range found {
		fs[i] = score.Found(c)
	}
	counts, _ := score.Score(d.Text.String(), gold, fs)
	return counts
}

// TestSample holds the finder to the sample's gold claims, given the gold
// entities: at least 9 of the 10 found with the right speaker, by the
// overlap rule of package score, and at most 3 claims that match none.
func TestSample(t *testing.T) {
	d, ents, gold := sampleDoc(t)
	found := claims.Find(d, ents)
	c := scoreSample(d, gold, found)
	t.Logf("sample, gold entities:\n%v", c)
	if c.Speaker < 9 {
		t.Errorf("%d of %d gold claims found with the right speaker, want at least 9", c.Speaker, c.Gold)
	}
	if spurious := c.Found - c.Match; spurious > 3 {
		t.Errorf("%d claims match no gold claim, want at most 3", spurious)
	}
	for _, cl := range found {
		t.Log(show(cl))
	}
}

// TestSampleEntities checks how claims sit with the entity suggestions: a
// claim's content may hold entities; a speaker that overlaps an entity is
// that entity's span, and the claim names it as its Entity, one of those
// given.
func TestSampleEntities(t *testing.T) {
	d, ents, _ := sampleDoc(t)
	found := claims.Find(d, ents)
	inContent, onEntity := 0, 0
	for _, c := range found {
		for _, e := range ents {
			if c.Start <= e.Start && e.End <= c.End {
				inContent++
			}
		}
		if c.Entity != nil && !contains(ents, *c.Entity) {
			t.Errorf("%s: entity %+v is not one of those given", show(c), *c.Entity)
		}
		if c.Speaker == nil {
			continue
		}
		for _, e := range ents {
			if e.Start < c.Speaker.End && c.Speaker.Start < e.End && (e.Label == annotate.Person || e.Label == annotate.Org) {
				onEntity++
				if c.Speaker.Span != e.Span || c.Entity == nil || *c.Entity != e {
					t.Errorf("%s: speaker %+v overlaps the entity %+v but is not it", show(c), *c.Speaker, e)
				}
			}
		}
	}
	if inContent == 0 || onEntity < 5 {
		t.Errorf("%d entities inside claims and %d speakers on entities: the sample has more", inContent, onEntity)
	}
}

package claims_test

import (
	"testing"
	"unicode"

	"glossa/annotate"
	"glossa/annotate/claims"
)

// checkInvariants holds claims found in d with ents to the package's
// invariants: spans non-empty and inside the text, holding their text;
// claims in order, not overlapping; parts in order inside the span; cue and
// speaker outside the parts; the entity one of those given.
func checkInvariants(t *testing.T, d *annotate.Document, ents []annotate.Entity, cs []claims.Claim) {
	t.Helper()
	n := d.Text.Len()
	inText := func(what string, s annotate.Span, text string) bool {
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			t.Errorf("%s [%d, %d) is empty or outside the text of %d code points", what, s.Start, s.End, n)
			return false
		}
		if got := d.Text.Slice(s.Start, s.End); got != text {
			t.Errorf("%s [%d, %d) says %q, the text has %q", what, s.Start, s.End, text, got)
			return false
		}
		return true
	}
	prevEnd := 0
	for i, c := range cs {
		if !inText("claim", c.Span, c.Text) {
			continue
		}
		if c.Start < prevEnd {
			t.Errorf("claim %d at [%d, %d) starts before the claim before it ends (%d)", i, c.Start, c.End, prevEnd)
		}
		prevEnd = c.End
		if c.Kind != claims.Direct && c.Kind != claims.Indirect && c.Kind != claims.Mixed {
			t.Errorf("claim %d: kind %q", i, c.Kind)
		}
		if len(c.Parts) == 1 {
			t.Errorf("claim %d has one part; Parts is for two or more", i)
		}
		pieces := c.Pieces()
		if pieces[0].Start != c.Start || pieces[len(pieces)-1].End != c.End {
			t.Errorf("claim %d: parts %v do not span [%d, %d)", i, pieces, c.Start, c.End)
		}
		for j, p := range pieces {
			if p.Start >= p.End || j > 0 && p.Start < pieces[j-1].End {
				t.Errorf("claim %d: parts %v empty or out of order", i, pieces)
			}
		}
		for _, m := range []*claims.Mention{c.Cue, c.Speaker} {
			if m == nil || !inText("cue or speaker", m.Span, m.Text) {
				continue
			}
			for _, p := range pieces {
				if m.Start < p.End && p.Start < m.End {
					t.Errorf("claim %d: %q at [%d, %d) overlaps the content %v", i, m.Text, m.Start, m.End, pieces)
				}
			}
		}
		if (c.Speaker == nil) != (c.SpeakerName == "") {
			t.Errorf("claim %d: speaker %v with name %q", i, c.Speaker, c.SpeakerName)
		}
		if c.Entity != nil && !contains(ents, *c.Entity) {
			t.Errorf("claim %d: entity %+v is not one of those given", i, *c.Entity)
		}
	}
}

// capitalEntities makes an entity of every capitalized word, alternating
// PERSON and ORG: a poor tagger, for the fuzz target.
func capitalEntities(d *annotate.Document) []annotate.Entity {
	var out []annotate.Entity
	rs := []rune(d.Text.String())
	for i := 0; i < len(rs); i++ {
		if !unicode.IsUpper(rs[i]) || i > 0 && unicode.IsLetter(rs[i-1]) {
			continue
		}
		j := i + 1
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			j++
		}
		label := annotate.Person
		if len(out)%2 == 1 {
			label = annotate.Org
		}
		out = append(out, annotate.Entity{Span: annotate.Span{Start: i, End: j}, Label: label, Text: string(rs[i:j])})
		i = j
	}
	return out
}

// FuzzFind runs Find on any text, with no entities and with a poor
// tagger's: it must not panic, and what it finds must keep the invariants.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"",
		front + `“We will win,” said Anna Smith. It was reported that the plan was dead.`,
		front + "𐐀23 said\n𐐀45 “\n\n“ he said, “",
		front + `"A "b" c," he said, 'd' ''e'' ` + "``f''",
		front + "“The first part.\n\n“The second,” Smith said, “and more.\n\nUnclosed",
		front + "According to, said said, told told to, , , “”\"\" according to",
		"He said:\n\n“",
		front + `Ciaran Martin, head of the NSSC said "Russia is acting”. He, who said it (R-Ariz.), said: "x".`,
		"Cafe\u0301 said “e\u0301” \ufeff\u200b; Smith (Sen. John) — said: ‘no’ ’’ ‘‘",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := annotate.NormalizeText(data)
		if err != nil {
			return
		}
		d := annotate.NewDocument(text)
		checkInvariants(t, d, nil, claims.Find(d, nil))
		ents := capitalEntities(d)
		checkInvariants(t, d, ents, claims.Find(d, ents))
	})
}

// TestInvariants holds the claims of the table tests and the sample to the
// invariants.
func TestInvariants(t *testing.T) {
	d, ents, _ := sampleDoc(t)
	checkInvariants(t, d, ents, claims.Find(d, ents))
	checkInvariants(t, d, nil, claims.Find(d, nil))
	checkInvariants(t, d, capitalEntities(d), claims.Find(d, capitalEntities(d)))
	checkInvariants(t, d, nil, claims.Find(nil, nil))
}

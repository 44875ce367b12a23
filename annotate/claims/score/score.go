// Package score measures found claims against gold claims by the overlap
// rule Glossa is held to:
//
//   - A found claim matches a gold claim when their contents share at least
//     half of each other's word tokens: shared ≥ ½·|gold| and shared ≥
//     ½·|found|, where a word token is a run of letters and digits, and a
//     token belongs to a content when it overlaps any of its pieces. Claims
//     are paired one to one, the pairs sharing most tokens first.
//   - A matched claim has the right speaker when the gold claim has no
//     source and the found one no speaker, or when the found speaker span or
//     the span of the entity it resolves to overlaps a gold source span, or
//     when the found speaker name and the gold source text end in the same
//     word, case and a possessive aside ("Ciaran Martin" and "Martin").
//
// Precision is matches over found claims, recall matches over gold claims;
// the speaker figures count only matches with the right speaker.
package score

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"glossa/annotate"
	"glossa/annotate/claims"
)

// Claim is a claim to score, found or gold. Offsets are code points.
type Claim struct {
	Content []annotate.Span // the content's pieces
	// Speaker holds the spans that name the speaker: for a gold claim its
	// source spans; for a found one its speaker span and the span of the
	// entity the speaker resolves to. Empty when there is no speaker.
	Speaker []annotate.Span
	// Name is the speaker's name: the gold source text, or the found
	// claim's speaker name.
	Name string
}

// Counts are the totals of one scoring.
type Counts struct {
	Found, Gold int // claims found, gold claims
	Match       int // found claims matched to a gold claim
	Speaker     int // matches with the right speaker
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Found += o.Found
	c.Gold += o.Gold
	c.Match += o.Match
	c.Speaker += o.Speaker
}

// PRF returns precision, recall and F1 of the claims (speaker false) or of
// the claims with the right speaker (speaker true).
func (c Counts) PRF(speaker bool) (p, r, f1 float64) {
	m := c.Match
	if speaker {
		m = c.Speaker
	}
	if c.Found > 0 {
		p = float64(m) / float64(c.Found)
	}
	if c.Gold > 0 {
		r = float64(m) / float64(c.Gold)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// String formats the counts as two lines of P/R/F1.
func (c Counts) String() string {
	p, r, f := c.PRF(false)
	sp, sr, sf := c.PRF(true)
	return fmt.Sprintf("claims        P %.3f  R %.3f  F1 %.3f  (%d found, %d gold, %d matched)\n"+
		"with speaker  P %.3f  R %.3f  F1 %.3f  (%d with the right speaker)",
		p, r, f, c.Found, c.Gold, c.Match, sp, sr, sf, c.Speaker)
}

// Pair is one match: indices into the gold and found claims, and whether
// the speaker is right.
type Pair struct {
	Gold, Found  int
	RightSpeaker bool
}

// Words returns the word tokens of text: runs of letters and digits, as
// code point spans.
func Words(text string) []annotate.Span {
	var out []annotate.Span
	start, i := -1, 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, annotate.Span{Start: start, End: i})
			start = -1
		}
		i++
	}
	if start >= 0 {
		out = append(out, annotate.Span{Start: start, End: i})
	}
	return out
}

// tokensIn returns the indices of the words that overlap any of spans.
func tokensIn(words []annotate.Span, spans []annotate.Span) []int {
	var out []int
	for _, s := range spans {
		lo, _ := slices.BinarySearchFunc(words, s.Start, func(w annotate.Span, x int) int {
			if w.End <= x {
				return -1
			}
			return 1
		})
		for i := lo; i < len(words) && words[i].Start < s.End; i++ {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Matches reports whether found and gold content, as word token index
// lists, match by the overlap rule.
func Matches(gold, found []int) bool {
	n := shared(gold, found)
	return n > 0 && 2*n >= len(gold) && 2*n >= len(found)
}

func shared(a, b []int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// Score matches found claims to gold ones in text and counts the matches.
func Score(text string, gold, found []Claim) (Counts, []Pair) {
	words := Words(text)
	gt := make([][]int, len(gold))
	for i, g := range gold {
		gt[i] = tokensIn(words, g.Content)
	}
	ft := make([][]int, len(found))
	for i, f := range found {
		ft[i] = tokensIn(words, f.Content)
	}
	type cand struct{ g, f, n int }
	var cands []cand
	for gi := range gold {
		for fi := range found {
			if n := shared(gt[gi], ft[fi]); n > 0 && 2*n >= len(gt[gi]) && 2*n >= len(ft[fi]) {
				cands = append(cands, cand{gi, fi, n})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return b.n - a.n })
	usedG := make([]bool, len(gold))
	usedF := make([]bool, len(found))
	c := Counts{Found: len(found), Gold: len(gold)}
	var pairs []Pair
	for _, k := range cands {
		if usedG[k.g] || usedF[k.f] {
			continue
		}
		usedG[k.g], usedF[k.f] = true, true
		right := RightSpeaker(gold[k.g], found[k.f])
		c.Match++
		if right {
			c.Speaker++
		}
		pairs = append(pairs, Pair{Gold: k.g, Found: k.f, RightSpeaker: right})
	}
	slices.SortFunc(pairs, func(a, b Pair) int { return a.Gold - b.Gold })
	return c, pairs
}

// RightSpeaker reports whether found names the speaker of gold, by the
// rule in the package comment.
func RightSpeaker(gold, found Claim) bool {
	if len(gold.Speaker) == 0 {
		return len(found.Speaker) == 0
	}
	for _, g := range gold.Speaker {
		for _, f := range found.Speaker {
			if g.Start < f.End && f.Start < g.End {
				return true
			}
		}
	}
	a, b := lastName(gold.Name), lastName(found.Name)
	return a != "" && a == b
}

func lastName(s string) string {
	fs := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '’' && r != '\'' })
	if len(fs) == 0 {
		return ""
	}
	w := fs[len(fs)-1]
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		w = strings.TrimSuffix(w, suf)
	}
	return w
}

// Found returns the scoring view of a claim Find returned.
func Found(c claims.Claim) Claim {
	s := Claim{Content: c.Pieces(), Name: c.SpeakerName}
	if c.Speaker != nil {
		s.Speaker = append(s.Speaker, c.Speaker.Span)
		if c.Entity != nil {
			s.Speaker = append(s.Speaker, c.Entity.Span)
		}
	}
	return s
}

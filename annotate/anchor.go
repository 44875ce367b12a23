package annotate

import (
	"fmt"
	"strings"
)

// Anchoring finds where an annotation made elsewhere belongs in a text, as
// Hypothesis re-anchors (its match-quote module), in this order:
//
//  1. the position, when it lies in the text and holds the quote (or
//     there is no quote to check it against);
//  2. the quote with its prefix and suffix, exactly;
//  3. the quote alone, exactly: of several occurrences, the one whose
//     surroundings share the most with the prefix and suffix, then the one
//     nearest the position, then the first;
//  4. the quote approximately: the substring within the smallest edit
//     distance (Levenshtein, in code points) of the quote, if that is at
//     most one edit per FuzzyRatio code points of the quote; ties as in 3.
//
// What matches nowhere is an error wrapping ErrNotAnchored whose text says
// why, which becomes the Orphan's Reason.

// Quote selects text by quoting it, with some of the text before and after
// it to tell repeated passages apart: what a W3C TextQuoteSelector holds,
// and what Anchor searches for.
type Quote struct {
	Exact  string // the quoted text
	Prefix string // the text just before it; may be empty
	Suffix string // the text just after it; may be empty
}

// QuoteContext is how many code points of context QuoteSpan keeps on each
// side of a quote, enough to tell repeated mentions apart.
const QuoteContext = 32

// QuoteSpan returns the quote of span s of t, with up to QuoteContext code
// points of prefix and suffix.
func QuoteSpan(t *Text, s Span) Quote {
	return Quote{
		Exact:  t.Slice(s.Start, s.End),
		Prefix: t.Slice(s.Start-QuoteContext, s.Start),
		Suffix: t.Slice(s.End, s.End+QuoteContext),
	}
}

// FuzzyRatio is the edit budget of an approximate match: one edit per
// FuzzyRatio code points of the quote (a quote shorter than FuzzyRatio
// must match exactly).
const FuzzyRatio = 5

// maxFuzzyWork caps the approximate search, in code points of text times
// code points of quote; beyond it only a window around the position is
// searched, or nothing when there is no position.
const maxFuzzyWork = 50_000_000

// Anchor returns the span of t that quote and pos select (pos may be nil),
// following the steps above. Offsets are code points. What matches nowhere
// is an error wrapping ErrNotAnchored. A span it returns is inside t and not
// empty; whether it may be a note's is for CheckNoteSpan to say.
func Anchor(t *Text, quote Quote, pos *Span) (Span, error) {
	if pos != nil {
		s := *pos
		if t.CheckSpan(s.Start, s.End) == nil && (quote.Exact == "" || t.Slice(s.Start, s.End) == quote.Exact) {
			return s, nil
		}
		if quote.Exact == "" {
			return Span{}, fmt.Errorf("%w: position [%d, %d) lies outside the text of %d code points, and there is no quote", ErrNotAnchored, pos.Start, pos.End, t.Len())
		}
	}
	if quote.Exact == "" {
		return Span{}, fmt.Errorf("%w: no quote and no position to anchor by", ErrNotAnchored)
	}
	runes := []rune(t.String())
	exact := []rune(quote.Exact)
	hint := -1
	if pos != nil {
		hint = pos.Start
	}
	var best *candidate
	for _, start := range indexAll(t.String(), quote.Exact, t) {
		c := candidate{span: Span{start, start + len(exact)}}
		c.score(runes, quote, hint)
		if best == nil || c.better(*best) {
			best = &c
		}
	}
	if best != nil {
		return best.span, nil
	}
	budget := len(exact) / FuzzyRatio
	if budget == 0 {
		return Span{}, fmt.Errorf("%w: the quote %q is not in the text", ErrNotAnchored, clip(quote.Exact))
	}
	lo, hi := 0, len(runes)
	if len(runes)*len(exact) > maxFuzzyWork {
		if hint < 0 {
			return Span{}, fmt.Errorf("%w: the quote %q is not in the text exactly, and the text is too long to search approximately without a position", ErrNotAnchored, clip(quote.Exact))
		}
		w := maxFuzzyWork / len(exact) / 2
		lo, hi = max(0, hint-w), min(len(runes), hint+w)
	}
	for _, c := range approxMatches(runes[lo:hi], exact, budget) {
		c.span.Start += lo
		c.span.End += lo
		c.score(runes, quote, hint)
		if best == nil || c.better(*best) {
			cc := c
			best = &cc
		}
	}
	if best == nil || CheckNoteSpan(t, best.span) != nil {
		return Span{}, fmt.Errorf("%w: the quote %q is not in the text, not even within %d edits", ErrNotAnchored, clip(quote.Exact), budget)
	}
	return best.span, nil
}

// clip shortens a quote for a message.
func clip(s string) string {
	const n = 60
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// indexAll returns the code point offsets of every occurrence of sub in s.
func indexAll(s, sub string, t *Text) []int {
	var out []int
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			break
		}
		out = append(out, t.BytePoint(from+i))
		_, size := firstRune(s[from+i:])
		from += i + size
	}
	return out
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 1
}

// candidate is a place the quote may belong.
type candidate struct {
	span    Span
	edits   int // edit distance of the text there from the quote
	context int // code points of prefix and suffix that match around it
	full    bool
	dist    int // distance from the position hint, or 0
}

// score fills in how well the candidate's surroundings match.
func (c *candidate) score(runes []rune, q Quote, hint int) {
	prefix, suffix := []rune(q.Prefix), []rune(q.Suffix)
	p := 0
	for p < len(prefix) && c.span.Start-p-1 >= 0 && runes[c.span.Start-p-1] == prefix[len(prefix)-p-1] {
		p++
	}
	s := 0
	for s < len(suffix) && c.span.End+s < len(runes) && runes[c.span.End+s] == suffix[s] {
		s++
	}
	c.context = p + s
	c.full = c.edits == 0 && p == len(prefix) && s == len(suffix)
	if hint >= 0 {
		c.dist = abs(c.span.Start - hint)
	}
}

// better reports whether c beats o: fewer edits, then full context, then
// more context, then nearer the hint, then earlier.
func (c candidate) better(o candidate) bool {
	switch {
	case c.edits != o.edits:
		return c.edits < o.edits
	case c.full != o.full:
		return c.full
	case c.context != o.context:
		return c.context > o.context
	case c.dist != o.dist:
		return c.dist < o.dist
	}
	return c.span.Start < o.span.Start
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// approxMatches returns the substrings of text within budget edits of
// pattern whose distance is smallest (Sellers' algorithm: edit distance
// with a free start in the text), each with its start traced through the
// dynamic programme, at most one per end position.
func approxMatches(text, pattern []rune, budget int) []candidate {
	m := len(pattern)
	// cost[i] and start[i]: best distance of pattern[:i] ending at the
	// current text position, and where that match starts.
	cost := make([]int, m+1)
	start := make([]int, m+1)
	prevCost := make([]int, m+1)
	prevStart := make([]int, m+1)
	for i := range prevCost {
		prevCost[i] = i
	}
	best := budget + 1
	var out []candidate
	for j := 1; j <= len(text); j++ {
		cost[0], start[0] = 0, j
		for i := 1; i <= m; i++ {
			sub := prevCost[i-1]
			if pattern[i-1] != text[j-1] {
				sub++
			}
			c, s := sub, prevStart[i-1]
			if i == 1 {
				s = j - 1
			}
			if d := prevCost[i] + 1; d < c { // text rune not in pattern
				c, s = d, prevStart[i]
			}
			if ins := cost[i-1] + 1; ins < c { // pattern rune not in text
				c, s = ins, start[i-1]
			}
			cost[i], start[i] = c, s
		}
		if d := cost[m]; d <= budget && d <= best {
			if d < best {
				best, out = d, out[:0]
			}
			if s := start[m]; s < j {
				out = append(out, candidate{span: Span{s, j}, edits: d})
			}
		}
		cost, prevCost = prevCost, cost
		start, prevStart = prevStart, start
	}
	return out
}

package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// SnapToGraphemes widens s to grapheme cluster boundaries (Unicode UAX
// #29), so a selection never splits an emoji with its modifiers or ZWJ
// sequence, a flag, or a letter and its combining marks: the start moves
// back and the end forward to the nearest boundary. The span is first
// clamped to the text and put in order; an empty span stays empty, at the
// boundary at or before it.
func SnapToGraphemes(t *Text, s Span) Span {
	s = clampSpan(t, s)
	if s.Start == s.End {
		p := snapBack(t, s.Start, graphemeBounds)
		return Span{p, p}
	}
	return Span{snapBack(t, s.Start, graphemeBounds), snapForward(t, s.End, graphemeBounds)}
}

// SnapToWords widens s to word boundaries (Unicode UAX #29, so also never
// inside a grapheme cluster; but a selection that ends right before an
// apostrophe in a word, as in "Russia's", ends there), then trims white space and punctuation from
// both ends: commas, full stops and the like, and brackets and quotes that
// have no partner inside the span. Symbols such as $ or % stay, and so does
// a closing bracket or quote whose opening one is kept. If trimming would
// leave nothing, the widened span is returned untrimmed. The span is first
// clamped to the text and put in order; an empty span stays empty (see
// SnapToGraphemes).
func SnapToWords(t *Text, s Span) Span {
	s = clampSpan(t, s)
	if s.Start == s.End {
		return SnapToGraphemes(t, s)
	}
	wide := Span{snapBack(t, s.Start, wordBounds), snapForward(t, s.End, wordBounds)}
	if wide.End > s.End && s.End > wide.Start && isApostrophe(runeAt(t, s.End)) && unicode.IsLetter(runeAt(t, s.End-1)) {
		// A selection that stops before a possessive or a contraction
		// ("Russia|'s", "don|’t") keeps it out, though UAX #29 makes one
		// word of it: the reader marks the name, not its 's.
		wide.End = s.End
	}
	if trimmed := trimSpan(t, wide); trimmed.Start < trimmed.End {
		return trimmed
	}
	return wide
}

// isApostrophe reports whether r is an apostrophe: typewriter or curly.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// runeAt returns the code point at offset p of t, or 0 outside it.
func runeAt(t *Text, p int) rune {
	if p < 0 || p >= t.Len() {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(t.Slice(p, p+1))
	return r
}

// clampSpan puts s in order and inside t.
func clampSpan(t *Text, s Span) Span {
	if s.End < s.Start {
		s.Start, s.End = s.End, s.Start
	}
	return Span{t.clampPoint(s.Start), t.clampPoint(s.End)}
}

// boundsFunc calls yield with the end of each segment of str, in code
// points from the start of str, until yield returns false.
type boundsFunc func(str string, yield func(end int) bool)

func graphemeBounds(str string, yield func(int) bool) {
	state, p := -1, 0
	for str != "" {
		var seg string
		seg, str, _, state = uniseg.FirstGraphemeClusterInString(str, state)
		p += utf8.RuneCountInString(seg)
		if !yield(p) {
			return
		}
	}
}

func wordBounds(str string, yield func(int) bool) {
	state, p := -1, 0
	for str != "" {
		var seg string
		seg, str, state = uniseg.FirstWordInString(str, state)
		p += utf8.RuneCountInString(seg)
		if !yield(p) {
			return
		}
	}
}

// lineStart returns the start of the line holding code point p: both word
// and grapheme segmentation always break after a line feed (UAX #29 rules
// GB4 and WB3a), so segmenting can start there instead of at the start of
// the text.
func lineStart(t *Text, p int) int {
	b := strings.LastIndexByte(t.s[:t.PointByte(p)], '\n')
	return t.BytePoint(b + 1)
}

// snapBack returns the last boundary at or before p.
func snapBack(t *Text, p int, bounds boundsFunc) int {
	from := lineStart(t, p)
	best := from
	bounds(t.Slice(from, t.Len()), func(end int) bool {
		if from+end > p {
			return false
		}
		best = from + end
		return true
	})
	return best
}

// snapForward returns the first boundary at or after p.
func snapForward(t *Text, p int, bounds boundsFunc) int {
	from := lineStart(t, p)
	if from == p {
		return p
	}
	best := t.Len()
	bounds(t.Slice(from, t.Len()), func(end int) bool {
		if from+end >= p {
			best = from + end
			return false
		}
		return true
	})
	return best
}

// pairs maps the opening brackets and quotes to their closing partners.
var pairs = map[rune]rune{
	'(': ')', '[': ']', '{': '}', '“': '”', '‘': '’', '«': '»', '‹': '›', '„': '“', '‚': '‘',
	'"': '"', '\'': '\'',
}

// trimSpan trims white space and punctuation from both ends of s, keeping
// symbols and brackets or quotes whose partner is inside the span.
func trimSpan(t *Text, s Span) Span {
	rs := []rune(t.Slice(s.Start, s.End))
	i, j := 0, len(rs)
	for {
		switch {
		case i < j && trimmable(rs[i]) && !closedIn(rs[i], rs[i+1:j]):
			i++
		case i < j && trimmable(rs[j-1]) && !openedIn(rs[j-1], rs[i:j-1]):
			j--
		default:
			return Span{s.Start + i, s.Start + j}
		}
	}
}

// trimmable reports whether r may be trimmed from an end of a selection:
// white space, control characters and punctuation, except the punctuation
// that belongs to what it marks (% ‰ ‱ # @ & * § ¶).
func trimmable(r rune) bool {
	switch r {
	case '%', '‰', '‱', '#', '@', '&', '*', '\u00a7', '\u00b6': // § ¶
		return false
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.IsPunct(r)
}

// closedIn reports whether open is an opening bracket or quote whose
// closing partner is in rest.
func closedIn(open rune, rest []rune) bool {
	close, ok := pairs[open]
	return ok && strings.ContainsRune(string(rest), close)
}

// openedIn reports whether close is a closing bracket or quote whose
// opening partner is in before.
func openedIn(close rune, before []rune) bool {
	for _, r := range before {
		if pairs[r] == close {
			return true
		}
	}
	return false
}

package claims

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"glossa/annotate"
)

// tokKind says what a token is.
type tokKind uint8

const (
	tWord  tokKind = iota // letters and digits, with inner apostrophes, hyphens and dots
	tPunct                // any other character that is not white space
	tQuote                // a quote mark: double (“ ” " „ « ») or single (‘ ’ ' ‚ ‹ ›)
)

// token is one word, punctuation character or quote mark of a block.
type token struct {
	start, end int // code points, half-open
	text       string
	low        string // lower case, for words
	kind       tokKind
	block      int  // index of the document block
	capital    bool // a word that starts with an upper-case letter
	abbrev     bool // a word that ends in an abbreviation's dot ("Mr.", "U.S.")
	double     bool // a double quote mark
	canOpen    bool // a quote mark whose neighbours let it open a quote
	canClose   bool // a quote mark whose neighbours let it close a quote
	depth      int8 // how many quotes enclose the token (a quote's marks count as inside it)
	quote      int32
}

// quoteRune reports whether r is a quote mark, and whether it is double.
func quoteRune(r rune) (isQuote, double bool) {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true, true
	case '\'', '‘', '’', '‚', '‛', '‹', '›':
		return true, false
	}
	return false, false
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joiner reports whether r joins two word runs into one word when letters
// or digits stand on both sides of it: "O’Malley", "cyber-espionage", "U.S",
// "3.2", "AT&T".
func joiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '.', '&':
		return true
	}
	return false
}

// abbreviations end in a dot that does not end a sentence.
var abbreviations = set(`mr mrs ms dr prof sen sens rep reps gov gen lt col capt sgt adm cmdr maj rev st
	jr sr inc corp co ltd bros no vs jan feb mar apr aug sep sept oct nov dec
	ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla
	ore pa penn tenn tex va vt wash wis wyo`)

// tokenize splits the document's blocks into tokens, appended to toks.
func tokenize(d *annotate.Document, runes []rune, toks []token) []token {
	toks = slices.Grow(toks[:0], len(runes)/4+16)
	text := d.Text.String()
	slice := func(i, j int) string { return text[d.Text.PointByte(i):d.Text.PointByte(j)] }
	for bi, b := range d.Blocks {
		start, end := max(b.Start, 0), min(b.End, len(runes))
		for i := start; i < end; {
			r := runes[i]
			switch {
			case unicode.IsSpace(r):
				i++
			case isWordRune(r):
				j := i + 1
				for j < end {
					if isWordRune(runes[j]) {
						j++
					} else if joiner(runes[j]) && j+1 < end && isWordRune(runes[j+1]) {
						j += 2
					} else {
						break
					}
				}
				t := token{start: i, end: j, kind: tWord, block: bi, quote: -1}
				t.text = slice(i, j)
				t.low = strings.ToLower(t.text)
				t.capital = unicode.IsUpper(r)
				if j < end && runes[j] == '.' && isAbbrev(t) {
					t.end = j + 1
					t.text = slice(i, j+1)
					t.abbrev = true
					j++
				}
				toks = append(toks, t)
				i = j
			case r == '\'' && i+2 < end && runes[i+1] == r && runes[i+2] == r && i > start && !unicode.IsSpace(runes[i-1]):
				// Three apostrophes closing a quote inside a quote: the
				// single mark first, then the double.
				t := token{start: i, end: i + 1, text: slice(i, i+1), low: "'", kind: tQuote, block: bi, quote: -1, canClose: true}
				toks = append(toks, t)
				i++
			case (r == '\'' || r == '`') && i+1 < end && runes[i+1] == r:
				// '' and `` stand for double quote marks in some news text.
				t := token{start: i, end: i + 2, text: slice(i, i+2), kind: tQuote, double: true, block: bi, quote: -1}
				var prev, next rune = ' ', ' '
				if i > start {
					prev = runes[i-1]
				}
				if i+2 < end {
					next = runes[i+2]
				}
				t.canOpen, t.canClose = markContext('"', prev, next)
				if r == '`' {
					t.canOpen, t.canClose = true, false
				}
				t.low = t.text
				toks = append(toks, t)
				i += 2
			default:
				t := token{start: i, end: i + 1, text: slice(i, i+1), kind: tPunct, block: bi, quote: -1}
				if q, dbl := quoteRune(r); q {
					t.kind, t.double = tQuote, dbl
					var prev, next rune = ' ', ' '
					if i > start {
						prev = runes[i-1]
					}
					if i+1 < end {
						next = runes[i+1]
					}
					t.canOpen, t.canClose = markContext(r, prev, next)
				}
				t.low = t.text
				toks = append(toks, t)
				i++
			}
		}
	}
	return toks
}

// isAbbrev reports whether a word followed by a dot is an abbreviation:
// a known one, a single capital (an initial), or one with inner dots (U.S).
func isAbbrev(t token) bool {
	if abbreviations.has(t.low) {
		return true
	}
	if len([]rune(t.text)) == 1 && t.capital {
		return true
	}
	return strings.Contains(t.low, ".") && !strings.ContainsAny(t.low, "0123456789")
}

// markContext decides whether a quote mark r between prev and next may open
// or close a quote. Curly marks say which they are unless the spacing
// contradicts them; straight marks go by the spacing alone.
func markContext(r, prev, next rune) (canOpen, canClose bool) {
	before := unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev) || isQuoteMark(prev)
	after := unicode.IsSpace(next) || unicode.IsPunct(next) && !isQuoteMark(next) && next != '(' || isQuoteMark(next)
	open := before && !unicode.IsSpace(next)
	closing := !unicode.IsSpace(prev) && after
	switch r {
	case '“', '„', '‟', '«', '‘', '‚', '‛', '‹':
		if unicode.IsSpace(next) && closing {
			return false, true // a curly opener used as a closer
		}
		return true, false
	case '”', '»', '’', '›':
		if open && !closing {
			return true, false // a curly closer used as an opener
		}
		return false, true
	}
	if !open && !closing {
		return true, true // between two spaces or two letters: decided by depth
	}
	return open, closing
}

func isQuoteMark(r rune) bool {
	q, _ := quoteRune(r)
	return q
}

// wordSet is a set of words, made from its space-separated list the
// first time it is asked. The package's word lists are its variables:
// made as the package started, they were 8 ms of the tagger's start in
// Node.js (of Go's 46–66 ms), and so of the time before a first visit's
// first highlight; who said what is found only once every paragraph is
// tagged, and its lists are then made.
type wordSet struct {
	words string
	once  sync.Once
	m     map[string]bool
}

// set returns the set of the space-separated words.
func set(words string) *wordSet { return &wordSet{words: words} }

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	s.once.Do(s.make)
	return s.m[w]
}

// make builds the set's map. It is a method of its own, not a closure in
// has, so that one small function does every list's loop (Chromium
// optimizes a WebAssembly function again once it has run long enough:
// 78 ms of a core when each list's loop was in the package's init).
func (s *wordSet) make() {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s.words) {
		m[w] = true
	}
	s.m = m
}

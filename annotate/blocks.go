package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// BlockKind says what part of an article a block is.
type BlockKind string

// The block kinds of a news article, in the order they appear.
const (
	Headline  BlockKind = "headline"
	Byline    BlockKind = "byline"
	Dateline  BlockKind = "dateline"
	Paragraph BlockKind = "paragraph"
)

// Block is one block of a document, trimmed of surrounding white space: a
// paragraph (the text between blank lines, or a line of a text without
// them), the headline (the first line), a byline or a dateline (see
// splitBlocks).
type Block struct {
	Span
	Kind BlockKind `json:"kind"`
}

// Limits of the header of an article: the blocks after the headline that
// may be its byline or dateline.
const (
	headerBlocks = 3  // at most this many blocks after the headline
	headerLine   = 80 // each a single line of at most this many code points
)

// Layout says how a text splits into blocks: what NewDocument finds in a
// whole text (LayoutOf), and what a part of a longer one (a chunk of a
// large file, see TextReader) must follow to split as the whole does.
type Layout struct {
	// LineParagraphs makes every line a paragraph: the text has no blank
	// line between two lines of text (text pasted with single line
	// breaks). Otherwise blank lines separate paragraphs.
	LineParagraphs bool
	// Continued marks a part after the text's start: its first line is no
	// headline, and it has no byline or dateline.
	Continued bool
}

// LayoutOf returns the layout of a whole text: line paragraphs when it has
// no blank line between two lines of text.
func LayoutOf(text string) Layout {
	seenText, blankAfter := false, false
	for line := range strings.Lines(text) {
		blank := strings.TrimSpace(line) == ""
		switch {
		case !blank && seenText && blankAfter:
			return Layout{}
		case !blank:
			seenText = true
		case seenText:
			blankAfter = true
		}
	}
	return Layout{LineParagraphs: true}
}

// splitBlocks finds the blocks of t, laid out as l says, each trimmed of
// surrounding white space. Lines that are empty or white space only
// separate paragraphs; with l.LineParagraphs each line is a paragraph.
// Unless l.Continued, the first line is the headline (if its block has
// more lines, the rest is a block of its own), and then comes the header
// (classifyHeader): of the next few blocks that are short single lines, a
// "By …" line is the byline and a line with a date or a time the
// dateline. Every other block is a paragraph.
func splitBlocks(t *Text, l Layout) []Block {
	runes := []rune(t.String())
	type line struct {
		span  Span // trimmed; empty for a blank line
		blank bool
	}
	var lines []line
	for start := 0; start <= len(runes); {
		end := start
		for end < len(runes) && runes[end] != '\n' {
			end++
		}
		s, e := start, end
		for s < e && unicode.IsSpace(runes[s]) {
			s++
		}
		for e > s && unicode.IsSpace(runes[e-1]) {
			e--
		}
		lines = append(lines, line{Span{s, e}, s == e})
		start = end + 1
	}
	var blocks []Block
	open := false
	for _, ln := range lines {
		switch {
		case ln.blank:
			open = false
		case open && !l.LineParagraphs:
			blocks[len(blocks)-1].End = ln.span.End
		default:
			blocks = append(blocks, Block{Span: ln.span, Kind: Paragraph})
			open = true
		}
	}
	if len(blocks) == 0 || l.Continued {
		return blocks
	}
	// The headline is the first line only.
	first := blocks[0]
	if nl := indexRune(runes[first.Start:first.End], '\n'); nl >= 0 {
		rest := first.Start + nl + 1
		for unicode.IsSpace(runes[rest]) {
			rest++
		}
		head := first.Start + nl
		for head > first.Start && unicode.IsSpace(runes[head-1]) {
			head--
		}
		blocks = append([]Block{{Span: Span{first.Start, head}}, {Span: Span{rest, first.End}, Kind: Paragraph}}, blocks[1:]...)
	}
	blocks[0].Kind = Headline
	classifyHeader(blocks[1:], runes)
	return blocks
}

// classifyHeader finds the byline and the dateline among the first blocks
// after the headline: of at most headerBlocks blocks that are each a
// single line of at most headerLine code points, the first "By …" line
// (isByline) is the byline and the first line with a date or time
// (isDateline) the dateline.
func classifyHeader(blocks []Block, runes []rune) {
	byline, dateline := false, false
	for i := 0; i < len(blocks) && i < headerBlocks; i++ {
		b := blocks[i]
		text := string(runes[b.Start:b.End])
		if b.Len() > headerLine || strings.Contains(text, "\n") {
			return
		}
		switch {
		case !byline && isByline(text):
			blocks[i].Kind, byline = Byline, true
		case !dateline && isDateline(text):
			blocks[i].Kind, dateline = Dateline, true
		}
	}
}

// isByline reports whether a header line names the authors as bylines
// do: "By" (any case) and a space, then a name that does not start with a
// lower-case letter, and no full stop, question or exclamation mark at the
// end: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "BY JANE DOE",
// but not "By the way, …" nor "By Monday, it was over.".
func isByline(s string) bool {
	if len(s) < 3 || !strings.EqualFold(s[:2], "by") {
		return false
	}
	rest := []rune(s[2:])
	if len(rest) < 2 || !unicode.IsSpace(rest[0]) {
		return false
	}
	name := strings.TrimSpace(string(rest))
	r := []rune(name)
	return len(r) > 0 && !unicode.IsLower(r[0]) && !strings.ContainsRune(".?!", r[len(r)-1])
}

// isDateline reports whether a header line dates the article: it holds a
// year (1600 to 2999), a time (3:04, 15:04), a numeric date (3/12/2017,
// 2017-12-03) or an English month name or abbreviation next to a number
// ("3 Dec", "3. December", "Dec. 3"), each standing as words of its own.
// A short line that merely holds a number ("Police said 3 people were
// hurt.") is not one.
//
// It matches what the regular expression datePattern of dateline_test.go
// matches (FuzzIsDateline checks it), written out by hand: the page
// classifies the article's header as it opens, and compiling a regular
// expression there cost the page about 80 ms of WebAssembly compilation.
func isDateline(s string) bool {
	for i := 0; i < len(s); i++ {
		if !wordBoundary(s, i) {
			continue
		}
		if j := digitsEnd(s, i); j > i {
			if numericDate(s, i, j) {
				return true
			}
			continue
		}
		if end := monthAt(s, i); end > i && monthThenDay(s, end) {
			return true
		}
	}
	return false
}

// numericDate reports whether the digits s[i:j], standing at a word
// boundary, start a year, a time, a numeric date or a day before a month.
func numericDate(s string, i, j int) bool {
	n := j - i
	switch {
	case n == 4 && (s[i] == '1' && s[i+1] >= '6' || s[i] == '2') && wordEnd(s, j):
		return true // 1600–2999
	case n > 4:
		return false
	}
	if n <= 2 && j < len(s) && s[j] == ':' {
		if k := digitsEnd(s, j+1); k-(j+1) == 2 && wordEnd(s, k) {
			return true // 3:04, 15:04
		}
	}
	if j < len(s) && isDateSeparator(s[j]) {
		if k := digitsEnd(s, j+1); k-(j+1) >= 1 && k-(j+1) <= 2 && k < len(s) && isDateSeparator(s[k]) {
			if m := digitsEnd(s, k+1); m-(k+1) >= 1 && m-(k+1) <= 4 && wordEnd(s, m) {
				return true // 3/12/2017, 2017-12-03
			}
		}
	}
	if n <= 2 {
		k := j
		if k < len(s) && s[k] == '.' {
			k++
		}
		if m := spacesEnd(s, k); m > k {
			if end := monthAt(s, m); end > m && wordEnd(s, end) {
				return true // 3 Dec, 3. December
			}
		}
	}
	return false
}

// monthThenDay reports whether a month name ending at end is followed by
// an optional full stop, white space and a day of one or two digits.
func monthThenDay(s string, end int) bool {
	if end < len(s) && s[end] == '.' {
		end++
	}
	k := spacesEnd(s, end)
	if k == end {
		return false
	}
	d := digitsEnd(s, k)
	return d-k >= 1 && d-k <= 2 && wordEnd(s, d)
}

// monthNames are the English months' names and abbreviations isDateline
// knows, in lower case.
var monthNames = [...]string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec"}

// monthAt returns the end of a month name at s[i:], in any case (as
// Unicode simple case folding has it, so "ſept" is "sept"), that ends a
// word; or i if there is none.
func monthAt(s string, i int) int {
	for _, name := range monthNames {
		if end := foldedPrefix(s, i, name); end > i && wordEnd(s, end) {
			return end
		}
	}
	return i
}

// foldedPrefix returns the end of lower-case ASCII word w at s[i:] under
// simple case folding, or i if w is not there.
func foldedPrefix(s string, i int, w string) int {
	j := i
	for k := 0; k < len(w); k++ {
		if j >= len(s) {
			return i
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !foldsTo(r, rune(w[k])) {
			return i
		}
		j += size
	}
	return j
}

// foldsTo reports whether r is c or in c's case-folding orbit.
func foldsTo(r, c rune) bool {
	for f := c; ; {
		if f == r {
			return true
		}
		if f = unicode.SimpleFold(f); f == c {
			return false
		}
	}
}

// digitsEnd returns the end of the run of ASCII digits at s[i:].
func digitsEnd(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// spacesEnd returns the end of the run of white space at s[i:], as
// regular expressions' \s has it: tab, line feed, form feed, carriage
// return and space.
func spacesEnd(s string, i int) int {
	for i < len(s) && strings.IndexByte("\t\n\f\r ", s[i]) >= 0 {
		i++
	}
	return i
}

// isDateSeparator reports whether b separates a numeric date's parts.
func isDateSeparator(b byte) bool { return b == '-' || b == '/' || b == '.' }

// isWordByte reports whether b is a word character as regular
// expressions' \b has it: an ASCII letter, digit or underscore.
func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
}

// wordEnd reports whether a word ending at s[j] (a word character before
// it) ends there: no word character follows.
func wordEnd(s string, j int) bool {
	return j >= len(s) || !isWordByte(s[j])
}

// wordBoundary reports whether position i of s is a word boundary (\b):
// a word character on one side and none on the other. Bytes of non-ASCII
// runes are never word characters.
func wordBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}

// indexRune returns the index of the first r in rs, or -1.
func indexRune(rs []rune, r rune) int {
	for i, c := range rs {
		if c == r {
			return i
		}
	}
	return -1
}

package news

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a token of a text, as a byte range of it. Tokens follow the
// CoNLL-2003 convention the model is trained on: punctuation stands apart,
// the possessive 's and the negation n't are tokens of their own, and
// hyphenated words ("Moscow-based"), numbers ("1,000.5"), abbreviations
// ("U.S.", "Corp.") and initials ("S.") stay whole.
type Token struct {
	Start, End int // bytes of the text, end exclusive
	// Line is true when the token is the first of its line.
	Line bool
}

// Tokenize splits text into tokens. Every token is non-empty, they are in
// order and do not overlap, and white space falls in no token.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	newline := true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' {
				newline = true
			}
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		first := len(toks)
		toks = splitSlashes(text, i, j, toks)
		if newline && len(toks) > first {
			toks[first].Line = true
		}
		newline = false
		i = j
	}
	return toks
}

// splitSlashes appends the tokens of the word text[i:j], splitting it at
// each slash between two letters ("Ruscio/Getty"); dates and fractions
// ("12/03/2017", "1/2") and web addresses keep theirs.
func splitSlashes(text string, i, j int, toks []Token) []Token {
	w := text[i:j]
	if !strings.Contains(w, "/") || strings.Contains(w, "://") {
		return splitWord(text, i, j, toks)
	}
	start := i
	for k := i; k < j; k++ {
		if text[k] != '/' || k == start || k+1 >= j {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(text[start:k])
		after, _ := utf8.DecodeRuneInString(text[k+1 : j])
		if !unicode.IsLetter(before) || !unicode.IsLetter(after) {
			continue
		}
		toks = splitWord(text, start, k, toks)
		toks = append(toks, Token{Start: k, End: k + 1})
		start = k + 1
	}
	return splitWord(text, start, j, toks)
}

// leading are the characters split off the front of a word; trailing those
// split off its end.
const (
	leading  = "([{\"'\u201c\u2018\u00ab<*$\u00a3\u20ac#"
	trailing = ")]}\"'\u201d\u2019\u00bb>*,;:!?%\u2026"
)

// splitWord appends the tokens of the white-space-free word text[i:j].
func splitWord(text string, i, j int, toks []Token) []Token {
	var tailBuf [8]Token
	tail := tailBuf[:0] // trailing pieces, in reverse order
	for i < j {
		r, n := utf8.DecodeRuneInString(text[i:])
		if j-i > n && strings.ContainsRune(leading, r) {
			toks = append(toks, Token{Start: i, End: i + n})
			i += n
			continue
		}
		break
	}
	for i < j {
		w := text[i:j]
		r, n := utf8.DecodeLastRuneInString(w)
		switch {
		case len(w) > n && strings.ContainsRune(trailing, r):
			tail = append(tail, Token{Start: j - n, End: j})
			j -= n
			continue
		case len(w) > 1 && r == '.' && !keepsPeriod(w):
			tail = append(tail, Token{Start: j - 1, End: j})
			j--
			continue
		case r == '-' && len(w) > 1 && strings.Trim(w, "-") != "":
			tail = append(tail, Token{Start: j - 1, End: j})
			j--
			continue
		}
		if k := cliticAt(w); k > 0 {
			tail = append(tail, Token{Start: i + k, End: j})
			j = i + k
			continue
		}
		break
	}
	if i < j {
		toks = append(toks, Token{Start: i, End: j})
	}
	for k := len(tail) - 1; k >= 0; k-- {
		toks = append(toks, tail[k])
	}
	return toks
}

// cliticAt returns where a clitic the model treats as a token of its own
// starts in w ('s, n't, 're, 've, 'll, 'd, 'm, with straight or curly
// apostrophes), or 0.
func cliticAt(w string) int {
	if !strings.ContainsRune(w, '\'') && !strings.Contains(w, "\u2019") {
		return 0
	}
	lower := toLower(w)
	if len(lower) != len(w) {
		return 0 // a word whose lower case is longer: no clitic to cut
	}
	for _, c := range clitics {
		if strings.HasSuffix(lower, c) && len(lower) > len(c) {
			return len(w) - len(c)
		}
	}
	return 0
}

// clitics are the endings cliticAt cuts off.
var clitics = [...]string{
	"n't", "n\u2019t",
	"'s", "'re", "'ve", "'ll", "'d", "'m",
	"\u2019s", "\u2019re", "\u2019ve", "\u2019ll", "\u2019d", "\u2019m",
}

// abbreviations keep their final period, as in CoNLL.
var abbreviations = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "st.": true, "jr.": true, "sr.": true,
	"gen.": true, "gov.": true, "sen.": true, "rep.": true, "lt.": true, "col.": true, "capt.": true, "sgt.": true,
	"corp.": true, "inc.": true, "ltd.": true, "co.": true, "plc.": true, "bros.": true, "no.": true, "vs.": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true, "sep.": true,
	"sept.": true, "oct.": true, "nov.": true, "dec.": true, "mt.": true, "ft.": true, "ave.": true, "etc.": true,
	"calif.": true, "fla.": true, "ill.": true, "mass.": true, "wash.": true, "tex.": true, "pa.": true, "va.": true,
}

// keepsPeriod reports whether a word ending in a period keeps it: known
// abbreviations, initials ("S."), and dotted abbreviations ("U.S.").
func keepsPeriod(w string) bool {
	if abbreviations[strings.ToLower(w)] {
		return true
	}
	body := w[:len(w)-1]
	r, n := utf8.DecodeRuneInString(body)
	if n == len(body) && unicode.IsLetter(r) {
		return true // an initial
	}
	return strings.Contains(body, ".") && !strings.Contains(body, "..")
}

// sentence is a sentence as a range of token indexes, end exclusive.
type sentence struct{ start, end int }

// Sentences splits tokens into sentences: a new one starts at each line,
// and after a token of ".", "!" or "?" (quotes and brackets may follow it)
// when the next token starts with an upper-case letter, a digit or a quote.
func sentences(text string, toks []Token) []sentence {
	var out []sentence
	start := 0
	for i := range toks {
		if i > start && toks[i].Line {
			out = append(out, sentence{start, i})
			start = i
			continue
		}
		if i == start || i+1 >= len(toks) {
			continue
		}
		w := text[toks[i].Start:toks[i].End]
		if w != "." && w != "!" && w != "?" {
			continue
		}
		k := i + 1
		for k < len(toks) && isCloser(text[toks[k].Start:toks[k].End]) && !toks[k].Line {
			k++
		}
		if k >= len(toks) || toks[k].Line {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[toks[k].Start:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'\u201c\u2018(", r) {
			out = append(out, sentence{start, k})
			start = k
		}
	}
	if start < len(toks) {
		out = append(out, sentence{start, len(toks)})
	}
	return out
}

func isCloser(w string) bool {
	switch w {
	case "\"", "'", "\u201d", "\u2019", ")", "]":
		return true
	}
	return false
}

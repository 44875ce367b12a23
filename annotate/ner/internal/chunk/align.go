package chunk

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a token's place in the text.
type Span struct{ Start, End int } // bytes

// quoteForms lists what prose's tokenizer turns into each ASCII quote
// before splitting (its sanitizer); a token's quote may stand for any.
var quoteForms = map[byte][]string{
	'"':  {`"`, "\u201c", "\u201d"},
	'\'': {"'", "\u2018", "\u2019", "&rsquo;"},
}

// Align finds each token in text, in order. Tokens are consecutive
// pieces of the text, usually with only white space between them, so each
// normally matches right after the previous one. prose's tokenizer drops a
// few pieces of text (a word starting with ' followed by s, m or re, such as
// ‘Single), so where the next token does not match there, alignment scans
// forward to its next occurrence.
func Align(text string, tokens []Token) ([]Span, error) {
	spans := make([]Span, len(tokens))
	pos := 0
	for i, tok := range tokens {
		for pos < len(text) {
			r, n := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += n
		}
		start := pos
		end, ok := matchToken(text, start, tok.Text)
		for !ok && start < len(text) {
			_, n := utf8.DecodeRuneInString(text[start:])
			start += n
			end, ok = matchToken(text, start, tok.Text)
		}
		if !ok {
			return nil, fmt.Errorf("prose: cannot align token %d %q after byte %d of %q", i, tok.Text, pos, excerpt(text, pos))
		}
		spans[i] = Span{start, end}
		pos = end
	}
	return spans, nil
}

// matchToken matches tok against text at byte pos and returns where the
// match ends.
func matchToken(text string, pos int, tok string) (int, bool) {
	for j := 0; j < len(tok); j++ {
		forms, isQuote := quoteForms[tok[j]]
		if !isQuote {
			if pos >= len(text) || text[pos] != tok[j] {
				return 0, false
			}
			pos++
			continue
		}
		matched := false
		for _, f := range forms {
			if strings.HasPrefix(text[pos:], f) {
				pos += len(f)
				matched = true
				break
			}
		}
		if !matched {
			return 0, false
		}
	}
	return pos, true
}

func excerpt(text string, pos int) string {
	end := min(pos+20, len(text))
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return text[pos:end]
}

package compact

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is prose's tokenizer (tokenize.go: iterTokenizer, doSplit, the
// sanitizer) rewritten to record where each token is. Its decisions, quirks
// included, are prose's:
//
//   - A word such as ‘Single or 'sfoo, whose remainder starts with 's, 'm,
//     're or 'll (or n't), is dropped from there on: prose splits it at index
//     0 and stops.
//   - The split index comes from the lower-cased word but cuts the word
//     itself, so a word whose lower case is longer or shorter (Ⱥ, K) splits
//     in odd places; where the index falls past the word's end prose panics,
//     and Recognize returns ErrUntaggable.
//   - Repeated words share one token object within a text, except for a last
//     word not followed by white space (see tokenize).

// sanitize is prose's sanitizer (a strings.Replacer): it turns curly quotes
// and &rsquo; into ASCII quotes. It returns the sanitized text and, if that
// differs from text, the byte offset in text of each of its bytes and of its
// end (reusing off's memory); otherwise an empty slice.
func sanitize(text string, off []int32) (string, []int32) {
	var b []byte
	off = off[:0]
	for i := 0; i < len(text); {
		r, n := byte(0), 0
		switch c := text[i]; {
		case c != 0xe2 && c != '&':
		case strings.HasPrefix(text[i:], "\u201c"), strings.HasPrefix(text[i:], "\u201d"):
			r, n = '"', len("\u201c")
		case strings.HasPrefix(text[i:], "\u2018"), strings.HasPrefix(text[i:], "\u2019"):
			r, n = '\'', len("\u2018")
		case strings.HasPrefix(text[i:], "&rsquo;"):
			r, n = '\'', len("&rsquo;")
		}
		if n == 0 {
			if b != nil {
				b = append(b, text[i])
				off = append(off, int32(i))
			}
			i++
			continue
		}
		if b == nil {
			b = make([]byte, i, len(text))
			copy(b, text[:i])
			for j := range i {
				off = append(off, int32(j))
			}
		}
		b = append(b, r)
		off = append(off, int32(i))
		i += n
	}
	if b == nil {
		return text, off[:0]
	}
	return string(b), append(off, int32(len(text)))
}

// piece is a token of a word, as a byte range of the word.
type piece struct{ start, end int32 }

// split is prose's doSplit on one word, as pieces of the word.
type split struct {
	pieces  []piece
	lexemes []int32 // each piece's lexeme, filled in by the scratch
	dropped bool    // some of the word is in no piece (see the file comment)
	failed  bool    // prose panics on this word
}

var (
	contractions = []string{"'ll", "'s", "'re", "'m"}
	negations    = []string{"n't"}
	suffixes     = []string{",", ")", `"`, "]", "!", ";", ".", "?", ":", "'"}
	prefixes     = []string{"$", "(", `"`, "["}
	internalRE   = lazyRegexp(`^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`)
)

func isSpecial(token string) bool {
	_, found := emoticons[token]
	return found || internalRE().MatchString(token)
}

// doSplit is prose's doSplit (tokenize.go), keeping offsets.
func doSplit(word string) split {
	var sp split
	var suffs []piece
	add := func(start, end int) {
		if strings.TrimSpace(word[start:end]) != "" {
			sp.pieces = append(sp.pieces, piece{int32(start), int32(end)})
		} else if end > start {
			sp.dropped = true
		}
	}
	start, end := 0, len(word) // the token still to split is word[start:end]
	consumed := false
	last := 0
	for start < end && utf8.RuneCountInString(word[start:end]) != last {
		token := word[start:end]
		if isSpecial(token) {
			add(start, end)
			consumed = true
			break
		}
		last = utf8.RuneCountInString(token)
		lower := strings.ToLower(token)
		if hasAnyPrefix(token, prefixes) {
			add(start, start+1)
			start++
		} else if idx := hasAnyIndex(lower, contractions); idx > -1 {
			if idx > len(token) {
				sp.failed = true
				return sp
			}
			add(start, start+idx)
			start += idx
		} else if idx := hasAnyIndex(lower, negations); idx > -1 {
			if idx > len(token) {
				sp.failed = true
				return sp
			}
			add(start, start+idx)
			start += idx
		} else if hasAnySuffix(token, suffixes) {
			suffs = append(suffs, piece{int32(end - 1), int32(end)})
			end--
		} else {
			add(start, end)
			consumed = true
		}
	}
	if !consumed && start < end {
		sp.dropped = true
	}
	for i := len(suffs) - 1; i >= 0; i-- {
		sp.pieces = append(sp.pieces, suffs[i])
	}
	return sp
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if len(s) > len(p) && strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if len(s) > len(p) && strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

func hasAnyIndex(s string, subs []string) int {
	for _, sub := range subs {
		if idx := strings.Index(s, sub); idx >= 0 && len(s) > len(sub) {
			return idx
		}
	}
	return -1
}

// tok is a token of the text being tagged.
type tok struct {
	start, end int32 // bytes of the sanitized text
	obj        int32 // the token object prose shares between repeats: the index of its first token
	lex        int32 // its lexeme
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [128]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// tokenize is prose's iterTokenizer.tokenize on the sanitized text s.clean,
// appending to s.toks. It splits the text into runs of white space and of
// the rest, and each run of the rest into tokens with doSplit. prose caches
// doSplit's tokens per run within a text and appends the same *Token again
// for a repeated run, so that tagging a repeat overwrites the earlier
// tokens' tags and labels; tok.obj keeps that sharing. The last run, when
// the text does not end in white space, is split afresh and shares nothing.
func (s *scratch) tokenize() error {
	clean := s.clean
	white := false
	start, index := 0, 0
	for index < len(clean) {
		c := clean[index]
		var space bool
		size := 1
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(clean[index:])
			space = unicode.IsSpace(r)
		}
		if index == 0 {
			white = space
		}
		if space != white {
			if start < index && !white {
				if err := s.addWord(start, index, true); err != nil {
					return err
				}
			}
			if c == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index && !white {
		return s.addWord(start, index, false)
	}
	return nil
}

// addWord appends the tokens of the run clean[start:end]. Runs are cached
// within the text (see tokenize) unless shared is false.
func (s *scratch) addWord(start, end int, shared bool) error {
	word := s.clean[start:end]
	sp := s.split(word)
	if sp.failed {
		return fmt.Errorf("compact: %w: prose's tokenizer fails on the word %q", ErrUntaggable, word)
	}
	if sp.dropped {
		s.dropped = true
	}
	first := int32(-1)
	if shared {
		if f, ok := s.runs[word]; ok {
			first = f
		} else {
			s.runs[word] = int32(len(s.toks))
		}
	}
	for k, p := range sp.pieces {
		obj := int32(len(s.toks))
		if first >= 0 {
			obj = first + int32(k)
		}
		s.toks = append(s.toks, tok{start: int32(start) + p.start, end: int32(start) + p.end, obj: obj, lex: sp.lexemes[k]})
	}
	return nil
}

// emoticons is prose's list (tokenize.go): tokens it never splits and tags
// SYM.
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true,
	"(o:": true, "(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true,
	"8-)": true, "8-D": true, "8D": true, ":(": true, ":((": true, ":(((": true,
	":()": true, ":)))": true, ":-)": true, ":-))": true, ":-)))": true, ":-*": true,
	":-/": true, ":-X": true, ":-]": true, ":-o": true, ":-p": true, ":-x": true,
	":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true, ":]": true,
	":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true,
	"V_V": true, "XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true,
	"o_o": true, "v_v": true, "xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}

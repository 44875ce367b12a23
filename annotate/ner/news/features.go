package news

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features are hashed: each is a 64-bit key made from a template number and
// the hashes of the strings it looks at, so extraction builds no strings
// beyond each word's lower case and shape. A model maps a key to a row of
// weights, one per tag.

// word is what the tagger knows about one token, worked out once.
type word struct {
	text          string
	lower         string
	hWord, hLower uint64 // hashes of text and lower
	hShape        uint64 // "Xxxx", "dd-dd": each character's class, runs capped at 4
	hShort        uint64 // "Xx", "d-d": runs collapsed to one
	hPre          [3]uint64
	hSuf          [4]uint64
	class         uint8 // casing class, see classOf
	// names has bit 4l+p set when the word is at position p (posB...)
	// of a name on the model's name list l.
	names uint32
}

// Casing classes of a word.
const (
	clsLower = iota // "hello"
	clsTitle        // "Hello"
	clsUpper        // "HELLO", "UK"
	clsMixed        // "iPhone", "McDonald"
	clsDigit        // has a digit, no letter
	clsOther        // punctuation, symbols
)

// classOf returns w's casing class.
func classOf(w string) uint8 {
	upper, lower, digit, n := 0, 0, 0, 0
	firstUpper := false
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		}
		n++
	}
	switch {
	case upper+lower == 0 && digit > 0:
		return clsDigit
	case upper+lower == 0:
		return clsOther
	case upper == 0:
		return clsLower
	case lower == 0:
		return clsUpper
	case firstUpper && upper == 1:
		return clsTitle
	}
	return clsMixed
}

// newWord analyses one token's text.
func newWord(text string) word {
	w := word{text: text, lower: toLower(text)}
	w.hWord = hashString(text)
	w.hLower = hashString(w.lower)
	w.hShape, w.hShort = shapes(text)
	w.class = classOf(text)
	for k := range w.hPre {
		w.hPre[k] = hashString(prefix(w.lower, k+1))
	}
	for k := range w.hSuf {
		w.hSuf[k] = hashString(suffix(w.lower, k+1))
	}
	return w
}

// toLower lower-cases s, without allocating when it is lower case already.
func toLower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// prefix returns the first n runes of s (all of s if it is shorter).
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// suffix returns the last n runes of s (all of s if it is shorter).
func suffix(s string, n int) string {
	i := len(s)
	for i > 0 && n > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n--
	}
	return s[i:]
}

// shapes hashes the word's shape (each character as X, x, d or itself,
// runs capped at 4) and short shape (runs collapsed to one).
func shapes(s string) (long, short uint64) {
	long, short = fnvOffset, fnvOffset
	var last rune = -1
	run := 0
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
		} else {
			run = 1
			short = hashRune(short, c)
		}
		if run <= 4 {
			long = hashRune(long, c)
		}
		last = c
	}
	return long, short
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashRune(h uint64, r rune) uint64 {
	h ^= uint64(r)
	h *= fnvPrime
	return h
}

// mix is a 64-bit finalizer (MurmurHash3's fmix64).
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// key1 and key2 make a feature key from a template and one or two values.
func key1(t, a uint64) uint64 { return mix(t*0x9e3779b97f4a7c15 ^ a) }

func key2(t, a, b uint64) uint64 { return mix(key1(t, a) ^ b*0xbf58476d1ce4e5b9) }

// Line modes: how a line is cased. Headlines are often in title case or
// all capitals, where capitals say nothing about names.
const (
	modeNormal = iota
	modeTitle  // most words capitalized, small words too: a headline
	modeUpper  // all capitals
)

// smallWords are the words a title-case line capitalizes and running text
// does not.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "to": true, "for": true,
	"and": true, "or": true, "but": true, "at": true, "by": true, "with": true, "from": true, "as": true,
	"is": true, "are": true, "was": true, "not": true, "after": true, "over": true, "into": true,
	"amid": true, "says": true, "said": true, "be": true, "will": true, "its": true, "his": true, "her": true,
	"new": true, "up": true, "out": true, "about": true, "than": true, "that": true, "this": true,
}

// lineMode classifies a sentence's casing.
func lineMode(ws []word) uint8 {
	letters, upper, caps, longCaps, long, smallCap := 0, 0, 0, 0, 0, 0
	for i, w := range ws {
		switch w.class {
		case clsUpper:
			letters++
			upper++
			caps++
		case clsTitle, clsMixed:
			letters++
			caps++
			if i > 0 && smallWords[w.lower] {
				smallCap++
			}
		case clsLower:
			letters++
		default:
			continue
		}
		if utf8.RuneCountInString(w.text) >= 4 {
			long++
			if w.class != clsLower {
				longCaps++
			}
		}
	}
	switch {
	case letters >= 2 && upper == letters && long > 0:
		return modeUpper
	case caps*10 >= letters*8 && (smallCap > 0 || (long >= 4 && longCaps == long)),
		letters >= 4 && caps == letters:
		return modeTitle
	}
	return modeNormal
}

// docContext is what the tagger knows of the document a sentence is in:
// how its words are cased elsewhere, and how it tagged them before.
type docContext struct {
	// seenLower holds the lower-case hashes of words seen in lower case.
	seenLower map[uint64]bool
	// seenName holds those seen capitalized in running text, not first
	// in their sentence.
	seenName map[uint64]bool
	// last is the tag (plus one) last given to each word, by lower-case
	// hash.
	last map[uint64]uint8
}

func newDocContext() *docContext {
	return &docContext{seenLower: map[uint64]bool{}, seenName: map[uint64]bool{}, last: map[uint64]uint8{}}
}

// observe records how a sentence's words are cased.
func (d *docContext) observe(ws []word, mode uint8) {
	for i, w := range ws {
		switch {
		case w.class == clsLower:
			d.seenLower[w.hLower] = true
		case mode == modeNormal && i > 0 && (w.class == clsTitle || w.class == clsUpper || w.class == clsMixed):
			d.seenName[w.hLower] = true
		}
	}
}

// Feature templates. Numbers are part of the model: change one and old
// models mean something else.
const (
	fBias = iota + 1
	fWord
	fLower
	fShape
	fShort
	fPre1
	fPre2
	fPre3
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPrevLower
	fNextLower
	fPrev2Lower
	fNext2Lower
	fPrevShape
	fNextShape
	fPrevNextLower
	fLowerNext
	fShapeTrigram
	fPrevTag
	fPrev2Tags
	fPrevTagLower
	fPrevTagShape
	fDocLast
	fDocEvidence
	fModeShape
	fFirstShape
	fModeLower
	fPrevWord
	fNextWord
	fNextDocLast
	fPrevDocLast
	fNextNextLower
	fPrev2PrevLower
	fLen
	fNameKey
	fName
)

// sentenceInput is one sentence ready for feature extraction.
type sentenceInput struct {
	ws   []word
	mode uint8
	doc  *docContext
	// What doc says of each word, read once before the sentence is
	// tagged (see snapshot): the tag it last had plus one, and how it is
	// cased elsewhere (bit 1: in lower case; bit 2: capitalized in
	// running text).
	last, evidence []uint8
	// frozen keeps last and evidence as they are: the sentence of a
	// Reading keeps the context it was tagged in.
	frozen bool
}

// snapshot reads what the document says of the sentence's words: how it
// tagged them last and how it cases them. Call it before tagging the
// sentence, after the sentences before it are recorded.
func (s *sentenceInput) snapshot() {
	if s.doc == nil || s.frozen {
		return
	}
	if len(s.last) != len(s.ws) {
		s.last = make([]uint8, len(s.ws))
		s.evidence = make([]uint8, len(s.ws))
	}
	for i := range s.ws {
		h := s.ws[i].hLower
		s.last[i] = s.doc.last[h]
		var e uint8
		if s.doc.seenLower[h] {
			e |= 1
		}
		if s.doc.seenName[h] {
			e |= 2
		}
		s.evidence[i] = e
	}
}

var boundary = hashString("<s>")

func (s *sentenceInput) lowerAt(i int) uint64 {
	if i < 0 || i >= len(s.ws) {
		return boundary
	}
	return s.ws[i].hLower
}

func (s *sentenceInput) shapeAt(i int) uint64 {
	if i < 0 || i >= len(s.ws) {
		return boundary
	}
	return s.ws[i].hShort
}

func (s *sentenceInput) wordAt(i int) uint64 {
	if i < 0 || i >= len(s.ws) {
		return boundary
	}
	return s.ws[i].hWord
}

func (s *sentenceInput) lastAt(i int) uint64 {
	if i < 0 || i >= len(s.ws) || s.doc == nil {
		return 255
	}
	return uint64(s.last[i])
}

// features appends all the feature keys of token i to out, given the
// tags of the two tokens before it (tagStart at the sentence's start).
func (s *sentenceInput) features(i int, prev, prev2 uint8, out []uint64) []uint64 {
	return s.dynamic(i, prev, prev2, s.static(i, out))
}

// static appends the feature keys of token i that depend on the text
// alone, not on tags.
func (s *sentenceInput) static(i int, out []uint64) []uint64 {
	w := &s.ws[i]
	mode := uint64(s.mode)
	out = append(out,
		key1(fBias, 0),
		key1(fWord, w.hWord),
		key1(fLower, w.hLower),
		key1(fShape, w.hShape),
		key2(fShort, w.hShort, mode),
		key1(fPre1, w.hPre[0]),
		key1(fPre2, w.hPre[1]),
		key1(fPre3, w.hPre[2]),
		key1(fSuf1, w.hSuf[0]),
		key1(fSuf2, w.hSuf[1]),
		key1(fSuf3, w.hSuf[2]),
		key1(fSuf4, w.hSuf[3]),
		key1(fPrevLower, s.lowerAt(i-1)),
		key1(fNextLower, s.lowerAt(i+1)),
		key1(fPrev2Lower, s.lowerAt(i-2)),
		key1(fNext2Lower, s.lowerAt(i+2)),
		key2(fPrevShape, s.shapeAt(i-1), mode),
		key2(fNextShape, s.shapeAt(i+1), mode),
		key2(fPrevNextLower, s.lowerAt(i-1), w.hLower),
		key2(fLowerNext, w.hLower, s.lowerAt(i+1)),
		key2(fShapeTrigram, s.shapeAt(i-1)^s.shapeAt(i+1)*31, w.hShort),
		key2(fModeShape, mode, w.hShape),
		key2(fModeLower, mode, w.hLower),
		key1(fPrevWord, s.wordAt(i-1)),
		key1(fNextWord, s.wordAt(i+1)),
		key2(fNextNextLower, s.lowerAt(i+1), s.lowerAt(i+2)),
		key2(fPrev2PrevLower, s.lowerAt(i-2), s.lowerAt(i-1)),
		key1(fLen, uint64(min(utf8.RuneCountInString(w.text), 12))),
	)
	if i == 0 {
		out = append(out, key2(fFirstShape, w.hShort, mode))
	}
	for bits := w.names; bits != 0; bits &= bits - 1 {
		b := uint64(bitIndex(bits))
		out = append(out, key2(fName, b, uint64(w.class)))
	}
	if s.doc != nil {
		evidence := uint64(s.evidence[i])
		out = append(out, key2(fDocEvidence, evidence, uint64(w.class)<<4|mode<<8|boolBit(i == 0)))
	}
	return out
}

// dynamic appends the feature keys of token i that depend on tags: those
// of the tokens before it, and how earlier sentences tagged its word.
func (s *sentenceInput) dynamic(i int, prev, prev2 uint8, out []uint64) []uint64 {
	w := &s.ws[i]
	out = append(out,
		key1(fPrevTag, uint64(prev)),
		key2(fPrev2Tags, uint64(prev), uint64(prev2)),
		key2(fPrevTagLower, uint64(prev), w.hLower),
		key2(fPrevTagShape, uint64(prev), w.hShort),
	)
	if s.doc != nil {
		out = append(out,
			key2(fDocLast, s.lastAt(i), uint64(w.class)),
			key2(fNextDocLast, s.lastAt(i+1), uint64(prev)),
			key1(fPrevDocLast, s.lastAt(i-1)),
		)
	}
	return out
}

// bitIndex returns the index of the lowest set bit of a non-zero x.
func bitIndex(x uint32) int {
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

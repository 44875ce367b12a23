// Package compact is a named-entity recognizer that gives exactly the
// entities of package ner's Prose, without prose: it runs prose's pipeline
// (tokenizer, averaged perceptron part-of-speech tagger, maximum entropy
// entity classifier, chunker) rewritten over lookup tables, which load from
// a compact model file (see build/nermodel) instead of prose's gob-encoded
// model. It does not import prose, so a WebAssembly build that uses it
// carries no model in its binary.
//
// Invariants: for every text, Recognizer.Recognize returns what
// ner.Prose.Recognize returns (spans in code points, labels, and the text
// prose fails on), prose's quirks included; the tests compare the two on
// the sample article, on hostile and random texts, and under go test -fuzz.
// The one exception is inherited from prose: where prose's tagger meets an
// exact tie between two tags, prose's answer is random (it follows Go's map
// iteration order); compact gives the answer prose gives most often (see
// tagger.go).
package compact

import (
	"strings"
	"sync"

	"glossa/annotate"
	"glossa/annotate/ner/internal/chunk"
)

// ModelName names prose's built-in model in annotation creators, as
// ner.ModelName does.
const ModelName = chunk.ModelName

// ErrUntaggable is wrapped by the error Recognize returns for a text on
// which prose fails; it is ner.ErrUntaggable.
var ErrUntaggable = chunk.ErrUntaggable

// Recognizer is an annotate.Recognizer that finds exactly the entities
// ner.Prose finds, with prose's model loaded from a compact model file.
//
// A Recognizer is safe for concurrent use. It caches what it learns about
// each distinct word across calls.
type Recognizer struct {
	model *Model
	mu    sync.Mutex // guards main
	main  *scratch
	spare sync.Pool // scratches for callers that find main busy
}

var _ annotate.Recognizer = (*Recognizer)(nil)

// New returns a recognizer on m.
func New(m *Model) *Recognizer {
	f := &Recognizer{model: m, main: newScratch(m)}
	f.spare.New = func() any { return newScratch(m) }
	return f
}

// Name names the recognizer and its model. Its entities are prose's, from
// prose's model, so it names the model as ner.Prose does.
func (f *Recognizer) Name() string { return ModelName }

// Recognize tags text and returns its entities with code point offsets, in
// Glossa's label set (see ner.MapLabel): the entities ner.Prose.Recognize
// returns. Where prose fails on the text, so does Recognize, with an error
// wrapping ErrUntaggable.
func (f *Recognizer) Recognize(text string) ([]annotate.Entity, error) {
	if f.mu.TryLock() {
		defer f.mu.Unlock()
		return f.main.recognize(text)
	}
	s := f.spare.Get().(*scratch)
	defer f.spare.Put(s)
	return s.recognize(text)
}

// maxLexemes bounds the word caches: past it, they start again empty.
const maxLexemes = 1 << 16

// scratch is the working memory of one Recognize call at a time, reused to
// avoid allocating per token, and the caches of words seen so far.
type scratch struct {
	m   *Model
	key keyBuf

	// The text being tagged.
	clean   string           // text after prose's sanitizer
	origOff []int32          // byte offset in text of each byte of clean, when they differ
	toks    []tok            // its tokens
	runs    map[string]int32 // first token of each run, for prose's token sharing
	dropped bool             // prose's tokenizer dropped some of the text
	objTag  []int32          // tag id of each token object
	// label index of each token object, or -1 for prose's empty label
	objLabel []int32
	tokens   []chunk.Token
	spans    []chunk.Span

	scores  [256]int32 // tagger scores by class, in thousandths
	present [256]bool  // classes some found tagger feature has a weight for
	totals  [256]float64

	// Caches across texts.
	splits    map[string]split // doSplit's result per run
	lexIndex  map[string]int32 // lexeme id per token text
	lexemes   []lexeme
	tagNames  []string         // tag ids: the model's, then extras
	extraTags map[string]int32 // tag ids of tags the model does not name

	stats struct{ taggerTies, maxentTies int }
}

// lexeme is what the recognizer knows about one token text: its features,
// looked up in the model once.
type lexeme struct {
	text string

	// Tagger.
	fixedTag      int32 // the tag given by rule or dictionary, if fixed
	fixed         bool
	norm          string // normalize(text), the word in the tagger's context
	suffix, pref1 int32  // rows of "i suffix" and "i pref1"
	ctx           contextRows

	// Classifier.
	lower                                      string
	shape                                      uint8
	basic                                      int32 // row of en-wordlist
	prefix3, suffix3, word, wordLower, wordLen int32
	asNext, asPrev                             int32 // rows of nextword and prevword for this word
}

func newScratch(m *Model) *scratch {
	s := &scratch{m: m, runs: map[string]int32{}}
	s.reset()
	return s
}

// reset empties the caches.
func (s *scratch) reset() {
	s.splits = map[string]split{}
	s.lexIndex = map[string]int32{}
	s.lexemes = s.lexemes[:0]
	s.tagNames = append(s.tagNames[:0], s.m.tagNames...)
	s.extraTags = map[string]int32{}
}

func (s *scratch) recognize(text string) ([]annotate.Entity, error) {
	if len(s.lexemes) > maxLexemes {
		s.reset()
	}
	defer s.release()
	s.clean, s.origOff = sanitize(text, s.origOff)
	s.toks = s.toks[:0]
	s.dropped = false
	err := s.tokenize()
	clear(s.runs)
	if err != nil || len(s.toks) == 0 {
		return nil, err
	}
	s.tag()
	s.classify()

	s.tokens = s.tokens[:0]
	for _, t := range s.toks {
		label := ""
		if l := s.objLabel[t.obj]; l >= 0 {
			label = s.m.labels[l]
		}
		s.tokens = append(s.tokens, chunk.Token{Text: s.clean[t.start:t.end], Tag: s.tagNames[s.objTag[t.obj]], Label: label})
	}
	spans := s.spans[:0]
	if s.dropped {
		// Where prose dropped text, the Prose recognizer's alignment
		// search may place later tokens differently from where they are;
		// follow it, so both report the same spans.
		if spans, err = chunk.Align(text, s.tokens); err != nil {
			return nil, err
		}
	} else {
		for _, t := range s.toks {
			spans = append(spans, chunk.Span{Start: s.origByte(t.start), End: s.origByte(t.end)})
		}
		s.spans = spans
	}
	return chunk.Entities(text, s.tokens, spans), nil
}

// release drops references to the text just tagged.
func (s *scratch) release() {
	s.clean = ""
	clear(s.tokens)
}

// origByte converts a byte offset in the sanitized text to one in the text.
func (s *scratch) origByte(i int32) int {
	if len(s.origOff) == 0 {
		return int(i)
	}
	return int(s.origOff[i])
}

// split returns doSplit's result for a run, with the lexemes of its pieces.
func (s *scratch) split(word string) split {
	if sp, ok := s.splits[word]; ok {
		return sp
	}
	sp := doSplit(word)
	if !sp.failed {
		sp.lexemes = make([]int32, len(sp.pieces))
		for k, p := range sp.pieces {
			sp.lexemes[k] = s.lexeme(word[p.start:p.end])
		}
	}
	s.splits[strings.Clone(word)] = sp
	return sp
}

// lexeme returns the id of the lexeme of a token text, looking its features
// up if it is new.
func (s *scratch) lexeme(w string) int32 {
	if id, ok := s.lexIndex[w]; ok {
		return id
	}
	w = strings.Clone(w)
	id := int32(len(s.lexemes))
	s.lexemes = append(s.lexemes, lexeme{text: w})
	lx := &s.lexemes[id]
	s.taggerLexeme(lx)
	s.extractLexeme(lx)
	s.lexIndex[w] = id
	return id
}

// tagID returns the id of a tag name, giving names the model does not know
// an id of their own.
func (s *scratch) tagID(name string) int32 {
	if id, ok := s.m.tagIndex[name]; ok {
		return id
	}
	if id, ok := s.extraTags[name]; ok {
		return id
	}
	id := int32(len(s.tagNames))
	name = strings.Clone(name)
	s.tagNames = append(s.tagNames, name)
	s.extraTags[name] = id
	return id
}

func grow(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}

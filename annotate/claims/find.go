package claims

import (
	"slices"
	"sync"

	"glossa/annotate"
)

// side says where a cue's content lies.
type side uint8

const (
	sideAfter  side = iota // "X said (that) …", "according to X, …"
	sideBefore             // "…, X said.", `"…," said X.`
	sideBoth               // "The plan, he said, will fail." `"…," he said, "…"`
)

// attribution is a cue with its subject: the part of a sentence that says
// who said the content.
type attribution struct {
	cueFrom, cueTo int // token range of the cue
	cue            cue
	subj           np
	inherit        bool // the subject is the main clause's: ", adding that …", "and said …"
	passive        bool // "it was reported that …": no subject, or one after "by"
	relative       bool // "Smith, who said …, left": the content ends at the next comma
	from, to       int  // token range of the whole attribution: subject, cue, addressee, adjuncts
	side           side
}

// finder holds one run of Find.
type finder struct {
	doc       *annotate.Document
	runes     []rune
	toks      []token
	quotes    []quote
	sents     []sentence
	sentOf    []int32 // sentence index of each token
	sentFirst []int   // index of each sentence's first token after opening quote marks and brackets
	ents      []annotate.Entity
	entAt     []int32 // index into ents of the entity holding each token, or -1
	claims    []found
	// fullByLast maps a person's lower-case last name to the fullest name
	// the article gives them (built with the mentions); acronyms maps an
	// acronym to the name it stands for (built on first use).
	fullByLast map[string]string
	acronyms   map[string]string
}

// found is a claim while Find builds it: its parts as token ranges.
type found struct {
	parts    [][2]int // token ranges of the content, in order
	spans    []annotate.Span
	kind     Kind
	cue      [2]int // token range; cue[1] == 0 when there is none
	subj     np
	inherit  int // 1 + the index of the claim whose speaker this one carries on; 0 for none
	sentence int
	resolved resolution
}

// Find returns the claims of d in document order. ents are the entity
// suggestions for d (code points into d's text, in any order; nil works,
// less well): speakers are matched to them, and pronouns and descriptions
// resolved to them. The headline (unless it is the whole text), byline and
// dateline are not searched.
func Find(d *annotate.Document, ents []annotate.Entity) []Claim {
	if d == nil || d.Text == nil {
		return nil
	}
	f := finders.Get().(*finder)
	defer f.release()
	f.doc = d
	for _, r := range d.Text.String() {
		f.runes = append(f.runes, r)
	}
	f.toks = tokenize(d, f.runes, f.toks)
	if len(f.toks) == 0 {
		return nil
	}
	f.quotes = pairQuotes(f.toks, f.quotes)
	f.sents = splitSentences(f.toks, f.sents)
	f.sentOf = slices.Grow(f.sentOf, len(f.toks))[:len(f.toks)]
	f.sentFirst = slices.Grow(f.sentFirst, len(f.sents))[:len(f.sents)]
	for si, s := range f.sents {
		for i := s.from; i < s.to; i++ {
			f.sentOf[i] = int32(si)
		}
		j := s.from
		for j < s.to-1 && (f.toks[j].kind == tQuote || f.toks[j].text == "(") {
			j++
		}
		f.sentFirst[si] = j
	}
	f.indexEntities(ents)
	for si := range f.sents {
		if f.skipBlock(f.sents[si].from) {
			continue
		}
		f.sentence(si)
	}
	f.continueQuotes()
	f.resolveAll()
	return f.output()
}

// finders keeps finders between calls, so that Find reuses their buffers
// instead of allocating them for each article.
var finders = sync.Pool{New: func() any { return new(finder) }}

// release empties f, keeping its buffers but nothing of the article, and
// returns it to finders.
func (f *finder) release() {
	clear(f.toks)
	clear(f.ents)
	clear(f.claims)
	*f = finder{
		runes: f.runes[:0], toks: f.toks[:0], quotes: f.quotes[:0], sents: f.sents[:0],
		sentOf: f.sentOf[:0], sentFirst: f.sentFirst[:0], ents: f.ents[:0], entAt: f.entAt[:0],
		claims: f.claims[:0],
	}
	finders.Put(f)
}

// skipBlock reports whether the token's block is not searched for claims.
func (f *finder) skipBlock(i int) bool {
	b := f.toks[i].block
	if b < 0 || b >= len(f.doc.Blocks) {
		return true
	}
	switch f.doc.Blocks[b].Kind {
	case annotate.Byline, annotate.Dateline:
		return true
	case annotate.Headline:
		// A headline is searched only when it is the whole text, or too
		// long to be a headline.
		return len(f.doc.Blocks) > 1 && f.doc.Blocks[b].Len() <= 160
	}
	return false
}

// sentStart reports whether toks[i] opens its sentence, after any opening
// quote marks or brackets.
func (f *finder) sentStart(i int) bool {
	return i == f.sentFirst[f.sentOf[i]]
}

// indexEntities keeps the valid entities, sorted, and marks the tokens
// each one holds.
func (f *finder) indexEntities(ents []annotate.Entity) {
	n := len(f.runes)
	for _, e := range ents {
		if e.Start >= 0 && e.End <= n && e.Start < e.End {
			f.ents = append(f.ents, e)
		}
	}
	slices.SortStableFunc(f.ents, func(a, b annotate.Entity) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	f.entAt = slices.Grow(f.entAt, len(f.toks))[:len(f.toks)]
	ei := 0
	for i, t := range f.toks {
		f.entAt[i] = -1
		for ei < len(f.ents) && f.ents[ei].End <= t.start {
			ei++
		}
		for k := ei; k < len(f.ents) && f.ents[k].Start < t.end; k++ {
			if f.ents[k].End > t.start {
				f.entAt[i] = int32(k)
				break
			}
		}
	}
}

// sentence finds the claims of sentence si.
func (f *finder) sentence(si int) {
	s := f.sents[si]
	var atts []attribution
	for i := s.from; i < s.to; i++ {
		if a, ok := f.attribution(s, i, atts); ok {
			atts = append(atts, a)
			i = max(i, a.cueTo-1)
		}
	}
	atts = f.prune(s, atts)
	for k := range atts {
		f.claimFor(si, atts, k)
	}
}

// prune drops the attributions that report no claim of their own: a
// quote-only cue ("asked", "continued") away from any quote, and an
// attribution that opens the content of the one before it ("Kelly said she
// asked for the interview"), which stays part of that content.
func (f *finder) prune(s sentence, atts []attribution) []attribution {
	out := atts[:0]
	for _, a := range atts {
		if a.cue.class == classQuote && !(a.from > s.from && f.closesQuote(a.from-1)) &&
			!(a.to < s.to && f.toks[a.to].kind == tQuote) && !(a.to+1 < s.to && f.toks[a.to+1].kind == tQuote) {
			continue
		}
		if n := len(out); n > 0 && out[n-1].side == sideAfter && !a.inherit {
			start := out[n-1].to
			for start < s.to && (f.toks[start].kind == tPunct || f.toks[start].low == "that") {
				start++
			}
			if a.from <= start && a.cueFrom > start {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

package learn

import (
	"cmp"
	"hash/fnv"
	"slices"
	"strconv"

	"glossa/annotate"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/learn/wire"
)

// Decisions are what the reader did in one document, the evidence learning
// reads (see wire.Decisions, which the page sends the tagging worker as
// bytes).
type Decisions = wire.Decisions

// FromWorkspace returns the decisions of a workspace.
func FromWorkspace(w annotate.Workspace) Decisions {
	d := Decisions{Text: w.Doc.Text.String(), Notes: w.Notes}
	for k, ok := range w.Rejected {
		if ok {
			d.Rejected = append(d.Rejected, k)
		}
	}
	slices.SortFunc(d.Rejected, annotate.CompareKeys)
	return d
}

// Rest says what the gold tags of a corrected sentence are where none of
// the reader's decisions says anything.
type Rest int

const (
	// RestModel takes the model's own tags there, so that only what the
	// reader corrected moves the weights, and the rest of the sentence is
	// held as it was: the default.
	RestModel Rest = iota
	// RestUnsure learns nothing there.
	RestUnsure
	// RestOutside takes O there: the reader is taken to have marked every
	// entity of a sentence they corrected.
	RestOutside
)

// Correction is a sentence to learn from and its gold tags, as the reader's
// decisions make them (see Corrections).
type Correction struct {
	// Sentence is the sentence's index in the Reading.
	Sentence int
	// Gold are the sentence's gold tags, in the model's tag set.
	Gold []news.Tag
	// Unsure marks tokens whose tag the decisions do not settle (a note
	// whose ends fall inside a token, or one overlapping another): no
	// update is made there. Nil when every token is settled.
	Unsure []bool
	// Items identify the decisions that start in the sentence (see Item):
	// a note, by its ID, span and label, or a rejection. Decisions about a
	// label the model lacks (DATE) teach it little and are not counted.
	Items []uint64
}

// Item identifies one decision of the reader's in a document: a note (its
// ID, span and label: a relabeled note is a new decision) or a rejected
// suggestion. The learner counts the decisions it has learned from by
// these.
func Item(docID, kind, id string, k annotate.SuggestionKey) uint64 {
	h := fnv.New64a()
	for _, s := range []string{docID, kind, id, string(k.Label), strconv.Itoa(k.Span.Start), strconv.Itoa(k.Span.End)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// Corrections turns the decisions about a document into sentences to learn
// from, given how the model (with what it learned so far) reads the
// document, rd (news.Recognizer.Read of d.Text). A sentence with a
// decision in it, a note with an entity label or a rejected suggestion,
// is a training sentence. Its gold tags start as the model's own tags, so
// that only what the reader corrected moves the weights, and then:
//
//   - a rejected suggestion the model still makes loses the chunk of tags
//     it came from: its tokens are O;
//   - a note the model already makes (an entity of the same span and label
//     from one of its chunks) keeps that chunk;
//   - any other note becomes a chunk of the model's type for its label
//     (TypeFor) over its tokens, replacing the chunks it overlaps; a note
//     of a label the model lacks (DATE) makes its tokens O;
//   - a note whose ends fall inside a token, or that overlaps a note placed
//     before it (notes go by start, longest first), makes its tokens
//     unsure.
//
// Notes take precedence over rejections. Decisions outside every sentence
// are left out. A sentence holding only decisions about labels the model
// lacks is no training sentence.
func Corrections(m *news.Model, rd *news.Reading, d Decisions, rest Rest) []Correction {
	docID := annotate.DocumentID(d.Text)
	notes := make([]annotate.Note, 0, len(d.Notes))
	for _, n := range d.Notes {
		if n.Label.Valid() {
			notes = append(notes, n)
		}
	}
	slices.SortFunc(notes, func(a, b annotate.Note) int {
		return cmp.Or(a.Span.Start-b.Span.Start, b.Span.End-a.Span.End, cmp.Compare(a.ID, b.ID))
	})
	var out []Correction
	for si, s := range rd.Sentences {
		if len(s.Tokens) == 0 {
			continue
		}
		first, last := s.Tokens[0].Start, s.Tokens[len(s.Tokens)-1].End
		in := func(sp annotate.Span) bool { return sp.Start < last && first < sp.End }
		c := Correction{Sentence: si}
		removed := make([]bool, len(s.Chunks))
		for _, k := range d.Rejected {
			if !in(k.Span) {
				continue
			}
			if _, ok := TypeFor(m, k.Label); ok && k.Span.Start >= first {
				c.Items = append(c.Items, Item(docID, "rejected", "", k))
			}
			for _, e := range s.Entities {
				if e.Key() == k && e.Chunk >= 0 {
					removed[e.Chunk] = true
				}
			}
		}
		var placed []news.Mention // from notes
		taken := make([]bool, len(s.Tokens))
		unsure := func(sp annotate.Span) {
			if c.Unsure == nil {
				c.Unsure = make([]bool, len(s.Tokens))
			}
			for j, t := range s.Tokens {
				if t.Start < sp.End && sp.Start < t.End {
					c.Unsure[j] = true
				}
			}
		}
		for _, n := range notes {
			if !in(n.Span) {
				continue
			}
			if _, ok := TypeFor(m, n.Label); ok && n.Span.Start >= first {
				c.Items = append(c.Items, Item(docID, "note", n.ID, annotate.SuggestionKey{Span: n.Span, Label: n.Label}))
			}
			i, j := tokenRange(s.Tokens, n.Span)
			if i < 0 || slices.Contains(taken[i:j], true) {
				unsure(n.Span)
				continue
			}
			for t := i; t < j; t++ {
				taken[t] = true
			}
			if k := madeBy(s, n); k >= 0 {
				removed[k] = false
				placed = append(placed, s.Chunks[k])
				continue
			}
			for k, ch := range s.Chunks {
				if ch.Start < j && i < ch.End {
					removed[k] = true
				}
			}
			if typ, ok := TypeFor(m, n.Label); ok {
				placed = append(placed, news.Mention{Start: i, End: j, Type: typ})
			}
		}
		if len(c.Items) == 0 {
			continue
		}
		switch rest {
		case RestOutside:
			for k := range removed {
				removed[k] = !slices.Contains(placed, s.Chunks[k])
			}
		case RestUnsure:
			sure := taken
			for k, ch := range s.Chunks {
				if removed[k] {
					for t := ch.Start; t < ch.End; t++ {
						sure[t] = true
					}
				}
			}
			for t, ok := range sure {
				if !ok {
					if c.Unsure == nil {
						c.Unsure = make([]bool, len(s.Tokens))
					}
					c.Unsure[t] = true
				}
			}
		}
		ms := placed
		for k, ch := range s.Chunks {
			if !removed[k] && !slices.ContainsFunc(placed, func(p news.Mention) bool { return p == ch }) {
				ms = append(ms, ch)
			}
		}
		slices.SortFunc(ms, func(a, b news.Mention) int { return a.Start - b.Start })
		c.Gold = m.MentionTags(len(s.Tokens), ms)
		out = append(out, c)
	}
	return out
}

// madeBy returns the index of the chunk from which the model makes note
// n's entity (the same span and label), or -1.
func madeBy(s news.ReadSentence, n annotate.Note) int {
	for _, e := range s.Entities {
		if e.Span == n.Span && e.Label == n.Label && e.Chunk >= 0 {
			return e.Chunk
		}
	}
	return -1
}

// tokenRange returns the tokens [i, j) whose ends are the span's, or -1.
func tokenRange(toks []annotate.Span, sp annotate.Span) (int, int) {
	i, j := -1, -1
	for k, t := range toks {
		if t.Start == sp.Start {
			i = k
		}
		if t.End == sp.End {
			j = k + 1
		}
	}
	if i < 0 || j <= i {
		return -1, -1
	}
	return i, j
}

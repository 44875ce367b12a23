package news

import (
	"glossa/annotate"
)

// Reading is what a Recognizer made of one document (Recognizer.Read):
// each sentence's tokens, the model's tags, the chunks of those tags and
// the entities they became. It is what learning from a reader's
// corrections reads (which tokens a note covers, what the model said of
// them), and Learn makes a perceptron update on one of its sentences, in
// the document context it was tagged in. A Reading is for one caller.
type Reading struct {
	// Sentences are the document's sentences, in order, block by block.
	Sentences []ReadSentence
	m         *Model
	inputs    []*sentenceInput // each sentence as it was tagged, its document context frozen
	base      int              // code point offset of the block being added
}

// ReadSentence is a sentence of a Reading.
type ReadSentence struct {
	// Tokens are the sentence's tokens, in code points of the document's
	// text, end exclusive.
	Tokens []annotate.Span
	// Tags are the tags the model (plus the recognizer's delta) gave the
	// tokens.
	Tags []Tag
	// Chunks are the entities of Tags, in order: token ranges and the
	// model's types.
	Chunks []Mention
	// Entities are what Recognize found in the sentence, as
	// annotate.RecognizeBlocks reports them (offsets into the document's
	// text), each with the chunk it came from.
	Entities []ReadEntity
}

// ReadEntity is an entity of a Reading.
type ReadEntity struct {
	annotate.Entity
	// Chunk is the index in the sentence's Chunks of the chunk the entity
	// came from (the rules of the recognizer may have trimmed, split or
	// relabeled it), or -1 for an entity of rules alone (a date).
	Chunk int
}

// Read tags the document text as annotate.RecognizeBlocks does with r (its
// blocks, annotate.NewDocument's, read as one document), and returns what
// it read. text should be normalized (annotate.NormalizeText), as a
// Workspace's is: offsets are code points of annotate.NewDocument(text).
// The entities of its sentences, in order, are exactly what
// RecognizeBlocks finds.
func (r *Recognizer) Read(text string) *Reading {
	d := annotate.NewDocument(text)
	rd := &Reading{m: r.m}
	dr := r.ForDocument(d.Text.String()).(*docRecognizer)
	for i, b := range d.Blocks {
		rd.base = b.Start
		dr.read(d.BlockText(i), rd)
	}
	return rd
}

// Entities returns the entities of every sentence, in order: what
// annotate.RecognizeBlocks finds in the text.
func (rd *Reading) Entities() []annotate.Entity {
	var out []annotate.Entity
	for _, s := range rd.Sentences {
		for _, e := range s.Entities {
			out = append(out, e.Entity)
		}
	}
	return out
}

// addBlock adds the sentences of a block the recognizer just tagged:
// tokens and spans are in bytes of the block's text.
func (rd *Reading) addBlock(text string, toks []Token, sents []sentence, doc *Document, tags [][]Tag, spans [][]span) {
	var tp, ep points
	for si, s := range sents {
		in := &doc.sents[si]
		in.frozen = true
		rs := ReadSentence{Tags: tags[si], Tokens: make([]annotate.Span, s.end-s.start)}
		for j, t := range toks[s.start:s.end] {
			rs.Tokens[j] = annotate.Span{Start: rd.base + tp.at(text, t.Start), End: rd.base + tp.at(text, t.End)}
		}
		for _, c := range chunks(tags[si]) {
			rs.Chunks = append(rs.Chunks, Mention{Start: c.start, End: c.end, Type: rd.m.info.Types[c.typ]})
		}
		for _, sp := range spans[si] {
			start, end := ep.at(text, sp.start), ep.at(text, sp.end)
			rs.Entities = append(rs.Entities, ReadEntity{
				Entity: annotate.Entity{Span: annotate.Span{Start: rd.base + start, End: rd.base + end}, Label: sp.label, Text: text[sp.start:sp.end]},
				Chunk:  sp.chunk - 1,
			})
		}
		rd.Sentences = append(rd.Sentences, rs)
		rd.inputs = append(rd.inputs, in)
	}
}

// rawChunk returns the index of the chunk of cs that holds token i, or -1.
func rawChunk(cs []chunk, i int) int {
	for k, c := range cs {
		if c.start <= i && i < c.end {
			return k
		}
	}
	return -1
}

// LearnOptions tune Reading.Learn. The zero value makes a perceptron's
// update: 1 at each token tagged wrong.
type LearnOptions struct {
	// Rate scales each update (0 means 1).
	Rate float32
	// Trust, when not 0, shrinks each feature's update by how much the
	// base model weighs it: the rate is divided by 1 + w/Trust, w being
	// the largest weight of its row in the model. A feature the model
	// weighs heavily fires often in what it was trained on, so changing it
	// changes the tagging of much of that text; one the model lacks (a new
	// word, a new pairing of words) changes nothing else.
	Trust float32
	// Margin makes a token count as wrong when its gold tag wins by less
	// than Margin over the best other tag, so that what is learned holds
	// in contexts a little different from the sentence's (0: only a token
	// tagged wrong is).
	Margin float32
	// Also, when not nil, receives every update made to the delta too.
	Also *Delta
}

// Learn makes one pass of perceptron updates over sentence i against its
// gold tags: it tags the sentence with the model plus delta, in the
// document context the sentence was read in, and where a token's tag is
// not gold (or wins by less than the margin) it adds the rate (shrunk by
// Trust) to the gold tag's weight and subtracts it from the rival tag's,
// for each of the token's features, in delta. Tokens marked in unsure (which may be nil)
// are not learned from, nor are gold tags outside the model's tag set. It
// returns the number of updates.
func (rd *Reading) Learn(i int, gold []Tag, unsure []bool, delta *Delta, opt LearnOptions) int {
	s := rd.inputs[i]
	if len(gold) != len(s.ws) || unsure != nil && len(unsure) != len(s.ws) {
		return 0
	}
	rate := opt.Rate
	if rate == 0 {
		rate = 1
	}
	n := rd.m.ntags
	dec := newDecoder(n, rd.m.scorer(delta))
	updates := 0
	prev, prev2 := uint8(tagStart), uint8(tagStart)
	for j := range s.ws {
		dec.feats = s.features(j, prev, prev2, dec.feats[:0])
		last := j == len(s.ws)-1
		t := dec.best(prev, last)
		g := gold[j]
		if int(g) < n && (unsure == nil || !unsure[j]) {
			rival := t
			if t == g && opt.Margin > 0 {
				rival = dec.runnerUp(prev, last, g)
				if rival == g || dec.scores[g]-dec.scores[rival] >= opt.Margin {
					rival = g
				}
			}
			if rival != g {
				updates++
				for _, f := range dec.feats {
					r := rate
					if opt.Trust > 0 {
						r /= 1 + rd.m.weight(f)/opt.Trust
					}
					delta.Add(f, g, r, n)
					delta.Add(f, rival, -r, n)
					if opt.Also != nil {
						opt.Also.Add(f, g, r, n)
						opt.Also.Add(f, rival, -r, n)
					}
				}
			}
		}
		prev2, prev = prev, uint8(t)
	}
	return updates
}

// runnerUp returns the best tag allowed after prev other than not, by
// d.scores, or not itself when no other is allowed.
func (d *decoder) runnerUp(prev uint8, last bool, not Tag) Tag {
	best, found := not, false
	for j := range d.ntags {
		t := Tag(j)
		if t == not || !allowed(prev, t) || last && t != Outside && (t.pos() == posB || t.pos() == posI) {
			continue
		}
		if !found || d.scores[j] > d.scores[best] {
			best, found = t, true
		}
	}
	return best
}

// MentionTags returns the BILOU tags of n tokens holding the mentions ms
// (sorted by start), in the model's tag set: mentions of types the model
// lacks, empty ones and those overlapping an earlier one are left out.
func (m *Model) MentionTags(n int, ms []Mention) []Tag {
	types := make(map[string]int, len(m.info.Types))
	for i, t := range m.info.Types {
		types[t] = i
	}
	var cs []chunk
	for _, c := range mentionChunks(ms, types) {
		if c.end <= n {
			cs = append(cs, c)
		}
	}
	return encodeBILOU(n, cs)
}

// weight returns the largest weight, in absolute value, of a feature's
// row in the model, 0 if it has none.
func (m *Model) weight(key uint64) float32 {
	at := m.row(key)
	if at < 0 {
		return 0
	}
	scale := m.scales[m.table[at+scaleAt]]
	var top int8
	for _, w := range m.table[at+weightsAt : at+weightsAt+m.ntags] {
		top = max(top, int8(w), -int8(w))
	}
	return scale * float32(top)
}

package news

// Delta is a sparse change to a model's weights: what online learning from
// a reader's corrections adds to the base model, kept apart from it so the
// base model file stays as shipped. Values are in the units of a perceptron
// update (Learn adds 1 and subtracts 1).
type Delta map[DeltaKey]float32

// DeltaKey is one weight: a feature key (see Model.Features) and a tag.
type DeltaKey struct {
	Feature uint64
	Tag     Tag
}

// Document is a text being tagged, or learned from, as sentences of
// tokens. It carries what tagging one sentence knows of the others: how
// each word is cased elsewhere in the document, and how the sentences
// tagged so far tagged it. Tag or learn its sentences in order.
type Document struct {
	sents []sentenceInput
	ctx   *docContext
}

// NewDocument prepares a document of sentences of tokens' text for the
// model.
func (m *Model) NewDocument(sentences [][]string) *Document { return newDocumentWith(sentences, m) }

// newDocumentWith prepares a document, marking the names on m's name
// lists (m may be nil).
func newDocumentWith(sentences [][]string, m *Model) *Document {
	d := &Document{sents: make([]sentenceInput, len(sentences)), ctx: newDocContext()}
	for i, s := range sentences {
		ws := make([]word, len(s))
		for j, t := range s {
			ws[j] = newWord(t)
		}
		if m != nil && len(m.gazKeys) > 0 {
			markNames(ws, m)
		}
		d.sents[i] = sentenceInput{ws: ws, mode: lineMode(ws), doc: d.ctx}
		d.ctx.observe(ws, d.sents[i].mode)
	}
	return d
}

// maxNameWords is the longest name, in tokens, looked up in name lists.
const maxNameWords = 4

// markNames sets each word's names field: for each list a name of which
// covers it, the word's position in the name.
func markNames(ws []word, m *Model) {
	for i := range ws {
		h := uint64(fnvOffset)
		for n := 1; n <= maxNameWords && i+n <= len(ws); n++ {
			if n > 1 {
				h = hashRune(h, ' ')
			}
			for k := 0; k < len(ws[i+n-1].lower); k++ {
				h ^= uint64(ws[i+n-1].lower[k])
				h *= fnvPrime
			}
			mask := m.lists(key1(fNameKey, h))
			for l := 0; mask != 0; l, mask = l+1, mask>>1 {
				if mask&1 == 0 {
					continue
				}
				if n == 1 {
					ws[i].names |= 1 << (4*l + posU)
					continue
				}
				ws[i].names |= 1 << (4*l + posB)
				for j := i + 1; j < i+n-1; j++ {
					ws[j].names |= 1 << (4*l + posI)
				}
				ws[i+n-1].names |= 1 << (4*l + posL)
			}
		}
	}
}

// nameKey is the key of a name of lower-case tokens in a name list.
func nameKey(tokens []string) uint64 {
	h := uint64(fnvOffset)
	for i, t := range tokens {
		if i > 0 {
			h = hashRune(h, ' ')
		}
		t = toLower(t)
		for k := 0; k < len(t); k++ {
			h ^= uint64(t[k])
			h *= fnvPrime
		}
	}
	return key1(fNameKey, h)
}

// Len returns the number of sentences.
func (d *Document) Len() int { return len(d.sents) }

// record remembers sentence i's tags for the sentences after it.
func (d *Document) record(i int, tags []Tag) {
	for j, w := range d.sents[i].ws {
		if w.class == clsTitle || w.class == clsUpper || w.class == clsMixed {
			d.ctx.last[w.hLower] = uint8(tags[j]) + 1
		}
	}
}

// scorer adds the weights of feature keys to per-tag scores.
type scorer interface {
	score(keys []uint64, scores []float32)
}

// modelScorer scores with a model's weights plus a delta.
type modelScorer struct {
	m     *Model
	delta Delta
}

func (s *modelScorer) score(keys []uint64, scores []float32) {
	m := s.m
	n := m.ntags
	scores = scores[:n]
	for _, k := range keys {
		slot := m.row(k)
		if slot < 0 {
			continue
		}
		row := m.weights[slot*n : slot*n+n]
		for j, w := range row {
			scores[j] += m.value[w]
		}
	}
	if len(s.delta) > 0 {
		for _, k := range keys {
			for j := range n {
				scores[j] += s.delta[DeltaKey{k, Tag(j)}]
			}
		}
	}
}

func (m *Model) scorer(delta Delta) *modelScorer {
	return &modelScorer{m: m, delta: delta}
}

// decoder tags sentences greedily, left to right.
type decoder struct {
	ntags  int
	sc     scorer
	feats  []uint64
	scores []float32
}

func newDecoder(ntags int, sc scorer) *decoder {
	return &decoder{ntags: ntags, sc: sc, scores: make([]float32, ntags)}
}

// best returns the best tag allowed after prev for the token whose
// features are in d.feats; last says the token ends its sentence.
func (d *decoder) best(prev uint8, last bool) Tag {
	clear(d.scores)
	d.sc.score(d.feats, d.scores)
	best, bestScore := Outside, float32(0)
	found := false
	for j := range d.ntags {
		t := Tag(j)
		if !allowed(prev, t) || last && t != Outside && (t.pos() == posB || t.pos() == posI) {
			continue
		}
		if !found || d.scores[j] > bestScore {
			best, bestScore, found = t, d.scores[j], true
		}
	}
	return best
}

// tag tags sentence s into tags; learn, when not nil, is called at each
// token with its features, its predicted tag and its index, and returns
// the tag to continue with (the prediction, when learning follows it).
func (d *decoder) tag(s *sentenceInput, tags []Tag) {
	prev, prev2 := uint8(tagStart), uint8(tagStart)
	for i := range s.ws {
		d.feats = s.features(i, prev, prev2, d.feats[:0])
		t := d.best(prev, i == len(s.ws)-1)
		tags[i] = t
		prev2, prev = prev, uint8(t)
	}
}

// Tag tags sentence i of d with the model plus delta (which may be nil),
// records its tags in d for the sentences after it, and returns them.
func (m *Model) Tag(d *Document, i int, delta Delta) []Tag {
	dec := newDecoder(m.ntags, m.scorer(delta))
	tags := make([]Tag, len(d.sents[i].ws))
	dec.tag(&d.sents[i], tags)
	d.record(i, tags)
	return tags
}

// Features returns the feature keys of each token of sentence i of d,
// given the sentence's tags (the tags before each token are part of its
// features).
func (m *Model) Features(d *Document, i int, tags []Tag) [][]uint64 {
	s := &d.sents[i]
	out := make([][]uint64, len(s.ws))
	prev, prev2 := uint8(tagStart), uint8(tagStart)
	for j := range s.ws {
		out[j] = s.features(j, prev, prev2, nil)
		prev2, prev = prev, uint8(tags[j])
	}
	return out
}

// Scores sets scores (one per tag) to the model's scores, plus delta's,
// for a token with the given features.
func (m *Model) Scores(features []uint64, delta Delta, scores []float32) {
	clear(scores[:m.ntags])
	m.scorer(delta).score(features, scores[:m.ntags])
}

// NumTags returns the size of the model's tag set.
func (m *Model) NumTags() int { return m.ntags }

// Learn makes one perceptron pass over sentence i of d against its gold
// tags: it tags the sentence with the model plus delta, and where a token's
// tag is wrong it adds 1 to the gold tag's weight and subtracts 1 from the
// predicted tag's, for each of the token's features, in delta. It records
// the gold tags in d for the sentences after it, and returns the number of
// tokens that were wrong.
func (m *Model) Learn(d *Document, i int, gold []Tag, delta Delta) int {
	s := &d.sents[i]
	if len(gold) != len(s.ws) {
		return 0
	}
	dec := newDecoder(m.ntags, m.scorer(delta))
	wrong := 0
	prev, prev2 := uint8(tagStart), uint8(tagStart)
	for j := range s.ws {
		dec.feats = s.features(j, prev, prev2, dec.feats[:0])
		t := dec.best(prev, j == len(s.ws)-1)
		if t != gold[j] && int(gold[j]) < m.ntags {
			wrong++
			for _, f := range dec.feats {
				delta[DeltaKey{f, gold[j]}]++
				delta[DeltaKey{f, t}]--
			}
			t = gold[j]
		}
		prev2, prev = prev, uint8(t)
	}
	d.record(i, gold)
	return wrong
}

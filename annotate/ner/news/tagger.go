package news

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
	return newDocumentIn(newDocContext(), sentences, m)
}

// newDocumentIn prepares sentences as a part of the document whose context
// is ctx.
func newDocumentIn(ctx *docContext, sentences [][]string, m *Model) *Document {
	d := &Document{sents: make([]sentenceInput, len(sentences)), ctx: ctx}
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
		if capitalized(w.class) {
			d.ctx.last[w.hLower] = uint8(tags[j]) + 1
		}
	}
}

func capitalized(class uint8) bool {
	return class == clsTitle || class == clsUpper || class == clsMixed
}

// scorer adds the weights of feature keys to per-tag scores.
type scorer interface {
	score(keys []uint64, scores []float32)
}

// modelScorer scores with a model's weights plus a delta.
type modelScorer struct {
	m     *Model
	delta *Delta // nil when empty or of another model
}

func (s *modelScorer) score(keys []uint64, scores []float32) {
	m := s.m
	n := m.ntags
	scores = scores[:n]
	all := keys
	if m.slots > 0 {
		// First read every key's home slot, loads the processor can
		// overlap, then probe and add: the table is larger than the
		// caches, and waiting on each load in turn is most of the cost.
		var homes [64]int32
		var firsts [64]uint16
		for len(keys) > 0 {
			batch := keys[:min(len(keys), len(homes))]
			keys = keys[len(batch):]
			for i, k := range batch {
				at := home(k, m.slots) * m.stride
				homes[i] = int32(at)
				firsts[i] = m.fps[at>>1]
			}
			for i, k := range batch {
				fp := fingerprint(k)
				at := int(homes[i])
				switch firsts[i] {
				case fp:
				case 0:
					continue
				default:
					if at = m.probe(at, fp); at < 0 {
						continue
					}
				}
				scale := m.scales[m.table[at+scaleAt]]
				row := m.table[at+weightsAt : at+weightsAt+n]
				for j, w := range row {
					scores[j] += scale * float32(int8(w))
				}
			}
		}
	}
	if s.delta != nil {
		for _, k := range all {
			for j, v := range s.delta.Row(k) {
				scores[j] += v
			}
		}
	}
}

// scorer returns a scorer with m's weights plus delta (which may be nil),
// reading it as it changes.
func (m *Model) scorer(delta *Delta) *modelScorer {
	s := &modelScorer{m: m}
	if delta != nil && delta.Tags() == m.ntags || delta.Len() == 0 {
		s.delta = delta
	}
	return s
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

// pick returns the best tag allowed after prev by d.scores; last says the
// token ends its sentence.
func (d *decoder) pick(prev uint8, last bool) Tag {
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

// best scores the features in d.feats and picks a tag.
func (d *decoder) best(prev uint8, last bool) Tag {
	clear(d.scores)
	d.sc.score(d.feats, d.scores)
	return d.pick(prev, last)
}

// tagDocument tags every sentence of doc, in order.
func (d *decoder) tagDocument(doc *Document) [][]Tag {
	tags := make([][]Tag, len(doc.sents))
	for si := range doc.sents {
		s := &doc.sents[si]
		tags[si] = make([]Tag, len(s.ws))
		d.tag(s, tags[si])
		doc.record(si, tags[si])
	}
	return tags
}

// tag tags sentence s into tags.
func (d *decoder) tag(s *sentenceInput, tags []Tag) {
	s.snapshot()
	prev, prev2 := uint8(tagStart), uint8(tagStart)
	for i := range s.ws {
		d.feats = s.features(i, prev, prev2, d.feats[:0])
		t := d.best(prev, i == len(s.ws)-1)
		tags[i] = t
		prev2, prev = prev, uint8(t)
	}
}

// Tag tags the sentences of d, in order, with the model plus delta (which
// may be nil), and returns their tags, sentence by sentence. Each
// sentence's tagging knows how the sentences before it tagged its words.
func (m *Model) Tag(d *Document, delta *Delta) [][]Tag {
	return newDecoder(m.ntags, m.scorer(delta)).tagDocument(d)
}

// Features returns the feature keys of each token of sentence i of d,
// given the sentence's tags (the tags before each token are part of its
// features) and what d knows from its last tagging.
func (m *Model) Features(d *Document, i int, tags []Tag) [][]uint64 {
	s := &d.sents[i]
	s.snapshot()
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
func (m *Model) Scores(features []uint64, delta *Delta, scores []float32) {
	clear(scores[:m.ntags])
	m.scorer(delta).score(features, scores[:m.ntags])
}

// NumTags returns the size of the model's tag set.
func (m *Model) NumTags() int { return m.ntags }

// Learn makes one perceptron pass over sentence i of d against its gold
// tags, with what d knows from its last tagging (Tag): it tags the
// sentence with the model plus delta, and where a token's tag is wrong it
// adds 1 to the gold tag's weight and subtracts 1 from the predicted tag's,
// for each of the token's features, in delta. It returns the number of
// tokens that were wrong. A reader's correction of one sentence is one
// call; tag the document again to see its effect.
func (m *Model) Learn(d *Document, i int, gold []Tag, delta *Delta) int {
	s := &d.sents[i]
	if len(gold) != len(s.ws) {
		return 0
	}
	dec := newDecoder(m.ntags, m.scorer(delta))
	return dec.learn(s, gold, nil, nil, func(feats []uint64, gold, pred Tag) {
		for _, f := range feats {
			delta.Add(f, gold, 1, m.ntags)
			delta.Add(f, pred, -1, m.ntags)
		}
	}, nil)
}

// learn tags sentence s, calling update at each token whose tag is not the
// gold one (unless unsure marks it); the tags before a token are the
// predicted ones, as when tagging. It stores the predicted tags in tags,
// when not nil, and calls tick after each token, when not nil. It returns
// the number of tokens tagged wrong.
func (d *decoder) learn(s *sentenceInput, gold []Tag, unsure []bool, tags []Tag, update func(feats []uint64, gold, pred Tag), tick func()) int {
	s.snapshot()
	wrong := 0
	prev, prev2 := uint8(tagStart), uint8(tagStart)
	for j := range s.ws {
		d.feats = s.features(j, prev, prev2, d.feats[:0])
		t := d.best(prev, j == len(s.ws)-1)
		if t != gold[j] && int(gold[j]) < d.ntags && (unsure == nil || !unsure[j]) {
			wrong++
			update(d.feats, gold[j], t)
		}
		if tick != nil {
			tick()
		}
		if tags != nil {
			tags[j] = t
		}
		prev2, prev = prev, uint8(t)
	}
	return wrong
}

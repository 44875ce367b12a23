package news

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a tokenized sentence and its entities: training and
// evaluation data.
type Sentence struct {
	Words    []string
	Entities []Mention
	// Unsure, when not nil, marks tokens whose tag nobody knows (say a
	// machine suggestion the reader neither accepted nor rejected):
	// training makes no update there.
	Unsure []bool
}

// Mention is an entity of a Sentence, as a range of its tokens.
type Mention struct {
	Start, End int // token indexes, end exclusive
	Type       string
}

// TrainDocument is a document of training or evaluation data: its
// sentences, in order (the tagger reads a document as a whole).
type TrainDocument []Sentence

// TrainOptions control Train. The zero value trains with defaults.
type TrainOptions struct {
	// Epochs is the most passes over the data (default 14). With Dev
	// data, the model kept is the one after the pass that scores best on
	// it.
	Epochs int
	// Seed seeds the order of documents in each pass (same seed, same
	// data: same model).
	Seed uint64
	// Dev is held-out data to choose the number of passes on.
	Dev []TrainDocument
	// TitleCase is the share of documents given a title-cased copy of one
	// of their sentences as a headline in each pass, so the model learns
	// that capitals in a title-case line say little (default 0: none; on
	// CoNLL-2003, 0.1 cost 0.1 of dev F1 and did not help the sample's
	// headline, which the recognizer's headline rules handle).
	TitleCase float64
	// MaxRows bounds the feature rows the model keeps, the least weighty
	// going first (default 170,000, which keeps a CoNLL-trained model
	// under 4 MB).
	MaxRows int
	// Lists are name lists (lower case, tokens joined by single spaces)
	// whose membership becomes features; at most 6 (Train adds two
	// casing lists of its own).
	Lists []NameList
	// Info is written in the model file; Types and Lists are filled in.
	Info Info
	// Progress, when not nil, is told about each pass.
	Progress func(Progress)
}

// NameList is a list of names, such as countries or cities.
type NameList struct {
	Name  string
	Names []string
}

// Progress reports one training pass.
type Progress struct {
	Epoch    int     // 1-based
	Mistakes int     // tokens tagged wrong during the pass
	Tokens   int     // tokens in the pass
	Dev      *Scores // the averaged model's scores on the dev data, if any
}

// ErrNoTrainingData is wrapped by Train's error when the data holds no
// entity to learn from.
var ErrNoTrainingData = errors.New("no training data")

// Train trains a model on docs and returns it with its model file. The
// same data and options give the same bytes.
func Train(docs []TrainDocument, opt TrainOptions) (*Model, []byte, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 14
	}
	if opt.MaxRows <= 0 {
		opt.MaxRows = 170_000
	}
	types := entityTypes(docs)
	if len(types) == 0 {
		return nil, nil, fmt.Errorf("train: %w: the documents mark no entity", ErrNoTrainingData)
	}
	if len(types) > 60 {
		return nil, nil, fmt.Errorf("train: %d entity types; a model takes at most 60", len(types))
	}
	info := opt.Info
	info.Types = types
	info.Lists = nil
	names := map[uint64]uint8{}
	if len(opt.Lists) > 6 {
		return nil, nil, fmt.Errorf("train: %d name lists; a model takes at most 6 besides its two casing lists", len(opt.Lists))
	}
	opt.Lists = append(slices.Clone(opt.Lists), casingLists(docs)...)
	for i, l := range opt.Lists {
		info.Lists = append(info.Lists, l.Name)
		for _, n := range l.Names {
			names[nameKey(strings.Fields(n))] |= 1 << i
		}
	}
	// A model with the name lists but no weights yet: training reads the
	// lists through it.
	lists, err := ParseModel(encode(info, &[256]float32{}, nil, names))
	if err != nil {
		return nil, nil, fmt.Errorf("train: %w", err)
	}
	typeIndex := map[string]int{}
	for i, t := range types {
		typeIndex[t] = i
	}
	ntags := numTags(len(types))
	w := newTrainWeights(ntags)
	var best map[uint64][]float32
	bestF1 := -1.0
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		p := Progress{Epoch: epoch}
		dec := newDecoder(ntags, w)
		for _, di := range order {
			doc := docs[di]
			if opt.TitleCase > 0 && rng.Float64() < opt.TitleCase {
				doc = withTitleCaseHeadline(doc, rng)
			}
			d := prepare(doc, lists)
			gold := make([][]Tag, len(doc))
			tags := make([][]Tag, len(doc))
			for si, s := range doc {
				gold[si] = encodeBILOU(len(s.Words), mentionChunks(s.Entities, typeIndex))
				tags[si] = make([]Tag, len(s.Words))
			}
			for si, s := range doc {
				p.Mistakes += dec.learn(&d.sents[si], gold[si], s.Unsure, tags[si], w.update, w.tick)
				p.Tokens += len(s.Words)
				d.record(si, tags[si])
			}
		}
		avg := w.average()
		if len(opt.Dev) > 0 {
			sc := evaluate(&mapScorer{rows: avg, ntags: ntags}, ntags, types, lists, opt.Dev)
			p.Dev = &sc
			if f := sc.Overall.F1(); f > bestF1 {
				best, bestF1 = avg, f
			}
		} else {
			best = avg
		}
		if opt.Progress != nil {
			opt.Progress(p)
		}
	}
	scales, rows := quantize(best, ntags, opt.MaxRows)
	data := encode(info, scales, rows, names)
	m, err := ParseModel(data)
	if err != nil {
		return nil, nil, fmt.Errorf("train: the model just made does not load: %w", err)
	}
	return m, data, nil
}

// entityTypes lists the entity types the documents mark, sorted.
func entityTypes(docs []TrainDocument) []string {
	seen := map[string]bool{}
	for _, d := range docs {
		for _, s := range d {
			for _, e := range s.Entities {
				seen[e.Type] = true
			}
		}
	}
	types := make([]string, 0, len(seen))
	for t := range seen {
		types = append(types, t)
	}
	sort.Strings(types)
	return types
}

// mentionChunks converts mentions to chunks, dropping those of unknown
// types, empty or out of order (overlapping ones after the first).
func mentionChunks(ms []Mention, types map[string]int) []chunk {
	var out []chunk
	end := 0
	for _, m := range ms {
		typ, ok := types[m.Type]
		if !ok || m.End <= m.Start || m.Start < end {
			continue
		}
		out = append(out, chunk{m.Start, m.End, typ})
		end = m.End
	}
	return out
}

// prepare makes a Document of training sentences, with the model's name
// lists.
func prepare(doc TrainDocument, m *Model) *Document {
	sents := make([][]string, len(doc))
	for i, s := range doc {
		sents[i] = s.Words
	}
	return newDocumentWith(sents, m)
}

// withTitleCaseHeadline returns doc with a title-cased copy of one of its
// sentences put first, as a headline.
func withTitleCaseHeadline(doc TrainDocument, rng *rand.Rand) TrainDocument {
	var candidates []int
	for i, s := range doc {
		if len(s.Words) >= 5 && len(s.Words) <= 30 {
			candidates = append(candidates, i)
		}
	}
	if len(candidates) == 0 {
		return doc
	}
	src := doc[candidates[rng.IntN(len(candidates))]]
	keepSmall := rng.IntN(2) == 0
	words := make([]string, len(src.Words))
	for i, w := range src.Words {
		words[i] = w
		if keepSmall && i > 0 && smallWords[w] {
			continue
		}
		if r, n := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
	}
	head := Sentence{Words: words, Entities: src.Entities, Unsure: src.Unsure}
	return append(TrainDocument{head}, doc...)
}

// The casing lists Train makes from its training data.
const (
	ListLower  = "lower"  // words nearly always in lower case
	ListLower2 = "lower2" // words in lower case more often than not
)

// casingLists lists the words of the training data that are nearly always
// (nine times in ten) in lower case inside a sentence of running text, and
// those that are more often than not, among those seen at least twice
// there: what a word's capitals mean where the line's case says nothing
// (headlines, first words). Lists of capitalized words would be lists of
// the training data's own names, which the model would learn to trust
// more than it should.
func casingLists(docs []TrainDocument) []NameList {
	type count struct{ lower, name, all int }
	counts := map[string]*count{}
	for _, d := range docs {
		for _, s := range d {
			ws := make([]word, len(s.Words))
			for i, w := range s.Words {
				ws[i] = word{text: w, lower: toLower(w), class: classOf(w)}
			}
			if lineMode(ws) != modeNormal {
				continue
			}
			for i, w := range ws {
				if i == 0 || (w.class != clsLower && !capitalized(w.class)) {
					continue
				}
				c := counts[w.lower]
				if c == nil {
					c = &count{}
					counts[w.lower] = c
				}
				c.all++
				if w.class == clsLower {
					c.lower++
				} else {
					c.name++
				}
			}
		}
	}
	var lower, lower2 []string
	for w, c := range counts {
		switch {
		case c.all < 2:
		case c.lower*10 >= c.all*9:
			lower = append(lower, w)
		case c.lower*2 > c.all:
			lower2 = append(lower2, w)
		}
	}
	sort.Strings(lower)
	sort.Strings(lower2)
	return []NameList{{Name: ListLower, Names: lower}, {Name: ListLower2, Names: lower2}}
}

// trainWeights are the weights being trained, with the sums that averaging
// needs: the averaged weight is w - u/c.
type trainWeights struct {
	ntags int
	index map[uint64]int32
	w     []float32
	u     []float64
	c     float64 // tokens seen so far, plus one
}

func newTrainWeights(ntags int) *trainWeights {
	return &trainWeights{ntags: ntags, index: map[uint64]int32{}, c: 1}
}

func (t *trainWeights) score(keys []uint64, scores []float32) {
	n := t.ntags
	for _, k := range keys {
		r, ok := t.index[k]
		if !ok {
			continue
		}
		row := t.w[int(r)*n : int(r)*n+n]
		for j, v := range row {
			scores[j] += v
		}
	}
}

func (t *trainWeights) tick() { t.c++ }

func (t *trainWeights) update(keys []uint64, gold, pred Tag) {
	n := t.ntags
	for _, k := range keys {
		r, ok := t.index[k]
		if !ok {
			r = int32(len(t.index))
			t.index[k] = r
			t.w = append(t.w, make([]float32, n)...)
			t.u = append(t.u, make([]float64, n)...)
		}
		base := int(r) * n
		t.w[base+int(gold)]++
		t.u[base+int(gold)] += t.c
		t.w[base+int(pred)]--
		t.u[base+int(pred)] -= t.c
	}
}

// average returns the averaged weights by feature key.
func (t *trainWeights) average() map[uint64][]float32 {
	n := t.ntags
	out := make(map[uint64][]float32, len(t.index))
	for k, r := range t.index {
		row := make([]float32, n)
		nonzero := false
		for j := range n {
			i := int(r)*n + j
			row[j] = float32(float64(t.w[i]) - t.u[i]/t.c)
			if row[j] != 0 {
				nonzero = true
			}
		}
		if nonzero {
			out[k] = row
		}
	}
	return out
}

// mapScorer scores with weights by feature key.
type mapScorer struct {
	rows  map[uint64][]float32
	ntags int
}

func (s *mapScorer) score(keys []uint64, scores []float32) {
	for _, k := range keys {
		for j, v := range s.rows[k] {
			scores[j] += v
		}
	}
}

// quantize turns each row of weights into a scale code and one int8 per
// weight in units of that scale, keeping at most maxRows rows, the
// weightiest (by the sum of absolute weights; ties by key). The 256 scales
// grow geometrically from a millionth of the largest weight to the
// largest, over 127; a row takes the smallest that holds its largest
// weight. (Codes on a log scale, tried, lose more: the large weights that
// decide most tags need their absolute precision.)
func quantize(rows map[uint64][]float32, ntags, maxRows int) (*[256]float32, map[uint64][]int8) {
	type weighed struct {
		key  uint64
		mass float64
	}
	all := make([]weighed, 0, len(rows))
	var top float64
	for k, row := range rows {
		var m float64
		for _, v := range row {
			m += math.Abs(float64(v))
			top = math.Max(top, math.Abs(float64(v)))
		}
		all = append(all, weighed{k, m})
	}
	slices.SortFunc(all, func(a, b weighed) int {
		if a.mass != b.mass {
			if a.mass > b.mass {
				return -1
			}
			return 1
		}
		if a.key < b.key {
			return -1
		}
		return 1
	})
	if len(all) > maxRows {
		all = all[:maxRows]
	}
	if top == 0 {
		top = 1
	}
	scales := new([256]float32)
	const span = 1e-6
	step := math.Log(1/span) / 255
	for c := range scales {
		scales[c] = float32(top * span * math.Exp(step*float64(c)) / 127)
	}
	out := map[uint64][]int8{}
	for _, w := range all {
		row := rows[w.key]
		var rowTop float32
		for _, v := range row {
			rowTop = max(rowTop, float32(math.Abs(float64(v))))
		}
		c, _ := slices.BinarySearch(scales[:], rowTop/127)
		c = min(c, 255)
		q := make([]int8, 1+ntags)
		q[0] = int8(uint8(c))
		nonzero := false
		for j, v := range row {
			x := math.Round(float64(v / scales[c]))
			q[1+j] = int8(max(-127, min(127, x)))
			nonzero = nonzero || q[1+j] != 0
		}
		if nonzero {
			out[w.key] = q
		}
	}
	return scales, out
}

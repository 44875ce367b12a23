package compact

import (
	"fmt"
	"hash/maphash"
	"io"
	"math/bits"
	"strings"

	"glossa/annotate/ner/internal/modelfile"
)

// ErrBadModel is wrapped by the errors ParseModel and ReadModel return for
// input that is not a usable model file.
var ErrBadModel = modelfile.ErrBadModel

// Model is prose's part-of-speech tagger and entity classifier as
// lookup tables, loaded from a model file that build/nermodel writes. It is
// read-only once loaded and safe to share between goroutines.
type Model struct {
	// Tag ids: the tagger's classes first (what it can predict), then the
	// other tags prose can give a token or use as context.
	tagNames []string
	tagLower []string // strings.ToLower of each tag, for the nextpos feature
	tagIndex map[string]int32
	nClasses int

	tagDict      dict    // prose's tag dictionary: words the tagger does not predict
	tagDictClass []uint8 // class of each tagDict word

	tagger   dict // tagger features: template byte + value
	tRowOff  []uint32
	tClass   []uint8
	tWeight  []int32 // thousandths
	labels   []string
	maxent   dict // classifier features: feature byte + value
	mRowOff  []uint32
	mLabel   []uint8
	mWeight  []float64
	wordList dict // prose's en-wordlist

	// Feature rows that depend on tags, histories and shapes only, looked
	// up once here rather than per token. A row is an index into the
	// tagger's or the classifier's rows, or -1 for a feature the model
	// does not have.
	tPrevTag, tPrev2Tag []int32 // "i-1 tag", "i-2 tag" by tag id
	tTagPair            []int32 // "i tag+i-2 tag" by p1*len(tagNames)+p2
	tBias               int32
	ctxPseudo           [4]contextRows // -START-, -START2-, -END-, -END2-

	histNames   []string // classifier histories ("None", then simplePOS of labels)
	histOfLabel []int32  // history id of each label; the last for no label
	mBias       int32
	mBasic      [2]int32 // en-wordlist False, True
	mShape      [numShapes]int32
	mNone       [numMaxentFeatures]int32 // each feature with value "None"
	mPos        []int32                  // by tag id
	mPrevPos    []int32                  // by tag id
	mNextPos    []int32                  // by tag id (lower case)
	mPrevTag    []int32                  // by history id
	mPosPrevTag []int32                  // by tag*len(histNames)+history
	mShapePrev  []int32                  // by shape*len(histNames)+history
}

// ParseModel loads a model file (see build/nermodel). Errors wrap
// ErrBadModel and say what is wrong and where.
func ParseModel(data []byte) (*Model, error) {
	t, err := modelfile.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	return newModel(t)
}

// ReadModel reads a model file from r and loads it, as ParseModel does.
func ReadModel(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read NER model: %w", err)
	}
	return ParseModel(data)
}

// Tags prose gives tokens by rule, and the tagger's sentence-boundary
// context tags.
const (
	tagStart  = "-START-"
	tagStart2 = "-START2-"
)

var ruleTags = []string{tagStart, tagStart2, "-", "SYM", "NN", "-NONE-"}

func newModel(t *modelfile.Tables) (*Model, error) {
	m := &Model{nClasses: t.Classes.Len()}
	seed := maphash.MakeSeed()
	m.tagger = newDict(t.TaggerKeys, seed)
	m.tRowOff, m.tClass, m.tWeight = t.TaggerRows.Off, t.TaggerRows.Index, t.TaggerRows.Weight
	m.maxent = newDict(t.MaxentKeys, seed)
	m.mRowOff, m.mLabel, m.mWeight = t.MaxentRows.Off, t.MaxentRows.Index, t.MaxentRows.Weight
	m.tagDict = newDict(t.TagWords, seed)
	m.tagDictClass = t.TagClass
	m.wordList = newDict(t.Words, seed)
	m.labels = make([]string, t.Labels.Len())
	for i := range m.labels {
		m.labels[i] = t.Labels.At(i)
	}

	// Tag ids: classes, then rule tags not among them.
	index := map[string]int32{}
	for i := range m.nClasses {
		name := t.Classes.At(i)
		if _, dup := index[name]; dup {
			return nil, fmt.Errorf("load NER model: %w: tagger class %q appears twice", ErrBadModel, name)
		}
		index[name] = int32(len(m.tagNames))
		m.tagNames = append(m.tagNames, name)
	}
	for _, name := range ruleTags {
		if _, ok := index[name]; !ok {
			index[name] = int32(len(m.tagNames))
			m.tagNames = append(m.tagNames, name)
		}
	}
	m.tagIndex = index
	for _, name := range m.tagNames {
		m.tagLower = append(m.tagLower, strings.ToLower(name))
	}

	var k keyBuf
	nt := len(m.tagNames)
	m.tBias = m.tagger.find(k.set(tBias))
	m.tPrevTag = make([]int32, nt)
	m.tPrev2Tag = make([]int32, nt)
	m.tTagPair = make([]int32, nt*nt)
	for i, a := range m.tagNames {
		m.tPrevTag[i] = m.tagger.find(k.set(tPrevTag, a))
		m.tPrev2Tag[i] = m.tagger.find(k.set(tPrev2Tag, a))
		for j, b := range m.tagNames {
			m.tTagPair[i*nt+j] = m.tagger.find(k.set(tTagPair, a, " ", b))
		}
	}
	for i, w := range []string{tagStart, tagStart2, "-END-", "-END2-"} {
		m.ctxPseudo[i] = m.contextRows(&k, w)
	}

	// Classifier histories: "None" before the first token, then what
	// prose's simplePOS makes of each label, then of no label.
	hist := map[string]int32{}
	addHist := func(h string) int32 {
		if id, ok := hist[h]; ok {
			return id
		}
		hist[h] = int32(len(m.histNames))
		m.histNames = append(m.histNames, h)
		return hist[h]
	}
	addHist("None")
	for _, l := range append(m.labels, "") {
		m.histOfLabel = append(m.histOfLabel, addHist(simplePOS(l)))
	}
	nh := len(m.histNames)
	m.mBias = m.maxent.find(k.set(fBias, "True"))
	m.mBasic = [2]int32{m.maxent.find(k.set(fWordlist, "False")), m.maxent.find(k.set(fWordlist, "True"))}
	for s := range numShapes {
		m.mShape[s] = m.maxent.find(k.set(fShape, shapeNames[s]))
	}
	for f := range numMaxentFeatures {
		m.mNone[f] = m.maxent.find(k.set(byte(f), "None"))
	}
	m.mPos, m.mPrevPos, m.mNextPos = make([]int32, nt), make([]int32, nt), make([]int32, nt)
	m.mPosPrevTag = make([]int32, nt*nh)
	for i, name := range m.tagNames {
		m.mPos[i] = m.maxent.find(k.set(fPos, name))
		m.mPrevPos[i] = m.maxent.find(k.set(fPrevPos, name))
		m.mNextPos[i] = m.maxent.find(k.set(fNextPos, m.tagLower[i]))
		for h, hn := range m.histNames {
			m.mPosPrevTag[i*nh+h] = m.maxent.find(k.set(fPosPrevTag, name, "+", hn))
		}
	}
	m.mPrevTag = make([]int32, nh)
	m.mShapePrev = make([]int32, numShapes*nh)
	for h, hn := range m.histNames {
		m.mPrevTag[h] = m.maxent.find(k.set(fPrevTag, hn))
		for s := range numShapes {
			m.mShapePrev[s*nh+h] = m.maxent.find(k.set(fShapePrevTag, shapeNames[s], "+", hn))
		}
	}
	return m, nil
}

// simplePOS is prose's simplePOS (extract.go), which prose applies to the
// classifier's labels to make its history.
func simplePOS(pos string) string {
	if strings.HasPrefix(pos, "V") {
		return "v"
	}
	return strings.Split(pos, "-")[0]
}

// Tagger feature templates: indexes into modelfile.TaggerTemplates.
const (
	tBias byte = iota
	tSuffix
	tPref1
	tPrevTag
	tPrev2Tag
	tTagPair
	tWord
	tPrevTagWord
	tPrevWord
	tPrevSuffix
	tPrev2Word
	tNextWord
	tNextSuffix
	tNext2Word
)

// Classifier features: indexes into modelfile.MaxentFeatures, which is
// prose's featureOrder.
const (
	fBias byte = iota
	fWordlist
	fNextPos
	fNextWord
	fPos
	fPosPrevTag
	fPrefix3
	fPrevPos
	fPrevTag
	fPrevWord
	fShape
	fShapePrevTag
	fSuffix3
	fWord
	fWordNextPos
	fWordLower
	fWordLen
	numMaxentFeatures
)

// dict finds byte strings in a modelfile.Strings through an open-addressing
// hash table built at load time.
type dict struct {
	keys  modelfile.Strings
	slots []uint32 // key index + 1, or 0 for an empty slot
	mask  uint64
	seed  maphash.Seed
}

func newDict(keys modelfile.Strings, seed maphash.Seed) dict {
	n := keys.Len()
	size := uint64(1) << bits.Len(uint(2*n)) // at most half full
	d := dict{keys: keys, slots: make([]uint32, size), mask: size - 1, seed: seed}
	for i := range n {
		j := maphash.String(seed, keys.At(i)) & d.mask
		for d.slots[j] != 0 {
			j = (j + 1) & d.mask
		}
		d.slots[j] = uint32(i + 1)
	}
	return d
}

// find returns the index of key, or -1.
func (d *dict) find(key []byte) int32 {
	j := maphash.Bytes(d.seed, key) & d.mask
	for {
		s := d.slots[j]
		if s == 0 {
			return -1
		}
		if string(key) == d.keys.Blob[d.keys.Off[s-1]:d.keys.Off[s]] {
			return int32(s - 1)
		}
		j = (j + 1) & d.mask
	}
}

// keyBuf builds feature keys without allocating once it has grown.
type keyBuf struct{ b []byte }

// set makes the key of a feature: its kind byte, then the parts of its
// value.
func (k *keyBuf) set(kind byte, parts ...string) []byte {
	k.b = append(k.b[:0], kind)
	for _, p := range parts {
		k.b = append(k.b, p...)
	}
	return k.b
}

// set0 makes a key of a whole string, for the tag dictionary and word list.
func (k *keyBuf) set0(s string) []byte {
	k.b = append(k.b[:0], s...)
	return k.b
}

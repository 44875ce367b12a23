// Package nermodel converts prose's built-in model (github.com/jdkato/prose/v2
// v2.0.0) to Glossa's compact NER model file, which compact.ParseModel
// (annotate/ner/compact) loads.
//
// Besides package ner's Prose adapter it is the only Glossa package that
// imports prose, and only the model build tool and tests import it, so
// prose's multi-megabyte model stays out of the WebAssembly binary.
//
// The conversion is exact: every weight keeps its value (the tagger's are
// stored as integer thousandths, and the conversion fails unless they
// are exactly that), and every
// feature prose could match at run time keeps its weights.
package nermodel

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/jdkato/prose/v2"

	"glossa/annotate/ner/internal/modelfile"
)

// Build converts prose's built-in model and writes the model file to w.
func Build(w io.Writer) error {
	b, _, err := Convert()
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write NER model: %w", err)
	}
	return nil
}

// Stats describes a conversion: what it kept and what it dropped.
type Stats struct {
	Classes, TagWords             int // tagger classes and tag dictionary words
	TaggerFeatures, TaggerDropped int // features kept, and dropped for matching no template
	Labels, MaxentFeatures        int // classifier labels and features
	MaxentKeys, MaxentDropped     int // mapping entries kept, and dropped as unparsable
	Words                         int // en-wordlist words
}

// Convert converts prose's built-in model and returns the model file and
// what the conversion kept and dropped.
func Convert() ([]byte, Stats, error) {
	t, st, err := convert()
	if err != nil {
		return nil, st, err
	}
	b, err := modelfile.Encode(t)
	return b, st, err
}

// Tables converts prose's built-in model to the model file's tables.
func Tables() (*modelfile.Tables, error) {
	t, _, err := convert()
	return t, err
}

func asset(name string, v any) error {
	b, err := prose.Asset("model/" + name)
	if err != nil {
		return fmt.Errorf("read prose model: %w", err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("read prose model %s: %w", name, err)
	}
	return nil
}

func convert() (*modelfile.Tables, Stats, error) {
	var (
		st       Stats
		classes  []string // may repeat a class; prose never reads it when tagging
		tagDict  map[string]string
		pweights map[string]map[string]float64
		labels   []string
		mapping  map[string]int
		mweights []float64
		words    []string
	)
	for _, a := range []struct {
		name string
		v    any
	}{
		{"AveragedPerceptron/classes.gob", &classes},
		{"AveragedPerceptron/tags.gob", &tagDict},
		{"AveragedPerceptron/weights.gob", &pweights},
		{"Maxent/labels.gob", &labels},
		{"Maxent/mapping.gob", &mapping},
		{"Maxent/weights.gob", &mweights},
		// prose's isBasic reads enWordList (words.go), which is not
		// exported; words.gob holds the same 850 words (checked when this
		// converter was written).
		{"Maxent/words.gob", &words},
	} {
		if err := asset(a.name, a.v); err != nil {
			return nil, st, err
		}
	}
	t := new(modelfile.Tables)

	// Tagger classes: prose's list, then any other tag its weights or tag
	// dictionary can produce (prose's predict picks from the weights' keys,
	// not from the class list).
	var classNames []string
	classIndex := map[string]int{}
	addClass := func(c string) int {
		if i, ok := classIndex[c]; ok {
			return i
		}
		classIndex[c] = len(classNames)
		classNames = append(classNames, c)
		return len(classNames) - 1
	}
	for _, c := range classes {
		addClass(c)
	}
	tagWords := sortedKeys(tagDict)
	tagClass := make([]uint8, len(tagWords))
	for i, w := range tagWords {
		c := addClass(tagDict[w])
		if c >= 255 {
			return nil, st, fmt.Errorf("convert prose model: more than 255 tagger classes")
		}
		tagClass[i] = uint8(c)
	}

	type entry struct {
		index  uint8
		weight int32
	}
	type taggerFeature struct {
		key string
		row []entry
	}
	var tfeats []taggerFeature
	for f, ws := range pweights {
		key, ok := taggerKey(f)
		if !ok {
			st.TaggerDropped++
			continue
		}
		row := make([]entry, 0, len(ws))
		for c, w := range ws {
			k := math.Round(w * 1000)
			if k/1000 != w || math.Abs(k) > math.MaxInt32/64 {
				return nil, st, fmt.Errorf("convert prose model: tagger weight %v of feature %q, class %q, is not a multiple of 0.001 in range", w, f, c)
			}
			ci := addClass(c)
			if ci >= 255 {
				return nil, st, fmt.Errorf("convert prose model: more than 255 tagger classes")
			}
			row = append(row, entry{uint8(ci), int32(k)})
		}
		slices.SortFunc(row, func(a, b entry) int { return cmp.Compare(a.index, b.index) })
		tfeats = append(tfeats, taggerFeature{key, row})
	}
	st.TaggerFeatures = len(tfeats)
	slices.SortFunc(tfeats, func(a, b taggerFeature) int { return strings.Compare(a.key, b.key) })

	t.Classes = modelfile.MakeStrings(classNames)
	t.TagWords = modelfile.MakeStrings(tagWords)
	t.TagClass = tagClass
	keys := make([]string, len(tfeats))
	for i, f := range tfeats {
		keys[i] = f.key
		var index []uint8
		var weight []int32
		for _, e := range f.row {
			index, weight = append(index, e.index), append(weight, e.weight)
		}
		t.TaggerRows.Append(index, weight)
	}
	t.TaggerKeys = modelfile.MakeStrings(keys)

	// Classifier: split each mapping entry "fname-fval-label" into its
	// feature (fname, fval) and label. Where an entry splits more than one
	// way, every way is kept: prose looks entries up by the joined string,
	// so each split is a lookup that finds it.
	if len(labels) == 0 || len(labels) > 255 {
		return nil, st, fmt.Errorf("convert prose model: %d classifier labels, want 1 to 255", len(labels))
	}
	type mentry struct {
		label  uint8
		weight float64
	}
	mrows := map[string][]mentry{}
	for entry, idx := range mapping {
		if idx < 0 || idx >= len(mweights) {
			return nil, st, fmt.Errorf("convert prose model: mapping entry %q has weight index %d of %d", entry, idx, len(mweights))
		}
		found := false
		for fi, fname := range modelfile.MaxentFeatures {
			rest, ok := strings.CutPrefix(entry, fname+"-")
			if !ok {
				continue
			}
			for li, label := range labels {
				fval, ok := strings.CutSuffix(rest, "-"+label)
				if !ok {
					continue
				}
				key := string(rune(fi)) + fval
				if fi >= 0x80 {
					return nil, st, fmt.Errorf("convert prose model: too many classifier features")
				}
				mrows[key] = append(mrows[key], mentry{uint8(li), mweights[idx]})
				found = true
			}
		}
		if found {
			st.MaxentKeys++
		} else {
			st.MaxentDropped++
		}
	}
	mkeys := sortedKeys(mrows)
	for _, k := range mkeys {
		row := mrows[k]
		slices.SortFunc(row, func(a, b mentry) int { return cmp.Compare(a.label, b.label) })
		var index []uint8
		var weight []float64
		for i, e := range row {
			if i > 0 && e.label == row[i-1].label {
				return nil, st, fmt.Errorf("convert prose model: classifier feature %q has label %q twice", k, labels[e.label])
			}
			index, weight = append(index, e.label), append(weight, e.weight)
		}
		t.MaxentRows.Append(index, weight)
	}
	t.MaxentKeys = modelfile.MakeStrings(mkeys)
	t.Labels = modelfile.MakeStrings(labels)
	t.Words = modelfile.MakeStrings(words)
	st.Classes, st.TagWords = t.Classes.Len(), t.TagWords.Len()
	st.Labels, st.MaxentFeatures, st.Words = t.Labels.Len(), t.MaxentKeys.Len(), t.Words.Len()
	return t, st, nil
}

// taggerKey turns a tagger feature string into its key: the template's index
// byte and the value. Features that match no template can never be built by
// prose's featurize, so they are dropped.
func taggerKey(f string) (string, bool) {
	for i, tmpl := range modelfile.TaggerTemplates {
		if !strings.HasSuffix(tmpl, " ") {
			if f == tmpl {
				return string(rune(i)), true
			}
			continue
		}
		if v, ok := strings.CutPrefix(f, tmpl); ok {
			return string(rune(i)) + v, true
		}
	}
	return "", false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

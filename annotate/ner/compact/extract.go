package compact

import (
	"math"
	"strconv"
	"strings"
)

// This file is prose's maximum entropy entity classifier (extract.go:
// entityExtracter.classify, extract, encode, shape) for prediction only.
//
// prose scores each label by summing, in featureOrder, the weights of the
// features it finds for that label, then takes the best label with max,
// which iterates a Go map. compact sums the same float64 weights in the same
// order, so its scores are prose's to the bit. Where two labels tie for the
// best score exactly, prose's choice depends on Go's random map order; compact
// takes the first in the model's label list. Such ties have not been
// seen: none in the sample, none in thousands of random texts (see
// TestTieCounts).

// Word shapes, prose's shape (extract.go), and "None", which prose uses as
// the previous word's shape for the first two tokens.
const (
	shapeNone = iota
	shapeNumber
	shapePunct
	shapeDowncase
	shapeUpcase
	shapeMixedcase
	shapeOther
	numShapes
)

var shapeNames = [numShapes]string{"None", "number", "punct", "downcase", "upcase", "mixedcase", "other"}

var (
	nonWordEnd = lazyRegexp(`\W+$`)
	wordEnd    = lazyRegexp(`\w+$`)
)

// shape is prose's shape.
func shape(word string) int {
	if _, err := strconv.ParseFloat(word, 64); err == nil {
		return shapeNumber
	} else if nonWordEnd().MatchString(word) {
		return shapePunct
	} else if wordEnd().MatchString(word) {
		if strings.ToLower(word) == word {
			return shapeDowncase
		} else if strings.Title(word) == word { // deprecated, but prose's
			return shapeUpcase
		}
		return shapeMixedcase
	}
	return shapeOther
}

// extractLexeme fills in what the classifier needs to know about a word.
func (s *scratch) extractLexeme(lx *lexeme) {
	m, k, w := s.m, &s.key, lx.text
	lx.lower = strings.ToLower(w)
	lx.shape = uint8(shape(w))
	basic := 0
	if m.wordList.find(k.set0(w)) >= 0 {
		basic = 1
	}
	lx.basic = m.mBasic[basic]
	lx.prefix3 = m.maxent.find(k.set(fPrefix3, strings.ToLower(w[:min(len(w), 3)])))
	lx.suffix3 = m.maxent.find(k.set(fSuffix3, strings.ToLower(w[len(w)-min(len(w), 3):])))
	lx.word = m.maxent.find(k.set(fWord, w))
	lx.wordLower = m.maxent.find(k.set(fWordLower, lx.lower))
	lx.wordLen = m.maxent.find(k.set(fWordLen, strconv.Itoa(len(w))))
	lx.asNext = m.maxent.find(k.set(fNextWord, lx.lower))
	lx.asPrev = m.maxent.find(k.set(fPrevWord, lx.lower))
}

// classify is prose's entityExtracter.classify over s.toks, with the tags
// tag left on the token objects: it sets the label of each token object,
// the last write winning as in prose.
func (s *scratch) classify() {
	m := s.m
	n := len(s.toks)
	nh := int32(len(m.histNames))
	s.objLabel = grow(s.objLabel, n)
	hist := int32(0) // "None"
	for i := range n {
		t := &s.toks[i]
		lx := &s.lexemes[t.lex]
		tag := s.objTag[t.obj]
		var rows [numMaxentFeatures]int32
		rows[fBias] = m.mBias
		rows[fWordlist] = lx.basic
		if i == n-1 {
			rows[fNextPos] = m.mNone[fNextPos]
			rows[fNextWord] = m.mNone[fNextWord]
			rows[fWordNextPos] = m.maxent.find(s.key.set(fWordNextPos, lx.lower, "+None"))
		} else {
			next := &s.toks[i+1]
			nextTag := s.objTag[next.obj]
			rows[fNextPos] = s.maxentTagRow(m.mNextPos, fNextPos, nextTag, true)
			rows[fNextWord] = s.lexemes[next.lex].asNext
			rows[fWordNextPos] = m.maxent.find(s.key.set(fWordNextPos, lx.lower, "+", s.tagLower(nextTag)))
		}
		rows[fPos] = s.maxentTagRow(m.mPos, fPos, tag, false)
		if int(tag) < len(m.tagNames) {
			rows[fPosPrevTag] = m.mPosPrevTag[tag*nh+hist]
		} else {
			rows[fPosPrevTag] = m.maxent.find(s.key.set(fPosPrevTag, s.tagNames[tag], "+", m.histNames[hist]))
		}
		rows[fPrefix3] = lx.prefix3
		prevShape := shapeNone
		if i == 0 {
			rows[fPrevPos] = m.mNone[fPrevPos]
			rows[fPrevWord] = m.mNone[fPrevWord]
		} else {
			prev := &s.toks[i-1]
			rows[fPrevPos] = s.maxentTagRow(m.mPrevPos, fPrevPos, s.objTag[prev.obj], false)
			rows[fPrevWord] = s.lexemes[prev.lex].asPrev
			if i > 1 {
				prevShape = int(s.lexemes[prev.lex].shape)
			}
		}
		rows[fPrevTag] = m.mPrevTag[hist]
		rows[fShape] = m.mShape[lx.shape]
		rows[fShapePrevTag] = m.mShapePrev[int32(prevShape)*nh+hist]
		rows[fSuffix3] = lx.suffix3
		rows[fWord] = lx.word
		rows[fWordLower] = lx.wordLower
		rows[fWordLen] = lx.wordLen

		label := s.bestLabel(&rows)
		s.objLabel[t.obj] = label
		if label < 0 {
			hist = m.histOfLabel[len(m.labels)]
		} else {
			hist = m.histOfLabel[label]
		}
	}
}

// maxentTagRow looks up a classifier feature whose value is a tag (lower
// case if lower).
func (s *scratch) maxentTagRow(table []int32, kind byte, tag int32, lower bool) int32 {
	if int(tag) < len(table) {
		return table[tag]
	}
	name := s.tagNames[tag]
	if lower {
		name = strings.ToLower(name)
	}
	return s.m.maxent.find(s.key.set(kind, name))
}

func (s *scratch) tagLower(tag int32) string {
	if int(tag) < len(s.m.tagLower) {
		return s.m.tagLower[tag]
	}
	return strings.ToLower(s.tagNames[tag])
}

// bestLabel sums each label's weights over the rows in featureOrder, as
// prose's encode and classify do, and returns prose's max: the label with
// the highest score, or -1 (prose's empty label) if no score beats -Inf.
func (s *scratch) bestLabel(rows *[numMaxentFeatures]int32) int32 {
	m := s.m
	all := &s.totals
	totals := all[:len(m.labels)]
	clear(totals)
	for _, r := range rows {
		if r < 0 {
			continue
		}
		a, b := m.mRowOff[r], m.mRowOff[r+1]
		labels, weights := m.mLabel[a:b], m.mWeight[a:b]
		weights = weights[:len(labels)]
		for j, l := range labels {
			all[l] += weights[j] // a row has at most one entry per label
		}
	}
	best, top := int32(-1), math.Inf(-1)
	for l, v := range totals {
		if v > top {
			best, top = int32(l), v
		}
	}
	if best >= 0 {
		for l, v := range totals {
			if v == top && int32(l) != best {
				s.stats.maxentTies++
				break
			}
		}
	}
	return best
}

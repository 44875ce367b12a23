package compact

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// This file is prose's averaged perceptron part-of-speech tagger (tag.go:
// perceptronTagger.tag, featurize, predict, normalize) for prediction only.
//
// prose builds each feature as a string ("i-1 word the") and sums, for each
// class, the weights of the features it finds. compact looks the features of a
// word up once (lexeme), the features of tags once per model (Model),
// and only "i-1 tag+i word" per token. It sums weights as integers in
// thousandths, which prose's weights all are: the sums are exact, so the
// best class is prose's whenever prose's has a higher score than every
// other class. On an exact tie prose's answer depends on the order in which
// Go iterates maps, which is random: prose's tags then vary from run to run.
// compact gives the tag prose gives most often (see breakTie and
// TestTaggerTies). Ties are rare: none in the sample, about one word in
// 40,000 in random texts of tricky tokens (see TestTieCounts).

var (
	// From github.com/mingrammer/commonregex v1.0.1, which prose uses.
	linkRE  = lazyRegexp(`(?:(?:https?:\/\/)?(?:[a-z0-9.\-]+|www|[a-z0-9.\-])[.](?:[^\s()<>]+|\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\))+(?:\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\)|[^\s!()\[\]{};:\'".,<>?]))`)
	emailRE = lazyRegexp(`(?i)([A-Za-z0-9!#$%&'*+\/=?^_{|.}~-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)`)
	// From prose's tag.go.
	noneRE = lazyRegexp(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = lazyRegexp(`^\-[A-Z]{3}\-$`)
)

// ruleTag returns the tag prose gives word without predicting it, if any:
// by rule, or from the tag dictionary.
func (s *scratch) ruleTag(word string) (int32, bool) {
	m := s.m
	switch {
	case word == "-":
		return s.tagID("-"), true
	case emoticons[word]:
		return s.tagID("SYM"), true
	case linkRE().MatchString(word) || emailRE().MatchString(word) || strings.HasPrefix(word, "@"):
		return s.tagID("NN"), true
	case noneRE().MatchString(word):
		return s.tagID("-NONE-"), true
	case keepRE().MatchString(word):
		return s.tagID(word), true
	}
	if i := m.tagDict.find(s.key.set0(word)); i >= 0 {
		return int32(m.tagDictClass[i]), true
	}
	return -1, false
}

// normalize is prose's normalize (tag.go): the word as the tagger's context
// sees it.
func normalize(word string) string {
	if word == "" {
		return word
	}
	first := string(rune(word[0]))
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

// contextRows are the tagger's rows for a normalized word at each place in
// the context window.
type contextRows struct {
	word, prevWord, prevSuffix, prev2Word, nextWord, nextSuffix, next2Word int32
}

func (m *Model) contextRows(k *keyBuf, norm string) contextRows {
	suffix := norm[len(norm)-min(len(norm), 3):]
	return contextRows{
		word:       m.tagger.find(k.set(tWord, norm)),
		prevWord:   m.tagger.find(k.set(tPrevWord, norm)),
		prevSuffix: m.tagger.find(k.set(tPrevSuffix, suffix)),
		prev2Word:  m.tagger.find(k.set(tPrev2Word, norm)),
		nextWord:   m.tagger.find(k.set(tNextWord, norm)),
		nextSuffix: m.tagger.find(k.set(tNextSuffix, suffix)),
		next2Word:  m.tagger.find(k.set(tNext2Word, norm)),
	}
}

// taggerLexeme fills in what the tagger needs to know about a word.
func (s *scratch) taggerLexeme(lx *lexeme) {
	w := lx.text
	lx.fixedTag, lx.fixed = s.ruleTag(w)
	lx.norm = normalize(w)
	lx.suffix = s.m.tagger.find(s.key.set(tSuffix, w[len(w)-min(len(w), 3):]))
	lx.pref1 = s.m.tagger.find(s.key.set(tPref1, string(rune(w[0]))))
	lx.ctx = s.m.contextRows(&s.key, lx.norm)
}

// tag is prose's perceptronTagger.tag over s.toks: it sets the tag of each
// token object, the last write winning as in prose.
func (s *scratch) tag() {
	m := s.m
	n := len(s.toks)
	s.objTag = grow(s.objTag, n)
	p1, p2 := s.tagID(tagStart), s.tagID(tagStart2)
	ctxAt := func(i int) *contextRows {
		switch {
		case i >= 0 && i < n:
			return &s.lexemes[s.toks[i].lex].ctx
		case i == -2:
			return &m.ctxPseudo[0]
		case i == -1:
			return &m.ctxPseudo[1]
		case i == n:
			return &m.ctxPseudo[2]
		default:
			return &m.ctxPseudo[3]
		}
	}
	for i := range n {
		lx := &s.lexemes[s.toks[i].lex]
		tag := lx.fixedTag
		if !lx.fixed {
			rows := [...]int32{
				m.tBias,
				lx.suffix,
				lx.pref1,
				s.tagRow(m.tPrevTag, tPrevTag, p1),
				s.tagRow(m.tPrev2Tag, tPrev2Tag, p2),
				s.tagPairRow(p1, p2),
				lx.ctx.word,
				m.tagger.find(s.key.set(tPrevTagWord, s.tagNames[p1], " ", lx.norm)),
				ctxAt(i - 1).prevWord,
				ctxAt(i - 1).prevSuffix,
				ctxAt(i - 2).prev2Word,
				ctxAt(i + 1).nextWord,
				ctxAt(i + 1).nextSuffix,
				ctxAt(i + 2).next2Word,
			}
			tag = s.predict(&rows)
		}
		s.objTag[s.toks[i].obj] = tag
		p2, p1 = p1, tag
	}
}

// tagRow looks up a feature of one tag: in the model's table for the tags
// it knows, else by name.
func (s *scratch) tagRow(table []int32, kind byte, tag int32) int32 {
	if int(tag) < len(table) {
		return table[tag]
	}
	return s.m.tagger.find(s.key.set(kind, s.tagNames[tag]))
}

func (s *scratch) tagPairRow(p1, p2 int32) int32 {
	nt := int32(len(s.m.tagNames))
	if p1 < nt && p2 < nt {
		return s.m.tTagPair[p1*nt+p2]
	}
	return s.m.tagger.find(s.key.set(tTagPair, s.tagNames[p1], " ", s.tagNames[p2]))
}

// predict is prose's averagedPerceptron.predict and max over the rows of
// the features found (-1 for those not found). Only classes some found
// feature has a weight for compete, as in prose's scores map; with none, the
// tag is prose's empty string.
func (s *scratch) predict(rows *[14]int32) int32 {
	m := s.m
	allScores, allPresent := &s.scores, &s.present
	scores := allScores[:m.nClasses]
	present := allPresent[:m.nClasses]
	clear(scores)
	clear(present)
	for _, r := range rows {
		if r < 0 {
			continue
		}
		a, b := m.tRowOff[r], m.tRowOff[r+1]
		classes, weights := m.tClass[a:b], m.tWeight[a:b]
		weights = weights[:len(classes)]
		for j, c := range classes {
			allScores[c] += weights[j]
			allPresent[c] = true
		}
	}
	best, ties := int32(-1), 0
	for c, ok := range present {
		switch {
		case !ok:
		case best < 0 || scores[c] > scores[best]:
			best, ties = int32(c), 0
		case scores[c] == scores[best]:
			ties++
		}
	}
	if best < 0 {
		return s.tagID("")
	}
	if ties > 0 {
		best = s.breakTie(rows, best)
	}
	return best
}

// breakTie chooses among classes with the same best score the one prose
// most likely picks. prose adds each class's weights in the order Go
// iterates its feature map, which is random, and float64 rounding then
// makes one tied class's sum larger in some orders and the other's in
// others (or leaves them equal, and max picks by map order again). So
// breakTie sums the tied classes' float64 weights, prose's values, in
// tieOrders fixed pseudo-random orders of the features, credits each order's
// winner (sharing the credit on equal sums) and returns the class with the
// most credit; the first such class in the model's order on a tie.
func (s *scratch) breakTie(rows *[14]int32, best int32) int32 {
	m := s.m
	s.stats.taggerTies++
	top := s.scores[best]
	var tied []int32
	for c := range m.nClasses {
		if s.present[c] && s.scores[c] == top {
			tied = append(tied, int32(c))
		}
	}
	// weight[f][k]: the weight of feature f for tied class k.
	var found [][]float64
	for _, r := range rows {
		if r < 0 {
			continue
		}
		w := make([]float64, len(tied))
		for j := m.tRowOff[r]; j < m.tRowOff[r+1]; j++ {
			if k := slices.Index(tied, int32(m.tClass[j])); k >= 0 {
				w[k] = float64(m.tWeight[j]) / 1000
			}
		}
		found = append(found, w)
	}
	credit := make([]float64, len(tied))
	sums := make([]float64, len(tied))
	order := make([]int, len(found))
	rng := rand.New(rand.NewPCG(1, 2))
	for range tieOrders {
		for i := range order {
			order[i] = i
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		clear(sums)
		for _, f := range order {
			for k, w := range found[f] {
				sums[k] += w
			}
		}
		high := slices.Max(sums)
		winners := 0
		for _, v := range sums {
			if v == high {
				winners++
			}
		}
		for k, v := range sums {
			if v == high {
				credit[k] += 1 / float64(winners)
			}
		}
	}
	choice := 0
	for k := range credit {
		if credit[k] > credit[choice] {
			choice = k
		}
	}
	return tied[choice]
}

// tieOrders is how many feature orders breakTie tries.
const tieOrders = 256

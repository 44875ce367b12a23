package news

import "glossa/annotate"

// Headlines in title case ("Amid Concerns Of Russian Snooping, UK Warns
// Government Agencies") and lines in capitals are where news taggers go
// wrong: every word is capitalized, so capitals say nothing about names.
// The model sees the line's case as a feature; on top of that, in such a
// line an entity loses the words at its ends that are common words (on the
// model's lists of words seen in lower case more often than not, or seen
// in lower case elsewhere in the document), unless the whole name is on a name list; an
// entity of common words only is dropped. What is left is mapped again by
// the name lists: "UK Warns Government" becomes "UK", a GPE.

// common reports whether token i of s is a common word.
func (r *Recognizer) common(s *sentenceTokens, i int) bool {
	w := &s.in.ws[i]
	if isYear(w.text) {
		return false
	}
	if w.class == clsDigit || w.class == clsOther {
		return true
	}
	common := r.bits.lower | r.bits.lower2
	return s.in.doc.seenLower[w.hLower] || common != 0 && r.m.lists(nameKey(s.words[i:i+1]))&common != 0
}

// trimHeadline trims the entities of a title-case or capitals line.
func (r *Recognizer) trimHeadline(s *sentenceTokens, found []span) []span {
	out := found[:0]
	named := r.bits.country | r.bits.city | r.bits.demonym | r.bits.region | r.bits.state
	for _, sp := range found {
		if sp.label == annotate.Date {
			out = append(out, sp)
			continue
		}
		i, j := s.tokenRange(sp)
		if i < 0 || r.m.lists(nameKey(s.words[i:j]))&named != 0 {
			out = append(out, sp)
			continue
		}
		a, b := i, j
		for a < b && r.common(s, a) {
			a++
		}
		for b > a && r.common(s, b-1) {
			b--
		}
		if a == b {
			continue
		}
		if a != i || b != j {
			sp.start, sp.end = s.bytes(a, b)
			lists := r.m.lists(nameKey(s.words[a:b]))
			switch {
			case lists&(r.bits.country|r.bits.state|r.bits.city) != 0:
				sp.label = annotate.GPE
			case lists&r.bits.demonym != 0:
				sp.label = annotate.NORP
			}
		}
		out = append(out, sp)
	}
	return out
}

// tokenRange returns the tokens an entity spans, or -1, -1 when its ends
// are not token ends (an entity cut inside a token, "Moscow-based").
func (s *sentenceTokens) tokenRange(sp span) (int, int) {
	i, j := -1, -1
	for k, t := range s.toks {
		if t.Start == sp.start {
			i = k
		}
		if t.End == sp.end {
			j = k + 1
		}
	}
	if i < 0 || j <= i {
		return -1, -1
	}
	return i, j
}

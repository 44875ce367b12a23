package claims

import "strings"

// minWords is the fewest words a claim's content has.
const minWords = 2

// claimFor builds the claim of attribution k of sentence si, if its content
// holds enough words.
func (f *finder) claimFor(si int, atts []attribution, k int) {
	s := f.sents[si]
	a := atts[k]
	lo, hi := s.from, s.to
	if k > 0 {
		lo = max(lo, atts[k-1].to)
	}
	for _, b := range atts[k+1:] {
		// The next attribution bounds the content; one that starts before
		// this one's end ("Barkley, who said …, said …") bounds it at its cue.
		if b.from >= a.to {
			hi = min(hi, b.from)
		} else if b.cueFrom >= a.to {
			hi = min(hi, b.cueFrom)
		}
	}
	var parts [][2]int
	if a.side == sideBefore || a.side == sideBoth {
		if p, ok := f.trim(lo, a.from); ok {
			parts = append(parts, p)
		}
	}
	if a.side == sideAfter || a.side == sideBoth {
		hi = f.clauseEnd(a.to, hi)
		if subordinate.has(f.toks[s.from].low) && !f.hasComma(s.from, a.cueFrom) || a.relative {
			// "While critics argue that …, Obama has …": the content ends
			// with the subordinate clause.
			for i := a.to + 1; i < hi; i++ {
				if f.toks[i].text == "," && f.toks[i].quote < 0 {
					hi = i
					break
				}
			}
		}
		if p, ok := f.trim(a.to, hi); ok && a.side == sideBoth && !f.continues(parts, p) {
			// `"…," Ebeling said, and her husband laughed.`
		} else if ok {
			parts = append(parts, p)
		} else if a.side == sideAfter && hi == s.to && a.to > 0 && f.toks[a.to-1].text == ":" && si+1 < len(f.sents) {
			// "Martin said:" closing its paragraph, the quote in the next.
			if _, ok := f.wholeQuote(si + 1); ok {
				q, _ := f.trim(f.sents[si+1].from, f.sents[si+1].to)
				parts = append(parts, q)
			}
		}
	}
	if len(parts) == 0 {
		return
	}
	kind, direct := Indirect, 0
	var spans [][2]int
	words := 0
	for _, p := range parts {
		if q, ok := f.quoteOnly(p[0], p[1]); ok {
			direct++
			p = q
		} else if f.hasQuote(p[0], p[1]) {
			kind = Mixed
		}
		words += f.countWords(p[0], p[1])
		if p[0] < p[1] {
			spans = append(spans, p)
		}
	}
	if direct == len(parts) {
		kind = Direct
	} else if direct > 0 {
		kind = Mixed
	}
	if words < minWords || len(spans) == 0 {
		return
	}
	if a.side == sideAfter && kind == Indirect && len(spans) == 1 {
		first := f.toks[spans[0][0]].low
		if notContent.has(first) {
			return // "said of the plan", "complained when …", "tweeted as …"
		}
		if a.cue.class == classSay && !f.afterThat(a) && !f.clause(spans[0][0], spans[0][1]) {
			return // "conceding the race", "maintains a lock": an object, not what was said
		}
	}
	if a.side == sideBefore && kind == Indirect && notContent.has(f.toks[spans[0][0]].low) && !f.clause(spans[0][0], spans[len(spans)-1][1]) {
		return // "At a rally in Modesto, Sanders promised …": a setting, not what was said
	}
	if a.cue.class == className && (kind == Indirect || a.side != sideAfter) {
		return // "a group called Forward", "called for calm": no words of the speaker's
	}
	if a.cue.class == classQuote && kind != Direct {
		return // "asked whether …", "continued to …"
	}
	subj := a.subj
	if a.inherit {
		subj = f.inheritedSubject(s, atts, k)
	}
	f.claims = append(f.claims, found{parts: spans, kind: kind, cue: [2]int{a.cueFrom, a.cueTo}, subj: subj, sentence: si})
}

// continues reports whether p, after an attribution in the middle of a
// sentence, carries on the content before it: a quote after a quote, or a
// clause that does not open with a conjunction.
func (f *finder) continues(before [][2]int, p [2]int) bool {
	if len(before) == 0 {
		return false
	}
	if _, ok := f.quoteOnly(before[0][0], before[0][1]); ok {
		return f.toks[p[0]].kind == tQuote && f.toks[p[0]].canOpen
	}
	first := f.toks[p[0]].low
	return first != "and" && first != "but" && first != "as" && first != "while" && first != "so" && !notContent.has(first)
}

// notContent are words that open what follows a cue when it is not the
// content: a topic, a time, a circumstance.
var notContent = set(`about of when as upon since while after before in on at during with for to from by
	into over`)

// afterThat reports whether the content of a follows "that" or a colon.
func (f *finder) afterThat(a attribution) bool {
	return a.to > 0 && (f.toks[a.to-1].low == "that" || f.toks[a.to-1].text == ":")
}

// finiteVerbs are verb forms that make a run of words a clause.
var finiteVerbs = set(`is are was were am be been has have had will would can could should may might must
	do does did won't can't don't doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't
	wouldn't couldn't shouldn't went came made took got gave knew thought told wrote won lost ran began
	became left felt kept held brought bought built found paid sent spent stood understood led met saw
	fell rose grew broke chose drove fought put set cut let said sold meant heard lay sat`)

// clause reports whether toks[lo:hi] reads as a clause, not a bare noun
// phrase: it holds a verb form, a contraction ("it’s") or a word in -ed.
func (f *finder) clause(lo, hi int) bool {
	for i := lo; i < hi && i < lo+25; i++ {
		t := f.toks[i]
		if t.kind != tWord || t.quote >= 0 {
			continue
		}
		if finiteVerbs.has(t.low) || i > lo && !t.capital && strings.HasSuffix(t.low, "ed") {
			return true
		}
		for _, c := range []string{"'s", "’s", "'re", "’re", "'ll", "’ll", "'d", "’d", "'ve", "’ve", "n't", "n’t"} {
			if strings.HasSuffix(t.low, c) && subjectPronouns.has(strings.TrimSuffix(t.low, c)) || strings.HasSuffix(t.low, "n't") || strings.HasSuffix(t.low, "n’t") {
				return true
			}
		}
		if subjectPronouns.has(t.low) && t.low != "it" && t.low != "you" && i+1 < hi && f.toks[i+1].kind == tWord {
			return true // "they want …", "she backs …"
		}
		if i > lo && !t.capital && len(t.low) > 3 && strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") &&
			!chainPreps.has(f.toks[i-1].low) && !determiners.has(f.toks[i-1].low) && !possessive(f.toks[i-1].low) &&
			!(i+1 < hi && chainPreps.has(f.toks[i+1].low)) {
			return true // "Clinton leads", "the economy grows"
		}
	}
	return false
}

// hasComma reports whether a comma outside quotes lies in toks[lo:hi].
func (f *finder) hasComma(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if f.toks[i].text == "," && f.toks[i].quote < 0 {
			return true
		}
	}
	return false
}

// subordinate words open a sentence with a clause that the main clause
// follows after a comma.
var subordinate = set(`while although though if because since whereas as when unless`)

// clauseBreaks, after a comma, start a clause that is the writer's, not
// the speaker's: "…, which is spread by mosquitoes", "…, but Cook did not
// say when".
var clauseBreaks = set(`which but while compared whereas however`)

// clauseEnd returns where reported content starting at token from ends, at
// the latest at to: before a comma and a clause break, or a dash, outside
// quotes.
func (f *finder) clauseEnd(from, to int) int {
	for i := from + 1; i+1 < to; i++ {
		t := f.toks[i]
		if t.quote >= 0 {
			continue
		}
		if t.text != "," {
			continue
		}
		n := f.toks[i+1]
		switch {
		case clauseBreaks.has(n.low) && !(i+2 < to && f.toks[i+2].low == "that"):
			return i // "…, which is spread by mosquitoes"; not "…, but that …"
		case n.low == "and" && i+2 < to && subjectPronouns.has(f.toks[i+2].low) && f.toks[i+2].low != "it":
			return i // "…, and he railed against …"
		}
	}
	return to
}

// inheritedSubject is the subject of a participle or coordinated cue: the
// subject of the attribution before it in the sentence, or the sentence's
// own subject ("Trump hit back, saying …").
func (f *finder) inheritedSubject(s sentence, atts []attribution, k int) np {
	for j := k - 1; j >= 0; j-- {
		if atts[j].subj.ok() {
			return atts[j].subj
		}
	}
	j := s.from
	for j < s.to && (f.toks[j].kind != tWord || f.toks[j].low == "but" || f.toks[j].low == "and") {
		j++
	}
	// Skip an opening phrase: "On Tuesday, Trump …", "In a statement, the agency …".
	if j < s.to && (adjunctPreps.has(f.toks[j].low) || timeWords.has(f.toks[j].low) || isLyAdverb(f.toks[j])) {
		for k := j; k < s.to && k-j < 12; k++ {
			if f.toks[k].text == "," {
				j = k + 1
				break
			}
		}
	}
	if j >= s.to || j >= atts[k].cueFrom {
		return np{}
	}
	p := f.npRight(j, atts[k].cueFrom)
	if p.kind == npDesc && !p.definite && !p.plural {
		return np{}
	}
	return p
}

// trim strips punctuation and "that" from both ends of toks[lo:hi] and
// reports whether anything is left.
func (f *finder) trim(lo, hi int) ([2]int, bool) {
	for lo < hi {
		t := f.toks[lo]
		if t.kind == tPunct && t.text != "(" && t.text != "$" && t.text != "#" && t.text != "@" || t.low == "that" || t.low == "and" || t.low == "but" {
			lo++
			continue
		}
		break
	}
	for hi > lo {
		t := f.toks[hi-1]
		if t.kind == tPunct && t.text != ")" && t.text != "%" && t.text != "?" && t.text != "!" {
			hi--
			continue
		}
		break
	}
	return [2]int{lo, hi}, lo < hi
}

// quoteOnly reports whether toks[lo:hi] is one whole quote, and returns the
// tokens inside it, without a trailing comma.
func (f *finder) quoteOnly(lo, hi int) ([2]int, bool) {
	q := f.toks[lo].quote
	if q < 0 || f.toks[lo].kind != tQuote {
		return [2]int{}, false
	}
	qt := f.quotes[q]
	if qt.open != lo {
		return [2]int{}, false
	}
	if !(qt.close == hi-1 || qt.close < 0 && qt.last == hi) {
		return [2]int{}, false
	}
	a, b := qt.first, qt.last
	for b > a && (f.toks[b-1].text == "," || f.toks[b-1].text == ";" || f.toks[b-1].kind == tQuote && f.toks[b-1].quote == q && f.toks[b-1].depth == 1) {
		b--
	}
	return [2]int{a, b}, a < b
}

// hasQuote reports whether a quote mark lies in toks[lo:hi].
func (f *finder) hasQuote(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if f.toks[i].quote >= 0 {
			return true
		}
	}
	return false
}

func (f *finder) countWords(lo, hi int) int {
	n := 0
	for i := lo; i < hi; i++ {
		if f.toks[i].kind == tWord {
			n++
		}
	}
	return n
}

// wholeQuote reports whether sentence si is one quote and nothing else
// (but its final punctuation), and returns the tokens inside it.
func (f *finder) wholeQuote(si int) ([2]int, bool) {
	s := f.sents[si]
	p, ok := f.trim(s.from, s.to)
	if !ok {
		return [2]int{}, false
	}
	return f.quoteOnly(p[0], p[1])
}

// continueQuotes gives the quotes that stand as sentences of their own,
// right after a quote with a speaker, to that speaker: within a paragraph
// the quote becomes another part of the claim (`"…," he said. "…"`), and in
// the next paragraph a claim of its own.
func (f *finder) continueQuotes() {
	if len(f.claims) == 0 {
		return
	}
	used := make([]bool, len(f.sents))
	last := make([]int, len(f.sents)) // index+1 of the last claim of each sentence
	for ci, c := range f.claims {
		for _, p := range c.parts {
			used[f.sentOf[p[0]]] = true
			used[f.sentOf[max(p[1]-1, p[0])]] = true
		}
		used[c.sentence] = true
		last[c.sentence] = ci + 1
	}
	for si := 1; si < len(f.sents); si++ {
		if used[si] || last[si-1] == 0 || f.skipBlock(f.sents[si].from) {
			continue
		}
		q, ok := f.wholeQuote(si)
		if !ok || f.countWords(q[0], q[1]) < 3 {
			continue
		}
		prev := last[si-1] - 1
		if f.claims[prev].kind == Indirect {
			continue
		}
		if f.toks[f.sents[si].from].block == f.toks[f.sents[si-1].to-1].block {
			f.claims[prev].parts = append(f.claims[prev].parts, q)
			last[si] = prev + 1
		} else {
			f.claims = append(f.claims, found{parts: [][2]int{q}, kind: Direct, inherit: prev + 1, sentence: si})
			last[si] = len(f.claims)
		}
		used[si] = true
	}
}

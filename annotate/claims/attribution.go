package claims

import "strings"

// attribution reads the cue starting at token i of sentence s, if there is
// one, with its subject and extent. prev holds the sentence's attributions
// before it.
func (f *finder) attribution(s sentence, i int, prev []attribution) (attribution, bool) {
	t := f.toks[i]
	if t.kind != tWord || t.quote >= 0 {
		return attribution{}, false
	}
	if t.low == "according" && i+1 < s.to && f.toks[i+1].low == "to" {
		return f.according(s, i)
	}
	c, ok := lexicon()[t.low]
	if !ok {
		return attribution{}, false
	}
	a := attribution{cue: c, cueFrom: i, cueTo: i + 1}
	if c.class == className && i+1 < s.to && (phrasal.has(f.toks[i+1].low) || f.toks[i+1].low == "it" && i+2 < s.to && f.toks[i+2].low == "quits") {
		return attribution{}, false // "called for", "called on", "called off"
	}
	if c.lemma == "point" {
		if i+1 >= s.to || f.toks[i+1].low != "out" {
			return attribution{}, false
		}
		a.cueTo++
	}
	var p token
	if i > s.from {
		p = f.toks[i-1]
	}
	if p.kind == tWord && (determiners.has(p.low) || possessive(p.low) || adjunctPreps.has(p.low) || chainPreps.has(p.low) ||
		p.low == "by" || p.low == "the") {
		return attribution{}, false // "the alleged", "his claims", "to say", "by saying"
	}
	if t.capital && !f.sentStart(i) {
		return attribution{}, false // a name: "Says", "Tell"
	}
	next := a.cueTo
	for next < s.to && timeWords.has(f.toks[next].low) {
		next++
	}
	thatNext := next < s.to && (f.toks[next].low == "that" || f.toks[next].text == ":" ||
		f.toks[next].kind == tQuote)

	// Participles: ", adding that …", "a statement saying …", "quoted as saying".
	if c.form == formParticiple {
		switch {
		case p.text == "," || p.text == ";" || p.kind == tWord && (p.low == "and" || documentNouns.has(p.low)) ||
			p.kind == tQuote && i >= 2 && f.toks[i-2].text == ",":
			a.inherit = true
			a.from = i
			if p.kind == tWord && p.low == "and" {
				a.from = i - 1
			}
		case p.kind == tWord && p.low == "as" && i >= 2 && f.toks[i-2].low == "quoted":
			// "X was quoted as saying": the subject is before "was quoted".
			a.cueFrom = i - 2
			l := f.subjectLeft(s, i-2, 0)
			if !l.subj.ok() {
				return attribution{}, false
			}
			a.subj, a.from = l.subj, l.from
		case p.kind == tWord && beForms.has(p.low):
			l := f.subjectLeft(s, i-1, 0)
			if !l.subj.ok() || l.negated {
				return attribution{}, false
			}
			a.subj, a.from = l.subj, l.from
		default:
			return attribution{}, false
		}
		a.side = sideAfter
		a.to = f.contentStart(s, a.cueTo, c)
		if a.to < 0 {
			return attribution{}, false
		}
		return a, true
	}

	l := f.subjectLeft(s, i, 0)
	if l.negated {
		return attribution{}, false
	}
	if l.passive {
		return f.passive(s, a, l)
	}
	strict := c.noun || strictForms.has(t.low) || c.base && c.lemma != "say"
	if c.base && (!l.subj.ok() || l.subj.kind == npPronoun && (l.subj.head == "he" || l.subj.head == "she" || l.subj.head == "it")) {
		return attribution{}, false // "they say", "analysts say"; not "let me say"
	}
	switch {
	case l.inherit:
		a.inherit, a.from = true, l.from
	case l.subj.ok():
		a.subj, a.from, a.relative = l.subj, l.from, l.relative
		if strict && !thatNext && l.subj.kind != npPronoun && (l.subj.kind != npName || c.base) {
			return attribution{}, false
		}
	default:
		// `"…," said Martin`: the subject follows the cue.
		if c.class == classTell || !(i == s.from || p.kind == tQuote || p.text == "," || isDash(p)) {
			return attribution{}, false
		}
		r := f.npRight(a.cueTo, s.to)
		if !r.ok() {
			return attribution{}, false
		}
		a.subj, a.from = r, i
		a.side = sideBefore
		a.to = f.skipAside(s, r.to)
		a.to = f.skipAdjuncts(s, a.to)
		if a.to < s.to && !(f.toks[a.to].kind == tPunct || f.toks[a.to].kind == tQuote) && !f.closesQuote(i-1) {
			return attribution{}, false // "…, said he fully supports it": not inverted
		}
		if a.to < s.to && f.toks[a.to].text == "," && a.to+1 < s.to && f.toks[a.to+1].kind == tQuote && f.toks[a.to+1].canOpen {
			a.side = sideBoth
		}
		return a, true
	}
	to := f.contentStart(s, a.cueTo, c)
	if to < 0 {
		return attribution{}, false
	}
	a.to = to
	a.side = f.side(s, a)
	if a.inherit {
		a.side = sideAfter
	}
	if a.inherit && a.side != sideAfter {
		return attribution{}, false // "and said so."
	}
	return a, true
}

// side decides where the content of an attribution with its subject
// before the cue lies.
func (f *finder) side(s sentence, a attribution) side {
	to := a.to
	afterQuote := a.from > s.from && f.closesQuote(a.from-1)
	quoteNext := to+1 < s.to && f.toks[to].text == "," && f.toks[to+1].kind == tQuote && f.toks[to+1].canOpen
	switch {
	case afterQuote && quoteNext:
		return sideBoth // `"…," he said, "…"`
	case afterQuote && (to >= s.to || f.toks[to].low != "that" && f.toks[to].kind != tQuote):
		return sideBefore // `"…," he said when asked about it.`
	case to >= s.to && to > 0 && f.toks[to-1].text == ":":
		return sideAfter // "Smith said:" closing its paragraph
	case to >= s.to || terminal(f.toks[to].text):
		return sideBefore // "…, officials said."
	case a.from > s.from && f.toks[a.from-1].text == "," && subordinators.has(f.toks[to].low):
		return sideBefore // "…, Pence said in a statement released by the campaign."
	case quoteNext:
		return sideAfter // `In a statement, the agency said, "…"`
	case (f.toks[to].text == "," || f.toks[to].text == ")") && a.from > s.from &&
		(f.toks[a.from-1].text == "," || isDash(f.toks[a.from-1])):
		return sideBoth // "The plan, he said, will fail."
	}
	return sideAfter
}

// phrasal particles after "call" make another verb: "call for", "call on".
var phrasal = set(`for on in off up back out into upon`)

// subordinators open a phrase or clause after a cue that is not its
// content.
var subordinators = set(`in on at during after before about of to for from with via when`)

// closesQuote reports whether toks[i] ends a quote: its closing mark, or a
// comma right after one (`"…", he said`).
func (f *finder) closesQuote(i int) bool {
	if i < 0 {
		return false
	}
	if f.toks[i].text == "," && i > 0 {
		i--
	}
	t := f.toks[i]
	return t.kind == tQuote && t.quote >= 0 && f.quotes[t.quote].close == i
}

// according reads "according to X" at token i.
func (f *finder) according(s sentence, i int) (attribution, bool) {
	a := attribution{cue: cue{lemma: "according to", class: classSay}, cueFrom: i, cueTo: i + 2, from: i}
	r := f.npRight(i+2, s.to)
	if !r.ok() {
		// "according to documents from …", "according to court records"
		j := i + 2
		for j < s.to && j-i-2 < 4 && f.npWord(j) && !chainPreps.has(f.toks[j].low) && !adjunctPreps.has(f.toks[j].low) {
			j++
		}
		if j == i+2 {
			return attribution{}, false
		}
		r = f.classify(i+2, j)
		for j+1 < s.to && chainPreps.has(f.toks[j].low) && f.npWord(j+1) {
			q := f.npRight(j+1, s.to)
			if !q.ok() {
				break
			}
			j = q.to
		}
		r.to = j
	}
	// "according to a report by the agency"
	to := r.to
	if to+1 < s.to && f.toks[to].low == "by" {
		if q := f.npRight(to+1, s.to); q.ok() {
			to = q.to
		}
	}
	a.subj = r
	a.to = to
	if i > s.from && !f.sentStart(i) {
		a.to = f.skipAside(s, to)
	}
	switch {
	case i > s.from && f.toks[i-1].text != "," && !isDash(f.toks[i-1]) && f.toks[i-1].text != "(":
		// "…, which according to X is …": mid-clause.
		a.side = sideBoth
	case i > s.from && !f.sentStart(i):
		a.side = sideBefore
		if a.to < s.to && f.toks[a.to].text == "," {
			a.side = sideBoth
		}
	default:
		a.side = sideAfter
		if a.to < s.to && f.toks[a.to].text == "," {
			a.to++
		}
	}
	return a, true
}

// passive reads a cue after a form of "be": "it was reported that …" (no
// speaker), "it was claimed by X that …".
func (f *finder) passive(s sentence, a attribution, l leftResult) (attribution, bool) {
	j := a.cueTo
	if j+1 < s.to && f.toks[j].low == "by" {
		r := f.npRight(j+1, s.to)
		if !r.ok() {
			return attribution{}, false
		}
		a.subj = r
		j = r.to
	}
	if !(l.subj.kind == npPronoun && l.subj.head == "it") {
		return attribution{}, false // "X is said to be", "he was told"
	}
	j = f.skipAdjuncts(s, j)
	if j >= s.to || f.toks[j].low != "that" {
		return attribution{}, false
	}
	a.from, a.to, a.side = l.subj.from, j+1, sideAfter
	return a, true
}

// leftResult is what subjectLeft finds before a cue.
type leftResult struct {
	subj     np
	from     int  // where the attribution starts
	negated  bool // "did not say"
	passive  bool // "was reported"
	inherit  bool // "… and said": the subject is the main clause's
	relative bool // "Smith, who said …"
}

// subjectLeft reads the subject of the cue at token c from the tokens before
// it: over auxiliaries and adverbs ("has also said"), brackets ("McCain
// (R-Ariz.) said") and asides between commas ("Smith, a spokesman, said";
// "Martin, head of the NSSC said").
func (f *finder) subjectLeft(s sentence, c int, depth int) leftResult {
	r := leftResult{from: c}
	i := c - 1
	for i >= s.from {
		t := f.toks[i]
		if t.kind != tWord {
			break
		}
		switch {
		case negations.has(t.low) || strings.HasSuffix(t.low, "n't") || strings.HasSuffix(t.low, "n’t"):
			r.negated = true
		case beForms.has(t.low):
			r.passive = true
		case t.capital && !f.sentStart(i) && !weekdays.has(t.low):
			goto found // a name, even if it spells a function word: "Theresa May said"
		case between.has(t.low) || isLyAdverb(t) || t.low == "did" || t.low == "does" || t.low == "do":
		default:
			goto found
		}
		i--
	}
found:
	r.from = i + 1
	if i < s.from {
		return r
	}
	t := f.toks[i]
	switch {
	case t.kind == tWord && (t.low == "and" || t.low == "but"):
		r.inherit, r.from = true, i
	case t.kind == tWord && relatives.has(t.low):
		// "Smith, who said …": the antecedent ends before the comma.
		r.relative = true
		j := i
		if j-1 >= s.from && (f.toks[j-1].text == "," || isDash(f.toks[j-1])) {
			j--
		}
		if p := f.npLeft(s.from, j); p.ok() && p.kind != npPronoun {
			r.subj, r.from = p, i
		}
	case t.kind == tWord && f.npWord(i):
		p := f.npLeft(s.from, i+1)
		if !p.ok() {
			return r
		}
		if p.kind == npDesc && p.from-2 >= s.from && delimiter(f.toks[p.from-1]) && f.nameWord(p.from-2) {
			if q := f.npLeft(s.from, p.from-1); q.kind == npName {
				p = q
			}
		}
		r.subj, r.from = p, p.from
	case t.text == ")" && depth < 3:
		for j := i - 1; j > s.from && i-j < 12; j-- {
			if f.toks[j].text == "(" {
				rr := f.subjectLeft(s, j, depth+1)
				rr.negated = rr.negated || r.negated
				rr.passive = rr.passive || r.passive
				return rr
			}
		}
	case (t.text == "," || isDash(t)) && i-1 >= s.from && f.toks[i-1].text == ")" && depth < 3:
		// "Gov. John Kasich (R-OH), said"
		for j := i - 2; j > s.from && i-j < 12; j-- {
			if f.toks[j].text == "(" {
				return f.subjectLeft(s, j, depth+1)
			}
		}
	case (t.text == "," || isDash(t)) && depth < 3:
		st := i - 1
		for st >= s.from && !delimiter(f.toks[st]) && f.toks[st].kind != tQuote && f.toks[st].text != ":" && !terminal(f.toks[st].text) {
			st--
		}
		segFrom := st + 1
		if segFrom >= i {
			return r
		}
		if st >= s.from && (f.toks[st].text == "," || isDash(f.toks[st])) && f.appositive(segFrom, i) {
			rr := f.subjectLeft(s, st, depth+1)
			if rr.subj.ok() {
				rr.negated = rr.negated || r.negated
				rr.passive = rr.passive || r.passive
				return rr
			}
		}
		if p := f.npLeft(segFrom, i); p.kind == npName && p.from == segFrom {
			r.subj, r.from = p, p.from // "The company's CEO, John Smith, said"
		}
	}
	return r
}

// skipAside moves past an appositive that follows a name: "Smith, a
// spokesman for the agency," returning the index after it (before its
// closing comma), or j when none follows.
func (f *finder) skipAside(s sentence, j int) int {
	if j >= s.to || f.toks[j].text != "," {
		return j
	}
	k := j + 1
	for k < s.to && f.toks[k].text != "," && f.toks[k].kind != tQuote && !terminal(f.toks[k].text) && !isDash(f.toks[k]) {
		k++
	}
	if k > j+1 && f.appositive(j+1, k) && lexicon()[f.toks[j+1].low].lemma == "" {
		return k
	}
	return j
}

// skipAdjuncts moves past what stands between a cue and its content: time
// words ("said Tuesday") and short prepositional phrases that end before
// "that", a comma, a colon, a quote or the sentence's end ("said in a
// statement that", "told reporters on Tuesday.").
func (f *finder) skipAdjuncts(s sentence, j int) int {
	for j < s.to {
		t := f.toks[j]
		if t.kind != tWord {
			break
		}
		if timeWords.has(t.low) || (t.low == "last" || t.low == "this" || t.low == "next") && j+1 < s.to && between.has(f.toks[j+1].low) {
			j++
			if t.low == "last" || t.low == "this" || t.low == "next" {
				j++
			}
			continue
		}
		if !adjunctPreps.has(t.low) {
			break
		}
		if j+1 < s.to && (weekdays.has(f.toks[j+1].low) || months.has(f.toks[j+1].low)) {
			// "on Monday", "in May"
			j += 2
			for j < s.to && (f.toks[j].kind == tWord && f.toks[j].low[0] >= '0' && f.toks[j].low[0] <= '9' || f.toks[j].low == "night" || f.toks[j].low == "morning") {
				j++
			}
			continue
		}
		k := j + 1
		for k < s.to && k-j <= 5 && f.npWord(k) && !adjunctPreps.has(f.toks[k].low) && !subjectPronouns.has(f.toks[k].low) &&
			(k == j+1 || !determiners.has(f.toks[k].low)) {
			k++
		}
		if k == j+1 {
			break
		}
		if k < s.to {
			n := f.toks[k]
			if !(n.low == "that" || n.text == "," || n.text == ":" || n.kind == tQuote || terminal(n.text) ||
				adjunctPreps.has(n.low) && n.low != "to" && n.low != "of" && n.low != "for" || timeWords.has(n.low) || n.text == "—") {
				break
			}
		}
		j = k
	}
	return j
}

// contentStart returns the index where the content of the cue ending at
// token j starts: past the addressee ("told reporters"), adjuncts and
// "that" or a colon. It returns -1 when the cue gives an order instead
// ("told them not to …").
func (f *finder) contentStart(s sentence, j int, c cue) int {
	j = f.skipAdjuncts(s, j)
	// An addressee: "told reporters", "warned voters that".
	if j < s.to && f.toks[j].kind == tWord && f.toks[j].low != "that" {
		k := -1
		switch {
		case addressees.has(f.toks[j].low):
			k = j + 1
		case c.class == classTell || c.lemma == "warn":
			if r := f.npRight(j, s.to); r.ok() {
				k = r.to
			} else {
				// "told government departments not to …"
				for k = j; k < s.to && k-j < 4 && f.npWord(k) && !f.toks[k].capital; k++ {
				}
				if k == j || k >= s.to || f.toks[k].low != "to" && f.toks[k].low != "not" && f.toks[k].low != "that" {
					k = -1
				}
			}
		}
		if k > j && (c.class == classTell || k < s.to && (f.toks[k].low == "that" || f.toks[k].low == "to" || f.toks[k].low == "not")) {
			k = f.skipAdjuncts(s, k)
			if k < s.to && (f.toks[k].low == "to" || f.toks[k].low == "not" && k+1 < s.to && f.toks[k+1].low == "to") {
				return -1
			}
			j = k
		}
	}
	if j < s.to && (f.toks[j].low == "that" || f.toks[j].text == ":") {
		return j + 1
	}
	if c.lemma == "warn" && j < s.to && f.toks[j].kind == tWord && !subjectPronouns.has(f.toks[j].low) {
		// "warned departments on Friday.": a warning to someone, of nothing said.
		k := j
		if r := f.npRight(j, s.to); r.ok() {
			k = r.to
		}
		for k < s.to && k-j < 4 && f.npWord(k) && !adjunctPreps.has(f.toks[k].low) {
			k++
		}
		if k = f.skipAdjuncts(s, k); k >= s.to || terminal(f.toks[k].text) {
			return -1
		}
	}
	return j
}

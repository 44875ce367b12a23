package claims

import "strings"

// npKind says what a noun phrase names.
type npKind uint8

const (
	npNone    npKind = iota
	npPronoun        // he, she, it, they, we
	npName           // a capitalized name: "Ciaran Martin", "The National Cyber Security Centre"
	npDesc           // a description: "the agency", "a spokesman for the company", "officials"
)

// np is a noun phrase that names a speaker.
type np struct {
	kind     npKind
	from, to int // token range of the whole phrase
	// nameFrom, nameTo is the token range that names the speaker: the name
	// without titles, the pronoun, or the whole description.
	nameFrom, nameTo int
	head             string // lower-case head word of a description or pronoun
	definite         bool   // a description opened by "the", "this" or a possessive
	plural           bool   // a plural description: "officials", "analysts"
}

func (p np) ok() bool { return p.kind != npNone }

// isLyAdverb reports whether t looks like an adverb: "angrily", "publicly".
func isLyAdverb(t token) bool {
	return t.kind == tWord && !t.capital && len(t.low) >= 5 && strings.HasSuffix(t.low, "ly") &&
		t.low != "family" && t.low != "rally" && t.low != "supply" && t.low != "ally"
}

// isDash reports whether t separates an appositive like a comma does.
func isDash(t token) bool { return t.text == "—" || t.text == "–" || t.text == "--" }

// nameWord reports whether toks[i] can be part of a capitalized name: a
// capital word that is not a function word opening a sentence, or an
// initial.
func (f *finder) nameWord(i int) bool {
	t := f.toks[i]
	if t.kind != tWord || !t.capital {
		return false
	}
	if weakCapitals.has(t.low) {
		return false
	}
	if f.sentStart(i) && (pluralNouns.has(t.low) || personNouns.has(t.low) || orgNouns.has(t.low)) {
		return false // "Officials said", "Analysts say"
	}
	return true
}

// npWord reports whether toks[i] can sit inside a noun phrase.
func (f *finder) npWord(i int) bool {
	t := f.toks[i]
	if t.kind != tWord || (npStops.has(t.low) || lexicon()[t.low].lemma != "") && (!t.capital || f.sentStart(i)) {
		return false
	}
	if !t.capital && (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing")) &&
		!personNouns.has(t.low) && !pluralNouns.has(t.low) {
		return false // a verb, most likely
	}
	return true
}

// npLeft reads the noun phrase that ends at token end-1, going left no
// further than from.
func (f *finder) npLeft(from, end int) np {
	if end <= from || !f.npWord(end-1) {
		return np{}
	}
	t := f.toks[end-1]
	if subjectPronouns.has(t.low) {
		return np{kind: npPronoun, from: end - 1, to: end, nameFrom: end - 1, nameTo: end, head: t.low}
	}
	j := end - 1
	for j-1 >= from && end-j < 12 {
		p := f.toks[j-1]
		switch {
		case p.kind != tWord:
		case chainPreps.has(p.low):
			if j-2 >= from && f.npWord(j-2) && !subjectPronouns.has(f.toks[j-2].low) {
				j -= 2
				continue
			}
		case p.low == "and" || p.low == "&":
			// "Smith and Jones", "current and former officials"
			if j-2 >= from && f.npWord(j-2) && (f.nameWord(j-2) && f.nameWord(j) || j < end-1) {
				j -= 2
				continue
			}
		case subjectPronouns.has(p.low) || relatives.has(p.low):
		case f.npWord(j - 1):
			j--
			continue
		}
		break
	}
	return f.classify(j, end)
}

// npRight reads the noun phrase that starts at token from, going right no
// further than to: the subject of an inverted cue ("said Martin", "said a
// spokesman for the company") or a cue's addressee.
func (f *finder) npRight(from, to int) np {
	if from >= to || f.toks[from].kind != tWord {
		return np{}
	}
	t := f.toks[from]
	if subjectPronouns.has(t.low) {
		return np{kind: npPronoun, from: from, to: from + 1, nameFrom: from, nameTo: from + 1, head: t.low}
	}
	j := from
	switch {
	case f.nameWord(from):
		for j < to && j-from < 8 && (f.nameWord(j) || f.toks[j].capital && titles.has(f.toks[j].low)) {
			j++
		}
		// Lower-case titles between names: "Republican party boss Reince
		// Priebus", "Virginia delegate Beau Correll".
		k := j
		for k < to && k-from < 10 && f.npWord(k) && !f.toks[k].capital && !determiners.has(f.toks[k].low) &&
			!chainPreps.has(f.toks[k].low) && !adjunctPreps.has(f.toks[k].low) && !subjectPronouns.has(f.toks[k].low) {
			k++
		}
		if k > j && k < to && f.nameWord(k) {
			for j = k; j < to && j-from < 12 && f.nameWord(j); j++ {
			}
		}
	case !t.capital && f.npWord(from) && from+1 < to && f.roleThenName(from, to):
		// "said ministry spokeswoman Anna Smith"
		for j < to && !f.nameWord(j) {
			j++
		}
		for j < to && j-from < 10 && f.nameWord(j) {
			j++
		}
	case determiners.has(t.low) || titles.has(t.low) || personNouns.has(t.low) || pluralNouns.has(t.low):
		j++
		for j < to && j-from < 8 && f.npWord(j) && !determiners.has(f.toks[j].low) &&
			!chainPreps.has(f.toks[j].low) && !adjunctPreps.has(f.toks[j].low) {
			j++
		}
	}
	if j == from {
		return np{}
	}
	// "a spokesman for the company", "Stu Rothenberg of the Rothenberg Report"
	for j+1 < to && chainPreps.has(f.toks[j].low) && f.toks[j].low != "on" && f.toks[j].low != "in" && f.npWord(j+1) {
		k := j + 1
		for k < to && k-j < 7 && f.npWord(k) && !chainPreps.has(f.toks[k].low) && !adjunctPreps.has(f.toks[k].low) {
			k++
		}
		if k == j+1 {
			break
		}
		j = k
	}
	return f.classify(from, j)
}

// roleThenName reports whether up to three lower-case words from token
// from lead to a capitalized name: "ministry spokeswoman Anna Smith".
func (f *finder) roleThenName(from, to int) bool {
	for k := from; k < to && k < from+4; k++ {
		if f.nameWord(k) {
			return k > from
		}
		if !f.npWord(k) || f.toks[k].capital || determiners.has(f.toks[k].low) || chainPreps.has(f.toks[k].low) || adjunctPreps.has(f.toks[k].low) {
			return false
		}
	}
	return false
}

// classify finds the head of the phrase toks[from:to] and what it names.
func (f *finder) classify(from, to int) np {
	for from < to && (chainPreps.has(f.toks[from].low) || f.toks[from].low == "and") {
		from++
	}
	if from >= to {
		return np{}
	}
	p := np{from: from, to: to}
	// The head part ends at the first chain preposition, unless a title
	// stands before it ("Secretary of State John Kerry").
	headTo := to
	for i := from + 1; i < to; i++ {
		if chainPreps.has(f.toks[i].low) && !f.toks[i].capital {
			if f.toks[i-1].capital && titles.has(f.toks[i-1].low) {
				continue
			}
			if f.nameWord(i-1) && i+1 < to && f.nameWord(i+1) {
				continue // one name: "Bank of England", "Office for National Statistics"
			}
			headTo = i
			break
		}
	}
	first := f.toks[from]
	p.definite = first.low == "the" || first.low == "this" || first.low == "that" || first.low == "its" ||
		first.low == "their" || strings.HasSuffix(first.low, "'s") || strings.HasSuffix(first.low, "’s")
	// A name: the capitalized words that end the head part.
	n := headTo
	for n > from && (f.nameWord(n-1) || n < headTo && chainPreps.has(f.toks[n-1].low) && !f.toks[n-1].capital && n-1 > from && f.nameWord(n-2)) {
		n--
	}
	last := f.toks[headTo-1]
	if n < headTo && !possessive(last.low) {
		// Titles are not part of the name: "Prime Minister Theresa May".
		s := n
		for s < headTo-1 && (titles.has(f.toks[s].low) || f.toks[s].low == "of" || s > n && f.toks[s-1].low == "of") {
			s++
		}
		p.kind, p.nameFrom, p.nameTo = npName, s, headTo
		p.head = last.low
		return p
	}
	p.kind, p.nameFrom, p.nameTo = npDesc, from, to
	p.head = strings.TrimSuffix(strings.TrimSuffix(last.low, "'s"), "’s")
	p.plural = pluralNouns.has(p.head)
	return p
}

func possessive(s string) bool {
	return strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s") || strings.HasSuffix(s, "s'") || strings.HasSuffix(s, "s’")
}

// appositive reports whether toks[from:to] reads as an appositive or an
// aside between commas: "head of the NSSC", "a spokesman", "54", "who was
// there", "however", "in a statement".
func (f *finder) appositive(from, to int) bool {
	if from >= to || to-from > 25 {
		return false
	}
	t := f.toks[from]
	if relatives.has(t.low) || t.low == "however" || t.low == "meanwhile" || t.low == "though" || t.low == "too" ||
		t.low == "for" && to-from <= 3 || t.low == "also" || timeWords.has(t.low) || isLyAdverb(t) && to-from == 1 {
		return true
	}
	if adjunctPreps.has(t.low) && to-from <= 6 {
		return true
	}
	if t.kind == tWord && t.low[0] >= '0' && t.low[0] <= '9' && to-from <= 2 {
		return true // an age: "Smith, 54, said"
	}
	if determiners.has(t.low) || titles.has(t.low) || personNouns.has(t.low) || appositiveOpeners.has(t.low) || possessive(t.low) ||
		t.kind == tWord && !t.capital && strings.HasSuffix(t.low, "ing") {
		return !f.hasCue(from, to) // "a spokesman for X", "wearing a cape"
	}
	p := f.npLeft(from, to)
	if !p.ok() || p.from != from {
		return false
	}
	return p.kind == npDesc
}

// appositiveOpeners open a description after a name: "Smith, ranking
// member of the committee, said".
var appositiveOpeners = set(`ranking former senior longtime then now also executive chief top leading
	veteran retired fellow deputy assistant associate acting interim lead co-founder founder`)

// hasCue reports whether toks[from:to] holds a quote mark or a cue word.
func (f *finder) hasCue(from, to int) bool {
	for i := from; i < to; i++ {
		c, isCue := lexicon()[f.toks[i].low]
		if f.toks[i].kind == tQuote || isCue && !f.toks[i].capital && !c.noun && !c.base && !strictForms.has(f.toks[i].low) {
			return true
		}
	}
	return false
}

// delimiter reports whether toks[i] ends an appositive or aside on its
// left: a comma, a dash or an opening bracket.
func delimiter(t token) bool {
	return t.text == "," || isDash(t) || t.text == "(" || t.text == ";"
}

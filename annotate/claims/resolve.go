package claims

import (
	"slices"
	"strings"
	"unicode"

	"glossa/annotate"
)

// resolution is who a claim's speaker is.
type resolution struct {
	speaker *Mention
	name    string
	entity  int            // index into finder.ents, or -1
	label   annotate.Label // the label of what the speaker resolved to, if anything
	gender  byte           // its gender, for a person (see finder.gender)
	at      int            // the token of the mention it resolved to, or -1
}

// mention is a name in the text that a pronoun or description may refer
// to: an entity suggestion or a capitalized name the rules found.
type mention struct {
	from, to int // token range
	label    annotate.Label
	text     string
	last     string // the lower-case last word of text, without a possessive
	entity   int    // index into finder.ents, or -1 for a name the rules found
	gender   byte   // 'm', 'f', 'n' (no pronoun's) or 0 (unknown), for people
}

// antecedentWindow is how many sentences back a pronoun or description
// looks for what it refers to.
const antecedentWindow = 12

// resolveAll resolves the speaker of every claim.
func (f *finder) resolveAll() {
	var ms []mention
	built := false
	prev := -1 // the last claim whose speaker resolved to a name
	for i := range f.claims {
		c := &f.claims[i]
		c.resolved.entity = -1
		if c.inherit > 0 {
			c.resolved = f.claims[c.inherit-1].resolved
			continue
		}
		if !c.subj.ok() {
			continue
		}
		if !built {
			ms, built = f.mentions(), true
		}
		c.resolved = f.resolve(c.subj, ms)
		if prev >= 0 && c.subj.kind != npName && f.carriesOn(f.claims[prev], *c) {
			// "The bank has denied it. It said …": the speaker goes on.
			p := f.claims[prev].resolved
			c.resolved.name, c.resolved.entity, c.resolved.label, c.resolved.gender, c.resolved.at = p.name, p.entity, p.label, p.gender, p.at
		}
		if c.resolved.label != "" {
			prev = i
		}
	}
}

// carriesOn reports whether the pronoun or description speaker of c refers
// to the speaker of the claim before it, prev, rather than to what refer
// found: prev is at most two sentences back, fits the pronoun, and what
// refer found, if anything, comes before prev's speaker in the text.
func (f *finder) carriesOn(prev, c found) bool {
	p, r := prev.resolved, c.resolved
	if c.sentence-prev.sentence > 2 || p.at < 0 {
		return false
	}
	switch c.subj.head {
	case "he", "she":
		if p.label != annotate.Person || p.gender != 0 && p.gender != pronounGender[c.subj.head] {
			return false
		}
	case "it", "they":
		if p.label != annotate.Org && p.label != annotate.GPE && p.label != annotate.NORP {
			return false
		}
	default:
		// A description goes on only with a speaker it describes: "the
		// bank" after the Bank of England.
		if !c.subj.definite || !(orgNouns.has(c.subj.head) && p.label == annotate.Org || personNouns.has(c.subj.head) && p.label == annotate.Person) ||
			r.at >= 0 && !strings.Contains(strings.ToLower(p.name), c.subj.head) {
			return false
		}
	}
	return r.at < 0 || r.at < prev.subj.from
}

// span returns the code point span of toks[from:to].
func (f *finder) span(from, to int) annotate.Span {
	return annotate.Span{Start: f.toks[from].start, End: f.toks[to-1].end}
}

func (f *finder) mention(s annotate.Span) *Mention {
	return &Mention{Span: s, Text: f.doc.Text.Slice(s.Start, s.End)}
}

// resolve finds who the phrase p names.
func (f *finder) resolve(p np, ms []mention) resolution {
	r := resolution{entity: -1, at: -1}
	whole := f.span(p.from, p.to)
	r.speaker = f.mention(f.span(p.nameFrom, p.nameTo))
	switch p.kind {
	case npName:
		if e := f.entityIn(p.nameFrom, p.nameTo); e >= 0 && f.ents[e].Start >= whole.Start && f.ents[e].End <= whole.End {
			r.entity = e
			r.speaker = f.mention(f.ents[e].Span)
			r.name = f.fullName(f.ents[e].Label, r.speaker.Text)
			r.label, r.at = f.ents[e].Label, p.nameFrom
			for _, m := range ms {
				if m.entity == e {
					r.label, r.gender = m.label, m.gender // a label refined by mentions()
				}
			}
			return r
		}
		r.label = guessLabel(f, p.nameFrom, p.nameTo)
		r.name = f.fullName(r.label, trimPossessive(r.speaker.Text))
		r.at = p.nameFrom
		return r
	case npPronoun:
		var want []annotate.Label
		switch p.head {
		case "he", "she":
			want = []annotate.Label{annotate.Person}
		case "it":
			want = []annotate.Label{annotate.Org, annotate.GPE}
		case "they":
			want = []annotate.Label{annotate.Org, annotate.NORP, annotate.GPE}
		}
		r.name = r.speaker.Text
		if want != nil {
			f.refer(&r, ms, p.from, want, "")
		}
		return r
	}
	// A description.
	r.name = r.speaker.Text
	if e := f.entityIn(p.from, p.to); e >= 0 {
		// "Kaspersky officials", "a spokesman for the Department of Justice"
		if l := f.ents[e].Label; l == annotate.Org || l == annotate.GPE || l == annotate.NORP || l == annotate.Person {
			r.entity = e
		}
		return r
	}
	bare := p.to-p.from == 1 || p.to-p.from == 2 && f.toks[p.from].low == "the"
	switch {
	case p.definite && orgNouns.has(p.head):
		// "the bank": an organisation named with the word, else the nearest.
		f.refer(&r, ms, p.from, []annotate.Label{annotate.Org, annotate.GPE}, p.head)
	case p.plural && bare && p.head != "people":
		f.refer(&r, ms, p.from, []annotate.Label{annotate.Org, annotate.GPE}, "")
	case p.definite && personNouns.has(p.head):
		f.refer(&r, ms, p.from, []annotate.Label{annotate.Person}, p.head)
	}
	return r
}

// refer resolves r to the mention that the pronoun or description at token
// at refers to: in the nearest sentence before it that holds a mention with
// one of the labels, the first such mention (the subject, most often), or,
// for a description naming a role ("the spokesman"), the nearest mention
// introduced with that role.
func (f *finder) refer(r *resolution, ms []mention, at int, want []annotate.Label, role string) {
	for _, l := range want {
		if f.referTo(r, ms, at, l, role) {
			return
		}
	}
}

// referTo resolves r to a mention labelled want, as refer does, and reports
// whether it found one.
func (f *finder) referTo(r *resolution, ms []mention, at int, want annotate.Label, role string) bool {
	sent := int(f.sentOf[at])
	g := pronounGender[f.toks[at].low]
	best, bestSent := -1, -1
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.to > at || m.label != want || g != 0 && m.gender != 0 && m.gender != g {
			continue
		}
		ms := int(f.sentOf[m.from])
		if sent-ms > antecedentWindow {
			break
		}
		if role != "" {
			if f.nearWord(m, role) {
				best = i
				break
			}
			if best < 0 {
				best = i
			}
			continue
		}
		if best >= 0 && ms != bestSent {
			break
		}
		best, bestSent = i, ms
	}
	if best < 0 {
		return false
	}
	m := ms[best]
	r.entity = m.entity
	r.name = f.fullName(m.label, m.text)
	r.label, r.gender, r.at = m.label, m.gender, m.from
	return true
}

// nearWord reports whether word stands near mention m in its sentence,
// five tokens before it to eight after: "spokesman John Smith", "John
// Smith, a spokesman", "the Bank of England", "the National Cyber Security
// Centre (NCSC) – Britain's cybersecurity agency".
func (f *finder) nearWord(m mention, word string) bool {
	s := f.sents[f.sentOf[m.from]]
	for i := max(m.from-5, s.from); i < min(m.to+8, s.to); i++ {
		if f.toks[i].low == word {
			return true
		}
	}
	return false
}

// entityIn returns the index of the last entity that tokens from:to touch,
// preferring people and organisations, or -1.
func (f *finder) entityIn(from, to int) int {
	best := -1
	for i := from; i < to; i++ {
		e := f.entAt[i]
		if e < 0 {
			continue
		}
		l := f.ents[e].Label
		if best < 0 || l == annotate.Person || l == annotate.Org {
			best = int(e)
		}
	}
	return best
}

// mentions lists what pronouns and descriptions may refer to, in text
// order: the entity suggestions outside quotes, and capitalized names the
// entities miss (2 or 3 words, or after a title), with a guessed label.
func (f *finder) mentions() []mention {
	ms := f.nameMentions()
	// Named speakers the entities miss are mentions too, people unless
	// their name says otherwise: "Cruz says …. And he …".
	for _, c := range f.claims {
		p := c.subj
		if p.kind != npName || c.inherit > 0 {
			continue
		}
		l := guessLabel(f, p.nameFrom, p.nameTo)
		if l == "" {
			l = annotate.Person
		}
		if p.nameTo-p.nameFrom == 1 && titles.has(f.toks[p.nameFrom].low) {
			continue // "the President said": a title, not a name
		}
		if e := f.entityIn(p.nameFrom, p.nameTo); e >= 0 {
			// A speaker the tagger took for a place or a thing ("Cruz
			// said") is a person when its name looks like one.
			if el := f.ents[e].Label; l == annotate.Person && el != annotate.Person && el != annotate.Org {
				for i := range ms {
					if ms[i].entity == e {
						ms[i].label = annotate.Person
					}
				}
			}
			continue
		}
		text := f.doc.Text.Slice(f.toks[p.nameFrom].start, f.toks[p.nameTo-1].end)
		ms = append(ms, mention{from: p.nameFrom, to: p.nameTo, label: l, text: text, entity: -1, last: lastWord(trimPossessive(text))})
	}
	slices.SortStableFunc(ms, func(a, b mention) int { return a.from - b.from })
	ms = slices.CompactFunc(ms, func(a, b mention) bool { return a.from < b.to && b.from < a.to })
	// The fullest name of each person, by last word, then each one's
	// gender, which may come from that fuller name.
	f.fullByLast = map[string]string{}
	for _, m := range ms {
		name := trimPossessive(stripTitles(m.text))
		if m.label == annotate.Person && strings.Count(name, " ") <= 3 && len(name) > len(f.fullByLast[m.last]) {
			f.fullByLast[m.last] = name
		}
	}
	for i := range ms {
		ms[i].gender = f.gender(ms[i])
	}
	return ms
}

// nameMentions lists the entity suggestions outside quotes and the
// capitalized names the entities miss, in text order.
func (f *finder) nameMentions() []mention {
	var ms []mention
	for i := 0; i < len(f.toks); {
		t := f.toks[i]
		if e := f.entAt[i]; e >= 0 {
			j := i
			for j < len(f.toks) && f.entAt[j] == e {
				j++
			}
			if t.quote < 0 && !f.skipBlock(i) {
				ms = append(ms, mention{from: i, to: j, label: f.ents[e].Label, text: f.ents[e].Text, entity: int(e),
					last: lastWord(trimPossessive(f.ents[e].Text))})
			}
			i = j
			continue
		}
		if t.quote >= 0 || !f.nameWord(i) || f.skipBlock(i) {
			i++
			continue
		}
		j := i
		for j < len(f.toks) && f.entAt[j] < 0 && f.toks[j].quote < 0 && f.toks[j].block == t.block {
			if f.nameWord(j) {
				j++
			} else if (f.toks[j].low == "of" || f.toks[j].low == "for") && j+1 < len(f.toks) && f.nameWord(j+1) && f.entAt[j+1] < 0 {
				j += 2 // "Bank of England", "Office for National Statistics"
			} else {
				break
			}
		}
		from := i
		for from < j-1 && titles.has(f.toks[from].low) {
			from++
		}
		titled := from > i || i > 0 && titles.has(f.toks[i-1].low)
		if l := guessLabel(f, from, j); l != "" && (titled || j-from >= 2 && j-from <= 3 || l == annotate.Org) {
			text := f.doc.Text.Slice(f.toks[from].start, f.toks[j-1].end)
			ms = append(ms, mention{from: from, to: j, label: l, text: text, entity: -1, last: lastWord(trimPossessive(text))})
		}
		i = j
	}
	return ms
}

// guessLabel guesses whether the capitalized name toks[from:to] names an
// organisation or a person, or returns "" for a lone word.
func guessLabel(f *finder, from, to int) annotate.Label {
	for i := from; i < to; i++ {
		if orgWords.has(f.toks[i].low) || len(f.toks[i].text) >= 2 && len(f.toks[i].text) <= 5 && allCaps(f.toks[i].text) && !f.toks[i].abbrev {
			return annotate.Org
		}
	}
	if to-from >= 2 || from > 0 && titles.has(f.toks[from-1].low) {
		return annotate.Person
	}
	return ""
}

// fullName returns the fullest name the article gives the entity named
// text: for a person, the longest name of a person with the same last word
// ("Ciaran Martin" for "Martin"); for an organisation, the name its acronym
// stands for ("National Cyber Security Centre" for "NSSC").
func (f *finder) fullName(label annotate.Label, text string) string {
	text = trimPossessive(strings.TrimSpace(text))
	switch label {
	case annotate.Person, "":
		if full := f.fullByLast[lastWord(text)]; len(full) > len(text) {
			return full
		}
		return text
	case annotate.Org:
		if full := f.acronym(text); full != "" {
			return full
		}
	}
	for _, the := range []string{"The ", "the "} {
		if strings.HasPrefix(text, the) && len(text) > len(the) {
			return text[len(the):]
		}
	}
	return text
}

// acronym returns the name that the acronym text stands for, where the
// article gives it in brackets after the name: "National Cyber Security
// Centre (NSSC)".
func (f *finder) acronym(text string) string {
	if f.acronyms == nil {
		f.acronyms = map[string]string{}
		for i := 1; i+1 < len(f.toks); i++ {
			if f.toks[i-1].text != "(" || f.toks[i+1].text != ")" || f.toks[i].kind != tWord {
				continue
			}
			j := i - 1
			for j > 0 && f.nameWord(j-1) && f.toks[j-1].block == f.toks[i].block {
				j--
			}
			if _, seen := f.acronyms[f.toks[i].text]; j < i-1 && !seen {
				f.acronyms[f.toks[i].text] = f.doc.Text.Slice(f.toks[j].start, f.toks[i-2].end)
			}
		}
	}
	return f.acronyms[text]
}

func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return strings.ToLower(s[strings.LastIndexFunc(s, unicode.IsSpace)+1:])
}

func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// pronounGender is the gender a pronoun asks of its antecedent.
var pronounGender = map[string]byte{"he": 'm', "she": 'f'}

func opposite(g byte) byte {
	if g == 'm' {
		return 'f'
	}
	return 'm'
}

// gender guesses a person's gender from a title before the name ("Mr.",
// "Mrs.") or a common first name, or returns 0. An all-capital name (an
// acronym a tagger took for a person) is neither: no pronoun refers to it.
func (f *finder) gender(m mention) byte {
	if allCaps(m.text) {
		return 'n'
	}
	if m.from > 0 {
		switch f.toks[m.from-1].low {
		case "mr", "mr.", "sir", "lord", "king", "prince":
			return 'm'
		case "mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "princess":
			return 'f'
		}
	}
	first := f.toks[m.from].low
	if m.label == annotate.Person {
		// The first name of the fullest name: "Donald" for "Trump".
		first, _, _ = strings.Cut(strings.ToLower(f.fullName(m.label, m.text)), " ")
	}
	switch {
	case femaleNames.has(first):
		return 'f'
	case maleNames.has(first):
		return 'm'
	}
	return 0
}

// stripTitles drops what comes before the name in a person's mention:
// "Texas Sen. Ted Cruz" is "Ted Cruz".
func stripTitles(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	fs := strings.Fields(s)
	cut := 0
	for i, w := range fs[:max(len(fs)-1, 0)] {
		if titles.has(strings.ToLower(w)) {
			cut = i + 1
		}
	}
	return strings.Join(fs[cut:], " ")
}

// allCaps reports whether s has no lower-case letter: "NCSC", "CNBC".
func allCaps(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

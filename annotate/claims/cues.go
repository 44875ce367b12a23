package claims

import (
	"strings"
	"sync"
)

// cueClass says how a cue verb takes its content.
type cueClass uint8

const (
	// say-type verbs take a that-clause, a bare clause or a quote, and let
	// their subject follow them after a quote (`"…," said Martin`).
	classSay cueClass = iota
	// tell-type verbs take an addressee first: "told reporters (that) …";
	// with a to-infinitive ("told them not to …") they give an order, not a
	// claim.
	classTell
	// object verbs take a that-clause or a noun phrase: "denied any
	// wrongdoing".
	classObject
	// quote-only verbs attribute a quote but report no clause: `"…?" she
	// asked`, `"…," he continued`.
	classQuote
	// naming verbs report what the speaker called something, in the
	// speaker's words: `called Trump "unhinged"`, `described it as "a
	// lesser set of circumstances"`. Their content must quote.
	className
)

// cueForm is the grammatical form of a cue verb.
type cueForm uint8

const (
	formFinite     cueForm = iota // said, says, say
	formParticiple                // saying, adding: takes the subject of its main clause
)

// cue is a lexicon entry: a form of a verb of saying.
type cue struct {
	lemma string
	class cueClass
	form  cueForm
	// noun is set for forms that are also common nouns ("claims",
	// "reports", "notes"): they are cues only with a that-clause or right
	// after a name or pronoun.
	noun bool
	// base is set for the bare form ("say"), a cue only after a plural
	// subject.
	base bool
}

// lexicon maps the lower-case forms of the cue verbs to their entries,
// made the first time it is asked (as the word sets are, see wordSet).
// Each line: lemma class forms; forms are past, third person, base, -ing,
// and a "*" after a form marks it as also a common noun.
var lexicon = sync.OnceValue(func() map[string]cue { return buildLexicon(lexiconTable) })

const lexiconTable = `
say say said says say saying
tell tell told tells tell telling
add say added adds add adding
warn say warned warns warn warning
deny object denied denies deny denying
claim say claimed claims* claim claiming
argue say argued argues argue arguing
insist say insisted insists insist insisting
state say stated states* state stating
note say noted notes* note noting
explain say explained explains explain explaining
assert say asserted asserts assert asserting
allege say alleged alleges allege alleging
announce say announced announces announce announcing
acknowledge object acknowledged acknowledges acknowledge acknowledging
admit object admitted admits admit admitting
confirm say confirmed confirms confirm confirming
declare say declared declares declare declaring
maintain say maintained maintains maintain maintaining
reply say replied replies* reply replying
respond say responded responds respond responding
stress say stressed stresses* stress stressing
write say wrote writes write writing
tweet say tweeted tweets* tweet tweeting
contend say contended contends contend contending
concede say conceded concedes concede conceding
predict say predicted predicts predict predicting
promise say promised promises* promise promising
vow say vowed vows* vow vowing
pledge say pledged pledges* pledge pledging
observe say observed observes observe observing
comment say commented comments* comment commenting
remark say remarked remarks* remark remarking
recall say recalled recalls* recall recalling
reiterate say reiterated reiterates reiterate reiterating
emphasize say emphasized emphasizes emphasize emphasizing
emphasise say emphasised emphasises emphasise emphasising
complain say complained complains complain complaining
testify say testified testifies testify testifying
caution say cautioned cautions* caution cautioning
charge say charged charges* charge charging
disclose say disclosed discloses disclose disclosing
reveal say revealed reveals reveal revealing
report say reported reports* report reporting
ask quote asked asks ask asking
conclude say concluded concludes conclude concluding
counter say countered counters* counter countering
continue quote continued continues continue continuing
joke quote joked jokes* joke joking
quip quote quipped quips* quip quipping
boast say boasted boasts* boast boasting
protest quote protested protests* protest protesting
retort quote retorted retorts* retort retorting
lament say lamented laments* lament lamenting
point say pointed points* point pointing
suggest say suggested suggests suggest suggesting
accuse object accused accuses accuse accusing
call name called calls* call calling
describe name described describes describe describing
`

func buildLexicon(table string) map[string]cue {
	classes := map[string]cueClass{"say": classSay, "tell": classTell, "object": classObject, "quote": classQuote, "name": className}
	m := make(map[string]cue)
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) != 6 {
			continue
		}
		lemma, class := f[0], classes[f[1]]
		for i, form := range f[2:] {
			noun := strings.HasSuffix(form, "*")
			form = strings.TrimSuffix(form, "*")
			c := cue{lemma: lemma, class: class, noun: noun, base: i == 2}
			if i == 3 {
				c.form = formParticiple
			}
			if _, dup := m[form]; !dup {
				m[form] = c
			}
		}
	}
	return m
}

// strictForms are past forms that are also common adjectives ("alleged
// ties", "reported cases"): like noun forms, they are cues only with a
// that-clause or right after a name or pronoun.
var strictForms = set(`alleged reported charged recalled stated countered maintained promised pledged`)

// documentNouns can carry a participle cue for their author: "a statement
// saying that …".
var documentNouns = set(`statement letter tweet post memo report release email message video ad
	interview op-ed editorial filing complaint lawsuit`)

package news

import (
	"strings"
	"unicode"

	"glossa/annotate"
)

// Rules that mend the model's chunks before they are mapped to labels,
// and the entities after. Each fixes a kind of mistake a CoNLL-trained
// tagger makes on the news Glossa opens; tests name the cases.

// refineChunks mends a sentence's chunks:
//   - a chunk loses lower-case small words at its ends ("of Indian");
//   - in a title-case line, a chunk splits at a capitalized preposition
//     inside it ("Kaspersky Lab At Cybertech Europa"), and in any line at
//     a slash ("Ruscio / Getty Images");
//   - a chunk followed by a capitalized facility word takes it in
//     ("Roma Convention" Center);
//   - a chunk loses byline words at its end ("Swarajya Staff");
//   - a chunk on a clock time ("03:16 AM IST") is dropped.
func refineChunks(s *sentenceTokens, cs []chunk) []chunk {
	var out []chunk
	times := clockTimes(s.words)
	for _, c := range cs {
		for c.start < c.end && isSmallLower(s.words[c.start]) {
			c.start++
		}
		for c.end > c.start && isSmallLower(s.words[c.end-1]) {
			c.end--
		}
		for c.end > c.start+1 && bylineWords[strings.ToLower(s.words[c.end-1])] {
			c.end--
		}
		if c.end < len(s.words) && isCapitalized(s.words[c.end]) && (facilityWords[strings.ToLower(s.words[c.end])] || strings.EqualFold(s.words[c.end], "center") || strings.EqualFold(s.words[c.end], "centre")) {
			c.end++
		}
		if c.start >= c.end || overlapsTime(times, c) {
			continue
		}
		title := s.in.mode != modeNormal
		start := c.start
		for i := c.start; i < c.end; i++ {
			if s.words[i] == "/" || title && i > c.start && i < c.end-1 && titlePrepositions[strings.ToLower(s.words[i])] {
				if i > start {
					out = append(out, chunk{start, i, c.typ})
				}
				start = i + 1
			}
		}
		out = append(out, chunk{start, c.end, c.typ})
	}
	return out
}

// titlePrepositions split a chunk in a title-case line. "Of", "And" and
// "The" do not: they are inside names ("Bank Of America").
var titlePrepositions = map[string]bool{
	"at": true, "for": true, "to": true, "in": true, "on": true, "amid": true, "with": true,
	"from": true, "by": true, "into": true, "over": true, "after": true, "against": true, "via": true,
	"says": true, "warns": true, "as": true,
}

// bylineWords end a byline, not a name.
var bylineWords = map[string]bool{
	"staff": true, "reporter": true, "reporters": true, "correspondent": true, "writer": true,
	"editor": true, "bureau": true, "desk": true,
}

func isSmallLower(w string) bool { return smallWords[w] }

func isCapitalized(w string) bool { return unicode.IsUpper(firstRune(w)) }

// timeZones follow a clock time.
var timeZones = map[string]bool{
	"am": true, "pm": true, "a.m.": true, "p.m.": true, "gmt": true, "utc": true, "ist": true, "est": true,
	"edt": true, "cet": true, "cest": true, "bst": true, "pst": true, "pdt": true, "cst": true, "cdt": true,
	"jst": true, "hkt": true, "sgt": true, "aest": true,
}

// clockTimes marks the tokens of clock times: "03:16", "AM", "IST".
func clockTimes(words []string) []bool {
	var marks []bool
	for i, w := range words {
		if !isClock(w) {
			continue
		}
		if marks == nil {
			marks = make([]bool, len(words))
		}
		marks[i] = true
		for j := i + 1; j < len(words) && timeZones[strings.ToLower(words[j])]; j++ {
			marks[j] = true
		}
	}
	return marks
}

func isClock(w string) bool {
	h, m, ok := strings.Cut(w, ":")
	return ok && len(h) >= 1 && len(h) <= 2 && len(m) == 2 && isNumber(h) && isNumber(m)
}

func overlapsTime(marks []bool, c chunk) bool {
	if marks == nil {
		return false
	}
	for i := c.start; i < c.end; i++ {
		if marks[i] {
			return true
		}
	}
	return false
}

// institutions are places that stand for the organization in them.
var institutions = map[string]bool{
	"kremlin": true, "pentagon": true, "white house": true, "downing street": true, "elysee": true,
	"élysée": true, "quai d'orsay": true, "whitehall": true,
}

// knownEvents are single-word events.
var knownEvents = map[string]bool{"brexit": true, "holocaust": true, "watergate": true}

// refineEntity mends a mapped entity of chunk c: institutions are ORG,
// known events EVENT, and an ORG that starts with a country's
// abbreviation and goes on for two words or more splits into a GPE and an
// ORG ("US National Security Agency"). It returns one or two entities.
func (r *Recognizer) refineEntity(s *sentenceTokens, c chunk, sp span) []span {
	words := s.words[c.start:c.end]
	name := strings.ToLower(strings.Join(words, " "))
	switch {
	case institutions[name]:
		sp.label = annotate.Org
	case knownEvents[name]:
		sp.label = annotate.Event
	case sp.label == annotate.Org && len(words) >= 3 && isAbbreviation(words[0]) &&
		r.m.lists(nameKey(words[:1]))&r.bits.country != 0 && sp.start == s.toks[c.start].Start:
		_, end := s.bytes(c.start, c.start+1)
		start, _ := s.bytes(c.start+1, c.end)
		return []span{{start: sp.start, end: end, label: annotate.GPE, chunk: sp.chunk}, {start: start, end: sp.end, label: annotate.Org, chunk: sp.chunk}}
	}
	return []span{sp}
}

// isAbbreviation reports whether w is in capitals with at most four
// letters ("US", "U.S.", "UK").
func isAbbreviation(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 4
}

// consistency remembers, across a document, the label of the first word of
// each multi-word ORG and the last word of each multi-word PERSON, so that
// a later one-word mention of the same name gets the same label
// ("Kaspersky Lab" … "Kaspersky"; "Ciaran Martin" … "Martin").
type consistency map[string]annotate.Label

func (c consistency) learn(s *sentenceTokens, i, j int, label annotate.Label) {
	if j-i < 2 {
		return
	}
	switch label {
	case annotate.Org:
		if _, ok := c[s.words[i]]; !ok {
			c[s.words[i]] = label
		}
	case annotate.Person:
		if _, ok := c[s.words[j-1]]; !ok {
			c[s.words[j-1]] = label
		}
	}
}

func (c consistency) apply(s *sentenceTokens, i, j int, sp *span) {
	if j-i != 1 {
		return
	}
	switch sp.label {
	case annotate.Person, annotate.Org, annotate.GPE, annotate.Misc:
		if l, ok := c[s.words[i]]; ok {
			sp.label = l
		}
	}
}

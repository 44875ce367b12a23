package news

import (
	"strings"
	"unicode"

	"glossa/annotate"
)

// The label mapping turns a model's entity types into Glossa's labels.
// The built-in model tags CoNLL-2003's four types; Glossa's reader keeps
// nine labels, so the mapping splits them by name lists and word rules:
//
//   - A name the model calls PER, LOC or MISC that ends in an
//     organization word ("Lab", "Images", "Party") is an ORG.
//   - PER is PERSON; a PER that is a country or state on the lists is GPE,
//     and one that is a demonym is NORP (headlines confuse the model).
//   - LOC is GPE (countries, states, cities: most places in news), LOC when
//     the name is on the region list or names a natural feature ("River",
//     "Mount"), FAC when it ends in a facility word ("Airport", "Bridge",
//     "Convention Center").
//   - ORG is ORG, GPE when it is a country or state on the lists ("UK"),
//     FAC when it ends in a facility word, EVENT when a year follows it
//     ("Cybertech Europa 2017").
//   - MISC is NORP on the demonym list ("Russian", "Muslims") or shaped
//     like a demonym ("Palestinian", "Congolese"); EVENT with an event word
//     ("World Cup", "Olympics", "election") or a year at its end, which
//     joins it ("Cybertech Europa 2017"); a place joined to a participle,
//     "Moscow-based", keeps the place as GPE; otherwise MISC.
//
// A model trained on Glossa's own labels (glossa train on a reader's
// annotations) is used as it is.

// mapEntity maps chunk c of sentence s to a Glossa entity.
func (r *Recognizer) mapEntity(s *sentenceTokens, c chunk) (span, bool) {
	start, end := s.bytes(c.start, c.end)
	sp := span{start: start, end: end}
	typ := r.m.info.Types[c.typ]
	words := s.words[c.start:c.end]
	lists := r.m.lists(nameKey(words))
	if len(words) >= 2 && orgWords[strings.ToLower(words[len(words)-1])] && (typ == "PER" || typ == "MISC" || typ == "LOC") && !isFacility(words) {
		typ = "ORG"
	}
	switch typ {
	case "PER":
		sp.label = annotate.Person
		switch {
		case len(words) > 1 && stormWords[strings.ToLower(words[0])]:
			sp.label = annotate.Event
		case lists&(r.bits.country|r.bits.state) != 0:
			sp.label = annotate.GPE
		case lists&r.bits.demonym != 0:
			sp.label = annotate.NORP
		}
	case "LOC":
		switch {
		case lists&r.bits.region != 0 && lists&(r.bits.country|r.bits.state) == 0 || isNatural(words):
			sp.label = annotate.Loc
		case isFacility(words):
			sp.label = annotate.Fac
		default:
			sp.label = annotate.GPE
		}
	case "ORG":
		sp.label = annotate.Org
		switch {
		case lists&(r.bits.country|r.bits.state) != 0:
			sp.label = annotate.GPE
		case isFacility(words):
			sp.label = annotate.Fac
		case len(words) >= 2 && c.end < len(s.words) && isYear(s.words[c.end]):
			sp.label = annotate.Event
			_, sp.end = s.bytes(c.end, c.end+1)
		}
	case "MISC":
		sp.label = annotate.Misc
		if len(words) == 1 {
			if place, ok := r.placeBased(words[0]); ok {
				sp.end = sp.start + len(place)
				sp.label = annotate.GPE
				if r.m.lists(nameKey([]string{place}))&r.bits.demonym != 0 {
					sp.label = annotate.NORP
				}
				return sp, true
			}
		}
		switch {
		case lists&r.bits.demonym != 0 || len(words) == 1 && demonymShaped(words[0]):
			sp.label = annotate.NORP
		case isEvent(words):
			sp.label = annotate.Event
		case c.end < len(s.words) && isYear(s.words[c.end]):
			sp.label = annotate.Event
			_, sp.end = s.bytes(c.end, c.end+1)
		}
	default:
		sp.label = annotate.Label(typ)
		if !sp.label.Valid() {
			sp.label = annotate.Misc
		}
	}
	return sp, true
}

// orgWords end the names of organizations: a name the model calls a
// person, a place or MISC that ends in one is an ORG ("Kaspersky Lab",
// "Getty Images").
var orgWords = map[string]bool{
	"lab": true, "labs": true, "inc": true, "inc.": true, "corp": true, "corp.": true, "ltd": true,
	"ltd.": true, "plc": true, "llc": true, "group": true, "bank": true, "agency": true, "ministry": true,
	"council": true, "party": true, "university": true, "institute": true, "association": true,
	"company": true, "co": true, "co.": true, "airlines": true, "airways": true, "motors": true,
	"systems": true, "technologies": true, "holdings": true, "partners": true, "foundation": true,
	"committee": true, "commission": true, "department": true, "authority": true, "federation": true,
	"league": true, "club": true, "fc": true, "images": true, "press": true, "news": true,
	"times": true, "post": true, "journal": true, "bureau": true, "police": true, "army": true,
	"navy": true, "court": true, "parliament": true, "congress": true, "senate": true,
}

// participles join a place to make an adjective: "Moscow-based".
var participles = map[string]bool{
	"based": true, "born": true, "led": true, "backed": true, "owned": true, "made": true,
	"controlled": true, "run": true, "funded": true, "registered": true, "listed": true,
	"headquartered": true, "bred": true, "sponsored": true, "supported": true, "bound": true,
}

// placeBased returns the place of a word such as "Moscow-based".
func (r *Recognizer) placeBased(w string) (string, bool) {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || !participles[strings.ToLower(w[i+1:])] {
		return "", false
	}
	place := w[:i]
	if !unicode.IsUpper(firstRune(place)) {
		return "", false
	}
	return place, true
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// demonymShaped reports whether a capitalized word ends as demonyms do.
func demonymShaped(w string) bool {
	if !unicode.IsUpper(firstRune(w)) {
		return false
	}
	l := strings.ToLower(w)
	for _, suf := range []string{"ian", "ians", "ese", "ish", "ean", "eans", "i", "ite", "ites"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

// stormWords start the names of storms, which are events, not people.
var stormWords = map[string]bool{"storm": true, "hurricane": true, "typhoon": true, "cyclone": true, "tropical": true}

// facilityWords end the names of buildings, airports, roads and bridges.
var facilityWords = map[string]bool{
	"airport": true, "stadium": true, "arena": true, "bridge": true, "tunnel": true, "tower": true,
	"towers": true, "palace": true, "cathedral": true, "mosque": true, "temple": true, "hall": true,
	"square": true, "street": true, "avenue": true, "road": true, "highway": true, "boulevard": true,
	"motorway": true, "expressway": true, "station": true, "terminal": true, "dam": true, "canal": true,
	"prison": true, "jail": true, "building": true, "plaza": true, "museum": true,
}

// centreWords make "X Center" a facility: a convention centre is a
// building, a security centre an agency.
var centreWords = map[string]bool{
	"convention": true, "exhibition": true, "conference": true, "shopping": true, "trade": true,
	"sports": true, "congress": true, "events": true,
}

func isFacility(words []string) bool {
	n := len(words)
	last := strings.ToLower(words[n-1])
	if facilityWords[last] {
		return true
	}
	return n >= 2 && (last == "center" || last == "centre") && centreWords[strings.ToLower(words[n-2])]
}

// naturalWords name natural features.
var naturalWords = map[string]bool{
	"river": true, "sea": true, "ocean": true, "lake": true, "mountain": true, "mountains": true,
	"mount": true, "mt.": true, "valley": true, "island": true, "islands": true, "isles": true,
	"bay": true, "gulf": true, "desert": true, "peninsula": true, "coast": true, "strait": true,
	"straits": true, "canyon": true, "forest": true, "plain": true, "plains": true, "basin": true,
	"region": true, "hills": true, "glacier": true,
}

func isNatural(words []string) bool {
	return naturalWords[strings.ToLower(words[0])] || naturalWords[strings.ToLower(words[len(words)-1])]
}

// eventWords name events.
var eventWords = map[string]bool{
	"war": true, "cup": true, "olympics": true, "olympiad": true, "games": true, "championship": true,
	"championships": true, "open": true, "election": true, "elections": true, "summit": true,
	"conference": true, "festival": true, "expo": true, "referendum": true, "revolution": true,
	"tournament": true, "prix": true, "series": true, "trophy": true, "marathon": true, "rally": true,
	"brexit": true, "holocaust": true, "uprising": true, "crisis": true, "massacre": true,
	"hurricane": true, "storm": true, "typhoon": true, "cyclone": true, "world": false,
}

func isEvent(words []string) bool {
	for _, w := range words {
		if eventWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// isYear reports whether a token is a year from 1800 to 2099.
func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for i := range 4 {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w[0] == '1' && w[1] >= '8' || w[0] == '2' && w[1] == '0'
}

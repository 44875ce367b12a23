package news

import (
	"strings"
	"unicode"

	"glossa/annotate"
)

// Dates are found by rule, not by the model (CoNLL-2003 marks none). The
// rules match tokens of one sentence, the longest match first:
//
//	Dec 03, 2017 · December 3 · 3rd December 2017 · the 3rd of December
//	September · September 2016 · early September · mid-September
//	2016 · the 1990s · mid-1990s · 1996-08-22 · 12/03/2017
//	Monday · yesterday · today · tomorrow
//	last week · the past year · next month · this year · earlier this month
//	three years ago · a week ago
//
// The month names May and March, and a bare year, need a context: a
// preposition or modifier before them ("in May", "since 2016") or a day or
// year with them; a year is not a date before a count noun ("2000 people").

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// ambiguousMonths are also common words or names.
var ambiguousMonths = map[string]bool{"may": true, "march": true, "mar": true, "jan": true, "jun": true}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// dateContext are words after which a month name or a year is a date.
var dateContext = map[string]bool{
	"in": true, "on": true, "since": true, "until": true, "till": true, "by": true, "from": true,
	"of": true, "last": true, "next": true, "this": true, "early": true, "late": true, "mid": true,
	"during": true, "before": true, "after": true, "through": true, "between": true, "and": true,
	"to": true, "for": true, "around": true, "throughout": true, "end": true,
}

// periods are the units of relative dates.
var periods = map[string]bool{
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "weekend": true, "decade": true, "decades": true, "century": true,
	"quarter": true, "season": true, "spring": true, "summer": true, "autumn": true, "fall": true,
	"winter": true,
}

var relativeWords = map[string]bool{
	"last": true, "past": true, "next": true, "coming": true, "previous": true, "this": true, "following": true,
}

var numberWords = map[string]bool{
	"a": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "few": true, "several": true,
	"eleven": true, "twelve": true, "fifteen": true, "twenty": true, "thirty": true, "fifty": true,
	"hundred": true, "many": true, "couple": true,
}

// countNouns follow a number that is not a year.
var countNouns = map[string]bool{
	"people": true, "men": true, "women": true, "children": true, "troops": true, "soldiers": true,
	"jobs": true, "workers": true, "tonnes": true, "tons": true, "miles": true, "km": true,
	"kilometres": true, "kilometers": true, "feet": true, "metres": true, "meters": true,
	"dollars": true, "euros": true, "pounds": true, "votes": true, "cases": true, "deaths": true,
	"members": true, "students": true, "units": true, "shares": true, "copies": true, "cars": true,
	"homes": true, "houses": true, "employees": true, "refugees": true, "points": true, "runs": true,
	"yards": true, "barrels": true, "acres": true, "hectares": true, "residents": true,
}

// findDates returns the dates of sentence s.
func findDates(s *sentenceTokens) []span {
	var out []span
	lw := make([]string, len(s.words))
	for i, w := range s.words {
		if s.in != nil {
			lw[i] = s.in.ws[i].lower
		} else {
			lw[i] = toLower(w)
		}
	}
	for i := 0; i < len(lw); {
		if !mayStartDate(lw, i) {
			i++
			continue
		}
		start, end := dateAt(s.words, lw, i)
		if end > start {
			a, b := s.bytes(start, end)
			out = append(out, span{start: a, end: b, label: annotate.Date})
			i = end
			continue
		}
		i++
	}
	return out
}

// dateStarts are the words with which a rule of dateAt starts, other
// than numbers, month names, "the" and number words (which mayStartDate
// looks at with the word after them).
var dateStarts = func() map[string]bool {
	m := map[string]bool{"earlier": true, "later": true, "yesterday": true, "today": true,
		"tomorrow": true, "early": true, "late": true, "mid": true}
	for _, set := range []map[string]bool{relativeWords, weekdays} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// mayStartDate reports whether dateAt can find a date at token i of a
// sentence's lower-case tokens lw: at a number, a month, "mid-…" or one
// of dateStarts, and at "the" and a number word only before what such a
// date takes ("the past year", "the 3rd of December", "three years
// ago"). findDates asks dateAt only there. Most tokens start no date,
// and dateAt, a large function, then runs too little for the browser to
// optimize it as the first article is tagged: optimizing it took 120-160
// ms of a core as the page loaded (V8 compiles WebAssembly that runs
// long enough again, on another thread).
func mayStartDate(lw []string, i int) bool {
	w := lw[i]
	if w == "" {
		return false
	}
	if c := w[0]; c >= '0' && c <= '9' {
		return true
	}
	next := ""
	if i+1 < len(lw) {
		next = lw[i+1]
	}
	switch {
	case w == "the":
		return relativeWords[next] || next != "" && next[0] >= '0' && next[0] <= '9'
	case numberWords[w]:
		return periods[next]
	}
	return dateStarts[w] || months[monthWord(w)] || strings.HasPrefix(w, "mid-")
}

// dateAt matches a date starting at token i (or at i-1 for "the" and
// modifiers) and returns its token range, or an empty one.
func dateAt(words, lw []string, i int) (int, int) {
	w := lw[i]
	at := func(j int) string {
		if j < 0 || j >= len(lw) {
			return ""
		}
		return lw[j]
	}
	start := i
	// Relative dates: [the] last/past/next N period(s); earlier this month.
	if w == "earlier" || w == "later" {
		if (at(i+1) == "this" || at(i+1) == "last" || at(i+1) == "next") && periods[at(i+2)] {
			return i, i + 3
		}
	}
	if w == "the" && relativeWords[at(i+1)] && at(i+1) != "this" {
		if _, end := dateAt(words, lw, i+1); end > i+1 {
			return i, end
		}
	}
	if relativeWords[w] {
		j := i + 1
		if numberWords[at(j)] || isNumber(at(j)) {
			j++
		}
		if periods[at(j)] || weekdays[at(j)] || months[strings.TrimSuffix(at(j), ".")] {
			return i, j + 1
		}
	}
	if (numberWords[w] || isNumber(w)) && periods[at(i+1)] && at(i+2) == "ago" {
		return i, i + 3
	}
	switch w {
	case "yesterday", "today", "tomorrow":
		return i, i + 1
	}
	if weekdays[w] && unicode.IsUpper(firstRune(words[i])) {
		return i, i + 1
	}
	if isISODate(w) {
		return i, i + 1
	}
	// Days and months.
	if day(w) && months[monthWord(at(i+1))] && capital(words, i+1) {
		end := i + 2
		if isYear(at(end)) {
			end++
		}
		return start, end
	}
	if w == "the" && day(at(i+1)) && at(i+2) == "of" && months[monthWord(at(i+3))] && capital(words, i+3) {
		end := i + 4
		if isYear(at(end)) {
			end++
		}
		return i, end
	}
	mod := w == "early" || w == "late" || w == "mid"
	if mod && months[monthWord(at(i+1))] && capital(words, i+1) {
		_, end := dateAt(words, lw, i+1)
		return i, max(end, i+2)
	}
	if m := monthWord(w); months[m] && capital(words, i) {
		end := i + 1
		switch {
		case day(at(end)):
			end++
			if at(end) == "," && isYear(at(end+1)) {
				end += 2
			} else if isYear(at(end)) {
				end++
			}
		case isYear(at(end)):
			end++
		case ambiguousMonths[m] && !dateContext[at(i-1)]:
			return i, i
		}
		if strings.HasPrefix(w, "mid-") {
			return i, end
		}
		return start, end
	}
	// Years and decades.
	if isYear(w) || isDecade(w) {
		if countNouns[at(i+1)] || at(i-1) == "$" || at(i-1) == "#" {
			return i, i
		}
		if at(i-1) == "the" && isDecade(w) {
			return i - 1, i + 1
		}
		return i, i + 1
	}
	if strings.HasPrefix(w, "mid-") && (isYear(w[4:]) || isDecade(w[4:])) {
		return i, i + 1
	}
	return i, i
}

// monthWord returns a token's month name, without a period or a "mid-".
func monthWord(w string) string {
	w = strings.TrimPrefix(w, "mid-")
	return strings.TrimSuffix(w, ".")
}

// capital reports whether token i starts with a capital letter.
func capital(words []string, i int) bool {
	w := strings.TrimPrefix(strings.TrimPrefix(words[i], "mid-"), "Mid-")
	return unicode.IsUpper(firstRune(w))
}

// day reports whether w is a day of the month: 1 to 31, maybe with a
// leading zero or an ordinal suffix.
func day(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if len(w) == 0 || len(w) > 2 || !isNumber(w) {
		return false
	}
	n := 0
	for _, c := range w {
		n = n*10 + int(c-'0')
	}
	return n >= 1 && n <= 31
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isDecade reports whether w is a decade such as "1990s".
func isDecade(w string) bool {
	return len(w) == 5 && w[4] == 's' && isYear(w[:4]) && w[3] == '0'
}

// isISODate reports whether w is a numeric date: 1996-08-22, 12/03/2017.
func isISODate(w string) bool {
	if len(w) < 8 || len(w) > 10 || w[0] < '0' || w[0] > '9' {
		return false
	}
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' })
	if len(parts) != 3 || len(w) < 8 || len(w) > 10 {
		return false
	}
	sep := w[len(parts[0])]
	if strings.Count(w, string(sep)) != 2 {
		return false
	}
	for _, p := range parts {
		if !isNumber(p) {
			return false
		}
	}
	return isYear(parts[0]) || isYear(parts[2])
}

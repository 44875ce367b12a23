package annotate

import (
	"regexp"
	"testing"
)

// datePattern is what isDateline looks for, as the regular expression it
// was before it was written out by hand (see isDateline): the reference
// FuzzIsDateline holds it to.
var datePattern = regexp.MustCompile(`(?i)\b(1[6-9]|2\d)\d\d\b|\b\d{1,2}:\d\d\b|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|` +
	`\b\d{1,2}\.?\s+` + months + `\b|\b` + months + `\.?\s+\d{1,2}\b`)

// months matches an English month's name or abbreviation.
const months = `(january|february|march|april|may|june|july|august|september|october|november|december|` +
	`jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)`

// datelineCases are header lines that are datelines and lines that are
// not, at the edges of each form.
var datelineCases = map[string]bool{
	"Dec 3, 2017": true, "December 03, 2017 10:15 AM": true, "3 déc. 2017": true, "1 May 2020": true,
	"Published 1600": true, "2999": true, "1599 people": false, "3000 words": false, "12345": false,
	"At 3:04": true, "15:04 GMT": true, "123:45": false, "3:045": false, "3:4": false, "a3:04": false, "3:04pm": false,
	"3/12/2017": true, "2017-12-03": true, "1.2.3": true, "12345/1/1": false, "1/123/4": false, "1/2/34567": false, "1/2/3x": false,
	"3 Dec": true, "3. December": true, "03\tsept": true, "3 Sept.": true, "3 Septem": false, "3Dec": false, "123 Dec": false,
	"Dec. 3": true, "SEPT 30": true, "ſept 3": false, "xſept 3": true, "Decx 3": false, "Dec 123": false, "Dec 3rd": false,
	"Police said 3 people were hurt.": false, "By Jane Doe": false, "": false, "May": false, "may 5": true,
	"Mayday 5": false, "_Dec 3": false, "Dec 3_": false, "\u00a03 Dec": true, "3\u00a0Dec": false, "3\vDec": false,
}

func TestIsDateline(t *testing.T) {
	for line, want := range datelineCases {
		if got := isDateline(line); got != want {
			t.Errorf("isDateline(%q) = %v, want %v", line, got, want)
		}
		if ref := datePattern.MatchString(line); ref != want {
			t.Errorf("the reference pattern says %v for %q: the case is wrong", ref, line)
		}
	}
}

// isDateline agrees with the regular expression it replaced, on any line.
func FuzzIsDateline(f *testing.F) {
	for line := range datelineCases {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := isDateline(line), datePattern.MatchString(line); got != want {
			t.Errorf("isDateline(%q) = %v, but the pattern says %v", line, got, want)
		}
	})
}

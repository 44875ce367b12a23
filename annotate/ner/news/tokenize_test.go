package news

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"plain", "Theresa May spoke.", "Theresa|May|spoke|."},
		{"possessive", "Britain's agency, the NCSC.", "Britain|'s|agency|,|the|NCSC|."},
		{"curly possessive", "Kaspersky\u2019s products", "Kaspersky|\u2019s|products"},
		{"negation", "It doesn't matter", "It|does|n't|matter"},
		{"abbreviations", "The U.S. and Acme Corp. met Mr. Smith in Dec. 2017.", "The|U.S.|and|Acme|Corp.|met|Mr.|Smith|in|Dec.|2017|."},
		{"initial", "Ernesto S. Ruscio", "Ernesto|S.|Ruscio"},
		{"hyphenated", "Moscow-based firm", "Moscow-based|firm"},
		{"quotes", "\u201cSnooping\u201d, he said \"to target\".", "\u201c|Snooping|\u201d|,|he|said|\"|to|target|\"|."},
		{"brackets", "(Ernesto S. Ruscio/Getty Images for Kaspersky Lab)", "(|Ernesto|S.|Ruscio|/|Getty|Images|for|Kaspersky|Lab|)"},
		{"numbers", "Dec 03, 2017, 03:16 AM cost $1,000.50 or 3.5%", "Dec|03|,|2017|,|03:16|AM|cost|$|1,000.50|or|3.5|%"},
		{"dates keep slashes", "on 12/03/2017 and 1996-08-22", "on|12/03/2017|and|1996-08-22"},
		{"trailing dash", "Centre \u2013 Britain's", "Centre|\u2013|Britain|'s"},
		{"emoji and marks", "\U0001F600 Cafe\u0301 Rouge!", "\U0001F600|Cafe\u0301|Rouge|!"},
		{"empty", " \n\t ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			last := 0
			for _, tok := range Tokenize(tc.text) {
				if tok.Start < last || tok.End <= tok.Start {
					t.Fatalf("token [%d, %d) out of order", tok.Start, tok.End)
				}
				last = tok.End
				got = append(got, tc.text[tok.Start:tok.End])
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("got  %s\nwant %s", g, tc.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	text := "Mr. Smith met the U.S. envoy. He left.\n\"Yes,\" she said! Then 2017 came.\nA caption line\nAnother line"
	toks := Tokenize(text)
	var got []string
	for _, s := range sentences(text, toks) {
		got = append(got, text[toks[s.start].Start:toks[s.end-1].End])
	}
	want := []string{"Mr. Smith met the U.S. envoy.", "He left.", "\"Yes,\" she said!", "Then 2017 came.", "A caption line", "Another line"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestLineMode(t *testing.T) {
	tests := []struct {
		line string
		want uint8
	}{
		{"Amid Concerns Of Russian Snooping, UK Warns Government Agencies To Not Use Kaspersky Software", modeTitle},
		{"Port City Council Approves Flood Barrier", modeTitle},
		{"ACME HIRES DUTCH STAFF FOR LISBON PLANT .", modeUpper},
		{"The city council said on Thursday it disagreed.", modeNormal},
		{"Ann Lee", modeNormal},
		{"Manchester United 2 Arsenal 1", modeNormal},
	}
	for _, tc := range tests {
		var ws []word
		for _, tok := range Tokenize(tc.line) {
			ws = append(ws, newWord(tc.line[tok.Start:tok.End]))
		}
		if got := lineMode(ws); got != tc.want {
			t.Errorf("%q: mode %d, want %d", tc.line, got, tc.want)
		}
	}
}

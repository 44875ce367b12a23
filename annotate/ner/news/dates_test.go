package news

import (
	"strings"
	"testing"
)

// datesIn returns the dates the rules find in text, one sentence.
func datesIn(text string) []string {
	toks := Tokenize(text)
	s := &sentenceTokens{text: text, toks: toks}
	for _, t := range toks {
		s.words = append(s.words, text[t.Start:t.End])
	}
	var out []string
	for _, sp := range findDates(s) {
		out = append(out, text[sp.start:sp.end])
	}
	return out
}

func TestDates(t *testing.T) {
	tests := []struct {
		text string
		want string // dates joined by |
	}{
		{"Dec 03, 2017, 03:16 AM | Updated 03:16 AM IST", "Dec 03, 2017"},
		{"In a letter dated yesterday (2 December) that was addressed", "yesterday|2 December"},
		{"In September, the United States government had imposed a ban", "September"},
		{"allegations of Russia interfering in the 2016 presidential election", "2016"},
		{"Last month, Martin said that hackers had targeted the UK over the past year.", "Last month|the past year"},
		{"The agency said last week that it would act.", "last week"},
		{"It was signed on December 3, 2017 and on 3rd December 2017.", "December 3, 2017|3rd December 2017"},
		{"Sales rose in September 2016 and early March.", "September 2016|early March"},
		{"Talks resume on Monday, three years ago they failed.", "Monday|three years ago"},
		{"He spoke earlier this month, and next year, in the 1990s.", "earlier this month|next year|the 1990s"},
		{"LISBON 2026-12-02", "2026-12-02"},
		{"Theresa May said in May that she would march.", "May"},
		{"About 2000 people marched; he paid $ 1999.", ""},
		{"Prime Minister Theresa May earlier said that Russia was weaponising information", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(datesIn(tc.text), "|"); got != tc.want {
			t.Errorf("%q:\ngot  %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

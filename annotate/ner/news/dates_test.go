package news

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"glossa/app/sample"
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

// TestMayStartDate: findDates asks dateAt only at tokens that
// mayStartDate lets through; at any other, in any context, dateAt finds
// nothing. Every pair, and many triples and quadruples, of the rules'
// own words; and made-up sentences of those words, their variants and
// the sample article's words, 20,000 of them (a fixed seed).
func TestMayStartDate(t *testing.T) {
	checked := 0
	check := func(words []string) {
		t.Helper()
		lw := make([]string, len(words))
		for i, w := range words {
			lw[i] = toLower(w)
		}
		for i := range words {
			if mayStartDate(lw, i) {
				continue
			}
			checked++
			if start, end := dateAt(words, lw, i); start != i || end != i {
				t.Fatalf("%q: mayStartDate at %q is false, but dateAt finds tokens %d to %d", words, lw[i], start, end)
			}
		}
	}
	var core []string
	for _, set := range []map[string]bool{months, weekdays, dateContext, periods, relativeWords, numberWords, dateStarts} {
		for w := range set {
			core = append(core, w)
		}
	}
	core = append(core, "the", "3", "03", "3rd", "1996", "1990s", "mid-1990s", "1996-08-22", "$", ",", "ago", "x")
	slices.Sort(core) // the maps' order varies; the checks should not
	for _, a := range core {
		for _, b := range core {
			check([]string{a, b})
			for _, c := range []string{"ago", "of", ",", "December", "2017", "3rd", "x"} {
				check([]string{a, b, c})
			}
			check([]string{a, b, "of", "December"})
		}
	}
	var vocab []string
	for _, w := range core {
		vocab = append(vocab, w, strings.ToUpper(w[:1])+w[1:], w+".", "mid-"+w, "Mid-"+w)
	}
	for w := range countNouns {
		vocab = append(vocab, w)
	}
	vocab = append(vocab, "31", "32", "21st", "2016", "12/03/2017", "#", "", "st", "th", "Earlier", "Later")
	vocab = append(vocab, strings.Fields(sample.Article)...)
	slices.Sort(vocab)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		words := make([]string, 1+rng.IntN(6))
		for i := range words {
			words[i] = vocab[rng.IntN(len(vocab))]
		}
		check(words)
	}
	if checked < 100000 {
		t.Errorf("only %d tokens checked that mayStartDate turns away", checked)
	}
}

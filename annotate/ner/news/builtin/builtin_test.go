package builtin_test

import (
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/ner/news/builtin"
)

// entities tags text as a document and lists "LABEL text".
func entities(t *testing.T, text string) []string {
	t.Helper()
	r, err := builtin.Recognizer()
	if err != nil {
		t.Fatal(err)
	}
	ents, err := annotate.RecognizeBlocks(annotate.NewDocument(text), r, nil)
	if err != nil {
		t.Fatal(err)
	}
	tt := annotate.NewText(text)
	var out []string
	for _, e := range ents {
		if tt.Slice(e.Start, e.End) != e.Text {
			t.Errorf("entity %+v: offsets do not match its text", e)
		}
		out = append(out, string(e.Label)+" "+e.Text)
	}
	return out
}

func has(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// TestHeadlines: title-case and capitals headlines give names, not
// phrases of capitalized common words.
func TestHeadlines(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // entities that must be there
		wantOnly   bool     // and nothing else
	}{
		{"sample headline", "Amid Concerns Of Russian \u201cSnooping\u201d, UK Warns Government Agencies To Not Use Kaspersky Software\n\nThe agency warned government departments about Russian snooping. Kaspersky denied it; the UK government said it had concerns and would not use the software.",
			[]string{"NORP Russian", "GPE UK"}, false},
		{"no names", "Port City Council Approves Flood Barrier After Storm Damage\n\nThe council approved a flood barrier on Tuesday after the storm damaged the port.",
			nil, true},
		{"capitals", "BRITAIN WARNS AGENCIES OVER RUSSIAN SOFTWARE\n\nBritain warned its agencies over Russian software on Friday.",
			[]string{"GPE Britain", "NORP Russian", "DATE Friday"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := entities(t, tc.text)
			for _, w := range tc.want {
				if !has(got, w) {
					t.Errorf("no %q in %q", w, got)
				}
			}
			headline := strings.SplitN(tc.text, "\n", 2)[0]
			for _, e := range got {
				_, text, _ := strings.Cut(e, " ")
				if strings.Contains(headline, text) && strings.Count(text, " ") >= 1 && !strings.HasPrefix(e, "DATE") {
					t.Errorf("headline phrase %q", e)
				}
			}
			if tc.wantOnly {
				for _, e := range got {
					if !has(tc.want, e) && !strings.HasPrefix(e, "DATE") {
						t.Errorf("unexpected %q", e)
					}
				}
			}
		})
	}
}

// TestLabelMapping: CoNLL's four types become Glossa's nine labels.
func TestLabelMapping(t *testing.T) {
	text := "Ciaran Martin, head of the National Cyber Security Centre, said Russian hackers and Moscow-based Kaspersky Lab worried British officials. " +
		"Prime Minister Theresa May spoke in London about Brexit, the Kremlin and the US National Security Agency.\n\n" +
		"In September, the United States government banned Kaspersky products. Martin met officials in Europe last week."
	got := entities(t, text)
	for _, want := range []string{
		"PERSON Ciaran Martin", "ORG National Cyber Security Centre", "NORP Russian", "GPE Moscow",
		"ORG Kaspersky Lab", "NORP British", "PERSON Theresa May", "GPE London", "EVENT Brexit",
		"ORG Kremlin", "GPE US", "ORG National Security Agency", "DATE September", "GPE United States",
		"ORG Kaspersky", "PERSON Martin", "LOC Europe", "DATE last week",
	} {
		if !has(got, want) {
			t.Errorf("no %q in %q", want, got)
		}
	}
}

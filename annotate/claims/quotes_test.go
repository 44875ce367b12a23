package claims

import (
	"strings"
	"testing"

	"glossa/annotate"
)

// TestPairQuotes pairs the quote marks of hand-written paragraphs and
// lists each top-level quote's inside.
func TestPairQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the text inside each top-level quote
	}{
		{"straight", `"We win," he said.`, []string{"We win,"}},
		{"curly", `“We win,” he said.`, []string{"We win,"}},
		{"mismatched marks", `He said "Russia is acting”. Then “it went on".`, []string{"Russia is acting", "it went on"}},
		{"two apostrophes", `''We win,'' he said.`, []string{"We win,"}},
		{"backticks and apostrophes", "``We win,'' he said.", []string{"We win,"}},
		{"nested double in curly", `“They called it "fake news" again,” he said.`, []string{`They called it "fake news" again,`}},
		{"nested single", `"He said 'no' to us," she said.`, []string{`He said 'no' to us,`}},
		{"apostrophes are not quotes", `Kaspersky’s chief said the firm’s “products are safe.”`, []string{"products are safe."}},
		{"British single quotes", `‘We win,’ he said of the Jones’ plan.`, []string{"We win,"}},
		{"two quotes", `“One,” he said, “two.”`, []string{"One,", "two."}},
		{"continued over paragraphs", "“One.\n\n“Two,” he said.", []string{"One.\n\n“Two,"}},
		{"unclosed at the paragraph's end", "“One.\n\nTwo, he said.", []string{"One."}},
		{"stray closing mark", `He said” nothing. “Yes,” she said.`, []string{"Yes,"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := annotate.NewDocument("Headline\n\n" + tc.text)
			toks := tokenize(d, []rune(d.Text.String()), nil)
			var got []string
			for _, q := range pairQuotes(toks, nil) {
				got = append(got, d.Text.Slice(q.start, q.end))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("quotes %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSplitSentences keeps quotes whole and abbreviations inside
// sentences.
func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // each sentence's first word
	}{
		{"plain", "One went. Two came! Three? Four.", []string{"One", "Two", "Three", "Four"}},
		{"abbreviations", "Mr. Smith met Sen. Jones in the U.S. capital. Then he left.", []string{"Mr.", "Then"}},
		{"initials", "Ernesto S. Ruscio took it. Then he left.", []string{"Ernesto", "Then"}},
		{"a quote of sentences is one", `“We tried. We failed,” he said. Then he left.`, []string{"“", "Then"}},
		{"after a quote that ends one", `He said: “We failed.” Then he left.`, []string{"He", "Then"}},
		{"attribution after a question", `“Who pays?” Smith asked. Then he left.`, []string{"“", "Then"}},
		{"paragraphs", "One went\n\nTwo came", []string{"One", "Two"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := annotate.NewDocument(tc.text)
			toks := tokenize(d, []rune(d.Text.String()), nil)
			pairQuotes(toks, nil)
			var got []string
			for _, s := range splitSentences(toks, nil) {
				got = append(got, toks[s.from].text)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("sentences start %q, want %q", got, tc.want)
			}
		})
	}
}

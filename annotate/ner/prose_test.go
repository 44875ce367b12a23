package ner

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"glossa/annotate"
	"glossa/annotate/ner/internal/chunk"
	"glossa/annotate/ner/internal/nertest"
	"glossa/app/sample"
)

func TestMatchesProse(t *testing.T) {
	doc := annotate.NewDocument(sample.Article)
	texts := slices.Clone(nertest.VariedTexts)
	for i := range doc.Blocks {
		texts = append(texts, doc.BlockText(i))
	}
	texts = append(texts, strings.Repeat(doc.BlockText(7)+" ", 3))
	p := NewProse()
	for i, text := range texts {
		t.Run(fmt.Sprintf("text%d", i), func(t *testing.T) {
			want, err := prose.NewDocument(text, prose.UsingModel(LoadModel()))
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Recognize(text)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want.Entities()) {
				t.Fatalf("got %d entities, prose has %d:\n got %v\nwant %v", len(got), len(want.Entities()), got, want.Entities())
			}
			for j, w := range want.Entities() {
				g := got[j]
				if g.Label != MapLabel(w.Label) {
					t.Errorf("entity %d %q: label %s, prose says %s", j, w.Text, g.Label, w.Label)
				}
				// prose joins an entity's tokens with single spaces and
				// turns curly quotes straight; compare in that form.
				if joined := proseForm(g.Text); joined != w.Text {
					t.Errorf("entity %d: span text %q (as prose writes it %q), prose has %q", j, g.Text, joined, w.Text)
				}
				if g.Text != annotate.NewText(text).Slice(g.Start, g.End) {
					t.Errorf("entity %d: Text %q is not the text at [%d, %d)", j, g.Text, g.Start, g.End)
				}
			}
		})
	}
}

// proseForm writes a span's text the way prose's Entity.Text does.
func proseForm(s string) string {
	s = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'").Replace(s)
	tok, err := prose.NewDocument(s, prose.WithTagging(false), prose.WithExtraction(false), prose.WithSegmentation(false))
	if err != nil {
		return s
	}
	var words []string
	for _, t := range tok.Tokens() {
		words = append(words, t.Text)
	}
	return strings.Join(words, " ")
}

func TestSampleSpans(t *testing.T) {
	doc := annotate.NewDocument(sample.Article)
	ents, err := annotate.RecognizeBlocks(doc, NewProse(), nil)
	if err != nil {
		t.Fatal(err)
	}
	has := func(label annotate.Label, text string) int {
		n := 0
		for _, e := range ents {
			if e.Label == label && e.Text == text {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		label annotate.Label
		text  string
	}{
		{annotate.Person, "Theresa May"},
		{annotate.Person, "Ciaran Martin"},
	} {
		if has(tc.label, tc.text) == 0 {
			t.Errorf("no %s entity %q in the sample; got %v", tc.label, tc.text, ents)
		}
	}
	// Repeated mentions: every entity's offsets hold its text, and the
	// mentions of one string sit at distinct offsets.
	seen := map[annotate.Span]bool{}
	kaspersky := 0
	for _, e := range ents {
		if got := doc.Text.Slice(e.Start, e.End); got != e.Text {
			t.Errorf("entity %v: text at its offsets is %q", e, got)
		}
		if seen[e.Span] {
			t.Errorf("two entities at %v", e.Span)
		}
		seen[e.Span] = true
		if strings.Contains(e.Text, "Kaspersky") {
			kaspersky++
		}
	}
	if kaspersky < 3 {
		t.Errorf("found %d Kaspersky mentions, want several", kaspersky)
	}
}

func TestAlignTokensHostile(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"curly quotes", "He said \u201cno\u201d.", []string{"He", "said", "\u201c", "no", "\u201d", "."}},
		{"apostrophe", "Britain\u2019s agency", []string{"Britain", "\u2019s", "agency"}},
		{"entity apostrophe", "it&rsquo;s", []string{"it", "&rsquo;s"}},
		{"emoji", "\U0001F600 Paris", []string{"\U0001F600", "Paris"}},
		{"tabs and newlines", "a\t\tb\n\nc", []string{"a", "b", "c"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := prose.NewDocument(tc.text, prose.WithTagging(false), prose.WithExtraction(false), prose.WithSegmentation(false))
			if err != nil {
				t.Fatal(err)
			}
			spans, err := chunk.Align(tc.text, fromProse(doc.Tokens()))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range spans {
				got = append(got, tc.text[s.Start:s.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMapLabel(t *testing.T) {
	for in, want := range map[string]annotate.Label{
		"PERSON": annotate.Person, "ORGANIZATION": annotate.Org, "FACILITY": annotate.Fac,
		"LOCATION": annotate.Loc, "GSP": annotate.NORP, "GPE": annotate.GPE, "WORK_OF_ART": annotate.Misc,
	} {
		if got := MapLabel(in); got != want {
			t.Errorf("MapLabel(%q) = %s, want %s", in, got, want)
		}
	}
}

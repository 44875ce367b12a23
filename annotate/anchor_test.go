package annotate_test

import (
	"errors"
	"testing"

	"glossa/annotate"
)

func TestAnchor(t *testing.T) {
	d := noteDoc() // noteText: "Ann Lee says “the plan works” 👍🏽 and Zoé agrees.\n\nKaspersky Lab … Ann Lee 👩🏽‍💻 disagreed."
	second := at(d, "Ann Lee", 2)
	pos := func(s annotate.Span) *annotate.Span {
		return &s
	}
	for _, c := range []struct {
		name  string
		quote annotate.Quote
		pos   *annotate.Span
		want  annotate.Span
		err   string
	}{
		{"position holds the quote", annotate.Quote{Exact: "Ann Lee"}, pos(second), second, ""},
		{"position alone", annotate.Quote{}, pos(second), second, ""},
		{"stale position, quote with suffix", annotate.Quote{Exact: "Ann Lee", Suffix: " 👩🏽‍💻"}, pos(annotate.Span{Start: 3, End: 10}), second, ""},
		{"context picks the second", annotate.Quote{Exact: "Ann Lee", Prefix: "🇬🇧; "}, nil, second, ""},
		{"no context: nearest the position", annotate.Quote{Exact: "Ann Lee"}, pos(annotate.Span{Start: second.Start - 2, End: second.End - 2}), second, ""},
		{"no context, no position: first", annotate.Quote{Exact: "Ann Lee"}, nil, at(d, "Ann Lee", 1), ""},
		{"approximate", annotate.Quote{Exact: "Kaspersky Lab denyed it"}, nil, at(d, "Kaspersky Lab denied it", 1), ""},
		{"approximate with emoji", annotate.Quote{Exact: "Britain 🇬🇧, Ann"}, nil, at(d, "Britain 🇬🇧; Ann", 1), ""},
		{"too far", annotate.Quote{Exact: "Kaspersky Corp refused all"}, nil, annotate.Span{}, `not anchored: the quote "Kaspersky Corp refused all" is not in the text, not even within 5 edits`},
		{"short and absent", annotate.Quote{Exact: "Bob"}, nil, annotate.Span{}, `not anchored: the quote "Bob" is not in the text`},
		{"nothing", annotate.Quote{}, nil, annotate.Span{}, `not anchored: no quote and no position to anchor by`},
		{"position outside", annotate.Quote{}, pos(annotate.Span{Start: 5, End: 500}), annotate.Span{}, `not anchored: position [5, 500) lies outside the text of 129 code points, and there is no quote`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := annotate.Anchor(d.Text, c.quote, c.pos)
			if c.err != "" {
				if err == nil || err.Error() != c.err || !errors.Is(err, annotate.ErrNotAnchored) {
					t.Errorf("error %v, want %s", err, c.err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Errorf("got %v, %v; want %v (%q)", got, err, c.want, d.Text.Slice(c.want.Start, c.want.End))
			}
		})
	}
}

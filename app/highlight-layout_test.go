package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"glossa/annotate"
)

// describe writes a layout as text: [LABEL:text] for marks, ~ for
// fragments.
func describe(text string, segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Mark == nil {
			b.WriteString(text[s.Span.Start:s.Span.End])
			continue
		}
		frag := ""
		if s.Fragment {
			frag = "~"
		}
		fmt.Fprintf(&b, "[%s%s:%s]", s.Mark.Label, frag, describe(text, s.Children))
	}
	return b.String()
}

func sp(start, end int) annotate.Span { return annotate.Span{Start: start, End: end} }

func TestLayoutHighlights(t *testing.T) {
	// ASCII text, so byte offsets are code points in describe.
	const text = "Ciaran Martin said Russia is acting against the UK."
	tests := []struct {
		name string
		hls  []highlight
		want string
	}{
		{"plain", nil, text},
		{"one entity", []highlight{{Span: sp(0, 13), Label: "PERSON", Kind: kindSuggestion}},
			"[PERSON:Ciaran Martin] said Russia is acting against the UK."},
		{"claim around entities", []highlight{
			{Span: sp(19, 25), Label: "GPE", Kind: kindSuggestion},
			{Span: sp(48, 50), Label: "GPE", Kind: kindSuggestion},
			{Span: sp(19, 50), Label: "CLAIM", Kind: kindAnnotation, ID: "c"},
		}, "Ciaran Martin said [CLAIM:[GPE:Russia] is acting against the [GPE:UK]]."},
		{"two crossing claims", []highlight{
			{Span: sp(0, 25), Label: "CLAIM", Kind: kindAnnotation, ID: "a"},
			{Span: sp(19, 50), Label: "CLAIM", Kind: kindAnnotation, ID: "b"},
		}, "[CLAIM:Ciaran Martin said [CLAIM~:Russia]][CLAIM~: is acting against the UK]."},
		{"annotation inside a suggestion", []highlight{
			{Span: sp(0, 13), Label: "PERSON", Kind: kindSuggestion},
			{Span: sp(7, 13), Label: "PERSON", Kind: kindAnnotation, ID: "n"},
		}, "[PERSON:Ciaran [PERSON:Martin]] said Russia is acting against the UK."},
		{"same span: the annotation is outer", []highlight{
			{Span: sp(0, 13), Label: "PERSON", Kind: kindSuggestion},
			{Span: sp(0, 13), Label: "ORG", Kind: kindAnnotation, ID: "n"},
		}, "[ORG:[PERSON:Ciaran Martin]] said Russia is acting against the UK."},
		{"clipped to the block", []highlight{{Span: sp(-5, 6), Label: "PERSON", Kind: kindAnnotation, ID: "x"}},
			"[PERSON~:Ciaran] Martin said Russia is acting against the UK."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := describe(text, layoutHighlights(sp(0, len(text)), tc.hls))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestLayoutHighlightsRandom checks, on random overlapping highlights,
// that the layout covers the text exactly once in order, that every mark
// lies inside its parent, and that each highlight's pieces add up to its
// span.
func TestLayoutHighlightsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 500; round++ {
		n := 1 + r.IntN(60)
		var hls []highlight
		for i := 0; i < r.IntN(8); i++ {
			a, b := r.IntN(n), r.IntN(n)
			if a > b {
				a, b = b, a
			}
			if a == b {
				b++
			}
			kind := kindSuggestion
			if r.IntN(2) == 0 {
				kind = kindAnnotation
			}
			hls = append(hls, highlight{Span: sp(a, b), Label: "X", Kind: kind, ID: fmt.Sprint(i)})
		}
		segs := layoutHighlights(sp(0, n), hls)
		covered := map[*highlight]int{}
		var walk func(parent annotate.Span, segs []segment)
		walk = func(parent annotate.Span, segs []segment) {
			pos := parent.Start
			for _, s := range segs {
				if s.Span.Start != pos || s.Span.End <= s.Span.Start {
					t.Fatalf("round %d: segment %v does not follow %d in %v (highlights %v)", round, s.Span, pos, parent, hls)
				}
				if s.Mark != nil {
					covered[s.Mark] += s.Span.Len()
					walk(s.Span, s.Children)
				}
				pos = s.Span.End
			}
			if pos != parent.End {
				t.Fatalf("round %d: segments end at %d, not %d", round, pos, parent.End)
			}
		}
		walk(sp(0, n), segs)
		for i := range hls {
			if covered[&hls[i]] != hls[i].Span.Len() {
				t.Fatalf("round %d: highlight %v covered %d code points", round, hls[i].Span, covered[&hls[i]])
			}
		}
	}
}

// TestHighlightsByBlock: each block gets the highlights that touch it, one
// over two blocks goes to both, and a block with none gets none.
func TestHighlightsByBlock(t *testing.T) {
	blocks := []annotate.Block{{Span: sp(0, 10)}, {Span: sp(12, 20)}, {Span: sp(22, 30)}, {Span: sp(32, 40)}}
	hls := []highlight{
		{Span: sp(0, 3), Label: "A"},
		{Span: sp(8, 14), Label: "B"},  // over blocks 0 and 1
		{Span: sp(25, 30), Label: "C"}, // ends where block 2 ends
		{Span: sp(2, 5), Label: "D"},
	}
	got := highlightsByBlock(blocks, hls)
	want := [][]string{{"A", "B", "D"}, {"B"}, {"C"}, nil}
	for i := range blocks {
		var labels []string
		for _, h := range got[i] {
			labels = append(labels, string(h.Label))
		}
		if fmt.Sprint(labels) != fmt.Sprint(want[i]) {
			t.Errorf("block %d: %v, want %v", i, labels, want[i])
		}
	}
}

// TestSortPieces checks the insertion sort against the standard library's
// stable sort on random pieces, ties included (same span, kind and ID:
// their order must stay).
func TestSortPieces(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	kinds := []string{kindAnnotation, kindSuggestion}
	for n := 0; n < 500; n++ {
		var ps []piece
		for i := r.IntN(12); i > 0; i-- {
			s := r.IntN(20)
			h := &highlight{Kind: kinds[r.IntN(2)], ID: fmt.Sprint(r.IntN(3))}
			ps = append(ps, piece{Span: annotate.Span{Start: s, End: s + 1 + r.IntN(5)}, hl: h})
		}
		want := slices.Clone(ps)
		slices.SortStableFunc(want, comparePieces)
		got := slices.Clone(ps)
		sortPieces(got)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("sorting %v gave %v, want %v", ps, got, want)
			}
		}
	}
}

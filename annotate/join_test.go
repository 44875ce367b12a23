package annotate_test

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"glossa/annotate"
)

// joinReference is WithSuggestions then WithClaims as first written, one
// map of every key and one sort of everything: the plain statement of
// what the join keeps, against which the faster one is checked.
func joinReference(w annotate.Workspace, ents []annotate.Entity, cs []annotate.ClaimSuggestion) annotate.Workspace {
	order := func(a, b annotate.Entity) int {
		return cmp.Or(annotate.CompareSpans(a.Span, b.Span), cmp.Compare(a.Label, b.Label))
	}
	taken := map[annotate.SuggestionKey]bool{}
	for _, n := range w.Notes {
		taken[annotate.SuggestionKey{Span: n.Span, Label: n.Label}] = true
	}
	var sugs []annotate.Entity
	for _, e := range ents {
		k := e.Key()
		if taken[k] || w.Rejected[k] || w.Accepted[k] || annotate.CheckLabel(k.Label) != nil || annotate.CheckNoteSpan(w.Doc.Text, k.Span) != nil {
			continue
		}
		taken[k] = true
		e.Text = w.Quote(e.Span)
		sugs = append(sugs, e)
	}
	slices.SortFunc(sugs, order)
	info := make(map[annotate.Span]annotate.ClaimSuggestion, len(cs))
	for _, c := range cs {
		k := c.Key()
		if taken[k] || w.Rejected[k] || w.Accepted[k] || annotate.CheckClaimSuggestion(w.Doc.Text, c) != nil || annotate.CheckNoteSpan(w.Doc.Text, c.Span) != nil {
			continue
		}
		taken[k] = true
		info[c.Span] = c
		sugs = append(sugs, annotate.Entity{Span: c.Span, Label: annotate.Claim, Text: w.Quote(c.Span)})
	}
	slices.SortFunc(sugs, order)
	out := w
	out.Suggestions, out.Claims = slices.Clip(sugs), info
	return out
}

// TestJoinMatchesReference: on random workspaces and taggings (notes,
// decisions, duplicates, entities out of order, bad labels and spans,
// claims on notes and on each other), the join keeps the suggestions and
// claims the reference keeps, in the same order.
func TestJoinMatchesReference(t *testing.T) {
	const text = "Ann Lee said the plan works.  Kaspersky Lab denied it, a spokesman said.\n\nMay said: no."
	d := annotate.NewDocument(text)
	n := d.Text.Len()
	labels := []annotate.Label{annotate.Person, annotate.Org, annotate.Claim, "BAD"}
	r := rand.New(rand.NewPCG(1, 2))
	span := func() annotate.Span {
		s := r.IntN(n + 2)
		return annotate.Span{Start: s, End: s + r.IntN(8) - 1}
	}
	for i := range 2000 {
		w := annotate.NewWorkspace(d)
		keys := func(k int) map[annotate.SuggestionKey]bool {
			m := map[annotate.SuggestionKey]bool{}
			for range k {
				m[annotate.SuggestionKey{Span: span(), Label: labels[r.IntN(3)]}] = true
			}
			return m
		}
		for range r.IntN(4) {
			w.Notes = append(w.Notes, annotate.Note{Span: span(), Label: labels[r.IntN(3)]})
		}
		w.Rejected, w.Accepted = keys(r.IntN(4)), keys(r.IntN(3))
		var ents []annotate.Entity
		for range r.IntN(30) {
			ents = append(ents, annotate.Entity{Span: span(), Label: labels[r.IntN(len(labels))]})
		}
		if r.IntN(2) == 0 {
			slices.SortFunc(ents, func(a, b annotate.Entity) int { return annotate.CompareSpans(a.Span, b.Span) })
		}
		var cs []annotate.ClaimSuggestion
		for range r.IntN(6) {
			c := annotate.ClaimSuggestion{Span: span(), Kind: annotate.IndirectClaim}
			if r.IntN(3) == 0 {
				c.SpeakerName = "Ann Lee"
			}
			cs = append(cs, c)
		}
		got := w.WithSuggestions(ents, "r").WithClaims(cs, "c")
		want := joinReference(w, ents, cs)
		if !reflect.DeepEqual(slices.Clip(got.Suggestions), want.Suggestions) || !reflect.DeepEqual(got.Claims, want.Claims) {
			t.Fatalf("case %d: notes %v, rejected %v, accepted %v, entities %v, claims %v:\nsuggestions %v\nwant        %v\nclaims %v\nwant   %v",
				i, w.Notes, w.Rejected, w.Accepted, ents, cs, got.Suggestions, want.Suggestions, got.Claims, want.Claims)
		}
	}
}

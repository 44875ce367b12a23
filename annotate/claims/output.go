package claims

import (
	"slices"

	"glossa/annotate"
)

// output turns the claims found into Claims in document order, dropping
// any that overlaps one before it.
func (f *finder) output() []Claim {
	slices.SortStableFunc(f.claims, func(a, b found) int {
		return f.toks[a.parts[0][0]].start - f.toks[b.parts[0][0]].start
	})
	var out []Claim
	lastEnd := -1
	for _, c := range f.claims {
		spans := make([]annotate.Span, 0, len(c.parts))
		for _, p := range c.parts {
			s := f.span(p[0], p[1])
			if len(spans) > 0 && s.Start < spans[len(spans)-1].End {
				break
			}
			spans = append(spans, s)
		}
		whole := annotate.Span{Start: spans[0].Start, End: spans[len(spans)-1].End}
		if whole.Start < lastEnd {
			continue
		}
		cl := Claim{Span: whole, Text: f.doc.Text.Slice(whole.Start, whole.End), Kind: c.kind}
		if len(spans) > 1 {
			cl.Parts = spans
		}
		if c.cue[1] > c.cue[0] {
			cl.Cue = f.mention(f.span(c.cue[0], c.cue[1]))
		}
		if r := c.resolved; r.speaker != nil && !overlapsAny(r.speaker.Span, spans) {
			sp := *r.speaker
			cl.Speaker = &sp
			cl.SpeakerName = r.name
			if r.entity >= 0 {
				e := f.ents[r.entity]
				cl.Entity = &e
			}
		}
		out = append(out, cl)
		lastEnd = whole.End
	}
	return out
}

func overlapsAny(s annotate.Span, spans []annotate.Span) bool {
	for _, p := range spans {
		if s.Start < p.End && p.Start < s.End {
			return true
		}
	}
	return false
}

package claims

import "glossa/annotate"

// Proposals turns claims into the claim suggestions a workspace offers the
// reader (annotate.Workspace.WithClaims): each claim's content, kind, cue
// and speaker, and the entity its speaker resolves to, by span and label.
func Proposals(cs []Claim) []annotate.ClaimSuggestion {
	out := make([]annotate.ClaimSuggestion, len(cs))
	for i, c := range cs {
		p := annotate.ClaimSuggestion{Span: c.Span, Kind: annotate.ClaimKind(c.Kind), SpeakerName: c.SpeakerName}
		if c.Cue != nil {
			cue := c.Cue.Span
			p.Cue = &cue
		}
		if c.Speaker != nil {
			sp := c.Speaker.Span
			p.Speaker = &sp
		}
		if c.Entity != nil {
			p.SpeakerEntity = &annotate.Entity{Span: c.Entity.Span, Label: c.Entity.Label}
		}
		out[i] = p
	}
	return out
}

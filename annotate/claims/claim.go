package claims

import (
	"glossa/annotate"
)

// Kind says how a claim reports what its speaker said.
type Kind string

// The kinds of claim.
const (
	// Direct is a quotation: the speaker's words between quote marks.
	Direct Kind = "direct"
	// Indirect is reported speech: "X said (that) …", "according to X, …".
	Indirect Kind = "indirect"
	// Mixed is reported speech that quotes some of the speaker's words:
	// X said Russia seeks "to target UK central government".
	Mixed Kind = "mixed"
)

// Mention is a span of the text and the text it holds.
type Mention struct {
	annotate.Span
	Text string `json:"text"` // the text at the span
}

// Claim is one claim found in an article: what was said (its content), how
// (its cue and kind), and by whom (its speaker). It marshals to the JSON of
// `glossa annotate --jsonl`: {"start", "end", "text", "kind", "cue",
// "speaker", "speaker_name"}, cue and speaker null when absent.
type Claim struct {
	// Span is the content, without its attribution and without the quote
	// marks of a direct quote; for a quote interrupted by its attribution
	// ("…," he said, "…") it runs from the first part's start to the last
	// part's end. Code points.
	annotate.Span
	// Text is the text at Span.
	Text string `json:"text"`
	// Parts are the pieces of the content when its attribution interrupts
	// it, in order; nil when the content is one piece (Span).
	Parts []annotate.Span `json:"-"`
	// Kind says whether the content is quoted, reported or both.
	Kind Kind `json:"kind"`
	// Cue is the verb or phrase that attributes the content ("said",
	// "according to", "denied"); nil for a quote that carries on an earlier
	// quote of the same speaker.
	Cue *Mention `json:"cue"`
	// Speaker is the span of the text that names the source: a name, a
	// pronoun or a description ("he", "the agency"). For a quote that
	// carries on an earlier one, it is that quote's speaker span. Nil when
	// the text names no source ("it was reported that …").
	Speaker *Mention `json:"speaker"`
	// SpeakerName is the speaker's name: the fullest name the article gives
	// the entity the speaker resolves to ("Ciaran Martin" for "Martin" or
	// "he"), or the speaker's own text when it resolves to none. Empty when
	// Speaker is nil.
	SpeakerName string `json:"speaker_name"`
	// Entity is the entity the speaker resolves to, one of the entities
	// given to Find: the entity at the speaker span when there is one, else
	// the antecedent of a pronoun or description. The app links the claim to
	// that entity's suggestion with it. Nil when none was found.
	Entity *annotate.Entity `json:"-"`
}

// Pieces returns the content's pieces: Parts, or Span alone.
func (c Claim) Pieces() []annotate.Span {
	if len(c.Parts) > 0 {
		return c.Parts
	}
	return []annotate.Span{c.Span}
}

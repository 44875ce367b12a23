package annotate

import (
	"encoding/json"
	"time"
)

// AnnoContext is the JSON-LD context of the W3C Web Annotation Data Model.
const AnnoContext = "http://www.w3.org/ns/anno.jsonld"

// MediaType is the media type of Glossa's W3C Web Annotation files.
const MediaType = `application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"`

// Purposes of TextualBody, from W3C Web Annotation Data Model §3.3.5.
const (
	PurposeClassifying = "classifying"
	PurposeTagging     = "tagging"
	PurposeCommenting  = "commenting"
)

// Annotation is a W3C Web Annotation (Data Model §3.1) on a span of a
// document's text.
type Annotation struct {
	Context    string     `json:"@context"`
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Motivation string     `json:"motivation,omitempty"`
	Created    string     `json:"created,omitempty"` // xsd:dateTime in UTC with Z
	Creator    *Agent     `json:"creator,omitempty"`
	Body       []Body     `json:"body"`
	Target     TextTarget `json:"target"`
}

// Agent is the creator of an annotation (Data Model §3.3.2): a Person or
// Software.
type Agent struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type"`
	Name string `json:"name"`
}

// Software returns the agent for a program or model.
func Software(name string) *Agent { return &Agent{Type: "Software", Name: name} }

// Body is an embedded TextualBody (Data Model §3.2.4).
type Body struct {
	Type    string `json:"type"`
	Value   string `json:"value"`
	Purpose string `json:"purpose,omitempty"`
}

// TextualBody returns an embedded textual body with the given purpose.
func TextualBody(value, purpose string) Body {
	return Body{Type: "TextualBody", Value: value, Purpose: purpose}
}

// TextTarget is a SpecificResource (Data Model §4) that selects a span of a
// document's text with both a quote and a position, so consumers can anchor
// it either way.
type TextTarget struct {
	Source   string
	Quote    TextQuoteSelector
	Position TextPositionSelector
}

// MarshalJSON writes the target with its two selectors.
func (t TextTarget) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Source   string `json:"source"`
		Selector []any  `json:"selector"`
	}{t.Source, []any{t.Quote, t.Position}})
}

// TextQuoteSelector selects text by quoting it, with context (Data Model
// §4.2.4).
type TextQuoteSelector struct {
	Exact  string
	Prefix string
	Suffix string
}

// MarshalJSON writes the selector with its type.
func (s TextQuoteSelector) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Type   string `json:"type"`
		Exact  string `json:"exact"`
		Prefix string `json:"prefix"`
		Suffix string `json:"suffix"`
	}{"TextQuoteSelector", s.Exact, s.Prefix, s.Suffix})
}

// TextPositionSelector selects text by its position (Data Model §4.2.5).
// Start and End count Unicode code points, as the model requires.
type TextPositionSelector struct {
	Start int // code points, inclusive
	End   int // code points, exclusive
}

// MarshalJSON writes the selector with its type.
func (s TextPositionSelector) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Type  string `json:"type"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	}{"TextPositionSelector", s.Start, s.End})
}

// quoteContext is how many code points of context a TextQuoteSelector keeps
// on each side, enough to tell repeated mentions apart.
const quoteContext = 32

// TargetSpan builds the target for a span of d's text.
func TargetSpan(d *Document, s Span) TextTarget {
	return TextTarget{
		Source: d.ID,
		Quote: TextQuoteSelector{
			Exact:  d.Text.Slice(s.Start, s.End),
			Prefix: d.Text.Slice(s.Start-quoteContext, s.Start),
			Suffix: d.Text.Slice(s.End, s.End+quoteContext),
		},
		Position: TextPositionSelector{Start: s.Start, End: s.End},
	}
}

// Timestamp formats t as the model's xsd:dateTime, in UTC with Z.
func Timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// SuggestionAnnotation turns a machine-found entity into an annotation: its
// label as a classifying TextualBody, created by the recognizer.
func SuggestionAnnotation(d *Document, e Entity, id, recognizer string, created time.Time) Annotation {
	return Annotation{
		Context:    AnnoContext,
		ID:         id,
		Type:       "Annotation",
		Motivation: PurposeClassifying,
		Created:    Timestamp(created),
		Creator:    Software(recognizer),
		Body:       []Body{TextualBody(string(e.Label), PurposeClassifying)},
		Target:     TargetSpan(d, e.Span),
	}
}

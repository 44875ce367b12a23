package w3c

import (
	"encoding/json"
	"fmt"
	"time"

	"glossa/annotate"
	"glossa/annotate/internal/rawjson"
)

// AnnoContext is the JSON-LD context of the W3C Web Annotation Data Model.
const AnnoContext = "http://www.w3.org/ns/anno.jsonld"

// GlossaNamespace is the namespace IRI of Glossa's extension terms (Data
// Model §6 and Vocabulary §1.1): the one term is "proposedBy". The host is
// under .invalid, reserved by RFC 6761 never to resolve, so no JSON-LD
// processor ever makes a request for it; the context that defines the term
// is embedded in each annotation that uses it (see Context).
const GlossaNamespace = "https://glossa.invalid/ns#"

// MediaType is the media type of Glossa's W3C Web Annotation files.
const MediaType = `application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"`

// Purposes of bodies, from W3C Web Annotation Data Model §3.3.5.
const (
	PurposeAssessing   = "assessing"
	PurposeClassifying = "classifying"
	PurposeCommenting  = "commenting"
	PurposeIdentifying = "identifying"
	PurposeLinking     = "linking"
	PurposeTagging     = "tagging"
)

// Body types (Data Model §3.2.4 and §4).
const (
	TypeTextualBody      = "TextualBody"
	TypeSpecificResource = "SpecificResource"
)

// Annotation is a W3C Web Annotation (Data Model §3.1) on a span of a
// document's text.
type Annotation struct {
	Context    Context         `json:"@context"`
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	Motivation string          `json:"motivation,omitempty"`
	Created    string          `json:"created,omitempty"`  // xsd:dateTime in UTC with Z
	Modified   string          `json:"modified,omitempty"` // xsd:dateTime in UTC with Z
	Creator    *annotate.Agent `json:"creator,omitempty"`
	// ProposedBy is Glossa's extension term (see GlossaNamespace): the
	// machine that suggested an annotation the reader accepted. It needs
	// Context.Glossa.
	ProposedBy *annotate.Agent `json:"proposedBy,omitempty"`
	Body       []Body          `json:"body"`
	Target     TextTarget      `json:"target"`
}

// Context is an annotation's "@context" (Data Model §3.1): always
// AnnoContext, written as a plain string, or, when Glossa is set, an array
// of AnnoContext and an embedded context that maps Glossa's extension terms
// into GlossaNamespace (Data Model §6, "Extensions").
type Context struct {
	Glossa bool
}

// glossaTerms is the embedded extension context written after AnnoContext.
var glossaTerms = struct {
	Glossa     string            `json:"glossa"`
	ProposedBy map[string]string `json:"proposedBy"`
}{GlossaNamespace, map[string]string{"@id": "glossa:proposedBy"}}

// MarshalJSON writes the context as a string or, with the extension, an
// array.
func (c Context) MarshalJSON() ([]byte, error) {
	if !c.Glossa {
		return json.Marshal(AnnoContext)
	}
	return json.Marshal([]any{AnnoContext, glossaTerms})
}

// UnmarshalJSON reads a context that is AnnoContext or an array holding it,
// as the Data Model requires. Glossa is set when the array also holds an
// embedded context object; remote contexts other than AnnoContext are
// ignored.
func (c *Context) UnmarshalJSON(data []byte) error {
	var s string
	if json.Unmarshal(data, &s) == nil {
		if s != AnnoContext {
			return fmt.Errorf(`%w: "@context" is %q, want %q`, annotate.ErrBadInput, s, AnnoContext)
		}
		*c = Context{}
		return nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(data, &list); err != nil {
		return fmt.Errorf(`%w: "@context" is neither a string nor an array`, annotate.ErrBadInput)
	}
	found, glossa := false, false
	for _, raw := range list {
		var s string
		var obj map[string]json.RawMessage
		switch {
		case json.Unmarshal(raw, &s) == nil:
			found = found || s == AnnoContext
		case json.Unmarshal(raw, &obj) == nil:
			glossa = true
		default:
			return fmt.Errorf(`%w: "@context" holds %s, want IRIs and objects`, annotate.ErrBadInput, raw)
		}
	}
	if !found {
		return fmt.Errorf(`%w: "@context" does not hold %q`, annotate.ErrBadInput, AnnoContext)
	}
	*c = Context{Glossa: glossa}
	return nil
}

// UnmarshalJSON reads an annotation as Glossa writes it, and the variants
// the Data Model allows for the parts Glossa uses: one body object instead
// of an array, one selector object instead of an array. Errors wrap
// annotate.ErrBadInput and name the field.
func (a *Annotation) UnmarshalJSON(data []byte) error {
	var aux struct {
		Context    json.RawMessage `json:"@context"`
		ID         string          `json:"id"`
		Type       string          `json:"type"`
		Motivation string          `json:"motivation"`
		Created    string          `json:"created"`
		Modified   string          `json:"modified"`
		Creator    *annotate.Agent `json:"creator"`
		ProposedBy *annotate.Agent `json:"proposedBy"`
		Body       json.RawMessage `json:"body"`
		Target     json.RawMessage `json:"target"`
	}
	if k := rawjson.Kind(data); k != "an object" {
		return fmt.Errorf("%w: an annotation is an object; found %s", annotate.ErrBadInput, k)
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		return fmt.Errorf("%w: annotation: %s", annotate.ErrBadInput, rawjson.Describe(err))
	}
	out := Annotation{
		ID: aux.ID, Type: aux.Type, Motivation: aux.Motivation,
		Created: aux.Created, Modified: aux.Modified,
		Creator: aux.Creator, ProposedBy: aux.ProposedBy,
	}
	if rawjson.IsNull(aux.Context) {
		return fmt.Errorf(`%w: "@context" is missing`, annotate.ErrBadInput)
	}
	if err := json.Unmarshal(aux.Context, &out.Context); err != nil {
		return err
	}
	bodies, err := rawjson.OneOrMany(aux.Body)
	if err != nil {
		return fmt.Errorf(`%w: "body": a body is an object with "type" and "value" or "source", or an array of them; found %s`, annotate.ErrBadInput, rawjson.Kind(aux.Body))
	}
	for i, raw := range bodies {
		var b Body
		if err := json.Unmarshal(raw, &b); err != nil {
			return fmt.Errorf(`"body"[%d]: %w`, i, err)
		}
		out.Body = append(out.Body, b)
	}
	if rawjson.IsNull(aux.Target) {
		return fmt.Errorf(`%w: "target" is missing`, annotate.ErrBadInput)
	}
	if err := json.Unmarshal(aux.Target, &out.Target); err != nil {
		return fmt.Errorf(`"target": %w`, err)
	}
	*a = out
	return nil
}

// Body is one body of an annotation (Data Model §3.2). Glossa writes two
// kinds: an embedded TextualBody (§3.2.4) with a Value, and a
// SpecificResource (§4) whose Source is the IRI of another resource, which
// is how the model gives a resource a purpose (§3.3.5: an External Web
// Resource body itself must not carry one).
type Body struct {
	Type    string // TypeTextualBody or TypeSpecificResource
	Value   string // TextualBody: the text
	Format  string // TextualBody: its media type, such as "text/plain"; optional
	Source  string // SpecificResource: the IRI of the resource
	Purpose string // one of the Purpose constants; optional
}

// TextualBody returns an embedded textual body with the given purpose.
func TextualBody(value, purpose string) Body {
	return Body{Type: TypeTextualBody, Value: value, Purpose: purpose}
}

// ResourceBody returns a SpecificResource body that gives the resource at
// source a purpose.
func ResourceBody(source, purpose string) Body {
	return Body{Type: TypeSpecificResource, Source: source, Purpose: purpose}
}

// MarshalJSON writes a TextualBody with its value, or a SpecificResource
// with its source and no value (Data Model §4: a SpecificResource body has
// no value).
func (b Body) MarshalJSON() ([]byte, error) {
	if b.Type == TypeSpecificResource {
		return json.Marshal(struct {
			Type    string `json:"type"`
			Source  string `json:"source"`
			Purpose string `json:"purpose,omitempty"`
		}{b.Type, b.Source, b.Purpose})
	}
	return json.Marshal(struct {
		Type    string `json:"type"`
		Value   string `json:"value"`
		Purpose string `json:"purpose,omitempty"`
		Format  string `json:"format,omitempty"`
	}{b.Type, b.Value, b.Purpose, b.Format})
}

// UnmarshalJSON reads a TextualBody (an object with a string "value"; the
// type may be left out) or a SpecificResource (an object with a string
// "source" and no value). Errors wrap annotate.ErrBadInput.
func (b *Body) UnmarshalJSON(data []byte) error {
	var aux struct {
		Type    string  `json:"type"`
		Value   *string `json:"value"`
		Format  string  `json:"format"`
		Source  *string `json:"source"`
		Purpose string  `json:"purpose"`
	}
	if k := rawjson.Kind(data); k != "an object" {
		return fmt.Errorf(`%w: a body is an object with "type" and "value" or "source"; found %s`, annotate.ErrBadInput, k)
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		return fmt.Errorf("%w: %s", annotate.ErrBadInput, rawjson.Describe(err))
	}
	switch {
	case aux.Value != nil && aux.Source == nil && (aux.Type == TypeTextualBody || aux.Type == ""):
		*b = Body{Type: TypeTextualBody, Value: *aux.Value, Format: aux.Format, Purpose: aux.Purpose}
	case aux.Source != nil && aux.Value == nil && aux.Type == TypeSpecificResource:
		*b = Body{Type: TypeSpecificResource, Source: *aux.Source, Purpose: aux.Purpose}
	default:
		return fmt.Errorf(`%w: want a TextualBody with a "value" or a SpecificResource with a "source"`, annotate.ErrBadInput)
	}
	return nil
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

// UnmarshalJSON reads a target with a "source" and its selectors: a
// TextPositionSelector, which is required, and a TextQuoteSelector, which
// is optional (Quote stays zero without it). Other selector types are
// ignored. Errors wrap annotate.ErrBadInput.
func (t *TextTarget) UnmarshalJSON(data []byte) error {
	var aux struct {
		Source   *string         `json:"source"`
		Selector json.RawMessage `json:"selector"`
	}
	if k := rawjson.Kind(data); k != "an object" {
		return fmt.Errorf(`%w: a target is an object with a "source" and selectors; found %s`, annotate.ErrBadInput, k)
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		return fmt.Errorf("%w: target: %s", annotate.ErrBadInput, rawjson.Describe(err))
	}
	if aux.Source == nil {
		return fmt.Errorf(`%w: "source" is missing`, annotate.ErrBadInput)
	}
	sels, err := rawjson.OneOrMany(aux.Selector)
	if err != nil {
		return fmt.Errorf(`%w: "selector": a selector is an object with a "type", or an array of them; found %s`, annotate.ErrBadInput, rawjson.Kind(aux.Selector))
	}
	out := TextTarget{Source: *aux.Source}
	var quote, position bool
	for i, raw := range sels {
		var sel Selector
		if k := rawjson.Kind(raw); k != "an object" {
			return fmt.Errorf(`%w: "selector"[%d]: a selector is an object with a "type"; found %s`, annotate.ErrBadInput, i, k)
		}
		if err := json.Unmarshal(raw, &sel); err != nil {
			return fmt.Errorf(`%w: "selector"[%d]: %s`, annotate.ErrBadInput, i, rawjson.Describe(err))
		}
		switch sel.Type {
		case "TextQuoteSelector":
			if quote || sel.Exact == nil {
				return fmt.Errorf(`%w: "selector"[%d]: want one TextQuoteSelector with "exact"`, annotate.ErrBadInput, i)
			}
			quote = true
			out.Quote = TextQuoteSelector{Exact: *sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix}
		case "TextPositionSelector":
			if position || sel.Start == nil || sel.End == nil {
				return fmt.Errorf(`%w: "selector"[%d]: want one TextPositionSelector with "start" and "end"`, annotate.ErrBadInput, i)
			}
			position = true
			out.Position = TextPositionSelector{Start: *sel.Start, End: *sel.End}
		}
	}
	if !position {
		return fmt.Errorf(`%w: "selector": no TextPositionSelector`, annotate.ErrBadInput)
	}
	*t = out
	return nil
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

// QuoteSelector returns the selector of a quote.
func QuoteSelector(q annotate.Quote) TextQuoteSelector {
	return TextQuoteSelector{Exact: q.Exact, Prefix: q.Prefix, Suffix: q.Suffix}
}

// Quote returns the quote the selector selects, to anchor it (see
// annotate.Anchor).
func (s TextQuoteSelector) Quote() annotate.Quote {
	return annotate.Quote{Exact: s.Exact, Prefix: s.Prefix, Suffix: s.Suffix}
}

// Selector is any selector as read from JSON: the fields of a
// TextQuoteSelector and a TextPositionSelector, nil or empty when absent.
// Readers take the types they know from it and skip the rest (a
// RangeSelector, a CssSelector…).
type Selector struct {
	Type   string  `json:"type"`
	Exact  *string `json:"exact"`
	Prefix string  `json:"prefix"`
	Suffix string  `json:"suffix"`
	Start  *int    `json:"start"`
	End    *int    `json:"end"`
}

// TextPositionSelector selects text by its position (Data Model §4.2.5).
// Start and End count Unicode code points, as the model requires.
type TextPositionSelector struct {
	Start int // code points, inclusive
	End   int // code points, exclusive
}

// Span returns the span the selector selects.
func (s TextPositionSelector) Span() annotate.Span { return annotate.Span{Start: s.Start, End: s.End} }

// MarshalJSON writes the selector with its type.
func (s TextPositionSelector) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Type  string `json:"type"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	}{"TextPositionSelector", s.Start, s.End})
}

// TargetSpan builds the target for a span of d's text: its quote with
// annotate.QuoteContext code points of context each side, and its
// position.
func TargetSpan(d *annotate.Document, s annotate.Span) TextTarget {
	return TextTarget{
		Source:   d.ID,
		Quote:    QuoteSelector(annotate.QuoteSpan(d.Text, s)),
		Position: TextPositionSelector{Start: s.Start, End: s.End},
	}
}

// Timestamp formats t as the model's xsd:dateTime, in UTC with Z.
func Timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// SuggestionAnnotation turns a machine-found entity into an annotation: its
// label as a classifying TextualBody, created by the recognizer.
func SuggestionAnnotation(d *annotate.Document, e annotate.Entity, id, recognizer string, created time.Time) Annotation {
	return Annotation{
		Type:       "Annotation",
		ID:         id,
		Motivation: PurposeClassifying,
		Created:    Timestamp(created),
		Creator:    annotate.Software(recognizer),
		Body:       []Body{TextualBody(string(e.Label), PurposeClassifying)},
		Target:     TargetSpan(d, e.Span),
	}
}

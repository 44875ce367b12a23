package w3c

import (
	"fmt"

	"glossa/annotate"
)

// The reader's decisions about the machine's suggestions, as annotations
// (see "Decisions" in the package documentation).
const (
	// MotivationModerating is the motivation of a decision (Data Model
	// §3.3.5): the reader assessed the machine's suggestion.
	MotivationModerating = "moderating"
	// PurposeModerating is the purpose of a decision's verdict body.
	PurposeModerating = "moderating"
	// Rejected and Accepted are the values of a decision's verdict body.
	Rejected = "rejected"
	Accepted = "accepted"
)

// DecisionAnnotation returns the reader's decision about suggestion k of d
// (Rejected or Accepted) as an annotation with the given id: motivation
// "moderating", the suggested label as a classifying body, the decision as
// a moderating body, and the suggestion's span as its target.
func DecisionAnnotation(d *annotate.Document, k annotate.SuggestionKey, decision, id string) Annotation {
	return Annotation{
		ID:         id,
		Type:       "Annotation",
		Motivation: MotivationModerating,
		Body:       []Body{TextualBody(string(k.Label), PurposeClassifying), TextualBody(decision, PurposeModerating)},
		Target:     TargetSpan(d, k.Span),
	}
}

// IsDecision reports whether a is a decision, as DecisionAnnotation writes
// them: its motivation is "moderating".
func IsDecision(a Annotation) bool { return a.Motivation == MotivationModerating }

// DecisionFromAnnotation reads a decision of d back: the suggestion's key
// and the decision, Rejected or Accepted. It refuses, naming the field, a
// decision whose target is not a span of d holding its quote, whose
// bodies are not one label of annotate.AllLabels and one decision, or
// that is no decision at all; errors wrap annotate.ErrBadInput or the
// sentinel of the check that failed.
func DecisionFromAnnotation(a Annotation, d *annotate.Document) (annotate.SuggestionKey, string, error) {
	k, decision, err := decisionFromAnnotation(a, d)
	if err != nil {
		return annotate.SuggestionKey{}, "", fmt.Errorf("read decision %s: %w", a.ID, err)
	}
	return k, decision, nil
}

func decisionFromAnnotation(a Annotation, d *annotate.Document) (annotate.SuggestionKey, string, error) {
	var k annotate.SuggestionKey
	if a.Type != "Annotation" || !IsDecision(a) {
		return k, "", fmt.Errorf(`%w: want an Annotation with motivation "moderating"`, annotate.ErrBadInput)
	}
	if a.Target.Source != d.ID {
		return k, "", fmt.Errorf(`%w: "target"."source" is %q, not this document (%s)`, annotate.ErrBadInput, a.Target.Source, d.ID)
	}
	k.Span = a.Target.Position.Span()
	if err := annotate.CheckNoteSpan(d.Text, k.Span); err != nil {
		return k, "", fmt.Errorf(`"target" TextPositionSelector: %w`, err)
	}
	if q := a.Target.Quote.Exact; q != "" && q != d.Text.Slice(k.Span.Start, k.Span.End) {
		return k, "", fmt.Errorf(`%w: "target" TextQuoteSelector "exact" is %q, but the text at [%d, %d) is %q`,
			annotate.ErrBadInput, q, k.Span.Start, k.Span.End, d.Text.Slice(k.Span.Start, k.Span.End))
	}
	var label, decision *Body
	for i := range a.Body {
		b := &a.Body[i]
		switch {
		case b.Type != TypeTextualBody:
			return k, "", fmt.Errorf(`%w: "body"[%d]: want a TextualBody`, annotate.ErrBadInput, i)
		case b.Purpose == PurposeClassifying && label == nil:
			label = b
		case b.Purpose == PurposeModerating && decision == nil:
			decision = b
		default:
			return k, "", fmt.Errorf(`%w: "body"[%d]: want one "classifying" and one "moderating" body`, annotate.ErrBadInput, i)
		}
	}
	if label == nil || decision == nil {
		return k, "", fmt.Errorf(`%w: "body": want one "classifying" and one "moderating" body`, annotate.ErrBadInput)
	}
	k.Label = annotate.Label(label.Value)
	if err := annotate.CheckLabel(k.Label); err != nil {
		return k, "", fmt.Errorf(`"body" (classifying): %w`, err)
	}
	if decision.Value != Rejected && decision.Value != Accepted {
		return k, "", fmt.Errorf(`%w: "body" (moderating) is %q, want %q or %q`, annotate.ErrBadInput, decision.Value, Rejected, Accepted)
	}
	return k, decision.Value, nil
}

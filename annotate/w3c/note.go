package w3c

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"glossa/annotate"
)

// TextPlain is the media type of a comment body.
const TextPlain = "text/plain"

// NoteAnnotation returns note n of d as a W3C Web Annotation, following
// the mapping in the package documentation. Saving and exporting both use
// it; NoteFromAnnotation is its inverse.
func NoteAnnotation(n annotate.Note, d *annotate.Document) Annotation {
	creator := n.Creator
	a := Annotation{
		Context:    Context{Glossa: n.ProposedBy != nil},
		ID:         n.ID,
		Type:       "Annotation",
		Motivation: PurposeClassifying,
		Created:    Timestamp(n.Created),
		Modified:   Timestamp(n.Modified),
		Creator:    &creator,
		Body:       []Body{TextualBody(string(n.Label), PurposeClassifying)},
		Target:     TargetSpan(d, n.Span),
	}
	if n.ProposedBy != nil {
		by := *n.ProposedBy
		a.ProposedBy = &by
	}
	if n.Comment != "" {
		a.Body = append(a.Body, Body{Type: TypeTextualBody, Value: n.Comment, Format: TextPlain, Purpose: PurposeCommenting})
	}
	for _, t := range n.Tags {
		a.Body = append(a.Body, TextualBody(t, PurposeTagging))
	}
	if n.Verdict != annotate.Unverified {
		a.Body = append(a.Body, TextualBody(string(n.Verdict), PurposeAssessing))
	}
	switch {
	case n.Speaker.AnnotationID != "":
		a.Body = append(a.Body, ResourceBody(n.Speaker.AnnotationID, PurposeIdentifying))
	case n.Speaker.Name != "":
		a.Body = append(a.Body, TextualBody(n.Speaker.Name, PurposeIdentifying))
	}
	if n.Evidence != "" {
		a.Body = append(a.Body, ResourceBody(n.Evidence, PurposeLinking))
	}
	return a
}

// NoteFromAnnotation reads a note of d back from its W3C Web Annotation,
// as NoteAnnotation writes it, and checks it as the workspace operations
// check their input: what they would refuse, it refuses. Tags are cleaned
// as SetTags cleans them; a missing "modified" means "created"; a creator
// without a name gets DefaultPersonName. Errors wrap annotate.ErrBadInput, or the
// sentinel of the check that failed, and name the field. A speaker's note
// is not looked up: d alone does not know the other notes.
func NoteFromAnnotation(a Annotation, d *annotate.Document) (annotate.Note, error) {
	n, err := noteFromAnnotation(a, d)
	if err != nil {
		return annotate.Note{}, fmt.Errorf("read annotation %s: %w", a.ID, err)
	}
	return n, nil
}

func noteFromAnnotation(a Annotation, d *annotate.Document) (annotate.Note, error) {
	var n annotate.Note
	if a.Type != "Annotation" {
		return n, fmt.Errorf(`%w: "type" is %q, want "Annotation"`, annotate.ErrBadInput, a.Type)
	}
	if err := annotate.CheckID(a.ID); err != nil {
		return n, fmt.Errorf(`"id": %w`, err)
	}
	n.ID = a.ID

	// Target.
	if a.Target.Source != d.ID {
		return n, fmt.Errorf(`%w: "target"."source" is %q, not this document (%s)`, annotate.ErrBadInput, a.Target.Source, d.ID)
	}
	n.Span = a.Target.Position.Span()
	if err := annotate.CheckNoteSpan(d.Text, n.Span); err != nil {
		return n, fmt.Errorf(`"target" TextPositionSelector: %w`, err)
	}
	if q := a.Target.Quote.Exact; q != "" && q != d.Text.Slice(n.Span.Start, n.Span.End) {
		return n, fmt.Errorf(`%w: "target" TextQuoteSelector "exact" is %q, but the text at [%d, %d) is %q`,
			annotate.ErrBadInput, q, n.Span.Start, n.Span.End, d.Text.Slice(n.Span.Start, n.Span.End))
	}

	// Provenance.
	var err error
	if n.Created, err = ParseTime("created", a.Created); err != nil {
		return n, err
	}
	n.Modified = n.Created
	if a.Modified != "" {
		if n.Modified, err = ParseTime("modified", a.Modified); err != nil {
			return n, err
		}
	}
	if n.Modified.Before(n.Created) {
		return n, fmt.Errorf(`%w: "modified" %s is before "created" %s`, annotate.ErrBadInput, a.Modified, a.Created)
	}
	if a.Creator == nil || a.Creator.Type != "Person" {
		return n, fmt.Errorf(`%w: "creator": want the reader, an agent of type "Person"`, annotate.ErrBadInput)
	}
	if err := CheckAgentID(a.Creator.ID); err != nil {
		return n, fmt.Errorf(`"creator": %w`, err)
	}
	n.Creator = *annotate.Reader(a.Creator.Name)
	n.Creator.ID = a.Creator.ID
	if a.ProposedBy != nil {
		by := *a.ProposedBy
		if !slices.Contains([]string{"Software", "Person", "Organization"}, by.Type) {
			return n, fmt.Errorf(`%w: "proposedBy": "type" is %q, want "Software", "Person" or "Organization"`, annotate.ErrBadInput, by.Type)
		}
		if err := CheckAgentID(by.ID); err != nil {
			return n, fmt.Errorf(`"proposedBy": %w`, err)
		}
		n.ProposedBy = &by
	}

	// Bodies.
	var label, comment, verdict, speaker, evidence *Body
	var tags []string
	for i := range a.Body {
		b := &a.Body[i]
		var slot **Body
		want := TypeTextualBody
		switch b.Purpose {
		case PurposeClassifying:
			slot = &label
		case PurposeCommenting:
			slot = &comment
		case PurposeAssessing:
			slot = &verdict
		case PurposeIdentifying:
			slot, want = &speaker, ""
		case PurposeLinking:
			slot, want = &evidence, TypeSpecificResource
		case PurposeTagging:
			if b.Type != TypeTextualBody {
				return n, fmt.Errorf(`%w: "body"[%d]: a tagging body must be a TextualBody`, annotate.ErrBadInput, i)
			}
			tags = append(tags, b.Value)
			continue
		default:
			return n, fmt.Errorf(`%w: "body"[%d]: purpose %q is not one Glossa writes`, annotate.ErrBadInput, i, b.Purpose)
		}
		switch {
		case *slot != nil:
			return n, fmt.Errorf(`%w: "body"[%d]: a second %q body`, annotate.ErrBadInput, i, b.Purpose)
		case want != "" && b.Type != want:
			return n, fmt.Errorf(`%w: "body"[%d]: a %q body must be a %s`, annotate.ErrBadInput, i, b.Purpose, want)
		}
		*slot = b
	}
	if label == nil {
		return n, fmt.Errorf(`%w: "body": no "classifying" body with the label`, annotate.ErrBadInput)
	}
	n.Label = annotate.Label(label.Value)
	if err := annotate.CheckLabel(n.Label); err != nil {
		return n, fmt.Errorf(`"body" (classifying): %w`, err)
	}
	if comment != nil {
		if comment.Format != "" && comment.Format != TextPlain {
			return n, fmt.Errorf(`%w: "body" (commenting): "format" is %q, want %q`, annotate.ErrBadInput, comment.Format, TextPlain)
		}
		if n.Comment, err = annotate.CleanComment(comment.Value); err != nil {
			return n, fmt.Errorf(`"body" (commenting): %w`, err)
		}
	}
	if n.Tags, err = annotate.CleanTags(tags); err != nil {
		return n, fmt.Errorf(`"body" (tagging): %w`, err)
	}
	if n.Label != annotate.Claim && (verdict != nil || speaker != nil || evidence != nil) {
		return n, fmt.Errorf(`%w: "body": assessing, identifying and linking bodies are for CLAIM notes, this one is %s`, annotate.ErrNotClaim, n.Label)
	}
	if verdict != nil {
		if n.Verdict, err = annotate.ParseVerdict(verdict.Value); err != nil {
			return n, fmt.Errorf(`"body" (assessing): %w`, err)
		}
	}
	if speaker != nil {
		if err := readSpeaker(&n, speaker); err != nil {
			return n, fmt.Errorf(`"body" (identifying): %w`, err)
		}
	}
	if evidence != nil {
		if n.Evidence, err = annotate.CleanEvidence(evidence.Source); err != nil {
			return n, fmt.Errorf(`"body" (linking): %w`, err)
		}
	}
	return n, nil
}

// readSpeaker reads a claim's speaker: a link to a note, or a name.
func readSpeaker(n *annotate.Note, b *Body) error {
	if b.Type == TypeSpecificResource {
		if err := annotate.CheckID(b.Source); err != nil {
			return fmt.Errorf("%w: %w", annotate.ErrBadSpeaker, err)
		}
		if b.Source == n.ID {
			return fmt.Errorf("%w: a claim cannot be its own speaker", annotate.ErrBadSpeaker)
		}
		n.Speaker.AnnotationID = b.Source
		return nil
	}
	name, err := annotate.CleanSpeakerName(b.Value)
	n.Speaker.Name = name
	return err
}

// CheckAgentID checks that an agent's id is absent or an absolute IRI.
func CheckAgentID(id string) error {
	if id == "" {
		return nil
	}
	if u, err := url.Parse(id); err != nil || !u.IsAbs() || strings.ContainsFunc(id, unicode.IsSpace) {
		return fmt.Errorf(`%w: "id" %q is not an absolute IRI`, annotate.ErrBadInput, id)
	}
	return nil
}

// ParseTime reads an xsd:dateTime field named field, as Timestamp writes
// it or any RFC 3339 time of the years 0 to 9999, as a note time (see
// annotate.Stamp). Errors wrap annotate.ErrBadInput and name the field.
func ParseTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, fmt.Errorf(`%w: %q is missing`, annotate.ErrBadInput, field)
	}
	t, err := time.Parse(time.RFC3339, s)
	if y := t.UTC().Year(); err != nil || y < 0 || y > 9999 {
		return time.Time{}, fmt.Errorf(`%w: %q is %q, want a date and time such as "2026-11-27T12:00:00Z"`, annotate.ErrBadInput, field, s)
	}
	return annotate.Stamp(t), nil
}

// WorkspaceAnnotations returns the annotations of the workspace's notes,
// in document order: the workspace as it is saved and exported.
func WorkspaceAnnotations(w annotate.Workspace) []Annotation {
	out := make([]Annotation, len(w.Notes))
	for i, n := range w.Notes {
		out[i] = NoteAnnotation(n, w.Doc)
	}
	return out
}

package claims

import (
	"time"

	"glossa/annotate"
	"glossa/annotate/w3c"
)

// Name names the claim finder and its rules in the creator of the
// annotations it suggests.
const Name = "Glossa claim rules 1"

// Suggestion turns a claim into a W3C annotation suggested by the finder:
// a Software creator (Name), the label CLAIM as its classifying body, and
// its speaker as an identifying body: a link to the speaker's annotation
// when speakerID (its IRI) is given, else the speaker's name as a
// TextualBody; no speaker body when the claim has no speaker. The target is
// the claim's Span. The label and speaker bodies are those of a claim note
// (see annotate/doc.go), so once a reader accepts the suggestion (the
// reader its creator, the finder its proposedBy) it reads back as a claim
// note with its speaker.
func Suggestion(d *annotate.Document, c Claim, id, speakerID string, created time.Time) w3c.Annotation {
	a := w3c.Annotation{
		Type:       "Annotation",
		ID:         id,
		Motivation: w3c.PurposeClassifying,
		Created:    w3c.Timestamp(created),
		Creator:    annotate.Software(Name),
		Body:       []w3c.Body{w3c.TextualBody(string(annotate.Claim), w3c.PurposeClassifying)},
		Target:     w3c.TargetSpan(d, c.Span),
	}
	switch {
	case speakerID != "":
		a.Body = append(a.Body, w3c.ResourceBody(speakerID, w3c.PurposeIdentifying))
	case c.Speaker != nil && c.SpeakerName != "":
		a.Body = append(a.Body, w3c.TextualBody(c.SpeakerName, w3c.PurposeIdentifying))
	}
	return a
}

// Collection returns the W3C collection of the tagged document d (its
// entities in d.Entities) that glossa annotate writes for an article: the
// entities as suggestions of the named recognizer, in document order, then
// the claims Find gives for them (AddToCollection).
func Collection(d *annotate.Document, recognizer string, newID annotate.IDFunc, now time.Time) w3c.Collection {
	coll := w3c.EntityCollection(d, recognizer, newID, now)
	AddToCollection(&coll, d, Find(d, d.Entities), newID, now)
	return coll
}

// AddToCollection appends one suggestion per claim to coll, in order, and
// updates its total. A claim whose speaker resolves to an entity that has a
// suggestion in coll (same span, label CLAIM aside) links to that
// annotation; others name their speaker.
func AddToCollection(coll *w3c.Collection, d *annotate.Document, cs []Claim, newID annotate.IDFunc, now time.Time) {
	ids := make(map[entityKey]string)
	for _, a := range coll.First.Items {
		if len(a.Body) == 0 {
			continue
		}
		p := a.Target.Position
		ids[entityKey{annotate.Span{Start: p.Start, End: p.End}, annotate.Label(a.Body[0].Value)}] = a.ID
	}
	for _, c := range cs {
		speakerID := ""
		if c.Entity != nil {
			speakerID = ids[entityKey{c.Entity.Span, c.Entity.Label}]
		}
		coll.First.Items = append(coll.First.Items, Suggestion(d, c, newID(), speakerID, now))
	}
	coll.Total = len(coll.First.Items)
}

// entityKey identifies an entity suggestion in a collection.
type entityKey struct {
	span  annotate.Span
	label annotate.Label
}

package annotate

import (
	"fmt"
	"slices"
)

// Label is an entity or claim label from Glossa's label set.
type Label string

// Glossa's entity labels (after OntoNotes, which most NER tools follow).
const (
	Person Label = "PERSON" // people, real or fictional
	Org    Label = "ORG"    // companies, agencies, institutions
	GPE    Label = "GPE"    // countries, cities, states
	Loc    Label = "LOC"    // other locations: mountains, rivers, regions
	Fac    Label = "FAC"    // buildings, airports, highways, bridges
	NORP   Label = "NORP"   // nationalities, religious and political groups
	Event  Label = "EVENT"  // named events: wars, elections, conferences
	Date   Label = "DATE"   // dates and periods
	Misc   Label = "MISC"   // any other named entity
)

// EntityLabels lists the entity labels in the order the UI shows them.
var EntityLabels = []Label{Person, Org, GPE, Loc, Fac, NORP, Event, Date, Misc}

// Valid reports whether l is one of EntityLabels.
func (l Label) Valid() bool { return slices.Contains(EntityLabels, l) }

// Entity is a named-entity mention: a span of the document's text and its
// label.
type Entity struct {
	Span
	Label Label  `json:"label"`
	Text  string `json:"text"` // the mention's text, as in the document
}

// Recognizer finds named entities in a text. Offsets in the returned
// entities are code points into text, in text order, not overlapping.
// Implementations must be safe to call repeatedly; they load their model
// once.
type Recognizer interface {
	Recognize(text string) ([]Entity, error)
	// Name names the recognizer and its model, for the creator of the
	// annotations it suggests.
	Name() string
}

// DocumentRecognizer is a Recognizer that reads a document's blocks as
// parts of one document: how a word is written elsewhere in it, and how
// earlier blocks were tagged, inform each block's entities.
type DocumentRecognizer interface {
	Recognizer
	// ForDocument returns a Recognizer for the blocks of one document,
	// to be called on them in order. text is the document's text, or as
	// much of it as the caller holds, which it may read before tagging.
	ForDocument(text string) Recognizer
}

// RecognizeBlocks runs r over each block of d in order, the block being the
// unit of tagging, and hands each block's entities, with offsets into the
// whole document, to found as soon as that block is done (found may be nil).
// A DocumentRecognizer reads the blocks as one document. It stores all
// entities in d.Entities and returns them. Entities the recognizer reports
// outside the block are an error, naming the block.
func RecognizeBlocks(d *Document, r Recognizer, found func(block int, entities []Entity)) ([]Entity, error) {
	var all []Entity
	if dr, ok := r.(DocumentRecognizer); ok {
		r = dr.ForDocument(d.Text.String())
	}
	for i, b := range d.Blocks {
		found0, err := r.Recognize(d.BlockText(i))
		if err != nil {
			return all, fmt.Errorf("recognize block %d: %w", i+1, err)
		}
		ents := slices.Clone(found0) // the recognizer's slice stays as it gave it
		for j := range ents {
			ents[j].Start += b.Start
			ents[j].End += b.Start
			if !b.Contains(ents[j].Span) || ents[j].Len() <= 0 {
				return all, fmt.Errorf("recognize block %d: %w: entity %q at [%d, %d) is outside the block [%d, %d)",
					i+1, ErrBadSpan, ents[j].Text, ents[j].Start, ents[j].End, b.Start, b.End)
			}
			ents[j].Text = d.Text.Slice(ents[j].Start, ents[j].End)
		}
		all = append(all, ents...)
		if found != nil {
			found(i, ents)
		}
	}
	d.Entities = all
	return all, nil
}

// CountLabels counts entities per label.
func CountLabels(ents []Entity) map[Label]int {
	counts := make(map[Label]int)
	for _, e := range ents {
		counts[e.Label]++
	}
	return counts
}

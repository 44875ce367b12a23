package learn

import (
	"slices"

	"glossa/annotate"
	"glossa/annotate/ner/news"
)

// coarse maps Glossa's entity labels to CoNLL-2003's four types, which the
// built-in model tags: the inverse of the recognizer's label mapping
// (annotate/ner/news/labels.go). DATE has none: dates come from rules, and
// in CoNLL's data a date is no entity.
var coarse = map[annotate.Label]string{
	annotate.Person: "PER",
	annotate.Org:    "ORG",
	annotate.GPE:    "LOC",
	annotate.Loc:    "LOC",
	annotate.Fac:    "LOC",
	annotate.NORP:   "MISC",
	annotate.Event:  "MISC",
	annotate.Misc:   "MISC",
}

// TypeFor returns the model's entity type that a note labeled l teaches:
// the label itself for a model that tags Glossa's labels (one glossa train
// made from a reader's annotations), else its CoNLL type (PERSON is PER;
// GPE, LOC and FAC are LOC; NORP, EVENT and MISC are MISC; ORG is ORG).
// ok is false when the model has no such type (DATE, for the built-in
// model): tokens of such a note are no entity of the model's.
func TypeFor(m *news.Model, l annotate.Label) (typ string, ok bool) {
	types := m.Info().Types
	if slices.Contains(types, string(l)) {
		return string(l), true
	}
	if c, found := coarse[l]; found && slices.Contains(types, c) {
		return c, true
	}
	return "", false
}

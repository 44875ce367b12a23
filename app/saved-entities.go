package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// savedEntities are a document's entities kept in the browser, with the
// tagger that found them: a new tagger build tags again.
type savedEntities struct {
	Tagger     string // the tagger build (its content-hashed URL)
	Recognizer string // the recognizer's name, for the suggestions' creator
	Entities   []annotate.Entity
}

// savedEntitiesKey names a document's entry in local storage.
func savedEntitiesKey(docID string) string { return "glossa.entities." + docID }

// loadSavedEntities returns the document's kept entities if the same
// tagger found them. A missing or unreadable entry is no entities: the
// document is tagged again.
func loadSavedEntities(ctx app.Context, docID, tagger string) (savedEntities, bool) {
	var saved savedEntities
	if err := ctx.LocalStorage().Get(savedEntitiesKey(docID), &saved); err != nil || saved.Tagger != tagger || saved.Entities == nil {
		return savedEntities{}, false
	}
	return saved, true
}

// saveEntities keeps the document's entities. Failing to keep them (a full
// or disabled storage) costs only a new tagging next time, so it is logged,
// not shown.
func saveEntities(ctx app.Context, docID string, saved savedEntities) {
	if saved.Entities == nil {
		saved.Entities = []annotate.Entity{}
	}
	if err := ctx.LocalStorage().Set(savedEntitiesKey(docID), saved); err != nil {
		app.Log("glossa: cannot keep the entities for next time:", err)
	}
}

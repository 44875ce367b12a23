package w3c

import (
	"time"

	"glossa/annotate"
)

// Collection is an AnnotationCollection (Data Model §5.1) with its one page
// embedded as First.
type Collection struct {
	Context string `json:"@context"`
	ID      string `json:"id"`
	Type    string `json:"type"`
	Label   string `json:"label,omitempty"`
	Total   int    `json:"total"`
	First   Page   `json:"first"`
}

// Page is an AnnotationPage (Data Model §5.2).
type Page struct {
	ID         string       `json:"id"`
	Type       string       `json:"type"`
	StartIndex int          `json:"startIndex"`
	Items      []Annotation `json:"items"`
}

// EntityCollection builds the collection of d's entities as suggestions of
// the named recognizer, one annotation per mention, in document order.
func EntityCollection(d *annotate.Document, recognizer string, newID annotate.IDFunc, now time.Time) Collection {
	items := make([]Annotation, 0, len(d.Entities))
	for _, e := range d.Entities {
		items = append(items, SuggestionAnnotation(d, e, newID(), recognizer, now))
	}
	return Collection{
		Context: AnnoContext,
		ID:      newID(),
		Type:    "AnnotationCollection",
		Label:   d.Title,
		Total:   len(items),
		First:   Page{ID: newID(), Type: "AnnotationPage", StartIndex: 0, Items: items},
	}
}

package annotate

import (
	"errors"
	"slices"
	"time"
)

// Bundle is what an export holds and an import yields: articles with their
// annotations. A Bundle is a value: Import never modifies the Bundle it is
// given, nor the articles, notes and documents it holds, and returns a new
// one.
type Bundle struct{ Articles []Article }

// Article is one article of a Bundle: its document, what the reader knows
// about it, the reader's notes and the annotations that could not be
// anchored to its text.
type Article struct {
	Doc    *Document // text and ID (NewDocument(text)); never modified
	Title  string    // the title the reader gave or the file named; "" means Doc.Title
	Source string    // where the article comes from, usually its URL; may be ""
	Added  time.Time // when it entered the library, UTC to the second
	// Notes are the reader's annotations (accepted suggestions included),
	// in document order (by Start, then End descending, then ID).
	Notes []Note
	// Orphans are imported annotations that could not be anchored to
	// Doc's text: kept, listed and exported, never silently dropped.
	Orphans []Orphan
}

// Orphan is an imported annotation that could not be anchored to its
// article's text.
type Orphan struct {
	// Annotation is what Glossa read of it: its id, bodies, creator, times
	// and the quote it selects; the position is zero when it had none.
	Annotation Annotation
	// Raw is the annotation as it came, compacted JSON; exports write it
	// back as it is.
	Raw []byte
	// Reason says why it could not be anchored, in a sentence.
	Reason string
}

// Sentinel errors of export and import, besides those in errors.go.
var (
	// ErrUnsupportedFormat marks a file or format name that is not one
	// Glossa reads or writes.
	ErrUnsupportedFormat = errors.New("unsupported format")
	// ErrNotAnchored marks a selector that matches nowhere in the text.
	ErrNotAnchored = errors.New("not anchored")
)

// DisplayTitle returns the article's title: Title, or the document's first
// block when Title is empty.
func (a Article) DisplayTitle() string {
	if a.Title != "" {
		return a.Title
	}
	if a.Doc != nil {
		return a.Doc.Title
	}
	return ""
}

// Article returns the index of the article whose document has the given ID
// (Document.ID), or -1.
func (b Bundle) Article(docID string) int {
	return slices.IndexFunc(b.Articles, func(a Article) bool { return a.Doc != nil && a.Doc.ID == docID })
}

// clone returns a copy of b whose Articles slice, and each article's Notes
// and Orphans slices, are fresh: changing them leaves b untouched.
func (b Bundle) clone() Bundle {
	out := Bundle{Articles: make([]Article, len(b.Articles))}
	for i, a := range b.Articles {
		a.Notes = slices.Clone(a.Notes)
		a.Orphans = slices.Clone(a.Orphans)
		out.Articles[i] = a
	}
	return out
}

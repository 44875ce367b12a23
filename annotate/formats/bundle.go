package formats

import (
	"errors"
	"slices"
	"time"

	"glossa/annotate"
	"glossa/annotate/library"
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
	Doc    *annotate.Document // text and ID (annotate.NewDocument(text)); never modified
	Title  string             // the title the reader gave or the file named; "" means Doc.Title
	Source string             // where the article comes from, usually its URL; may be ""
	Added  time.Time          // when it entered the library, UTC to the second
	// Notes are the reader's annotations (accepted suggestions included),
	// in document order (by Start, then End descending, then ID).
	Notes []annotate.Note
	// Orphans are imported annotations that could not be anchored to
	// Doc's text: kept, listed and exported, never silently dropped.
	Orphans []library.Orphan
}

// ErrUnsupportedFormat marks a file or format name that is not one Glossa
// reads or writes. The other errors of export and import wrap annotate's
// sentinels (ErrBadInput, ErrBadSpan, ErrNotText…).
var ErrUnsupportedFormat = errors.New("unsupported format")

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

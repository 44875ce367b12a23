package remote

import (
	"time"

	"glossa/annotate/library"
)

// ExportRequest asks the worker for an export file.
type ExportRequest struct {
	Format string    // a Format's Name
	DocID  string    // the article to export; "" for the whole library
	Title  string    // the file name's stem: the article's title, or "glossa-library"
	Now    time.Time // when: the file name's date
}

// ExportResult is an export file's name and media type, and the notes that
// say what the format leaves out; its bytes travel beside it.
type ExportResult struct {
	Name, MediaType string
	Notes           []string
}

// ImportRequest asks the worker to read an annotation file (its bytes
// travel beside it) into the changes that import it.
type ImportRequest struct {
	Name string // the file's name: it helps tell the format
	// AttachTo, if not "", attaches the file's annotations to that
	// article, by their quotes (formats.PlanAttach), instead of importing
	// it.
	AttachTo string
	// Open is the article open in the page: when the file's annotations
	// name no article of the library (ErrNoArticle), the worker tries
	// attaching them there, and reports what that would add as the
	// result's Offer.
	Open string
	Now  time.Time // stamps what the file leaves undated
}

// ImportResult is a planned import: the changes to apply in one
// transaction (library.Store.ApplyAll), and what they do.
type ImportResult struct {
	Changes []library.Change
	Report  Report
	// Offer is set, with no changes, when the file names no article of
	// the library but Added of its annotations quote the open article.
	Offer *Report
}

// Report counts what an import does (formats.ImportReport, less the
// format's details).
type Report struct {
	Format                           string // the format's name
	Articles, Added, Updated         int
	KeptNewer, Duplicates, Decisions int
	Orphans, Learned, Elsewhere      int
	ElsewhereSources                 string // one per line
}

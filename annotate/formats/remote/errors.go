package remote

import (
	"encoding/json"
	"errors"

	"glossa/annotate"
	"glossa/annotate/library"
)

// The errors of export and import that the page explains to the reader
// (package formats returns them; they are defined here so that the page
// can tell them without linking the formats).
var (
	// ErrUnsupportedFormat marks a file or format name that is not one
	// Glossa reads or writes.
	ErrUnsupportedFormat = errors.New("unsupported format")
	// ErrNoArticle marks an import of which no annotation names an
	// article of the library or of the file: nothing can be placed.
	ErrNoArticle = errors.New("no article to anchor to")
	// ErrNoReviewURL marks a ClaimReview export of an article without a
	// review URL (library.DocMeta.ReviewURL).
	ErrNoReviewURL = errors.New("no review URL")
)

// kinds names the sentinel errors a Fault carries across, each by a name
// that stays the same from build to build.
var kinds = []struct {
	name string
	err  error
}{
	{"unsupported-format", ErrUnsupportedFormat},
	{"no-article", ErrNoArticle},
	{"no-review-url", ErrNoReviewURL},
	{"quota", library.ErrQuota},
	{"newer-schema", library.ErrNewerSchema},
	{"corrupt", library.ErrCorrupt},
	{"bad-input", annotate.ErrBadInput},
	{"bad-span", annotate.ErrBadSpan},
	{"bad-url", annotate.ErrBadURL},
	{"duplicate", annotate.ErrDuplicate},
	{"not-claim", annotate.ErrNotClaim},
	{"bad-speaker", annotate.ErrBadSpeaker},
	{"not-found", annotate.ErrNotFound},
	{"not-text", annotate.ErrNotText},
}

// Fault is an error sent from one side to the other: its message, the
// sentinel errors it wraps (by name) and, if it is one, the limit it
// exceeds. Err rebuilds an error that errors.Is and errors.As see as the
// original.
type Fault struct {
	Message string               `json:"message"`
	Kinds   []string             `json:"kinds,omitempty"`
	Limit   *annotate.LimitError `json:"limit,omitempty"`
}

// FaultOf describes err for the other side; nil for nil.
func FaultOf(err error) *Fault {
	if err == nil {
		return nil
	}
	f := &Fault{Message: err.Error()}
	for _, k := range kinds {
		if errors.Is(err, k.err) {
			f.Kinds = append(f.Kinds, k.name)
		}
	}
	var limit *annotate.LimitError
	if errors.As(err, &limit) {
		l := *limit
		f.Limit = &l
	}
	return f
}

// Err is the error f describes: its text is the original's, and it wraps
// the same sentinels and limit. A kind this build does not know is left
// out. Nil for a nil Fault.
func (f *Fault) Err() error {
	if f == nil {
		return nil
	}
	e := &faultError{msg: f.Message}
	for _, name := range f.Kinds {
		for _, k := range kinds {
			if k.name == name {
				e.wrapped = append(e.wrapped, k.err)
			}
		}
	}
	if f.Limit != nil {
		l := *f.Limit
		e.wrapped = append(e.wrapped, &l)
	}
	return e
}

// faultError is an error rebuilt from a Fault.
type faultError struct {
	msg     string
	wrapped []error
}

func (e *faultError) Error() string   { return e.msg }
func (e *faultError) Unwrap() []error { return e.wrapped }

// EncodeFault is the JSON of err's Fault, to send to the other side
// (DecodeFault reads it); "" for nil.
func EncodeFault(err error) string {
	if err == nil {
		return ""
	}
	b, _ := json.Marshal(FaultOf(err))
	return string(b)
}

// DecodeFault reads the JSON of a Fault as an error; nil for "". JSON that
// is no Fault is an error saying so, with the text.
func DecodeFault(s string) error {
	if s == "" {
		return nil
	}
	var f Fault
	if err := json.Unmarshal([]byte(s), &f); err != nil || f.Message == "" {
		return errors.New("the worker sent an error that cannot be read: " + s)
	}
	return f.Err()
}

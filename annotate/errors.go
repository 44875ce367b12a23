package annotate

import (
	"errors"
	"fmt"
)

// Sentinel errors that callers test with errors.Is. Errors returned by this
// package wrap one of these and add the operation and the place.
var (
	// ErrBadSpan marks a span that is empty, reversed, outside its text or
	// only white space.
	ErrBadSpan = errors.New("bad span")
	// ErrNotText marks input that is not UTF-8 text: binary data or
	// invalid byte sequences.
	ErrNotText = errors.New("not UTF-8 text")
	// ErrBadInput marks malformed structured input, such as a JSON line
	// without the fields it needs or an annotation Glossa cannot read.
	ErrBadInput = errors.New("bad input")
	// ErrNotFound marks a note or suggestion that is not in the workspace.
	ErrNotFound = errors.New("not found")
	// ErrBadID marks an annotation id that is not a "urn:uuid:" IRI in
	// canonical (lower-case, hyphenated) form.
	ErrBadID = errors.New("bad id")
	// ErrDuplicate marks a note whose id, or whose span, label and creator,
	// another note already has.
	ErrDuplicate = errors.New("duplicate")
	// ErrBadLabel marks a label that is not one of AllLabels.
	ErrBadLabel = errors.New("bad label")
	// ErrTooLong marks a comment, tag or tag list over its limit.
	ErrTooLong = errors.New("too long")
	// ErrBadURL marks evidence that is not an absolute http or https URL.
	ErrBadURL = errors.New("bad URL")
	// ErrNotClaim marks a claim-only operation on a note that is not a
	// CLAIM.
	ErrNotClaim = errors.New("not a claim")
	// ErrBadSpeaker marks a claim's speaker that is not a note of the
	// workspace, is the claim itself, or gives both a note and a name.
	ErrBadSpeaker = errors.New("bad speaker")
	// ErrBadVerdict marks a verdict that is not one of Verdicts.
	ErrBadVerdict = errors.New("bad verdict")
	// ErrNotAnchored marks a quote or position that matches nowhere in
	// the text (see Anchor).
	ErrNotAnchored = errors.New("not anchored")
)

// LimitError reports a value over one of Glossa's limits, with the
// figures a reader needs: "comment of 10001 code points, the limit is
// 10000". It wraps ErrTooLong.
type LimitError struct {
	What  string // "comment", "tag", "tag list", "evidence URL", …
	Got   int    // the value's size
	Limit int    // the most Glossa keeps
	Unit  string // "code points", "tags", "bytes"
}

// Error says what is too long, by how much, in the form the package's
// errors take.
func (e *LimitError) Error() string {
	return fmt.Sprintf("%v: %s of %d %s, the limit is %d", ErrTooLong, e.What, e.Got, e.Unit, e.Limit)
}

// Unwrap returns ErrTooLong.
func (e *LimitError) Unwrap() error { return ErrTooLong }

// tooLong returns a LimitError.
func tooLong(what string, got, limit int, unit string) error {
	return &LimitError{What: what, Got: got, Limit: limit, Unit: unit}
}

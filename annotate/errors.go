package annotate

import "errors"

// Sentinel errors that callers test with errors.Is. Errors returned by this
// package wrap one of these and add the operation and the place.
var (
	// ErrBadSpan marks a span that is empty, reversed or outside its text.
	ErrBadSpan = errors.New("bad span")
	// ErrNotText marks input that is not UTF-8 text: binary data or
	// invalid byte sequences.
	ErrNotText = errors.New("not UTF-8 text")
	// ErrBadInput marks malformed structured input, such as a JSON line
	// without the fields it needs.
	ErrBadInput = errors.New("bad input")
)

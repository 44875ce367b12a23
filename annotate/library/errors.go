package library

import (
	"errors"
)

// Sentinel errors of the library, besides annotate's (ErrBadInput,
// ErrNotFound, ErrDuplicate and the others), which its errors wrap too.
var (
	// ErrNewerSchema marks a stored record, or a database, written by a
	// newer Glossa (its schema is above SchemaVersion): it is refused,
	// never read as if it were older and never overwritten.
	ErrNewerSchema = errors.New("written by a newer version of Glossa")
	// ErrCorrupt marks a stored record that cannot be read: not JSON, a
	// field missing or invalid, or at odds with its key or its document.
	ErrCorrupt = errors.New("unreadable record")
	// ErrQuota marks a write refused because the storage is full (the
	// browser's quota is exhausted).
	ErrQuota = errors.New("storage full")
)

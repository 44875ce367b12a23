package annotate

import (
	"reflect"
	"slices"
)

// HistoryLimit is how many earlier workspaces a History keeps for undo.
const HistoryLimit = 200

// History is the undo and redo history of a Workspace. Like Workspace it is
// an immutable value: Do, Undo and Redo return a new History and leave the
// receiver as it was.
type History struct {
	past    []Workspace // oldest first, at most HistoryLimit
	current Workspace
	future  []Workspace // the next redo last
}

// NewHistory returns a history whose current workspace is w, with nothing
// to undo or redo.
func NewHistory(w Workspace) History { return History{current: w} }

// Current returns the current workspace.
func (h History) Current() Workspace { return h.current }

// CanUndo reports whether Undo has a step to go back.
func (h History) CanUndo() bool { return len(h.past) > 0 }

// CanRedo reports whether Redo has a step to go forward.
func (h History) CanRedo() bool { return len(h.future) > 0 }

// Do makes w the current workspace, keeping the previous one for Undo (the
// oldest beyond HistoryLimit are forgotten) and dropping what Redo would
// have restored. A w that is the current workspace itself, as operations
// return it when they change nothing, is not a step: Do returns h.
func (h History) Do(w Workspace) History {
	if identical(w, h.current) {
		return h
	}
	// A fresh slice every time: Undo shares h.past with the result, and
	// appending in place would overwrite what another History still holds.
	keep := h.past[max(0, len(h.past)+1-HistoryLimit):]
	past := make([]Workspace, 0, len(keep)+1)
	past = append(append(past, keep...), h.current)
	return History{past: past, current: w}
}

// Undo goes back one step; it reports false, returning h, if there is none.
func (h History) Undo() (History, bool) {
	if len(h.past) == 0 {
		return h, false
	}
	last := len(h.past) - 1
	return History{
		past:    slices.Clip(h.past[:last]),
		current: h.past[last],
		future:  append(slices.Clip(h.future), h.current),
	}, true
}

// Redo goes forward one undone step; it reports false, returning h, if
// there is none.
func (h History) Redo() (History, bool) {
	if len(h.future) == 0 {
		return h, false
	}
	last := len(h.future) - 1
	return History{
		past:    append(slices.Clip(h.past), h.current),
		current: h.future[last],
		future:  slices.Clip(h.future[:last]),
	}, true
}

// identical reports whether a and b are the same workspace value: the same
// document and the very same slices and maps, as an operation that changed
// nothing returns. It does not compare contents.
func identical(a, b Workspace) bool {
	return a.Doc == b.Doc && a.Recognizer == b.Recognizer &&
		sameSlice(a.Notes, b.Notes) && sameSlice(a.Suggestions, b.Suggestions) &&
		sameMap(a.Rejected, b.Rejected) && sameMap(a.Accepted, b.Accepted)
}

func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func sameMap[K comparable, V any](a, b map[K]V) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

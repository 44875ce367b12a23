package main

import (
	"slices"
	"testing"

	"glossa/annotate"
)

// A long article's new highlights go on screen a few blocks at a time, in
// document order, until every block shows what it should; blocks that
// already do are left alone.
func TestShowMarks(t *testing.T) {
	mark := func(start int) []highlight {
		return []highlight{{Span: annotate.Span{Start: start, End: start + 3}, Label: annotate.Person, Kind: kindSuggestion}}
	}
	want := [][]highlight{mark(0), nil, mark(10), mark(20), mark(30)}
	onScreen := [][]highlight{nil, nil, nil, mark(20), nil}
	for _, tc := range []struct {
		n        int
		shown    []bool // which blocks show want's after one step
		moreLeft bool
	}{
		{n: 1, shown: []bool{true, true, false, true, false}, moreLeft: true},
		{n: 2, shown: []bool{true, true, true, true, false}, moreLeft: true},
		{n: 3, shown: []bool{true, true, true, true, true}, moreLeft: false},
		{n: 50, shown: []bool{true, true, true, true, true}, moreLeft: false},
	} {
		before := slices.Clone(onScreen)
		next, changed, left := showMarks(onScreen, want, tc.n)
		if wantChanged := min(tc.n, 3); changed != wantChanged {
			t.Errorf("n=%d: %d blocks changed, want %d", tc.n, changed, wantChanged)
		}
		if left != tc.moreLeft {
			t.Errorf("n=%d: left = %v, want %v", tc.n, left, tc.moreLeft)
		}
		for i := range want {
			if got := slices.Equal(next[i], want[i]); got != tc.shown[i] {
				t.Errorf("n=%d: block %d shows the new highlights: %v, want %v", tc.n, i, got, tc.shown[i])
			}
		}
		for i := range before {
			if !slices.Equal(onScreen[i], before[i]) {
				t.Fatalf("n=%d: showMarks changed the blocks on screen it was given", tc.n)
			}
		}
	}
	// Step by step, every block ends up showing want's.
	steps := 0
	for left := true; left; steps++ {
		onScreen, _, left = showMarks(onScreen, want, 1)
	}
	if steps != 3 || !slices.EqualFunc(onScreen, want, slices.Equal) {
		t.Errorf("after %d steps of one block: %v, want %v in 3", steps, onScreen, want)
	}
	// Another document's blocks (another count) are shown at once.
	if next, _, left := showMarks(nil, want, 1); left || len(next) != len(want) {
		t.Errorf("a new document: %d blocks, left %v; want all %d at once", len(next), left, len(want))
	}
}

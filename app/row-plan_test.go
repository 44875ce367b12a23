package main

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// applyPlan does what the panel's list does with a plan, on a slice.
func applyPlan(t *testing.T, shown []string, remove, create []string, moves []rowMove) []string {
	t.Helper()
	list := slices.Clone(shown)
	for _, k := range remove {
		i := slices.Index(list, k)
		if i < 0 {
			t.Fatalf("removes %q, which is not shown", k)
		}
		list = slices.Delete(list, i, i+1)
	}
	made := map[string]bool{}
	for _, k := range create {
		if slices.Contains(list, k) || made[k] {
			t.Fatalf("creates %q twice", k)
		}
		made[k] = true
	}
	for _, m := range moves {
		if i := slices.Index(list, m.row); i >= 0 {
			list = slices.Delete(list, i, i+1)
		} else if !made[m.row] {
			t.Fatalf("moves %q, neither shown nor created", m.row)
		}
		at := len(list)
		if m.before != "" {
			if at = slices.Index(list, m.before); at < 0 {
				t.Fatalf("puts %q before %q, which is not in the list", m.row, m.before)
			}
		}
		list = slices.Insert(list, at, m.row)
	}
	return list
}

// Each plan turns the rows shown into the rows wanted, touching no more
// than it must in the changes a panel sees: rows added, removed or
// changed (a changed row is a new key) where they are.
func TestPlanRows(t *testing.T) {
	for _, tc := range []struct {
		name         string
		shown, want  []string
		moves, drops int
	}{
		{"first rows", nil, []string{"a", "b", "c"}, 3, 0},
		{"same rows", []string{"a", "b", "c"}, []string{"a", "b", "c"}, 0, 0},
		{"one added at the start", []string{"b", "c"}, []string{"a", "b", "c"}, 1, 0},
		{"one added in the middle", []string{"a", "c"}, []string{"a", "b", "c"}, 1, 0},
		{"one added at the end", []string{"a", "b"}, []string{"a", "b", "c"}, 1, 0},
		{"one removed", []string{"a", "b", "c"}, []string{"a", "c"}, 0, 1},
		{"one changed", []string{"a", "b", "c"}, []string{"a", "B", "c"}, 1, 1},
		{"all gone", []string{"a", "b"}, nil, 0, 2},
		{"reversed", []string{"a", "b", "c"}, []string{"c", "b", "a"}, 2, 0},
		{"window slides by one", []string{"a", "b", "c"}, []string{"b", "c", "d"}, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			remove, create, moves := planRows(tc.shown, tc.want)
			if got := applyPlan(t, tc.shown, remove, create, moves); !slices.Equal(got, tc.want) {
				t.Fatalf("plan gives %q, want %q", got, tc.want)
			}
			if len(moves) != tc.moves || len(remove) != tc.drops {
				t.Errorf("%d moves and %d removals, want %d and %d", len(moves), len(remove), tc.moves, tc.drops)
			}
		})
	}
}

// Any list turns into any other: 2,000 random pairs drawn from a few
// keys, so that rows are kept, moved, added and removed together.
func TestPlanRowsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() []string {
		keys := r.Perm(12)[:r.IntN(13)]
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = strconv.Itoa(k)
		}
		return out
	}
	for range 2000 {
		shown, want := pick(), pick()
		remove, create, moves := planRows(shown, want)
		if got := applyPlan(t, shown, remove, create, moves); !slices.Equal(got, want) {
			t.Fatalf("%q → %q: plan gives %q", shown, want, got)
		}
	}
}

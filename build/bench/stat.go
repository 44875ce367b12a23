// Medians with their ranges, over the runs of a row.

package main

import "sort"

// stat is a median with its range.
type stat struct {
	Median, Min, Max float64
	N                int // runs that measured it
}

// statOf summarizes xs; negative values (not measured) are left out, and
// none at all gives -1.
func statOf(xs []float64) stat {
	var s []float64
	for _, x := range xs {
		if x >= 0 {
			s = append(s, x)
		}
	}
	if len(s) == 0 {
		return stat{-1, -1, -1, 0}
	}
	sort.Float64s(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return stat{m, s[0], s[len(s)-1], len(s)}
}

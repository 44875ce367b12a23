package main

import "testing"

func TestStatOf(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want stat
	}{
		{"odd", []float64{5, 1, 3}, stat{3, 1, 5, 3}},
		{"even: the mean of the middle two", []float64{4, 1, 2, 10}, stat{3, 1, 10, 4}},
		{"not measured (-1) is left out", []float64{-1, 7, -1}, stat{7, 7, 7, 1}},
		{"nothing measured", []float64{-1}, stat{-1, -1, -1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := statOf(tt.xs); got != tt.want {
				t.Errorf("statOf(%v) = %+v, want %+v", tt.xs, got, tt.want)
			}
		})
	}
}

package main

import (
	"math"
	"strings"
	"testing"
)

// TestLoadFigures: the first highlight is the first of its marks; the
// longest task and blocking time count every task, the app's only those
// from app.wasm's start on.
func TestLoadFigures(t *testing.T) {
	marks := []mark{
		{"first-contentful-paint", 300},
		{"glossa-first-highlight", 1000}, // boot.js's
		{"glossa-wasm-ready", 1800},
		{"glossa-first-highlight", 2000}, // the app's
		{"glossa-tagged", 2100},
		{"glossa-tagged", 2500},
	}
	tasks := []task{{AtMs: 250, Ms: 90}, {AtMs: 900, Ms: 40}, {AtMs: 1850, Ms: 70}, {AtMs: 2050, Ms: 60}}
	got := loadFigures(marks, tasks)
	want := figures{FirstPaint: 300, FirstHighlight: 1000, Tagged: 2100, Longest: 90, Blocking: 40 + 20 + 10, AppLongest: 70, AppBlocking: 20 + 10}
	if got != want {
		t.Errorf("loadFigures = %+v, want %+v", got, want)
	}
	// A visit whose app never started has no app figures.
	if got := loadFigures(marks[:2], tasks); got.AppLongest != 0 || got.AppBlocking != 0 {
		t.Errorf("without glossa-wasm-ready: app figures %v and %v, want 0", got.AppLongest, got.AppBlocking)
	}
}

// TestLongFigures: with the long article added, its window runs from the
// click to a second after it was tagged, and the load's figures leave its
// tasks out.
func TestLongFigures(t *testing.T) {
	marks := []mark{
		{"first-contentful-paint", 300},
		{"glossa-tagged", 2000},
		{addMark, 5000},
		{addedMark, 5800},
	}
	tasks := []task{
		{AtMs: 250, Ms: 90},
		{AtMs: 4990, Ms: 30},  // before the click
		{AtMs: 5010, Ms: 120}, // the click's
		{AtMs: 5500, Ms: 70},
		{AtMs: 6700, Ms: 60},  // within a second of the end
		{AtMs: 6900, Ms: 200}, // after it
	}
	got := loadFigures(marks, tasks)
	if got.LongAdded != 800 || got.LongLongest != 120 || got.LongBlocking != 70+20+10 {
		t.Errorf("long article: added %v, longest %v, blocking %v; want 800, 120, 100", got.LongAdded, got.LongLongest, got.LongBlocking)
	}
	if got.Longest != 90 || got.Blocking != 40 {
		t.Errorf("the load: longest %v, blocking %v; want 90 and 40 (the long article's tasks left out)", got.Longest, got.Blocking)
	}
	// Without the marks (no -long, or the add failed) there are none.
	if got := loadFigures(marks[:2], tasks); got.LongAdded != 0 || got.LongLongest != 0 || got.LongBlocking != 0 {
		t.Errorf("without the long article's marks: %+v, want no long figures", got)
	}
}

func TestSignTest(t *testing.T) {
	for _, c := range []struct {
		lower, higher int
		want          float64
	}{
		{0, 0, 1},
		{4, 4, 1},
		{8, 0, 2.0 / 256},
		{0, 8, 2.0 / 256},
		{7, 1, 2 * 9.0 / 256},
		{6, 2, 2 * 37.0 / 256},
		{1, 0, 1},
	} {
		if got := signTest(c.lower, c.higher); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("signTest(%d, %d) = %v, want %v", c.lower, c.higher, got, c.want)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		xs   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(c.xs); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.xs, got, c.want)
		}
	}
}

// TestWriteComparison: a row per figure, with both medians, the ratio and
// the split of pairs, ties counted in neither.
func TestWriteComparison(t *testing.T) {
	a := []figures{{Longest: 100}, {Longest: 120}, {Longest: 90}}
	b := []figures{{Longest: 80}, {Longest: 60}, {Longest: 90}}
	var out strings.Builder
	writeComparison(&out, a, b, compared)
	if want := "| longest task | 100 | 80 | 0.80 | 2 | 0 | 0.500 |\n"; !strings.Contains(out.String(), want) {
		t.Errorf("the table has no row %q:\n%s", want, out.String())
	}
	if want := "| first paint | 0 | 0 | – | 0 | 0 | 1.000 |\n"; !strings.Contains(out.String(), want) {
		t.Errorf("the table has no row %q:\n%s", want, out.String())
	}
	// Lower in 13 pairs of 13: p = 2/8192.
	a, b = nil, nil
	for range 13 {
		a = append(a, figures{Blocking: 200})
		b = append(b, figures{Blocking: 100})
	}
	out.Reset()
	writeComparison(&out, a, b, compared)
	if want := "| blocking time | 200 | 100 | 0.50 | 13 | 0 | < 0.001 |\n"; !strings.Contains(out.String(), want) {
		t.Errorf("the table has no row %q:\n%s", want, out.String())
	}
}

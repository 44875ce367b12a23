package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
)

// figures are what one traced cold visit is compared by: when the page
// painted, highlighted and finished tagging, and how long its main thread
// was blocked, over the whole load and from app.wasm's start on.
type figures struct {
	FirstPaint, FirstHighlight, Tagged float64 // ms from navigation start
	Longest, Blocking                  float64 // the longest main-thread task and the total blocking time, ms
	AppLongest, AppBlocking            float64 // the same, of the tasks from the "glossa-wasm-ready" mark on
	// With -long: the long article's (see longFigures).
	LongAdded, LongLongest, LongBlocking float64
}

// blockingOver is where a task starts to block, as in total blocking time.
const blockingOver = 50

// loadFigures reads a visit's figures from its marks and its main-thread
// tasks (their AtMs from navigation start, as the marks'). The first
// highlight is the first "glossa-first-highlight" mark: on a first visit
// web/boot.js draws highlights before the app does. The load's tasks are
// those before the long article's, if it was added.
func loadFigures(marks []mark, tasks []task) figures {
	var f figures
	f.LongAdded, f.LongLongest, f.LongBlocking = longFigures(marks, tasks)
	if at := markAt(marks, addMark); at > 0 {
		tasks = slices.DeleteFunc(slices.Clone(tasks), func(t task) bool { return t.AtMs >= at })
	}
	ready := math.Inf(1)
	for _, m := range marks {
		switch {
		case m.Name == "first-contentful-paint":
			f.FirstPaint = m.At
		case m.Name == "glossa-first-highlight" && f.FirstHighlight == 0:
			f.FirstHighlight = m.At
		case m.Name == "glossa-tagged" && f.Tagged == 0:
			f.Tagged = m.At
		case m.Name == "glossa-wasm-ready" && math.IsInf(ready, 1):
			ready = m.At
		}
	}
	for _, t := range tasks {
		f.Longest = max(f.Longest, t.Ms)
		f.Blocking += max(0, t.Ms-blockingOver)
		if t.AtMs >= ready {
			f.AppLongest = max(f.AppLongest, t.Ms)
			f.AppBlocking += max(0, t.Ms-blockingOver)
		}
	}
	return f
}

// figure names one of figures' fields for the comparison's table.
type figure struct {
	name string
	of   func(figures) float64
}

var compared = []figure{
	{"first paint", func(f figures) float64 { return f.FirstPaint }},
	{"first highlight", func(f figures) float64 { return f.FirstHighlight }},
	{"tagged", func(f figures) float64 { return f.Tagged }},
	{"longest task", func(f figures) float64 { return f.Longest }},
	{"blocking time", func(f figures) float64 { return f.Blocking }},
	{"longest task from app.wasm's start", func(f figures) float64 { return f.AppLongest }},
	{"blocking time from app.wasm's start", func(f figures) float64 { return f.AppBlocking }},
}

// comparedLong are the long article's figures (-long).
var comparedLong = []figure{
	{"long article: added to tagged", func(f figures) float64 { return f.LongAdded }},
	{"long article: longest task", func(f figures) float64 { return f.LongLongest }},
	{"long article: blocking time", func(f figures) float64 { return f.LongBlocking }},
}

// writeComparison writes the table of two sites' visits, paired in the
// order they were made: each figure's median for A and B, in how many
// pairs B's was lower (and higher), and the two-sided sign test's p: how
// often so lopsided a split comes by chance when the two are the same.
// On this noisy 2-core machine two builds that differ in nothing
// measurable differ by a quarter in eight pairs' medians; the wins and p
// say whether a difference held pair after pair.
func writeComparison(w io.Writer, a, b []figures, figs []figure) {
	fmt.Fprintf(w, "| figure (ms) | A median | B median | B/A | B lower | B higher | sign test p |\n|---|---|---|---|---|---|---|\n")
	for _, f := range figs {
		var as, bs []float64
		lower, higher := 0, 0
		for i := range min(len(a), len(b)) {
			x, y := f.of(a[i]), f.of(b[i])
			as, bs = append(as, x), append(bs, y)
			switch {
			case y < x:
				lower++
			case y > x:
				higher++
			}
		}
		ma, mb := median(as), median(bs)
		ratio := "–"
		if ma > 0 {
			ratio = fmt.Sprintf("%.2f", mb/ma)
		}
		p := fmt.Sprintf("%.3f", signTest(lower, higher))
		if p == "0.000" {
			p = "< 0.001"
		}
		fmt.Fprintf(w, "| %s | %.0f | %.0f | %s | %d | %d | %s |\n", f.name, ma, mb, ratio, lower, higher, p)
	}
}

// median returns the middle of xs (the mean of the two middle ones when
// their count is even); 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// signTest returns the two-sided sign test's p for a split of pairs
// (ties left out): the chance, were each pair a coin toss, of a split at
// least as uneven.
func signTest(lower, higher int) float64 {
	n, k := lower+higher, min(lower, higher)
	if n == 0 {
		return 1
	}
	tail := 0.0
	for i := 0; i <= k; i++ {
		tail += binomial(n, i)
	}
	return min(1, 2*tail/math.Pow(2, float64(n)))
}

// binomial returns n choose k.
func binomial(n, k int) float64 {
	r := 1.0
	for i := 1; i <= k; i++ {
		r = r * float64(n-k+i) / float64(i)
	}
	return r
}

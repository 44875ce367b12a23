package e2e

import (
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// BenchmarkColdLoad opens the app in a new browser profile each time (a
// first visit: nothing cached) and reports medians, in milliseconds from
// navigation start, of: the article's first paint (first-contentful-paint,
// the prerendered article), the first highlight on screen, and tagging
// done; and the tagging time inside the worker. Run it with -benchtime=5x
// or more (make bench does).
func BenchmarkColdLoad(b *testing.B) {
	var paint, first, done, worker []float64
	for b.Loop() {
		br := newBrowser(b)
		br.do(b, chromedp.Navigate(siteURL+"/"))
		waitFor(b, br, "tagging", `performance.getEntriesByName("glossa-tagged").length > 0`, time.Minute)
		m := eval[map[string]float64](b, br, `(() => {
  const at = (name) => (performance.getEntriesByName(name)[0] || {startTime: -1}).startTime;
  return {paint: at("first-contentful-paint"), first: at("glossa-first-highlight"), done: at("glossa-tagged"),
    worker: +(document.querySelector("#status").dataset.ms || -1)};
})()`)
		paint = append(paint, m["paint"])
		first = append(first, m["first"])
		done = append(done, m["done"])
		worker = append(worker, m["worker"])
	}
	b.ReportMetric(median(paint), "article-ms")
	b.ReportMetric(median(first), "first-highlight-ms")
	b.ReportMetric(median(done), "tagged-ms")
	b.ReportMetric(median(worker), "worker-tag-ms")
	b.Logf("article %v; first highlight %v; tagged %v; worker tagging %v (ms, each run)", paint, first, done, worker)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

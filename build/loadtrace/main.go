// Command loadtrace shows where the time of a cold first visit to
// Glossa goes. It opens the built site (make build) in headless
// Chromium, each run on a new profile, records a trace until the sample
// article is tagged, and prints one timeline: the page's own marks and
// resources and, where each started, the tasks of the page's main thread
// over a threshold with what they did: script, style, layout (and how
// many boxes), paint, and with -fonts the fonts they looked up. With
// -profile it samples the page's thread too and names, under each task,
// the functions it ran most (by self time, then by total time): the site
// is served with app.wasm's function names, taken from web/app.wasm. With
// -workers it shows the tasks of the page's workers too (the compiler's
// warm-up, the tagger), each named by its script, and then the CPU time
// every thread of the browser used until the first highlight, Chromium's
// own processes included: what the two cores of a small machine did.
// With both -profile and -workers the workers' tasks name their
// functions too; -tagger-names serves a tagger built with its function
// names in the site's tagger.wasm's place, so that the tagger worker's
// tasks name its Go functions (the site's tagger is built without them).
//
//	go run ./build/loadtrace [-runs 3] [-site dist/site] [-min 50] [-fonts] [-profile] [-workers]
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags=-w -o /tmp/tagger-names.wasm ./app/tagger
//	go run ./build/loadtrace -runs 1 -min 10 -workers -profile -tagger-names /tmp/tagger-names.wasm
//
// With -against it compares two builds instead: it visits -site (A) and
// the other site (B) in turns, -runs pairs, the first of each pair
// alternating, and prints each figure's medians and in how many pairs B's
// was lower: on a busy 2-core machine only a difference that holds pair
// after pair is one.
//
//	go run ./build/loadtrace -site /tmp/site-before -against dist/site -runs 12
//
// With -long each visit, once loaded, also pastes the benchmark's
// 10,000-word article into the library and adds it (long.go): the
// timeline shows what adding it did, and -against compares that too.
//
//	go run ./build/loadtrace -long -min 30 -profile
//	go run ./build/loadtrace -long -site /tmp/site-before -against dist/site -runs 12
//
// The browser benchmark (build/bench) says how long; this says what the
// time is made of. Every time counts from navigation start.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"

	"github.com/chromedp/chromedp"

	"glossa/app/e2e/chrome"
)

func main() {
	runs := flag.Int("runs", 3, "cold visits")
	site := flag.String("site", "dist/site", "the built site")
	minMs := flag.Float64("min", 50, "show the main thread's tasks of at least this many ms")
	fonts := flag.Bool("fonts", false, "record font lookups too")
	profile := flag.Bool("profile", false, "sample the page's thread and name the functions each task ran")
	workers := flag.Bool("workers", false, "show the page's workers' tasks too, and each thread's CPU time until the first highlight")
	module := flag.String("names", "web/app.wasm", "with -profile: the app.wasm whose function names the profile shows")
	tagger := flag.String("tagger-names", "", "with -profile -workers: a tagger.wasm built with its function names (-ldflags=-w), served in the site's tagger's place")
	against := flag.String("against", "", "compare -site (A) with this built site (B): -runs pairs of cold visits, taking turns")
	long := flag.Bool("long", false, "after the load, paste the 10,000-word article into the library and add it")
	flag.Parse()
	if *against != "" {
		if err := compare(*runs, *site, *against, *long); err != nil {
			fmt.Fprintln(os.Stderr, "loadtrace:", err)
			os.Exit(1)
		}
		return
	}
	if *tagger != "" && !(*profile && *workers) {
		fmt.Fprintln(os.Stderr, "loadtrace: -tagger-names names the tagger worker's functions: use it with -profile -workers")
		os.Exit(2)
	}
	if err := run(*runs, *site, *minMs, *fonts, *profile, *workers, *long, *module, *tagger); err != nil {
		fmt.Fprintln(os.Stderr, "loadtrace:", err)
		os.Exit(1)
	}
}

func run(runs int, site string, minMs float64, fonts, profile, workers, long bool, module, tagger string) error {
	if err := checkBuilt(site); err != nil {
		return err
	}
	if profile {
		named, err := siteWithNames(site, module, "")
		if err != nil {
			return err
		}
		defer os.RemoveAll(named)
		site = named
	}
	if tagger != "" {
		named, err := siteWithTagger(site, tagger, "")
		if err != nil {
			return err
		}
		defer os.RemoveAll(named)
		site = named
	}
	addr, stop, err := chrome.Serve("dist/glossa", site)
	if err != nil {
		return err
	}
	defer stop()
	categories := append([]string(nil), traceCategories...)
	if fonts {
		categories = append(categories, "fonts")
	}
	if profile {
		categories = append(categories, profilerCategory)
	}
	for i := range runs {
		fmt.Printf("run %d of %d (ms from navigation start)\n", i+1, runs)
		marks, events, err := visit(addr, categories, long)
		if err != nil {
			return fmt.Errorf("run %d: %w", i+1, err)
		}
		fcp, highlight := 0.0, 0.0
		for _, m := range marks {
			switch m.Name {
			case "first-contentful-paint":
				fcp = m.At
			case "glossa-first-highlight":
				// The first: on a first visit web/boot.js marks the
				// highlights it draws before the app runs, and the app
				// marks its own later.
				if highlight == 0 {
					highlight = m.At
				}
			}
		}
		tasks := mainTasks(events, minMs)
		var samples []sample
		if profile && len(tasks) > 0 {
			samples = threadSamples(events, tasks[0].thread)
		}
		for i := range tasks {
			tasks[i].Hot = hotFunctions(samples, tasks[i].start, tasks[i].end, tasks[i].Ms)
		}
		if workers {
			inWorkers := workerTasks(events, minMs)
			if profile {
				byThread := map[[2]int][]sample{} // each worker's samples, read once
				for i, t := range inWorkers {
					if _, ok := byThread[t.thread]; !ok {
						byThread[t.thread] = threadSamples(events, t.thread)
					}
					inWorkers[i].Hot = hotFunctions(byThread[t.thread], t.start, t.end, t.Ms)
				}
			}
			tasks = append(tasks, inWorkers...)
			sort.SliceStable(tasks, func(a, b int) bool { return tasks[a].AtMs < tasks[b].AtMs })
		}
		for i := range tasks {
			tasks[i].AtMs += fcp // from navigation start, as the marks
		}
		// One timeline: each task among the marks, where it started.
		for _, m := range marks {
			for len(tasks) > 0 && tasks[0].AtMs <= m.At {
				writeTasks(os.Stdout, tasks[:1])
				tasks = tasks[1:]
			}
			fmt.Printf("  %6.0f  %s\n", m.At, m.Name)
		}
		writeTasks(os.Stdout, tasks)
		if _, fcpAt, ok := pageThread(events); workers && ok && highlight > 0 {
			start := fcpAt - fcp*1000 // navigation start, on the trace's clock
			writeCPU(os.Stdout, "from navigation start to the first highlight", cpuByThread(events, start, start+highlight*1000))
		}
	}
	return nil
}

// traceCategories are the trace's categories: tasks, what they did, marks.
var traceCategories = []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink", "loading", "toplevel"}

// compare visits sites a and b in turns, runs pairs, and writes their
// figures' comparison (writeComparison); with long, the long article's
// figures too.
func compare(runs int, a, b string, long bool) error {
	sites := []string{a, b}
	addrs := make([]string, 2)
	for i, site := range sites {
		if err := checkBuilt(site); err != nil {
			return err
		}
		addr, stop, err := chrome.Serve("dist/glossa", site)
		if err != nil {
			return err
		}
		defer stop()
		addrs[i] = addr
	}
	categories := traceCategories
	got := make([][]figures, 2)
	fmt.Printf("A: %s, B: %s; per visit: first paint, first highlight, tagged, longest task, blocking time (ms)", a, b)
	if long {
		fmt.Print("; long article: added to tagged, longest task, blocking time")
	}
	fmt.Println()
	for i := range runs {
		for j := range 2 {
			which := (i + j) % 2 // A first in odd pairs, B in even ones
			marks, events, err := visit(addrs[which], categories, long)
			if err != nil {
				return fmt.Errorf("pair %d, %s: %w", i+1, sites[which], err)
			}
			tasks := mainTasks(events, 0)
			for k := range tasks {
				tasks[k].AtMs += markAt(marks, "first-contentful-paint")
			}
			f := loadFigures(marks, tasks)
			got[which] = append(got[which], f)
			fmt.Printf("pair %2d %c  %5.0f %5.0f %5.0f %4.0f %4.0f", i+1, "AB"[which], f.FirstPaint, f.FirstHighlight, f.Tagged, f.Longest, f.Blocking)
			if long {
				fmt.Printf("  long article: %5.0f %4.0f %4.0f", f.LongAdded, f.LongLongest, f.LongBlocking)
			}
			fmt.Println()
		}
	}
	figs := compared
	if long {
		figs = append(slices.Clone(compared), comparedLong...)
	}
	writeComparison(os.Stdout, got[0], got[1], figs)
	return nil
}

// checkBuilt says what to do where site holds no built site.
func checkBuilt(site string) error {
	if _, err := os.Stat(site + "/index.html"); err != nil {
		return fmt.Errorf("%v: build the site first (make build)", err)
	}
	return nil
}

// markAt returns the time of the first mark of that name, 0 if none.
func markAt(marks []mark, name string) float64 {
	for _, m := range marks {
		if m.Name == name {
			return m.At
		}
	}
	return 0
}

// mark is a point of the page's timeline: a performance mark, a paint, or
// a resource's start or end.
type mark struct {
	Name string
	At   float64 // ms from navigation start
}

// timeline lists the page's marks, paints and resources.
const timeline = `(() => {
  const r = [];
  for (const m of performance.getEntriesByType("mark")) r.push({Name: m.name, At: m.startTime});
  for (const p of performance.getEntriesByType("paint")) r.push({Name: p.name, At: p.startTime});
  for (const e of performance.getEntriesByType("resource")) {
    const n = e.name.replace(/[?#].*/, "").replace(/.*\//, "").replace(/\.[0-9a-f]{10}\./, ".");
    r.push({Name: n + " requested", At: e.startTime}, {Name: n + " received", At: e.responseEnd});
  }
  return r;
})()`

// visit loads the site once on a new profile, tracing, until the sample
// is tagged (the page's "glossa-tagged" mark) and a second more; with
// long, it then adds the long article (addLongArticle).
func visit(addr string, categories []string, long bool) ([]mark, []event, error) {
	dir, err := os.MkdirTemp("", "loadtrace")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(dir)
	var marks []mark
	raw, err := chrome.TraceVisit(dir, addr, categories, "glossa-tagged", func(ctx context.Context) error {
		if long {
			if err := addLongArticle(ctx); err != nil {
				return err
			}
		}
		var err error
		marks, err = chromedp.Run(ctx, chromedp.Evaluate[[]mark](timeline))
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	sort.SliceStable(marks, func(a, b int) bool { return marks[a].At < marks[b].At })
	events := make([]event, 0, len(raw))
	for _, r := range raw {
		var e event
		if json.Unmarshal(r, &e) == nil {
			events = append(events, e)
		}
	}
	return marks, events, nil
}

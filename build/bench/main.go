// Command bench is Glossa's browser benchmark (make bench). It serves the
// built site next to three reference pages: the same article as plain
// HTML, the article tagged by the JavaScript NLP library compromise, and
// a minimal go-app v9.8.0 app (build/bench/minimal: one component, the
// sample's headline and first paragraph, go-app's stock loader), built
// with Glossa's WebAssembly flags and served like Glossa. It opens each in
// headless Chromium with a new profile (a first, cold visit) several
// times, the rows taking turns, then, on each of Glossa's visits, drives
// the page through a reader's interactions. It prints one table of
// medians (min–max), the ratios the performance targets name (issue #13)
// with "met" or "not met", and writes every figure, each run's too, as
// JSON.
//
// Every server response passes through one byte-counting proxy, which
// records each chunk of a body with the time it was sent. Times in the
// page are milliseconds from navigation start; page and proxy times meet
// through performance.timeOrigin (same machine, same clock).
//
// Page rows. Columns:
//   - KB sent: response bodies as sent (compressed), for the whole visit
//     (load, warm tagging and one more second); before article visible;
//     before the first highlight (bytes the proxy had sent by the moment
//     of the page's first-highlight mark).
//   - article visible: first contentful paint. first highlight: Glossa's
//     "glossa-first-highlight" mark, compromise's "first-highlight" mark
//     (set once its highlights are in: its first result).
//   - longest task and TBT, over the load: long tasks are the main
//     thread's PerformanceObserver "longtask" entries, with their start
//     times; the load runs from navigation start until the page is ready
//     and then 1 s passes with no long task starting (ready: Glossa's
//     "glossa-tagged" mark; the minimal app's loader removed from the page,
//     which go-app's stock loader does once the Go program has started and
//     rendered; compromise's first-highlight mark; the plain page's first
//     contentful paint). The tasks that start in the load count; TBT
//     (total blocking time) is the sum over them of duration − 50 ms.
//   - long tasks (longest ms): all long tasks from navigation through the
//     warm tagging runs.
//   - warm tagging time for the sample and for the sample ×50; memory (JS
//     heap plus WebAssembly memory).
//
// Interaction rows (Glossa, after the load; see interact.go): tagging the
// sample on the cold visit; accepting and rejecting a suggestion and
// typing in the annotation panel's search, on the sample and on a
// generated 10,000-word article (build/longarticle); pasting that article
// through the library's "Add an article", the tagging that follows, and
// opening it again from the library. Each has a window, from the reader's
// input (the input event's timestamp) or the page's own start, to the
// change done; "on screen" and "done" are times from the window's start,
// and the longest task, the long tasks and TBT count the long tasks that
// start inside the window.
//
// Every wait is bounded. A visit that does not reach a state (the page
// ready, a card open, a headline on screen…) fails with the state's name,
// what the page showed and the page's own errors; the benchmark prints
// the failure under the table and goes on with the other visits, and a
// row's figures are the medians of its visits that got there.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"glossa/app/sample"
)

func main() {
	runs := flag.Int("runs", 5, "cold visits per row")
	out := flag.String("json", "dist/bench.json", "file for the figures as JSON")
	interactions := flag.Bool("interactions", true, "drive Glossa's interactions after each of its loads")
	flag.Parse()
	if err := run(*runs, *out, *interactions); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// row is one page the benchmark measures.
type row struct {
	Name string
	Base string // the proxy in front of the page's server
	Path string
	kind pageKind
}

type pageKind int

const (
	plainPage pageKind = iota
	compromisePage
	minimalPage
	glossaPage
)

// Row names.
const (
	plainName      = "plain HTML"
	compromiseName = "compromise 14.17 (JS peer)"
	minimalName    = "minimal go-app v9.8.0 (reference)"
	glossaName     = "Glossa"
)

// sampleText is the sample article as the pages hold it.
var sampleText = sample.Article

func run(runs int, out string, interactions bool) error {
	site, err := filepath.Abs(filepath.Join("dist", "site"))
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(site, "index.html")); err != nil {
		return fmt.Errorf("no built site in %s: run make build", site)
	}
	loadBefore := loadAverage()
	cpuBefore, cpuOK := readCPUTimes()
	fmt.Fprintln(os.Stderr, "bench: building the minimal go-app app")
	minimal, err := buildMinimal(filepath.Join("dist", "bench-minimal"))
	if err != nil {
		return fmt.Errorf("the minimal go-app app: %w", err)
	}
	dir, err := os.MkdirTemp("", "glossa-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	style, err := linkSite(site, dir)
	if err != nil {
		return err
	}
	if err := writePages(dir, style, filepath.Join("build", "bench", "node_modules", "compromise", "builds", "compromise.js")); err != nil {
		return err
	}
	counter := &byteCounter{}
	glossaBase, stop, err := serveCounted(dir, counter)
	if err != nil {
		return err
	}
	defer stop()
	minimalBase, stopMinimal, err := serveCounted(minimal, counter)
	if err != nil {
		return err
	}
	defer stopMinimal()

	rows := []row{
		{plainName, glossaBase, "/bench/reference.html", plainPage},
		{compromiseName, glossaBase, "/bench/compromise.html", compromisePage},
		{minimalName, minimalBase, "/", minimalPage},
		{glossaName, glossaBase, "/", glossaPage},
	}
	var failures []failure
	fail := func(r row, n int, err error) {
		f := failure{Row: r.Name, Run: n, Error: err.Error()}
		if se := (*stateError)(nil); errors.As(err, &se) {
			f.State = se.State
		}
		failures = append(failures, f)
		fmt.Fprintf(os.Stderr, "\nbench: %s\n", f)
	}
	// One visit of each go-app page, not counted, warms the machine's file
	// caches.
	fmt.Fprintln(os.Stderr, "bench: warming up")
	for _, r := range rows[2:] {
		if _, err := measure(r, counter, false); err != nil {
			fail(r, 0, err)
		}
	}
	// The rows take turns, so that the machine's changing load falls on
	// all of them alike.
	results := make(map[string][]sampleRun)
	for i := 1; i <= runs; i++ {
		fmt.Fprintf(os.Stderr, "bench: run %d of %d:", i, runs)
		for _, r := range rows {
			fmt.Fprintf(os.Stderr, " %s", r.Name)
			s, err := measure(r, counter, interactions && r.kind == glossaPage)
			s.Round = i
			if s.loaded {
				results[r.Name] = append(results[r.Name], s)
			}
			if err != nil {
				fail(r, i, err)
			}
		}
		fmt.Fprintln(os.Stderr)
	}
	rep := buildReport(rows, results, map[string]string{glossaName: site, minimalName: minimal})
	rep.LoadAverage = [2]string{loadBefore, loadAverage()}
	cpuAfter, afterOK := readCPUTimes()
	rep.Stolen = stolenShare(cpuBefore, cpuAfter, cpuOK && afterOK)
	rep.Runs = runs
	rep.Failures = failures
	fmt.Print(rep.table())
	data, _ := json.MarshalIndent(rep, "", "  ")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, append(data, '\n'), 0o644)
}

// failure is a visit that did not reach a state, or a step that failed.
type failure struct {
	Row   string
	Run   int // 0 for the warm-up visit
	State string
	Error string
}

func (f failure) String() string {
	run := fmt.Sprintf("run %d", f.Run)
	if f.Run == 0 {
		run = "warm-up visit"
	}
	return fmt.Sprintf("%s, %s: %s", f.Row, run, f.Error)
}

// linkSite puts every file of the built site into dir, hard-linked (or
// copied: glossa serve follows no symbolic link out of its folder), and
// returns the site's stylesheet path, for the reference pages.
func linkSite(site, dir string) (style string, err error) {
	err = filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		if m, _ := filepath.Match("web/glossa.*.css", filepath.ToSlash(rel)); m {
			style = "/" + filepath.ToSlash(rel)
		}
		to := filepath.Join(dir, rel)
		if os.Link(p, to) == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if style == "" && err == nil {
		err = fmt.Errorf("no stylesheet in %s", site)
	}
	return style, err
}

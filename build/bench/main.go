// Command bench is Glossa's browser benchmark (make bench). It serves the
// built site next to two reference pages, the same article as plain HTML
// and the article tagged by the JavaScript NLP library compromise, and
// opens each in headless Chromium with a new profile (a first, cold
// visit) several times. It prints one table of medians (min–max) and writes
// the figures as JSON.
//
// Columns: bytes sent by the server for the whole visit and before the
// article was visible; article visible (first contentful paint) and first
// highlight, in ms from navigation start; long tasks on the main thread
// (PerformanceObserver "longtask") from navigation through the warm tagging
// runs; warm tagging time for the sample and for the sample ×50; memory
// (JS heap plus WebAssembly memory).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"glossa/app/e2e/chrome"
	"glossa/app/sample"
)

func main() {
	runs := flag.Int("runs", 5, "cold visits per row")
	out := flag.String("json", "dist/bench.json", "file for the figures as JSON")
	flag.Parse()
	if err := run(*runs, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// row is one page the benchmark measures.
type row struct {
	Name string
	Path string
	kind pageKind
}

type pageKind int

const (
	plainPage pageKind = iota
	compromisePage
	glossaPage
)

func run(runs int, out string) error {
	site, err := filepath.Abs(filepath.Join("dist", "site"))
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(site, "index.html")); err != nil {
		return fmt.Errorf("no built site in %s: run make build", site)
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
	origin, stop, err := startServer(dir)
	if err != nil {
		return err
	}
	defer stop()
	proxy, counter, closeProxy, err := startCountingProxy(origin)
	if err != nil {
		return err
	}
	defer closeProxy()

	rows := []row{
		{"plain HTML (reference)", "/bench/reference.html", plainPage},
		{"compromise 14.17 (JS)", "/bench/compromise.html", compromisePage},
		{"Glossa", "/", glossaPage},
	}
	// One visit, not counted, warms the machine's file caches.
	if _, err := measure(proxy, rows[2], counter); err != nil {
		return fmt.Errorf("warm-up visit: %w", err)
	}
	results := make(map[string][]sampleRun)
	for _, r := range rows {
		for i := 0; i < runs; i++ {
			s, err := measure(proxy, r, counter)
			if err != nil {
				return fmt.Errorf("%s, run %d: %w", r.Name, i+1, err)
			}
			results[r.Name] = append(results[r.Name], s)
			fmt.Fprintf(os.Stderr, ".")
		}
	}
	fmt.Fprintln(os.Stderr)
	report := buildReport(rows, results)
	fmt.Print(report.table())
	data, _ := json.MarshalIndent(report, "", "  ")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, append(data, '\n'), 0o644)
}

// linkSite links every file of the built site into dir and returns the
// site's stylesheet path, for the reference pages.
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
		return os.Symlink(p, filepath.Join(dir, rel))
	})
	if style == "" && err == nil {
		err = fmt.Errorf("no stylesheet in %s", site)
	}
	return style, err
}

// startServer runs dist/glossa serve on dir.
func startServer(dir string) (addr string, stop func(), err error) {
	return chrome.Serve(filepath.Join("dist", "glossa"), dir)
}

// byteCounter adds up the bytes the server sends, with the time each
// response ended.
type byteCounter struct {
	mu    sync.Mutex
	sends []send
}

type send struct {
	at    time.Time
	bytes int64
}

func (c *byteCounter) reset() {
	c.mu.Lock()
	c.sends = nil
	c.mu.Unlock()
}

// total returns the bytes sent in all, and before the given time.
func (c *byteCounter) total(before time.Time) (all, early int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.sends {
		all += s.bytes
		if s.at.Before(before) {
			early += s.bytes
		}
	}
	return all, early
}

// countingBody counts what passes through a response body.
type countingBody struct {
	io.ReadCloser
	c *byteCounter
	n int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	return n, err
}

func (b *countingBody) Close() error {
	b.c.mu.Lock()
	b.c.sends = append(b.c.sends, send{time.Now(), b.n})
	b.c.mu.Unlock()
	return b.ReadCloser.Close()
}

// startCountingProxy puts a reverse proxy in front of the server that
// counts the bytes of every response body as sent (compressed).
func startCountingProxy(origin string) (addr string, c *byteCounter, stop func(), err error) {
	target, err := url.Parse(origin)
	if err != nil {
		return "", nil, nil, err
	}
	c = &byteCounter{}
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.Transport = &http.Transport{DisableCompression: true}
	rp.ModifyResponse = func(res *http.Response) error {
		res.Body = &countingBody{ReadCloser: res.Body, c: c}
		return nil
	}
	srv := &http.Server{Handler: rp}
	ln, err := listenLoopback()
	if err != nil {
		return "", nil, nil, err
	}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), c, func() { srv.Close() }, nil
}

// sampleText is the sample article as the pages hold it.
var sampleText = sample.Article

// buildReport turns the runs into medians with their ranges.
func buildReport(rows []row, results map[string][]sampleRun) report {
	rep := report{Date: time.Now().UTC().Format(time.RFC3339), Machine: machine()}
	for _, r := range rows {
		rep.Rows = append(rep.Rows, summarize(r.Name, results[r.Name]))
	}
	return rep
}

// machine describes the machine the figures come from.
func machine() string {
	cpu := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if m := regexp.MustCompile(`model name\s*:\s*(.+)`).FindSubmatch(data); m != nil {
			cpu = strings.TrimSpace(string(m[1]))
		}
	}
	version := "chromium"
	if out, err := exec.Command("chromium", "--version").Output(); err == nil {
		version = strings.TrimSpace(string(out))
	}
	n := 0
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		n = strings.Count(string(data), "processor\t:")
	}
	return fmt.Sprintf("%d × %s, %s", n, cpu, version)
}

// stat is a median with its range.
type stat struct {
	Median, Min, Max float64
}

func statOf(xs []float64) stat {
	if len(xs) == 0 {
		return stat{-1, -1, -1}
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return stat{m, s[0], s[len(s)-1]}
}

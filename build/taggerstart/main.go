// Command taggerstart measures the tagger's cold start in Node.js, step
// by step, as a first visit's tagging worker goes through it before the
// first highlight (web/tagger-worker.js): instantiating tagger.wasm, Go's
// start (the runtime and every package's initialisation), loading the
// news model, and tagging the sample article until its first block is
// out, then the rest. Each run is a new Node.js process, V8 as cold as a
// first visit's worker. Given several builds, the runs take turns and it
// prints, for each build after the first, in how many runs of a turn its
// step was quicker than the first build's.
//
//	go run ./build/taggerstart [-runs 8] [-model web/news.model] [-article FILE] [TAGGER.wasm ...]
//
// Build a tagger to compare with GOOS=js GOARCH=wasm go build -trimpath
// -ldflags="-s -w" -o /tmp/tagger.wasm ./app/tagger (web/tagger.wasm,
// the default, is make build's). Node.js is V8, as Chromium is, but a
// worker in a loading page shares the cores: the browser's own figures
// come from build/loadtrace -workers.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

//go:embed harness.js
var harness []byte

// steps are the figures of one run, in the order they happen, with the
// names harness.js gives them.
var steps = []struct{ key, name string }{
	{"instantiate", "instantiate"},
	{"goStart", "Go's start"},
	{"model", "model loaded"},
	{"firstBlock", "first block out (from the tagging's start)"},
	{"tagged", "whole article tagged (from the tagging's start)"},
}

// toFirstBlock names the sum of the steps until the first block is out.
const toFirstBlock = "until the first block"

func main() {
	runs := flag.Int("runs", 8, "cold starts of each build")
	model := flag.String("model", "web/news.model", "the model file")
	article := flag.String("article", "app/sample/kaspersky-uk-warning.txt", "the article to tag")
	flag.Parse()
	builds := flag.Args()
	if len(builds) == 0 {
		builds = []string{"web/tagger.wasm"}
	}
	if err := run(os.Stdout, builds, *model, *article, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "taggerstart:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, builds []string, model, article string, runs int) error {
	if runs < 1 {
		return errors.New("-runs must be 1 or more")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return errors.New("node is missing: install it with apt-get install -y nodejs")
	}
	dir, err := os.MkdirTemp("", "taggerstart")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "harness.js")
	if err := os.WriteFile(script, harness, 0o644); err != nil {
		return err
	}
	wasmExec, err := existing(filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	if model, err = existing(model); err != nil {
		return err
	}
	if article, err = existing(article); err != nil {
		return err
	}
	taggers := make([]string, len(builds))
	for i, b := range builds {
		if taggers[i], err = existing(b); err != nil {
			return fmt.Errorf("%w (make build makes web/tagger.wasm)", err)
		}
	}
	results := make([][]map[string]float64, len(builds))
	for r := range runs {
		for k := range builds {
			b := (k + r) % len(builds) // the first of a turn alternates
			out, err := exec.Command(node, script, wasmExec, taggers[b], model, article).Output()
			if err != nil {
				var exit *exec.ExitError
				if errors.As(err, &exit) {
					return fmt.Errorf("%s, run %d: %s", builds[b], r+1, strings.TrimSpace(string(exit.Stderr)))
				}
				return err
			}
			ms, err := parseRun(out)
			if err != nil {
				return fmt.Errorf("%s, run %d: %w", builds[b], r+1, err)
			}
			results[b] = append(results[b], ms)
		}
	}
	fmt.Fprint(w, table(builds, results))
	return nil
}

// existing returns file's absolute path, or an error if it is not there.
func existing(file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(abs); err != nil {
		return "", err
	}
	return abs, nil
}

// parseRun reads harness.js's line: each step's milliseconds, every step
// there, none negative.
func parseRun(out []byte) (map[string]float64, error) {
	var ms map[string]float64
	if err := json.Unmarshal(out, &ms); err != nil {
		return nil, fmt.Errorf("the harness printed %q, not its figures: %w", strings.TrimSpace(string(out)), err)
	}
	total := 0.0
	for _, s := range steps {
		v, ok := ms[s.key]
		if !ok || v < 0 {
			return nil, fmt.Errorf("the harness gave no figure for %s", s.name)
		}
		if s.key != "tagged" {
			total += v
		}
	}
	ms[toFirstBlock] = total
	return ms, nil
}

// table writes each step's median (min–max) for each build and, for each
// build after the first, in how many runs of a turn it was quicker.
func table(builds []string, results [][]map[string]float64) string {
	var b strings.Builder
	b.WriteString("| step (ms) |")
	for _, name := range builds {
		fmt.Fprintf(&b, " %s |", name)
	}
	for _, name := range builds[1:] {
		fmt.Fprintf(&b, " %s quicker |", name)
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", 2*len(builds)-1) + "\n")
	keys := make([]string, 0, len(steps)+1)
	names := map[string]string{toFirstBlock: toFirstBlock}
	for _, s := range steps {
		keys = append(keys, s.key)
		names[s.key] = s.name
	}
	keys = slices.Insert(keys, len(keys)-1, toFirstBlock)
	for _, key := range keys {
		fmt.Fprintf(&b, "| %s |", names[key])
		for _, runs := range results {
			v := column(runs, key)
			fmt.Fprintf(&b, " %.1f (%.1f–%.1f) |", median(v), slices.Min(v), slices.Max(v))
		}
		first := column(results[0], key)
		for _, runs := range results[1:] {
			v := column(runs, key)
			quicker := 0
			for i := range min(len(v), len(first)) {
				if v[i] < first[i] {
					quicker++
				}
			}
			fmt.Fprintf(&b, " %d of %d |", quicker, min(len(v), len(first)))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// column is one step's figures, run by run.
func column(runs []map[string]float64, key string) []float64 {
	v := make([]float64, len(runs))
	for i, ms := range runs {
		v[i] = ms[key]
	}
	return v
}

// median is the middle figure (the mean of the two middle ones).
func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

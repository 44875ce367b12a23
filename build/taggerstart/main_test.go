package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestParseRun takes the harness's figures, adds the time until the
// first block, and refuses a line that is not its figures or lacks one.
func TestParseRun(t *testing.T) {
	ms, err := parseRun([]byte(`{"instantiate":30,"goStart":40,"model":10,"firstBlock":20,"tagged":60}` + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := ms[toFirstBlock]; got != 100 {
		t.Errorf("until the first block: got %v, want 100 (30 + 40 + 10 + 20)", got)
	}
	for _, bad := range []string{
		"RuntimeError: unreachable",
		`{"instantiate":30,"goStart":40,"model":10,"tagged":60}`,
		`{"instantiate":30,"goStart":40,"model":10,"firstBlock":-1,"tagged":60}`,
	} {
		if _, err := parseRun([]byte(bad)); err == nil {
			t.Errorf("%s: taken", bad)
		}
	}
}

// TestTable gives each build's medians and ranges, and how often the
// second build was quicker than the first in the same turn.
func TestTable(t *testing.T) {
	run := func(goStart float64) map[string]float64 {
		ms, err := parseRun([]byte(`{"instantiate":30,"goStart":` + strconv.FormatFloat(goStart, 'f', -1, 64) + `,"model":10,"firstBlock":20,"tagged":60}`))
		if err != nil {
			t.Fatal(err)
		}
		return ms
	}
	got := table([]string{"old.wasm", "new.wasm"}, [][]map[string]float64{
		{run(60), run(50), run(70)},
		{run(40), run(55), run(45)},
	})
	for _, want := range []string{
		"| Go's start | 60.0 (50.0–70.0) | 45.0 (40.0–55.0) | 2 of 3 |",
		"| until the first block | 120.0 (110.0–130.0) | 105.0 (100.0–115.0) | 2 of 3 |",
		"| instantiate | 30.0 (30.0–30.0) | 30.0 (30.0–30.0) | 0 of 3 |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the table lacks %q:\n%s", want, got)
		}
	}
}

// TestRunOnTheTagger builds the tagger as make build does and measures
// one cold start of it in Node.js, on the built-in model and the sample
// article: the harness runs against the tagger's real API (a change to
// glossaLoadModel or glossaTag that it does not follow fails here), and
// the table gives every step.
func TestRunOnTheTagger(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tagger := filepath.Join(t.TempDir(), "tagger.wasm")
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-trimpath", "-ldflags=-s -w", "-o", tagger, "./app/tagger")
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the tagger: %v\n%s", err, out)
	}
	var out strings.Builder
	model := filepath.Join(root, "annotate", "ner", "news", "builtin", "news.model")
	article := filepath.Join(root, "app", "sample", "kaspersky-uk-warning.txt")
	if err := run(&out, []string{tagger}, model, article, 1); err != nil {
		t.Fatal(err)
	}
	for _, s := range append(steps, struct{ key, name string }{toFirstBlock, toFirstBlock}) {
		if !strings.Contains(out.String(), "| "+s.name+" | ") {
			t.Errorf("the table has no row for %s:\n%s", s.name, out.String())
		}
	}
	// A model that is not one is the tagger's error, said as it says it.
	bad := filepath.Join(t.TempDir(), "bad.model")
	if err := os.WriteFile(bad, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = run(io.Discard, []string{tagger}, bad, article, 1)
	if err == nil || !strings.Contains(err.Error(), "run 1") {
		t.Errorf("a file that is no model: got %v, want the tagger's error for run 1", err)
	}
}

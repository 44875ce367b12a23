package main

import (
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

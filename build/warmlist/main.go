// Command warmlist writes app/warmup/startup.txt: the names of app.wasm's
// functions that the page calls first, in the order of their first call,
// as cold loads of the sample article in headless Chromium call them
// through their first tagging. The page waits for these to be compiled by
// the warm-up worker before it starts Go (see package warmup).
//
// It serves a copy of the built site (dist/site) whose app.wasm is the
// one `make build` leaves in web/ (with its function names, and without
// the warm-up's exports, so that the warm-up cannot run and the page
// compiles every function itself on its first call), records a Chromium
// trace of each load, and reads its wasm.CompileLazy events: each names
// the function compiled, by index, on the page's main thread. Functions
// seen in any load are listed, by their first load's order, then the
// later loads'.
//
//	make build && go run ./build/warmlist
//
// Run it again when the page's start changes much: `glossa site` says so
// when fewer than 90% of the listed names are still in app.wasm.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"glossa/app/e2e/chrome"
	"glossa/app/warmup"
)

func main() {
	site := flag.String("site", "dist/site", "the built site")
	wasm := flag.String("wasm", "web/app.wasm", "app.wasm as built, with its function names")
	bin := flag.String("glossa", "dist/glossa", "the built glossa program, to serve the site")
	out := flag.String("out", "app/warmup/startup.txt", "the list to write")
	loads := flag.Int("loads", 3, "cold loads to trace")
	flag.Parse()
	if err := run(*site, *wasm, *bin, *out, *loads); err != nil {
		fmt.Fprintf(os.Stderr, "warmlist: %v\n", err)
		os.Exit(1)
	}
}

func run(site, wasm, bin, out string, loads int) error {
	module, err := os.ReadFile(wasm)
	if err != nil {
		return fmt.Errorf("%w: build it first (make build)", err)
	}
	names, err := warmup.FunctionNames(module)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "glossa-warmlist")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	copyDir := filepath.Join(dir, "site")
	if err := chrome.CopySite(site, copyDir, "web/app.*.wasm", module); err != nil {
		return err
	}
	addr, stop, err := chrome.Serve(bin, copyDir)
	if err != nil {
		return err
	}
	defer stop()
	var list []string
	seen := map[string]bool{}
	for i := range loads {
		indices, err := traceLoad(filepath.Join(dir, fmt.Sprintf("profile-%d", i)), addr)
		if err != nil {
			return fmt.Errorf("load %d: %w", i+1, err)
		}
		added := 0
		for _, index := range indices {
			name, ok := names[index]
			if !ok || seen[name] {
				continue
			}
			seen[name] = true
			list = append(list, name)
			added++
		}
		fmt.Fprintf(os.Stderr, "warmlist: load %d: %d functions compiled on the page's main thread, %d new\n", i+1, len(indices), added)
	}
	if len(list) == 0 {
		return errors.New("no function compiled on the page's main thread: is the copy's app.wasm the warm-up's?")
	}
	text := fmt.Sprintf("# The functions of app.wasm that the page calls first, in the order of their\n"+
		"# first call: %d cold loads of the sample article, through its first tagging.\n"+
		"# Written by build/warmlist (go run ./build/warmlist); see package warmup.\n%s\n",
		loads, strings.Join(list, "\n"))
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "warmlist: wrote %s: %d functions\n", out, len(list))
	return nil
}

// traceEvent is the part of a trace event warmlist reads.
type traceEvent struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

// traceLoad loads the page cold, on a new profile in dir, until the sample
// is tagged and a second more, and returns the indices of the functions
// compiled on the page's main thread, in order.
func traceLoad(dir, addr string) ([]uint32, error) {
	raw, err := chrome.TraceVisit(dir, addr, []string{"v8.wasm", "__metadata"}, "glossa-tagged", nil)
	if err != nil {
		return nil, err
	}
	events := make([]traceEvent, 0, len(raw))
	for _, r := range raw {
		var ev traceEvent
		if json.Unmarshal(r, &ev) == nil {
			events = append(events, ev)
		}
	}
	return mainThreadCompiles(events), nil
}

// mainThreadCompiles returns the function indices of the wasm.CompileLazy
// events of the renderer's main thread that compiled most, in time order.
func mainThreadCompiles(events []traceEvent) []uint32 {
	mainThreads := map[[2]int]bool{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" {
			var a struct{ Name string }
			if json.Unmarshal(e.Args, &a) == nil && a.Name == "CrRendererMain" {
				mainThreads[[2]int{e.Pid, e.Tid}] = true
			}
		}
	}
	byThread := map[[2]int][]traceEvent{}
	for _, e := range events {
		if k := [2]int{e.Pid, e.Tid}; e.Name == "wasm.CompileLazy" && mainThreads[k] {
			byThread[k] = append(byThread[k], e)
		}
	}
	var page []traceEvent
	for _, list := range byThread {
		if len(list) > len(page) {
			page = list
		}
	}
	sort.SliceStable(page, func(i, j int) bool { return page[i].Ts < page[j].Ts })
	var indices []uint32
	for _, e := range page {
		var a struct {
			FuncIndex *uint32 `json:"func_index"`
		}
		if json.Unmarshal(e.Args, &a) == nil && a.FuncIndex != nil {
			indices = append(indices, *a.FuncIndex)
		}
	}
	return indices
}

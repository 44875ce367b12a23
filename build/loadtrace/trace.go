package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strings"
)

// event is one Chromium trace event (the Trace Event Format), with the
// fields loadtrace reads.
type event struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`  // "X": a complete event, with Dur
	Ts   float64         `json:"ts"`  // µs
	Dur  float64         `json:"dur"` // µs
	Pid  int             `json:"pid"`
	ID   string          `json:"id"` // ties a profile's chunks to it
	Tid  int             `json:"tid"`
	Tdur float64         `json:"tdur"` // µs of the thread's CPU time
	Args json.RawMessage `json:"args"`
}

// task is a main-thread task of the page's renderer, with what it did.
type task struct {
	AtMs, Ms float64 // start (from the page's first contentful paint, see mainTasks) and duration
	LayoutMs float64 // in Layout
	Boxes    int     // the layout objects the largest layout had to lay out
	PaintMs  float64 // in Paint of the whole document
	StyleMs  float64 // in style recalculation
	ScriptMs float64 // in script (FunctionCall, EvaluateScript; WebAssembly included)
	Fonts    []string
	Hot      []timing // the functions it ran, by self time (-profile)
	Worker   string   // the script of the page's worker that ran it; "" for the page's main thread

	thread     [2]int  // the thread that ran it: pid, tid
	start, end float64 // µs, the trace's clock
}

// dirtyObjects reads a Layout event's count of objects to lay out.
var dirtyObjects = regexp.MustCompile(`"dirtyObjects":(\d+)`)

// familyName reads a font lookup's family.
var familyName = regexp.MustCompile(`"family_name":"([^"]*)"`)

// mainTasks returns the page's main-thread tasks of at least minMs, in
// order, each with what it did. The page's main thread is the renderer
// thread named CrRendererMain that holds the page's first
// "firstContentfulPaint" (the others belong to about:blank and workers);
// times count from that paint.
func mainTasks(events []event, minMs float64) []task {
	page, fcp, ok := pageThread(events)
	if !ok {
		return nil
	}
	return threadTasks(events, page, fcp, minMs)
}

// pageThread finds the page's main thread (see mainTasks) and the time
// of its first contentful paint (µs, the trace's clock).
func pageThread(events []event) (thread [2]int, fcp float64, ok bool) {
	names := map[[2]int]bool{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && strings.Contains(string(e.Args), "CrRendererMain") {
			names[[2]int{e.Pid, e.Tid}] = true
		}
	}
	for _, e := range events {
		if e.Name == "firstContentfulPaint" && names[[2]int{e.Pid, e.Tid}] && e.Ts > fcp {
			thread, fcp, ok = [2]int{e.Pid, e.Tid}, e.Ts, true
		}
	}
	return thread, fcp, ok
}

// workerTasks returns the tasks of at least minMs of the page's workers
// (the DedicatedWorker threads of the page's renderer), in order, each
// named by its worker's script, times counted as mainTasks counts them.
func workerTasks(events []event, minMs float64) []task {
	page, fcp, ok := pageThread(events)
	if !ok {
		return nil
	}
	var out []task
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && e.Pid == page[0] && strings.Contains(string(e.Args), "DedicatedWorker") {
			th := [2]int{e.Pid, e.Tid}
			script := workerScript(events, th)
			for _, t := range threadTasks(events, th, fcp, minMs) {
				t.Worker = script
				out = append(out, t)
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].AtMs < out[b].AtMs })
	return out
}

// scriptURL reads a script's address from an event's arguments.
var scriptURL = regexp.MustCompile(`"url":"([^"?#]+\.js)`)

// contentHash is the content hash `glossa site` puts in a file's name.
var contentHash = regexp.MustCompile(`\.[0-9a-f]{10}\.`)

// workerScript names a worker thread by the first script it ran (its
// own, loaded first), without its directory and content hash: for
// example "tagger-worker.js". A thread that ran none is "worker".
func workerScript(events []event, thread [2]int) string {
	first, name := math.Inf(1), "worker"
	for _, e := range events {
		if [2]int{e.Pid, e.Tid} != thread || e.Ts >= first {
			continue
		}
		if m := scriptURL.FindSubmatch(e.Args); m != nil {
			u := string(m[1])
			first, name = e.Ts, contentHash.ReplaceAllString(u[strings.LastIndex(u, "/")+1:], ".")
		}
	}
	return name
}

// threadTasks returns a thread's tasks of at least minMs, in order, each
// with what it did, times counted from fcp (µs, the trace's clock).
func threadTasks(events []event, thread [2]int, fcp, minMs float64) []task {
	var own []event
	for _, e := range events {
		if [2]int{e.Pid, e.Tid} == thread && e.Ph == "X" {
			own = append(own, e)
		}
	}
	sort.Slice(own, func(a, b int) bool { return own[a].Ts < own[b].Ts })
	var out []task
	for i, t := range own {
		// A task is a RunTask (category toplevel); the
		// ThreadControllerImpl::RunTask inside it is the same task.
		if t.Name != "RunTask" || t.Dur < minMs*1000 {
			continue
		}
		tk := task{AtMs: (t.Ts - fcp) / 1000, Ms: t.Dur / 1000, thread: thread, start: t.Ts, end: t.Ts + t.Dur}
		scriptEnd := 0.0 // script events nest: count the outermost
		for _, e := range own[i+1:] {
			if e.Ts > t.Ts+t.Dur {
				break
			}
			switch e.Name {
			case "Layout":
				tk.LayoutMs += e.Dur / 1000
				if m := dirtyObjects.FindSubmatch(e.Args); m != nil {
					var n int
					fmt.Sscan(string(m[1]), &n)
					tk.Boxes = max(tk.Boxes, n)
				}
			case "Paint":
				if strings.Contains(string(e.Args), `"nodeName":"#document"`) {
					tk.PaintMs += e.Dur / 1000
				}
			case "UpdateLayoutTree":
				tk.StyleMs += e.Dur / 1000
			case "FunctionCall", "EvaluateScript":
				if e.Ts >= scriptEnd {
					tk.ScriptMs += e.Dur / 1000
					scriptEnd = e.Ts + e.Dur
				}
			case "FontDataManager::onMatchFamilyStyle":
				if m := familyName.FindSubmatch(e.Args); m != nil {
					tk.Fonts = append(tk.Fonts, string(m[1]))
				}
			}
		}
		out = append(out, tk)
	}
	return out
}

// hotShown is how many of a task's functions writeTasks names.
const hotShown = 12

// writeTasks prints tasks, one per line.
func writeTasks(w io.Writer, tasks []task) {
	for _, t := range tasks {
		fmt.Fprintf(w, "  %6.0f  task of %.0f ms", t.AtMs, t.Ms)
		if t.Worker != "" {
			fmt.Fprintf(w, " in %s", t.Worker)
		}
		if t.ScriptMs >= 0.5 {
			fmt.Fprintf(w, " · script %.0f", t.ScriptMs)
		}
		if t.StyleMs >= 0.5 {
			fmt.Fprintf(w, " · style %.0f", t.StyleMs)
		}
		if t.LayoutMs >= 0.5 {
			fmt.Fprintf(w, " · layout %.0f (%d boxes)", t.LayoutMs, t.Boxes)
		}
		if t.PaintMs >= 0.5 {
			fmt.Fprintf(w, " · paint %.0f", t.PaintMs)
		}
		if len(t.Fonts) > 0 {
			fmt.Fprintf(w, " · %d font lookups (%s)", len(t.Fonts), strings.Join(t.Fonts, ", "))
		}
		fmt.Fprintln(w)
		writeHot(w, t.Hot, hotShown)
	}
}

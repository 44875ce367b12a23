package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// profilerCategory is the trace category of V8's sampling profiler: its
// "Profile" and "ProfileChunk" events carry each thread's samples.
const profilerCategory = "disabled-by-default-v8.cpu_profiler"

// sample is one of the profiler's samples of a thread: when it was
// taken, and the functions on the stack then, innermost first.
type sample struct {
	Ts    float64 // µs, the trace's clock
	Stack []string
}

// profileData is the payload of a Profile or ProfileChunk event.
type profileData struct {
	Data struct {
		StartTime  float64 `json:"startTime"` // Profile: µs
		CPUProfile struct {
			Nodes []struct {
				ID        int `json:"id"`
				Parent    int `json:"parent"`
				CallFrame struct {
					FunctionName string `json:"functionName"`
				} `json:"callFrame"`
			} `json:"nodes"`
			Samples []int `json:"samples"`
		} `json:"cpuProfile"`
		TimeDeltas []float64 `json:"timeDeltas"` // µs, each from the sample before
	} `json:"data"`
}

// threadSamples returns the profiler's samples of one thread (pid, tid),
// in order. A profile starts with a "Profile" event on the thread it
// samples; its "ProfileChunk" events, which share its id, bring the call
// tree's nodes as they are first seen and the samples.
func threadSamples(events []event, thread [2]int) []sample {
	var out []sample
	for _, p := range events {
		if p.Name != "Profile" || [2]int{p.Pid, p.Tid} != thread {
			continue
		}
		var head profileData
		if json.Unmarshal(p.Args, &head) != nil {
			continue
		}
		at := head.Data.StartTime
		name := map[int]string{}
		parent := map[int]int{}
		for _, c := range events {
			if c.Name != "ProfileChunk" || c.Pid != p.Pid || c.ID != p.ID {
				continue
			}
			var chunk profileData
			if json.Unmarshal(c.Args, &chunk) != nil {
				continue
			}
			for _, n := range chunk.Data.CPUProfile.Nodes {
				name[n.ID] = n.CallFrame.FunctionName
				parent[n.ID] = n.Parent
			}
			for i, id := range chunk.Data.CPUProfile.Samples {
				if i < len(chunk.Data.TimeDeltas) {
					at += chunk.Data.TimeDeltas[i]
				}
				var stack []string
				for n, depth := id, 0; n != 0 && depth < 1000; n, depth = parent[n], depth+1 {
					stack = append(stack, name[n])
				}
				out = append(out, sample{Ts: at, Stack: stack})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b sample) int { return cmp.Compare(a.Ts, b.Ts) })
	return out
}

// timing is a function's share of a task: the time of the samples it was
// running in (self) or on the stack of (total).
type timing struct {
	Name      string
	SelfMs    float64
	TotalMs   float64
	selfCount int
	allCount  int
}

// notAFunction names the profiler's pseudo-frames, which say what the
// thread was doing outside any function.
var notAFunction = map[string]bool{"(root)": true, "(program)": true, "(idle)": true}

// glue names the frames under which all Go runs (wasm_exec.js's resume,
// the runtime's loop, the crossings between JavaScript and WebAssembly):
// by total time they would come first in every task, saying nothing.
var glue = map[string]bool{"(anonymous)": true, "_resume": true, "js-to-wasm": true, "wasm-to-js": true,
	"wasm_export_resume": true, "wasm_pc_f_loop": true, "run": true}

// hotFunctions shares a task of ms between the functions sampled in it
// (from and to in µs): each sample counts for ms over the number of
// samples. It returns the functions by self time, most first.
func hotFunctions(samples []sample, from, to, ms float64) []timing {
	var in []sample
	for _, s := range samples {
		if s.Ts >= from && s.Ts <= to {
			in = append(in, s)
		}
	}
	if len(in) == 0 {
		return nil
	}
	by := map[string]*timing{}
	get := func(name string) *timing {
		if name == "" {
			name = "(anonymous)"
		}
		t := by[name]
		if t == nil {
			t = &timing{Name: name}
			by[name] = t
		}
		return t
	}
	for _, s := range in {
		if len(s.Stack) == 0 {
			continue
		}
		get(s.Stack[0]).selfCount++
		seen := map[string]bool{}
		for _, f := range s.Stack {
			if !seen[f] {
				seen[f] = true
				get(f).allCount++
			}
		}
	}
	each := ms / float64(len(in))
	var out []timing
	for _, t := range by {
		if notAFunction[t.Name] {
			continue
		}
		t.SelfMs, t.TotalMs = float64(t.selfCount)*each, float64(t.allCount)*each
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b timing) int {
		return cmp.Or(cmp.Compare(b.SelfMs, a.SelfMs), cmp.Compare(b.TotalMs, a.TotalMs), strings.Compare(a.Name, b.Name))
	})
	return out
}

// writeHot prints a task's hottest functions: the first n by self time,
// then the first n by total time (those that call the others).
func writeHot(w io.Writer, hot []timing, n int) {
	if len(hot) == 0 {
		return
	}
	line := func(title string, list []timing, ms func(timing) float64) {
		var parts []string
		for _, t := range list[:min(n, len(list))] {
			if ms(t) >= 0.5 {
				parts = append(parts, fmt.Sprintf("%s %.0f", shortName(t.Name), ms(t)))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(w, "            %s: %s\n", title, strings.Join(parts, " · "))
		}
	}
	line("self", hot, func(t timing) float64 { return t.SelfMs })
	byTotal := slices.DeleteFunc(slices.Clone(hot), func(t timing) bool { return glue[t.Name] })
	slices.SortStableFunc(byTotal, func(a, b timing) int { return cmp.Compare(b.TotalMs, a.TotalMs) })
	line("total", byTotal, func(t timing) float64 { return t.TotalMs })
}

// methodOf is how V8 writes a method's receiver, "(*T)" in Go: "__T_".
var methodOf = regexp.MustCompile(`\.__(\w+?)_\.`)

// shortName writes a Go function as V8 names it (a path's slashes and
// dots as underscores, a pointer receiver as __T_) the way Go would, with
// go-app's and Glossa's module paths left out:
// "github.com_maxence_charriere_go_app_v9_pkg_app.__Compo_.mount" is
// "app.(*Compo).mount".
func shortName(name string) string {
	name = strings.ReplaceAll(name, "github.com_maxence_charriere_go_app_v9_pkg_", "")
	name = strings.ReplaceAll(name, "glossa_annotate", "annotate")
	return methodOf.ReplaceAllString(name, ".(*$1).")
}

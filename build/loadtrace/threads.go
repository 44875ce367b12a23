package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// threadCPU is the CPU time one thread of the browser used over a stretch
// of a visit.
type threadCPU struct {
	Name string // process and thread, and a worker's script
	Ms   float64
}

// cpuByThread returns the CPU time each thread of every Chromium process
// used in the tasks (outermost complete events) that started between
// from and to (µs, the trace's clock), most first. The page's workers are
// named by their script. Chromium's own processes show here too: the
// browser's main thread, its compositor (viz), the network's.
func cpuByThread(events []event, from, to float64) []threadCPU {
	procs := map[int]string{}
	threads := map[[2]int]string{}
	for _, e := range events {
		if e.Ph != "M" {
			continue
		}
		var a struct{ Name string }
		if json.Unmarshal(e.Args, &a) != nil {
			continue
		}
		switch e.Name {
		case "process_name":
			procs[e.Pid] = a.Name
		case "thread_name":
			threads[[2]int{e.Pid, e.Tid}] = a.Name
		}
	}
	byThread := map[[2]int][]event{}
	for _, e := range events {
		if e.Ph == "X" && e.Ts >= from && e.Ts < to {
			th := [2]int{e.Pid, e.Tid}
			byThread[th] = append(byThread[th], e)
		}
	}
	page, _, _ := pageThread(events)
	var out []threadCPU
	for th, evs := range byThread {
		sort.Slice(evs, func(a, b int) bool {
			if evs[a].Ts != evs[b].Ts {
				return evs[a].Ts < evs[b].Ts
			}
			return evs[a].Dur > evs[b].Dur
		})
		cpu, end := 0.0, 0.0
		for _, e := range evs {
			if e.Ts >= end { // outermost: nested events are in its CPU time
				cpu += e.Tdur
				end = e.Ts + e.Dur
			}
		}
		name := threads[th]
		if name == "" {
			name = fmt.Sprintf("thread %d", th[1])
		}
		if th[0] == page[0] && name == "DedicatedWorker thread" {
			name += " (" + workerScript(events, th) + ")"
		}
		if p := procs[th[0]]; p != "" {
			name = p + " / " + name
		}
		out = append(out, threadCPU{Name: name, Ms: cpu / 1000})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Ms != out[b].Ms {
			return out[a].Ms > out[b].Ms
		}
		return out[a].Name < out[b].Name
	})
	return out
}

// threadsShown is how many threads writeCPU lists.
const threadsShown = 10

// writeCPU prints the threads that used the most CPU time, and the total.
func writeCPU(w io.Writer, what string, cpu []threadCPU) {
	total := 0.0
	for _, c := range cpu {
		total += c.Ms
	}
	fmt.Fprintf(w, "  CPU time %s: %.0f ms in all, by thread:\n", what, total)
	for _, c := range cpu[:min(len(cpu), threadsShown)] {
		fmt.Fprintf(w, "  %6.0f  %s\n", c.Ms, c.Name)
	}
}

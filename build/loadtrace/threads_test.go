package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// workerTrace is a made-up trace of a page with two workers, and the
// browser's own main thread.
func workerTrace() []event {
	args := func(s string) json.RawMessage { return json.RawMessage(s) }
	const page, tagger, compiler, browser = 10, 11, 12, 1
	return []event{
		{Name: "process_name", Ph: "M", Pid: 1, Args: args(`{"name":"Renderer"}`)},
		{Name: "process_name", Ph: "M", Pid: 2, Args: args(`{"name":"Browser"}`)},
		{Name: "thread_name", Ph: "M", Pid: 1, Tid: page, Args: args(`{"name":"CrRendererMain"}`)},
		{Name: "thread_name", Ph: "M", Pid: 1, Tid: tagger, Args: args(`{"name":"DedicatedWorker thread"}`)},
		{Name: "thread_name", Ph: "M", Pid: 1, Tid: compiler, Args: args(`{"name":"DedicatedWorker thread"}`)},
		{Name: "thread_name", Ph: "M", Pid: 2, Tid: browser, Args: args(`{"name":"CrBrowserMain"}`)},
		{Name: "firstContentfulPaint", Ph: "R", Ts: 100_000, Pid: 1, Tid: page},
		{Name: "RunTask", Ph: "X", Ts: 150_000, Dur: 60_000, Tdur: 55_000, Pid: 1, Tid: page},
		{Name: "FunctionCall", Ph: "X", Ts: 150_500, Dur: 50_000, Tdur: 50_000, Pid: 1, Tid: page}, // inside the task
		// The tagger's worker: its script first, then wasm_exec.js, then its start.
		{Name: "RunTask", Ph: "X", Ts: 120_000, Dur: 30_000, Tdur: 30_000, Pid: 1, Tid: tagger},
		{Name: "EvaluateScript", Ph: "X", Ts: 120_100, Dur: 29_000, Tdur: 29_000, Pid: 1, Tid: tagger, Args: args(`{"data":{"url":"http://127.0.0.1:8000/web/tagger-worker.7abc8a9867.js?wasm=x"}}`)},
		{Name: "EvaluateScript", Ph: "X", Ts: 121_000, Dur: 5_000, Tdur: 5_000, Pid: 1, Tid: tagger, Args: args(`{"data":{"url":"http://127.0.0.1:8000/wasm_exec.js"}}`)},
		{Name: "RunTask", Ph: "X", Ts: 300_000, Dur: 200_000, Tdur: 120_000, Pid: 1, Tid: tagger},
		// The compiler's worker: a task that starts after the window ends.
		{Name: "RunTask", Ph: "X", Ts: 90_000, Dur: 5_000, Tdur: 5_000, Pid: 1, Tid: compiler, Args: args(`{"data":{"url":"http://127.0.0.1:8000/web/wasm-compiler.3cf756be7d.js"}}`)},
		{Name: "RunTask", Ph: "X", Ts: 600_000, Dur: 90_000, Tdur: 90_000, Pid: 1, Tid: compiler},
		// Chromium's own main thread.
		{Name: "RunTask", Ph: "X", Ts: 200_000, Dur: 40_000, Tdur: 30_000, Pid: 2, Tid: browser},
	}
}

// TestWorkerTasks: the page's workers' tasks, each named by its worker's
// script (the first it ran, without the site's content hash), in order;
// the page's own are not among them.
func TestWorkerTasks(t *testing.T) {
	got := workerTasks(workerTrace(), 25)
	var listed []string
	for _, tk := range got {
		listed = append(listed, tk.Worker)
	}
	if strings.Join(listed, ",") != "tagger-worker.js,tagger-worker.js,wasm-compiler.js" {
		t.Fatalf("worker tasks from %q, want the tagger's two and the compiler's one", listed)
	}
	if got[1].AtMs != 200 || got[1].Ms != 200 || got[2].AtMs != 500 {
		t.Errorf("tasks %+v, want the tagger's start at 200 ms (200 ms long) and the compiler's at 500", got)
	}
	var out strings.Builder
	writeTasks(&out, got[1:2])
	if want := "     200  task of 200 ms in tagger-worker.js\n"; out.String() != want {
		t.Errorf("listed as %q, want %q", out.String(), want)
	}
	if workerTasks(workerTrace()[:6], 25) != nil {
		t.Error("worker tasks found without the page's first paint")
	}
}

// TestCPUByThread: each thread's CPU time in the window, nested events
// counted once, tasks that start outside it left out, most first, the
// page's workers named by their scripts.
func TestCPUByThread(t *testing.T) {
	got := cpuByThread(workerTrace(), 100_000, 550_000)
	want := []threadCPU{
		{"Renderer / DedicatedWorker thread (tagger-worker.js)", 150},
		{"Renderer / CrRendererMain", 55},
		{"Browser / CrBrowserMain", 30},
	}
	if len(got) != len(want) {
		t.Fatalf("threads %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("thread %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	var out strings.Builder
	writeCPU(&out, "until the highlight", got)
	if !strings.HasPrefix(out.String(), "  CPU time until the highlight: 235 ms in all, by thread:\n     150  Renderer / DedicatedWorker thread (tagger-worker.js)\n") {
		t.Errorf("listed as:\n%s", out.String())
	}
}

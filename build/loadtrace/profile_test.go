package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"testing"
)

// TestThreadSamples: a profile's chunks give its thread's samples, each
// with its stack, innermost first, at the profile's start plus the time
// deltas; another thread's profile, and a chunk of another profile, are
// left out.
func TestThreadSamples(t *testing.T) {
	args := func(s string) json.RawMessage { return json.RawMessage(s) }
	page := [2]int{1, 10}
	events := []event{
		{Name: "Profile", Ph: "P", ID: "0x1", Pid: 1, Tid: 10, Args: args(`{"data":{"startTime":1000}}`)},
		{Name: "Profile", Ph: "P", ID: "0x2", Pid: 1, Tid: 11, Args: args(`{"data":{"startTime":1000}}`)}, // a worker's
		// Nodes: 1 (root) > 2 main.render > 3 syscall/js.valueSet; 4 (idle) under the root.
		{Name: "ProfileChunk", Ph: "P", ID: "0x1", Pid: 1, Tid: 99, Args: args(`{"data":{"cpuProfile":{
			"nodes":[{"id":1,"callFrame":{"functionName":"(root)"}},{"id":2,"parent":1,"callFrame":{"functionName":"main.render"}},
			{"id":3,"parent":2,"callFrame":{"functionName":"syscall/js.valueSet"}}],
			"samples":[3,2]},"timeDeltas":[100,50]}}`)},
		// A later chunk names a node it adds, and counts on from the last.
		{Name: "ProfileChunk", Ph: "P", ID: "0x1", Pid: 1, Tid: 99, Args: args(`{"data":{"cpuProfile":{
			"nodes":[{"id":4,"parent":1,"callFrame":{"functionName":"(idle)"}}],"samples":[4,3]},"timeDeltas":[25,25]}}`)},
		{Name: "ProfileChunk", Ph: "P", ID: "0x2", Pid: 1, Tid: 99, Args: args(`{"data":{"cpuProfile":{
			"nodes":[{"id":1,"callFrame":{"functionName":"(root)"}},{"id":2,"parent":1,"callFrame":{"functionName":"worker.tag"}}],
			"samples":[2]},"timeDeltas":[100]}}`)},
	}
	got := threadSamples(events, page)
	want := []sample{
		{Ts: 1100, Stack: []string{"syscall/js.valueSet", "main.render", "(root)"}},
		{Ts: 1150, Stack: []string{"main.render", "(root)"}},
		{Ts: 1175, Stack: []string{"(idle)", "(root)"}},
		{Ts: 1200, Stack: []string{"syscall/js.valueSet", "main.render", "(root)"}},
	}
	gotJSON, _ := json.Marshal(got)
	wantJSON, _ := json.Marshal(want)
	if !bytes.Equal(gotJSON, wantJSON) {
		t.Errorf("threadSamples:\n got %s\nwant %s", gotJSON, wantJSON)
	}
}

// TestHotFunctions: a task's time is shared between the samples taken in
// it; a function counts once per sample however deep it recurses, the
// profiler's pseudo-frames not at all.
func TestHotFunctions(t *testing.T) {
	st := func(f ...string) []string { return f }
	samples := []sample{
		{Ts: 50, Stack: st("before.task", "(root)")},
		{Ts: 100, Stack: st("syscall/js.valueSet", "main.render", "main.render", "(root)")},
		{Ts: 200, Stack: st("syscall/js.valueSet", "main.mount", "(root)")},
		{Ts: 300, Stack: st("main.render", "(root)")},
		{Ts: 400, Stack: st("(program)", "(root)")},
		{Ts: 900, Stack: st("after.task", "(root)")},
	}
	hot := hotFunctions(samples, 100, 400, 40) // 4 samples of a 40 ms task: 10 ms each
	want := []timing{
		{Name: "syscall/js.valueSet", SelfMs: 20, TotalMs: 20},
		{Name: "main.render", SelfMs: 10, TotalMs: 20},
		{Name: "main.mount", SelfMs: 0, TotalMs: 10},
	}
	if len(hot) != len(want) {
		t.Fatalf("hotFunctions: %+v, want %+v", hot, want)
	}
	for i, w := range want {
		h := hot[i]
		if h.Name != w.Name || math.Abs(h.SelfMs-w.SelfMs) > 1e-9 || math.Abs(h.TotalMs-w.TotalMs) > 1e-9 {
			t.Errorf("hotFunctions[%d] = %s self %.1f total %.1f, want %s self %.1f total %.1f", i, h.Name, h.SelfMs, h.TotalMs, w.Name, w.SelfMs, w.TotalMs)
		}
	}
	if got := hotFunctions(samples, 500, 800, 30); got != nil {
		t.Errorf("no sample in the task: %+v, want none", got)
	}
}

// TestNameSection finds the "name" custom section among others, whole,
// and says so where a module has none.
func TestNameSection(t *testing.T) {
	section := func(id byte, body []byte) []byte {
		return append(append([]byte{id}, binary.AppendUvarint(nil, uint64(len(body)))...), body...)
	}
	custom := func(name string, data []byte) []byte {
		return section(0, append(append(binary.AppendUvarint(nil, uint64(len(name))), name...), data...))
	}
	head := []byte("\x00asm\x01\x00\x00\x00")
	names := custom("name", []byte{1, 2, 3})
	module := bytes.Join([][]byte{head, section(1, []byte{0}), custom("order", []byte{9, 9}), names, section(10, []byte{0})}, nil)
	got, err := nameSection(module)
	if err != nil || !bytes.Equal(got, names) {
		t.Errorf("nameSection = %v, %v; want %v", got, err, names)
	}
	stripped := bytes.Join([][]byte{head, section(1, []byte{0}), custom("order", []byte{9})}, nil)
	if _, err := nameSection(stripped); err == nil {
		t.Error("a module without names: no error")
	}
	if _, err := nameSection(append(head, 1, 50, 0)); err == nil {
		t.Error("a section running past the end: no error")
	}
}

// TestShortName writes V8's names of Go functions as Go would.
func TestShortName(t *testing.T) {
	for in, want := range map[string]string{
		"github.com_maxence_charriere_go_app_v9_pkg_app.__Compo_.mount":            "app.(*Compo).mount",
		"main.__articleView_.github.com_maxence_charriere_go_app_v9_pkg_app.mount": "main.(*articleView).app.mount",
		"glossa_annotate_library.__fastRecord_.claims":                             "annotate_library.(*fastRecord).claims",
		"syscall/js.valueSet": "syscall/js.valueSet",
		"github.com_maxence_charriere_go_app_v9_pkg_app.RunWhenOnBrowser.__engine_.start": "app.RunWhenOnBrowser.(*engine).start",
	} {
		if got := shortName(in); got != want {
			t.Errorf("shortName(%q) = %q, want %q", in, got, want)
		}
	}
}

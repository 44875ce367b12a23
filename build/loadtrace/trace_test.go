package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestMainTasks: the page's main thread is the one with its first
// contentful paint; its tasks over the threshold come with what they
// did, nested events counted once; other threads' tasks are left out.
func TestMainTasks(t *testing.T) {
	args := func(s string) json.RawMessage { return json.RawMessage(s) }
	const page, blank, worker = 10, 20, 11
	events := []event{
		{Name: "thread_name", Ph: "M", Pid: 1, Tid: page, Args: args(`{"name":"CrRendererMain"}`)},
		{Name: "thread_name", Ph: "M", Pid: 2, Tid: blank, Args: args(`{"name":"CrRendererMain"}`)},
		{Name: "thread_name", Ph: "M", Pid: 1, Tid: worker, Args: args(`{"name":"DedicatedWorker thread"}`)},
		{Name: "firstContentfulPaint", Ph: "R", Ts: 1_000, Pid: 2, Tid: blank}, // about:blank's, earlier
		{Name: "firstContentfulPaint", Ph: "R", Ts: 100_000, Pid: 1, Tid: page},
		// The first layout: 62 boxes, two font lookups, a paint.
		{Name: "RunTask", Ph: "X", Ts: 50_000, Dur: 60_000, Pid: 1, Tid: page},
		{Name: "ThreadControllerImpl::RunTask", Ph: "X", Ts: 50_000, Dur: 59_000, Pid: 1, Tid: page}, // the same task
		{Name: "UpdateLayoutTree", Ph: "X", Ts: 51_000, Dur: 8_000, Pid: 1, Tid: page},
		{Name: "Layout", Ph: "X", Ts: 60_000, Dur: 40_000, Pid: 1, Tid: page, Args: args(`{"beginData":{"dirtyObjects":62,"totalObjects":62}}`)},
		{Name: "FontDataManager::onMatchFamilyStyle", Ph: "X", Ts: 61_000, Dur: 3_000, Pid: 1, Tid: page, Args: args(`{"family_name":"DejaVu Sans"}`)},
		{Name: "FontDataManager::onMatchFamilyStyle", Ph: "X", Ts: 70_000, Dur: 3_000, Pid: 1, Tid: page, Args: args(`{"family_name":"Arial"}`)},
		{Name: "Paint", Ph: "X", Ts: 101_000, Dur: 5_000, Pid: 1, Tid: page, Args: args(`{"data":{"nodeName":"#document"}}`)},
		{Name: "Paint", Ph: "X", Ts: 101_500, Dur: 4_000, Pid: 1, Tid: page, Args: args(`{"data":{"nodeName":"HTML"}}`)},
		// A short task: left out.
		{Name: "RunTask", Ph: "X", Ts: 200_000, Dur: 10_000, Pid: 1, Tid: page},
		// Go's first render: a timer's function call, with one nested in it.
		{Name: "RunTask", Ph: "X", Ts: 300_000, Dur: 80_000, Pid: 1, Tid: page},
		{Name: "FunctionCall", Ph: "X", Ts: 300_500, Dur: 70_000, Pid: 1, Tid: page},
		{Name: "FunctionCall", Ph: "X", Ts: 310_000, Dur: 20_000, Pid: 1, Tid: page},
		{Name: "Layout", Ph: "X", Ts: 372_000, Dur: 5_000, Pid: 1, Tid: page, Args: args(`{"beginData":{"dirtyObjects":1497}}`)},
		// A worker's long task and about:blank's: not the page's.
		{Name: "RunTask", Ph: "X", Ts: 300_000, Dur: 90_000, Pid: 1, Tid: worker},
		{Name: "RunTask", Ph: "X", Ts: 300_000, Dur: 90_000, Pid: 2, Tid: blank},
	}
	got := mainTasks(events, 50)
	if len(got) != 2 {
		t.Fatalf("%d tasks, want the page's 2 over 50 ms: %+v", len(got), got)
	}
	first, render := got[0], got[1]
	if first.AtMs != -50 || first.Ms != 60 || first.StyleMs != 8 || first.LayoutMs != 40 || first.Boxes != 62 || first.PaintMs != 5 {
		t.Errorf("the first layout's task: %+v", first)
	}
	if strings.Join(first.Fonts, ",") != "DejaVu Sans,Arial" {
		t.Errorf("its font lookups: %q", first.Fonts)
	}
	if render.AtMs != 200 || render.ScriptMs != 70 || render.Boxes != 1497 || len(render.Fonts) != 0 {
		t.Errorf("the render's task: %+v (script counted once where calls nest)", render)
	}
	var out strings.Builder
	writeTasks(&out, got)
	for _, want := range []string{
		"     -50  task of 60 ms · style 8 · layout 40 (62 boxes) · paint 5 · 2 font lookups (DejaVu Sans, Arial)",
		"     200  task of 80 ms · script 70 · layout 5 (1497 boxes)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the listing has no %q:\n%s", want, out.String())
		}
	}
	if mainTasks(events[:3], 50) != nil {
		t.Error("tasks found without the page's first paint")
	}
}

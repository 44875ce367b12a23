// One cold visit of a page row: a new browser profile, the page loaded
// and its load measured (article visible, first highlight, long tasks and
// TBT over the load, bytes sent), warm tagging and memory, then, on
// Glossa's visits, the interactions after the load (interact.go).

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"glossa/app/e2e/chrome"
)

// sampleRun is what one cold visit measured. Times are ms from
// navigation start; -1 is "not measured" (no such thing on the page).
type sampleRun struct {
	Round                int     // the run it was in, from 1: one visit of each row a round, taking turns
	Bytes                int64   // sent by the server during the visit
	BytesBeforeArticle   int64   // sent before the article was visible
	BytesBeforeHighlight int64   // sent before the first highlight, -1 without one
	ArticleMs            float64 // first contentful paint
	FirstHighlightMs     float64 // -1 for the plain page and the minimal app
	UIStartMs            float64 // go-app's loader removed (go-app pages), else -1
	ReadyMs              float64 // the page's ready point
	LoadEndMs            float64 // ready, then 1 s with no long task starting
	LoadLongTasks        int     // long tasks that start in the load
	LoadLongestMs        float64
	TBTMs                float64 // sum over them of duration − 50 ms
	LongTasks            int     // from navigation through the warm tagging
	LongestTaskMs        float64
	TagSampleMs          float64 // warm, -1 for the pages that do not tag
	TagX50Ms             float64
	MemoryMB             float64 // JS heap + WebAssembly memory
	// Interactions after the load (Glossa), by name; a failed one is
	// missing, with the failure in the report's Failures.
	Interactions map[string]interaction `json:",omitempty"`

	loaded bool // the load's figures were measured
}

// The limits of a visit's waits.
const (
	visitTimeout = 8 * time.Minute // the whole visit, interactions included
	loadTimeout  = 2 * time.Minute // navigation to the page's ready point
	quietTimeout = 30 * time.Second
)

// readyState names each page's ready point and the condition that says
// it is reached (first contentful paint included, so the article is
// visible).
var readyState = map[pageKind]struct{ name, cond string }{
	plainPage: {"the plain page painted (first contentful paint)",
		`performance.getEntriesByName("first-contentful-paint").length > 0`},
	compromisePage: {"compromise's highlights in (first-highlight mark) and the article painted",
		`performance.getEntriesByName("first-highlight").length > 0 && performance.getEntriesByName("first-contentful-paint").length > 0`},
	minimalPage: {"the minimal app started (go-app's loader removed) and the article painted",
		`window.__bench.loaderGone >= 0 && performance.getEntriesByName("first-contentful-paint").length > 0`},
	glossaPage: {"Glossa's sample tagged (glossa-tagged mark) and the article painted",
		`performance.getEntriesByName("glossa-tagged").length > 0 && performance.getEntriesByName("first-contentful-paint").length > 0`},
}

// glossaWarmTagging tags the sample once to warm up, then the sample and
// the ×50 text, through the page's tagging worker, and returns the
// worker's own timings and its WebAssembly memory.
const glossaWarmTagging = `(async (sample, x50) => {
  const w = window.glossaTaggerWorker;
  if (!w) throw new Error("the page has no window.glossaTaggerWorker");
  let job = 90000;
  const tag = (text) => new Promise((resolve, reject) => {
    const id = ++job;
    const h = (e) => {
      if (e.data.job !== id) return;
      if (e.data.type === "done") { w.removeEventListener("message", h); resolve(e.data); }
      if (e.data.type === "error") { w.removeEventListener("message", h); reject(new Error(e.data.message)); }
    };
    w.addEventListener("message", h);
    w.postMessage({ type: "tag", job: id, text });
  });
  await tag(sample);
  const a = await tag(sample);
  const b = await tag(x50);
  const main = window.glossaWasmMemory ? window.glossaWasmMemory() : window.__bench.memories.reduce((n, m) => n + m.buffer.byteLength, 0);
  return { sample: a.ms, x50: b.ms, wasm: b.memory + main };
})`

// compromiseWarmTagging does the same with compromise on the main thread.
const compromiseWarmTagging = `((sample, x50) => {
  benchTag(sample);
  return { sample: benchTag(sample), x50: benchTag(x50), wasm: 0 };
})`

// measure makes one cold visit of r, and drives Glossa's interactions
// after the load if interactions is set. A visit that fails after its
// load returns the load's figures (s.loaded) with the error.
func measure(r row, c *byteCounter, interactions bool) (s sampleRun, err error) {
	dir, err := os.MkdirTemp("", "glossa-bench-profile")
	if err != nil {
		return s, err
	}
	defer os.RemoveAll(dir)
	tab, cancel, err := chrome.New(dir)
	if err != nil {
		return s, fmt.Errorf("starting Chromium: %w", err)
	}
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(tab, visitTimeout)
	defer cancelTimeout()
	v, err := newVisit(ctx)
	if err != nil {
		return s, err
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: benchRecorder}); err != nil {
		return s, err
	}
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		return s, err
	}

	c.reset()
	if err := v.do("the page loaded (its load event)", loadTimeout, chromedp.Navigate(r.Base+r.Path)); err != nil {
		return s, err
	}
	ready := readyState[r.kind]
	if err := v.wait(ready.name, ready.cond, loadTimeout); err != nil {
		return s, err
	}
	at := func(name string) float64 {
		v, _ := eval[float64](ctx, `(performance.getEntriesByName("`+name+`")[0] || {startTime: -1}).startTime`)
		return v
	}
	origin, err := eval[float64](ctx, `performance.timeOrigin`)
	if err != nil {
		return s, v.fail("the page's time origin read", err)
	}
	s.ArticleMs = at("first-contentful-paint")
	s.FirstHighlightMs = map[pageKind]float64{plainPage: -1, compromisePage: at("first-highlight"), minimalPage: -1, glossaPage: at("glossa-first-highlight")}[r.kind]
	s.UIStartMs = -1
	if r.kind == minimalPage || r.kind == glossaPage {
		s.UIStartMs, _ = eval[float64](ctx, `window.__bench.loaderGone`)
	}
	s.ReadyMs = map[pageKind]float64{plainPage: s.ArticleMs, compromisePage: s.FirstHighlightMs, minimalPage: s.UIStartMs, glossaPage: at("glossa-tagged")}[r.kind]

	// The load is over once the main thread has gone loadQuiet ms without
	// a long task starting; if it never does, the load is cut at
	// quietTimeout after the ready point, and the visit goes on.
	var loadTasks []longTask
	for deadline := time.Now().Add(quietTimeout); ; time.Sleep(100 * time.Millisecond) {
		now, err := eval[float64](ctx, `performance.now()`)
		if err != nil {
			return s, v.fail("the main thread quiet after the ready point", err)
		}
		if loadTasks, err = eval[[]longTask](ctx, `window.__bench.tasks`); err != nil {
			return s, v.fail("the main thread quiet after the ready point", err)
		}
		s.LoadEndMs = quietAfter(loadTasks, s.ReadyMs, loadQuiet)
		// Entries arrive after their task ends: give them 100 ms.
		if now >= s.LoadEndMs+loadQuiet+100 {
			break
		}
		if time.Now().After(deadline) {
			fmt.Fprintf(os.Stderr, "\nbench: %s: the main thread was not quiet for %v ms within %v of the ready point; the load is cut there\n", r.Name, loadQuiet, quietTimeout)
			s.LoadEndMs = now
			break
		}
	}
	s.LoadLongTasks, s.LoadLongestMs, s.TBTMs = tasksIn(loadTasks, 0, s.LoadEndMs)

	s.TagSampleMs, s.TagX50Ms = -1, -1
	var wasmBytes float64
	warm := error(nil)
	if r.kind == compromisePage || r.kind == glossaPage {
		script := map[pageKind]string{compromisePage: compromiseWarmTagging, glossaPage: glossaWarmTagging}[r.kind]
		args, _ := json.Marshal([]string{sampleText, strings.Repeat(sampleText+"\n\n", 50)})
		res, err := eval[map[string]float64](ctx, script+"(..."+string(args)+")")
		if err != nil {
			warm = v.fail("warm tagging of the sample and the sample ×50 done", err)
		} else {
			s.TagSampleMs, s.TagX50Ms, wasmBytes = res["sample"], res["x50"], res["wasm"]
		}
	} else {
		wasmBytes, _ = eval[float64](ctx, `window.__bench.memories.reduce((n, m) => n + m.buffer.byteLength, 0)`)
	}
	// Let the page settle (the service worker caches the app) and count.
	time.Sleep(time.Second)
	wall := func(ms float64) time.Time {
		if ms < 0 {
			return time.Time{}
		}
		return time.UnixMicro(int64((origin + ms) * 1000))
	}
	var early []int64
	s.Bytes, early = c.total(wall(s.ArticleMs), wall(s.FirstHighlightMs))
	s.BytesBeforeArticle, s.BytesBeforeHighlight = early[0], early[1]

	tasks, err := eval[[]longTask](ctx, `window.__bench.tasks`)
	if err != nil {
		return s, v.fail("the long tasks read", err)
	}
	s.LongTasks = len(tasks)
	for _, t := range tasks {
		s.LongestTaskMs = max(s.LongestTaskMs, t.Duration)
	}
	if metrics, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{}); err == nil {
		for _, m := range metrics.Metrics {
			if m.Name == "JSHeapUsedSize" {
				s.MemoryMB = (m.Value + wasmBytes) / (1 << 20)
			}
		}
	}
	s.loaded = true
	if warm != nil {
		return s, warm
	}
	if interactions {
		s.Interactions, err = interact(v)
		if err != nil {
			return s, fmt.Errorf("interactions after the load: %w", err)
		}
	}
	return s, nil
}

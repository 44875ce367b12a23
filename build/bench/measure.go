package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"glossa/app/e2e/chrome"
)

// sampleRun is what one cold visit measured.
type sampleRun struct {
	Bytes              int64   // sent by the server during the visit
	BytesBeforeArticle int64   // sent before the article was visible
	ArticleMs          float64 // first contentful paint
	FirstHighlightMs   float64 // -1 for the plain page
	LongTasks          int
	LongestTaskMs      float64
	TagSampleMs        float64 // warm, -1 for the plain page
	TagX50Ms           float64
	MemoryMB           float64 // JS heap + WebAssembly memory
}

// longTaskRecorder collects main-thread long tasks from navigation on.
const longTaskRecorder = `window.__longtasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push(e.duration); })
  .observe({ type: "longtask", buffered: true });`

// glossaWarmTagging tags the sample once to warm up, then the sample and
// the ×50 text, through the page's tagging worker, and returns the
// worker's own timings and its WebAssembly memory.
const glossaWarmTagging = `(async (sample, x50) => {
  const w = window.glossaTaggerWorker;
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
  const main = window.glossaWasmMemory ? window.glossaWasmMemory() : 0;
  return { sample: a.ms, x50: b.ms, wasm: b.memory + main };
})`

// compromiseWarmTagging does the same with compromise on the main thread.
const compromiseWarmTagging = `((sample, x50) => {
  benchTag(sample);
  return { sample: benchTag(sample), x50: benchTag(x50), wasm: 0 };
})`

// measure makes one cold visit of r.
func measure(base string, r row, c *byteCounter) (sampleRun, error) {
	var s sampleRun
	dir, err := os.MkdirTemp("", "glossa-bench-profile")
	if err != nil {
		return s, err
	}
	defer os.RemoveAll(dir)
	tab, cancel, err := chrome.New(dir)
	if err != nil {
		return s, err
	}
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(tab, 3*time.Minute)
	defer cancelTimeout()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: longTaskRecorder}); err != nil {
		return s, err
	}
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		return s, err
	}

	c.reset()
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+r.Path)); err != nil {
		return s, err
	}
	ready := map[pageKind]string{
		plainPage:      `performance.getEntriesByName("first-contentful-paint").length > 0`,
		compromisePage: `performance.getEntriesByName("first-highlight").length > 0 && performance.getEntriesByName("first-contentful-paint").length > 0`,
		glossaPage:     `performance.getEntriesByName("glossa-tagged").length > 0 && performance.getEntriesByName("first-contentful-paint").length > 0`,
	}[r.kind]
	if err := poll(ctx, ready, time.Minute); err != nil {
		return s, fmt.Errorf("waiting for the page: %w", err)
	}
	at := func(name string) float64 {
		v, _ := eval[float64](ctx, `(performance.getEntriesByName("`+name+`")[0] || {startTime: -1}).startTime`)
		return v
	}
	s.ArticleMs = at("first-contentful-paint")
	s.FirstHighlightMs = map[pageKind]float64{plainPage: -1, compromisePage: at("first-highlight"), glossaPage: at("glossa-first-highlight")}[r.kind]

	s.TagSampleMs, s.TagX50Ms = -1, -1
	var wasmBytes float64
	if r.kind != plainPage {
		script := map[pageKind]string{compromisePage: compromiseWarmTagging, glossaPage: glossaWarmTagging}[r.kind]
		args, _ := json.Marshal([]string{sampleText, strings.Repeat(sampleText+"\n\n", 50)})
		res, err := eval[map[string]float64](ctx, script+"(..."+string(args)+")")
		if err != nil {
			return s, fmt.Errorf("warm tagging: %w", err)
		}
		s.TagSampleMs, s.TagX50Ms, wasmBytes = res["sample"], res["x50"], res["wasm"]
	}
	// Let the page settle (the service worker caches the app) and count.
	time.Sleep(time.Second)
	s.Bytes, s.BytesBeforeArticle = c.total(start.Add(time.Duration(s.ArticleMs * float64(time.Millisecond))))

	tasks, err := eval[[]float64](ctx, `window.__longtasks`)
	if err != nil {
		return s, err
	}
	s.LongTasks = len(tasks)
	for _, d := range tasks {
		s.LongestTaskMs = max(s.LongestTaskMs, d)
	}
	metrics, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return s, err
	}
	for _, m := range metrics.Metrics {
		if m.Name == "JSHeapUsedSize" {
			s.MemoryMB = (m.Value + wasmBytes) / (1 << 20)
		}
	}
	return s, nil
}

func eval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) {
		p.AwaitPromise = new(true)
	}))
}

// poll waits until a JavaScript condition holds.
func poll(ctx context.Context, cond string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := eval[bool](ctx, "Boolean("+cond+")")
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out after %v: %s", timeout, cond)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func listenLoopback() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

// report is the benchmark's result.
type report struct {
	Date    string
	Machine string
	Rows    []rowReport
}

// rowReport holds one row's figures over its runs.
type rowReport struct {
	Name               string
	Runs               int
	KB                 stat
	KBBeforeArticle    stat
	ArticleMs          stat
	FirstHighlightMs   stat
	LongTasks          stat
	LongestTaskMs      stat
	TagSampleMs        stat
	TagX50Ms           stat
	MemoryMB           stat
	ArticleVsReference float64 // article-visible median over the plain page's
}

func summarize(name string, runs []sampleRun) rowReport {
	col := func(f func(sampleRun) float64) stat {
		var xs []float64
		for _, r := range runs {
			xs = append(xs, f(r))
		}
		return statOf(xs)
	}
	return rowReport{
		Name:             name,
		Runs:             len(runs),
		KB:               col(func(r sampleRun) float64 { return float64(r.Bytes) / 1024 }),
		KBBeforeArticle:  col(func(r sampleRun) float64 { return float64(r.BytesBeforeArticle) / 1024 }),
		ArticleMs:        col(func(r sampleRun) float64 { return r.ArticleMs }),
		FirstHighlightMs: col(func(r sampleRun) float64 { return r.FirstHighlightMs }),
		LongTasks:        col(func(r sampleRun) float64 { return float64(r.LongTasks) }),
		LongestTaskMs:    col(func(r sampleRun) float64 { return r.LongestTaskMs }),
		TagSampleMs:      col(func(r sampleRun) float64 { return r.TagSampleMs }),
		TagX50Ms:         col(func(r sampleRun) float64 { return r.TagX50Ms }),
		MemoryMB:         col(func(r sampleRun) float64 { return r.MemoryMB }),
	}
}

// table prints the report as a Markdown table, medians with min–max, and
// ratios to the reference rows.
func (r report) table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Glossa browser benchmark, %s, %s; medians (min–max) of %d cold visits.\n\n", r.Date, r.Machine, r.Rows[0].Runs)
	b.WriteString("| page | KB sent (before article) | article visible ms | first highlight ms | long tasks (longest ms) | tag sample ms | tag ×50 ms | memory MB |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, row := range r.Rows {
		fmt.Fprintf(&b, "| %s | %s (%s) | %s | %s | %s (%s) | %s | %s | %s |\n", row.Name,
			cell(row.KB, 0), cell(row.KBBeforeArticle, 0), cell(row.ArticleMs, 0), cell(row.FirstHighlightMs, 0),
			cell(row.LongTasks, 0), cell(row.LongestTaskMs, 0), cell(row.TagSampleMs, 1), cell(row.TagX50Ms, 0), cell(row.MemoryMB, 1))
	}
	if len(r.Rows) == 3 {
		ref, js, g := r.Rows[0], r.Rows[1], r.Rows[2]
		fmt.Fprintf(&b, "\nGlossa's article visible / plain HTML: %.2f× (target ≤ 1.5×). Glossa's ×50 tagging / compromise's: %.2f× (target ≤ 1×). First highlight: %.0f ms (target ≤ 1500).\n",
			g.ArticleMs.Median/ref.ArticleMs.Median, g.TagX50Ms.Median/js.TagX50Ms.Median, g.FirstHighlightMs.Median)
	}
	return b.String()
}

func cell(s stat, digits int) string {
	if s.Median < 0 {
		return "–"
	}
	f := fmt.Sprintf("%%.%df", digits)
	return fmt.Sprintf(f+" ("+f+"–"+f+")", s.Median, s.Min, s.Max)
}

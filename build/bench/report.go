// The benchmark's report: medians with their ranges per row, the
// interaction rows, the sizes of the two go-app apps' app.wasm, and the
// performance targets of issue #13, each measured against rows of the
// same run; written as JSON with every run's figures (printed by
// table.go).

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// report is the benchmark's result.
type report struct {
	Date         string
	Machine      string
	LoadAverage  [2]string // the machine's load average (1, 5, 15 min) at the start and at the end
	Stolen       string    // the share of the machine's CPU time its host took during the run (steal), "12%"
	Runs         int       // cold visits per row asked for
	Rows         []rowReport
	Interactions []interactionReport
	// AppWASMBytes is the raw size of each go-app page's app.wasm.
	AppWASMBytes map[string]int64
	Targets      []target
	// Failures are the visits and steps that did not reach a state.
	Failures []failure `json:",omitempty"`
}

// rowReport holds one page row's figures over its runs.
type rowReport struct {
	Name               string
	Runs               int // visits whose load was measured
	KB                 stat
	KBBeforeArticle    stat
	KBBeforeHighlight  stat
	ArticleMs          stat
	FirstHighlightMs   stat
	UIStartMs          stat
	ReadyMs            stat
	LoadEndMs          stat
	LoadLongTasks      stat
	LoadLongestMs      stat
	TBTMs              stat
	LongTasks          stat
	LongestTaskMs      stat
	TagSampleMs        stat
	TagX50Ms           stat
	MemoryMB           stat
	ArticleVsReference float64 // article-visible median over the plain page's
	EachRun            []sampleRun
}

// interactionReport holds one interaction row's figures over Glossa's
// runs.
type interactionReport struct {
	Name       string
	Runs       int
	OnScreenMs stat
	DoneMs     stat
	LongTasks  stat
	LongestMs  stat
	TBTMs      stat
	EachRun    []interaction
}

// target is one of issue #13's targets, as measured.
type target struct {
	Name     string
	Measured string // the figures it compares
	Value    float64
	Limit    float64
	Met      bool
}

// buildReport turns the runs into medians with their ranges, and checks
// the targets. sites names the site folder of each go-app row.
func buildReport(rows []row, results map[string][]sampleRun, sites map[string]string) report {
	rep := report{Date: time.Now().UTC().Format(time.RFC3339), Machine: machine(), AppWASMBytes: make(map[string]int64)}
	byName := make(map[string]rowReport)
	for _, r := range rows {
		rr := summarize(r.Name, results[r.Name])
		rep.Rows = append(rep.Rows, rr)
		byName[r.Name] = rr
	}
	if ref, ok := byName[plainName]; ok && ref.ArticleMs.Median > 0 {
		for i := range rep.Rows {
			rep.Rows[i].ArticleVsReference = rep.Rows[i].ArticleMs.Median / ref.ArticleMs.Median
		}
	}
	for _, name := range interactionRows {
		var runs []interaction
		for _, s := range results[glossaName] {
			if it, ok := s.Interactions[name]; ok {
				runs = append(runs, it)
			}
		}
		if len(runs) > 0 {
			rep.Interactions = append(rep.Interactions, summarizeInteraction(name, runs))
		}
	}
	for name, site := range sites {
		if n := appWASMSize(site); n >= 0 {
			rep.AppWASMBytes[name] = n
		}
	}
	rep.Targets = checkTargets(byName, rep.Interactions, rep.AppWASMBytes)
	return rep
}

// appWASMSize is the raw size of a site's app.wasm (web/app.wasm or a
// content-hashed web/app.*.wasm), -1 if there is none.
func appWASMSize(site string) int64 {
	matches, _ := filepath.Glob(filepath.Join(site, "web", "app*.wasm"))
	for _, m := range matches {
		if info, err := os.Stat(m); err == nil {
			return info.Size()
		}
	}
	return -1
}

func summarize(name string, runs []sampleRun) rowReport {
	col := func(f func(sampleRun) float64) stat {
		var xs []float64
		for _, r := range runs {
			xs = append(xs, f(r))
		}
		return statOf(xs)
	}
	kb := func(n int64) float64 {
		if n < 0 {
			return -1
		}
		return float64(n) / 1000 // KB of 1,000 bytes
	}
	return rowReport{
		Name:              name,
		Runs:              len(runs),
		KB:                col(func(r sampleRun) float64 { return kb(r.Bytes) }),
		KBBeforeArticle:   col(func(r sampleRun) float64 { return kb(r.BytesBeforeArticle) }),
		KBBeforeHighlight: col(func(r sampleRun) float64 { return kb(r.BytesBeforeHighlight) }),
		ArticleMs:         col(func(r sampleRun) float64 { return r.ArticleMs }),
		FirstHighlightMs:  col(func(r sampleRun) float64 { return r.FirstHighlightMs }),
		UIStartMs:         col(func(r sampleRun) float64 { return r.UIStartMs }),
		ReadyMs:           col(func(r sampleRun) float64 { return r.ReadyMs }),
		LoadEndMs:         col(func(r sampleRun) float64 { return r.LoadEndMs }),
		LoadLongTasks:     col(func(r sampleRun) float64 { return float64(r.LoadLongTasks) }),
		LoadLongestMs:     col(func(r sampleRun) float64 { return r.LoadLongestMs }),
		TBTMs:             col(func(r sampleRun) float64 { return r.TBTMs }),
		LongTasks:         col(func(r sampleRun) float64 { return float64(r.LongTasks) }),
		LongestTaskMs:     col(func(r sampleRun) float64 { return r.LongestTaskMs }),
		TagSampleMs:       col(func(r sampleRun) float64 { return r.TagSampleMs }),
		TagX50Ms:          col(func(r sampleRun) float64 { return r.TagX50Ms }),
		MemoryMB:          col(func(r sampleRun) float64 { return r.MemoryMB }),
		EachRun:           runs,
	}
}

func summarizeInteraction(name string, runs []interaction) interactionReport {
	col := func(f func(interaction) float64) stat {
		var xs []float64
		for _, r := range runs {
			xs = append(xs, f(r))
		}
		return statOf(xs)
	}
	return interactionReport{
		Name:       name,
		Runs:       len(runs),
		OnScreenMs: col(func(r interaction) float64 { return r.OnScreenMs }),
		DoneMs:     col(func(r interaction) float64 { return r.DoneMs }),
		LongTasks:  col(func(r interaction) float64 { return float64(r.LongTasks) }),
		LongestMs:  col(func(r interaction) float64 { return r.LongestMs }),
		TBTMs:      col(func(r interaction) float64 { return r.TBTMs }),
		EachRun:    runs,
	}
}

// The targets' limits (issue #13).
const (
	longestVsMinimal       = 0.8
	tbtVsMinimal           = 1.0
	highlightVsCompromise  = 1.0
	articleVsPlain         = 1.2
	appWASMLimitMB         = 6.0 // MB of 1,000,000 bytes, raw
	beforeHighlightLimitMB = 1.5 // MB of 1,000,000 bytes, compressed
	interactionTaskLimitMs = 100.0
)

// checkTargets measures each target on the medians of this run: the
// load's ratios, the two sizes, then the after-load interaction rows.
func checkTargets(rows map[string]rowReport, its []interactionReport, wasm map[string]int64) []target {
	var out []target
	// ratio checks a ≤ limit × b on the rows' medians of one figure
	// (pick takes it from a row's summary, visit from one visit), and
	// says in how many rounds the two rows' visits held to it too.
	ratio := func(name string, a, b rowReport, pick func(rowReport) stat, visit func(sampleRun) float64, what string, limit float64) {
		t := target{Name: name, Limit: limit, Value: -1}
		am, bm := pick(a), pick(b)
		switch {
		case am.Median >= 0 && bm.Median > 0:
			t.Value = am.Median / bm.Median
			t.Met = t.Value <= limit
		case am.Median == 0 && bm.Median == 0:
			// No long task in either median visit: a ratio has no value,
			// but a ≤ limit × b holds.
			t.Met = true
		}
		t.Measured = fmt.Sprintf("%s %s ms / %s ms", what, num(am.Median), num(bm.Median))
		if within, rounds := withinByRound(a.EachRun, b.EachRun, visit, limit); rounds > 0 {
			t.Measured += fmt.Sprintf("; within the limit in %d of %d rounds", within, rounds)
		}
		out = append(out, t)
	}
	g, m, js, plain := rows[glossaName], rows[minimalName], rows[compromiseName], rows[plainName]
	ratio("Glossa's longest task over the minimal go-app app's (load)", g, m, func(r rowReport) stat { return r.LoadLongestMs }, func(s sampleRun) float64 { return s.LoadLongestMs }, "longest task", longestVsMinimal)
	ratio("Glossa's TBT over the minimal go-app app's (load)", g, m, func(r rowReport) stat { return r.TBTMs }, func(s sampleRun) float64 { return s.TBTMs }, "TBT", tbtVsMinimal)
	ratio("Glossa's first highlight over compromise's first result", g, js, func(r rowReport) stat { return r.FirstHighlightMs }, func(s sampleRun) float64 { return s.FirstHighlightMs }, "first highlight", highlightVsCompromise)
	ratio("Glossa's article visible over the plain HTML page's", g, plain, func(r rowReport) stat { return r.ArticleMs }, func(s sampleRun) float64 { return s.ArticleMs }, "article visible", articleVsPlain)
	t := target{Name: "Glossa's app.wasm, raw (MB)", Value: -1, Limit: appWASMLimitMB, Measured: "no app.wasm found"}
	if n, ok := wasm[glossaName]; ok {
		t.Value = float64(n) / 1e6
		t.Met = t.Value <= appWASMLimitMB
		t.Measured = fmt.Sprintf("%s bytes (the minimal go-app app's: %s)", thousands(n), thousands(wasm[minimalName]))
	}
	out = append(out, t)
	t = target{Name: "Glossa: bytes sent before the first highlight, compressed (MB)", Value: -1, Limit: beforeHighlightLimitMB, Measured: "no first highlight"}
	if b := g.KBBeforeHighlight.Median; b >= 0 {
		t.Value = b / 1000
		t.Met = t.Value <= beforeHighlightLimitMB
		t.Measured = fmt.Sprintf("%s KB", num(b))
	}
	out = append(out, t)
	for _, it := range its {
		out = append(out, target{Name: "longest task after the load (ms): " + strings.TrimPrefix(it.Name, "Glossa · "), Value: it.LongestMs.Median,
			Limit: interactionTaskLimitMs, Met: it.LongestMs.Median >= 0 && it.LongestMs.Median <= interactionTaskLimitMs,
			Measured: fmt.Sprintf("median of %d runs, max %s ms", it.LongestMs.N, num(it.LongestMs.Max))})
	}
	return out
}

// withinByRound counts the rounds in which both rows measured the figure
// (visit gives it, negative where not measured) and in how many of them
// a's visit was within limit × b's: how often the target held visit by
// visit, the rows having taken turns.
func withinByRound(a, b []sampleRun, visit func(sampleRun) float64, limit float64) (within, rounds int) {
	inB := make(map[int]float64, len(b))
	for _, s := range b {
		if x := visit(s); s.Round > 0 && x >= 0 {
			inB[s.Round] = x
		}
	}
	for _, s := range a {
		x := visit(s)
		y, ok := inB[s.Round]
		if s.Round <= 0 || x < 0 || !ok {
			continue
		}
		rounds++
		if x <= limit*y {
			within++
		}
	}
	return within, rounds
}

func num(x float64) string {
	if x < 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f", x)
}

// thousands writes n with thousands separators.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

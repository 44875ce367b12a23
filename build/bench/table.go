// The report as printed: Markdown tables of medians (min–max) — the page
// rows with the load's figures, the after-load interaction rows with
// their 100 ms target, issue #13's targets met or not, the other figures
// — then the failures, if any.

package main

import (
	"fmt"
	"strings"
)

// table prints the report.
func (r report) table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Glossa browser benchmark (go run ./build/bench -runs %d), %s\n", r.Runs, r.Date)
	fmt.Fprintf(&b, "Machine: %s; load average (1, 5, 15 min) %s at the start, %s at the end", r.Machine, r.LoadAverage[0], r.LoadAverage[1])
	if r.Stolen != "" {
		fmt.Fprintf(&b, "; CPU time taken by the host (steal) during the run: %s", r.Stolen)
	}
	b.WriteString(".\n")
	fmt.Fprintf(&b, "Medians (min–max) of %d cold visits per page, new profile each, the rows taking turns. KB = 1,000 bytes, MB = 1,000,000 bytes.\n\n", r.Runs)

	b.WriteString("| page | article visible ms | first highlight ms | longest task ms | TBT ms | long tasks | KB sent | KB before first highlight | app.wasm raw |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, row := range r.Rows {
		wasm := "–"
		if n, ok := r.AppWASMBytes[row.Name]; ok {
			wasm = fmt.Sprintf("%.2f MB", float64(n)/1e6)
		}
		name := row.Name
		if row.Runs < r.Runs {
			name += fmt.Sprintf(" (%d of %d visits)", row.Runs, r.Runs)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name,
			cell(row.ArticleMs, 0), cell(row.FirstHighlightMs, 0), cell(row.LoadLongestMs, 0), cell(row.TBTMs, 0),
			cell(row.LoadLongTasks, 0), cell(row.KB, 0), cell(row.KBBeforeHighlight, 0), wasm)
	}
	b.WriteString(`
first highlight: Glossa's first highlight on screen; for compromise, its first result (every highlight of the article in).
longest task, TBT, long tasks: main-thread long tasks (PerformanceObserver "longtask", installed before the page's scripts) that start in the load: from navigation start to the page's ready point (Glossa: the sample tagged; minimal app: go-app's loader removed after the Go program's start; compromise: its highlights in; plain page: first paint), then until 1 s passes with no long task starting. TBT sums duration − 50 ms over them.
KB sent: response bodies as on the wire (compressed), whole visit (load, warm tagging, 1 s more); KB before first highlight: what the proxy had sent by the first-highlight mark.
`)

	if len(r.Interactions) > 0 {
		b.WriteString("\n| after the load (Glossa) | longest task ms | ≤ 100 ms | TBT ms | long tasks | on screen ms | done ms |\n")
		b.WriteString("| --- | --- | --- | --- | --- | --- | --- |\n")
		for _, it := range r.Interactions {
			verdict := "not met"
			if it.LongestMs.Median >= 0 && it.LongestMs.Median <= interactionTaskLimitMs {
				verdict = "met"
			}
			name := strings.TrimPrefix(it.Name, "Glossa · ")
			if it.Runs < r.Runs {
				name += fmt.Sprintf(" (%d of %d visits)", it.Runs, r.Runs)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", name,
				cell(it.LongestMs, 0), verdict, cell(it.TBTMs, 0), cell(it.LongTasks, 0), cell(it.OnScreenMs, 0), cell(it.DoneMs, 0))
		}
		b.WriteString(`
Each window opens at the reader's first input event (tagging the sample: the page posting the job; paste: long tasks count from the text's beforeinput event) and closes when the change is done (accept/reject: saved; search: the list settled; tagging, open: "Found … entities" and the article no longer aria-busy; paste: that, and its tagging kept with it). on screen / done: ms from the window's start. Before each window the main thread is left quiet for 500 ms. See build/bench/interact.go.
`)
	}

	b.WriteString("\nTargets (issue #13), each against rows of this run:\n\n")
	b.WriteString("| target | measured | value | limit | |\n| --- | --- | --- | --- | --- |\n")
	met, after := 0, 0
	for _, t := range r.Targets {
		if strings.HasPrefix(t.Name, "longest task after the load") {
			after++
			if t.Met {
				met++
			}
			continue
		}
		fmt.Fprintf(&b, "| %s | %s | %s | ≤ %.2f | %s |\n", t.Name, t.Measured, value(t.Value), t.Limit, verdict(t.Met))
	}
	if after > 0 {
		fmt.Fprintf(&b, "| no task over 100 ms after the load | the rows above | %d of %d rows | all | %s |\n", met, after, verdict(met == after))
	}

	b.WriteString("\nAlso measured:\n\n")
	b.WriteString("| page | KB before article visible | UI started ms | long tasks through warm tagging | their longest ms | tag sample ms | tag ×50 ms | memory MB |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, row := range r.Rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", row.Name,
			cell(row.KBBeforeArticle, 0), cell(row.UIStartMs, 0), cell(row.LongTasks, 0), cell(row.LongestTaskMs, 0),
			cell(row.TagSampleMs, 1), cell(row.TagX50Ms, 0), cell(row.MemoryMB, 1))
	}
	b.WriteString("\nUI started: go-app's loader removed (the Go program started and rendered). Warm tagging: the sample, then the sample ×50, once warm (Glossa: in its worker; compromise: on the main thread). Memory: JS heap plus WebAssembly memory.\n")

	if len(r.Failures) > 0 {
		fmt.Fprintf(&b, "\nFailures (%d; a row's figures are the medians of its visits that got there):\n\n", len(r.Failures))
		for _, f := range r.Failures {
			fmt.Fprintf(&b, "- %s\n", f)
		}
	}
	return b.String()
}

func verdict(met bool) string {
	if met {
		return "met"
	}
	return "not met"
}

func value(x float64) string {
	if x < 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", x)
}

// cell prints a median with its range, or the median alone when the
// runs agree or there is one.
func cell(s stat, digits int) string {
	if s.Median < 0 {
		return "–"
	}
	f := fmt.Sprintf("%%.%df", digits)
	if s.N <= 1 || s.Min == s.Max {
		return fmt.Sprintf(f, s.Median)
	}
	return fmt.Sprintf(f+" ("+f+"–"+f+")", s.Median, s.Min, s.Max)
}

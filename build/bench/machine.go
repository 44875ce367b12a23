// What the figures come from: the machine, its browser, and how busy the
// machine was (the load average, and the CPU time its host took from it),
// since other work on a shared machine moves every figure.

package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// machine describes the machine the figures come from.
func machine() string {
	cpu, n := "unknown CPU", 0
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if m := regexp.MustCompile(`model name\s*:\s*(.+)`).FindSubmatch(data); m != nil {
			cpu = strings.TrimSpace(string(m[1]))
		}
		n = strings.Count(string(data), "processor\t:")
	}
	version := "chromium"
	if out, err := exec.Command("chromium", "--version").Output(); err == nil {
		version = strings.TrimSpace(string(out))
	}
	return fmt.Sprintf("%d × %s, %s", n, cpu, version)
}

// loadAverage is the machine's load average over 1, 5 and 15 minutes
// (/proc/loadavg), or "unknown".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

// cpuTimes is the machine's CPU time so far, all CPUs together, in the
// kernel's ticks (/proc/stat): in all, and what the host of a virtual
// machine took for other work (steal), time this machine's programs
// waited for although they were ready to run.
type cpuTimes struct{ total, steal uint64 }

// readCPUTimes reads /proc/stat; ok is false where there is none.
func readCPUTimes() (t cpuTimes, ok bool) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return t, false
	}
	return parseCPUTimes(string(data))
}

// parseCPUTimes reads the "cpu" line of /proc/stat: user, nice, system,
// idle, iowait, irq, softirq, steal, then guest times, which user
// already counts.
func parseCPUTimes(stat string) (t cpuTimes, ok bool) {
	line, _, _ := strings.Cut(stat, "\n")
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return t, false
	}
	for i, v := range f[1:9] {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return cpuTimes{}, false
		}
		t.total += n
		if i == 7 {
			t.steal = n
		}
	}
	return t, true
}

// stolenShare says what share of the machine's CPU time between two
// readings its host took (steal), as "12%", or "unknown".
func stolenShare(before, after cpuTimes, ok bool) string {
	if !ok || after.total <= before.total || after.steal < before.steal {
		return "unknown"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(after.steal-before.steal)/float64(after.total-before.total))
}

// What the figures come from: the machine, its browser, and how busy the
// machine was (the load average), since other work on a shared machine
// moves every figure.

package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
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

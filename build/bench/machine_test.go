package main

import "testing"

// TestStolenShare: the host's share of the CPU time between two readings
// of /proc/stat (steal, its eighth field), and "unknown" where it cannot
// be told.
func TestStolenShare(t *testing.T) {
	const before = "cpu  1000 0 500 8000 100 0 0 400 0 0\ncpu0 500 0 250 4000 50 0 0 200 0 0\n"
	const after = "cpu  1600 0 700 8400 100 0 0 700 0 0\ncpu0 800 0 350 4200 50 0 0 350 0 0\n"
	b, okB := parseCPUTimes(before)
	a, okA := parseCPUTimes(after)
	if !okB || !okA || b != (cpuTimes{total: 10000, steal: 400}) {
		t.Fatalf("read %+v (%v) and %+v (%v)", b, okB, a, okA)
	}
	// 1,500 ticks in all went by, 300 of them taken by the host.
	if got := stolenShare(b, a, true); got != "20%" {
		t.Errorf("stolen share %q, want 20%%", got)
	}
	for _, tc := range []struct {
		name          string
		before, after string
	}{
		{"no time went by", before, before},
		{"counters reset", after, before},
		{"a kernel without steal", "cpu  1000 0 500 8000\n", "cpu  1600 0 700 8400\n"},
	} {
		b, okB := parseCPUTimes(tc.before)
		a, okA := parseCPUTimes(tc.after)
		got := stolenShare(b, a, okB && okA)
		if got != "unknown" {
			t.Errorf("%s: %q, want unknown", tc.name, got)
		}
	}
	for _, bad := range []string{"", "intr 1 2 3 4 5 6 7 8\n", "cpu  1 2 x 4 5 6 7 8\n", "cpu 1 2\n"} {
		if _, ok := parseCPUTimes(bad); ok {
			t.Errorf("read /proc/stat %q as CPU times", bad)
		}
	}
}

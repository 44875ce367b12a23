package main

import (
	"testing"
	"time"
)

func TestByteCounterTotal(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	c := &byteCounter{chunks: []chunk{{t0, 100}, {t0.Add(time.Second), 1000}, {t0.Add(2 * time.Second), 10000}}}
	all, early := c.total(t0.Add(1500*time.Millisecond), time.Time{}, t0)
	if all != 11100 {
		t.Errorf("all = %d, want 11100", all)
	}
	want := []int64{1100, -1, 0}
	for i := range want {
		if early[i] != want[i] {
			t.Errorf("before moment %d: %d bytes, want %d", i, early[i], want[i])
		}
	}
}

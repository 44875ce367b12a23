//go:build js && wasm

package main

import (
	"runtime"
	"testing"
)

var sink [][]byte

// allocate makes mb megabytes of garbage in 4 KB pieces.
func allocate(mb int) {
	for range mb * 256 {
		sink = append(sink[:0], make([]byte, 4096))
	}
}

func collections() uint32 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC
}

// While the collector is held, garbage piles up uncollected, up to
// startHeapLimit; once released, Go collects as usual.
func TestHoldCollector(t *testing.T) {
	release := holdCollector()
	defer release()
	before := collections()
	allocate(startHeapLimit / (1 << 20) / 4)
	if n := collections() - before; n != 0 {
		t.Errorf("%d collections while the collector was held, with the heap under its limit", n)
	}
	allocate(2 * startHeapLimit / (1 << 20))
	if collections() == before {
		t.Errorf("no collection while the collector was held, with twice its limit allocated")
	}
	release()
	before = collections()
	allocate(32)
	if collections() == before {
		t.Error("no collection once the collector was released")
	}
}

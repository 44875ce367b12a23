//go:build js && wasm

package main

import (
	"math"
	"runtime/debug"
	"sync"
	"time"
)

// startHeapLimit bounds the tagger's memory while its collector waits
// (see holdCollector): near it, Go collects. The start (Go's runtime, the
// news model, the first article's tagging) takes about 8 MB. A
// WebAssembly program's memory never shrinks: with 64 MB, tagging the
// sample 50 times just after the first tagging (the benchmark's warm
// tagging) left the page's memory at 35.7 MB instead of 28.6.
const startHeapLimit = 16 << 20

// collectAfter is how long after the first tagging the collector waits
// still: the page draws the tagging's results meanwhile.
const collectAfter = 3 * time.Second

// holdCollector keeps Go's garbage collector from running until release
// is called, or until the heap nears startHeapLimit. main releases it
// collectAfter the first article's tagging.
//
// With the default settings, Go collects once as the model loads, when the
// heap first reaches 4 MB, and finds nearly everything still in use: the
// model itself. That collection was work on the worker's thread while the
// page waited for its first highlights, and it made Chromium compile the
// collector's functions again with its optimizing compiler (they loop
// over every span and object: about 0.2 s of a core, while the page
// loads on the other). Released as soon as the first tagging was done,
// the collection and those compilations came as the page drew its
// results; a few seconds later, they come when both are idle.
func holdCollector() (release func()) {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startHeapLimit)
	return sync.OnceFunc(func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

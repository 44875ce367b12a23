package main

import (
	"runtime"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// exposeMemory sets window.glossaWasmMemory(), which returns the bytes the
// UI's Go runtime holds from WebAssembly memory, for the benchmark.
func exposeMemory() {
	app.Window().Set("glossaWasmMemory", app.FuncOf(func(app.Value, []app.Value) any {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.Sys)
	}))
}

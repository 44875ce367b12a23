package warmup

import (
	_ "embed"
	"strings"
)

// startupList is startup.txt: see Startup.
//
//go:embed startup.txt
var startupList string

// Startup returns the names of app.wasm's functions that the page calls
// first, in the order of their first call, as a cold load of the sample
// article calls them through its first tagging: the functions whose
// warm-up the page waits for. build/warmlist writes the list, from a
// Chromium trace (its wasm.CompileLazy events); a name the module no
// longer has is passed over, and a function the list lacks is warmed up
// after the others, so an old list costs time, never correctness.
func Startup() []string {
	var names []string
	for _, line := range strings.Split(startupList, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			names = append(names, line)
		}
	}
	return names
}

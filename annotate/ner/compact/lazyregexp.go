package compact

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles a regular expression on its first use, not as the
// program starts: only prose's model uses them, and compiling them all took
// about 25 ms of the tagging worker's start as WebAssembly, where the news
// model (the default) never needs them.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

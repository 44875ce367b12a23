package annotate_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// checkSeedCorpus keeps a fuzz target's seed corpus in dir: with -update it
// writes seeds there in Go's corpus format; then it reads every file back,
// failing on files that are not corpus files, and hands each seed to check
// in a subtest named after its file.
func checkSeedCorpus(t *testing.T, dir string, seeds func(testing.TB) map[string][]byte, check func(t *testing.T, name string, data []byte)) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range seeds(t) {
			file := "go test fuzz v1\n[]byte(" + strconv.Quote(string(data)) + ")\n"
			if err := os.WriteFile(filepath.Join(dir, name), []byte(file), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, err := os.ReadDir(dir)
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed corpus in %s (run go test ./annotate -update): %v", dir, err)
	}
	for _, f := range files {
		t.Run(f.Name(), func(t *testing.T) {
			content, err := os.ReadFile(filepath.Join(dir, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitN(string(content), "\n", 2)
			q, ok := strings.CutPrefix(strings.TrimSpace(lines[len(lines)-1]), "[]byte(")
			q, ok2 := strings.CutSuffix(q, ")")
			data, err := strconv.Unquote(q)
			if lines[0] != "go test fuzz v1" || !ok || !ok2 || err != nil {
				t.Fatalf("not a fuzz corpus file: %q", content)
			}
			check(t, f.Name(), []byte(data))
		})
	}
}

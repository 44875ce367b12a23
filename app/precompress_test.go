//go:build !wasm

package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestPrecompressCache checks the brotli cache of glossa site: a build
// writes copies that decode to their files, a second build of the same
// files takes them from the cache, and a changed file gets a new copy
// while the cache keeps only what the last build used.
func TestPrecompressCache(t *testing.T) {
	site, cache := t.TempDir(), t.TempDir()
	file := filepath.Join(site, "app.js")
	write := func(text string) {
		if err := os.WriteFile(file, []byte(strings.Repeat(text, 200)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	decoded := func() string {
		br, err := os.ReadFile(file + ".br")
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
		if err != nil {
			t.Fatalf("the .br copy does not decode: %v", err)
		}
		return string(out)
	}
	cached := func() []string {
		entries, _ := os.ReadDir(cache)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}

	write("first version. ")
	if err := precompressTree(site, cache); err != nil {
		t.Fatal(err)
	}
	if got := decoded(); got != strings.Repeat("first version. ", 200) {
		t.Fatalf("decoded %q", got[:30])
	}
	first := cached()
	if len(first) != 1 {
		t.Fatalf("the cache holds %v, want one copy", first)
	}
	// The second build takes the copy from the cache: marked here, so
	// that the site shows where it came from.
	os.WriteFile(filepath.Join(cache, first[0]), []byte("from the cache"), 0o644)
	if err := precompressTree(site, cache); err != nil {
		t.Fatal(err)
	}
	if br, _ := os.ReadFile(file + ".br"); string(br) != "from the cache" {
		t.Errorf("the second build compressed again: %q", br)
	}

	write("second version. ")
	if err := precompressTree(site, cache); err != nil {
		t.Fatal(err)
	}
	if got := decoded(); got != strings.Repeat("second version. ", 200) {
		t.Fatalf("decoded %q after a change", got[:30])
	}
	if now := cached(); len(now) != 1 || now[0] == first[0] {
		t.Errorf("the cache holds %v after a change, want only the new copy", now)
	}
}

// TestBrotliLevel: the best level for what a first visit downloads before
// its first highlights, and for small files; level 9 for the other large
// ones.
func TestBrotliLevel(t *testing.T) {
	for _, c := range []struct {
		file string
		size int
		want int
	}{
		{"web/app.81b38e4dd4.wasm", 8 << 20, 11},
		{"web/tagger.504ac45cdd.wasm", 5 << 20, 11},
		{"web/news.9ea19a51fd.model", 4 << 20, 11},
		{"web/tagger-prose.216b185e15.wasm", 5 << 20, 9},
		{"web/extract.7ddfbc8886.wasm", 7 << 20, 9},
		{"index.html", 24 << 10, 11},
	} {
		if got := brotliLevel(c.file, c.size); got != c.want {
			t.Errorf("%s: level %d, want %d", c.file, got, c.want)
		}
	}
}

//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// compressible lists the file types worth compressing.
var compressible = map[string]bool{
	".html": true, ".js": true, ".css": true, ".wasm": true, ".json": true,
	".webmanifest": true, ".svg": true, ".txt": true, ".model": true,
}

// precompressTree writes name.br and name.gz beside every compressible file
// of dir over 512 bytes, so the server sends them with Content-Encoding
// and spends no time compressing. cache, if not "", keeps the brotli
// copies between builds by content (brotliCache).
func precompressTree(dir, cache string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if info, err := d.Info(); err == nil && info.Size() > 512 && compressible[strings.ToLower(filepath.Ext(p))] {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	bc := brotliCache{dir: cache, used: map[string]bool{}}
	var wg sync.WaitGroup
	errs := make(chan error, len(files))
	for _, f := range files {
		wg.Go(func() { errs <- precompress(f, &bc) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	bc.prune()
	return nil
}

// brotliLevel is the brotli level for a file of size bytes. Brotli's best
// level, 11, takes about 47 s for the 8 MB app.wasm on this 2-core machine
// and saves about 12% over level 9, which takes 3 s: it goes to the files
// every first visit downloads before its first highlights (app.wasm,
// tagger.wasm, the news model: 1.68 → 1.47, 1.11 → 0.97 and 1.23 → 1.13
// MB), and to every small file; the other large files (extract.wasm,
// tagger-prose.wasm) get level 9.
func brotliLevel(file string, size int) int {
	base := filepath.Base(file)
	if size <= 1<<20 || strings.HasSuffix(base, ".model") ||
		strings.HasPrefix(base, "app.") || strings.HasPrefix(base, "tagger.") {
		return 11
	}
	return 9
}

// brotliCache keeps brotli copies in a folder, named by their content's
// hash and level, so a build compresses only what changed (the models and
// the tagger rarely do). prune leaves only the copies the last site used.
type brotliCache struct {
	dir  string // "" for none
	mu   sync.Mutex
	used map[string]bool // file names of the copies this run used
}

// compress returns data compressed at level, from the cache or made now
// (and kept).
func (c *brotliCache) compress(data []byte, level int) ([]byte, error) {
	sum := sha256.Sum256(data)
	name := fmt.Sprintf("%x-%d.br", sum[:16], level)
	if c.dir != "" {
		c.mu.Lock()
		c.used[name] = true
		c.mu.Unlock()
		if kept, err := os.ReadFile(filepath.Join(c.dir, name)); err == nil {
			return kept, nil
		}
	}
	var br bytes.Buffer
	w := brotli.NewWriterLevel(&br, level)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if c.dir != "" && os.MkdirAll(c.dir, 0o755) == nil {
		tmp := filepath.Join(c.dir, name+".tmp")
		if os.WriteFile(tmp, br.Bytes(), 0o644) == nil {
			os.Rename(tmp, filepath.Join(c.dir, name)) // a cache: a failure only costs time
		}
	}
	return br.Bytes(), nil
}

// prune removes the cache's copies this run did not use.
func (c *brotliCache) prune() {
	if c.dir == "" {
		return
	}
	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		if !c.used[e.Name()] {
			os.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}

func precompress(file string, bc *brotliCache) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	br, err := bc.compress(data, brotliLevel(file, len(data)))
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(file+".br", br, 0o644); err != nil {
		return err
	}
	return os.WriteFile(file+".gz", gz.Bytes(), 0o644)
}

//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// siteCommand writes the complete static site: go-app's prerendered pages
// and scripts, the assets of the web folder, and the Go toolchain's
// wasm_exec.js (go-app ships an older copy; the page must load the one that
// matches the compiler that built app.wasm).
func siteCommand(args []string, stderr io.Writer) int {
	flags := flag.NewFlagSet("site", flag.ContinueOnError)
	flags.SetOutput(stderr)
	web := flags.String("web", "web", "folder of static assets, with app.wasm and tagger.wasm built")
	out := flags.String("out", "dist/site", "folder to write the site to (replaced)")
	wasmExec := flags.String("wasm-exec", filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"), "the Go toolchain's wasm_exec.js")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if err := writeSite(*web, *out, *wasmExec); err != nil {
		fmt.Fprintf(stderr, "glossa site: %v\n", err)
		return 1
	}
	return 0
}

func writeSite(web, out, wasmExec string) error {
	for _, need := range []string{"app.wasm", "tagger.wasm"} {
		if _, err := os.Stat(filepath.Join(web, need)); err != nil {
			return fmt.Errorf("%s is missing from %s: build it first (make build)", need, web)
		}
	}
	version, err := hashTree(web)
	if err != nil {
		return err
	}
	if err := clearSite(out); err != nil {
		return err
	}
	h := newHandler(version)
	h.Resources = app.LocalDir("")
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return fmt.Errorf("generating pages: %w", err)
	}
	if err := copyTree(web, filepath.Join(out, "web")); err != nil {
		return err
	}
	return copyFile(wasmExec, filepath.Join(out, "wasm_exec.js"))
}

// clearSite empties out, refusing to touch a folder that is not a site.
func clearSite(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
			return fmt.Errorf("%s is not empty and holds no index.html: not replacing it", out)
		}
	}
	return os.RemoveAll(out)
}

// hashTree returns a short hash of every file under dir, names and
// contents, to version the build.
func hashTree(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(path))
		_, err = io.Copy(h, f)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:16], err
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		return copyFile(path, filepath.Join(to, rel))
	})
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// writeSiteCommand writes the minimal app's static site as Glossa's site
// command writes Glossa's: go-app's GenerateStaticWebsite (stock handler:
// page, app.js loader, app-worker.js, manifest, app.css), app.wasm at
// go-app's default path /web/app.wasm, the Go toolchain's wasm_exec.js in
// place of go-app's copy, two local icons (go-app's default icon is on
// another origin, which the server's Content-Security-Policy blocks), and
// a brotli and a gzip copy of every compressible file, at the levels
// Glossa uses.
func writeSiteCommand(args []string) int {
	flags := flag.NewFlagSet("minimal", flag.ContinueOnError)
	out := flags.String("out", "", "folder to write the site to (replaced)")
	wasm := flags.String("wasm", "", "the app built as WebAssembly")
	wasmExec := flags.String("wasm-exec", "", "the Go toolchain's wasm_exec.js")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *wasm == "" || *wasmExec == "" {
		fmt.Fprintln(os.Stderr, "minimal: give -out, -wasm and -wasm-exec")
		return 2
	}
	if err := writeSite(*out, *wasm, *wasmExec); err != nil {
		fmt.Fprintln(os.Stderr, "minimal:", err)
		return 1
	}
	return 0
}

func writeSite(out, wasm, wasmExec string) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(out, "web"), 0o755); err != nil {
		return err
	}
	h := &app.Handler{
		Name:        "Minimal go-app",
		ShortName:   "Minimal",
		Title:       "Minimal go-app v9.8.0",
		Description: "The benchmark's reference go-app app.",
		Lang:        "en",
		Icon:        app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png"},
	}
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return err
	}
	if page, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || !strings.Contains(string(page), "<h1") {
		return fmt.Errorf("the page was not prerendered: %s has no <h1>", filepath.Join(out, "index.html"))
	}
	for from, to := range map[string]string{wasm: "web/app.wasm", wasmExec: "wasm_exec.js"} {
		data, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, to), data, 0o644); err != nil {
			return err
		}
	}
	for _, size := range []int{192, 512} {
		if err := writeIcon(filepath.Join(out, "web", fmt.Sprintf("icon-%d.png", size)), size); err != nil {
			return err
		}
	}
	return precompressTree(out)
}

// writeIcon writes a square one-colour PNG.
func writeIcon(name string, size int) error {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for y := range size {
		for x := range size {
			img.Set(x, y, color.RGBA{0x1f, 0x3a, 0x5f, 0xff})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return err
	}
	return os.WriteFile(name, b.Bytes(), 0o644)
}

// compressible lists the file types worth compressing (as Glossa's site).
var compressible = map[string]bool{
	".html": true, ".js": true, ".css": true, ".wasm": true, ".json": true,
	".webmanifest": true, ".svg": true, ".txt": true,
}

// precompressTree writes name.br and name.gz beside every compressible file
// of dir over 512 bytes: brotli at level 11, 9 for files over 1 MiB, and
// gzip at its best level, as Glossa's site command does.
func precompressTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil || info.Size() <= 512 || !compressible[strings.ToLower(filepath.Ext(p))] {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		level := 11
		if len(data) > 1<<20 {
			level = 9
		}
		var br bytes.Buffer
		w := brotli.NewWriterLevel(&br, level)
		w.Write(data)
		if err := w.Close(); err != nil {
			return err
		}
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(p+".br", br.Bytes(), 0o644); err != nil {
			return err
		}
		return os.WriteFile(p+".gz", gz.Bytes(), 0o644)
	})
}

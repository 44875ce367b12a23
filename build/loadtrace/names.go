package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"glossa/app/e2e/chrome"
)

// siteWithNames copies site to a new folder under tmp with the function
// names of module (web/app.wasm, built without -s) added to the site's
// app.wasm, whose names `glossa site` leaves out, so that a profile says
// which Go functions ran. The site's app.wasm is module prepared for its
// warm-up, with the same functions in the same order: the names apply.
// Its compressed copies are left out, so the server sends the one with
// names (chrome.CopySite).
func siteWithNames(site, module, tmp string) (string, error) {
	raw, err := os.ReadFile(module)
	if err != nil {
		return "", fmt.Errorf("%v: build it with make build", err)
	}
	names, err := nameSection(raw)
	if err != nil {
		return "", fmt.Errorf("%s: %w", module, err)
	}
	const app = "web/app.*.wasm"
	apps, _ := filepath.Glob(filepath.Join(site, filepath.FromSlash(app)))
	if len(apps) != 1 {
		return "", fmt.Errorf("%s has %d files %s, not one: build the site with make build", site, len(apps), app)
	}
	data, err := os.ReadFile(apps[0])
	if err != nil {
		return "", err
	}
	out, err := os.MkdirTemp(tmp, "loadtrace-site")
	if err != nil {
		return "", err
	}
	if err := chrome.CopySite(site, out, app, append(data, names...)); err != nil {
		os.RemoveAll(out)
		return "", err
	}
	return out, nil
}

// siteWithTagger copies site to a new folder under tmp with the
// WebAssembly at tagger (the tagger built with its function names) in
// place of the site's tagger.wasm, and without that file's compressed
// copies. Only the names differ from the site's build (made with -s):
// the times it gives are not the site's.
func siteWithTagger(site, tagger, tmp string) (string, error) {
	data, err := os.ReadFile(tagger)
	if err != nil {
		return "", err
	}
	if _, err := nameSection(data); err != nil {
		return "", fmt.Errorf("%s: %w: build it with -ldflags=-w", tagger, err)
	}
	out, err := os.MkdirTemp(tmp, "loadtrace-site")
	if err != nil {
		return "", err
	}
	if err := chrome.CopySite(site, out, "web/tagger.*.wasm", data); err != nil {
		os.RemoveAll(out)
		return "", err
	}
	return out, nil
}

// nameSection returns module's "name" custom section, whole (id, size
// and body), to append to a module with the same functions.
func nameSection(module []byte) ([]byte, error) {
	if len(module) < 8 || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly module")
	}
	at := 8
	for at < len(module) {
		start := at
		id := module[at]
		size, n := binary.Uvarint(module[at+1:])
		if n <= 0 || uint64(len(module)-at-1-n) < size {
			return nil, fmt.Errorf("section at byte %d runs past the end", start)
		}
		body := module[at+1+n : at+1+n+int(size)]
		at += 1 + n + int(size)
		if id != 0 {
			continue
		}
		nameLen, m := binary.Uvarint(body)
		if m > 0 && uint64(len(body)-m) >= nameLen && string(body[m:m+int(nameLen)]) == "name" {
			return module[start:at], nil
		}
	}
	return nil, errors.New("no function names (built with -s?)")
}

package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// siteWithNames copies site to a new folder under tmp with the function
// names of module (web/app.wasm, built without -s) added to the site's
// app.wasm, whose names `glossa site` leaves out, so that a profile says
// which Go functions ran. The site's app.wasm is module prepared for its
// warm-up, with the same functions in the same order: the names apply.
// Its compressed copies are left out, so the server sends the one with
// names.
func siteWithNames(site, module, tmp string) (string, error) {
	raw, err := os.ReadFile(module)
	if err != nil {
		return "", fmt.Errorf("%v: build it with make build", err)
	}
	names, err := nameSection(raw)
	if err != nil {
		return "", fmt.Errorf("%s: %w", module, err)
	}
	out, err := os.MkdirTemp(tmp, "loadtrace-site")
	if err != nil {
		return "", err
	}
	var apps int
	err = filepath.WalkDir(site, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(site, path)
		to := filepath.Join(out, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		base := filepath.Base(path)
		isApp := strings.HasPrefix(base, "app.") && strings.HasSuffix(base, ".wasm")
		if strings.HasPrefix(base, "app.") && (strings.HasSuffix(base, ".wasm.br") || strings.HasSuffix(base, ".wasm.gz")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if isApp {
			apps++
			data = append(data, names...)
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err == nil && apps != 1 {
		err = fmt.Errorf("%s has %d app.*.wasm files, not one", site, apps)
	}
	if err != nil {
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

// The minimal go-app app's build (build/bench/minimal): its WebAssembly
// with Glossa's flags, then its static site, written by the app itself
// run natively, as Glossa's is.

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// buildMinimal builds the minimal go-app app under dir and returns the
// folder of its site (dir/site): GOOS=js GOARCH=wasm go build -trimpath
// -ldflags="-s -w" (make build's flags for app.wasm), then the program
// run natively writes the site, with the wasm_exec.js of the same Go
// toolchain. The go command is $GO, else go.
func buildMinimal(dir string) (site string, err error) {
	goBin := os.Getenv("GO")
	if goBin == "" {
		goBin = "go"
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	goroot, err := exec.Command(goBin, "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOROOT: %w", err)
	}
	wasm := filepath.Join(dir, "app.wasm")
	build := exec.Command(goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./build/bench/minimal")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building its WebAssembly: %v\n%s", err, out)
	}
	gen := filepath.Join(dir, "minimal")
	if out, err := exec.Command(goBin, "build", "-trimpath", "-o", gen, "./build/bench/minimal").CombinedOutput(); err != nil {
		return "", fmt.Errorf("building its site writer: %v\n%s", err, out)
	}
	site = filepath.Join(dir, "site")
	wasmExec := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	if out, err := exec.Command(gen, "-out", site, "-wasm", wasm, "-wasm-exec", wasmExec).CombinedOutput(); err != nil {
		return "", fmt.Errorf("writing its site: %v\n%s", err, out)
	}
	return site, nil
}

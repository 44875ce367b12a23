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

// minimalModule is the reference app's folder: a module of its own, so
// that it links go-app v9.8.0 as published and not the trimmed copy that
// Glossa's go.mod puts in its place (third_party/go-app).
const minimalModule = "build/bench/minimal"

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
	build := exec.Command(goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, ".")
	build.Dir = minimalModule
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building its WebAssembly: %v\n%s", err, out)
	}
	if err := checkStockGoApp(goBin); err != nil {
		return "", err
	}
	gen := filepath.Join(dir, "minimal")
	writer := exec.Command(goBin, "build", "-trimpath", "-o", gen, ".")
	writer.Dir = minimalModule
	if out, err := writer.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building its site writer: %v\n%s", err, out)
	}
	site = filepath.Join(dir, "site")
	wasmExec := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	if out, err := exec.Command(gen, "-out", site, "-wasm", wasm, "-wasm-exec", wasmExec).CombinedOutput(); err != nil {
		return "", fmt.Errorf("writing its site: %v\n%s", err, out)
	}
	return site, nil
}

// checkStockGoApp refuses a reference app that does not build against
// go-app v9.8.0 as published: `go list -m` in its module prints the
// version, with an arrow ("=>") when the module is replaced.
func checkStockGoApp(goBin string) error {
	list := exec.Command(goBin, "list", "-m", goAppModule)
	list.Dir = minimalModule
	out, err := list.Output()
	if err != nil {
		return fmt.Errorf("go list -m %s in %s: %w", goAppModule, minimalModule, err)
	}
	return stockGoApp(string(out))
}

// goAppModule is go-app's module path.
const goAppModule = "github.com/maxence-charriere/go-app/v9"

// stockGoApp reads the output of `go list -m` for go-app and tells
// whether it is v9.8.0, unreplaced.
func stockGoApp(listed string) error {
	got := strings.TrimSpace(listed)
	if got != goAppModule+" v9.8.0" {
		return fmt.Errorf("the minimal go-app app must build against %s v9.8.0 as published, but go list -m says %q: fix %s/go.mod", goAppModule, got, minimalModule)
	}
	return nil
}

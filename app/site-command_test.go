//go:build !wasm

package main

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// goAppLoader returns the app.js go-app writes for Glossa's page.
func goAppLoader(t *testing.T) string {
	t.Helper()
	h := newHandler(siteAssets{Version: "test", AppWASM: "/web/app.0123456789.wasm", Style: "/web/glossa.css", Boot: "/web/boot.js"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/app.js", nil))
	if rec.Code != 200 {
		t.Fatalf("GET /app.js: %d", rec.Code)
	}
	return rec.Body.String()
}

// The loader compiles app.wasm from a plain fetch, then gives the main
// thread back before instantiating it and again before starting Go, and
// starts the tagger once app.wasm is compiled.
func TestYieldingLoader(t *testing.T) {
	js, err := yieldingLoader([]byte(goAppLoader(t)))
	if err != nil {
		t.Fatal(err)
	}
	got := string(js)
	steps := []string{
		`compile(fetch("/web/app.0123456789.wasm"))`,
		`postMessage({ type: "start" })`,
		`setTimeout(resolve, 0)`,
		`WebAssembly.instantiate(module, go.importObject)`,
		`setTimeout(resolve, 0)`,
		`go.run(instance)`,
	}
	at := strings.Index(got, "const compile = WebAssembly.compileStreaming")
	if at < 0 {
		t.Fatalf("the loader does not compile with WebAssembly.compileStreaming:\n%s", got)
	}
	for _, step := range steps {
		i := strings.Index(got[at:], step)
		if i < 0 {
			t.Fatalf("after offset %d, the loader has no %s:\n%s", at, step, got)
		}
		at += i + len(step)
	}
	if strings.Contains(got, "fetchWithProgress(\"/web/app") || strings.Contains(got, "go.run(wasm.instance)") {
		t.Errorf("go-app's own loading is still there:\n%s", got)
	}
}

// A loader the build does not know is refused, naming what to update,
// rather than shipped unchanged.
func TestYieldingLoaderRefusesAnUnknownLoader(t *testing.T) {
	js := strings.Replace(goAppLoader(t), "go.run(wasm.instance);", "go.run(wasm.instance, debug);", 1)
	if _, err := yieldingLoader([]byte(js)); err == nil || !strings.Contains(err.Error(), "update yieldingLoader") {
		t.Fatalf("got %v, want a refusal naming yieldingLoader", err)
	}
}

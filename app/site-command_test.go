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

// compilerScript is the compiler worker's path the tests give the loader.
const compilerScript = "/web/wasm-compiler.0123456789.js"

// The loader lets the article paint, has app.wasm compiled in a worker
// (or, failing that, compiles it itself), starts the tagger once app.wasm
// is compiled, waits (2 s at most) for the worker to compile app.wasm's
// functions, then gives the main thread back before instantiating it and
// again before starting Go.
func TestYieldingLoader(t *testing.T) {
	js, err := yieldingLoader([]byte(goAppLoader(t)), compilerScript)
	if err != nil {
		t.Fatal(err)
	}
	got := string(js)
	steps := []string{
		`const url = "/web/app.0123456789.wasm"`,
		`requestAnimationFrame(() => setTimeout(resolve, 0))`,
		`WebAssembly.compileStreaming(fetch(url))`,
		`new Worker("` + compilerScript + `")`,
		`performance.mark("glossa-wasm-ready", { detail: e.data.ready })`,
		`performance.mark("glossa-wasm-warmed", { detail: e.data.warmed })`,
		`module = await compileInWorker()`,
		`module = await compileHere()`,
		`performance.mark("glossa-wasm-compiled", { detail: where })`,
		`postMessage({ type: "start" })`,
		`await Promise.race([warmedUp, new Promise((resolve) => setTimeout(resolve, 2000))])`,
		`setTimeout(resolve, 0)`,
		`WebAssembly.instantiate(module, go.importObject)`,
		`setTimeout(resolve, 0)`,
		`go.run(instance)`,
	}
	at := 0
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
	if _, err := yieldingLoader([]byte(js), compilerScript); err == nil || !strings.Contains(err.Error(), "update yieldingLoader") {
		t.Fatalf("got %v, want a refusal naming yieldingLoader", err)
	}
}

// The compiler's path goes into a JavaScript string: anything but a plain
// path of the site is refused.
func TestYieldingLoaderRefusesAStrangeCompilerPath(t *testing.T) {
	for _, p := range []string{"", "wasm-compiler.js", "https://elsewhere.example/c.js", "/web/a\"+alert(1)+\".js", "/web/a\nb.js"} {
		if _, err := yieldingLoader([]byte(goAppLoader(t)), p); err == nil {
			t.Errorf("compiler path %q: accepted", p)
		}
	}
}

// The loader registers go-app's service worker and names the web app
// manifest once the first article is tagged (or 15 s have passed), not as
// the page starts.
func TestLaterInstallable(t *testing.T) {
	stock := goAppLoader(t)
	if !strings.Contains(stock, serviceWorkerStart) {
		t.Fatalf("go-app's loader does not register its worker at its start:\n%s", stock)
	}
	js, err := laterInstallable([]byte(stock), "/manifest.webmanifest")
	if err != nil {
		t.Fatal(err)
	}
	got := string(js)
	if strings.Contains(got, serviceWorkerStart) {
		t.Errorf("the service worker is still registered as the page starts:\n%s", got)
	}
	for _, want := range []string{
		`performance.getEntriesByName("glossa-tagged")`,
		`observe({ type: "mark", buffered: true })`,
		`setTimeout(resolve, 15000);
}).then(() => {`,
		`manifest.rel = "manifest";
  manifest.href = "/manifest.webmanifest";
  document.head.append(manifest);
  return goappInitServiceWorker();`,
		"async function goappInitServiceWorker()",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the loader has no %s", want)
		}
	}
	if _, err := laterInstallable(js, "/manifest.webmanifest"); err == nil || !strings.Contains(err.Error(), "update laterInstallable") {
		t.Errorf("a loader without go-app's call: got %v, want a refusal naming laterInstallable", err)
	}
	for _, path := range []string{"manifest.webmanifest", `/a"+alert(1)+"`, "/a</script>", ""} {
		if _, err := laterInstallable([]byte(stock), path); err == nil {
			t.Errorf("manifest path %q: got no error", path)
		}
	}
}

// The served page names no web app manifest: glossa site takes go-app's
// link out, with its attributes in either order, and refuses a page with
// none or more than one.
func TestLaterManifest(t *testing.T) {
	for _, link := range []string{`<link rel="manifest" href="/manifest.webmanifest">`, `<link href="/manifest.webmanifest" rel="manifest">`} {
		page := "<head>\n<link href=\"/web/icon.svg\" rel=\"icon\">\n" + link + "\n<style>p{}</style>\n</head>"
		got, href, err := laterManifest([]byte(page))
		if err != nil {
			t.Fatalf("%s: %v", link, err)
		}
		if want := "<head>\n<link href=\"/web/icon.svg\" rel=\"icon\">\n<style>p{}</style>\n</head>"; string(got) != want || href != "/manifest.webmanifest" {
			t.Errorf("%s: got %q and %q, want %q and /manifest.webmanifest", link, got, href, want)
		}
	}
	for _, page := range []string{
		`<head><link href="/web/icon.svg" rel="icon"></head>`,
		`<head><link rel="manifest" href="/a"><link rel="manifest" href="/b"></head>`,
		`<head><link rel="manifest"></head>`,
		`<head><link rel="manifest" href="/a"`,
	} {
		if _, _, err := laterManifest([]byte(page)); err == nil {
			t.Errorf("%s: got no error", page)
		}
	}
}

// TestUnwantedLink checks what glossa site refuses to ship in app.wasm:
// the regexp package and the export formats, by their functions' names,
// while a package of a similar name, and an init function, pass.
func TestUnwantedLink(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  string // in the error; "" for none
	}{
		{[]string{"main.main", "glossa_annotate_formats_remote.Store.List", "regexp.init"}, ""},
		{[]string{"main.main", "regexp.(*Regexp).doExecute"}, "regexp package"},
		{[]string{"glossa_annotate_formats.FormatByName"}, "export and import formats"},
		{[]string{"archive_zip.(*Writer).Close"}, "archive/zip"},
	} {
		err := unwantedLink(c.names)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%v: %v, want an error naming %q", c.names, err, c.want)
		}
	}
}

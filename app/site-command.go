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
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/app/warmup"
)

// siteCommand writes the complete static site: go-app's prerendered pages
// and scripts, the assets of the web folder under content-hashed names
// (app.wasm prepared for its warm-up, see package warmup), the
// Go toolchain's wasm_exec.js (go-app ships an older copy; the page must
// load the one that matches the compiler that built app.wasm), and a
// brotli and a gzip copy of every compressible file.
func siteCommand(args []string, stderr io.Writer) int {
	flags := flag.NewFlagSet("site", flag.ContinueOnError)
	flags.SetOutput(stderr)
	web := flags.String("web", "web", "folder of static assets, with app.wasm, tagger.wasm, tagger-prose.wasm, extract.wasm, news.model and ner.model built")
	out := flags.String("out", "dist/site", "folder to write the site to (replaced)")
	wasmExec := flags.String("wasm-exec", filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"), "the Go toolchain's wasm_exec.js")
	cache := flags.String("cache", "", "folder that keeps brotli copies between builds, so an unchanged file is not compressed again (none if empty)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if err := writeSite(*web, *out, *wasmExec, *cache, stderr); err != nil {
		fmt.Fprintf(stderr, "glossa site: %v\n", err)
		return 1
	}
	return 0
}

// hashedAssets are the files of the web folder that get content-hashed
// names: they may be cached for ever, since a change renames them.
// news.model is the entity model the worker loads; ner.model, prose's
// compact model, is there for a reader who chooses prose's, with
// tagger-prose.wasm, the tagger that reads it; extract.wasm for a reader
// who adds a web page or a Markdown file, exports or imports.
var hashedAssets = []string{"app.wasm", "tagger.wasm", "tagger-prose.wasm", "extract.wasm", "news.model", "ner.model", "tagger-worker.js", "glossa.css", "boot.js", "wasm-compiler.js"}

func writeSite(web, out, wasmExec, cache string, log io.Writer) error {
	for _, need := range []string{"app.wasm", "tagger.wasm", "tagger-prose.wasm", "extract.wasm", "news.model", "ner.model"} {
		if _, err := os.Stat(filepath.Join(web, need)); err != nil {
			return fmt.Errorf("%s is missing from %s: build it first (make build)", need, web)
		}
	}
	if err := clearSite(out); err != nil {
		return err
	}
	names := make(map[string]string) // asset → its site path
	if err := os.MkdirAll(filepath.Join(out, "web"), 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(web)
	if err != nil {
		return err
	}
	var all []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name := e.Name()
		data, err := os.ReadFile(filepath.Join(web, name))
		if err != nil {
			return err
		}
		if name == "app.wasm" {
			if err := checkAppWasmLinks(data); err != nil {
				return err
			}
			var report warmup.Report
			if data, report, err = warmup.Prepare(data, warmup.Startup()); err != nil {
				return fmt.Errorf("preparing app.wasm for its warm-up: %w", err)
			}
			fmt.Fprintf(log, "glossa site: app.wasm's warm-up: %d functions, first the %d of the %d in app/warmup/startup.txt that it has\n", report.Functions, report.Found, report.Listed)
			if !report.Named {
				fmt.Fprintln(log, "glossa site: app.wasm has no function names (built with -s): its warm-up goes in table order, and the page waits for all of it")
			} else if report.Found < report.Listed*9/10 {
				fmt.Fprintln(log, "glossa site: app/warmup/startup.txt names functions app.wasm no longer has: remake it with `make warmlist`")
			}
		}
		if slices.Contains(hashedAssets, name) {
			sum := sha256.Sum256(data)
			ext := path.Ext(name)
			name = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		}
		names[e.Name()] = "/web/" + name
		all = append(all, names[e.Name()])
		if err := os.WriteFile(filepath.Join(out, "web", name), data, 0o644); err != nil {
			return err
		}
	}
	for _, a := range hashedAssets {
		if names[a] == "" {
			return fmt.Errorf("%s is missing from %s", a, web)
		}
	}
	version := sha256.Sum256([]byte(strings.Join(all, "\n")))
	worker := names["tagger-worker.js"] + "?wasm=" + names["tagger.wasm"] + "&wasm-prose=" + names["tagger-prose.wasm"] + "&extract=" + names["extract.wasm"] +
		"&model=" + names["news.model"] + "&prose=" + names["ner.model"]
	h := newHandler(siteAssets{
		Version:      hex.EncodeToString(version[:8]),
		AppWASM:      names["app.wasm"],
		TaggerWorker: worker,
		Style:        names["glossa.css"],
		Boot:         names["boot.js"],
		Cacheable:    []string{worker, names["tagger.wasm"], names["extract.wasm"], names["news.model"], names["wasm-compiler.js"]},
	})
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return fmt.Errorf("generating pages: %w", err)
	}
	// go-app answers a page that panics while prerendering with a broken
	// page and no error: check the article is there.
	index := filepath.Join(out, "index.html")
	page, err := os.ReadFile(index)
	if err != nil || !strings.Contains(string(page), "<article") {
		return fmt.Errorf("prerendering the sample article failed: %s has no <article> (see the panic above)", index)
	}
	// A Content-Security-Policy <meta> governs only what follows it, and
	// go-app writes raw headers last, after its scripts: move it to the
	// top of <head>, so that it covers everything on any static host.
	if page, err = cspFirst(page); err != nil {
		return err
	}
	page, manifest, err := laterManifest(page)
	if err != nil {
		return err
	}
	sheets := map[string][]byte{}
	for href, file := range map[string]string{"/app.css": filepath.Join(out, "app.css"), names["glossa.css"]: filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(names["glossa.css"], "/")))} {
		if sheets[href], err = os.ReadFile(file); err != nil {
			return err
		}
	}
	if page, err = inlineStyles(page, sheets, contentSecurityPolicy); err != nil {
		return err
	}
	// go-app's viewport <meta> forbids zooming (maximum-scale=1,
	// user-scalable=0), which low-vision readers need (WCAG 1.4.4).
	page = []byte(strings.Replace(string(page), "maximum-scale=1, user-scalable=0, ", "", 1))
	if err := os.WriteFile(index, page, 0o644); err != nil {
		return err
	}
	if err := copyFile(wasmExec, filepath.Join(out, "wasm_exec.js")); err != nil {
		return err
	}
	compiler := names["wasm-compiler.js"]
	if err := rewriteFile(filepath.Join(out, "app.js"), func(js []byte) ([]byte, error) {
		js, err := yieldingLoader(js, compiler)
		if err != nil {
			return nil, err
		}
		return laterInstallable(js, manifest)
	}); err != nil {
		return err
	}
	return precompressTree(out, cache)
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

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// rewriteFile rewrites a file of the site with edit.
func rewriteFile(name string, edit func([]byte) ([]byte, error)) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if data, err = edit(data); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return os.WriteFile(name, data, 0o644)
}

// loaderStart matches go-app's loader (app.js, v9.8.0): it pumps app.wasm
// through a JavaScript stream to show progress, then instantiates it and
// runs Go in the same task.
var loaderStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)const wasm = await instantiateStreaming\(\s*fetchWithProgress\(("[^"]+"), showProgress\),\s*go\.importObject\s*\);\s*go\.run\(wasm\.instance\);`)
})

// yieldingLoader changes go-app's loader so that app.wasm is compiled in
// a worker (the script compiler, web/wasm-compiler.js), which downloads
// it straight into the WebAssembly compiler and posts back the compiled
// module: the page's main thread neither reads the download chunk by
// chunk nor finishes the compilation (go-app's loader pumps the download
// through a JavaScript stream, and its instantiateStreaming compiles and
// instantiates in one task). Where the worker fails, the page compiles
// app.wasm itself.
//
// The worker then compiles the module's functions (its warm-up, see
// package warmup), first those the page calls first as it loads, and the
// page waits for two thirds of these (for all the functions where
// app.wasm lists none), 2 s at most: each would otherwise be compiled on
// its main thread as it is first called, in long tasks. Then it
// instantiates the module and starts Go, giving the main thread back to
// the browser before each: shorter tasks instead of one long one. The
// worker goes on, ahead of the page, with the other functions.
//
// Before all this, it lets the browser paint the article it has (or
// 100 ms pass): the download's work must not hold the first paint back.
// On a first visit it then waits until the first highlights show
// (window.glossaFirstHighlights, 3 s at most): web/boot.js has the tagger
// tag the article shown and draws the highlights as they come. Given both
// cores, the tagger starts in about half the time it takes beside
// app.wasm's compilation, and the reader sees the suggestions before the
// app runs.
// Once app.wasm is compiled, it tells the tagging worker (web/boot.js) to
// compile and start the tagger, where no first visit's tagging has
// started it already: then, not sooner, so that the tagger's
// download and compilation do not slow app.wasm's, and not later, so that
// the tagger is ready about when the UI asks for its first tagging. The
// tagger's compilation and the warm-up then share the cores, while the
// page's main thread waits.
func yieldingLoader(js []byte, compiler string) ([]byte, error) {
	if !loaderStart().Match(js) {
		return nil, errors.New("go-app's loader is not the one this build knows (go-app v9.8.0's app.js): update yieldingLoader")
	}
	if !strings.HasPrefix(compiler, "/web/") || strings.ContainsAny(compiler, "\"'`\\<>\n") {
		return nil, fmt.Errorf("the WebAssembly compiler's path %q is not a plain path of the site", compiler)
	}
	return loaderStart().ReplaceAll(js, []byte(`const url = $1;
    await new Promise((resolve) => { // Glossa: let the article paint first
      requestAnimationFrame(() => setTimeout(resolve, 0));
      setTimeout(resolve, 100);
    });
    await window.glossaFirstHighlights; // Glossa: on a first visit, the tagger's highlights first (web/boot.js)
    const compileHere = async () => WebAssembly.compileStreaming ?
      WebAssembly.compileStreaming(fetch(url)) :
      WebAssembly.compile(await (await fetch(url)).arrayBuffer());
    let warmedUp = Promise.resolve();
    const compileInWorker = () => new Promise((resolve, reject) => {
      const worker = new Worker("`+compiler+`");
      let warm;
      warmedUp = new Promise((done) => { warm = done; });
      worker.onmessage = (e) => {
        if (e.data.ready) { // Glossa: most functions the page calls first are compiled
          performance.mark("glossa-wasm-ready", { detail: e.data.ready });
          warm();
          new PerformanceObserver((list, observer) => { // Glossa: the others once the first article is tagged and the page idles (within 1 s)
            if (performance.getEntriesByName("glossa-tagged").length > 0) {
              observer.disconnect();
              const resume = () => worker.postMessage({ resume: true });
              `+whenIdleJS("resume")+`;
            }
          }).observe({ type: "mark", buffered: true });
        } else if (e.data.warmed) { // Glossa: and all the others
          worker.terminate();
          performance.mark("glossa-wasm-warmed", { detail: e.data.warmed });
          if (e.data.warmed.error) {
            console.warn("compiling app.wasm's functions in a worker failed:", e.data.warmed.error);
          }
          warm();
        } else if (e.data.module) {
          resolve(e.data.module);
        } else {
          worker.terminate();
          warm();
          reject(new Error(e.data.error));
        }
      };
      worker.onerror = (e) => {
        worker.terminate();
        warm();
        reject(new Error(e.message || "the WebAssembly compiler's worker failed"));
      };
      worker.postMessage({ url: new URL(url, location.href).href });
    });
    let module, where = "worker";
    try {
      module = await compileInWorker(); // Glossa: off the main thread
    } catch (err) {
      console.warn("compiling app.wasm in a worker failed, compiling it here:", err);
      module = await compileHere();
      where = "page";
    }
    performance.mark("glossa-wasm-compiled", { detail: where });
    showProgress(100);
    window.glossaTaggerWorker?.postMessage({ type: "start" }); // Glossa: compile the tagger now
    await Promise.race([warmedUp, new Promise((resolve) => setTimeout(resolve, 2000))]); // Glossa: and its first functions
    await new Promise((resolve) => setTimeout(resolve, 0)); // Glossa: a task ends here
    const instance = await WebAssembly.instantiate(module, go.importObject);
    await new Promise((resolve) => setTimeout(resolve, 0)); // Glossa: and here
    go.run(instance);`)), nil
}

// checkAppWasmLinks fails where app.wasm links a package the page's UI
// must not carry (unwantedInUI). A module without function names (built
// with -s) is not checked.
func checkAppWasmLinks(module []byte) error {
	names, err := warmup.FunctionNames(module)
	if err != nil {
		return nil // no names to check
	}
	list := make([]string, 0, len(names))
	for _, name := range names {
		list = append(list, name)
	}
	slices.Sort(list)
	return unwantedLink(list)
}

// unwantedInUI names the packages the UI's WebAssembly must not link, as
// Go names them in a module's function names (a path's slashes written as
// underscores), and why.
var unwantedInUI = []struct{ pkg, why string }{
	// go-app links regexp only for RouteWithRegexp (see
	// third_party/go-app/PATCHES.md), which the UI does not use.
	{"regexp", "the regexp package, 0.5 MB with the Unicode tables its parser names: use strings instead"},
	{"regexp_syntax", "the regexp package, 0.5 MB with the Unicode tables its parser names: use strings instead"},
	// Export and import run in the worker's extractor (see
	// annotate/formats/remote).
	{"glossa_annotate_formats", "the export and import formats, which run in the worker: ask it (annotate/formats/remote)"},
	{"archive_zip", "archive/zip, which only brat export and import need, in the worker"},
}

// unwantedLink fails on the first function name (of a module's) of a
// package in unwantedInUI, but for the init functions a package keeps
// while it is imported.
func unwantedLink(names []string) error {
	for _, name := range names {
		pkg, fn, _ := strings.Cut(name, ".")
		for _, u := range unwantedInUI {
			if pkg == u.pkg && !strings.HasPrefix(fn, "init") {
				return fmt.Errorf("app.wasm links %s (%s): "+
					"find what the UI calls it through (go build -ldflags=-dumpdep), or drop this check", u.why, name)
			}
		}
	}
	return nil
}

// whenIdleJS is JavaScript that calls the function named fn once the
// page's main thread idles, within 1 s (at once where the browser cannot
// say): what the loader starts after the first tagging waits for it, so
// that it leaves the cores to the page while the app draws its tools.
func whenIdleJS(fn string) string {
	return "window.requestIdleCallback ? requestIdleCallback(" + fn + ", { timeout: 1000 }) : setTimeout(" + fn + ", 0)"
}

// serviceWorkerStart is go-app's loader's (app.js, v9.8.0) call that
// registers its service worker as the page starts.
const serviceWorkerStart = "\ngoappInitServiceWorker();\n"

// laterInstallable changes go-app's loader so that what makes Glossa an
// installable, offline app comes once the first article is tagged (the
// page's "glossa-tagged" performance mark, set by markTimings) and the
// page then idles (within 1 s: it draws the tools and the panel first),
// or 15 s have passed, not as the page starts: go-app's service worker,
// and the link to the web app manifest at manifest (which laterManifest
// took out of the served page).
//
// On a first visit the worker's install downloads and stores every file
// of the site again, app.wasm included, and that work competed with
// app.wasm's own download and compilation (app.wasm compiled about 0.4 s
// later with it). And once Chromium has the manifest, its own process
// checks whether the page is an installable app and, on this 2-core
// machine, draws frames of its window (about 55 a second, 0.3 s of its
// main thread and 0.2 s of its compositor's, until about 0.8 s into the
// load), while the page downloads and compiles its WebAssembly. Offline
// use and installing are unchanged: both come during the first visit, a
// few seconds later.
func laterInstallable(js []byte, manifest string) ([]byte, error) {
	if strings.Count(string(js), serviceWorkerStart) != 1 {
		return nil, errors.New("go-app's loader does not register its service worker as this build knows (go-app v9.8.0's app.js): update laterInstallable")
	}
	if !strings.HasPrefix(manifest, "/") || strings.ContainsAny(manifest, "\"'`\\<>\n") {
		return nil, fmt.Errorf("the web app manifest's path %q is not a plain path of the site", manifest)
	}
	return []byte(strings.Replace(string(js), serviceWorkerStart, `
new Promise((resolve) => { // Glossa: once the first article is tagged and the page idles
  const tagged = () => performance.getEntriesByName("glossa-tagged").length > 0;
  new PerformanceObserver((list, observer) => {
    if (tagged()) {
      observer.disconnect();
      `+whenIdleJS("resolve")+`;
    }
  }).observe({ type: "mark", buffered: true });
  setTimeout(resolve, 15000);
}).then(() => {
  const manifest = document.createElement("link"); // Glossa: the manifest now
  manifest.rel = "manifest";
  manifest.href = "`+manifest+`";
  document.head.append(manifest);
  return goappInitServiceWorker();
});
`, 1)), nil
}

// laterManifest takes the link to the web app manifest (go-app's <link
// rel="manifest" href="...">, its attributes in any order) out of page
// and returns its path; laterInstallable has the loader put it back once
// the first article is tagged.
func laterManifest(page []byte) ([]byte, string, error) {
	html := string(page)
	var found []string
	var out strings.Builder
	for {
		at := strings.Index(html, "<link ")
		if at < 0 {
			out.WriteString(html)
			break
		}
		end := strings.IndexByte(html[at:], '>')
		if end < 0 {
			return nil, "", errors.New("the page has a <link that does not end")
		}
		tag := html[at : at+end+1]
		if !strings.Contains(tag, ` rel="manifest"`) {
			out.WriteString(html[:at+end+1])
			html = html[at+end+1:]
			continue
		}
		_, href, _ := strings.Cut(tag, ` href="`)
		href, _, _ = strings.Cut(href, `"`)
		found = append(found, href)
		out.WriteString(strings.TrimRight(html[:at], " \t"))
		html = strings.TrimPrefix(html[at+end+1:], "\n")
	}
	if len(found) != 1 || found[0] == "" {
		return nil, "", fmt.Errorf("the page has %d links to a web app manifest, not go-app's one with its path (go-app v9.8.0's page): update laterManifest", len(found))
	}
	return []byte(out.String()), found[0], nil
}

// cspFirst moves the page's Content-Security-Policy <meta> to just after
// <meta charset>.
func cspFirst(page []byte) ([]byte, error) {
	html := string(page)
	start := strings.Index(html, `<meta http-equiv="Content-Security-Policy"`)
	charset := strings.Index(html, `<meta charset="UTF-8">`)
	if start < 0 || charset < 0 {
		return nil, fmt.Errorf("the page has no Content-Security-Policy or charset <meta>")
	}
	end := start + strings.Index(html[start:], ">") + 1
	meta := html[start:end]
	html = html[:start] + html[end:]
	at := charset + len(`<meta charset="UTF-8">`)
	return []byte(html[:at] + "\n" + meta + html[at:]), nil
}

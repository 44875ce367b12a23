package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"glossa/app/e2e/chrome"
)

// siteURL is the address of the site the tests serve, set by TestMain.
var siteURL string

// repoRoot is the repository's top folder.
var repoRoot = func() string {
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
	}
	return dir
}()

func TestMain(m *testing.M) {
	stop, err := serveSite()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	code := m.Run()
	closeShared()
	stop()
	os.Exit(code)
}

// serveSite serves the built site for the tests.
func serveSite() (stop func(), err error) {
	site := filepath.Join(repoRoot, "dist", "site")
	for _, need := range []string{glossaBin, filepath.Join(site, "index.html")} {
		if _, err := os.Stat(need); err != nil {
			return nil, fmt.Errorf("%s is missing: run make build first (make test does)", need)
		}
	}
	siteURL, stop, err = serve(site)
	return stop, err
}

// glossaBin is the built program.
var glossaBin = filepath.Join(repoRoot, "dist", "glossa")

// brokenSite serves a copy of the built site (chrome.CopySite) with the
// files that match a pattern (path.Match, relative to the site, with
// slashes) replaced, and their precompressed copies removed; it returns
// the copy's address and stops with the test.
func brokenSite(t testing.TB, pattern string, content []byte) string {
	t.Helper()
	dst := t.TempDir()
	if err := chrome.CopySite(filepath.Join(repoRoot, "dist", "site"), dst, pattern, content); err != nil {
		t.Fatal(err)
	}
	addr, stop, err := serve(dst)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return addr
}

// serve starts dist/glossa serve on dir, on a free port of the loopback.
func serve(dir string) (addr string, stop func(), err error) {
	return chrome.Serve(glossaBin, dir)
}

// browser is one headless Chromium with a fresh profile and one tab, and
// what the tab has reported: requests, exceptions, console errors.
type browser struct {
	ctx   context.Context
	close func() // ends the browser (and its profile's use)

	mu         sync.Mutex
	requests   []string
	exceptions []string
	consoleErr []string
}

// browserLimit ends a browser that a test left hanging. It is a safety
// net, not a deadline a test should meet: tests are bounded by what they
// do (their counts of actions), never by the clock, since a busy 2-core
// machine can take many times longer than an idle one.
const browserLimit = 20 * time.Minute

// newBrowser opens a tab with a fresh profile of its own: in tests, a new
// browser context of the run's shared Chromium (starting a Chromium takes
// 1.4 s of a 2-core machine, 54 times over); in benchmarks, a Chromium of
// its own that optimizes WebAssembly as readers' browsers do. It closes
// with the test.
func newBrowser(t testing.TB) *browser {
	t.Helper()
	if _, isTest := t.(*testing.T); !isTest {
		return newBrowserAt(t, t.TempDir())
	}
	shared, err := sharedBrowser()
	if err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	tab, cancel, err := shared.NewProfileTab()
	if err != nil {
		t.Fatalf("opening a tab with a fresh profile: %v", err)
	}
	return watch(t, tab, cancel)
}

// sharedBrowser starts, once, the Chromium whose browser contexts the
// tests' fresh profiles are; TestMain closes it.
var sharedBrowser = sync.OnceValues(func() (*chrome.Browser, error) {
	dir, err := os.MkdirTemp("", "glossa-e2e-profile")
	if err != nil {
		return nil, err
	}
	b, err := chrome.Start(dir, chrome.BaselineWasm())
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	closeShared = func() { b.Close(); os.RemoveAll(dir) }
	return b, nil
})

// closeShared ends the shared Chromium, if one was started.
var closeShared = func() {}

// newBrowserAt starts a Chromium of its own on the profile folder dir: a
// second browser on the same folder sees what the first one stored.
func newBrowserAt(t testing.TB, dir string) *browser {
	t.Helper()
	var opts []chrome.Option
	if _, isTest := t.(*testing.T); isTest {
		opts = append(opts, chrome.BaselineWasm())
	}
	tab, cancel, err := chrome.New(dir, opts...)
	if err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return watch(t, tab, cancel)
}

// watch wraps a tab in a browser that records what the tab reports, and
// closes it (cancel) with the test.
func watch(t testing.TB, tab context.Context, cancel context.CancelFunc) *browser {
	t.Helper()
	ctx, cancelTimeout := context.WithTimeout(tab, browserLimit)
	b := &browser{ctx: ctx, close: func() { cancelTimeout(); cancel() }}
	t.Cleanup(b.close)
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.requests = append(b.requests, ev.Request.URL)
			b.mu.Unlock()
		}
	}()
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			b.mu.Lock()
			b.exceptions = append(b.exceptions, fmt.Sprintf("%s (%s:%d)", msg, d.URL, d.LineNumber))
			b.mu.Unlock()
		}
	}()
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type != runtime.ConsoleAPICalledTypeError {
				continue
			}
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			b.mu.Lock()
			b.consoleErr = append(b.consoleErr, strings.Join(parts, " "))
			b.mu.Unlock()
		}
	}()
	// Record Content-Security-Policy violations in the page itself.
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));`,
	})
	if err != nil {
		t.Fatalf("installing the CSP recorder: %v", err)
	}
	return b
}

// do runs actions, failing the test on error.
func (b *browser) do(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// allowDownloads saves the tab's downloads, in its own profile, to a new
// folder, and returns the folder.
func (b *browser) allowDownloads(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	_, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior:         cdpbrowser.SetDownloadBehaviorBehaviorAllow,
		BrowserContextID: chromedp.FromContext(b.ctx).BrowserContextID,
		DownloadPath:     dir,
		EventsEnabled:    new(true),
	})
	if err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
	return dir
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](t testing.TB, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) {
		p.AwaitPromise = new(true)
	}))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition (a value, or a promise of one)
// until it holds or the timeout ends.
func waitFor(t testing.TB, b *browser, what, cond string, timeout time.Duration) {
	t.Helper()
	if !poll(t, b, cond, timeout) {
		status := eval[string](t, b, `(document.querySelector("#status") || {}).textContent || "(no status)"`)
		t.Fatalf("timed out after %v waiting for %s; status line: %q", timeout, what, status)
	}
}

// poll says whether cond (JavaScript) comes true within timeout.
func poll(t testing.TB, b *browser, cond string, timeout time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		// cond may be a promise (awaited); a page mid-render may lack what
		// cond reads (a TypeError: not yet).
		if eval[bool](t, b, "(async () => { try { return Boolean(await ("+cond+")); } catch (e) { if (e instanceof TypeError) return false; throw e; } })()") {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// checkClean fails the test if the page threw, logged errors, violated its
// CSP or asked any origin but the site's.
func (b *browser) checkClean(t testing.TB) {
	t.Helper()
	violations := eval[[]string](t, b, `window.__cspViolations || []`)
	if len(violations) > 0 {
		t.Errorf("Content-Security-Policy violations: %q", violations)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.exceptions {
		t.Errorf("uncaught exception: %s", e)
	}
	for _, e := range b.consoleErr {
		t.Errorf("console error: %s", e)
	}
	site, _ := url.Parse(siteURL)
	for _, r := range b.requests {
		u, err := url.Parse(r)
		if err != nil {
			t.Errorf("request to an unreadable URL %q", r)
			continue
		}
		if u.Scheme == "data" || u.Scheme == "blob" {
			continue
		}
		if u.Host != site.Host || u.Scheme != site.Scheme {
			t.Errorf("request to another origin: %s", r)
		}
	}
}

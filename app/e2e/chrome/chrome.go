// Package chrome starts what Glossa's browser tests and benchmarks drive:
// Debian's Chromium, headless, with the flags this machine needs and a
// fresh profile (New, which hands back a chromedp tab context; Start, for
// one browser whose tabs each get a profile of their own), and the built
// site served by glossa serve (Serve).
package chrome

import (
	"context"
	"errors"
	"os/exec"
	"strings"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// ErrMissing says Chromium is not installed, and how to install it.
var ErrMissing = errors.New("chromium is not installed: run `apt-get install -y chromium` as root (make test does this)")

// Path finds the chromium executable.
func Path() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrMissing
}

// Option changes how Chromium is started.
type Option func(*options)

type options struct {
	baselineWasm bool
}

// BaselineWasm keeps V8 on its baseline WebAssembly compiler (Liftoff):
// the same results, without optimizing the hot functions in background
// threads. Tests, which check what the page does and not how fast, save a
// second of CPU per page load with it on a 2-core machine; benchmarks must
// not use it, since readers' browsers optimize.
func BaselineWasm() Option { return func(o *options) { o.baselineWasm = true } }

// Browser is one running headless Chromium.
type Browser struct {
	ctx    context.Context // the browser's first tab, in its default profile
	cancel context.CancelFunc
}

// Start starts headless Chromium on the profile folder dir (give a new one
// for a first visit) with one tab open in it. Close ends it.
func Start(dir string, opts ...Option) (*Browser, error) {
	path, err := Path()
	if err != nil {
		return nil, err
	}
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	flags := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.DisableGPU,
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// A headless tab counts as hidden: without these, Chrome throttles
		// its timers to once a second, as for a background tab, which a
		// reader's foreground tab never is (go-app renders on a timer).
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.WindowSize(1280, 900),
	}
	if o.baselineWasm {
		flags = append(flags, chromedp.Flag("js-flags", "--liftoff-only"))
	}
	// Debian's Chromium 148 crashes as it starts in about 1 launch of 30
	// on this machine image (a crashpad report, before DevTools listens):
	// a crash at start is tried again, twice at most.
	for attempt := 1; ; attempt++ {
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), flags...)
		tctx, cancelTab := chromedp.NewContext(actx)
		b := &Browser{ctx: tctx, cancel: func() { cancelTab(); cancelAlloc() }}
		err := prepareTab(tctx)
		if err == nil {
			return b, nil
		}
		b.Close()
		if attempt == 3 || !strings.HasPrefix(err.Error(), "chrome failed to start") {
			return nil, err
		}
	}
}

// Close ends the browser.
func (b *Browser) Close() { b.cancel() }

// Tab returns the browser's first tab, in the profile Start was given.
func (b *Browser) Tab() context.Context { return b.ctx }

// NewProfileTab opens a tab in a new browser context of its own: a fresh,
// in-memory profile (storage, cache, service workers, downloads) that no
// other tab shares, as a new profile folder would be, without a new
// Chromium. cancel closes the tab and discards its profile.
func (b *Browser) NewProfileTab() (ctx context.Context, cancel context.CancelFunc, err error) {
	ctx, cancel = chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	if err := prepareTab(ctx); err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}

// prepareTab opens the tab of ctx, with focus emulated, since a headless
// page never has the window's focus and :focus styles would not apply.
func prepareTab(ctx context.Context) error {
	if err := chromedp.Do(ctx); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	return err
}

// New starts headless Chromium on the profile folder dir (give a new one
// for a first visit) and opens a tab. cancel closes the browser.
func New(dir string, opts ...Option) (ctx context.Context, cancel context.CancelFunc, err error) {
	b, err := Start(dir, opts...)
	if err != nil {
		return nil, nil, err
	}
	return b.Tab(), b.Close, nil
}

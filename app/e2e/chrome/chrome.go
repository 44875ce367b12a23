// Package chrome starts what Glossa's browser tests and benchmarks drive:
// Debian's Chromium, headless, with the flags this machine needs and a
// fresh profile (New, which hands back a chromedp tab context), and the
// built site served by glossa serve (Serve).
package chrome

import (
	"context"
	"errors"
	"os/exec"

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

// New starts headless Chromium on the profile folder dir (give a new one
// for a first visit) and opens a tab. Focus is emulated, since a headless
// page never has the window's focus and :focus styles would not apply.
// cancel closes the browser.
func New(dir string) (ctx context.Context, cancel context.CancelFunc, err error) {
	path, err := Path()
	if err != nil {
		return nil, nil, err
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
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
	)
	tctx, cancelTab := chromedp.NewContext(actx)
	cancel = func() { cancelTab(); cancelAlloc() }
	if err := chromedp.Do(tctx); err != nil {
		cancel()
		return nil, nil, err
	}
	if _, err := chromedp.Call(tctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		cancel()
		return nil, nil, err
	}
	return tctx, cancel, nil
}

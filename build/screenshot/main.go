// Command screenshot saves a PNG of Glossa's page once tagging is done, for
// the README: go run ./build/screenshot -url http://127.0.0.1:8000/ -out docs/screenshot.png
// (make screenshot serves the built site and runs it).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8000/", "page to capture")
	out := flag.String("out", "docs/screenshot.png", "PNG file to write")
	flag.Parse()
	if err := capture(*url, *out); err != nil {
		fmt.Fprintln(os.Stderr, "screenshot:", err)
		os.Exit(1)
	}
}

func capture(url, out string) error {
	dir, err := os.MkdirTemp("", "glossa-shot")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath("chromium"), chromedp.Headless, chromedp.NoSandbox, chromedp.NoFirstRun, chromedp.DisableGPU,
		chromedp.UserDataDir(dir), chromedp.WindowSize(1280, 860),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true))
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`.legend button`)),
		chromedp.Poll[chromedp.Void](`/^Found/.test(document.querySelector("#status").textContent)`, chromedp.WithPollingTimeout(45*time.Second)),
		// The reader selects words: the toolbar shows by them, under the
		// bar that stays on screen.
		chromedp.Evaluate[chromedp.Void](selectWords),
		chromedp.WaitVisible(chromedp.CSS(`.toolbar[role="toolbar"]`)),
		chromedp.Sleep(300*time.Millisecond),
	); err != nil {
		return err
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return err
	}
	return os.WriteFile(out, png, 0o644)
}

// selectWords selects "civil service chiefs" in the article, scrolled a
// little way down, as a reader's drag does.
const selectWords = `(() => {
  const walk = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const i = n.data.indexOf("civil service chiefs");
    if (i < 0) continue;
    const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + "civil service chiefs".length);
    window.scrollBy(0, r.getBoundingClientRect().top - 420);
    const s = getSelection(); s.removeAllRanges(); s.addRange(r);
    document.querySelector(".reading").dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    return;
  }
})()`

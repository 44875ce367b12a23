// Package e2e holds Glossa's end-to-end tests: they serve the built static
// site (make build) with dist/glossa serve and drive Debian's headless
// Chromium through chromedp, doing what a reader does and checking what the
// reader sees. make e2e runs them; they fail, never skip, when the site or
// the browser is missing.
//
// Each test is a first visit: a tab with a profile of its own (a new
// browser context of one Chromium shared by the run, or, for tests that
// restart the browser, a Chromium on a profile folder of its own). Tests
// run WebAssembly on V8's baseline compiler only (chrome.BaselineWasm);
// the benchmarks start a Chromium each, as readers' browsers run.
package e2e

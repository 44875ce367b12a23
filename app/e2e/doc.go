// Package e2e holds Glossa's end-to-end tests: they serve the built static
// site (make build) with dist/glossa serve and drive Debian's headless
// Chromium through chromedp, doing what a reader does and checking what the
// reader sees. make e2e runs them; they fail, never skip, when the site or
// the browser is missing.
package e2e

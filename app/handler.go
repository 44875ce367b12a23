package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// contentSecurityPolicy allows this origin only: scripts from files (no
// inline script, no eval; 'wasm-unsafe-eval' only compiles WebAssembly),
// styles from files, and no request to any other origin.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
	"worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

// newHandler returns go-app's handler for Glossa's pages. version names the
// build (the service worker's cache key).
func newHandler(version string) *app.Handler {
	return &app.Handler{
		Name:         "Glossa",
		ShortName:    "Glossa",
		Title:        "Glossa — article annotator",
		Description:  "Read a news article with its named entities highlighted; annotate it privately, in your browser.",
		Lang:         "en",
		Version:      version,
		LoadingLabel: "Starting Glossa… {progress}%",
		Icon: app.Icon{
			Default: "/web/icon-192.png",
			Large:   "/web/icon-512.png",
			SVG:     "/web/icon.svg",
		},
		BackgroundColor: "#ffffff",
		ThemeColor:      "#1f3a5f",
		Styles:          []string{"/web/glossa.css"},
		CacheableResources: []string{
			"/web/tagger-worker.js",
			"/web/tagger.wasm",
		},
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy + `">`,
			`<meta name="referrer" content="no-referrer">`,
		},
	}
}

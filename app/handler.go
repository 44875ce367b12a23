//go:build !wasm

package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate/library"
)

// contentSecurityPolicy allows this origin only: scripts from files (no
// inline script, no eval; 'wasm-unsafe-eval' only compiles WebAssembly),
// styles from files (glossa site adds the hashes of the stylesheets it
// writes into the page: inlineStyles), and no request to any other origin.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
	"worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

// uncompressedLengthHeader carries a file's size before compression, so
// go-app's loader shows true progress for a compressed app.wasm.
const uncompressedLengthHeader = "X-Uncompressed-Length"

// siteAssets names the built assets: their content-hashed paths, which
// may be cached for ever.
type siteAssets struct {
	Version      string // names the build: the service worker's cache key
	AppWASM      string // the UI
	TaggerWorker string // the worker script, with the tagger's URL in its query
	Style        string // Glossa's stylesheet
	Boot         string // the script that starts the tagger early
	Cacheable    []string
}

// siteResources tells go-app where the hashed app.wasm is; other paths are
// at the site's root.
type siteResources struct{ appWASM string }

func (r siteResources) Package() string { return "" }
func (r siteResources) Static() string  { return "" }
func (r siteResources) AppWASM() string { return r.appWASM }

// newHandler returns go-app's handler for Glossa's pages.
func newHandler(a siteAssets) *app.Handler {
	return &app.Handler{
		Name:         "Glossa",
		ShortName:    "Glossa",
		Title:        "Glossa — article annotator",
		Description:  "Read a news article with its named entities highlighted; annotate it privately, in your browser.",
		Lang:         "en",
		Version:      a.Version,
		LoadingLabel: "Starting Glossa… {progress}%",
		Icon: app.Icon{
			Default: "/web/icon-192.png",
			Large:   "/web/icon-512.png",
			SVG:     "/web/icon.svg",
		},
		BackgroundColor:         "#ffffff",
		ThemeColor:              "#1f3a5f",
		Resources:               siteResources{appWASM: a.AppWASM},
		Styles:                  []string{a.Style},
		Scripts:                 []string{a.Boot + " defer"},
		Env:                     app.Environment{envTaggerWorker: a.TaggerWorker, envLibrary: library.DatabaseName},
		WasmContentLengthHeader: uncompressedLengthHeader,
		CacheableResources:      a.Cacheable,
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy + `">`,
			`<meta name="referrer" content="no-referrer">`,
		},
	}
}

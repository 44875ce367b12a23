// Command minimal is the reference row of Glossa's browser benchmark
// (build/bench): the smallest go-app v9.8.0 app worth the name, one
// component rendering the sample article's headline and first paragraph,
// with go-app's stock loader, page, service worker and wasm_exec.js (the
// Go toolchain's, as Glossa ships). It shows what any go-app app costs to
// start, so Glossa's start can be judged against it.
//
// The same program is built twice, as Glossa is: as WebAssembly
// (GOOS=js GOARCH=wasm, -trimpath -ldflags="-s -w") it is the app; natively
// it writes the static site:
//
//	minimal -wasm app.wasm -wasm-exec $(go env GOROOT)/lib/wasm/wasm_exec.js -out DIR
//
// The benchmark builds both and serves DIR with `glossa serve`, behind the
// same byte-counting proxy as Glossa.
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The sample article's headline and first paragraph
// (app/sample/kaspersky-uk-warning.txt), copied so that the app embeds
// nothing else.
const (
	headline  = "Amid Concerns Of Russian “Snooping”, UK Warns Government Agencies To Not Use Kaspersky Software"
	paragraph = "The National Cyber Security Centre (NSSC) – Britain's cybersecurity agency – has told government " +
		"departments not to use antivirus software from Moscow-based Kaspersky Lab amid concerns about Russian snooping."
)

// page renders the heading and the paragraph.
type page struct{ app.Compo }

func (p *page) Render() app.UI {
	return app.Main().Body(
		app.Article().Body(
			app.H1().Text(headline),
			app.P().Text(paragraph),
		),
	)
}

func main() {
	app.Route("/", &page{})
	app.RunWhenOnBrowser()
	os.Exit(writeSiteCommand(os.Args[1:]))
}

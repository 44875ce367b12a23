// Command glossa is Glossa, the in-browser article annotator. The same
// program is built twice: as WebAssembly (web/app.wasm) it is the reader's
// app in the browser; natively it is the command line:
//
//	glossa serve [-addr 127.0.0.1:8000] [-dir SITE]   serve the static site
//	glossa site -web DIR -out DIR                       write the static site
//	glossa annotate [--jsonl] [FILE...]                 tag articles natively
//	glossa pipeline --input=GLOB --output=PREFIX        tag a corpus with Beam (glossa-pipeline)
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	app.Route("/", &articlePage{})
	app.Handle(actionTag, handleTag)
	if app.IsClient {
		// Glossa persists no go-app state: go-app need not read the
		// browser's localStorage, whose first use blocks the page.
		app.DisablePersistentStates()
		lib.startOpening()
		// On a first visit the sample opens, and is tagged: the tagger
		// starts on it now, while go-app renders the page.
		if sampleFirstKnown() {
			if text, err := sampleText(); err == nil {
				taggerWorker().tagAhead(text)
			}
		}
		// Hand the main thread back to the browser between the Go
		// runtime's start and go-app's first render, and again after
		// what that render starts from is made (OnInit: the sample's
		// document and, on a first visit, the entities the tagger has
		// found in it so far), so that the three make shorter tasks
		// instead of one long one.
		yieldToBrowser()
		taggingStarted(sampleDocument())
		yieldToBrowser()
	}
	app.RunWhenOnBrowser()
	os.Exit(runCommand(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

package main

import (
	"errors"
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
	"glossa/annotate/formats/remote"
	"glossa/annotate/library"
)

// taggerEvents receives one tagging job's progress from the worker.
type taggerEvents struct {
	status func(status string)
	block  func(block int, ents []annotate.Entity)
	done   func(res taggedDoc)
	fail   func(msg string)
	// caughtUp, if set, is called once the messages of a job posted
	// ahead (tagAhead), come before the page asked, have been told.
	caughtUp func()
}

// taggedDoc is what the worker says when a document is tagged.
type taggedDoc struct {
	ms          float64 // tagging time in the worker
	recognizer  string  // names the recognizer and its model
	claims      []annotate.ClaimSuggestion
	claimFinder string // names what found the claims
}

// workerTagger talks to the tagging worker (web/tagger-worker.js).
type workerTagger struct {
	worker app.Value
	// Listeners live as long as the page: the worker is shared by every
	// tagging job and never released.
	onMessage, onError app.Func
	jobs               map[int]taggerEvents
	extracts           map[int]func(text, problem string)
	calls              map[int]func(reply app.Value, problem string) // model and learning requests
	nextJob            int
	failed             bool // the worker's script failed to load
	// library is what the worker reads while it exports or imports.
	library library.Store
	// ahead is a job posted before the page asked for it (tagAhead).
	ahead *aheadJob
}

// aheadJob is a tagging job posted before the page asked for it: the
// worker's messages about it wait here until tag asks for the same text.
type aheadJob struct {
	text string
	job  int
	msgs []app.Value
	// ents are the entities of msgs' block messages, decoded once
	// (entitiesAhead, which the first render, the library's tagging and
	// the catch-up all call): ents[i] is msgs[i]'s, nil until decoded.
	ents  [][]annotate.Entity
	taken bool // a tag call for the text has it (catchUp)
}

// blockEntities returns the entities of msgs[i], a block message,
// decoding them the first time.
func (a *aheadJob) blockEntities(i int) ([]annotate.Entity, error) {
	if i < len(a.ents) && a.ents[i] != nil {
		return a.ents[i], nil
	}
	ents, err := library.DecodeEntities([]byte(jsString(a.msgs[i].Get("entities"))))
	if err != nil {
		return nil, err
	}
	if ents == nil {
		ents = []annotate.Entity{}
	}
	for len(a.ents) <= i {
		a.ents = append(a.ents, nil)
	}
	a.ents[i] = ents
	return ents, nil
}

// errTaggerScript says why tagging cannot start when the worker's own
// script did not load.
const errTaggerScript = "the tagger could not start (its script failed to load)"

var sharedTagger *workerTagger

// taggerWorker returns the page's tagging worker, starting it on first use.
func taggerWorker() *workerTagger {
	if sharedTagger != nil {
		return sharedTagger
	}
	t := &workerTagger{jobs: make(map[int]taggerEvents), extracts: make(map[int]func(text, problem string)),
		calls: make(map[int]func(reply app.Value, problem string))}
	// web/boot.js starts the worker as the page loads; take it over.
	t.worker = app.Window().Get("glossaTaggerWorker")
	t.failed = app.Window().Get("glossaTaggerFailed").Truthy()
	if !t.worker.Truthy() {
		t.worker = app.Window().Get("Worker").New(app.Getenv(envTaggerWorker))
		app.Window().Set("glossaTaggerWorker", t.worker) // boot.js then starts none
	}
	t.onMessage = app.FuncOf(func(_ app.Value, args []app.Value) any {
		t.receive(args[0].Get("data"))
		return nil
	})
	t.onError = app.FuncOf(func(_ app.Value, args []app.Value) any {
		t.failed = true
		for id, ev := range t.jobs {
			ev.fail(errTaggerScript)
			delete(t.jobs, id)
		}
		for id, done := range t.calls {
			done(nil, errTaggerScript)
			delete(t.calls, id)
		}
		return nil
	})
	t.worker.Call("addEventListener", "message", t.onMessage)
	t.worker.Call("addEventListener", "error", t.onError)
	sharedTagger = t
	return t
}

// tagAhead sends text to the worker before the page asks for its
// tagging, so that the worker tags it while the page renders: the tag
// call for the same text that comes next gets the job's progress from
// the start. Only one job goes ahead; a tag call for another text drops
// its results. Where web/boot.js had the same text tagged before the app
// ran (a first visit: window.glossaFirstTagging), that job is the one
// ahead, with the messages it has had; boot.js leaves the rest to the
// page.
func (t *workerTagger) tagAhead(text string) {
	if t.failed || t.ahead != nil {
		return
	}
	if first := app.Window().Get("glossaFirstTagging"); first.Truthy() && !first.Get("adopted").Truthy() &&
		jsString(first.Get("text")) == text {
		first.Set("adopted", true)
		a := &aheadJob{text: text, job: first.Get("job").Int()}
		msgs := first.Get("msgs")
		for i := range msgs.Length() {
			a.msgs = append(a.msgs, msgs.Index(i))
		}
		t.ahead = a
		return
	}
	t.nextJob++
	t.ahead = &aheadJob{text: text, job: t.nextJob}
	t.worker.Call("postMessage", map[string]any{"type": "tag", "job": t.nextJob, "text": text})
}

// entitiesAhead returns the entities the worker has found so far in the
// job posted ahead for text (tagAhead: on a first visit, web/boot.js's,
// whose highlights the page already shows), with the number of blocks
// they cover, or nothing.
func (t *workerTagger) entitiesAhead(text string) (ents []annotate.Entity, blocks int) {
	a := t.ahead
	if a == nil || a.text != text {
		return nil, 0
	}
	for i, msg := range a.msgs {
		if jsString(msg.Get("type")) != "block" {
			continue
		}
		found, err := a.blockEntities(i)
		if err != nil {
			return nil, 0 // the tagging's own events report it
		}
		ents = append(ents, found...)
		blocks = max(blocks, msg.Get("block").Int()+1)
	}
	return ents, blocks
}

// tag sends text to the worker; ev hears of its progress.
func (t *workerTagger) tag(text string, ev taggerEvents) {
	if t.failed {
		ev.fail(errTaggerScript)
		return
	}
	if a := t.ahead; a != nil {
		if a.text == text && !a.taken {
			// The messages come before are told in a task of their own,
			// after the one that asked (the app's first render, on a
			// first visit, which shows their entities already:
			// taggingStarted); those that come meanwhile join them.
			a.taken = true
			go func() {
				yieldToBrowser()
				t.catchUp(a, ev)
			}()
			return
		}
		t.ahead = nil // another tagging came first: catchUp gives up
	}
	t.nextJob++
	t.jobs[t.nextJob] = ev
	t.worker.Call("postMessage", map[string]any{"type": "tag", "job": t.nextJob, "text": text})
}

// catchUp gives ev the messages of the job posted ahead, a, then those to
// come, unless a tagging of another text came since.
func (t *workerTagger) catchUp(a *aheadJob, ev taggerEvents) {
	if t.ahead != a {
		return
	}
	t.ahead = nil
	t.jobs[a.job] = ev
	for i, msg := range a.msgs {
		if _, open := t.jobs[a.job]; !open {
			break
		}
		if i < len(a.ents) && a.ents[i] != nil {
			ev.block(msg.Get("block").Int(), a.ents[i]) // decoded already
			continue
		}
		t.receive(msg)
	}
	if _, open := t.jobs[a.job]; open && ev.caughtUp != nil {
		ev.caughtUp()
	}
}

// extract asks the worker for the article text of a file of a kind
// ("html" or "markdown"); done gets the text, or why there is none.
func (t *workerTagger) extract(kind string, page []byte, done func(text, problem string)) {
	if t.failed {
		done("", errTaggerScript)
		return
	}
	t.nextJob++
	t.extracts[t.nextJob] = done
	t.worker.Call("postMessage", map[string]any{"type": "extract", "job": t.nextJob, "kind": kind, "bytes": jsBytes(page).Get("buffer")})
}

// useModel makes the worker tag with a model from now on: "news" (the
// default), "prose", or "file" with the model file's bytes. done gets the
// model's name as the recognizer gives it and whether it learns from the
// reader's corrections, or why it did not load.
func (t *workerTagger) useModel(source string, file []byte, done func(recognizer string, learns bool, problem string)) {
	if t.failed {
		done("", false, errTaggerScript)
		return
	}
	msg := map[string]any{"type": "model", "source": source}
	if source == "file" {
		msg["bytes"] = jsBytes(file).Get("buffer")
	}
	t.call(msg, func(reply app.Value, problem string) {
		if problem != "" {
			done("", false, problem)
			return
		}
		done(jsString(reply.Get("recognizer")), reply.Get("learns").Truthy(), "")
	})
}

// call sends the worker a request that it answers once; done gets the
// answer, or why there is none.
func (t *workerTagger) call(msg map[string]any, done func(reply app.Value, problem string)) {
	if t.failed {
		done(nil, errTaggerScript)
		return
	}
	t.nextJob++
	t.calls[t.nextJob] = done
	msg["job"] = t.nextJob
	t.worker.Call("postMessage", msg)
}

// exchange sends the worker an export or import request (see
// exchange.go); while it works, the worker reads the library from store
// (remote.Serve answers its questions). done gets the answer, or why there
// is none.
func (t *workerTagger) exchange(store library.Store, msg map[string]any, done func(reply app.Value, err error)) {
	t.library = store
	t.call(msg, func(reply app.Value, problem string) {
		if problem != "" {
			done(nil, errors.New(problem))
			return
		}
		done(reply, nil)
	})
}

// answer answers the worker's question about the library (msg: {ask,
// method, arg}), off the JavaScript callback: reading the library waits
// on the browser's database.
func (t *workerTagger) answer(msg app.Value) {
	ask, method, arg, store := msg.Get("ask").Int(), jsString(msg.Get("method")), jsString(msg.Get("arg")), t.library
	go func() {
		reply := map[string]any{"type": "answer", "ask": ask}
		var err error = errNoLibrary
		if store != nil {
			reply["answer"], err = remote.Serve(store, method, arg)
		}
		if err != nil {
			reply["fault"] = remote.EncodeFault(err)
		}
		t.send(reply)
	}()
}

// errNoLibrary answers a question of the worker before any export or
// import gave it a library to read.
var errNoLibrary = errors.New("the page has no library open for the worker to read")

// send sends the worker a message it does not answer.
func (t *workerTagger) send(msg map[string]any) {
	if !t.failed {
		t.worker.Call("postMessage", msg)
	}
}

// receive handles one message from the worker.
func (t *workerTagger) receive(msg app.Value) {
	if msg.Get("type").String() == "ask" {
		t.answer(msg)
		return
	}
	job := msg.Get("job").Int()
	if a := t.ahead; a != nil && job == a.job {
		a.msgs = append(a.msgs, msg)
		return
	}
	if done, ok := t.calls[job]; ok {
		delete(t.calls, job)
		if msg.Get("type").String() == "error" {
			done(nil, jsString(msg.Get("message")))
		} else {
			done(msg, "")
		}
		return
	}
	if msg.Get("type").String() == "extracted" {
		if done, ok := t.extracts[job]; ok {
			delete(t.extracts, job)
			done(jsString(msg.Get("text")), jsString(msg.Get("error")))
		}
		return
	}
	ev, ok := t.jobs[job]
	if !ok {
		return
	}
	switch msg.Get("type").String() {
	case "status":
		ev.status(msg.Get("status").String())
	case "block":
		ents, err := library.DecodeEntities([]byte(msg.Get("entities").String()))
		if err != nil {
			ev.fail(fmt.Sprintf("the tagger sent entities that cannot be read: %v", err))
			delete(t.jobs, job)
			return
		}
		ev.block(msg.Get("block").Int(), ents)
	case "done":
		res := taggedDoc{ms: msg.Get("ms").Float(), recognizer: jsString(msg.Get("recognizer")), claimFinder: jsString(msg.Get("claimFinder"))}
		claims, err := library.DecodeClaims([]byte(jsString(msg.Get("claims"))))
		res.claims = claims
		if err != nil {
			ev.fail(fmt.Sprintf("the tagger sent claims that cannot be read: %v", err))
			delete(t.jobs, job)
			return
		}
		ev.done(res)
		delete(t.jobs, job)
	case "error":
		ev.fail(msg.Get("message").String())
		delete(t.jobs, job)
	}
}

// jsBytes returns b as a new Uint8Array.
func jsBytes(b []byte) app.Value {
	arr := app.Window().Get("Uint8Array").New(len(b))
	app.CopyBytesToJS(arr, b)
	return arr
}

// goBytes returns the bytes of a Uint8Array; nil for anything else.
func goBytes(v app.Value) []byte {
	if v == nil || !v.InstanceOf(app.Window().Get("Uint8Array")) {
		return nil
	}
	b := make([]byte, v.Length())
	app.CopyBytesToGo(b, v)
	return b
}

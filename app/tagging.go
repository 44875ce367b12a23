package main

import (
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// Tagging: the action that finds an article's entities in the tagging
// worker, and the state that reports its progress and results.
const (
	// actionTag starts tagging; its value is a tagRequest.
	actionTag = "tag"
	// stateTagging holds a taggingState.
	stateTagging = "tagging"
)

// taggingStatus says where tagging is.
type taggingStatus int

const (
	taggingNotStarted taggingStatus = iota
	taggingLoadingModel
	taggingRunning
	taggingDone
	taggingFailed
)

// taggingState is the progress and result of tagging one document.
type taggingState struct {
	DocID      string // the document tagged
	Status     taggingStatus
	Entities   []annotate.Entity // found so far, in document order
	BlocksDone int
	Millis     float64 // tagging time in the worker, once done
	Saved      bool    // the entities are kept with the document (an earlier tagging's, or this one's once stored)
	Recognizer string  // names the recognizer and its model
	// Claims are who said what, found once the entities are (nil until
	// then), by ClaimFinder.
	Claims      []annotate.ClaimSuggestion
	ClaimFinder string
	Err         string // why tagging failed, for the reader
}

// tagRequest asks for a document's entities.
type tagRequest struct {
	DocID string // annotate.Document.ID
	Text  string
}

// publishEvery is the longest time a block's entities wait before they are
// shown: results are published in batches, so a long article re-renders a
// few times a second, not once per paragraph.
const publishEvery = 100 * time.Millisecond

// handleTag tags the text in the worker and publishes the progress as
// stateTagging, block by block. (The page shows entities kept with a
// document without asking for tagging.)
func handleTag(ctx app.Context, a app.Action) {
	req, ok := a.Value.(tagRequest)
	if !ok || app.IsServer {
		return // prerendering on the server shows the article untagged
	}
	// st belongs to the UI goroutine (publish); the worker's callbacks
	// keep the batch of entities not yet published.
	// (The library has published the state as tagging starts:
	// taggingStarted.)
	st := taggingState{DocID: req.DocID, Status: taggingLoadingModel}
	// Changes made before the UI goroutine applies the first of them are
	// applied with it, in one state change: the messages of a job posted
	// ahead come all at once (caughtUp), and the page, which already
	// shows their entities (taggingStarted), must not show a state
	// without them in between.
	var mu sync.Mutex
	var changes []func(*taggingState)
	publish := func(change func(*taggingState)) {
		mu.Lock()
		changes = append(changes, change)
		first := len(changes) == 1
		mu.Unlock()
		if !first {
			return
		}
		ctx.Dispatch(func(ctx app.Context) {
			mu.Lock()
			todo := changes
			changes = nil
			mu.Unlock()
			for _, change := range todo {
				change(&st)
			}
			ctx.SetState(stateTagging, st)
		})
	}
	var pending []annotate.Entity
	var lastPublish time.Time
	lastBlock := -1
	flush := func() func(*taggingState) {
		batch := pending
		pending = nil
		lastPublish = time.Now()
		return func(st *taggingState) {
			st.Entities = append(st.Entities[:len(st.Entities):len(st.Entities)], batch...)
		}
	}
	taggerWorker().tag(req.Text, taggerEvents{
		status: func(status string) {
			publish(func(st *taggingState) {
				if status == "tagging" {
					st.Status = taggingRunning
				}
			})
		},
		block: func(block int, ents []annotate.Entity) {
			pending = append(pending, ents...)
			lastBlock = block
			// The first entities show at once; later ones in batches.
			if len(pending) == 0 || !lastPublish.IsZero() && time.Since(lastPublish) < publishEvery {
				return
			}
			add := flush()
			publish(func(st *taggingState) {
				add(st)
				st.BlocksDone = block + 1
			})
		},
		caughtUp: func() {
			if len(pending) == 0 {
				return
			}
			add, blocks := flush(), lastBlock+1
			publish(func(st *taggingState) {
				add(st)
				st.BlocksDone = blocks
			})
		},
		done: func(res taggedDoc) {
			add := flush()
			ctx.Dispatch(func(ctx app.Context) {
				add(&st)
				st.Status = taggingDone
				st.Millis = res.ms
				st.Recognizer = res.recognizer
				st.Claims, st.ClaimFinder = res.claims, res.claimFinder
				if st.Claims == nil {
					st.Claims = []annotate.ClaimSuggestion{}
				}
				ctx.SetState(stateTagging, st)
				lib.taggingEnded(ctx, st)
			})
		},
		fail: func(msg string) {
			publish(func(st *taggingState) {
				st.Status = taggingFailed
				st.Err = msg
				lib.taggingEnded(ctx, *st)
			})
		},
	})
}

// taggingStarted is the tagging state of doc as its tagging starts: the
// model loading, or, where the worker has tagged some of it already (a
// first visit: web/boot.js had the article the page served tagged, and
// shows the highlights), those entities, the tagging running. The page
// then never draws the article without the highlights it showed.
func taggingStarted(doc *annotate.Document) taggingState {
	st := taggingState{DocID: doc.ID, Status: taggingLoadingModel}
	if app.IsServer || sharedTagger == nil {
		return st
	}
	if ents, blocks := sharedTagger.entitiesAhead(doc.Text.String()); blocks > 0 {
		st.Status, st.Entities, st.BlocksDone = taggingRunning, ents, blocks
	}
	return st
}

// taggingOf returns the tagging of doc: empty for no document, or while
// the last tagging is of another document.
func taggingOf(ctx app.Context, doc *annotate.Document) taggingState {
	var st taggingState
	ctx.GetState(stateTagging, &st)
	if doc == nil || st.DocID != "" && st.DocID != doc.ID {
		return taggingState{}
	}
	return st
}

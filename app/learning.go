package main

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/ner/news/learn/wire"
)

// Learning: the entity model learns from the reader's corrections, in the
// tagging worker. After every decision about the open article — a
// suggestion accepted, rejected or relabelled, an entity marked by hand —
// the worker updates what it learned on the model it runs (the base model
// stays as it is), and the page keeps what was learned in the library
// (library.Learned records), so it survives a reload, an export and an
// import. The reader can re-tag the open article or the whole library with
// what was learned, switch learning off, and forget what was learned (with
// undo).
const (
	actionSetLearning = "set-learning"    // bool: learn and tag with what was learned, or not
	actionRetag       = "retag"           // retagScope
	actionForget      = "forget-learning" // no value
	actionUndoForget  = "undo-forget"     // no value
	// stateLearning holds a learningState.
	stateLearning = "learning"
)

// retagScope says what to tag again.
type retagScope string

const (
	retagArticle retagScope = "article"
	retagLibrary retagScope = "library"
)

// learningState is what the reader sees of the learning.
type learningState struct {
	On          bool   // learning, and tagging with what was learned
	Available   bool   // the model the tagger runs learns (Glossa's news models do; prose's does not)
	Corrections int    // the reader's decisions what was learned comes from
	Busy        string // what is under way ("Re-tagging 3 of 40 articles…"), if anything
	Forgotten   int    // the corrections just forgotten, while undo can bring them back
}

// learningFeature is the learning feature.
type learningFeature struct {
	st        learningState
	records   []library.Learned // what the library keeps, read when it opened
	forgotten []library.Learned // for undo
	inFlight  bool              // a learn request is with the worker
	again     bool              // the reader decided more meanwhile
}

// learning is the page's learning feature.
var learning = &learningFeature{st: learningState{On: true}}

// mount registers the learning's actions on the page.
func (l *learningFeature) mount(ctx app.Context) {
	ctx.Handle(actionSetLearning, l.handleSetLearning)
	ctx.Handle(actionRetag, l.handleRetag)
	ctx.Handle(actionForget, l.handleForget)
	ctx.Handle(actionUndoForget, l.handleUndoForget)
}

func (l *learningFeature) publish(ctx app.Context) { ctx.SetState(stateLearning, l.st) }

// modelLoaded hears that the tagger runs a model: one that learns gets
// what the library keeps of what was learned on it, before it tags.
func (l *learningFeature) modelLoaded(ctx app.Context, learns bool) {
	l.st.Available, l.st.Corrections = learns, 0
	l.publish(ctx)
	w := taggerWorker()
	w.send(map[string]any{"type": "learning", "on": l.st.On})
	if !learns {
		return
	}
	w.call(map[string]any{"type": "learn-load", "records": jsBytes(wire.EncodeRecords(l.records))}, func(reply app.Value, problem string) {
		ctx.Dispatch(func(ctx app.Context) {
			if problem == "" {
				l.st.Corrections = reply.Get("corrections").Int()
				if p := jsString(reply.Get("problem")); p != "" {
					say(ctx, "Some of what the model learned cannot be read and is left out: "+p)
				}
			}
			l.publish(ctx)
		})
	})
}

// reload reads again what the library keeps of what was learned (after
// an import, which may bring some) and hands it to the tagger.
func (l *learningFeature) reload(ctx app.Context) {
	ls, ok := lib.store.(library.LearnedStore)
	if !ok {
		return
	}
	ctx.Async(func() {
		recs, _, err := ls.Learned()
		ctx.Dispatch(func(ctx app.Context) {
			if err == nil {
				l.records = recs
				l.modelLoaded(ctx, l.st.Available)
			}
		})
	})
}

// learn sends the worker the reader's decisions about the open article,
// after an edit; a request already under way is followed by one more.
func (l *learningFeature) learn(ctx app.Context, w annotate.Workspace) {
	if !l.st.On || !l.st.Available {
		return
	}
	if l.inFlight {
		l.again = true
		return
	}
	l.inFlight = true
	var rejected []annotate.SuggestionKey
	for k, ok := range w.Rejected {
		if ok && k.Label != annotate.Claim {
			rejected = append(rejected, k)
		}
	}
	decisions, _ := wire.Decisions{Text: w.Doc.Text.String(), Notes: w.Notes, Rejected: rejected}.MarshalBinary()
	taggerWorker().call(map[string]any{"type": "learn", "decisions": jsBytes(decisions)}, func(reply app.Value, problem string) {
		ctx.Dispatch(func(ctx app.Context) {
			l.inFlight = false
			if problem != "" {
				app.Log("glossa: learning:", problem)
				return
			}
			l.st.Corrections = reply.Get("corrections").Int()
			l.publish(ctx)
			if recs, err := wire.ParseRecords(goBytes(reply.Get("record"))); err == nil && len(recs) == 1 {
				l.keep(ctx, recs[0])
			}
			if l.again {
				l.again = false
				l.learn(ctx, editing.st.History.Current())
			}
		})
	})
}

// keep saves what was learned in the library.
func (l *learningFeature) keep(ctx app.Context, rec library.Learned) {
	store := lib.store
	if store == nil {
		return
	}
	ctx.Async(func() {
		err := store.Apply(library.Change{PutLearned: []library.Learned{rec}})
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "What the model learned is not saved", err)
			}
		})
	})
}

// handleSetLearning switches learning on or off, saves the choice and
// tags the open article again, with or without what was learned.
func (l *learningFeature) handleSetLearning(ctx app.Context, a app.Action) {
	on, _ := a.Value.(bool)
	l.st.On = on
	l.publish(ctx)
	taggerWorker().send(map[string]any{"type": "learning", "on": on})
	settings.st.Prefs.Learning = &on
	settings.publish(ctx)
	settings.save(ctx, pick(on, "Learning from your corrections is on.", "Learning from your corrections is off: the model tags as it was trained."))
	if doc := editing.st.Doc; doc != nil {
		lib.tag(ctx, doc)
	}
}

// handleRetag tags the open article, or every article of the library, again
// with the model and what it learned. The reader's annotations and
// decisions stay: a suggestion they rejected stays rejected.
func (l *learningFeature) handleRetag(ctx app.Context, a app.Action) {
	scope, _ := a.Value.(retagScope)
	doc := editing.st.Doc
	if doc == nil || !lib.ready(ctx, a) {
		return
	}
	if scope == retagArticle {
		lib.tag(ctx, doc)
		return
	}
	store := lib.store
	ctx.Async(func() {
		docs, _, err := store.List()
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Not re-tagged", err)
				return
			}
			l.retagNext(ctx, docs, 0)
		})
	})
}

// retagNext tags the library's articles from the i-th on, one after the
// other, keeping what is found with each; the open one shows it.
func (l *learningFeature) retagNext(ctx app.Context, docs []library.DocMeta, i int) {
	if i == len(docs) {
		l.st.Busy = ""
		l.publish(ctx)
		say(ctx, fmt.Sprintf("Re-tagged %s.", plural(len(docs), "article", "articles")))
		return
	}
	l.st.Busy = fmt.Sprintf("Re-tagging %d of %d articles…", i+1, len(docs))
	l.publish(ctx)
	id := docs[i].ID
	if doc := editing.st.Doc; doc != nil && doc.ID == id {
		lib.tag(ctx, doc)
		l.retagNext(ctx, docs, i+1)
		return
	}
	store := lib.store
	ctx.Async(func() {
		stored, _, err := store.Load(id)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				l.retagNext(ctx, docs, i+1) // an article that cannot be read is left as it is
				return
			}
			st := taggingState{DocID: id}
			taggerWorker().tag(stored.Text, taggerEvents{
				status: func(string) {},
				block: func(_ int, ents []annotate.Entity) {
					st.Entities = append(st.Entities, ents...)
				},
				done: func(res taggedDoc) {
					ctx.Dispatch(func(ctx app.Context) {
						st.Status, st.Recognizer, st.Claims, st.ClaimFinder = taggingDone, res.recognizer, res.claims, res.claimFinder
						lib.keepEntities(ctx, st)
						l.retagNext(ctx, docs, i+1)
					})
				},
				fail: func(string) {
					ctx.Dispatch(func(ctx app.Context) { l.retagNext(ctx, docs, i+1) })
				},
			})
		})
	})
}

// handleForget forgets all that was learned; undo brings it back.
func (l *learningFeature) handleForget(ctx app.Context, a app.Action) {
	if !lib.ready(ctx, a) {
		return
	}
	store := lib.store
	taggerWorker().call(map[string]any{"type": "forget"}, func(reply app.Value, problem string) {
		ctx.Dispatch(func(ctx app.Context) {
			if problem != "" {
				sayFailed(ctx, "Not forgotten", errorOf(problem))
				return
			}
			recs, err := wire.ParseRecords(goBytes(reply.Get("records")))
			if err != nil {
				// The worker forgot, but the library cannot be told what:
				// the worker gets back what the library keeps.
				sayFailed(ctx, "Not forgotten", err)
				l.modelLoaded(ctx, l.st.Available)
				return
			}
			var keys []string
			for _, r := range recs {
				keys = append(keys, r.Key())
			}
			n := l.st.Corrections
			ctx.Async(func() {
				err := store.Apply(library.Change{DeleteLearned: keys})
				ctx.Dispatch(func(ctx app.Context) {
					if err != nil {
						sayFailed(ctx, "Not forgotten in the library", err)
					}
					l.forgotten, l.st.Forgotten, l.st.Corrections = recs, n, 0
					l.records = nil
					l.publish(ctx)
					say(ctx, fmt.Sprintf("Forgot what was learned from %s; the open article is tagged again.", plural(n, "correction", "corrections")))
					if doc := editing.st.Doc; doc != nil {
						lib.tag(ctx, doc)
					}
				})
			})
		})
	})
}

// handleUndoForget brings back what was forgotten.
func (l *learningFeature) handleUndoForget(ctx app.Context, a app.Action) {
	if l.forgotten == nil || !lib.ready(ctx, a) {
		return
	}
	recs := l.forgotten
	store := lib.store
	ctx.Async(func() {
		err := store.Apply(library.Change{PutLearned: recs})
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Not brought back", err)
				return
			}
			l.forgotten, l.st.Forgotten, l.records = nil, 0, recs
			l.publish(ctx)
			l.modelLoaded(ctx, l.st.Available)
			say(ctx, "What was learned is back; the open article is tagged again.")
			if doc := editing.st.Doc; doc != nil {
				lib.tag(ctx, doc)
			}
		})
	})
}

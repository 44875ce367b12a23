package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/app/sample"
)

// The library: the reader's saved articles, and autosave. Every edit is
// saved as it happens, one transaction per action, by a saver goroutine
// that writes the difference between what is stored and what is on
// screen, so a failed save is retried whole with the next change. The
// store is IndexedDB, or memory (with a banner) where the browser offers
// none.
const (
	actionShowLibrary = "show-library" // bool: show or hide the library panel
	actionOpenDoc     = "open-doc"     // string: the document ID
	actionRenameDoc   = "rename-doc"   // renameDoc
	actionDeleteDoc   = "delete-doc"   // string: the document ID
	actionUndoDelete  = "undo-delete"  // no value
	actionAddText     = "add-text"     // addText
	actionAddFile     = "add-file"     // app.Value: the File
	// stateLibrary holds a libraryState.
	stateLibrary = "library"
)

type (
	renameDoc struct{ ID, Title string }
	addText   struct{ Text, Source string }
)

// maxArticleBytes is the largest article Glossa takes: 5 MB of text.
const maxArticleBytes = 5 << 20

// libraryStatus says where the library is.
type libraryStatus int

const (
	libraryOpening libraryStatus = iota // the database is opening
	libraryReady                        // saving to the browser's database
	libraryMemory                       // no database: work is not kept
)

// libraryState is what the reader sees of the library.
type libraryState struct {
	Status libraryStatus
	Banner string // why work is not kept, when it is not
	Shown  bool   // the library panel is open
	// Docs lists the articles, newest first; it is read while the panel
	// is shown, and only then.
	Docs    []library.DocMeta
	Usage   string // storage used against quota, if the browser says
	Problem string // records that could not be read, for the reader
	Save    saveStatus
	Title   string           // the open article's title
	Orphans []library.Orphan // the open article's imported annotations not placed in its text
	// Deleted is the title of the article the reader deleted last, while
	// the delete can be undone.
	Deleted string
}

// saveStatus says whether the reader's work is stored.
type saveStatus struct {
	Saving bool
	Err    string // why the last save failed, for the reader
	// Saved is the count of the reader's edits (editingState.Edits) that
	// the last save stored.
	Saved int
}

// librarian is the library feature. Its handlers run on the UI goroutine;
// storage work runs in ctx.Async and comes back through ctx.Dispatch.
type librarian struct {
	st          libraryState
	store       library.Store      // nil while opening
	saves       chan saveRequest   // to the saver
	saved       annotate.Workspace // what the store holds of the open document
	lastDeleted *library.StoredDoc // for undo
	tabs        *tabChannel
	// refreshAfterSave names the open document when a refresh was put off
	// until the reader's edits are saved.
	refreshAfterSave string
	// untagged is a document to tag once the tagger runs the model the
	// settings choose (while it loads, at start).
	untagged *annotate.Document
	// keepLater is a tagging that ended before the store was open: it is
	// kept with its document once the store is.
	keepLater *taggingState
	// earlyTagged is closed when the tagging openSampleEarly started ends.
	earlyTagged chan struct{}
	// isOpen says the store is open and the first article loaded (or
	// failed to): the reader's actions run. waiting is what waits for it
	// (whenOpen).
	isOpen  bool
	waiting []func(app.Context)
	// opening is the database being opened since the program started
	// (startOpening), or nil; created is closed if it is being created.
	opening chan openedDB
	created chan struct{}
}

// libraryIsNew waits until the database startOpening opens is being
// created (true), is open (false), or cannot be opened (true: the library
// is in memory, empty). It leaves the result in l.opening.
func (l *librarian) libraryIsNew() bool {
	select {
	case <-l.created:
		return true
	case r := <-l.opening:
		l.opening <- r
		select {
		case <-l.created:
			return true
		default:
			return r.err != nil
		}
	}
}

// sampleFirstKnown reports whether the page opens on the sample in a new
// library, known before the database is opened: no document asked for
// (?doc=…), and no library database found as the page loaded (boot.js,
// window.glossaLibraryIsNew). main then has the sample tagged ahead, and
// the library opens it from memory as the page mounts.
func sampleFirstKnown() bool {
	if app.Window().URL().Query().Get("doc") != "" {
		return false
	}
	v := app.Window().Get("glossaLibraryIsNew")
	return v.Type() == app.TypeBoolean && v.Bool()
}

// openedDB is the result of opening the browser's database.
type openedDB struct {
	db  *idb
	err error
}

// startOpening asks the browser to open the library's database as the
// program starts: the browser opens it while go-app draws the page, so it
// is open when the page mounts the library (about 0.2 s later on a small
// machine) instead of some tasks after it.
func (l *librarian) startOpening() {
	opening, created := make(chan openedDB, 1), make(chan struct{})
	l.opening, l.created = opening, created
	go func() {
		db, err := openIDB(func() { close(created) })
		opening <- openedDB{db, err}
	}()
}

// saveRequest asks the saver to store a workspace, the state after the
// reader's edits-th edit.
type saveRequest struct {
	ws    annotate.Workspace
	edits int
}

// lib is the page's library feature.
var lib = &librarian{}

// mount registers the library's actions and opens the store, then the
// document named in the address (?doc=…) or the sample.
func (l *librarian) mount(ctx app.Context) {
	ctx.Handle(actionShowLibrary, func(ctx app.Context, a app.Action) {
		shown, _ := a.Value.(bool)
		l.st.Shown = shown
		l.publish(ctx)
		if shown {
			l.refresh(ctx)
		}
	})
	ctx.Handle(actionOpenDoc, func(ctx app.Context, a app.Action) {
		if id, ok := a.Value.(string); ok && l.ready(ctx, a) {
			l.load(ctx, id, false)
		}
	})
	ctx.Handle(actionRenameDoc, l.handleRename)
	ctx.Handle(actionDeleteDoc, l.handleDelete)
	ctx.Handle(actionUndoDelete, l.handleUndoDelete)
	ctx.Handle(actionAddText, func(ctx app.Context, a app.Action) {
		if v, ok := a.Value.(addText); ok && l.ready(ctx, a) {
			l.add(ctx, []byte(v.Text), v.Source)
		}
	})
	ctx.Handle(actionAddFile, func(ctx app.Context, a app.Action) {
		if f, ok := a.Value.(app.Value); ok && l.ready(ctx, a) {
			l.addFile(ctx, f)
		}
	})
	l.open(ctx)
}

// dismount stops listening to the other tabs.
func (l *librarian) dismount() { l.tabs.close() }

func (l *librarian) publish(ctx app.Context) { ctx.SetState(stateLibrary, l.st) }

// ready reports whether the library is open (its store, and the first
// article). While it opens, the action a waits and is raised again once it
// is: the page does what the reader asked a moment later, rather than
// refusing it.
func (l *librarian) ready(ctx app.Context, a app.Action) bool {
	if l.isOpen {
		return true
	}
	l.whenOpen(ctx, func(ctx app.Context) { ctx.NewActionWithValue(a.Name, a.Value, a.Tags) })
	return false
}

// whenOpen runs f once the library is open: at once if it is, else in
// order with what else waits for it, and says that it waits.
func (l *librarian) whenOpen(ctx app.Context, f func(app.Context)) {
	if l.isOpen {
		f(ctx)
		return
	}
	if len(l.waiting) == 0 {
		say(ctx, "The library is opening; done in a moment.")
	}
	l.waiting = append(l.waiting, f)
}

// opened notes that the library is open (its first load has ended) and
// runs what waited for it.
func (l *librarian) opened(ctx app.Context) {
	if l.isOpen {
		return
	}
	l.isOpen = true
	for _, f := range l.waiting {
		f(ctx)
	}
	l.waiting = nil
}

// open opens the store, seeds the sample and opens the first document.
func (l *librarian) open(ctx app.Context) {
	wanted := app.Window().URL().Query().Get("doc")
	// A new library holds nothing: the sample opens from memory, and is
	// stored once its first tagging has ended: storing it keeps the page's
	// main thread busy for a while (0.2–0.3 s on a small machine), which
	// would hold its first highlights back. Where the page has learned as
	// it loaded that there is no library yet (sampleFirstKnown), that is
	// now, as the page mounts: the tagging job goes to the worker during
	// the first render, not the tasks after it in which the browser says
	// it creates the database.
	var tagged chan struct{}
	knownNew := sampleFirstKnown()
	if knownNew {
		tagged = make(chan struct{})
		l.openSampleEarly(ctx, tagged)
	}
	ctx.Async(func() {
		var store library.Store
		status, banner := libraryReady, ""
		if l.opening == nil {
			l.startOpening()
		}
		// Otherwise as soon as the database is being created (or cannot
		// be).
		isNew := l.libraryIsNew()
		if tagged == nil && isNew && wanted == "" {
			tagged = make(chan struct{})
			ctx.Dispatch(func(ctx app.Context) { l.openSampleEarly(ctx, tagged) })
		}
		if tagged != nil {
			select {
			case <-tagged:
			case <-time.After(5 * time.Second):
			}
		}
		opened := <-l.opening
		db, err := opened.db, opened.err
		if err != nil {
			store, status = library.NewMemStore(), libraryMemory
			banner = "Your work will not be kept: " + explain(err) + ". Glossa runs from memory; export your annotations before you close this tab."
		} else {
			store = &idbStore{db: db}
			askPersistence()
		}
		if err := library.SeedSample(store, sample.Article, time.Now()); err != nil && banner == "" {
			banner = "The library could not be prepared: " + explain(err) + "."
		}
		ctx.Dispatch(func(ctx app.Context) {
			l.store = store
			l.st.Status, l.st.Banner = status, banner
			if l.saves == nil { // else edits made before wait in it (openSampleEarly)
				l.saves = make(chan saveRequest, 1)
			}
			go l.saver(ctx, store, l.saves)
			if st := l.keepLater; st != nil {
				l.keepLater = nil
				l.keepEntities(ctx, *st)
			}
			l.tabs = openTabChannel(func(docID string) {
				ctx.Dispatch(func(ctx app.Context) { l.otherTabChanged(ctx, docID) })
			})
			id := wanted
			if id == "" {
				id = sampleID()
			}
			l.publish(ctx)
			settings.open(ctx, store)
			// Another tab made the library in the meantime: what it
			// stored of the sample joins the one open from memory.
			l.load(ctx, id, knownNew && !isNew)
			l.refresh(ctx)
		})
	})
}

// openSampleEarly opens the sample from memory, and tags it, on a first
// visit, as soon as the library's database is created: a new database
// holds nothing, so the sample is what seeding will store, with no notes,
// no settings (the tagger's default model is the chosen one) and nothing
// learned. Before, the sample was tagged once it was seeded and read back,
// about half a second later on a small machine. The reader's edits made
// before the store is open wait for it (l.saves), and load finds the
// sample open already. tagged is closed when the tagging ends (or at once,
// if the sample is left to open the usual way).
func (l *librarian) openSampleEarly(ctx app.Context, tagged chan struct{}) {
	stored, err := library.NewStoredDoc(sample.Article, "sample", time.Now())
	var ws annotate.Workspace
	if err == nil {
		ws, err = stored.Workspace()
	}
	if err != nil || l.saved.Doc != nil {
		close(tagged)
		return // open the usual way
	}
	if sameDocument(sampleDocument(), ws.Doc) {
		ws.Doc = sampleDocument() // the one shown (see sameDocument)
	}
	l.earlyTagged = tagged
	l.saved = ws
	l.saves = make(chan saveRequest, 1)
	l.st.Title = stored.Meta.Title
	l.publish(ctx)
	editing.open(ctx, ws)
	ctx.SetState(stateTagging, taggingStarted(ws.Doc))
	ctx.NewActionWithValue(actionTag, tagRequest{DocID: ws.Doc.ID, Text: ws.Doc.Text.String()})
}

// modelReady hears that the tagger runs the chosen model (recognizer
// names it; "" if it did not load, and the tagger falls back to its
// default): the open article is tagged with it if it waits for tagging,
// or if its suggestions came from another model. The reader's annotations
// and decisions stay: a suggestion they rejected stays rejected.
func (l *librarian) modelReady(ctx app.Context, recognizer string) {
	doc := editing.st.Doc
	if d := l.untagged; d != nil {
		l.untagged = nil
		if doc != nil && d.ID == doc.ID {
			l.tag(ctx, d)
		}
		return
	}
	st := taggingOf(ctx, doc)
	if doc == nil || recognizer == "" || st.Status != taggingDone || st.Recognizer == recognizer {
		return
	}
	l.tag(ctx, doc)
}

// tag tags a document in the worker, once the tagger runs the model the
// settings choose.
func (l *librarian) tag(ctx app.Context, doc *annotate.Document) {
	ctx.SetState(stateTagging, taggingStarted(doc))
	if !settings.modelSettled() {
		l.untagged = doc
		return
	}
	ctx.NewActionWithValue(actionTag, tagRequest{DocID: doc.ID, Text: doc.Text.String()})
}

// otherTabChanged reloads what another tab changed.
func (l *librarian) otherTabChanged(ctx app.Context, docID string) {
	if doc := editing.st.Doc; doc != nil && doc.ID == docID {
		l.load(ctx, docID, true)
	}
	l.refresh(ctx)
}

// load opens a stored document: its text, notes and decisions, and its
// entities if it was tagged before (else it is tagged now). A refresh
// reloads the open document after a change made elsewhere (another tab,
// an import), keeping the undo history with the stored state as one more
// step; a refresh whose read raced with the reader's own edits is not
// shown, and runs again once those are saved.
func (l *librarian) load(ctx app.Context, id string, refresh bool) {
	if doc := editing.st.Doc; !refresh && doc != nil && doc.ID == id && l.saved.Doc != nil && l.saved.Doc.ID == id {
		l.opened(ctx)
		return // open already
	}
	store := l.store
	edits := editing.st.Edits
	ctx.Async(func() {
		stored, problems, err := store.Load(id)
		var ws annotate.Workspace
		if err == nil {
			ws, err = stored.Workspace()
		}
		ctx.Dispatch(func(ctx app.Context) {
			defer l.opened(ctx)
			if err != nil {
				if errors.Is(err, annotate.ErrNotFound) {
					say(ctx, "That article is not in your library; here is the sample.")
				} else {
					sayFailed(ctx, "This article cannot be opened", err)
				}
				if id != sampleID() {
					l.load(ctx, sampleID(), false)
				}
				return
			}
			if refresh {
				if doc := editing.st.Doc; doc == nil || doc.ID != id {
					return // another article is open now
				}
				if editing.st.Edits != edits || l.st.Save.Saving {
					l.refreshAfterSave = id // what was read may lack the newest edits
					return
				}
			}
			if len(problems) > 0 {
				l.st.Problem = describeProblems(problems)
			}
			l.st.Orphans = stored.Orphans
			l.saved = ws
			settings.articleOpened(ctx, stored.Meta.ReviewURL)
			if refresh {
				editing.merge(ctx, ws)
				l.publish(ctx)
				return
			}
			l.st.Title = stored.Meta.Title
			l.publish(ctx)
			editing.open(ctx, ws)
			if id != sampleID() || app.Window().URL().Query().Get("doc") != "" {
				app.Window().Get("history").Call("replaceState", nil, "", "/?doc="+id)
			}
			// The tagging kept with the document shows at once; one from
			// before claims were looked for, or by another model than the
			// one the tagger runs, is done again.
			if stored.Entities != nil && stored.Claims != nil && (settings.st.Recognizer == "" || stored.Recognizer == settings.st.Recognizer) {
				ctx.SetState(stateTagging, taggingState{DocID: id, Status: taggingDone, Entities: stored.Entities, Recognizer: stored.Recognizer,
					Claims: stored.Claims, ClaimFinder: stored.ClaimFinder, Saved: true})
				return
			}
			l.tag(ctx, ws.Doc)
		})
	})
}

// sampleText is the sample article's text, normalized once for the page
// (OnInit) and the library (sampleID).
var sampleText = sync.OnceValues(func() (string, error) { return annotate.NormalizeText([]byte(sample.Article)) })

// sampleDocument is the sample article's document as the page first
// shows it (OnInit), made once.
var sampleDocument = sync.OnceValue(func() *annotate.Document {
	text, err := sampleText()
	if err != nil {
		panic(fmt.Sprintf("the embedded sample article is not text: %v", err))
	}
	return annotate.NewDocument(text)
})

// sampleID is the sample article's document ID.
var sampleID = sync.OnceValue(func() string {
	text, _ := sampleText()
	return annotate.DocumentID(text)
})

// taggingEnded hears that a tagging ended (done or failed), and keeps
// what it found.
func (l *librarian) taggingEnded(ctx app.Context, st taggingState) {
	if l.earlyTagged != nil && st.DocID == sampleID() {
		close(l.earlyTagged)
		l.earlyTagged = nil
	}
	l.keepEntities(ctx, st)
}

// keepEntities stores what the tagger found with the document, so that
// reopening it shows them with no tagging; once they are stored, the
// tagging state says so (Saved). A tagging that ends before the store is
// open is stored once it is.
func (l *librarian) keepEntities(ctx app.Context, st taggingState) {
	if st.Saved || st.Status != taggingDone {
		return
	}
	store := l.store
	if store == nil {
		l.keepLater = &st
		return
	}
	ents := st.Entities
	if ents == nil {
		ents = []annotate.Entity{}
	}
	cs := st.Claims
	if cs == nil {
		cs = []annotate.ClaimSuggestion{}
	}
	// The open document, when it is the one tagged, spares the store
	// reading its text again into blocks (Change.Doc).
	c := library.Change{DocID: st.DocID, PutEntities: &ents, Recognizer: st.Recognizer,
		PutClaims: &cs, ClaimFinder: st.ClaimFinder, Doc: editing.st.Doc}
	ctx.Async(func() {
		if err := store.Apply(c); err != nil {
			app.Log("glossa: cannot keep the entities:", err)
			return
		}
		ctx.Dispatch(func(ctx app.Context) {
			var now taggingState
			ctx.GetState(stateTagging, &now)
			if keyOf(now) == keyOf(st) && now.Status == taggingDone {
				now.Saved = true
				ctx.SetState(stateTagging, now)
			}
		})
	})
}

// save asks the saver to store the open document's annotations.
func (l *librarian) save(ctx app.Context, ws annotate.Workspace) {
	if l.saves == nil {
		return
	}
	l.st.Save.Saving, l.st.Save.Err = true, ""
	l.publish(ctx)
	select {
	case <-l.saves: // a newer state replaces one not yet taken
	default:
	}
	l.saves <- saveRequest{ws: ws, edits: editing.st.Edits}
}

// saver stores each state it is handed: the difference between what is
// stored and that state, in one transaction. What is stored is the last
// state saved of the open document; for a document closed since the
// request, it is read from the store.
func (l *librarian) saver(ctx app.Context, store library.Store, requests <-chan saveRequest) {
	for req := range requests {
		ws := req.ws
		done := make(chan annotate.Workspace, 1)
		ctx.Dispatch(func(ctx app.Context) { done <- l.saved })
		base := <-done
		var err error
		if base.Doc == nil || base.Doc.ID != ws.Doc.ID {
			var stored library.StoredDoc
			if stored, _, err = store.Load(ws.Doc.ID); err == nil {
				base, err = stored.Workspace()
			}
		}
		if err == nil {
			err = store.Apply(library.Diff(base, ws))
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				l.st.Save = saveStatus{Err: explain(err), Saved: l.st.Save.Saved}
				l.publish(ctx)
				return
			}
			l.st.Save.Saved = req.edits
			if len(l.saves) == 0 {
				l.st.Save.Saving = false
			}
			if l.saved.Doc != nil && l.saved.Doc.ID == ws.Doc.ID {
				l.saved = ws
			}
			l.tabs.announce(ws.Doc.ID)
			l.recount(ws)
			l.publish(ctx)
			if id := l.refreshAfterSave; id != "" && !l.st.Save.Saving {
				l.refreshAfterSave = ""
				l.load(ctx, id, true)
			}
		})
	}
}

// recount updates the listed counts of a saved document's annotations and
// claims, without reading the library again (a list of thousands takes
// long to read).
func (l *librarian) recount(ws annotate.Workspace) {
	for i, d := range l.st.Docs {
		if d.ID != ws.Doc.ID {
			continue
		}
		docs := slices.Clone(l.st.Docs)
		docs[i].Notes, docs[i].Claims = len(ws.Notes), 0
		for _, n := range ws.Notes {
			if n.Label == annotate.Claim {
				docs[i].Claims++
			}
		}
		l.st.Docs = docs
		return
	}
}

// refresh reads the list of articles and the storage used, when the panel
// shows them.
func (l *librarian) refresh(ctx app.Context) {
	store := l.store
	if store == nil || !l.st.Shown {
		return
	}
	ctx.Async(func() {
		docs, problems, err := store.List()
		usage := storageUsage()
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				l.st.Problem = "The library cannot be read: " + explain(err) + "."
				l.publish(ctx)
				return
			}
			l.st.Docs, l.st.Usage = docs, usage
			if len(problems) > 0 {
				l.st.Problem = describeProblems(problems)
			}
			l.publish(ctx)
		})
	})
}

// describeProblems tells the reader which records could not be read.
func describeProblems(problems []library.RecordProblem) string {
	if len(problems) == 0 {
		return ""
	}
	var names []string
	for _, pr := range problems {
		names = append(names, pr.Store+" "+pr.Key+" ("+pr.Err.Error()+")")
	}
	return fmt.Sprintf("%s could not be read and %s kept as %s: %s. Everything else works.",
		plural(len(problems), "saved record", "saved records"), pick(len(problems) == 1, "is", "are"),
		pick(len(problems) == 1, "it is", "they are"), strings.Join(names, "; "))
}

// handleRename gives an article a new title.
func (l *librarian) handleRename(ctx app.Context, a app.Action) {
	v, ok := a.Value.(renameDoc)
	if !ok || !l.ready(ctx, a) {
		return
	}
	store := l.store
	l.change(ctx, func() (library.Change, string, error) {
		stored, _, err := store.Load(v.ID)
		if err != nil {
			return library.Change{}, "", err
		}
		meta := stored.Meta
		meta.Title = library.CleanTitle(v.Title)
		if meta.Title == "" {
			return library.Change{}, "", problem("a title cannot be empty")
		}
		return library.Change{DocID: v.ID, PutMeta: &meta}, "Renamed “" + stored.Meta.Title + "” to “" + meta.Title + "”.", nil
	})
}

// handleDelete deletes an article; it can be undone until the next
// delete.
func (l *librarian) handleDelete(ctx app.Context, a app.Action) {
	id, ok := a.Value.(string)
	if !ok || !l.ready(ctx, a) {
		return
	}
	store := l.store
	ctx.Async(func() {
		stored, _, err := store.Load(id)
		if err == nil {
			err = store.Apply(library.Change{DocID: id, DeleteDoc: true})
		}
		next := ""
		if err == nil {
			next = newestLeft(store)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Not deleted", err)
				return
			}
			l.lastDeleted = &stored
			l.st.Deleted = stored.Meta.Title
			say(ctx, "Deleted “"+stored.Meta.Title+"”.")
			if doc := editing.st.Doc; doc != nil && doc.ID == id {
				l.load(ctx, next, false)
			}
			l.tabs.announce(id)
			l.publish(ctx)
			l.refresh(ctx)
		})
	})
}

// newestLeft returns the article to open after the open one was deleted:
// the newest left, or, when none is left, the sample, added again.
func newestLeft(store library.Store) string {
	if docs, _, err := store.List(); err == nil && len(docs) > 0 {
		return docs[0].ID
	}
	library.SeedSample(store, sample.Article, time.Now())
	return sampleID()
}

// handleUndoDelete brings the last deleted article back.
func (l *librarian) handleUndoDelete(ctx app.Context, a app.Action) {
	if l.lastDeleted == nil || !l.ready(ctx, a) {
		return
	}
	doc := *l.lastDeleted
	l.lastDeleted, l.st.Deleted = nil, ""
	l.publish(ctx)
	l.change(ctx, func() (library.Change, string, error) {
		return library.PutDoc(doc), "Restored “" + doc.Meta.Title + "”.", nil
	})
}

// change builds a change off the UI goroutine, applies it and reports.
func (l *librarian) change(ctx app.Context, build func() (library.Change, string, error)) {
	store := l.store
	ctx.Async(func() {
		c, report, err := build()
		if err == nil {
			err = store.Apply(c)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Not done", err)
				return
			}
			say(ctx, report)
			if doc := editing.st.Doc; c.PutMeta != nil && doc != nil && c.DocID == doc.ID {
				l.st.Title = c.PutMeta.Title
				l.publish(ctx)
			}
			l.tabs.announce(c.DocID)
			l.refresh(ctx)
		})
	})
}

// add adds an article to the library and opens it.
func (l *librarian) add(ctx app.Context, raw []byte, source string) {
	if len(raw) > maxArticleBytes {
		sayFailed(ctx, "Not added", problem("%s is %s; Glossa takes articles up to %s of text", source, humanBytes(float64(len(raw))), humanBytes(maxArticleBytes)))
		return
	}
	if strings.TrimSpace(string(raw)) == "" {
		sayFailed(ctx, "Not added", problem("there is no text"))
		return
	}
	store := l.store
	ctx.Async(func() {
		doc, err := library.NewStoredDoc(string(raw), source, time.Now())
		if err == nil {
			if _, _, lerr := store.Load(doc.Meta.ID); lerr == nil {
				ctx.Dispatch(func(ctx app.Context) {
					say(ctx, "This article is already in your library; here it is.")
					l.load(ctx, doc.Meta.ID, false)
				})
				return
			}
			err = store.Apply(library.PutDoc(doc))
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Not added", err)
				return
			}
			say(ctx, "Added “"+doc.Meta.Title+"”.")
			l.refresh(ctx)
			l.tabs.announce(doc.Meta.ID)
			l.load(ctx, doc.Meta.ID, false)
		})
	})
}

// addFile reads a file the reader picked and adds it: text as it is, a
// web page or Markdown reduced to its article in the tagging worker, off
// the main thread.
func (l *librarian) addFile(ctx app.Context, f app.Value) {
	name := jsString(f.Get("name"))
	size := f.Get("size").Float()
	if size > maxArticleBytes {
		sayFailed(ctx, "Not added", problem("%s is %s; Glossa takes articles up to %s of text", name, humanBytes(size), humanBytes(maxArticleBytes)))
		return
	}
	kind := articleKind(name)
	if kind == "" {
		sayFailed(ctx, "Not added", problem("%s is not a .txt, .md or .html file", name))
		return
	}
	ctx.Async(func() {
		data, err := readFile(f)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				sayFailed(ctx, "Not added", fmt.Errorf("%s: %w", name, err))
				return
			}
			if kind == "text" {
				if _, nerr := annotate.NormalizeText(data); nerr != nil {
					sayFailed(ctx, "Not added", problem("%s is not UTF-8 text. Save it as UTF-8 and try again", name))
					return
				}
				l.add(ctx, data, name)
				return
			}
			say(ctx, "Reading the article in "+name+"…")
			taggerWorker().extract(kind, data, func(text, why string) {
				ctx.Dispatch(func(ctx app.Context) {
					if why != "" {
						sayFailed(ctx, "Not added", problem("%s: %s", name, why))
						return
					}
					l.add(ctx, []byte(text), name)
				})
			})
		})
	})
}

// articleKind says how to read an article file, by its name: "text",
// "html" or "markdown"; "" for a file Glossa does not open.
func articleKind(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".html"), strings.HasSuffix(lower, ".htm"):
		return "html"
	case strings.HasSuffix(lower, ".md"), strings.HasSuffix(lower, ".markdown"):
		return "markdown"
	case strings.HasSuffix(lower, ".txt"):
		return "text"
	}
	return ""
}

// readFile reads a File's bytes, waiting for the browser.
func readFile(f app.Value) ([]byte, error) {
	done := make(chan error, 1)
	var buf app.Value
	then := app.FuncOf(func(_ app.Value, args []app.Value) any {
		buf = args[0]
		done <- nil
		return nil
	})
	fail := app.FuncOf(func(_ app.Value, args []app.Value) any {
		done <- domError(args[0])
		return nil
	})
	defer then.Release()
	defer fail.Release()
	f.Call("arrayBuffer").Call("then", then, fail)
	if err := <-done; err != nil {
		return nil, err
	}
	return goBytes(app.Window().Get("Uint8Array").New(buf)), nil
}

// plural writes a count with the singular or plural noun: "1 claim",
// "2 claims".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// pick returns a if cond, else b.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

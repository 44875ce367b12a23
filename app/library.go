package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/app/sample"
)

// The library: the page's saved articles and autosave. Every edit is saved
// as it happens, one transaction per action, by a saver goroutine that
// writes the difference between what is stored and what is on screen, so a
// failed save is retried whole with the next change. The store is
// IndexedDB, or memory (with a banner) where the browser offers none.

// saveStatus says whether the reader's work is stored.
type saveStatus struct {
	Saving bool
	Err    string // why the last save failed, for the reader
}

// openLibrary opens the store, seeds the sample, and opens the document
// named in the address (?doc=…) or the sample. It runs off the UI
// goroutine; results come back through ctx.Dispatch.
func (p *articlePage) openLibrary(ctx app.Context) {
	wanted := app.Window().URL().Query().Get("doc")
	ctx.Async(func() {
		var store library.Store
		banner := ""
		db, err := openIDB()
		if err != nil {
			store = library.NewMemStore()
			banner = "Your work will not be kept: " + err.Error() + ". Glossa runs from memory; export your annotations before you close this tab."
		} else {
			store = &idbStore{db: db}
			askPersistence()
		}
		if err := library.SeedSample(store, sample.Article, time.Now()); err != nil && banner == "" {
			banner = "The library could not be prepared: " + err.Error() + "."
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.store, p.banner = store, banner
			p.saves = make(chan annotate.Workspace, 1)
			go p.saver(ctx, store, p.saves)
			p.tabs = openTabChannel(func(docID string) {
				ctx.Dispatch(func(ctx app.Context) {
					if p.doc != nil && docID == p.doc.ID {
						p.loadDoc(ctx, docID, true)
					}
					p.refreshLibrary(ctx)
				})
			})
			id := wanted
			if id == "" {
				id = p.doc.ID
			}
			p.loadDoc(ctx, id, false)
			p.refreshLibrary(ctx)
		})
	})
}

// loadDoc opens a stored document: its text, notes and decisions, and its
// entities if it was tagged before (else it is tagged now). fromOtherTab
// keeps the undo history, adding the other tab's state as one step.
func (p *articlePage) loadDoc(ctx app.Context, id string, fromOtherTab bool) {
	store := p.store
	ctx.Async(func() {
		stored, problems, err := store.Load(id)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				if errors.Is(err, annotate.ErrNotFound) {
					p.notice = "That article is not in your library; here is the sample."
				} else {
					p.notice = "This article cannot be opened: " + err.Error() + "."
				}
				if id != p.doc.ID {
					p.loadDoc(ctx, p.doc.ID, false)
				}
				return
			}
			ws, err := stored.Workspace()
			if err != nil {
				p.notice = "This article's annotations cannot be read: " + err.Error() + "."
				return
			}
			p.libProblem = describeProblems(problems)
			if fromOtherTab {
				p.history = p.history.Do(ws)
				p.saved = ws
				p.orphans = stored.Orphans
				return
			}
			if p.doc == nil || p.doc.ID != stored.Meta.ID {
				p.doc = ws.Doc
				p.active = activeHighlight{}
				p.marked = false
			}
			p.history = annotate.NewHistory(ws)
			p.saved = ws
			p.title = stored.Meta.Title
			p.orphans = stored.Orphans
			if id != sampleID() || app.Window().URL().Query().Get("doc") != "" {
				app.Window().Get("history").Call("replaceState", nil, "", "/?doc="+id)
			}
			if stored.Entities != nil {
				ctx.SetState(stateTagging, taggingState{DocID: id, Status: taggingDone, Entities: stored.Entities, Recognizer: stored.Recognizer, Saved: true})
				return
			}
			ctx.SetState(stateTagging, taggingState{DocID: id, Status: taggingLoadingModel})
			ctx.NewActionWithValue(actionTag, tagRequest{DocID: id, Text: ws.Doc.Text.String()})
		})
	})
}

// sampleID is the sample article's document ID.
func sampleID() string {
	text, _ := annotate.NormalizeText([]byte(sample.Article))
	return annotate.DocumentID(text)
}

// keepEntities stores what the tagger found with the document, so that
// reopening it shows them with no tagging.
func (p *articlePage) keepEntities(ctx app.Context, st taggingState) {
	store := p.store
	if store == nil || st.Saved || st.Status != taggingDone {
		return
	}
	ents := st.Entities
	if ents == nil {
		ents = []annotate.Entity{}
	}
	ctx.Async(func() {
		if err := store.Apply(library.Change{DocID: st.DocID, PutEntities: &ents, Recognizer: st.Recognizer}); err != nil {
			app.Log("glossa: cannot keep the entities:", err)
		}
	})
}

// save asks the saver to store the current annotations.
func (p *articlePage) save() {
	if p.saves == nil {
		return
	}
	p.saveState = saveStatus{Saving: true}
	ws := p.history.Current()
	select {
	case <-p.saves: // a newer state replaces one not yet taken
	default:
	}
	p.saves <- ws
}

// saver stores each state it is handed: the difference between what is
// stored and that state, in one transaction.
func (p *articlePage) saver(ctx app.Context, store library.Store, states <-chan annotate.Workspace) {
	for ws := range states {
		done := make(chan annotate.Workspace, 1)
		ctx.Dispatch(func(ctx app.Context) { done <- p.saved })
		base := <-done
		if base.Doc == nil || base.Doc.ID != ws.Doc.ID {
			continue // another document was opened meanwhile, from storage
		}
		err := store.Apply(library.Diff(base, ws))
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.saveState = saveStatus{Err: saveProblem(err)}
				return
			}
			if p.saveState.Saving {
				p.saveState = saveStatus{}
			}
			p.saved = ws
			p.tabs.announce(ws.Doc.ID)
			p.refreshLibrary(ctx)
		})
	}
}

// saveProblem turns a failed save into a sentence with what to do.
func saveProblem(err error) string {
	if errors.Is(err, library.ErrQuota) {
		return "the browser's storage is full. Your work stays on screen: delete articles you no longer need, and your next change saves everything"
	}
	return err.Error() + ". Your work stays on screen; your next change tries again"
}

// refreshLibrary reads the list of articles and the storage used.
func (p *articlePage) refreshLibrary(ctx app.Context) {
	store := p.store
	if store == nil {
		return
	}
	ctx.Async(func() {
		docs, problems, err := store.List()
		usage := storageUsage()
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.libProblem = "The library cannot be read: " + err.Error() + "."
				return
			}
			p.docs, p.usage = docs, usage
			if len(problems) > 0 {
				p.libProblem = describeProblems(problems)
			}
		})
	})
}

// openStore returns the library's store, or says it is still opening.
func (p *articlePage) openStore() (library.Store, bool) {
	if p.store == nil {
		p.notice = "The library is still opening."
		return nil, false
	}
	return p.store, true
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
	return fmt.Sprintf("%d saved record(s) could not be read and are kept as they are: %s. Everything else works.",
		len(problems), strings.Join(names, "; "))
}

// handleLibrary runs the library panel's actions.
func (p *articlePage) handleLibrary(ctx app.Context, a app.Action) {
	store, ok := p.openStore()
	if !ok {
		return
	}
	switch a.Name {
	case actionOpenDoc:
		if id, ok := a.Value.(string); ok {
			p.loadDoc(ctx, id, false)
		}
	case actionRenameDoc:
		v, ok := a.Value.(renameDoc)
		if !ok {
			return
		}
		p.applyDocChange(ctx, func() (library.Change, string, error) {
			stored, _, err := store.Load(v.ID)
			if err != nil {
				return library.Change{}, "", err
			}
			meta := stored.Meta
			meta.Title = library.CleanTitle(v.Title)
			if meta.Title == "" {
				return library.Change{}, "", errors.New("a title cannot be empty")
			}
			return library.Change{DocID: v.ID, PutMeta: &meta}, "Renamed.", nil
		})
	case actionDeleteDoc:
		id, ok := a.Value.(string)
		if !ok {
			return
		}
		ctx.Async(func() {
			stored, _, err := store.Load(id)
			if err == nil {
				err = store.Apply(library.Change{DocID: id, DeleteDoc: true})
			}
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					p.notice = "Not deleted: " + err.Error() + "."
					return
				}
				p.lastDeleted = &stored
				p.notice = "Deleted “" + stored.Meta.Title + "”."
				if p.doc.ID == id {
					p.loadDoc(ctx, sampleID(), false)
				}
				p.tabs.announce(id)
				p.refreshLibrary(ctx)
			})
		})
	case actionUndoDelete:
		if p.lastDeleted == nil {
			return
		}
		doc := *p.lastDeleted
		p.lastDeleted = nil
		p.applyDocChange(ctx, func() (library.Change, string, error) {
			return library.PutDoc(doc), "Restored “" + doc.Meta.Title + "”.", nil
		})
	case actionAddText:
		if v, ok := a.Value.(addText); ok {
			p.addArticle(ctx, []byte(v.Text), v.Source)
		}
	case actionAddFile:
		if f, ok := a.Value.(app.Value); ok {
			p.addFile(ctx, f)
		}
	}
}

// applyDocChange builds a change off the UI goroutine, applies it and
// reports.
func (p *articlePage) applyDocChange(ctx app.Context, build func() (library.Change, string, error)) {
	store := p.store
	ctx.Async(func() {
		c, report, err := build()
		if err == nil {
			err = store.Apply(c)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.notice = "Not done: " + err.Error() + "."
				return
			}
			p.notice = report
			if c.PutMeta != nil && p.doc != nil && c.DocID == p.doc.ID {
				p.title = c.PutMeta.Title
			}
			p.tabs.announce(c.DocID)
			p.refreshLibrary(ctx)
		})
	})
}

// addArticle adds an article to the library and opens it.
func (p *articlePage) addArticle(ctx app.Context, raw []byte, source string) {
	if len(raw) > maxArticleBytes {
		p.notice = fmt.Sprintf("Not added: %s is %s; Glossa takes articles up to %s of text.", source, humanBytes(float64(len(raw))), humanBytes(maxArticleBytes))
		return
	}
	if strings.TrimSpace(string(raw)) == "" {
		p.notice = "Not added: there is no text."
		return
	}
	store := p.store
	ctx.Async(func() {
		doc, err := library.NewStoredDoc(string(raw), source, time.Now())
		if err == nil {
			if _, _, lerr := store.Load(doc.Meta.ID); lerr == nil {
				ctx.Dispatch(func(ctx app.Context) {
					p.notice = "This article is already in your library; here it is."
					p.loadDoc(ctx, doc.Meta.ID, false)
				})
				return
			}
			err = store.Apply(library.PutDoc(doc))
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.notice = "Not added: " + err.Error() + "."
				return
			}
			p.notice = "Added “" + doc.Meta.Title + "”."
			p.refreshLibrary(ctx)
			p.tabs.announce(doc.Meta.ID)
			p.loadDoc(ctx, doc.Meta.ID, false)
		})
	})
}

// addFile reads a file the reader picked and adds it.
func (p *articlePage) addFile(ctx app.Context, f app.Value) {
	name := jsString(f.Get("name"))
	size := f.Get("size").Float()
	if size > maxArticleBytes {
		p.notice = fmt.Sprintf("Not added: %s is %s; Glossa takes articles up to %s of text.", name, humanBytes(size), humanBytes(maxArticleBytes))
		return
	}
	lower := strings.ToLower(name)
	isHTML := strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm")
	if !isHTML && !strings.HasSuffix(lower, ".txt") && !strings.HasSuffix(lower, ".md") && !strings.HasSuffix(lower, ".markdown") {
		p.notice = "Not added: " + name + " is not a .txt, .md or .html file."
		return
	}
	ctx.Async(func() {
		data, err := readFile(f)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.notice = "Not added: " + name + ": " + err.Error() + "."
				return
			}
			if isHTML {
				// The page is read in the tagging worker, off the main
				// thread.
				p.notice = "Reading the article in " + name + "…"
				taggerWorker().extract(data, func(text, problem string) {
					ctx.Dispatch(func(ctx app.Context) {
						if problem != "" {
							p.notice = "Not added: " + name + ": " + problem + "."
							return
						}
						p.addArticle(ctx, []byte(text), name)
					})
				})
				return
			}
			if _, nerr := annotate.NormalizeText(data); nerr != nil {
				p.notice = "Not added: " + name + " is not UTF-8 text (" + nerr.Error() + "). Save it as UTF-8 and try again."
				return
			}
			p.addArticle(ctx, data, name)
		})
	})
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
	bytes := app.Window().Get("Uint8Array").New(buf)
	data := make([]byte, bytes.Length())
	app.CopyBytesToGo(data, bytes)
	return data, nil
}

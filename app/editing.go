package main

import (
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// Editing: the open document's annotations and their undo history, the
// highlight whose card is open, and the actions that change them.
// Components raise the actions; handleEdit applies them with the core's
// Workspace.Apply, publishes stateEditing and hands the result to the
// library to save.
const (
	// actionEdit applies an annotate.Edit to the open document.
	actionEdit = "edit"
	// actionUndo and actionRedo step through the history; no value.
	actionUndo = "undo"
	actionRedo = "redo"
	// actionActivate opens a highlight's card; its value is an
	// activeHighlight.
	actionActivate = "activate"
	// actionCloseCard closes the card; no value.
	actionCloseCard = "close-card"
	// stateEditing holds an editingState.
	stateEditing = "editing"
)

// editingState is the open document as the reader edits it.
type editingState struct {
	Doc     *annotate.Document // nil until a document opens
	History annotate.History   // its annotations, with undo
	Active  activeHighlight    // whose card is open; none if no card is
	// Created is the note the last edit made (the card opens on it, and
	// it takes the keyboard focus); Seq counts the changes, so a view can
	// act once on each.
	Created string
	Seq     int
	// Edits counts the reader's edits in this tab (undo and redo too):
	// the save status shows it beside the count saved.
	Edits int
}

// activeHighlight names a highlight: a note by ID, or a suggestion by its
// key.
type activeHighlight struct {
	ID  string
	Key annotate.SuggestionKey
}

func (a activeHighlight) none() bool { return a.ID == "" && a.Key.Label == "" }

// scope is the highlight's identity as a go-app handler scope: a handler
// that acts on this highlight is replaced when the element it is on comes
// to stand for another one.
func (a activeHighlight) scope() string {
	if a.ID != "" {
		return a.ID
	}
	return spanAttr(a.Key.Span) + " " + string(a.Key.Label)
}

// editor is the editing feature. Its handlers run on the UI goroutine (the
// page registers them with ctx.Handle), one action at a time, in the order
// the reader made them.
type editor struct {
	st     editingState
	reader *annotate.Agent
}

// editing is the page's editing feature.
var editing = &editor{reader: annotate.Reader(annotate.DefaultPersonName)}

// mount registers the editing actions on the page.
func (e *editor) mount(ctx app.Context) {
	ctx.Handle(actionEdit, e.handleEdit)
	ctx.Handle(actionUndo, e.handleUndo)
	ctx.Handle(actionRedo, e.handleUndo)
	ctx.Handle(actionActivate, func(ctx app.Context, a app.Action) {
		if act, ok := a.Value.(activeHighlight); ok {
			e.st.Active = act
			e.publish(ctx)
		}
	})
	ctx.Handle(actionCloseCard, func(ctx app.Context, a app.Action) {
		e.st.Active = activeHighlight{}
		e.publish(ctx)
	})
}

func (e *editor) publish(ctx app.Context) {
	e.st.Seq++
	ctx.SetState(stateEditing, e.st)
	e.st.Created = ""
}

// open shows a document from the library, with a new history.
func (e *editor) open(ctx app.Context, ws annotate.Workspace) {
	if e.st.Doc == nil || e.st.Doc.ID != ws.Doc.ID {
		e.st.Active = activeHighlight{}
	}
	if sameDocument(e.st.Doc, ws.Doc) {
		ws.Doc = e.st.Doc
	}
	e.st.Doc = ws.Doc
	e.st.History = annotate.NewHistory(ws)
	e.publish(ctx)
}

// sameDocument reports whether a and b, documents made apart, hold the
// same article: its text (the ID is its hash), title and entities. open
// then keeps the one already shown: go-app compares each field of the
// article's views on every render, and for two pointers to documents
// alike it compared the documents value by value, text index included
// (reflect.DeepEqual, about ten times as the sample opened on a first
// visit).
func sameDocument(a, b *annotate.Document) bool {
	return a != nil && b != nil && a.ID == b.ID && a.Title == b.Title && slices.Equal(a.Entities, b.Entities)
}

// merge takes what another tab saved of the open document as one more
// step of the history, so undo still works.
func (e *editor) merge(ctx app.Context, ws annotate.Workspace) {
	if e.st.Doc == nil || e.st.Doc.ID != ws.Doc.ID {
		return
	}
	e.st.History = e.st.History.Do(ws)
	e.publish(ctx)
}

// workspace is the open document's annotations with the machine's open
// suggestions.
func (e *editor) workspace(ctx app.Context) annotate.Workspace {
	return joinedWorkspace(e.st, taggingOf(ctx, e.st.Doc))
}

// lastJoin is the last workspace joinedWorkspace made. The editor and the
// page share it: an edit starts from the state the page last drew, so it
// joins nothing again (tens of milliseconds for a long article as
// WebAssembly).
var lastJoin struct {
	ok      bool
	seq     int
	doc     *annotate.Document
	tagging taggingKey
	ws      annotate.Workspace
}

// joinedWorkspace is withSuggestions of the editing state's current
// workspace and the tagging, made once for each editing state (its Seq:
// the editor publishes every change of its history, which counts it),
// document and tagging.
func joinedWorkspace(ed editingState, st taggingState) annotate.Workspace {
	key := keyOf(st)
	if lastJoin.ok && lastJoin.seq == ed.Seq && lastJoin.doc == ed.Doc && lastJoin.tagging == key {
		return lastJoin.ws
	}
	ws := withSuggestions(ed.History.Current(), st)
	lastJoin.ok, lastJoin.seq, lastJoin.doc, lastJoin.tagging, lastJoin.ws = true, ed.Seq, ed.Doc, key, ws
	return ws
}

// withSuggestions adds a tagging's suggestions to a workspace: its
// entities and its claims.
func withSuggestions(w annotate.Workspace, st taggingState) annotate.Workspace {
	return w.WithSuggestions(st.Entities, st.Recognizer).WithClaims(st.Claims, st.ClaimFinder)
}

// handleEdit applies an edit, says what it did, and saves.
func (e *editor) handleEdit(ctx app.Context, a app.Action) {
	ed, ok := a.Value.(annotate.Edit)
	if !ok {
		return
	}
	if e.st.Doc == nil {
		say(ctx, "The article is still opening; try again in a moment.")
		return
	}
	next, res, err := e.workspace(ctx).Apply(ed, annotate.EditEnv{Reader: e.reader, Now: time.Now(), NewID: newNoteID})
	if err != nil {
		sayFailed(ctx, "Not done", err)
		return
	}
	e.st.History = e.st.History.Do(next)
	e.st.Edits++
	if res.Created != "" {
		e.st.Active = activeHighlight{ID: res.Created}
		e.st.Created = res.Created
	} else if gone(ed, e.st.Active) {
		e.st.Active = activeHighlight{}
	}
	say(ctx, res.Report)
	e.publish(ctx)
	// The change goes on screen first; saving it and teaching the model
	// (both encode the article) come in a task after the browser has
	// drawn it. They take the document's state as it is then, so a later
	// edit never has an earlier state saved over it.
	ws, learn := e.st.History.Current(), teaches(ed)
	ctx.Async(func() {
		afterPaint()
		ctx.Dispatch(func(ctx app.Context) {
			if e.st.Doc != nil && e.st.Doc.ID == ws.Doc.ID {
				ws = e.st.History.Current()
			}
			lib.save(ctx, ws)
			if learn {
				learning.learn(ctx, ws)
			}
		})
	})
}

// teaches reports whether an edit is a decision about entities the model
// learns from: a suggestion accepted, rejected or relabelled, an entity
// marked or deleted. (Comments, tags and claims teach it nothing.)
func teaches(ed annotate.Edit) bool {
	switch ed := ed.(type) {
	case annotate.CreateNote:
		return ed.Label != annotate.Claim
	case annotate.Relabel, annotate.DeleteNote, annotate.AcceptSuggestion, annotate.RejectSuggestion, annotate.AcceptAll, annotate.RejectAll:
		return true
	}
	return false
}

// gone reports whether an edit removes the highlight a card is open on.
func gone(ed annotate.Edit, a activeHighlight) bool {
	switch ed := ed.(type) {
	case annotate.DeleteNote:
		return a.ID == ed.ID
	case annotate.RejectSuggestion:
		return a.ID == "" && a.Key == ed.Key
	case annotate.RejectAll:
		return a.ID == "" && a.Key.Label == ed.Label
	}
	return false
}

// handleUndo steps back or forward through the history.
func (e *editor) handleUndo(ctx app.Context, a app.Action) {
	step, report, none := e.st.History.Undo, "Undone.", "nothing to undo"
	if a.Name == actionRedo {
		step, report, none = e.st.History.Redo, "Redone.", "nothing to redo"
	}
	h, ok := step()
	if !ok {
		ctx.SetState(stateNotice, notice{Text: "Not done: " + none + ".", Problem: true})
		return
	}
	e.st.History = h
	e.st.Edits++
	say(ctx, report)
	e.publish(ctx)
	lib.save(ctx, e.st.History.Current())
}

// newNoteID returns a new note ID: a time-ordered UUID (version 7) URN.
func newNoteID() string { return uuid.Must(uuid.NewV7()).URN() }

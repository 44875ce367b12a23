package main

import (
	"fmt"
	"maps"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/app/sample"
)

// articlePage is the reader's page: the article with its highlights, the
// selection toolbar, the card of the active highlight, the legend and the
// annotation panel. It holds the undo history of the document's
// annotations and handles the annotating actions its children raise.
type articlePage struct {
	app.Compo

	doc     *annotate.Document
	history annotate.History
	tagging taggingState
	hidden  map[annotate.Label]bool // labels whose highlights are hidden
	reader  *annotate.Agent
	marked  bool // the first-highlight performance mark is set

	// The selection toolbar.
	toolbarOpen bool
	pending     annotate.Span // the selection it labels
	selErr      string        // why the selection cannot be labelled
	toolbarAt   [2]float64    // page coordinates: top, left

	active     activeHighlight // the highlight whose card is open
	focusAfter activeHighlight // what gets the focus after the next edit
	notice     string          // what the last edit did, or why it failed
	helpOpen   bool            // the keyboard shortcuts
	caretMode  bool            // arrows move a caret in the article

	keydown app.Func

	// The library (library.go).
	store       library.Store
	saves       chan annotate.Workspace // to the saver
	saved       annotate.Workspace      // what the store holds
	saveState   saveStatus
	banner      string // work is not kept, and why
	libProblem  string // records that could not be read
	docs        []library.DocMeta
	usage       string
	title       string // the open document's title in the library
	tabs        *tabChannel
	lastDeleted *library.StoredDoc // for undo
	orphans     []library.Orphan   // imported, not placed in the text
	libraryOpen bool
}

// activeHighlight names the highlight whose card is open: a note by id,
// or a suggestion by its key.
type activeHighlight struct {
	ID  string
	Key annotate.SuggestionKey
}

func (a activeHighlight) none() bool { return a.ID == "" && a.Key.Label == "" }

// OnInit builds the document; it runs on the server (prerendering) and in
// the browser alike, so both render the same article.
func (p *articlePage) OnInit() {
	text, err := annotate.NormalizeText([]byte(sample.Article))
	if err != nil {
		panic(fmt.Sprintf("the embedded sample article is not text: %v", err))
	}
	p.doc = annotate.NewDocument(text)
	p.history = annotate.NewHistory(annotate.NewWorkspace(p.doc))
	p.hidden = make(map[annotate.Label]bool)
	p.reader = annotate.Reader("me")
}

// OnMount starts tagging in the browser, follows its progress, and
// listens to the keyboard and to the actions of the page's children.
func (p *articlePage) OnMount(ctx app.Context) {
	exposeMemory()
	ctx.ObserveState(stateTagging).
		OnChange(func() {
			p.keepEntities(ctx, p.tagging)
			ctx.Defer(p.markTimings)
		}).
		Value(&p.tagging)
	ctx.Handle(actionExport, p.handleExchange)
	ctx.Handle(actionImport, p.handleExchange)
	for _, name := range []string{actionOpenDoc, actionRenameDoc, actionDeleteDoc, actionUndoDelete, actionAddText, actionAddFile} {
		ctx.Handle(name, p.handleLibrary)
	}
	ctx.Handle(actionToggleLabel, func(ctx app.Context, a app.Action) {
		if l, ok := a.Value.(annotate.Label); ok {
			p.toggleLabel(l)
		}
	})
	for _, name := range []string{actionApplyLabel, actionRelabel, actionComment, actionTags, actionClaim,
		actionDelete, actionAccept, actionAcceptAs, actionReject, actionAcceptAll, actionRejectAll, actionUndo, actionRedo} {
		ctx.Handle(name, p.handleEdit)
	}
	ctx.Handle(actionChooseLabel, func(ctx app.Context, a app.Action) {
		if l, ok := a.Value.(annotate.Label); ok {
			p.labelSelection(ctx, l)
		}
	})
	ctx.Handle(actionActivate, func(ctx app.Context, a app.Action) {
		if act, ok := a.Value.(activeHighlight); ok {
			p.activate(ctx, act, true)
		}
	})
	ctx.Handle(actionCloseCard, func(ctx app.Context, a app.Action) { p.active = activeHighlight{} })
	p.keydown = app.FuncOf(func(_ app.Value, args []app.Value) any {
		ev := keyEventOf(args[0])
		if p.wantsKey(ev) {
			args[0].Call("preventDefault")
			ctx.Dispatch(func(ctx app.Context) { p.onKey(ctx, ev) })
		}
		return nil
	})
	app.Window().Get("document").Call("addEventListener", "keydown", p.keydown)
	p.openLibrary(ctx)
}

// OnDismount releases the keyboard listener.
func (p *articlePage) OnDismount() {
	if p.keydown != nil { // never set when prerendering on the server
		app.Window().Get("document").Call("removeEventListener", "keydown", p.keydown)
		p.keydown.Release()
	}
	p.tabs.close()
}

// markTimings leaves performance marks for benchmarks and tests, once
// the highlights they name are on screen.
func (p *articlePage) markTimings(ctx app.Context) {
	if !p.marked && len(p.tagging.Entities) > 0 {
		p.marked = true
		app.Window().Get("performance").Call("mark", "glossa-first-highlight")
	}
	if p.tagging.Status == taggingDone {
		app.Window().Get("performance").Call("mark", "glossa-tagged")
	}
}

// toggleLabel hides or shows one label's highlights. It replaces the map
// rather than change it, so the legend sees a new value.
func (p *articlePage) toggleLabel(l annotate.Label) {
	hidden := maps.Clone(p.hidden)
	hidden[l] = !hidden[l]
	p.hidden = hidden
}

// workspace is the current annotations with the machine's suggestions
// that are still open.
func (p *articlePage) workspace() annotate.Workspace {
	st := p.taggingOfDoc()
	return p.history.Current().WithSuggestions(st.Entities, st.Recognizer)
}

// taggingOfDoc is the tagging of the open document (a tagging of one
// opened before is ignored).
func (p *articlePage) taggingOfDoc() taggingState {
	if p.tagging.DocID != "" && p.tagging.DocID != p.doc.ID {
		return taggingState{}
	}
	return p.tagging
}

// handleEdit applies an annotating action and reports what it did.
func (p *articlePage) handleEdit(ctx app.Context, a app.Action) {
	env := editEnv{
		Reader:      p.reader,
		Now:         time.Now,
		NewID:       func() string { return uuid.Must(uuid.NewV7()).URN() },
		Suggestions: p.taggingOfDoc().Entities,
		Recognizer:  p.taggingOfDoc().Recognizer,
	}
	h, res, err := applyEdit(p.history, a.Name, a.Value, env)
	if err != nil {
		p.notice = "Not done: " + err.Error() + "."
		return
	}
	p.history, p.notice = h, res.Report
	p.save()
	switch {
	case res.Created != "":
		p.active = activeHighlight{ID: res.Created}
		ctx.Defer(func(ctx app.Context) { focusHighlight(p.active, false) })
	case a.Name == actionDelete || a.Name == actionReject:
		p.active = activeHighlight{}
	}
	if next := p.focusAfter; !next.none() {
		p.focusAfter = activeHighlight{}
		ctx.Defer(func(ctx app.Context) { focusHighlight(next, false) })
	}
}

// labelSelection annotates the pending selection with a label.
func (p *articlePage) labelSelection(ctx app.Context, l annotate.Label) {
	if !p.toolbarOpen || p.selErr != "" {
		return
	}
	p.toolbarOpen = false
	clearSelection()
	ctx.NewActionWithValue(actionApplyLabel, applyLabel{Span: p.pending, Label: l})
}

// onSelect shows the toolbar for the reader's selection, or says why the
// selection cannot be labelled. exact keeps the selection as it is (Alt);
// otherwise it snaps to whole words.
func (p *articlePage) onSelect(ctx app.Context, exact bool) {
	span, r, err := readSelection(p.doc)
	if err == errEmptySelection {
		p.toolbarOpen = false
		return
	}
	p.toolbarOpen = true
	p.selErr = ""
	if err != nil {
		p.selErr = err.Error()
		p.toolbarAt = [2]float64{app.Window().Get("scrollY").Float() + 80, 40}
		return
	}
	if !exact {
		span = annotate.SnapToWords(p.doc.Text, span)
	}
	span = annotate.SnapToGraphemes(p.doc.Text, span)
	if span.Len() == 0 {
		p.selErr = errBlankSelection.Error()
	}
	p.pending = span
	rect := r.Call("getBoundingClientRect")
	p.toolbarAt = [2]float64{
		rect.Get("bottom").Float() + app.Window().Get("scrollY").Float() + 6,
		rect.Get("left").Float() + app.Window().Get("scrollX").Float(),
	}
	ctx.Defer(func(ctx app.Context) { positionToolbar(p.toolbarAt) })
}

// activate opens the card of a highlight; focus moves the keyboard focus
// to its mark.
func (p *articlePage) activate(ctx app.Context, a activeHighlight, focus bool) {
	p.active = a
	p.toolbarOpen = false
	if focus {
		ctx.Defer(func(ctx app.Context) { focusHighlight(a, true) })
	}
}

func (p *articlePage) Render() app.UI {
	w := p.workspace()
	hls := highlightsOf(w)
	return app.Div().Class("page").Body(
		app.If(p.banner != "", app.P().Class("banner").Role("alert").Text(p.banner)),
		app.Header().Class("bar").Body(
			app.Span().Class("brand").Text("Glossa"),
			app.Button().Class("library-button").Aria("expanded", fmt.Sprint(p.libraryOpen)).Text("Library").
				OnClick(func(ctx app.Context, e app.Event) { p.libraryOpen = !p.libraryOpen }),
			p.renderStatus(),
			p.renderSaveStatus(),
			app.If(p.notice != "", app.P().Class("notice").Role("status").Text(p.notice)),
			app.Button().Class("help-button").Aria("label", "Keyboard shortcuts").Title("Keyboard shortcuts (?)").Text("?").
				OnClick(func(ctx app.Context, e app.Event) { p.helpOpen = !p.helpOpen }),
		),
		app.Main().Class("layout").Body(
			app.Div().Class("reading").
				OnMouseUp(func(ctx app.Context, e app.Event) { p.onSelect(ctx, e.Get("altKey").Bool()) }).
				OnClick(func(ctx app.Context, e app.Event) {
					if a, ok := highlightAt(e.Get("target")); ok && selectionCollapsed() {
						p.activate(ctx, a, false)
					}
				}).
				Body(renderArticle(p.doc, hls, p.hidden)),
			app.Div().Class("side").Body(
				app.If(p.libraryOpen, &libraryPanel{Docs: p.docs, Current: p.doc.ID, Usage: p.usage, Problem: p.libProblem}),
				app.If(p.lastDeleted != nil, app.Button().Aria("label", "Undo delete").Text("Undo delete").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionUndoDelete) })),
				app.If(!p.active.none(), newNoteCard().Workspace(w).Active(p.active)),
				newLegend().Counts(countHighlights(hls)).Hidden(p.hidden),
				// The tools work only once the app runs: the page served
				// before it (prerendered) leaves them out, and so paints
				// the article as fast as a plain page.
				app.If(app.IsClient, newAnnotationPanel().Workspace(w), renderExchange()),
				app.If(len(p.orphans) > 0, renderOrphans(p.orphans)),
			),
		),
		app.If(p.toolbarOpen, newSelectionToolbar().Error(p.selErr)),
		app.If(p.helpOpen, renderShortcutsHelp(func() { p.helpOpen = false })),
	)
}

// renderStatus tells the reader what tagging is doing.
func (p *articlePage) renderStatus() app.UI {
	st := p.taggingOfDoc()
	text, class := "", "status"
	switch st.Status {
	case taggingNotStarted, taggingLoadingModel:
		text = "Finding entities… (loading the language model)"
		class += " busy"
	case taggingRunning:
		text = fmt.Sprintf("Finding entities… %d of %d paragraphs", st.BlocksDone, len(p.doc.Blocks))
		class += " busy"
	case taggingDone:
		text = fmt.Sprintf("Found %d entities", len(st.Entities))
	case taggingFailed:
		text = "Could not find entities: " + st.Err + ". The article is still here to read."
		class += " error"
	}
	status := app.P().ID("status").Class(class).Role("status").Aria("live", "polite").Text(text)
	if st.Status == taggingDone {
		status = status.DataSet("ms", strconv.FormatFloat(st.Millis, 'f', 1, 64))
	}
	return status
}

// highlightsOf lists what to mark: the reader's notes and the open
// suggestions.
func highlightsOf(w annotate.Workspace) []highlight {
	hls := make([]highlight, 0, len(w.Notes)+len(w.Suggestions))
	for _, n := range w.Notes {
		hls = append(hls, highlight{Span: n.Span, Label: n.Label, Kind: kindAnnotation, ID: n.ID})
	}
	for _, e := range w.Suggestions {
		hls = append(hls, highlight{Span: e.Span, Label: e.Label, Kind: kindSuggestion})
	}
	return hls
}

// countHighlights counts highlights per label.
func countHighlights(hls []highlight) map[annotate.Label]int {
	counts := make(map[annotate.Label]int)
	for _, h := range hls {
		counts[h.Label]++
	}
	return counts
}

// renderSaveStatus says whether the work is saved.
func (p *articlePage) renderSaveStatus() app.UI {
	text, class := "", "save-status"
	switch {
	case p.store == nil:
		return app.P().ID("save-status").Class(class).Text("")
	case p.saveState.Err != "":
		text, class = "Not saved: "+p.saveState.Err+".", class+" error"
	case p.saveState.Saving:
		text = "Saving…"
	case p.banner != "":
		text = "Not kept (memory only)"
	default:
		text = "Saved"
	}
	return app.P().ID("save-status").Class(class).Role("status").Text(text)
}

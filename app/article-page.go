package main

import (
	"maps"
	"strconv"
	"unsafe"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// Actions of the page's own view, raised by its children.
const (
	actionChooseLabel = "choose-label" // annotate.Label: label the selection
	actionJumpTo      = "jump-to"      // activeHighlight: scroll to it, flash it, open its card
)

// articlePage is the reader's page: the article with its highlights, the
// selection toolbar, the card of the active highlight, the legend, the
// annotation panel, the library and export. It observes the features'
// states (editing, tagging, library, exchange, notice) and raises their
// actions; what it keeps itself is only how the page looks: the toolbar
// and the selection it labels, caret mode, the shortcuts help, the labels
// hidden.
type articlePage struct {
	app.Compo

	// The features' states, as last published.
	editing  editingState
	tagging  taggingState
	library  libraryState
	exchange exchangeState
	settings settingsState
	learning learningState
	notice   notice

	// The view.
	hidden     map[annotate.Label]bool // labels whose highlights are hidden
	marked     bool                    // the first-highlight performance mark is set
	markedDone taggingKey              // the tagging last marked done
	toolbar    toolbarState
	focusAfter activeHighlight // what gets the focus after the next edit
	seenSeq    int             // the editing change last acted on
	helpOpen   bool            // the keyboard shortcuts
	caretMode  bool            // arrows move a caret in the article
	menuShown  bool            // the export menu is drawn (see OnMount)
	panelShown bool            // the annotation panel is drawn (see OnMount)

	keydown, mousedown app.Func
	presses            int // the reader's key and pointer presses so far

	joined workspaceMemo // the last workspace() and what it was joined from
}

// workspaceMemo keeps the last workspace the page joined from the editing
// history and the tagging: the page renders several times for one action,
// and joining a long article's thousands of suggestions takes
// milliseconds each time.
type workspaceMemo struct {
	ok      bool
	seq     int // editingState.Seq: the history changes only with it
	doc     *annotate.Document
	tagging taggingKey
	ws      annotate.Workspace
	// The highlights of ws, listed and per block of doc, once drawn
	// (lit): a render that changes no highlight (a status, "Saved", a card)
	// gives the article view the same per-block slices, which go-app then
	// compares in no time, instead of new ones it compares item by item.
	lit   bool
	hls   []highlight
	marks [][]highlight
}

// taggingKey tells tagging states apart: their entities and claims are
// new slices whenever they change.
type taggingKey struct {
	docID, recognizer, claimFinder string
	entities                       *annotate.Entity
	nEntities                      int
	claims                         *annotate.ClaimSuggestion
	nClaims                        int
}

func keyOf(st taggingState) taggingKey {
	return taggingKey{docID: st.DocID, recognizer: st.Recognizer, claimFinder: st.ClaimFinder,
		entities: unsafe.SliceData(st.Entities), nEntities: len(st.Entities),
		claims: unsafe.SliceData(st.Claims), nClaims: len(st.Claims)}
}

// toolbarState is the selection toolbar: open or not, the selection it
// labels, or why that cannot be labelled.
type toolbarState struct {
	Open    bool
	Pending annotate.Span // the selection, snapped
	Err     string        // why the selection cannot be labelled
	At      selectionBox  // where the selection is, in page coordinates
}

// OnInit shows the sample article before anything is loaded: it runs on
// the server (prerendering) and in the browser alike, so both render the
// same article.
func (p *articlePage) OnInit() {
	doc := sampleDocument()
	p.editing = editingState{Doc: doc, History: annotate.NewHistory(annotate.NewWorkspace(doc))}
	p.hidden = make(map[annotate.Label]bool)
	// On a first visit the served page may show the sample's suggestions
	// already (web/boot.js): the first render draws them too.
	if st := taggingStarted(doc); st.BlocksDone > 0 {
		p.tagging = st
	}
}

// OnMount mounts the features, observes their states, and listens to the
// keyboard and the mouse.
func (p *articlePage) OnMount(ctx app.Context) {
	exposeMemory()
	ctx.ObserveState(stateEditing).OnChange(func() { p.editingChanged(ctx) }).Value(&p.editing)
	ctx.ObserveState(stateTagging).OnChange(func() { ctx.Defer(p.markTimings) }).Value(&p.tagging)
	ctx.ObserveState(stateLibrary).Value(&p.library)
	ctx.ObserveState(stateExchange).Value(&p.exchange)
	ctx.ObserveState(stateSettings).Value(&p.settings)
	ctx.ObserveState(stateLearning).Value(&p.learning)
	ctx.ObserveState(stateNotice).Value(&p.notice)
	editing.mount(ctx)
	exchange.mount(ctx)
	settings.mount(ctx)
	learning.mount(ctx)
	ctx.Handle(actionToggleLabel, func(ctx app.Context, a app.Action) {
		if l, ok := a.Value.(annotate.Label); ok {
			p.toggleLabel(l)
		}
	})
	ctx.Handle(actionChooseLabel, func(ctx app.Context, a app.Action) {
		if l, ok := a.Value.(annotate.Label); ok {
			p.labelSelection(ctx, l)
		}
	})
	ctx.Handle(actionJumpTo, func(ctx app.Context, a app.Action) {
		if h, ok := a.Value.(activeHighlight); ok {
			p.activate(ctx, h, true)
		}
	})
	p.keydown = app.FuncOf(func(_ app.Value, args []app.Value) any {
		p.presses++
		ev := keyEventOf(args[0])
		if p.wantsKey(ev) {
			args[0].Call("preventDefault")
			ctx.Dispatch(func(ctx app.Context) { p.onKey(ctx, ev) })
		}
		return nil
	})
	app.Window().Get("document").Call("addEventListener", "keydown", p.keydown)
	p.mousedown = app.FuncOf(func(_ app.Value, args []app.Value) any {
		p.presses++
		letPressSelect(args[0])
		return nil
	})
	app.Window().Get("document").Call("addEventListener", "mousedown", p.mousedown, true)
	lib.mount(ctx)
	// The first render draws what the page served before the app ran
	// showed (the bar, the article, the legend); the tools it left out,
	// the export menu and the side panel, come in a task each: the
	// browser compiles the WebAssembly of each component as it first
	// renders, and one task doing it all blocked the page for longer.
	inNextTask(ctx, func(ctx app.Context) {
		p.menuShown = true
		// go-app renders on its next frame, then runs what is deferred:
		// the panel waits for a task after the menu's.
		ctx.Defer(func(ctx app.Context) {
			inNextTask(ctx, func(app.Context) { p.panelShown = true })
		})
	})
}

// OnDismount releases the listeners.
func (p *articlePage) OnDismount() {
	if p.keydown != nil { // never set when prerendering on the server
		app.Window().Get("document").Call("removeEventListener", "keydown", p.keydown)
		app.Window().Get("document").Call("removeEventListener", "mousedown", p.mousedown, true)
		p.keydown.Release()
		p.mousedown.Release()
	}
	lib.dismount()
}

// editingChanged moves the keyboard focus after an edit: to the note it
// created, or to the highlight after the one a key removed.
func (p *articlePage) editingChanged(ctx app.Context) {
	if p.editing.Seq == p.seenSeq {
		return
	}
	p.seenSeq = p.editing.Seq
	next := p.focusAfter
	p.focusAfter = activeHighlight{}
	if p.editing.Created != "" {
		next = activeHighlight{ID: p.editing.Created}
	}
	if next.none() {
		return
	}
	// The control or mark that has the focus is about to be replaced
	// (the card's Accept button, the mark a key acted on): a browser
	// that removes the focused element works out the page's style and
	// layout there and then, in the middle of the render. Let go of the
	// focus first, and give it to the next highlight once the browser
	// has drawn the change, in a task of its own.
	releaseFocus()
	presses := p.presses
	ctx.Defer(func(ctx app.Context) {
		ctx.Async(func() {
			afterPaint()
			ctx.Dispatch(func(app.Context) {
				// Unless the reader has pressed a key or clicked since
				// (a click on the page leaves the focus free too).
				if p.presses == presses && focusIsFree() {
					focusHighlight(next, false)
				}
			})
		})
	})
}

// markTimings leaves performance marks for benchmarks and tests, once
// the highlights they name are on screen. The loader registers go-app's
// service worker at "glossa-tagged" (laterServiceWorker).
func (p *articlePage) markTimings(ctx app.Context) {
	st := p.taggingOfDoc()
	if !p.marked && len(st.Entities) > 0 {
		p.marked = true
		app.Window().Get("performance").Call("mark", "glossa-first-highlight")
	}
	if st.Status == taggingDone && keyOf(st) != p.markedDone {
		p.markedDone = keyOf(st)
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

// doc is the open document.
func (p *articlePage) doc() *annotate.Document { return p.editing.Doc }

// taggingOfDoc is the tagging of the open document (a tagging of one
// opened before is ignored).
func (p *articlePage) taggingOfDoc() taggingState {
	if p.tagging.DocID != "" && p.tagging.DocID != p.doc().ID {
		return taggingState{}
	}
	return p.tagging
}

// workspace is the current annotations with the machine's suggestions
// that are still open.
func (p *articlePage) workspace() annotate.Workspace {
	st := p.taggingOfDoc()
	m := workspaceMemo{ok: true, seq: p.editing.Seq, doc: p.editing.Doc, tagging: keyOf(st)}
	if p.joined.ok && p.joined.seq == m.seq && p.joined.doc == m.doc && p.joined.tagging == m.tagging {
		return p.joined.ws
	}
	m.ws = joinedWorkspace(p.editing, st)
	p.joined = m
	return m.ws
}

// highlights is workspace() with its highlights, listed and per block of
// the document (see workspaceMemo).
func (p *articlePage) highlights() (annotate.Workspace, []highlight, [][]highlight) {
	w := p.workspace()
	if !p.joined.lit {
		p.joined.hls = highlightsOf(w)
		p.joined.marks = highlightsByBlock(p.doc().Blocks, p.joined.hls)
		p.joined.lit = true
	}
	return w, p.joined.hls, p.joined.marks
}

// labelSelection annotates the pending selection with a label.
func (p *articlePage) labelSelection(ctx app.Context, l annotate.Label) {
	if !p.toolbar.Open || p.toolbar.Err != "" {
		return
	}
	p.toolbar.Open = false
	clearSelection()
	ctx.NewActionWithValue(actionEdit, annotate.CreateNote{Span: p.toolbar.Pending, Label: l})
}

// onSelect shows the toolbar for the reader's selection, or says why the
// selection cannot be labelled. exact keeps the selection as it is (Alt);
// otherwise it snaps to whole words.
func (p *articlePage) onSelect(ctx app.Context, exact bool) {
	doc := p.doc()
	span, r, err := readSelection(doc)
	if err == errEmptySelection {
		p.toolbar.Open = false
		return
	}
	p.toolbar = toolbarState{Open: true}
	if err != nil {
		p.toolbar.Err = err.Error()
		y := app.Window().Get("scrollY").Float() + 80
		p.toolbar.At = selectionBox{Top: y, Bottom: y, Left: 40}
		at := p.toolbar.At
		ctx.Defer(func(ctx app.Context) { positionToolbar(at) })
		return
	}
	if !exact {
		span = annotate.SnapToWords(doc.Text, span)
	}
	span = annotate.SnapToGraphemes(doc.Text, span)
	if span.Len() == 0 {
		p.toolbar.Err = errBlankSelection.Error()
	}
	p.toolbar.Pending = span
	rect := r.Call("getBoundingClientRect")
	sy, sx := app.Window().Get("scrollY").Float(), app.Window().Get("scrollX").Float()
	p.toolbar.At = selectionBox{
		Top:    rect.Get("top").Float() + sy,
		Bottom: rect.Get("bottom").Float() + sy,
		Left:   rect.Get("left").Float() + sx,
	}
	at := p.toolbar.At
	ctx.Defer(func(ctx app.Context) { positionToolbar(at) })
}

// activate opens the card of a highlight; focus moves the keyboard focus
// to its mark (and flash scrolls to it and makes it blink).
func (p *articlePage) activate(ctx app.Context, a activeHighlight, flash bool) {
	p.toolbar.Open = false
	ctx.NewActionWithValue(actionActivate, a)
	ctx.Defer(func(ctx app.Context) {
		focusHighlight(a, flash)
		showCard()
	})
}

// onArticleClick opens the card of the highlight clicked, when the click
// selected nothing.
func (p *articlePage) onArticleClick(ctx app.Context, e app.Event) {
	if a, ok := highlightAt(e.Get("target")); ok && selectionCollapsed() {
		p.activate(ctx, a, false)
	}
}

func (p *articlePage) onArticleMouseUp(ctx app.Context, e app.Event) {
	p.onSelect(ctx, e.Get("altKey").Bool())
}

func (p *articlePage) toggleLibrary(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionShowLibrary, !p.library.Shown)
}

func (p *articlePage) toggleHelp(ctx app.Context, e app.Event) { p.helpOpen = !p.helpOpen }

func (p *articlePage) toggleSettings(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionShowSettings, !p.settings.Shown)
}

func (p *articlePage) Render() app.UI {
	w, hls, marks := p.highlights()
	return app.Div().Class("page").Body(
		slot(p.library.Banner != "", app.P().Class("banner").Role("alert").Text(p.library.Banner)),
		app.Header().Class("bar").Body(
			app.Span().Class("brand").Text("Glossa"),
			app.Button().Class("library-button").Aria("expanded", p.library.Shown).Text("Library").
				OnClick(p.toggleLibrary),
			app.Button().Class("settings-button").Aria("expanded", p.settings.Shown).Text("Settings").
				OnClick(p.toggleSettings),
			// Export and import work only once the app runs (and are
			// drawn just after its first render: see OnMount).
			slot(p.menuShown, &exchangeMenu{Busy: p.exchange.Busy}),
			p.renderStatus(),
			p.renderSaveStatus(),
			// Always there, even empty: a live region that appears with its
			// text is not announced.
			renderNotice(p.notice),
			app.Button().Class("help-button").Aria("label", "Keyboard shortcuts").Title("Keyboard shortcuts (?)").Text("?").
				OnClick(p.toggleHelp),
		),
		app.Main().Class("layout").Body(
			app.Div().Class("reading").
				OnMouseUp(p.onArticleMouseUp).
				OnClick(p.onArticleClick).
				Body(newArticleView(p.doc(), marks, p.hidden)),
			app.Div().Class("side").Body(
				// The card first: it stays in view beside the highlight
				// it edits, whatever else the column holds.
				slot(!p.editing.Active.none(), &noteCard{W: w, Target: p.editing.Active}),
				slot(p.settings.Shown, &settingsPanel{S: p.settings, L: p.learning}),
				slot(p.library.Shown, &libraryPanel{Docs: p.library.Docs, Current: p.doc().ID, Usage: p.library.Usage,
					Problem: p.library.Problem, Deleted: p.library.Deleted}),
				// The labels' buttons come with the export menu, a task
				// after the first render (the served page has none
				// either): with them, the first render's task was the
				// load's longest (traced: 110–160 ms; 45–65 without them
				// and with the document made before, see main).
				newLegend().Counts(labelCounts(p.menuShown, hls)).Hidden(p.hidden),
				// The tools work only once the app runs: the page served
				// before it (prerendered) leaves them out, and so paints
				// the article as fast as a plain page; the app draws them
				// just after its first render (see OnMount).
				slot(p.panelShown, newAnnotationPanel().Workspace(w)),
				slot(len(p.library.Orphans) > 0, renderOrphans(p.library.Orphans)),
			),
		),
		slot(p.toolbar.Open, newSelectionToolbar().Error(p.toolbar.Err)),
		slot(p.helpOpen, renderShortcutsHelp(func() { p.helpOpen = false })),
	)
}

// slot shows elems when cond holds, in a wrapper that is always there
// (display: contents): go-app matches children by position, so a part that
// comes and goes in a slot of its own leaves its siblings where they were,
// and they are updated, not made anew (a card opening would otherwise
// rebuild the whole side panel after it).
func slot(cond bool, elems ...app.UI) app.UI {
	return app.Div().Class("slot").Body(app.If(cond, elems...))
}

// renderNotice shows the last action's notice, with the error underneath
// on demand.
func renderNotice(n notice) app.UI {
	class := "notice"
	if n.Problem {
		class += " problem"
	}
	// A problem is an alert (read at once); anything else is said
	// politely, after what the reader is hearing.
	return app.Div().Class(class).Role(pick(n.Problem, "alert", "status")).Body(
		app.Span().Class("notice-text").Text(n.Text),
		app.If(n.Offer != "", app.Button().Class("notice-offer").Text(n.Offer).
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(n.OfferAction) }, n.OfferAction)),
		app.If(n.Details != "", app.Details().Class("notice-details").Body(
			app.Summary().Text("Details"),
			app.Code().Text(n.Details),
		)),
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
		text = "Finding entities… " + strconv.Itoa(st.BlocksDone) + " of " + strconv.Itoa(len(p.doc().Blocks)) + " paragraphs"
		class += " busy"
	case taggingDone:
		text = "Found " + strconv.Itoa(len(st.Entities)) + " entities and " + plural(len(st.Claims), "claim", "claims")
		if n := p.learning.Corrections; n > 0 && p.learning.On {
			text += " · learned from " + plural(n, "correction", "corrections")
		}
	case taggingFailed:
		text = "Could not find entities: " + st.Err + ". The article is still here to read."
		class += " error"
	}
	// A status (polite); an alert when tagging failed.
	status := app.P().ID("status").Class(class).Role(pick(st.Status == taggingFailed, "alert", "status")).Text(text)
	if st.Status == taggingDone {
		status = status.DataSet("ms", strconv.FormatFloat(st.Millis, 'f', 1, 64)).DataSet("kept", st.Saved)
	}
	return status
}

// highlightsOf lists what to mark: the reader's notes and the open
// suggestions.
func highlightsOf(w annotate.Workspace) []highlight {
	hls := make([]highlight, 0, len(w.Notes)+len(w.Suggestions))
	for _, n := range w.Notes {
		h := highlight{Span: n.Span, Label: n.Label, Kind: kindAnnotation, ID: n.ID}
		if n.Label == annotate.Claim {
			h.Speaker = w.SpeakerName(n)
		}
		hls = append(hls, h)
	}
	for _, e := range w.Suggestions {
		h := highlight{Span: e.Span, Label: e.Label, Kind: kindSuggestion}
		// e is pending: its claim is w.Claims[e.Span] (ClaimOf would
		// look for e among the suggestions again, for each claim).
		if c, ok := w.Claims[e.Span]; ok && e.Label == annotate.Claim {
			h.Speaker = c.SpeakerName
			if se := c.SpeakerEntity; se != nil {
				h.SpeakerEntity = spanAttr(se.Span) + " " + string(se.Label)
			}
		}
		hls = append(hls, h)
	}
	return hls
}

// labelCounts is what the legend lists: nothing in the first render (the
// served page's legend, "None found yet."), then the highlights' count per
// label.
func labelCounts(shown bool, hls []highlight) map[annotate.Label]int {
	if !shown {
		return nil
	}
	return countHighlights(hls)
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
	st := p.library
	switch {
	case st.Status == libraryOpening && !st.Save.Saving:
		// Nothing to say yet.
	case st.Save.Err != "":
		text, class = "Not saved: "+st.Save.Err+".", class+" error"
	case st.Save.Saving:
		text = "Saving…"
	case st.Status == libraryMemory:
		text = "Not kept (memory only)"
	default:
		text = "Saved"
	}
	// The counts are part of the testing contract: a test waits for the
	// edits it made to be stored.
	return app.P().ID("save-status").Class(class).Role(pick(st.Save.Err != "", "alert", "status")).
		DataSet("edits", p.editing.Edits).DataSet("saved", st.Save.Saved).Text(text)
}

package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate/formats/remote"
	"glossa/annotate/library"
)

// Export and import in the browser: exports download as files; imports
// come through the file picker and merge into the library whole or not at
// all.
const (
	actionExport = "export" // exportRequest
	actionImport = "import" // app.Value: the File
	// actionAttach attaches the file whose import was refused to the open
	// article (the notice offers it).
	actionAttach = "import-attach"
	// stateExchange holds an exchangeState.
	stateExchange = "exchange"
)

// exportRequest names a format and what to export.
type exportRequest struct {
	Format  string // remote.Format.Name
	Library bool   // the whole library, else the open article
}

// exchangeState says whether an export or import is under way.
type exchangeState struct {
	Busy string // what is under way ("Exporting…", "Importing x.jsonld…"), "" if nothing
}

// maxImportBytes is the largest annotation file Glossa imports.
const maxImportBytes = 50 << 20

// exchanger is the export and import feature.
type exchanger struct {
	st exchangeState
	// pending is a file whose annotations name no article of the library
	// but quote the open article: the notice offers to attach them.
	pending *attachOffer
}

// attachOffer is a file that can be attached to an article.
type attachOffer struct {
	name  string
	file  app.Value // the File the reader picked
	docID string
}

// exchange is the page's export and import feature.
var exchange = &exchanger{}

// mount registers the export and import actions on the page.
func (x *exchanger) mount(ctx app.Context) {
	ctx.Handle(actionExport, x.handleExport)
	ctx.Handle(actionImport, x.handleImport)
	ctx.Handle(actionAttach, x.handleAttach)
}

func (x *exchanger) busy(ctx app.Context, what string) {
	x.st.Busy = what
	ctx.SetState(stateExchange, x.st)
}

// handleExport has the worker build an export (remote.ExportRequest) and
// downloads it.
func (x *exchanger) handleExport(ctx app.Context, a app.Action) {
	req, ok := a.Value.(exportRequest)
	doc := editing.st.Doc
	if !ok || doc == nil || !lib.ready(ctx, a) {
		return
	}
	ask := remote.ExportRequest{Format: req.Format, DocID: doc.ID, Title: lib.st.Title, Now: time.Now()}
	if req.Library {
		ask.DocID, ask.Title = "", "glossa-library"
	}
	x.busy(ctx, "Exporting…")
	taggerWorker().exchange(lib.store, map[string]any{"type": "export", "request": jsonText(ask)}, func(reply app.Value, err error) {
		var res remote.ExportResult
		if err == nil {
			err = readReply(reply, &res)
		}
		ctx.Dispatch(func(ctx app.Context) {
			x.busy(ctx, "")
			if err != nil {
				sayFailed(ctx, "Not exported", err)
				return
			}
			downloadBuffer(res.Name, res.MediaType, reply.Get("bytes"))
			say(ctx, strings.TrimSpace("Exported "+res.Name+". "+strings.Join(res.Notes, " ")))
		})
	})
}

// handleImport reads an annotation file into the library, whole or not at
// all, and shows the open article as it is after: the worker reads the
// file and plans the changes, the page applies them in one transaction.
func (x *exchanger) handleImport(ctx app.Context, a app.Action) {
	f, ok := a.Value.(app.Value)
	if !ok || !lib.ready(ctx, a) {
		return
	}
	name := jsString(f.Get("name"))
	if f.Get("size").Float() > maxImportBytes {
		sayFailed(ctx, "Nothing imported", problem("%s is larger than %s", name, humanBytes(maxImportBytes)))
		return
	}
	ask := remote.ImportRequest{Name: name, Now: time.Now()}
	if doc := editing.st.Doc; doc != nil {
		ask.Open = doc.ID
	}
	x.pending = nil
	x.busy(ctx, "Importing "+name+"…")
	x.importFile(ctx, f, ask, func(ctx app.Context, rep remote.Report, offer *remote.Report, err error) {
		if offer != nil && err != nil {
			x.pending = &attachOffer{name: name, file: f, docID: ask.Open}
			pages := strings.ReplaceAll(offer.ElsewhereSources, "\n", ", ")
			if pages == "" { // all of them quote the open article
				pages = "another page"
			}
			ctx.SetState(stateNotice, notice{
				Text: fmt.Sprintf("Nothing imported from %s yet: its annotations are of %s, which is not in your library under that address, but %d of them quote the open article%s.",
					name, pages, offer.Added,
					pick(offer.Elsewhere == 0, "", " ("+pick(offer.Elsewhere == 1, "1 does not", fmt.Sprint(offer.Elsewhere)+" do not")+", and would be left out)")),
				Details: err.Error(), Problem: true, Offer: "Attach to the open article", OfferAction: actionAttach,
			})
			return
		}
		if err != nil {
			sayFailed(ctx, "Nothing imported from "+name, err)
			return
		}
		say(ctx, "Imported "+name+": "+importSummary(rep))
		x.imported(ctx)
	})
}

// handleAttach attaches the pending file's annotations to the article
// they quote, as the notice offered.
func (x *exchanger) handleAttach(ctx app.Context, a app.Action) {
	p := x.pending
	if p == nil || !lib.ready(ctx, a) {
		return
	}
	x.pending = nil
	x.busy(ctx, "Attaching "+p.name+"…")
	ask := remote.ImportRequest{Name: p.name, AttachTo: p.docID, Now: time.Now()}
	x.importFile(ctx, p.file, ask, func(ctx app.Context, rep remote.Report, _ *remote.Report, err error) {
		if err != nil {
			sayFailed(ctx, "Nothing attached from "+p.name, err)
			return
		}
		say(ctx, "Attached "+p.name+" to the open article: "+importSummary(rep))
		x.imported(ctx)
	})
}

// importFile has the worker plan the import of file f (or its
// attachment), applies the changes to the library in one transaction, and
// calls done on the UI goroutine with the report, or the error and, when
// the file could be attached to the open article instead, what that would
// add.
func (x *exchanger) importFile(ctx app.Context, f app.Value, ask remote.ImportRequest,
	done func(ctx app.Context, rep remote.Report, offer *remote.Report, err error)) {
	store := lib.store
	msg := map[string]any{"type": "import", "request": jsonText(ask), "file": f}
	taggerWorker().exchange(store, msg, func(reply app.Value, err error) {
		var res remote.ImportResult
		if err == nil {
			err = readReply(reply, &res)
		}
		ctx.Async(func() {
			if err == nil {
				if aerr := store.ApplyAll(res.Changes); aerr != nil {
					err = fmt.Errorf("import %s: %w", ask.Name, aerr)
				}
			}
			ctx.Dispatch(func(ctx app.Context) {
				x.busy(ctx, "")
				done(ctx, res.Report, res.Offer, err)
			})
		})
	})
}

// imported shows the library and the open article as they are after an
// import.
func (x *exchanger) imported(ctx app.Context) {
	lib.refresh(ctx)
	learning.reload(ctx)
	if doc := editing.st.Doc; doc != nil {
		lib.load(ctx, doc.ID, true)
		lib.tabs.announce(doc.ID)
	}
}

// readReply reads the worker's answer to an export or import: its result
// into v, and its fault as the error (an import's result comes with its
// fault, for the offer to attach).
func readReply(reply app.Value, v any) error {
	if r := jsString(reply.Get("result")); r != "" {
		if err := json.Unmarshal([]byte(r), v); err != nil {
			return fmt.Errorf("the worker's answer cannot be read: %v", err)
		}
	}
	return remote.DecodeFault(jsString(reply.Get("fault")))
}

// jsonText is the JSON of one of our own values (they always encode).
func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// importSummary says what an import did.
func importSummary(report remote.Report) string {
	msg := fmt.Sprintf("%d new articles, %d annotations added, %d updated, %d kept as they were.", report.Articles, report.Added, report.Updated, report.KeptNewer+report.Duplicates)
	if report.Decisions > 0 {
		msg += fmt.Sprintf(" %d decisions about suggestions (rejected or accepted) restored.", report.Decisions)
	}
	if report.Orphans > 0 {
		msg += fmt.Sprintf(" %d could not be placed in their article's text: they are kept aside with it, listed in the library, and exported with it.", report.Orphans)
	}
	if report.Elsewhere > 0 {
		msg += fmt.Sprintf(" %s of other pages left out (%s): add those articles, then import the file again.",
			plural(report.Elsewhere, "annotation", "annotations"), strings.ReplaceAll(report.ElsewhereSources, "\n", ", "))
	}
	return msg
}

// downloadBuffer hands the bytes of buf (an ArrayBuffer) to the browser as
// a file download.
func downloadBuffer(name, media string, buf app.Value) {
	parts := app.Window().Get("Array").New()
	parts.Call("push", buf)
	blob := app.Window().Get("Blob").New(parts, map[string]any{"type": media})
	url := app.Window().Get("URL").Call("createObjectURL", blob)
	a := app.Window().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	body := app.Window().Get("document").Get("body")
	body.Call("appendChild", a)
	a.Call("click")
	body.Call("removeChild", a)
	app.Window().Call("setTimeout", app.FuncOf(func(app.Value, []app.Value) any {
		app.Window().Get("URL").Call("revokeObjectURL", url)
		return nil
	}), 60000)
}

// renderOrphans lists the open article's imported annotations that could
// not be placed in its text: kept aside, and exported with it.
func renderOrphans(orphans []library.Orphan) app.UI {
	items := make([]app.UI, len(orphans))
	for i, o := range orphans {
		name := o.Annotation.ID
		if name == "" {
			name = "an annotation without id"
		}
		items[i] = app.Li().Text(name + ": " + o.Reason)
	}
	return app.Details().Class("orphans").Body(
		app.Summary().Text(fmt.Sprintf("%d imported annotations could not be placed in the text", len(orphans))),
		app.P().Class("muted").Text("They are kept with the article and written back in its W3C export."),
		app.Ul().Body(items...),
	)
}

// exchangeMenu is the header's "Export / import" button and the menu it
// opens: the format, export of the open article or of the whole library,
// and import of a file. It raises actionExport and actionImport. The menu
// is a disclosure: the button says whether it is open (aria-expanded),
// opening moves the focus to its first control, Escape closes it and gives
// the focus back to the button, and so does moving the focus out of it.
// The menu stays in the page while closed (hidden), so a file picker it
// opened still reports the file chosen.
type exchangeMenu struct {
	app.Compo

	// Props.
	Busy string // what is under way, if anything

	// State.
	open bool
}

func (x *exchangeMenu) Render() app.UI {
	options := make([]app.UI, len(remote.Formats))
	for i, f := range remote.Formats {
		options[i] = app.Option().Value(f.Name).Text(f.Title)
	}
	return app.Div().Class("exchange-menu").OnKeyDown(x.onKey).On("focusout", x.onFocusOut).Body(
		app.Button().ID("exchange-button").Class("exchange-button").
			Aria("haspopup", "true").Aria("expanded", fmt.Sprint(x.open)).Aria("controls", "exchange").
			Text("Export / import").OnClick(x.toggle),
		app.Section().ID("exchange").Class("exchange").Hidden(!x.open).
			Aria("label", "Export and import").Aria("busy", fmt.Sprint(x.Busy != "")).Body(
			app.Label().Class("field").Body(
				app.Span().Class("field-name").Text("Format"),
				app.Select().ID("export-format").Aria("label", "Export format").Body(options...),
			),
			app.Div().Class("card-actions").Body(
				app.Button().Text("Export this article").OnClick(x.exportArticle),
				app.Button().Text("Export the library").OnClick(x.exportLibrary),
			),
			app.Label().Class("file-label").Body(
				app.Text("Import annotations (W3C JSON-LD, doccano or spaCy JSONL, brat): "),
				app.Input().Type("file").Aria("label", "Import annotations").Accept(".jsonld,.json,.jsonl,.zip,.ann").
					OnChange(x.pickImport),
			),
			app.If(x.Busy != "", app.P().Class("muted").Role("status").Text(x.Busy)),
		),
	)
}

// toggle opens or closes the menu; opening moves the focus into it.
func (x *exchangeMenu) toggle(ctx app.Context, e app.Event) {
	x.open = !x.open
	if x.open {
		ctx.Defer(func(app.Context) { focusElement("export-format") })
	}
}

// onKey closes the menu on Escape, the focus back on its button; the key
// goes no further (it would close the card too).
func (x *exchangeMenu) onKey(ctx app.Context, e app.Event) {
	if !x.open || e.Get("key").String() != "Escape" {
		return
	}
	e.PreventDefault()
	e.Call("stopPropagation")
	x.open = false
	ctx.Defer(func(app.Context) { focusElement("exchange-button") })
}

// onFocusOut closes the menu when the focus moves to something outside
// it (not when it leaves the page, as it does for the file picker).
func (x *exchangeMenu) onFocusOut(ctx app.Context, e app.Event) {
	next := e.Get("relatedTarget")
	if x.open && next.Truthy() && !ctx.JSSrc().Call("contains", next).Bool() {
		x.open = false
	}
}

// exportArticle and exportLibrary raise an export in the format chosen.
func (x *exchangeMenu) exportArticle(ctx app.Context, e app.Event) { x.export(ctx, false) }
func (x *exchangeMenu) exportLibrary(ctx app.Context, e app.Event) { x.export(ctx, true) }

func (x *exchangeMenu) export(ctx app.Context, library bool) {
	format := app.Window().GetElementByID("export-format").Get("value").String()
	ctx.NewActionWithValue(actionExport, exportRequest{Format: format, Library: library})
}

// pickImport raises an import of the file the reader picked.
func (x *exchangeMenu) pickImport(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if files.Length() > 0 {
		ctx.NewActionWithValue(actionImport, files.Index(0))
	}
	ctx.JSSrc().Set("value", "")
}

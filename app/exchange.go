package main

import (
	"bytes"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate/formats"
	"glossa/annotate/library"
)

// Export and import in the browser: exports download as files; imports
// come through the file picker and merge into the library whole or not at
// all.
const (
	actionExport = "export" // exportRequest
	actionImport = "import" // app.Value: the File
)

// exportRequest names a format and what to export.
type exportRequest struct {
	Format  string // formats.Format.Name
	Library bool   // the whole library, else the open article
}

// maxImportBytes is the largest annotation file Glossa imports.
const maxImportBytes = 50 << 20

// handleExchange runs exports and imports.
func (p *articlePage) handleExchange(ctx app.Context, a app.Action) {
	store, ok := p.openStore()
	if !ok {
		return
	}
	switch a.Name {
	case actionExport:
		req, ok := a.Value.(exportRequest)
		if !ok {
			return
		}
		only, title := p.doc.ID, p.title
		if req.Library {
			only, title = "", "glossa-library"
		}
		ctx.Async(func() {
			name, data, media, err := exportFile(store, req.Format, only, title)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					p.notice = "Not exported: " + err.Error() + "."
					return
				}
				download(name, media, data)
				p.notice = "Exported " + name + "."
			})
		})
	case actionImport:
		f, ok := a.Value.(app.Value)
		if !ok {
			return
		}
		name := jsString(f.Get("name"))
		if f.Get("size").Float() > maxImportBytes {
			p.notice = fmt.Sprintf("Not imported: %s is larger than %s.", name, humanBytes(maxImportBytes))
			return
		}
		ctx.Async(func() {
			report, err := importFile(store, f, name)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					p.notice = "Nothing imported: " + err.Error() + "."
					return
				}
				p.notice = "Imported " + name + ": " + report
				p.refreshLibrary(ctx)
				p.loadDoc(ctx, p.doc.ID, false)
				p.tabs.announce(p.doc.ID)
			})
		})
	}
}

// exportFile builds an export of the library (or of the document only).
func exportFile(store library.Store, format, only, title string) (name string, data []byte, media string, err error) {
	f, err := formats.FormatByName(format)
	if err != nil {
		return "", nil, "", err
	}
	var ids []string
	if only != "" {
		ids = []string{only}
	}
	b, err := formats.LoadBundle(store, ids...)
	if err != nil {
		return "", nil, "", err
	}
	var buf bytes.Buffer
	if err := f.Export(b, &buf); err != nil {
		return "", nil, "", err
	}
	return formats.ExportFileName(title, f, time.Now()), buf.Bytes(), f.MediaType, nil
}

// importFile reads a file into the library, whole or not at all
// (formats.ImportInto).
func importFile(store library.Store, f app.Value, name string) (string, error) {
	data, err := readFile(f)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	report, err := formats.ImportInto(store, name, data, time.Now())
	if err != nil {
		return "", err
	}
	msg := fmt.Sprintf("%d new articles, %d annotations added, %d updated, %d kept as they were.", report.Articles, report.Added, report.Updated, report.KeptNewer+report.Duplicates)
	if report.Decisions > 0 {
		msg += fmt.Sprintf(" %d decisions about suggestions (rejected or accepted) restored.", report.Decisions)
	}
	if report.Orphans > 0 {
		msg += fmt.Sprintf(" %d could not be placed in their article's text: they are kept aside with it, listed in the library, and exported with it.", report.Orphans)
	}
	return msg, nil
}

// download hands data to the browser as a file download.
func download(name, media string, data []byte) {
	arr := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	parts := app.Window().Get("Array").New()
	parts.Call("push", arr)
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

// renderExchange renders the export and import controls.
func renderExchange() app.UI {
	options := make([]app.UI, len(formats.Formats))
	for i, f := range formats.Formats {
		options[i] = app.Option().Value(f.Name).Text(formatTitle(f))
	}
	format := func() string { return app.Window().GetElementByID("export-format").Get("value").String() }
	return app.Section().Class("exchange").Aria("label", "Export and import").Body(
		app.H2().Text("Export and import"),
		app.Select().ID("export-format").Aria("label", "Export format").Body(options...),
		app.Div().Class("card-actions").Body(
			app.Button().Text("Export this article").OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionExport, exportRequest{Format: format()})
			}),
			app.Button().Text("Export the library").OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionExport, exportRequest{Format: format(), Library: true})
			}),
		),
		app.Label().Class("file-label").Body(
			app.Text("Import annotations (W3C JSON-LD, doccano or spaCy JSONL, brat): "),
			app.Input().Type("file").Aria("label", "Import annotations").Accept(".jsonld,.json,.jsonl,.zip,.ann").
				OnChange(func(ctx app.Context, e app.Event) {
					files := ctx.JSSrc().Get("files")
					if files.Length() > 0 {
						ctx.NewActionWithValue(actionImport, files.Index(0))
					}
					ctx.JSSrc().Set("value", "")
				}),
		),
	)
}

func formatTitle(f formats.Format) string {
	names := map[string]string{
		"w3c": "W3C Web Annotation (JSON-LD)", "doccano": "doccano JSONL", "spacy": "spaCy JSONL",
		"brat": "brat standoff (zip)", "csv": "CSV spreadsheet", "claimreview": "ClaimReview (claims with a verdict)",
	}
	if n, ok := names[f.Name]; ok {
		return n
	}
	return f.Name
}

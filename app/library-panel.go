package main

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate/library"
)

// Library actions, raised by the library panel and handled by the page.
const (
	actionOpenDoc    = "open-doc"    // string: the document ID
	actionRenameDoc  = "rename-doc"  // renameDoc
	actionDeleteDoc  = "delete-doc"  // string: the document ID
	actionUndoDelete = "undo-delete" // no value
	actionAddText    = "add-text"    // addText
	actionAddFile    = "add-file"    // app.Value: the File
)

type (
	renameDoc struct{ ID, Title string }
	addText   struct{ Text, Source string }
)

// maxArticleBytes is the largest article Glossa takes: 5 MB of text.
const maxArticleBytes = 5 << 20

// libraryPanel lists the reader's articles: title, date added, counts of
// annotations and claims; it opens, renames and deletes them, searches by
// title, and adds new ones from pasted text or a file.
type libraryPanel struct {
	app.Compo

	// Props.
	Docs    []library.DocMeta
	Current string // the open document's ID
	Usage   string // storage used against quota, if known
	Problem string // records that could not be read, for the reader

	// State.
	query    string
	renaming string // the ID being renamed
}

func (l *libraryPanel) Render() app.UI {
	q := strings.ToLower(strings.TrimSpace(l.query))
	var rows []app.UI
	for _, d := range l.Docs {
		if q != "" && !strings.Contains(strings.ToLower(d.Title), q) {
			continue
		}
		rows = append(rows, l.renderDoc(d))
	}
	return app.Section().Class("library").Aria("label", "Library").Body(
		app.H2().Text("Library"),
		app.If(l.Usage != "", app.P().Class("muted").Text(l.Usage)),
		app.If(l.Problem != "", app.P().Class("problem").Role("alert").Text(l.Problem)),
		// Inputs the reader types into are not bound to a value: a render
		// between two keystrokes would reset them.
		app.Input().Type("search").Aria("label", "Search titles").Placeholder("Search titles").
			OnInput(func(ctx app.Context, e app.Event) { l.query = ctx.JSSrc().Get("value").String() }),
		app.If(len(rows) == 0, app.P().Class("muted").Text("No article matches.")),
		app.Ul().Class("library-list").Body(rows...),
		app.Details().Class("add-article").Body(
			app.Summary().Text("Add an article"),
			app.Textarea().ID("paste-article").Aria("label", "Article text").Rows(6).
				Placeholder("Paste the article here; its first line becomes the title."),
			app.Button().Text("Add pasted text").OnClick(func(ctx app.Context, e app.Event) {
				area := app.Window().GetElementByID("paste-article")
				text := area.Get("value").String()
				area.Set("value", "")
				ctx.NewActionWithValue(actionAddText, addText{Text: text, Source: "paste"})
			}),
			app.Label().Class("file-label").Body(
				app.Text("Or open a file (.txt, .md, .html): "),
				app.Input().Type("file").Aria("label", "Open an article file").Accept(".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html").
					OnChange(func(ctx app.Context, e app.Event) {
						files := ctx.JSSrc().Get("files")
						if files.Length() > 0 {
							ctx.NewActionWithValue(actionAddFile, files.Index(0))
						}
						ctx.JSSrc().Set("value", "")
					}),
			),
		),
	)
}

func (l *libraryPanel) renderDoc(d library.DocMeta) app.UI {
	id := d.ID
	var title app.UI
	if l.renaming == id {
		title = app.Input().Type("text").Aria("label", "New title").Value(d.Title).AutoFocus(true).
			OnChange(func(ctx app.Context, e app.Event) {
				l.renaming = ""
				ctx.NewActionWithValue(actionRenameDoc, renameDoc{ID: id, Title: ctx.JSSrc().Get("value").String()})
			})
	} else {
		title = app.A().Href("/?doc=" + id).Class("doc-title").Text(d.Title).
			OnClick(func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				ctx.NewActionWithValue(actionOpenDoc, id)
			})
	}
	item := app.Li().Class("library-item").DataSet("id", id)
	if id == l.Current {
		item = item.Aria("current", "true")
	}
	return item.Body(
		title,
		app.P().Class("muted").Text(fmt.Sprintf("Added %s · %d annotations · %d claims",
			d.Added.Local().Format("2 Jan 2006"), d.Notes, d.Claims)),
		app.Div().Class("card-actions").Body(
			app.Button().Aria("label", "Rename "+d.Title).Text("Rename").
				OnClick(func(ctx app.Context, e app.Event) { l.renaming = id }),
			app.Button().Class("danger").Aria("label", "Delete "+d.Title).Text("Delete").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionDeleteDoc, id) }),
		),
	)
}

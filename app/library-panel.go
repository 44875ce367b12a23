package main

import (
	"strings"
	"time"

	"glossa/annotate/library"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

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
	Deleted string // the title of the article last deleted, while that can be undone

	// State.
	query    string
	renaming string // the ID being renamed
	more     int    // pages shown beyond the first
	held     string // a long text pasted, to add (holdLongPastes)
	stopHold func()
}

// libraryPage is how many articles the list shows at a time: a library of
// thousands lists quickly, and the search finds the rest.
const libraryPage = 40

// matchTitles returns the articles whose title holds the query, any case.
func matchTitles(docs []library.DocMeta, query string) []library.DocMeta {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return docs
	}
	var out []library.DocMeta
	for _, d := range docs {
		if strings.Contains(strings.ToLower(d.Title), q) {
			out = append(out, d)
		}
	}
	return out
}

func (l *libraryPanel) Render() app.UI {
	matches := matchTitles(l.Docs, l.query)
	shown := matches[:min(len(matches), libraryPage*(1+l.more))]
	rows := make([]app.UI, len(shown))
	for i, d := range shown {
		rows[i] = &libraryRow{Doc: d, Current: d.ID == l.Current, Renaming: d.ID == l.renaming}
	}
	// The form that adds an article comes first and the storage line
	// last: the list, and the storage line, come in once the library is
	// read, and would move the form under the reader's pointer (a click
	// meant for "Add pasted text" landing on a row).
	return app.Section().Class("library").Aria("label", "Library").Body(
		app.H2().Text("Library"),
		app.Details().Class("add-article").Body(
			app.Summary().Text("Add an article"),
			// A long text pasted is held, not put in the box (holdLongPastes).
			slot(l.held == "", app.Textarea().ID("paste-article").Aria("label", "Article text").Rows(6).
				Placeholder("Paste the article here; its first line becomes the title.")),
			slot(l.held != "", app.P().Class("held-paste").Role("status").Text(heldPasteText(l.held))),
			app.Button().Text("Add pasted text").OnClick(l.addPasted),
			slot(l.held != "", app.Button().Text("Discard pasted text").OnClick(l.discardHeld)),
			app.Label().Class("file-label").Body(
				app.Text("Or open a file (.txt, .md, .html): "),
				app.Input().Type("file").Aria("label", "Open an article file").Accept(".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html").
					OnChange(l.addFile),
			),
		),
		slot(l.Problem != "", app.P().Class("problem").Role("alert").Text(l.Problem)),
		// Inputs the reader types into are not bound to a value: a render
		// between two keystrokes would reset them.
		app.Input().Type("search").Aria("label", "Search titles").Placeholder("Search titles").
			OnInput(l.search),
		slot(len(rows) == 0, app.P().Class("muted").Text("No article matches.")),
		// Undo sits by the list it puts the article back in.
		slot(l.Deleted != "", app.P().Class("undo-delete").Role("status").Body(
			app.Span().Text("Deleted “"+l.Deleted+"”."),
			app.Button().Aria("label", "Undo delete").Text("Undo").OnClick(l.undoDelete),
		)),
		app.Ul().Class("library-list").Body(rows...),
		app.If(len(matches) > len(shown), app.Button().Class("show-more").
			Text("Show more ("+thousands(len(matches)-len(shown))+" not shown)").OnClick(l.showMore)),
		slot(l.Usage != "", app.P().Class("muted").Text(l.Usage)),
	)
}

func (l *libraryPanel) search(ctx app.Context, e app.Event) { l.query, l.more = value(ctx), 0 }

func (l *libraryPanel) undoDelete(ctx app.Context, e app.Event) { ctx.NewAction(actionUndoDelete) }

func (l *libraryPanel) showMore(ctx app.Context, e app.Event) { l.more++ }

// addPasted adds the text held, or else the box's.
func (l *libraryPanel) addPasted(ctx app.Context, e app.Event) {
	text := l.held
	if text != "" {
		l.held = ""
	} else {
		area := app.Window().GetElementByID("paste-article")
		text = area.Get("value").String()
		area.Set("value", "")
	}
	ctx.NewActionWithValue(actionAddText, addText{Text: text, Source: "paste"})
}

func (l *libraryPanel) discardHeld(ctx app.Context, e app.Event) { l.held = "" }

// heldPasteText says what a long text pasted holds: its words and how it
// begins.
func heldPasteText(text string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return "Pasted: " + thousands(len(strings.Fields(text))) + " words, beginning “" + excerpt(strings.TrimSpace(first), 80) +
		"”. Too long to show in the box without holding up the page; add it as it is, or discard it."
}

func (l *libraryPanel) addFile(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if files.Length() > 0 {
		ctx.NewActionWithValue(actionAddFile, files.Index(0))
	}
	ctx.JSSrc().Set("value", "")
}

// OnMount listens for a row asking to be renamed, and for a long text
// pasted into the box.
func (l *libraryPanel) OnMount(ctx app.Context) {
	if app.IsClient {
		l.stopHold = holdLongPastes("paste-article", func(text string) {
			ctx.Dispatch(func(app.Context) { l.held = text })
		})
	}
	ctx.Handle(actionStartRename, func(ctx app.Context, a app.Action) {
		l.renaming, _ = a.Value.(string)
	})
}

// OnDismount stops listening for long pastes.
func (l *libraryPanel) OnDismount() {
	if l.stopHold != nil {
		l.stopHold()
		l.stopHold = nil
	}
}

// actionStartRename puts a row in rename mode; its value is the document
// ID ("" ends it). The panel keeps which row is renaming by ID, so the
// mode stays with its article as rows come and go.
const actionStartRename = "start-rename"

// libraryRow is one article of the library list. Its handlers read the
// row's article from its props when the reader acts, so a row that comes
// to show another article acts on that one.
type libraryRow struct {
	app.Compo

	// Props.
	Doc      library.DocMeta
	Current  bool // the open article
	Renaming bool // the title is being edited
}

func (r *libraryRow) Render() app.UI {
	d := r.Doc
	var title app.UI
	if r.Renaming {
		title = app.Input().Type("text").Aria("label", "New title").Value(d.Title).AutoFocus(true).
			OnChange(r.rename, d.ID)
	} else {
		title = app.A().Href("/?doc="+d.ID).Class("doc-title").Text(d.Title).OnClick(r.open, d.ID)
	}
	item := app.Li().Class("library-item").DataSet("id", d.ID)
	if r.Current {
		item = item.Aria("current", "true")
	}
	return item.Body(
		title,
		app.P().Class("muted").Body(
			app.Text("Added "),
			app.Time().DateTime(d.Added.UTC().Format(time.RFC3339)).Title(d.Added.UTC().Format(time.RFC3339)).
				Text(localDate(d.Added)),
			app.Text(" · "+plural(d.Notes, "annotation", "annotations")+" · "+plural(d.Claims, "claim", "claims")),
		),
		app.Div().Class("card-actions").Body(
			app.Button().Aria("label", "Rename "+d.Title).Text("Rename").OnClick(r.startRename, d.ID),
			app.Button().Class("danger").Aria("label", "Delete "+d.Title).Text("Delete").OnClick(r.delete, d.ID),
		),
	)
}

func (r *libraryRow) open(ctx app.Context, e app.Event) {
	e.PreventDefault()
	ctx.NewActionWithValue(actionOpenDoc, r.Doc.ID)
}

func (r *libraryRow) startRename(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionStartRename, r.Doc.ID)
}

func (r *libraryRow) rename(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionStartRename, "")
	ctx.NewActionWithValue(actionRenameDoc, renameDoc{ID: r.Doc.ID, Title: value(ctx)})
}

func (r *libraryRow) delete(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionDeleteDoc, r.Doc.ID)
}

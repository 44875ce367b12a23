package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// settingsPanel shows and changes the settings: who the reader is, and
// the entity model that tags their articles. It raises the settings'
// actions.
type settingsPanel struct {
	app.Compo

	// Props.
	S settingsState
	L learningState
}

func (p *settingsPanel) Render() app.UI {
	s := p.S
	model := s.Prefs.Model
	if model == "" {
		model = modelNews
	}
	running := "Loading the model…"
	switch {
	case s.ModelProblem != "":
		running = "The model did not load: " + s.ModelProblem
	case s.Recognizer != "":
		running = "Tagging with " + s.Recognizer + "."
	}
	choices := []app.UI{
		p.choice(modelNews, "Glossa's news model (trained on news; the default)", model),
		p.choice(modelProse, "prose's model (older, general English)", model),
	}
	if s.ModelFile != "" {
		choices = append(choices, app.Div().Class("model-file").Body(
			p.choice(modelFile, "Your model: "+s.ModelFile, model),
			app.Button().Class("danger").Aria("label", "Remove "+s.ModelFile).Text("Remove").OnClick(p.removeFile),
		))
	}
	return app.Section().Class("settings").Aria("label", "Settings").Body(
		app.H2().Text("Settings"),
		app.Div().Class("field").Body(
			app.Label().For("reader-name").Class("field-name").Text("Your name"),
			app.Input().ID("reader-name").Type("text").Value(s.Prefs.Name).Placeholder("unsigned if empty").
				Attr("autocomplete", "name").OnChange(p.setReader),
		),
		app.Div().Class("field").Body(
			app.Label().For("reader-org").Class("field-name").Text("Organisation"),
			app.Input().ID("reader-org").Type("text").Value(s.Prefs.Org).Placeholder("for ClaimReview's author").
				Attr("autocomplete", "organization").OnChange(p.setReader),
		),
		app.P().Class("muted").Text("Your name signs the annotations you make from now on; your organisation is the author of your claim reviews."),
		app.Div().Class("field").Body(
			app.Label().For("review-url").Class("field-name").Text("Review URL for this article"),
			app.Input().ID("review-url").Type("url").Value(s.ReviewURL).Placeholder("https://… where your fact check is published").
				OnChange(p.setReviewURL),
		),
		app.FieldSet().Class("models").Body(
			app.Legend().Text("Entity model"),
			app.Div().Body(choices...),
			app.Label().Class("file-label").Body(
				app.Text("Add a model file (glossa train makes them): "),
				app.Input().Type("file").Aria("label", "Add a model file").Accept(".model,application/octet-stream").OnChange(p.addFile),
			),
			app.P().ID("model-status").Class("muted").Role("status").Text(running),
		),
		p.renderLearning(),
	)
}

// renderLearning shows what the model learned from the reader's
// corrections, and what they can do with it.
func (p *settingsPanel) renderLearning() app.UI {
	l := p.L
	if !l.Available {
		return app.FieldSet().Class("learning").Body(
			app.Legend().Text("Learning from your corrections"),
			app.P().Class("muted").Text("This model does not learn from corrections (Glossa's news models do)."),
		)
	}
	learned := "Nothing learned yet: accept, reject, relabel or mark entities, and the model learns from it."
	if l.Corrections > 0 {
		learned = "Learned from " + plural(l.Corrections, "correction", "corrections") + "."
	}
	return app.FieldSet().Class("learning").Body(
		app.Legend().Text("Learning from your corrections"),
		app.Label().Class("choice").Body(
			app.Input().Type("checkbox").ID("learning-on").Checked(l.On).OnChange(p.setLearning),
			app.Text(" Learn from my corrections, and suggest with what was learned"),
		),
		app.P().ID("learning-status").Class("muted").Role("status").Text(learned),
		app.Div().Class("card-actions").Body(
			app.Button().Text("Re-tag this article").OnClick(p.retagArticle),
			app.Button().Text("Re-tag the library").OnClick(p.retagLibrary),
			app.Button().Class("danger").Text("Forget what was learned").Disabled(l.Corrections == 0).OnClick(p.forget),
		),
		slot(l.Forgotten > 0, app.Button().Aria("label", "Undo forget").Text("Undo: bring back what was learned from "+plural(l.Forgotten, "correction", "corrections")).OnClick(p.undoForget)),
		slot(l.Busy != "", app.P().Class("muted").Role("status").Text(l.Busy)),
	)
}

func (p *settingsPanel) setLearning(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionSetLearning, ctx.JSSrc().Get("checked").Bool())
}

func (p *settingsPanel) retagArticle(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionRetag, retagArticle)
}

func (p *settingsPanel) retagLibrary(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionRetag, retagLibrary)
}

func (p *settingsPanel) forget(ctx app.Context, e app.Event) { ctx.NewAction(actionForget) }

func (p *settingsPanel) undoForget(ctx app.Context, e app.Event) { ctx.NewAction(actionUndoForget) }

// choice is one radio button of the model choices.
func (p *settingsPanel) choice(value, text, current string) app.UI {
	return app.Label().Class("choice").Body(
		app.Input().Type("radio").Name("model").Value(value).Checked(value == current).OnChange(p.chooseModel, value),
		app.Text(" "+text),
	)
}

func (p *settingsPanel) setReader(ctx app.Context, e app.Event) {
	doc := app.Window().Get("document")
	ctx.NewActionWithValue(actionSetReader, readerIdentity{
		Name: doc.Call("getElementById", "reader-name").Get("value").String(),
		Org:  doc.Call("getElementById", "reader-org").Get("value").String(),
	})
}

func (p *settingsPanel) setReviewURL(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionSetReviewURL, ctx.JSSrc().Get("value").String())
}

func (p *settingsPanel) chooseModel(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionChooseModel, value(ctx))
}

func (p *settingsPanel) addFile(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if files.Length() > 0 {
		ctx.NewActionWithValue(actionAddModelFile, files.Index(0))
	}
	ctx.JSSrc().Set("value", "")
}

func (p *settingsPanel) removeFile(ctx app.Context, e app.Event) {
	ctx.NewAction(actionRemoveModelFile)
}

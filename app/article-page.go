package main

import (
	"fmt"
	"maps"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
	"glossa/app/sample"
)

// articlePage shows the sample article with its entity highlights, a
// status line and the label legend. Its state comes from stateTagging; it
// only raises actions.
type articlePage struct {
	app.Compo

	doc     *annotate.Document
	tagging taggingState
	hidden  map[annotate.Label]bool // labels whose highlights are hidden
	marked  bool                    // the first-highlight mark is set
}

// OnInit builds the document; it runs on the server (prerendering) and in
// the browser alike, so both render the same article.
func (p *articlePage) OnInit() {
	text, err := annotate.NormalizeText([]byte(sample.Article))
	if err != nil {
		panic(fmt.Sprintf("the embedded sample article is not text: %v", err))
	}
	p.doc = annotate.NewDocument(text)
	p.hidden = make(map[annotate.Label]bool)
}

// OnMount starts tagging in the browser and follows its progress.
func (p *articlePage) OnMount(ctx app.Context) {
	exposeMemory()
	ctx.ObserveState(stateTagging).
		OnChange(func() { ctx.Defer(p.markTimings) }).
		Value(&p.tagging)
	ctx.Handle(actionToggleLabel, func(ctx app.Context, a app.Action) {
		if l, ok := a.Value.(annotate.Label); ok {
			p.toggleLabel(l)
		}
	})
	ctx.NewActionWithValue(actionTag, tagRequest{DocID: p.doc.ID, Text: p.doc.Text.String()})
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

func (p *articlePage) Render() app.UI {
	return app.Div().Class("page").Body(
		app.Header().Class("bar").Body(
			app.Span().Class("brand").Text("Glossa"),
			p.renderStatus(),
		),
		app.Main().Class("layout").Body(
			renderArticle(p.doc, suggestionHighlights(p.tagging.Entities), p.hidden),
			newLegend().
				Counts(annotate.CountLabels(p.tagging.Entities)).
				Hidden(p.hidden),
		),
	)
}

// renderStatus tells the reader what tagging is doing.
func (p *articlePage) renderStatus() app.UI {
	st := p.tagging
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

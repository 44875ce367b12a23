package main

import (
	"cmp"
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// The side panel's "Who said what" view: the article's claims, the
// reader's and the suggested, grouped by who said them.

// speakerGroup is one speaker and the claims they made, in document order.
type speakerGroup struct {
	Name   string // "" for claims that name no speaker
	Claims []claimItem
}

// claimItem is one claim of a speaker.
type claimItem struct {
	target    activeHighlight
	span      annotate.Span
	quote     string
	verdict   annotate.Verdict
	suggested bool
}

// whoSaidWhat groups a workspace's claims by speaker: the most quoted
// first, then by name; the claims with no speaker come last.
func whoSaidWhat(w annotate.Workspace) []speakerGroup {
	groups := map[string]*speakerGroup{}
	add := func(name string, it claimItem) {
		g := groups[name]
		if g == nil {
			g = &speakerGroup{Name: name}
			groups[name] = g
		}
		g.Claims = append(g.Claims, it)
	}
	for _, n := range w.Notes {
		if n.Label == annotate.Claim {
			add(w.SpeakerName(n), claimItem{target: activeHighlight{ID: n.ID}, span: n.Span, quote: w.Quote(n.Span), verdict: n.Verdict})
		}
	}
	for _, e := range w.Suggestions {
		if e.Label != annotate.Claim {
			continue
		}
		c := w.Claims[e.Span] // e is pending (see highlightsOf)
		add(c.SpeakerName, claimItem{target: activeHighlight{Key: e.Key()}, span: e.Span, quote: w.Quote(e.Span), suggested: true})
	}
	out := make([]speakerGroup, 0, len(groups))
	for _, g := range groups {
		slices.SortStableFunc(g.Claims, func(a, b claimItem) int { return annotate.CompareSpans(a.span, b.span) })
		out = append(out, *g)
	}
	unnamed := func(g speakerGroup) int {
		if g.Name == "" {
			return 1
		}
		return 0
	}
	slices.SortFunc(out, func(a, b speakerGroup) int {
		return cmp.Or(cmp.Compare(unnamed(a), unnamed(b)), cmp.Compare(len(b.Claims), len(a.Claims)), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// renderWhoSaidWhat renders the grouped claims; a claim jumps to its
// highlight when clicked.
func renderWhoSaidWhat(w annotate.Workspace) app.UI {
	groups := whoSaidWhat(w)
	if len(groups) == 0 {
		return app.P().Class("muted").Text("No claims yet: select what someone said and press 0, or wait for the claims the finder suggests.")
	}
	items := make([]app.UI, len(groups))
	for i, g := range groups {
		name := g.Name
		if name == "" {
			name = "No speaker named"
		}
		claims := make([]app.UI, len(g.Claims))
		for j, c := range g.Claims {
			target := c.target
			status := verdictName(c.verdict)
			if c.suggested {
				status = "suggested"
			}
			claims[j] = app.Li().Class("claim-item").DataSet("kind", pick(c.suggested, kindSuggestion, kindAnnotation)).Body(
				// Named by its quote and verdict, as shown.
				app.Button().Class("panel-open").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionJumpTo, target) }, target.scope()).
					Body(
						app.Q().Class("quote").Text(excerpt(c.quote, 120)),
						app.Span().Class("verdict").DataSet("verdict", string(c.verdict)).Text(" "+status),
					))
		}
		items[i] = app.Li().Class("speaker").DataSet("speaker", g.Name).Body(
			app.H3().Body(app.Span().Class("speaker-name").Text(name), app.Span().Class("count").Text(" "+plural(len(g.Claims), "claim", "claims"))),
			app.Ol().Body(claims...),
		)
	}
	return app.Ul().Class("who-said-what").Body(items...)
}

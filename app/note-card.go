package main

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// verdicts lists the claim verdicts in the order the card offers them.
var verdicts = annotate.Verdicts

// speakerLabels are the labels of the notes a claim's speaker can be.
var speakerLabels = []annotate.Label{annotate.Person, annotate.Org, annotate.NORP, annotate.GPE}

// noteCard is the card of the active highlight. For the reader's note:
// its label, comment, tags and, for a claim, speaker, verdict and evidence;
// delete. For a suggestion: accept or reject it, or all of its label. It
// raises the annotating actions; it keeps no state of its own.
type noteCard struct {
	app.Compo

	// Props.
	W      annotate.Workspace
	Target activeHighlight
}

func newNoteCard() *noteCard { return &noteCard{} }

// Workspace sets the annotations the card shows from.
func (c *noteCard) Workspace(w annotate.Workspace) *noteCard { c.W = w; return c }

// Active sets the highlight the card is for.
func (c *noteCard) Active(a activeHighlight) *noteCard { c.Target = a; return c }

func (c *noteCard) Render() app.UI {
	if c.Target.ID == "" {
		return c.renderSuggestion()
	}
	n, ok := c.W.Note(c.Target.ID)
	if !ok {
		return app.Section().Class("card").Aria("label", "Annotation").Body(
			app.P().Text("This annotation no longer exists."),
			closeButton(),
		)
	}
	body := []app.UI{
		app.Header().Class("card-head").Body(
			app.Span().Class("swatch").DataSet("label", string(n.Label)),
			app.Q().Class("quote").Text(excerpt(c.W.Doc.Text.Slice(n.Span.Start, n.Span.End), 160)),
			closeButton(),
		),
		field("Label", labelSelect(n.Label, func(l annotate.Label) app.Action {
			return app.Action{Name: actionRelabel, Value: relabel{ID: n.ID, Label: l}}
		})),
		field("Comment", app.Textarea().ID("card-comment").Aria("label", "Comment").Rows(4).
			Placeholder("Add a comment").Text(n.Comment).
			OnChange(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionComment, setComment{ID: n.ID, Comment: ctx.JSSrc().Get("value").String()})
			})),
		field("Tags", app.Input().ID("card-tags").Type("text").Aria("label", "Tags").List("used-tags").
			Placeholder("tag, another tag").Value(strings.Join(n.Tags, ", ")).
			OnChange(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionTags, setTags{ID: n.ID, Tags: splitTags(ctx.JSSrc().Get("value").String())})
			})),
		app.DataList().ID("used-tags").Body(app.Range(c.W.UsedTags()).Slice(func(i int) app.UI {
			return app.Option().Value(c.W.UsedTags()[i])
		})),
	}
	if n.Label == annotate.Claim {
		body = append(body, c.renderClaim(n)...)
	}
	body = append(body, app.Div().Class("card-actions").Body(
		app.Button().Class("danger").Aria("label", "Delete annotation").Text("Delete").
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionDelete, deleteNote{ID: n.ID}) }),
	))
	return app.Section().Class("card").Aria("label", "Annotation").DataSet("id", n.ID).Body(body...)
}

// renderClaim renders a claim's speaker, verdict and evidence.
func (c *noteCard) renderClaim(n annotate.Note) []app.UI {
	claim := func(change func(*setClaim)) app.Action {
		v := setClaim{ID: n.ID, Speaker: n.Speaker, Verdict: n.Verdict, Evidence: n.Evidence}
		change(&v)
		return app.Action{Name: actionClaim, Value: v}
	}
	options := []app.UI{app.Option().Value("").Text("— none, or type a name below —").Selected(n.Speaker.AnnotationID == "")}
	for _, m := range c.W.Notes {
		if m.ID == n.ID || !slices.Contains(speakerLabels, m.Label) {
			continue
		}
		text := c.W.Doc.Text.Slice(m.Span.Start, m.Span.End)
		options = append(options, app.Option().Value(m.ID).Selected(m.ID == n.Speaker.AnnotationID).
			Text(excerpt(text, 40)+" ("+string(m.Label)+")"))
	}
	verdictOptions := make([]app.UI, len(verdicts))
	for i, v := range verdicts {
		verdictOptions[i] = app.Option().Value(string(v)).Text(verdictName(v)).Selected(v == n.Verdict || v == annotate.Unverified && n.Verdict == "")
	}
	return []app.UI{
		field("Speaker", app.Select().ID("card-speaker").Aria("label", "Speaker").Body(options...).
			OnChange(func(ctx app.Context, e app.Event) {
				id := ctx.JSSrc().Get("value").String()
				a := claim(func(v *setClaim) { v.Speaker = annotate.Speaker{AnnotationID: id} })
				ctx.NewActionWithValue(a.Name, a.Value)
			})),
		field("Speaker name", app.Input().ID("card-speaker-name").Type("text").Aria("label", "Speaker name").
			Placeholder("or type who said it").Value(n.Speaker.Name).
			OnChange(func(ctx app.Context, e app.Event) {
				name := strings.TrimSpace(ctx.JSSrc().Get("value").String())
				a := claim(func(v *setClaim) { v.Speaker = annotate.Speaker{Name: name} })
				ctx.NewActionWithValue(a.Name, a.Value)
			})),
		field("Verdict", app.Select().ID("card-verdict").Aria("label", "Verdict").Body(verdictOptions...).
			OnChange(func(ctx app.Context, e app.Event) {
				verdict := annotate.Verdict(ctx.JSSrc().Get("value").String())
				a := claim(func(v *setClaim) { v.Verdict = verdict })
				ctx.NewActionWithValue(a.Name, a.Value)
			})),
		field("Evidence URL", app.Input().ID("card-evidence").Type("url").Aria("label", "Evidence URL").
			Placeholder("https://…").Value(n.Evidence).
			OnChange(func(ctx app.Context, e app.Event) {
				url := strings.TrimSpace(ctx.JSSrc().Get("value").String())
				a := claim(func(v *setClaim) { v.Evidence = url })
				ctx.NewActionWithValue(a.Name, a.Value)
			})),
	}
}

// renderSuggestion renders the card of a machine suggestion.
func (c *noteCard) renderSuggestion() app.UI {
	k := c.Target.Key
	open := false
	for _, e := range c.W.Suggestions {
		if e.Span == k.Span && e.Label == k.Label {
			open = true
		}
	}
	if !open {
		return app.Section().Class("card").Aria("label", "Suggestion").Body(
			app.P().Text("This suggestion is no longer open."),
			closeButton(),
		)
	}
	return app.Section().Class("card", "card-suggestion").Aria("label", "Suggestion").Body(
		app.Header().Class("card-head").Body(
			app.Span().Class("swatch").DataSet("label", string(k.Label)),
			app.Q().Class("quote").Text(excerpt(c.W.Doc.Text.Slice(k.Span.Start, k.Span.End), 160)),
			closeButton(),
		),
		app.P().Class("muted").Text("Suggested as "+string(k.Label)+" by the language model."),
		app.Div().Class("card-actions").Body(
			app.Button().Aria("label", "Accept suggestion").Text("Accept").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionAccept, k) }),
			app.Button().Aria("label", "Reject suggestion").Text("Reject").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionReject, k) }),
		),
		app.Div().Class("card-actions").Body(
			app.Button().Aria("label", "Accept all "+string(k.Label)+" suggestions").Text("Accept all "+string(k.Label)).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionAcceptAll, k.Label) }),
			app.Button().Aria("label", "Reject all "+string(k.Label)+" suggestions").Text("Reject all "+string(k.Label)).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionRejectAll, k.Label) }),
		),
	)
}

// labelSelect is a select of every label that raises the action change
// returns for the chosen one.
func labelSelect(current annotate.Label, change func(annotate.Label) app.Action) app.UI {
	options := make([]app.UI, len(annotate.AllLabels))
	for i, l := range annotate.AllLabels {
		options[i] = app.Option().Value(string(l)).Text(string(l)).Selected(l == current)
	}
	return app.Select().ID("card-label").Aria("label", "Label").Body(options...).
		OnChange(func(ctx app.Context, e app.Event) {
			a := change(annotate.Label(ctx.JSSrc().Get("value").String()))
			ctx.NewActionWithValue(a.Name, a.Value)
		})
}

// field labels a control for sighted readers; the control carries its own
// accessible name.
func field(name string, control app.UI) app.UI {
	return app.Div().Class("field").Body(app.Span().Class("field-name").Aria("hidden", "true").Text(name), control)
}

func closeButton() app.UI {
	return app.Button().Class("close").Aria("label", "Close card").Title("Close (Esc)").Text("×").
		OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionCloseCard) })
}

// splitTags reads a comma-separated tag list.
func splitTags(s string) []string {
	var tags []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	return tags
}

// excerpt shortens text to at most n code points, with an ellipsis.
func excerpt(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}

func verdictName(v annotate.Verdict) string { return v.String() }

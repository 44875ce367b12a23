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
// keeps no state of its own: each control raises an edit that names the
// card's item (read when the reader acts, never captured at render) and
// sets one field of it.
type noteCard struct {
	app.Compo

	// Props.
	W      annotate.Workspace
	Target activeHighlight
}

func (c *noteCard) Render() app.UI {
	if c.Target.ID == "" {
		return c.renderSuggestion()
	}
	n, ok := c.W.Note(c.Target.ID)
	if !ok {
		return app.Section().Class("card").Aria("label", "Annotation").Body(
			app.Header().Class("card-head").Body(
				app.P().Class("quote").Text("This annotation no longer exists."),
				closeButton(),
			),
		)
	}
	scope := c.Target.scope()
	body := []app.UI{
		app.Header().Class("card-head").Body(
			app.Span().Class("swatch").DataSet("label", string(n.Label)),
			app.Q().Class("quote").Text(excerpt(c.W.Doc.Text.Slice(n.Span.Start, n.Span.End), 160)),
			closeButton(),
		),
		field("Label", labelSelect(n.Label).OnChange(c.relabel, scope)),
		field("Comment", app.Textarea().ID("card-comment").Aria("label", "Comment").Rows(4).
			Placeholder("Add a comment").Text(n.Comment).
			OnChange(c.setComment, scope)),
		field("Tags", app.Input().ID("card-tags").Type("text").Aria("label", "Tags").List("used-tags").
			Placeholder("tag, another tag").Value(strings.Join(n.Tags, ", ")).
			OnChange(c.setTags, scope)),
		app.DataList().ID("used-tags").Body(app.Range(c.W.UsedTags()).Slice(func(i int) app.UI {
			return app.Option().Value(c.W.UsedTags()[i])
		})),
	}
	if n.Label == annotate.Claim {
		body = append(body, c.renderClaim(n)...)
	}
	body = append(body, app.Div().Class("card-actions").Body(
		app.Button().Class("danger").Aria("label", "Delete annotation").Text("Delete").
			OnClick(c.delete, scope),
	))
	return app.Section().Class("card").Aria("label", "Annotation").DataSet("id", n.ID).Body(body...)
}

// edit raises an edit of the card's item.
func (c *noteCard) edit(ctx app.Context, e annotate.Edit) { ctx.NewActionWithValue(actionEdit, e) }

// value is the value of the control an event came from.
func value(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

func (c *noteCard) relabel(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.Relabel{ID: c.Target.ID, Label: annotate.Label(value(ctx))})
}

func (c *noteCard) setComment(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.SetComment{ID: c.Target.ID, Comment: value(ctx)})
}

func (c *noteCard) setTags(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.SetTags{ID: c.Target.ID, Tags: splitTags(value(ctx))})
}

// setSpeakerNote links the claim to the speaker chosen: a note, or an
// entity suggestion, which is accepted with it.
func (c *noteCard) setSpeakerNote(ctx app.Context, e app.Event) {
	if k, ok := parseSuggestionOption(value(ctx)); ok {
		c.edit(ctx, annotate.SetSpeakerSuggestion{ID: c.Target.ID, Key: k})
		return
	}
	c.edit(ctx, annotate.SetSpeaker{ID: c.Target.ID, Speaker: annotate.Speaker{AnnotationID: value(ctx)}})
}

// suggestionOptionPrefix starts the value of a speaker option that is an
// entity suggestion: "suggestion start-end LABEL".
const suggestionOptionPrefix = "suggestion "

func suggestionOption(k annotate.SuggestionKey) string {
	return suggestionOptionPrefix + spanAttr(k.Span) + " " + string(k.Label)
}

// parseSuggestionOption reads a speaker option naming a suggestion.
func parseSuggestionOption(v string) (annotate.SuggestionKey, bool) {
	rest, ok := strings.CutPrefix(v, suggestionOptionPrefix)
	if !ok {
		return annotate.SuggestionKey{}, false
	}
	span, label, ok := strings.Cut(rest, " ")
	if !ok {
		return annotate.SuggestionKey{}, false
	}
	start, end := parseSpan(span)
	return annotate.SuggestionKey{Span: annotate.Span{Start: start, End: end}, Label: annotate.Label(label)}, true
}

func (c *noteCard) setSpeakerName(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.SetSpeaker{ID: c.Target.ID, Speaker: annotate.Speaker{Name: strings.TrimSpace(value(ctx))}})
}

func (c *noteCard) setVerdict(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.SetVerdict{ID: c.Target.ID, Verdict: annotate.Verdict(value(ctx))})
}

func (c *noteCard) setEvidence(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.SetEvidence{ID: c.Target.ID, URL: strings.TrimSpace(value(ctx))})
}

func (c *noteCard) delete(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.DeleteNote{ID: c.Target.ID})
}

func (c *noteCard) accept(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.AcceptSuggestion{Key: c.Target.Key})
}

func (c *noteCard) reject(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.RejectSuggestion{Key: c.Target.Key})
}

func (c *noteCard) acceptAll(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.AcceptAll{Label: c.Target.Key.Label})
}

func (c *noteCard) rejectAll(ctx app.Context, e app.Event) {
	c.edit(ctx, annotate.RejectAll{Label: c.Target.Key.Label})
}

// renderClaim renders a claim's speaker, verdict and evidence.
func (c *noteCard) renderClaim(n annotate.Note) []app.UI {
	scope := c.Target.scope()
	options := []app.UI{app.Option().Value("").Text("— none, or type a name below —").Selected(n.Speaker.AnnotationID == "")}
	for _, m := range c.W.Notes {
		if m.ID == n.ID || !slices.Contains(speakerLabels, m.Label) {
			continue
		}
		text := c.W.Doc.Text.Slice(m.Span.Start, m.Span.End)
		options = append(options, app.Option().Value(m.ID).Selected(m.ID == n.Speaker.AnnotationID).
			Text(excerpt(text, 40)+" ("+string(m.Label)+")"))
	}
	// The model's entity suggestions too, each name once: choosing one
	// accepts it.
	seen := map[string]bool{}
	var suggested []app.UI
	for _, e := range c.W.Suggestions {
		text := c.W.Doc.Text.Slice(e.Span.Start, e.Span.End)
		if !slices.Contains(speakerLabels, e.Label) || seen[text+string(e.Label)] {
			continue
		}
		seen[text+string(e.Label)] = true
		suggested = append(suggested, app.Option().Value(suggestionOption(e.Key())).
			Text(excerpt(text, 40)+" ("+string(e.Label)+", suggested)"))
	}
	if len(suggested) > 0 {
		options = append(options, app.OptGroup().Label("Suggested: choosing one accepts it").Body(suggested...))
	}
	verdictOptions := make([]app.UI, len(verdicts))
	for i, v := range verdicts {
		verdictOptions[i] = app.Option().Value(string(v)).Text(verdictName(v)).Selected(v == n.Verdict || v == annotate.Unverified && n.Verdict == "")
	}
	return []app.UI{
		field("Speaker", app.Select().ID("card-speaker").Aria("label", "Speaker").Body(options...).
			OnChange(c.setSpeakerNote, scope)),
		field("Speaker name", app.Input().ID("card-speaker-name").Type("text").Aria("label", "Speaker name").
			Placeholder("or type who said it").Value(n.Speaker.Name).
			OnChange(c.setSpeakerName, scope)),
		field("Verdict", app.Select().ID("card-verdict").Aria("label", "Verdict").Body(verdictOptions...).
			OnChange(c.setVerdict, scope)),
		field("Evidence URL", app.Input().ID("card-evidence").Type("url").Aria("label", "Evidence URL").
			Placeholder("https://…").Value(n.Evidence).
			OnChange(c.setEvidence, scope)),
	}
}

// renderSuggestion renders the card of a machine suggestion.
func (c *noteCard) renderSuggestion() app.UI {
	k := c.Target.Key
	if _, open := c.W.Suggestion(k); !open {
		return app.Section().Class("card").Aria("label", "Suggestion").Body(
			app.Header().Class("card-head").Body(
				app.P().Class("quote").Text("This suggestion is no longer open."),
				closeButton(),
			),
		)
	}
	scope := c.Target.scope()
	return app.Section().Class("card", "card-suggestion").Aria("label", "Suggestion").
		DataSet("span", spanAttr(k.Span)).DataSet("label", string(k.Label)).Body(
		app.Header().Class("card-head").Body(
			app.Span().Class("swatch").DataSet("label", string(k.Label)),
			app.Q().Class("quote").Text(excerpt(c.W.Doc.Text.Slice(k.Span.Start, k.Span.End), 160)),
			closeButton(),
		),
		c.renderSuggestedBy(k),
		app.Div().Class("card-actions").Body(
			app.Button().Aria("label", "Accept suggestion").Text(pick(k.Label == annotate.Claim, "Accept, with its speaker", "Accept")).OnClick(c.accept, scope),
			app.Button().Aria("label", "Reject suggestion").Text("Reject").OnClick(c.reject, scope),
		),
		app.Div().Class("card-actions").Body(
			app.Button().Aria("label", "Accept all "+string(k.Label)+" suggestions").Text("Accept all "+string(k.Label)).
				OnClick(c.acceptAll, scope),
			app.Button().Aria("label", "Reject all "+string(k.Label)+" suggestions").Text("Reject all "+string(k.Label)).
				OnClick(c.rejectAll, scope),
		),
	)
}

// renderSuggestedBy says what suggested a suggestion and, for a claim, how
// it was found: who said it, by which words.
func (c *noteCard) renderSuggestedBy(k annotate.SuggestionKey) app.UI {
	claim, ok := c.W.ClaimOf(k.Span)
	if !ok || k.Label != annotate.Claim {
		return app.P().Class("muted").Text("Suggested as " + string(k.Label) + " by the language model.")
	}
	text := c.W.Doc.Text
	var lines []app.UI
	if claim.SpeakerName != "" {
		said := "Said by " + claim.SpeakerName
		if claim.Speaker != nil {
			if named := text.Slice(claim.Speaker.Start, claim.Speaker.End); named != claim.SpeakerName {
				said += " (“" + named + "” in the text)"
			}
		}
		lines = append(lines, app.P().Class("claim-speaker").Text(said+"."))
	} else {
		lines = append(lines, app.P().Class("claim-speaker").Text("The text names no speaker."))
	}
	how := map[annotate.ClaimKind]string{annotate.DirectClaim: "A direct quote", annotate.IndirectClaim: "Reported speech",
		annotate.MixedClaim: "Reported speech with quoted words"}[claim.Kind]
	if claim.Cue != nil {
		how += ", cue “" + text.Slice(claim.Cue.Start, claim.Cue.End) + "”"
	}
	lines = append(lines, app.P().Class("muted").Text(how+"; suggested as CLAIM by the claim finder."))
	return app.Div().Class("claim-found").Body(lines...)
}

// labelSelect is a select of every label, current selected.
func labelSelect(current annotate.Label) app.HTMLSelect {
	options := make([]app.UI, len(annotate.AllLabels))
	for i, l := range annotate.AllLabels {
		options[i] = app.Option().Value(string(l)).Text(string(l)).Selected(l == current)
	}
	return app.Select().ID("card-label").Aria("label", "Label").Body(options...)
}

// field labels a control for sighted readers; the control carries its own
// accessible name.
func field(name string, control app.UI) app.UI {
	return app.Div().Class("field").Body(app.Span().Class("field-name").Aria("hidden", "true").Text(name), control)
}

func closeButton() app.UI {
	return app.Button().Class("close").Aria("label", "Close card").Title("Close (Esc)").Text("×").
		OnClick(closeCard)
}

// closeCard closes the card, and gives the keyboard focus back to its
// highlight (the card names it in its data), which the focus would
// otherwise leave for nowhere.
func closeCard(ctx app.Context, e app.Event) {
	if card := ctx.JSSrc().Call("closest", ".card"); card.Truthy() {
		if ds := card.Get("dataset"); ds.Get("id").Truthy() || ds.Get("span").Truthy() {
			focusHighlight(highlightOf(card), false)
		}
	}
	ctx.NewAction(actionCloseCard)
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

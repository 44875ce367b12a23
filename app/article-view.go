package main

import (
	"slices"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// A long article is put on screen in parts: the first blocks at once (a
// screen and more), the rest a part at a time, each in a task of its own,
// so the page answers while it fills in. go-app builds an element in about
// a third of a millisecond; a block of a 10,000-word article holds a dozen.
const (
	firstBlocks = 40 // blocks rendered with the article
	moreBlocks  = 25 // blocks added by each later task
)

// marksPerTask is how many blocks get new highlights in one task. Tagging
// a long article changes hundreds of blocks at once (its results come in
// a few batches, and its claims at the end); the browser takes about half
// a millisecond to replace a block, so the changes go on screen a part at
// a time, each in a task of its own.
const marksPerTask = 20

// articleView lays out a document as a news article with its highlights.
// Each block is written as escaped HTML in one piece (blockHTML): the
// document's text only ever as text, never as markup. Each block carries
// data-start, its first code point, so a selection inside it maps back to
// document offsets. Highlights follow the testing contract: <mark
// data-label data-start data-end data-kind>, offsets in code points of the
// document, plus data-id for the reader's annotations.
//
// Each block is a component of its own (articleBlock): go-app renders a
// component again only when its fields change, so an edit redraws the
// blocks it touches, not the whole article. A block goes to the browser as
// one string of HTML, which the browser builds in one call: element by
// element through go-app, a 10,000-word article's 3,000 highlights took
// over a second of calls from WebAssembly to JavaScript (traced), most of
// it setting their attributes one by one.
type articleView struct {
	app.Compo

	// Props.
	Doc    *annotate.Document
	Marks  [][]highlight // per block, the highlights that touch it
	Hidden string        // the classes that hide labels ("hide-PERSON …")

	// State.
	shownDoc *annotate.Document // the document whose blocks are counted in shown
	shown    int                // how many of its blocks are on screen
	onScreen [][]highlight      // per block of shownDoc, the highlights it shows
	behind   bool               // blocks are left that show others than Marks
	spent    bool               // this task has put a part of Marks on screen
	catching bool               // a task to show more of Marks is scheduled
}

// newArticleView lays out d with its highlights per block (see
// highlightsByBlock); the labels in hidden are not shown.
func newArticleView(d *annotate.Document, marks [][]highlight, hidden map[annotate.Label]bool) *articleView {
	var classes []string
	for _, l := range annotate.AllLabels {
		if hidden[l] {
			classes = append(classes, "hide-"+string(l))
		}
	}
	return &articleView{Doc: d, Marks: marks, Hidden: strings.Join(classes, " ")}
}

// highlightsByBlock gives each block the highlights that touch it (one
// that runs over several blocks goes to each), in the order of hls.
func highlightsByBlock(blocks []annotate.Block, hls []highlight) [][]highlight {
	out := make([][]highlight, len(blocks))
	for _, h := range hls {
		// The first block that ends after the highlight starts.
		i := sort.Search(len(blocks), func(i int) bool { return blocks[i].End > h.Span.Start })
		for ; i < len(blocks) && blocks[i].Start < h.Span.End; i++ {
			out[i] = append(out[i], h)
		}
	}
	return out
}

func (v *articleView) OnMount(ctx app.Context) { v.start(ctx) }

func (v *articleView) OnUpdate(ctx app.Context) { v.start(ctx) }

// start begins putting a newly given document on screen, part by part,
// or goes on showing the highlights given (see Render).
func (v *articleView) start(ctx app.Context) {
	if v.shownDoc == v.Doc {
		v.catchUp(ctx)
		return
	}
	v.shownDoc, v.shown, v.onScreen, v.behind = v.Doc, firstBlocks, v.Marks, false
	v.more(ctx, v.Doc)
}

// catchUp schedules a task that renders the view again while blocks are
// left showing other highlights than those given: each task shows them in
// marksPerTask blocks more. A task that has shown its part shows no more,
// however many times it renders the view (the page's updates and the
// view's own can fall in one task): the rest waits for the next task.
func (v *articleView) catchUp(ctx app.Context) {
	if !v.behind && !v.spent || v.catching {
		return
	}
	v.catching = true
	d := v.Doc
	inNextTask(ctx, func(ctx app.Context) {
		v.catching, v.spent = false, false
		if v.shownDoc == d {
			ctx.Defer(v.catchUp) // after the render this task causes
		}
	})
}

// showMarks returns onScreen with up to n of its blocks that show other
// highlights than want's given want's, in document order, how many it
// gave want's, and whether blocks are left that differ. It does not change
// onScreen. Another document's blocks (another count) all change at once.
func showMarks(onScreen, want [][]highlight, n int) (next [][]highlight, changed int, left bool) {
	if len(onScreen) != len(want) {
		return want, len(want), false
	}
	next = onScreen
	for i := range want {
		if slices.Equal(next[i], want[i]) {
			continue
		}
		if changed == n {
			return next, changed, true
		}
		if changed == 0 {
			next = slices.Clone(onScreen)
		}
		next[i] = want[i]
		changed++
	}
	return next, changed, false
}

// more adds the next part of d's blocks in a task of its own, and
// schedules the part after it, until every block is on screen or another
// document is.
func (v *articleView) more(ctx app.Context, d *annotate.Document) {
	if v.shown >= len(d.Blocks) {
		return
	}
	inNextTask(ctx, func(ctx app.Context) {
		if v.shownDoc != d {
			return
		}
		v.shown += moreBlocks
		v.more(ctx, d)
	})
}

// visibleBlocks is how many blocks of the document are on screen.
func (v *articleView) visibleBlocks() int {
	n := len(v.Doc.Blocks)
	if app.IsServer {
		return n // the prerendered page holds the whole article
	}
	shown := firstBlocks
	if v.shownDoc == v.Doc {
		shown = v.shown
	}
	return min(n, shown)
}

func (v *articleView) Render() app.UI {
	// Highlights go on screen marksPerTask blocks per task (catchUp
	// renders again while blocks are left), the new document's at once.
	// A short article's all go in the render that changes them, with the
	// status that reports them.
	marks := v.Marks
	if v.shownDoc == v.Doc {
		n := marksPerTask
		if v.spent {
			n = 0
		}
		var changed int
		v.onScreen, changed, v.behind = showMarks(v.onScreen, v.Marks, n)
		v.spent = v.spent || changed > 0 && len(v.Doc.Blocks) > marksPerTask
		marks = v.onScreen
	}
	blocks := make([]app.UI, v.visibleBlocks())
	for i := range blocks {
		blocks[i] = &articleBlock{Doc: v.Doc, Index: i, Marks: marks[i]}
	}
	classes := "article"
	if len(v.Doc.Blocks) > firstBlocks {
		classes += " long" // paragraphs out of view are skipped (glossa.css)
	}
	if v.Hidden != "" {
		classes += " " + v.Hidden
	}
	// Busy while blocks are left to catch up: the page's own tests and
	// benchmark wait for it to clear.
	return app.Article().Class(classes).Aria("label", "Article").Aria("busy", v.behind).Body(blocks...)
}

// articleBlock is one block of the article: a headline, byline, dateline
// or paragraph, with the highlights that touch it.
type articleBlock struct {
	app.Compo

	// Props.
	Doc   *annotate.Document
	Index int
	Marks []highlight
}

func (b *articleBlock) Render() app.UI {
	return app.Raw(blockHTML(b.Doc, b.Index, b.Marks))
}

// markTitle is a highlight's tooltip: its label, for a claim who said it,
// and whether it is only suggested.
func markTitle(h *highlight) string {
	t := string(h.Label)
	if h.Speaker != "" {
		t += ", said by " + h.Speaker
	}
	if h.Kind == kindSuggestion {
		t += " (suggested)"
	}
	return t
}

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// textPointsJS finds the n-th occurrence of text inside the article and
// returns page points for a mouse drag over it: inside the character at
// offset from (in UTF-16 units into the text; -1 is the character before
// it) and near the right edge of the character at to-1. (A drag that
// starts on the first character of a highlight, which takes the focus,
// selects nothing in Chromium; readers start in the space before.)
const textPointsJS = `((text, n, from, to) => {
  const art = document.querySelector("article");
  const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let all = "";
  while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
  let at = -1;
  for (let i = 0; i <= n; i++) { at = all.indexOf(text, at + 1); if (at < 0) return null; }
  const locate = (off) => { for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= off) return [nodes[i][0], off - nodes[i][1]]; };
  const rectOf = (off) => { const [node, o] = locate(off); const r = document.createRange(); r.setStart(node, o); r.setEnd(node, o + 1); return r.getBoundingClientRect(); };
  const a = rectOf(at + from), b = rectOf(at + to - 1);
  return { x1: a.left + 0.3 * a.width, y1: (a.top + a.bottom) / 2, x2: b.right - 0.2 * b.width, y2: (b.top + b.bottom) / 2 };
})`

type points struct{ X1, Y1, X2, Y2 float64 }

// dragOver selects text with a real mouse drag: press inside the first
// character, move, release after the last.
func dragOver(t *testing.T, b *browser, text string, nth, from, to int) {
	t.Helper()
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("article").scrollIntoView()`))
	args := `("` + jsString(text) + `", ` + itoa(nth) + `, ` + itoa(from) + `, ` + itoa(to) + `)`
	b.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const p = `+textPointsJS+args+`; if (p) window.scrollTo(0, window.scrollY + p.y1 - 200); })()`))
	p := eval[*points](t, b, textPointsJS+args)
	if p == nil {
		t.Fatalf("%q (occurrence %d) is not in the article", text, nth)
	}
	drag(t, b, p.X1, p.Y1, p.X2, p.Y2)
}

func jsString(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

// openAndTag opens the app on a fresh profile and waits for the
// suggestions.
func openAndTag(t *testing.T) *browser {
	t.Helper()
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitTagged(t, b, "tagging", time.Minute)
	return b
}

// waitTagged waits, up to timeout, until the status says what the tagger
// found and the tools are drawn. The export menu and the panel come in
// tasks of their own after the first render (articlePage.OnMount); on a
// busy machine the tagging can finish first. A reader waits for the
// tools to show before using them, and so does a test.
func waitTagged(t *testing.T, b *browser, what string, timeout time.Duration) {
	t.Helper()
	waitFor(t, b, what, `/^Found \d+ entities/.test(document.querySelector("#status").textContent) && `+
		`document.querySelector("#exchange-button") && document.querySelector('aside.panel[aria-label="Annotations"]')`, timeout)
}

// press types keys on the page (kb names special keys).
func press(t *testing.T, b *browser, keys string, opts ...chromedp.KeyOption) {
	t.Helper()
	b.do(t, chromedp.KeyEvent(keys, opts...))
}

const annotationsJS = `[...document.querySelectorAll('article mark[data-kind="annotation"]')].map((m) => ({
  label: m.dataset.label, start: +m.dataset.start, end: +m.dataset.end, kind: m.dataset.kind, text: m.textContent }))`

func TestSelectLabelAndComment(t *testing.T) {
	b := openAndTag(t)
	// Drag from the middle of "Ciaran" to the middle of "Martin": the
	// selection snaps to the whole words.
	dragOver(t, b, "Ciaran Martin, head", 0, 2, 10)
	waitFor(t, b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
	press(t, b, "1") // PERSON
	waitFor(t, b, "the annotation", `document.querySelector('article mark[data-kind="annotation"]')`, 5*time.Second)
	marks := eval[[]mark](t, b, annotationsJS)
	if len(marks) != 1 || marks[0].Text != "Ciaran Martin" || marks[0].Label != "PERSON" {
		t.Fatalf("annotations %+v, want one PERSON on \"Ciaran Martin\"", marks)
	}
	doc := sampleDocument(t)
	if got := doc.Text.Slice(marks[0].Start, marks[0].End); got != "Ciaran Martin" {
		t.Errorf("the annotation's offsets hold %q", got)
	}
	id := eval[string](t, b, `document.querySelector('article mark[data-kind="annotation"]').dataset.id`)
	if !strings.HasPrefix(id, "urn:uuid:") {
		t.Errorf("annotation id %q", id)
	}
	if n := eval[int](t, b, `document.querySelectorAll('aside[aria-label="Annotations"] li[data-id="`+id+`"]').length`); n != 1 {
		t.Errorf("the side panel lists the annotation %d times", n)
	}

	// The card opened on the new annotation: type a comment with markup
	// and tags; they are kept and shown as text.
	const comment = "Head of the NCSC.\n<img src=x onerror=alert(1)>"
	b.do(t, chromedp.Click(chromedp.CSS(`#card-comment`)), chromedp.SendKeys(chromedp.CSS(`#card-comment`), comment))
	b.do(t, chromedp.SendKeys(chromedp.CSS(`#card-tags`), "source, <b>bold</b>"), chromedp.KeyEvent(kb.Tab))
	waitFor(t, b, "the comment in the panel", `(document.querySelector('aside li[data-id="`+id+`"] .comment') || {}).textContent === "`+jsString(comment)+`"`, 5*time.Second)
	waitFor(t, b, "the tags in the panel", `(document.querySelector('aside li[data-id="`+id+`"] .tags') || {}).textContent === "#source #<b>bold</b>"`, 5*time.Second)
	if n := eval[int](t, b, `document.querySelectorAll("img, b").length`); n != 0 {
		t.Errorf("markup from a comment or tag became %d elements", n)
	}
	b.checkClean(t)
}

func TestCommentLimit(t *testing.T) {
	b := openAndTag(t)
	dragOver(t, b, "Theresa May", 0, -1, 11) // from the space before the name
	waitFor(t, b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
	press(t, b, "1")
	waitFor(t, b, "the card", `document.querySelector("#card-comment")`, 5*time.Second)
	setComment := func(n int) {
		b.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const c = document.querySelector("#card-comment");
  c.value = "x".repeat(`+itoa(n)+`); c.dispatchEvent(new Event("change", { bubbles: true })); })()`))
	}
	setComment(10000)
	waitFor(t, b, "a 10,000-character comment", `(document.querySelector("aside .comment") || {}).textContent?.length > 0 && /Comment saved/.test(document.querySelector(".notice").textContent)`, 5*time.Second)
	setComment(10001)
	waitFor(t, b, "the refusal", `/^Not done: .*10,?000/.test(document.querySelector(".notice").textContent)`, 5*time.Second)
}

func TestAcceptRejectUndoRedo(t *testing.T) {
	b := openAndTag(t)
	suggestion := `article mark[data-kind="suggestion"][data-label="PERSON"]`
	before := eval[int](t, b, `document.querySelectorAll('`+suggestion+`').length`)
	first := eval[mark](t, b, `(() => { const m = document.querySelector('`+suggestion+`'); return { label: m.dataset.label, start: +m.dataset.start, end: +m.dataset.end, kind: m.dataset.kind, text: m.textContent }; })()`)

	// Accept: the suggestion becomes the reader's annotation.
	b.do(t, chromedp.Click(chromedp.CSS(suggestion)))
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Accept suggestion"]`)))
	waitFor(t, b, "the accepted annotation", `document.querySelector('article mark[data-kind="annotation"][data-start="`+itoa(first.Start)+`"]')`, 5*time.Second)
	if n := eval[int](t, b, `document.querySelectorAll('`+suggestion+`').length`); n != before-1 {
		t.Errorf("%d PERSON suggestions after accepting one of %d", n, before)
	}

	// Reject the next one with the keyboard: focus it, press r.
	b.do(t, chromedp.Focus(chromedp.CSS(suggestion)))
	rejected := eval[string](t, b, `document.activeElement.dataset.span`)
	press(t, b, "r")
	gone := `!document.querySelector('article mark[data-kind="suggestion"][data-span="` + rejected + `"]')`
	waitFor(t, b, "the rejected suggestion to go", gone, 5*time.Second)

	// Undo brings it back; redo rejects it again.
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	waitFor(t, b, "undo", `!(`+gone+`)`, 5*time.Second)
	press(t, b, "Z", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
	waitFor(t, b, "redo", gone, 5*time.Second)

	// Reject all of a label.
	b.do(t, chromedp.Click(chromedp.CSS(`article mark[data-kind="suggestion"][data-label="GPE"]`)))
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Reject all GPE suggestions"]`)))
	waitFor(t, b, "every GPE suggestion to go", `!document.querySelector('article mark[data-kind="suggestion"][data-label="GPE"]')`, 5*time.Second)
	b.checkClean(t)
}

func TestOverlappingClaimsAndNavigation(t *testing.T) {
	b := openAndTag(t)
	// Two overlapping claims in one sentence.
	const sentence = "Russia is acting against the United Kingdom's national interest in cyberspace"
	dragOver(t, b, sentence, 0, -1, 40) // from the quote before: "Russia is acting against the United Kin… snaps to words
	waitFor(t, b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
	press(t, b, "0") // CLAIM
	waitFor(t, b, "the first claim", `document.querySelectorAll('article mark[data-kind="annotation"][data-label="CLAIM"]').length >= 1`, 5*time.Second)
	press(t, b, kb.Escape)
	dragOver(t, b, sentence, 0, 17, len(sentence))
	waitFor(t, b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
	press(t, b, "0")
	waitFor(t, b, "two claims", `new Set([...document.querySelectorAll('article mark[data-label="CLAIM"][data-kind="annotation"]')].map((m) => m.dataset.id)).size === 2`, 5*time.Second)

	// Every mark's text is the document's text at its offsets.
	doc := sampleDocument(t)
	for _, m := range eval[[]mark](t, b, marksJS) {
		if got := doc.Text.Slice(m.Start, m.End); got != m.Text {
			t.Errorf("mark %q at [%d, %d): the document has %q", m.Text, m.Start, m.End, got)
		}
	}
	// Each claim stays clickable: clicking any of its marks opens its card.
	ids := eval[[]string](t, b, `[...new Set([...document.querySelectorAll('article mark[data-label="CLAIM"][data-kind="annotation"]')].map((m) => m.dataset.id))]`)
	for _, id := range ids {
		// Click on the claim's own text, not on a highlight nested in it.
		p := eval[*points](t, b, `(() => {
  for (const m of document.querySelectorAll('article mark[data-id="`+id+`"]')) {
    for (const n of m.childNodes) {
      if (n.nodeType !== Node.TEXT_NODE || !n.data.trim()) continue;
      const r = document.createRange(); r.selectNodeContents(n); const b = r.getClientRects()[0];
      return { x1: b.left + b.width / 2, y1: (b.top + b.bottom) / 2 };
    }
  }
  return null;
})()`)
		if p == nil {
			t.Fatalf("claim %s has no text of its own to click", id)
		}
		b.do(t, chromedp.MouseClickXY(p.X1, p.Y1))
		waitFor(t, b, "the card of "+id, `(document.querySelector('section.card') || {dataset: {}}).dataset.id === "`+id+`"`, 5*time.Second)
	}

	// j and k walk the highlights in document order.
	press(t, b, kb.Escape)
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	press(t, b, "j")
	firstMark := eval[bool](t, b, `document.activeElement === document.querySelector("article mark")`)
	press(t, b, "j")
	press(t, b, "k")
	back := eval[bool](t, b, `document.activeElement === document.querySelector("article mark")`)
	if !firstMark || !back {
		t.Errorf("j then j, k did not land on the first highlight (first %v, back %v)", firstMark, back)
	}
	b.checkClean(t)
}

func TestSelectionProblems(t *testing.T) {
	b := openAndTag(t)
	// A click is no selection: no toolbar.
	b.do(t, chromedp.Click(chromedp.CSS("article p:nth-of-type(5)")))
	time.Sleep(200 * time.Millisecond)
	if eval[bool](t, b, `!!document.querySelector(".toolbar")`) {
		t.Errorf("a click without a selection opened the toolbar")
	}
	// A selection outside the article gets a message, and no annotation.
	b.do(t, chromedp.Evaluate[chromedp.Void](`(() => {
  const r = document.createRange(); r.selectNodeContents(document.querySelector(".brand"));
  const s = getSelection(); s.removeAllRanges(); s.addRange(r);
  document.querySelector(".reading").dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
})()`))
	waitFor(t, b, "the message", `/only the article/.test((document.querySelector(".toolbar-error") || {}).textContent)`, 5*time.Second)
	if n := eval[int](t, b, `document.querySelectorAll('article mark[data-kind="annotation"]').length`); n != 0 {
		t.Errorf("%d annotations from a selection outside the article", n)
	}
	// The shortcuts help opens with ? and closes with Esc.
	press(t, b, kb.Escape)
	press(t, b, "?")
	waitFor(t, b, "the help", `document.querySelector('dialog.help[open]')`, 5*time.Second)
	press(t, b, kb.Escape)
	waitFor(t, b, "the help to close", `!document.querySelector('dialog.help')`, 5*time.Second)
}

func TestDoubleClickAndKeyboardSelection(t *testing.T) {
	b := openAndTag(t)
	// Double-click selects a word; 2 labels it ORG.
	dragOver(t, b, "cybersecurity agency", 0, 3, 4) // to find it on screen
	press(t, b, kb.Escape)
	p := eval[*points](t, b, textPointsJS+`("cybersecurity agency", 0, 3, 4)`)
	b.do(t, chromedp.MouseClickXY(p.X1, p.Y1, chromedp.ClickCount(2)))
	waitFor(t, b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
	press(t, b, "2")
	waitFor(t, b, "the ORG annotation", `[...document.querySelectorAll('article mark[data-kind="annotation"][data-label="ORG"]')].some((m) => m.textContent === "cybersecurity")`, 5*time.Second)

	// Caret mode: c puts the caret at the headline's start; Shift+Ctrl+Right
	// twice selects its first two words; 9 labels them MISC.
	press(t, b, kb.Escape)
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); getSelection().removeAllRanges()`))
	press(t, b, "c")
	for i := 0; i < 2; i++ {
		press(t, b, kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierShift, chromedp.ModifierCtrl))
	}
	waitFor(t, b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
	press(t, b, "9")
	waitFor(t, b, "the MISC annotation", `[...document.querySelectorAll('article mark[data-kind="annotation"][data-label="MISC"]')].some((m) => m.textContent === "Amid Concerns")`, 5*time.Second)
	b.checkClean(t)
}

package e2e

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// selectRandomWordJS selects the n-th word (modulo their number) of the
// article's paragraphs, as a reader's selection, and lets the page see it.
const selectRandomWordJS = `((n) => {
  const words = [];
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const m of node.data.matchAll(/[A-Za-z]{4,}/g)) words.push([node, m.index, m.index + m[0].length]);
  }
  const [node, a, b] = words[n % words.length];
  const r = document.createRange(); r.setStart(node, a); r.setEnd(node, b);
  const s = getSelection(); s.removeAllRanges(); s.addRange(r);
  document.querySelector(".reading").dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  return node.data.slice(a, b);
})`

const annotationStateJS = `[...document.querySelectorAll('article mark[data-kind="annotation"]')]
  .map((m) => m.dataset.id + " " + m.dataset.label + " " + m.dataset.start + "-" + m.dataset.end).sort().join("\n")`

// TestRandomEditReloadCycles makes random edits (label a word, relabel,
// delete, undo), each followed by a reload, and checks after every reload
// that what the page shows from storage is what it showed before. 25
// cycles (GLOSSA_CYCLES changes the number): each reloads the whole app,
// and 200 took 11 minutes on a busy 2-core machine. TestRandomReaderActions
// covers many more edits, with one reload at its end.
func TestRandomEditReloadCycles(t *testing.T) {
	cycles := 25
	if v, err := strconv.Atoi(os.Getenv("GLOSSA_CYCLES")); err == nil {
		cycles = v
	}
	b := openAndTag(t)
	r := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < cycles; i++ {
		count := eval[int](t, b, `document.querySelectorAll('article mark[data-kind="annotation"]').length`)
		edits := eval[int](t, b, `+document.querySelector("#save-status").dataset.edits`)
		switch op := r.IntN(10); {
		case op < 5 || count == 0:
			eval[string](t, b, selectRandomWordJS+"("+strconv.Itoa(r.IntN(10000))+")")
			waitFor(t, b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
			press(t, b, strconv.Itoa(1+r.IntN(9)))
		case op < 7:
			b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('article mark[data-kind="annotation"]')[`+strconv.Itoa(r.IntN(count))+`].focus()`))
			press(t, b, strconv.Itoa(1+r.IntN(9)))
		case op < 9:
			b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('article mark[data-kind="annotation"]')[`+strconv.Itoa(r.IntN(count))+`].focus()`))
			press(t, b, kb.Delete)
		default:
			b.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`))
			press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
		}
		// The edit is on screen once the page counts it; a refused one
		// changes nothing and says so.
		waitFor(t, b, "the edit", `+document.querySelector("#save-status").dataset.edits > `+strconv.Itoa(edits)+` || /^Not done/.test((document.querySelector(".notice") || {}).textContent || "")`, 10*time.Second)
		waitSaved(t, b)
		want := eval[string](t, b, annotationStateJS)
		b.do(t, chromedp.Reload())
		waitFor(t, b, "the reloaded library", `document.querySelector("#save-status").textContent === "Saved" && /^Found/.test(document.querySelector("#status").textContent)`, 30*time.Second)
		if got := eval[string](t, b, annotationStateJS); got != want {
			t.Fatalf("cycle %d: after reload the page shows\n%s\nbefore it showed\n%s", i, got, want)
		}
	}
	b.checkClean(t)
}

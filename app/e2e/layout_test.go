package e2e

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// rect is an element's box in the viewport (getBoundingClientRect).
type rect struct {
	Left, Top, Right, Bottom, Width, Height float64
}

// rectJS returns an expression giving the viewport box of the first
// element a selector matches (null if none).
func rectJS(sel string) string {
	return `(() => { const e = document.querySelector('` + sel + `'); if (!e) return null; const r = e.getBoundingClientRect();
  return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height}; })()`
}

func rectOf(t *testing.T, b *browser, sel string) rect {
	t.Helper()
	r := eval[*rect](t, b, rectJS(sel))
	if r == nil {
		t.Fatalf("nothing on the page matches %s", sel)
	}
	return *r
}

// intersects says whether two boxes share any area.
func (r rect) intersects(o rect) bool {
	return r.Left < o.Right && o.Left < r.Right && r.Top < o.Bottom && o.Top < r.Bottom
}

// inViewport says whether a box lies wholly in a viewport of w by h, and
// below a bar that ends at top.
func (r rect) inViewport(top, w, h float64) bool {
	return r.Top >= top-0.5 && r.Left >= -0.5 && r.Bottom <= h+0.5 && r.Right <= w+0.5 && r.Height > 0
}

func viewport(t *testing.T, b *browser) (w, h float64) {
	t.Helper()
	v := eval[[]float64](t, b, `[innerWidth, innerHeight]`)
	return v[0], v[1]
}

// openExchangeMenu opens the header's export and import menu, as a reader
// does with the mouse.
func openExchangeMenu(t *testing.T, b *browser) {
	t.Helper()
	if eval[string](t, b, `document.querySelector("#exchange-button").getAttribute("aria-expanded")`) != "true" {
		b.do(t, chromedp.Click(chromedp.CSS(`#exchange-button`)))
	}
	waitFor(t, b, "the export and import menu", `document.querySelector('section[aria-label="Export and import"]').checkVisibility()`, 5*time.Second)
}

// TestHeaderStaysOnScreen: at the end of the article, the bar with the
// status, "Saved" and the last notice is still on screen.
func TestHeaderStaysOnScreen(t *testing.T) {
	b := openAndTag(t)
	labelWords(t, b, "civil service chiefs", "2")
	waitSaved(t, b)
	b.do(t, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.documentElement.scrollHeight)`))
	waitFor(t, b, "the page scrolled", `window.scrollY > 500`, 5*time.Second)
	w, h := viewport(t, b)
	for _, sel := range []string{"#status", "#save-status", ".notice", "#exchange-button", ".library-button"} {
		if r := rectOf(t, b, sel); !r.inViewport(0, w, h) {
			t.Errorf("scrolled to the end (scrollY %v), %s is at %+v, outside the %vx%v viewport", eval[float64](t, b, "scrollY"), sel, r, w, h)
		}
	}
	// The bar leaves the highlights under it readable: a highlight
	// jumped to from the list is below the bar, not under it.
	b.do(t, chromedp.Click(chromedp.CSS(`aside li[data-kind="annotation"] button`)))
	waitFor(t, b, "the card", cardQuoteJS+` === "civil service chiefs"`, 5*time.Second)
	time.Sleep(300 * time.Millisecond) // the scroll to it is smooth or instant; let it end
	bar := rectOf(t, b, ".bar")
	if m := rectOf(t, b, `article mark[data-kind="annotation"]`); !m.inViewport(bar.Bottom, w, h) {
		t.Errorf("the highlight jumped to is at %+v, the bar ends at %v", m, bar.Bottom)
	}
	b.checkClean(t)
}

// TestExchangeMenu: export and import are in the bar, in a menu that the
// keyboard opens and Escape closes; an export made from it downloads.
func TestExchangeMenu(t *testing.T) {
	b := openAndTag(t)
	button := rectOf(t, b, "#exchange-button")
	bar := rectOf(t, b, ".bar")
	if button.Top < bar.Top || button.Bottom > bar.Bottom {
		t.Errorf("the export and import button at %+v is not in the bar %+v", button, bar)
	}
	if eval[bool](t, b, `document.querySelector('section[aria-label="Export and import"]').checkVisibility()`) {
		t.Errorf("the menu shows before it is opened")
	}
	// Keyboard: focus the button, Enter opens the menu and moves the
	// focus into it, Escape closes it and gives the focus back.
	b.do(t, chromedp.Focus(chromedp.CSS("#exchange-button")))
	press(t, b, kb.Enter)
	waitFor(t, b, "the menu open", `document.querySelector("#exchange-button").getAttribute("aria-expanded") === "true" && document.querySelector('section[aria-label="Export and import"]').checkVisibility()`, 5*time.Second)
	waitFor(t, b, "the focus in the menu", `document.activeElement.id === "export-format"`, 5*time.Second)
	_, h := viewport(t, b)
	for _, sel := range []string{`#export-format`, `section[aria-label="Export and import"] input[type="file"]`} {
		if r := rectOf(t, b, sel); r.Bottom > h || r.Top < 0 {
			t.Errorf("%s is at %+v, outside the viewport (height %v)", sel, r, h)
		}
	}
	texts := eval[[]string](t, b, `[...document.querySelectorAll('section[aria-label="Export and import"] button')].map((b) => b.textContent)`)
	if strings.Join(texts, "|") != "Export this article|Export the library" {
		t.Errorf("the menu's buttons: %q", texts)
	}
	press(t, b, kb.Tab) // to "Export this article": the focus stays in the menu
	if got := eval[string](t, b, `document.activeElement.textContent`); got != "Export this article" {
		t.Errorf("Tab from the format moved the focus to %q", got)
	}
	press(t, b, kb.Escape)
	waitFor(t, b, "the menu closed", `!document.querySelector('section[aria-label="Export and import"]').checkVisibility()`, 5*time.Second)
	// The focus returns once the closed menu is drawn, a frame later.
	waitFor(t, b, "the focus back on the menu's button", `document.activeElement.id === "exchange-button"`, 5*time.Second)
	if got := eval[string](t, b, `document.querySelector("#exchange-button").getAttribute("aria-expanded")`); got != "false" {
		t.Errorf("closed, the button says aria-expanded=%s", got)
	}
	// Both exports work from the menu (exportVia opens it and clicks).
	for _, library := range []bool{false, true} {
		file := exportVia(t, b, "csv", library)
		if !strings.HasSuffix(file, ".csv") {
			t.Errorf("the export is %s", file)
		}
	}
	b.checkClean(t)
}

// wordAt finds a word of the article by where it sits: the first word of
// four letters or more, in a paragraph after the first three blocks that
// starts far enough down the page to scroll to y, whose right edge is
// within 80 px of the article's right edge. It scrolls it to y (viewport
// pixels from the top) and returns its box.
const wordAtJS = `((y) => {
  const article = document.querySelector("article"), right = article.getBoundingClientRect().right;
  const walk = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const blocks = [...article.children].slice(3);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (!blocks.some((b) => b.contains(n)) || n.parentElement.closest("mark")) continue;
    if (n.parentElement.getBoundingClientRect().top + scrollY < y + 100) continue; // it could not scroll to y
    const re = /[A-Za-z]{4,}/g; let m;
    while ((m = re.exec(n.data))) {
      const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
      const rs = r.getClientRects(); if (rs.length !== 1) continue;
      if (rs[0].right > right - 80) {
        window.scrollBy(0, rs[0].top - y);
        const b = r.getBoundingClientRect();
        return {word: m[0], left: b.left, top: b.top, right: b.right, bottom: b.bottom};
      }
    }
  }
  return null;
})`

type word struct {
	Word                     string
	Left, Top, Right, Bottom float64
}

// drag selects from one point to another with a real mouse drag: press,
// move halfway, move to the end, release.
func drag(t *testing.T, b *browser, x1, y1, x2, y2 float64) {
	t.Helper()
	mouse := func(typ input.DispatchMouseEventType, x, y float64, buttons int64) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.DispatchMouseEvent, input.DispatchMouseEventParams{
				Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: buttons, ClickCount: 1,
			})
			return err
		})
	}
	b.do(t,
		mouse(input.DispatchMouseEventTypeMouseMoved, x1, y1, 0),
		mouse(input.DispatchMouseEventTypeMousePressed, x1, y1, 1),
		mouse(input.DispatchMouseEventTypeMouseMoved, (x1+x2)/2, (y1+y2)/2, 1),
		mouse(input.DispatchMouseEventTypeMouseMoved, x2, y2, 1),
		mouse(input.DispatchMouseEventTypeMouseReleased, x2, y2, 0),
	)
}

// TestToolbarCompact selects a word at the right edge of the article's
// column, in the middle of the screen and at its bottom: the toolbar is
// one row, covers neither the selection nor the side column and stays on
// screen; the rarer labels open under "more", away from the selection,
// and their number keys work without it.
func TestToolbarCompact(t *testing.T) {
	b := openAndTag(t)
	w, h := viewport(t, b)
	for _, tc := range []struct {
		name  string
		y     float64 // where the word is put, in the viewport
		key   string
		want  string
		above bool // no room below: the toolbar goes above the selection
	}{
		{"middle of the screen", 300, "9", "MISC", false},
		{"bottom of the screen", h - 40, "5", "FAC", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wd := eval[*word](t, b, wordAtJS+`(`+itoa(int(tc.y))+`)`)
			if wd == nil {
				t.Fatal("no word at the right edge of the article")
			}
			if wd.Top < tc.y-2 || wd.Top > tc.y+2 {
				t.Fatalf("the word %q is at %v, not at %v: the page did not scroll there", wd.Word, wd.Top, tc.y)
			}
			drag(t, b, wd.Left+1, (wd.Top+wd.Bottom)/2, wd.Right-1, (wd.Top+wd.Bottom)/2)
			waitFor(t, b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
			time.Sleep(100 * time.Millisecond) // placed after it renders
			bar := rectOf(t, b, `.toolbar[role="toolbar"]`)
			button := rectOf(t, b, `.toolbar .label-button`)
			if bar.Height > 2*button.Height {
				t.Errorf("the toolbar is %v px high, its buttons %v: more than one row", bar.Height, button.Height)
			}
			tops := eval[[]float64](t, b, `[...document.querySelectorAll('.toolbar > .label-button, .toolbar .more-button')].map((e) => e.getBoundingClientRect().top)`)
			for _, top := range tops {
				if top != tops[0] {
					t.Errorf("the toolbar's buttons are not on one row: tops %v", tops)
					break
				}
			}
			shown := eval[[]string](t, b, `[...document.querySelectorAll('.toolbar .label-button')].filter((e) => e.checkVisibility()).map((e) => e.textContent)`)
			if strings.Join(shown, ",") != "1 PERSON,2 ORG,3 GPE,4 LOC,8 DATE,0 CLAIM" {
				t.Errorf("the toolbar shows %q", shown)
			}
			sel := eval[[]rect](t, b, `[...getSelection().getRangeAt(0).getClientRects()].map((r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height}))`)
			if len(sel) == 0 {
				t.Fatal("nothing selected")
			}
			if got := eval[string](t, b, `getSelection().toString()`); got != wd.Word {
				t.Errorf("selected %q, want %q", got, wd.Word)
			}
			side := rectOf(t, b, ".side")
			check := func(what string, r rect) {
				for _, s := range sel {
					if r.intersects(s) {
						t.Errorf("%s %+v covers the selection %+v", what, r, s)
					}
				}
				if r.intersects(side) {
					t.Errorf("%s %+v covers the side column %+v", what, r, side)
				}
				if !r.inViewport(rectOf(t, b, ".bar").Bottom, w, h) {
					t.Errorf("%s %+v is not wholly on screen (%vx%v)", what, r, w, h)
				}
			}
			check("the toolbar", bar)
			place := map[bool]string{false: "below", true: "above"}[tc.above]
			if got := eval[string](t, b, `document.querySelector(".toolbar").dataset.place`); got != place {
				t.Errorf("the toolbar is placed %q, want %q", got, place)
			}

			// "more" shows the rarer labels, still clear of the selection.
			rectOf(t, b, `.toolbar .more-button`) // there, or the test ends here
			b.do(t, chromedp.Click(chromedp.CSS(`.toolbar .more-button`)))
			waitFor(t, b, "the rarer labels", `document.querySelector('.toolbar .label-button[data-label="MISC"]').checkVisibility()`, 5*time.Second)
			check("the rarer labels", rectOf(t, b, `.toolbar-rare`))
			more := eval[[]string](t, b, `[...document.querySelectorAll('.toolbar-rare .label-button')].map((e) => e.textContent)`)
			if strings.Join(more, ",") != "5 FAC,6 NORP,7 EVENT,9 MISC" {
				t.Errorf("more shows %q", more)
			}
			if got := eval[string](t, b, `getSelection().toString()`); got != wd.Word {
				t.Errorf("opening more changed the selection to %q", got)
			}
			// Close more again, then the key of a label it holds.
			b.do(t, chromedp.Click(chromedp.CSS(`.toolbar .more-button`)))
			waitFor(t, b, "more closed", `!document.querySelector('.toolbar .label-button[data-label="MISC"]').checkVisibility()`, 5*time.Second)
			press(t, b, tc.key)
			waitFor(t, b, tc.want+" on "+wd.Word, `[...document.querySelectorAll('article mark[data-kind="annotation"][data-label="`+tc.want+`"]')].some((m) => m.textContent === "`+jsString(wd.Word)+`")`, 5*time.Second)
		})
	}
	b.checkClean(t)
}

// TestCardInViewWithLibrary: with the library open, a highlight clicked
// far down the article opens its card in view beside it; a card whose
// annotation is gone keeps its close button beside its text; "Undo
// delete" is in the library panel, by its list.
func TestCardInViewWithLibrary(t *testing.T) {
	b := openAndTag(t)
	// A laptop's screen: the library then fills most of the column.
	b.do(t, chromedp.EmulateViewport(1280, 640))
	b.do(t, chromedp.Click(chromedp.CSS(".library-button")))
	waitFor(t, b, "the library", `document.querySelectorAll(".library-item").length === 1`, 10*time.Second)
	w, h := viewport(t, b)
	// The last suggestion of the article, far down.
	last := eval[string](t, b, `(() => { const ms = [...document.querySelectorAll('article mark[data-kind="suggestion"]:not([data-label="CLAIM"]):not(.fragment)')];
  const m = ms[ms.length - 1]; return 'article mark[data-kind="suggestion"][data-span="' + m.dataset.span + '"][data-label="' + m.dataset.label + '"]'; })()`)
	text := eval[string](t, b, `document.querySelector('`+last+`').textContent`)
	clickMark(t, b, last, text)
	if y := eval[float64](t, b, "scrollY"); y < 500 {
		t.Fatalf("the last highlight is only %v px down: the test proves nothing", y)
	}
	bar := rectOf(t, b, ".bar")
	card := rectOf(t, b, "section.card")
	if !card.inViewport(bar.Bottom, w, h) {
		t.Errorf("the card is at %+v, not wholly in the %vx%v viewport below the bar (%v)", card, w, h, bar.Bottom)
	}
	if m := rectOf(t, b, last); card.Left < m.Right {
		t.Errorf("the card %+v is not beside its highlight %+v", card, m)
	}
	// Accept it, then undo: the card says the annotation is gone, with
	// its close button on the same line.
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Accept suggestion"]`)))
	waitFor(t, b, "the accepted annotation's card", `document.querySelector("section.card[data-id]")`, 5*time.Second)
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	waitFor(t, b, "the card of a gone annotation", `/no longer/.test(document.querySelector("section.card").textContent)`, 5*time.Second)
	quote, close := rectOf(t, b, "section.card .quote"), rectOf(t, b, "section.card .close")
	if close.Top >= quote.Bottom || close.Left < quote.Right-1 {
		t.Errorf("the close button %+v is not beside the text %+v", close, quote)
	}
	b.do(t, chromedp.Click(chromedp.CSS("section.card .close")))

	// Add an article, delete it: Undo is by the list.
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector(".add-article").open = true`))
	b.do(t,
		chromedp.SendKeys(chromedp.CSS(`textarea[aria-label="Article text"]`), "Short Story\n\nAngela Merkel met Emmanuel Macron in Paris on Monday."),
		chromedp.Click(chromedp.CSS(`.add-article button`)),
	)
	waitFor(t, b, "two articles listed", `document.querySelectorAll(".library-item").length === 2`, 30*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Delete Short Story"]`)))
	waitFor(t, b, "one article left", `document.querySelectorAll(".library-item").length === 1`, 5*time.Second)
	undo, panel, list := rectOf(t, b, `button[aria-label="Undo delete"]`), rectOf(t, b, "section.library"), rectOf(t, b, ".library-list")
	if undo.Left < panel.Left || undo.Right > panel.Right || undo.Top < panel.Top || undo.Bottom > panel.Bottom {
		t.Errorf("Undo delete %+v is outside the library panel %+v", undo, panel)
	}
	if gap := list.Top - undo.Bottom; gap < 0 || gap > 40 {
		t.Errorf("Undo delete %+v is %v px from the list %+v", undo, gap, list)
	}
	if undo.Width > panel.Width/2 {
		t.Errorf("Undo delete is a bar %v px wide", undo.Width)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Undo delete"]`)))
	waitFor(t, b, "the article back", `document.querySelectorAll(".library-item").length === 2`, 5*time.Second)
	b.checkClean(t)
}

// TestClaimReadsAsClaim: a claim the reader marks reads as a claim, not as
// one more label: no tint, a wavy underline, a quotation mark before it,
// and who said it in its tooltip and on hover.
func TestClaimReadsAsClaim(t *testing.T) {
	b := openAndTag(t)
	const words = "Russian service providers should never be used"
	labelWords(t, b, words, "0")
	b.do(t, chromedp.Click(chromedp.CSS(`#card-speaker-name`)), chromedp.SendKeys(chromedp.CSS(`#card-speaker-name`), "Ciaran Martin"), chromedp.KeyEvent(kb.Tab))
	waitFor(t, b, "the speaker saved", `/Speaker saved/.test(document.querySelector(".notice").textContent)`, 5*time.Second)
	claim := markOf(t, b, "annotation", words)
	type look struct {
		Decoration, Background, Before, Title, Speaker string
	}
	lookJS := func(sel string) string {
		return `(() => { const m = document.querySelector('` + sel + `'), s = getComputedStyle(m);
  return {decoration: s.textDecorationLine + " " + s.textDecorationStyle, background: s.backgroundColor,
    before: getComputedStyle(m, "::before").content, title: m.title, speaker: m.dataset.speaker || ""}; })()`
	}
	got := eval[look](t, b, lookJS(claim))
	want := look{Decoration: "underline wavy", Background: "rgba(0, 0, 0, 0)", Before: `"“"`, Title: "CLAIM, said by Ciaran Martin", Speaker: "Ciaran Martin"}
	if got != want {
		t.Errorf("the accepted claim looks like %+v, want %+v", got, want)
	}
	// An entity the reader marked does not.
	labelWords(t, b, "civil service chiefs", "2")
	org := eval[look](t, b, lookJS(markOf(t, b, "annotation", "civil service chiefs")))
	if strings.Contains(org.Decoration, "wavy") || org.Before == want.Before || org.Background == want.Background {
		t.Errorf("an ORG looks like a claim: %+v", org)
	}
	// Hovering the claim shows who said it.
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+claim+`').scrollIntoView({block: "center"})`))
	r := rectOf(t, b, claim)
	b.do(t, chromedp.MouseEvent(chromedp.MouseMoved, r.Left+10, (r.Top+r.Bottom)/2))
	waitFor(t, b, "the hover label", `getComputedStyle(document.querySelector('`+claim+`'), "::after").content === '"CLAIM · Ciaran Martin"'`, 5*time.Second)
	b.checkClean(t)
}

// TestSpeakerFromSuggestion: the claim card's speaker list offers the
// entities the model suggests; choosing "Ciaran Martin" accepts his
// suggestion and links it as the speaker; one undo takes back both.
func TestSpeakerFromSuggestion(t *testing.T) {
	b := openAndTag(t)
	markOf(t, b, "suggestion", "Ciaran Martin")
	labelWords(t, b, "Russian service providers should never be used", "0")
	value := eval[string](t, b, `([...document.querySelectorAll("#card-speaker option")].find((o) => o.textContent === "Ciaran Martin (PERSON, suggested)") || {}).value || ""`)
	if value == "" {
		t.Fatalf("the speaker list does not offer the suggestion Ciaran Martin: %q",
			eval[[]string](t, b, `[...document.querySelectorAll("#card-speaker option")].map((o) => o.textContent)`))
	}
	// As a choice in the list does: the value, then change (the card
	// re-renders the list at once, so chromedp's SetValue cannot read its
	// value back).
	b.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#card-speaker"); s.value = "`+jsString(value)+`";
  s.dispatchEvent(new Event("change", { bubbles: true })); })()`))
	waitFor(t, b, "the speaker accepted", `/Accepted Ciaran Martin as PERSON; speaker saved/.test(document.querySelector(".notice").textContent)`, 5*time.Second)
	markOf(t, b, "annotation", "Ciaran Martin")
	waitFor(t, b, "the speaker chosen in the card", `document.querySelector("#card-speaker").selectedOptions[0].textContent === "Ciaran Martin (PERSON)"`, 5*time.Second)
	if got := eval[string](t, b, `document.querySelector('article mark[data-kind="annotation"][data-label="CLAIM"]').dataset.speaker || ""`); got != "Ciaran Martin" {
		t.Errorf("the claim's speaker is %q", got)
	}
	waitSaved(t, b)

	// One undo takes back the speaker and the acceptance.
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	waitFor(t, b, "the undo", `!document.querySelector('article mark[data-kind="annotation"][data-label="CLAIM"]').dataset.speaker`, 5*time.Second)
	markOf(t, b, "suggestion", "Ciaran Martin")
	if n := eval[int](t, b, `document.querySelectorAll('article mark[data-kind="annotation"]').length`); n != 1 {
		t.Errorf("after one undo %d annotations, want the claim alone", n)
	}
	b.checkClean(t)
}

// germanDate is a date as de-DE writes it in full: "2. Dezember 2026".
var germanDate = regexp.MustCompile(`^(\d{1,2})\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) (\d{4})$`)

// TestLibraryDatesInLocale: a reader whose browser speaks German sees the
// library's dates as German dates, the full date and time on hover; the
// counts say "1 claim", not "1 claims".
func TestLibraryDatesInLocale(t *testing.T) {
	b := newBrowser(t)
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetLocaleOverride, emulation.SetLocaleOverrideParams{Locale: "de-DE"})
		return err
	}))
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitTagged(t, b, "tagging", time.Minute)
	if got := eval[string](t, b, `new Intl.DateTimeFormat().resolvedOptions().locale`); got != "de-DE" {
		t.Fatalf("the browser's locale is %q: the emulation did not take", got)
	}
	b.do(t, chromedp.Click(chromedp.CSS(".library-button")))
	waitFor(t, b, "the library", `document.querySelector(".library-item time")`, 10*time.Second)
	shown := eval[string](t, b, `document.querySelector(".library-item time").textContent`)
	full := eval[string](t, b, `document.querySelector(".library-item time").title`)
	added, err := time.Parse(time.RFC3339, full)
	if err != nil {
		t.Fatalf("the date's title %q is not the full date: %v", full, err)
	}
	if since := time.Since(added); since < 0 || since > time.Hour {
		t.Errorf("the sample was added at %v, %v ago", added, since)
	}
	m := germanDate.FindStringSubmatch(shown)
	if m == nil {
		t.Fatalf("the date shown is %q, not a German date", shown)
	}
	months := []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	local := added.Local() // the browser runs in this machine's time zone
	if m[1] != itoa(local.Day()) || m[2] != months[local.Month()-1] || m[3] != itoa(local.Year()) {
		t.Errorf("the date shown is %q, the full date %s", shown, full)
	}
	counts := `document.querySelector(".library-item p.muted").textContent`
	if got := eval[string](t, b, counts); !strings.HasSuffix(got, "· 0 annotations · 0 claims") {
		t.Errorf("the counts read %q", got)
	}
	labelWords(t, b, "Russian service providers should never be used", "0")
	waitSaved(t, b)
	waitFor(t, b, "the counts of one claim", counts+`.endsWith("· 1 annotation · 1 claim")`, 10*time.Second)
	b.checkClean(t)
}

// TestServedPageNamesItsOwnFonts: the page as served, before any script
// runs, sets every element in one of the stylesheet's two families, the
// article's serif and the tools' system font. A family named elsewhere
// (the browser's for its controls, go-app's for its loader, which names
// ten) is one more font the first layout looks up, where it is not
// installed one by one: about 45 → 41 ms for that layout here (10–17 →
// 5–7 lookups), the task that paints the article first.
func TestServedPageNamesItsOwnFonts(t *testing.T) {
	b := newBrowser(t)
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitFor(t, b, "the served article", `document.readyState === "complete" && !!document.querySelector("article p")`, 10*time.Second)
	if eval[bool](t, b, `!!document.querySelector("article mark")`) {
		t.Fatal("the article has highlights: the page's scripts ran")
	}
	families := eval[map[string]int](t, b, `(() => {
	  const n = {};
	  for (const el of document.body.querySelectorAll("*")) {
	    if (el.getClientRects().length === 0) continue; // not drawn
	    const f = getComputedStyle(el).fontFamily;
	    n[f] = (n[f] || 0) + 1;
	  }
	  return n;
	})()`)
	own := map[string]bool{`Georgia, "DejaVu Serif", serif`: true, `system-ui, sans-serif`: true}
	for f, n := range families {
		if !own[f] {
			t.Errorf("%d elements drawn in %s, a family the stylesheet does not set for the page", n, f)
		}
	}
	for f := range own {
		if families[f] == 0 {
			t.Errorf("nothing is drawn in %s: %v", f, families)
		}
	}
	for _, sel := range []string{".help-button", "#app-wasm-loader-label"} {
		if !eval[bool](t, b, `!!document.querySelector(`+strconv.Quote(sel)+`)`) {
			t.Errorf("the served page has no %s to check", sel)
		}
	}
}

package e2e

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeSource is axe-core, vendored from npm (see testdata/axe/PROVENANCE):
// the tests inject it into the page, it is never part of the site.
//
//go:embed testdata/axe/axe.min.js
var axeSource string

// axeViolation is one rule axe found broken, with the elements that break it.
type axeViolation struct {
	ID      string
	Impact  string
	Help    string
	HelpURL string
	Nodes   []struct {
		Target  string
		Impact  string
		Summary string
	}
}

// checkAxe runs axe-core on the whole page as it is and fails the test on
// every violation of impact serious or critical, naming the rule, its help
// and the elements. Lesser ones are logged.
//
// axe is evaluated through CDP's Runtime.evaluate, which the page's
// Content-Security-Policy does not govern (it governs what the page loads
// and what its own scripts eval), so the policy stays as served: no
// SetBypassCSP. The CSP recorder of newBrowser checks axe, once injected,
// broke no rule either (checkClean).
func checkAxe(t *testing.T, b *browser, state string) {
	t.Helper()
	if !eval[bool](t, b, `typeof window.axe === "object"`) {
		res, err := chromedp.Call(b.ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: axeSource})
		if err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
		if res.ExceptionDetails != nil {
			t.Fatalf("injecting axe-core threw: %s", res.ExceptionDetails.Text)
		}
	}
	// Wait for a quiet page: no pending render between two frames.
	eval[bool](t, b, `new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`)
	vs := eval[[]axeViolation](t, b, `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({
  id: v.id, impact: v.impact, help: v.help, helpURL: v.helpUrl,
  nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), impact: n.impact, summary: n.failureSummary })) })))`)
	for _, v := range vs {
		var nodes strings.Builder
		for _, n := range v.Nodes {
			fmt.Fprintf(&nodes, "\n    %s: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
		}
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("%s: axe %s (%s): %s (%s)%s", state, v.ID, v.Impact, v.Help, v.HelpURL, nodes.String())
		} else {
			t.Logf("%s: axe %s (%s, not failing): %s%s", state, v.ID, v.Impact, v.Help, nodes.String())
		}
	}
	t.Logf("%s: axe found %d violations", state, len(vs))
}

// nameJS is a JavaScript function giving an element's accessible name as
// a screen reader has it, in short: aria-labelledby, aria-label, its
// label, its text, its title or placeholder.
const nameJS = `((el) => {
  const text = (e) => (e ? e.textContent.replace(/\s+/g, " ").trim() : "");
  const by = el.getAttribute("aria-labelledby");
  if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(" ");
  if (el.getAttribute("aria-label")) return el.getAttribute("aria-label");
  if (el.labels && el.labels.length) return text(el.labels[0]);
  return text(el) || el.title || el.placeholder || "";
})`

// byNameJS finds the visible element of a role whose accessible name
// matches a pattern. The tests find controls this way, by what they are
// called, not by where the layout puts them.
const byNameJS = `((role, pattern) => {
  const re = new RegExp(pattern);
  const sel = {
    button: 'button, [role="button"], summary',
    textbox: 'input:not([type]), input[type="text"], input[type="search"], input[type="url"], textarea, [role="textbox"]',
    combobox: 'select, [role="combobox"]',
    file: 'input[type="file"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    radio: 'input[type="radio"], [role="radio"]',
    dialog: 'dialog, [role="dialog"], [role="alertdialog"]',
    region: 'section, aside, nav, [role="region"], [role="group"], [role="toolbar"]',
    menuitem: '[role="menuitem"]',
  }[role] || role;
  const visible = (el) => role === "file" || el.checkVisibility();
  return [...document.querySelectorAll(sel)].find((el) => visible(el) && re.test(` + nameJS + `(el))) || null;
})`

// findJS is the JavaScript expression of the element of a role and name.
func findJS(role, pattern string) string {
	return byNameJS + `("` + jsString(role) + `", "` + jsString(pattern) + `")`
}

// clickNamed clicks, with the mouse, the element of a role and name.
func clickNamed(t *testing.T, b *browser, role, pattern string) {
	t.Helper()
	waitFor(t, b, role+" "+pattern, findJS(role, pattern), 10*time.Second)
	p := eval[*points](t, b, `(() => { const el = `+findJS(role, pattern)+`; el.scrollIntoView({ block: "center" });
  const r = el.getBoundingClientRect(); return { x1: r.left + r.width / 2, y1: r.top + r.height / 2 }; })()`)
	b.do(t, chromedp.MouseClickXY(p.X1, p.Y1))
}

// importFile imports a file through the import control's file input,
// opening first the menu or panel that holds it if it is not on the page.
func importFile(t *testing.T, b *browser, file string) {
	t.Helper()
	const input = `input[type="file"][aria-label="Import annotations"]`
	if !eval[bool](t, b, `!!document.querySelector('`+input+`')`) {
		clickNamed(t, b, "button", `[Ii]mport`)
		waitFor(t, b, "the import control", `document.querySelector('`+input+`')`, 5*time.Second)
	}
	b.do(t, chromedp.SetUploadFiles(chromedp.CSS(input), []string{file}))
}

// TestAxeMainStates runs axe-core on each main state of the page: the
// article with its suggestions, the card of an entity suggestion, of the
// reader's entity and of the reader's claim, the library, the settings,
// the shortcuts help, the result of an import (with an annotation that
// could not be placed), and the who-said-what view. None may have a
// serious or critical violation.
func TestAxeMainStates(t *testing.T) {
	b := openAndTag(t)
	checkAxe(t, b, "article")

	// A label hidden from the legend: its toggle still reads.
	clickNamed(t, b, "button", `^GPE ?\d+$`)
	waitFor(t, b, "GPE hidden", `document.querySelector("article.hide-GPE")`, 5*time.Second)
	checkAxe(t, b, "a label hidden")
	clickNamed(t, b, "button", `^GPE ?\d+$`)

	// The selection toolbar.
	dragOver(t, b, "civil service chiefs", 0, -1, len("civil service chiefs"))
	waitFor(t, b, "the toolbar", findJS("region", "^Label the selection$"), 5*time.Second)
	checkAxe(t, b, "selection toolbar")
	press(t, b, kb.Escape)

	clickNamed(t, b, "button", `^PERSON.* suggested$`)
	waitFor(t, b, "a suggestion's card", findJS("button", "^Accept suggestion$"), 5*time.Second)
	checkAxe(t, b, "suggestion card")
	press(t, b, kb.Escape)

	labelWords(t, b, "civil service chiefs", "2")
	waitFor(t, b, "the entity's card", `document.querySelector("#card-comment")`, 5*time.Second)
	checkAxe(t, b, "entity card")
	press(t, b, kb.Escape)

	const claim = "Russia is acting against the United Kingdom's national interest in cyberspace"
	labelWords(t, b, claim, "0")
	waitFor(t, b, "the claim's card", findJS("combobox", "^Verdict$"), 5*time.Second)
	checkAxe(t, b, "claim card")
	press(t, b, kb.Escape)

	clickNamed(t, b, "button", "^Library$")
	waitFor(t, b, "the library", findJS("region", "^Library$"), 10*time.Second)
	checkAxe(t, b, "library")
	clickNamed(t, b, "button", "^Library$")

	clickNamed(t, b, "button", "^Settings$")
	waitFor(t, b, "the settings", findJS("textbox", "^Your name$"), 10*time.Second)
	checkAxe(t, b, "settings")
	clickNamed(t, b, "button", "^Settings$")

	press(t, b, "?")
	waitFor(t, b, "the shortcuts help", findJS("dialog", "^Keyboard shortcuts$"), 5*time.Second)
	checkAxe(t, b, "shortcuts help")
	press(t, b, kb.Escape)

	doc := sampleDocument(t)
	file := filepath.Join(t.TempDir(), "notes.jsonld")
	os.WriteFile(file, []byte(`[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:0190b2a4-0000-7000-8000-0000000000a1",
  "type": "Annotation", "body": [{"type": "TextualBody", "value": "PERSON", "purpose": "classifying"}],
  "target": {"source": "`+doc.ID+`", "selector": [{"type": "TextQuoteSelector", "exact": "Theresa May"}]}},
 {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:0190b2a4-0000-7000-8000-0000000000a2",
  "type": "Annotation", "body": [{"type": "TextualBody", "value": "ORG", "purpose": "classifying"}],
  "target": {"source": "`+doc.ID+`", "selector": [{"type": "TextQuoteSelector", "exact": "a quote that is nowhere in this article"}]}}]`), 0o644)
	importFile(t, b, file)
	waitFor(t, b, "the import's result", `[...document.querySelectorAll('[role="status"]')].some((el) => /^Imported/.test(el.textContent)) && /could not be placed/.test(document.body.innerText)`, 15*time.Second)
	checkAxe(t, b, "import result")

	clickNamed(t, b, "button", "^Who said what$")
	waitFor(t, b, "who said what", `document.querySelector(".who-said-what")`, 5*time.Second)
	checkAxe(t, b, "who said what")
	b.checkClean(t)
}

// focusWalkJS sets up a walk of the keyboard focus: it notes, for every
// control on screen, how it looks unfocused (its box-shadow), so that a
// focus ring drawn as a shadow counts only when focusing drew it.
const focusWalkJS = `(() => {
  const controls = 'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])';
  const w = { controls, seen: new Set(), order: [], bad: [], shadow: new Map() };
  for (const el of document.querySelectorAll(controls)) w.shadow.set(el, getComputedStyle(el).boxShadow);
  window.__walk = w;
  return true;
})()`

// focusStepJS records the focused element after a key press: its name,
// and whether its focus shows (it matches :focus-visible and has an
// outline, or a box-shadow it lacks unfocused). It returns its name, ""
// if nothing in the page has the focus.
const focusStepJS = `(() => {
  const w = window.__walk, el = document.activeElement;
  if (!el || el === document.body) return "";
  const what = el.tagName.toLowerCase() + (el.getAttribute("role") ? "[" + el.getAttribute("role") + "]" : "") + " " + JSON.stringify(` + nameJS + `(el).slice(0, 60));
  if (w.order.length > 1 && el === w.order[0]) return "\u21bb"; // round
  if (!w.seen.has(el)) { w.seen.add(el); w.order.push(el); }
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow !== "none" && cs.boxShadow !== w.shadow.get(el);
  if (!el.matches(":focus-visible")) w.bad.push(what + ": not :focus-visible");
  else if (!outline && !shadow) w.bad.push(what + ": no outline or box-shadow when focused");
  return what;
})()`

// unreachedJS lists the controls on screen that the walk never focused.
const unreachedJS = `(() => {
  const w = window.__walk;
  return [...document.querySelectorAll(w.controls)]
    .filter((el) => el.checkVisibility() && !el.disabled && !w.seen.has(el))
    // Tab reaches a radio group once, at its checked radio; arrows move in it.
    .filter((el) => !(el.type === "radio" && [...w.seen].some((r) => r.type === "radio" && r.name === el.name)))
    .map((el) => el.tagName.toLowerCase() + " " + JSON.stringify(` + nameJS + `(el).slice(0, 60)));
})()`

// tabWalk presses Tab from where the focus is, all the way round the page
// (past its end the focus leaves the page, then comes back to the top),
// until it is back on the first control it focused; it returns what it
// focused, in order. It fails the test on a focused element whose focus
// does not show.
func tabWalk(t *testing.T, b *browser, limit int) []string {
	t.Helper()
	eval[bool](t, b, focusWalkJS)
	var order []string
	out := 0 // presses in a row with the focus out of the page
	round := false
	for range limit {
		press(t, b, kb.Tab)
		what := eval[string](t, b, focusStepJS)
		if what == "\u21bb" {
			round = true
			break
		}
		if what == "" {
			if out++; out > 3 {
				t.Fatalf("Tab left the page and never came back, after %s", strings.Join(order[max(0, len(order)-3):], ", "))
			}
			continue
		}
		out = 0
		order = append(order, what)
	}
	if !round {
		t.Errorf("%d presses of Tab did not go round the page", limit)
	}
	for _, bad := range eval[[]string](t, b, `window.__walk.bad`) {
		t.Errorf("focus does not show: %s", bad)
	}
	return order
}

// focusShows fails the test if the focused element's focus does not show
// (after focusWalkJS noted how the page looks unfocused).
func focusShows(t *testing.T, b *browser) {
	t.Helper()
	eval[string](t, b, focusStepJS)
	for _, bad := range eval[[]string](t, b, `window.__walk.bad`) {
		t.Errorf("focus does not show: %s", bad)
	}
}

// tabTo presses Tab until the focused element matches a JavaScript
// condition on el, at most limit times, and returns how many presses it
// took.
func tabTo(t *testing.T, b *browser, what, cond string, limit int) int {
	t.Helper()
	for i := 1; i <= limit; i++ {
		press(t, b, kb.Tab)
		if eval[bool](t, b, `((el) => !!el && Boolean(`+cond+`))(document.activeElement)`) {
			return i
		}
	}
	t.Fatalf("%d presses of Tab never reached %s", limit, what)
	return 0
}

// namedIs is a JavaScript condition on el: its accessible name matches a
// pattern.
func namedIs(pattern string) string {
	return `new RegExp("` + jsString(pattern) + `").test(` + nameJS + `(el))`
}

// fromTheTop moves the keyboard's starting point to the top of the page,
// as a reader does: a click on the page's top left corner (no control is
// there), so the next Tab focuses the first control.
func fromTheTop(t *testing.T, b *browser) {
	t.Helper()
	b.do(t, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`), chromedp.MouseClickXY(2, 2))
	if what := eval[string](t, b, `document.elementFromPoint(2, 2).closest("button, input, select, textarea, summary, a[href], [tabindex]") ? "a control" : ""`); what != "" {
		t.Fatalf("the page's top left corner is %s", what)
	}
}

// TestKeyboardOnly walks the page with Tab from the top: every control of
// the header, the article, the side panel, the library, the settings and
// the card is reached, and shows its focus. Then a reader who uses only
// the keyboard opens a highlight's card with Enter, accepts, rejects and
// labels suggestions with a, r and a number key, closes the card with
// Escape or its close button (the focus goes back to the highlight, not to
// nowhere), labels a selection from the toolbar, and opens the library,
// the settings and the shortcuts help.
func TestKeyboardOnly(t *testing.T) {
	b := openAndTag(t)
	fromTheTop(t, b)
	order := tabWalk(t, b, 1000)
	for _, bad := range eval[[]string](t, b, unreachedJS) {
		t.Errorf("Tab from the top never reaches %s", bad)
	}
	t.Logf("Tab from the top: %d stops: %s … %s", len(order), strings.Join(order[:min(8, len(order))], ", "), strings.Join(order[max(0, len(order)-8):], ", "))
	// The header's controls come first.
	firstMark := slices.IndexFunc(order, func(s string) bool { return strings.HasPrefix(s, "mark ") })
	for _, name := range []string{`"Library"`, `"Settings"`, `"Keyboard shortcuts"`} {
		at := slices.IndexFunc(order, func(s string) bool { return strings.HasSuffix(s, " "+name) })
		if at < 0 || firstMark >= 0 && at > firstMark {
			t.Errorf("the header's %s button is at stop %d, the article's first highlight at %d", name, at, firstMark)
		}
	}

	// Open the library and the settings with the keyboard, and a card:
	// their controls are reached too.
	fromTheTop(t, b)
	tabTo(t, b, "the Library button", namedIs("^Library$"), 50)
	press(t, b, kb.Enter)
	waitFor(t, b, "the library", findJS("region", "^Library$"), 10*time.Second)
	tabTo(t, b, "the Settings button", namedIs("^Settings$"), 50)
	press(t, b, " ")
	waitFor(t, b, "the settings", findJS("textbox", "^Your name$"), 10*time.Second)
	presses := tabTo(t, b, "a suggested highlight", `el.matches('article mark[data-kind="suggestion"]:not([data-label="CLAIM"])')`, 200)
	span := eval[string](t, b, `document.activeElement.dataset.span`)
	press(t, b, kb.Enter)
	waitFor(t, b, "the suggestion's card", findJS("button", "^Accept suggestion$")+` && `+findJS("region", "^Suggestion$")+`.dataset.span === "`+span+`"`, 5*time.Second)
	t.Logf("from the top, %d presses of Tab reach the first suggested highlight", presses)
	toCard := tabTo(t, b, "the card's Accept button", namedIs("^Accept suggestion$"), 1000)
	t.Logf("from the highlight, %d presses of Tab reach its card", toCard)
	fromTheTop(t, b)
	tabWalk(t, b, 1500)
	for _, bad := range eval[[]string](t, b, unreachedJS) {
		t.Errorf("with the library, the settings and a card open, Tab never reaches %s", bad)
	}
	// The card's Accept works from the keyboard.
	tabTo(t, b, "the card's Accept button", namedIs("^Accept suggestion$"), 1500)
	press(t, b, kb.Enter)
	waitFor(t, b, "the suggestion accepted", `document.querySelector('article mark[data-kind="annotation"][data-span="`+span+`"]')`, 5*time.Second)

	// Highlights, from the keyboard only.
	suggestion := `el.matches('article mark[data-kind="suggestion"]:not([data-label="CLAIM"])')`
	fromTheTop(t, b)
	tabTo(t, b, "a suggested highlight", suggestion, 300)
	span = eval[string](t, b, `document.activeElement.dataset.span`)
	press(t, b, "a")
	waitFor(t, b, "a accepts", `document.querySelector('article mark[data-kind="annotation"][data-span="`+span+`"]')`, 5*time.Second)
	tabTo(t, b, "the next suggested highlight", suggestion, 300)
	span = eval[string](t, b, `document.activeElement.dataset.span`)
	press(t, b, "r")
	waitFor(t, b, "r rejects", `!document.querySelector('article mark[data-span="`+span+`"]')`, 5*time.Second)
	tabTo(t, b, "another suggested highlight", suggestion, 300)
	span = eval[string](t, b, `document.activeElement.dataset.span`)
	press(t, b, "8") // DATE
	marked := `article mark[data-kind="annotation"][data-label="DATE"][data-span="` + span + `"]`
	waitFor(t, b, "8 labels it DATE", `document.activeElement === document.querySelector('`+marked+`')`, 5*time.Second)
	press(t, b, kb.Enter)
	waitFor(t, b, "its card", findJS("combobox", "^Label$")+`.value === "DATE"`, 5*time.Second)
	press(t, b, kb.Escape)
	waitFor(t, b, "Escape closes the card", `!`+findJS("combobox", "^Label$"), 5*time.Second)
	if !eval[bool](t, b, `document.activeElement === document.querySelector('`+marked+`')`) {
		t.Errorf("after Escape the focus is not on the highlight")
	}
	// Escape from a field of the card: the card closes, the focus goes
	// back to its highlight.
	press(t, b, kb.Enter)
	waitFor(t, b, "its card", findJS("combobox", "^Label$"), 5*time.Second)
	tabTo(t, b, "the comment", namedIs("^Comment$"), 1000)
	b.do(t, chromedp.KeyEvent("checked by keyboard"))
	press(t, b, kb.Tab)
	waitFor(t, b, "the comment saved", `[...document.querySelectorAll("aside li")].some((li) => li.textContent.includes("checked by keyboard"))`, 5*time.Second)
	press(t, b, kb.Escape)
	waitFor(t, b, "Escape closes the card", `!`+findJS("combobox", "^Label$"), 5*time.Second)
	if got := eval[string](t, b, `document.activeElement === document.querySelector('`+marked+`') ? "" : document.activeElement.outerHTML.slice(0, 80)`); got != "" {
		t.Errorf("after Escape in the card the focus is on %s, not on the highlight", got)
	}

	// The card's close button, from the keyboard: the focus goes back to
	// the highlight too.
	press(t, b, kb.Enter)
	waitFor(t, b, "its card", findJS("combobox", "^Label$"), 5*time.Second)
	tabTo(t, b, "the card's close button", namedIs("^Close card$"), 1000)
	press(t, b, kb.Enter)
	waitFor(t, b, "the close button closes the card", `!`+findJS("combobox", "^Label$"), 5*time.Second)
	if got := eval[string](t, b, `document.activeElement === document.querySelector('`+marked+`') ? "" : document.activeElement.outerHTML.slice(0, 80)`); got != "" {
		t.Errorf("after the card's close button the focus is on %s, not on the highlight", got)
	}

	// A selection labelled from the toolbar: caret mode, Shift+Ctrl+Right,
	// Tab to a label's button, Enter.
	press(t, b, kb.Escape)
	fromTheTop(t, b)
	press(t, b, "c")
	for range 2 {
		press(t, b, kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierShift, chromedp.ModifierCtrl))
	}
	waitFor(t, b, "the toolbar", findJS("region", "^Label the selection$"), 5*time.Second)
	eval[bool](t, b, focusWalkJS)
	tabTo(t, b, "the toolbar's PERSON button", `el.closest('[role="toolbar"]') && `+namedIs(`PERSON`), 1500)
	focusShows(t, b)
	press(t, b, kb.Enter)
	waitFor(t, b, "the PERSON annotation", `[...document.querySelectorAll('article mark[data-kind="annotation"][data-label="PERSON"]')].some((m) => m.textContent === "Amid Concerns")`, 5*time.Second)

	// The shortcuts help: its button, then Close, from the keyboard.
	press(t, b, kb.Escape)
	fromTheTop(t, b)
	tabTo(t, b, "the shortcuts button", namedIs("^Keyboard shortcuts$"), 50)
	eval[bool](t, b, focusWalkJS)
	press(t, b, kb.Enter)
	waitFor(t, b, "the help", findJS("dialog", "^Keyboard shortcuts$"), 5*time.Second)
	// The dialog moves the focus once it is drawn (a frame after it
	// shows, as go-app runs what a component defers).
	focusOnClose := `((el) => !!el.closest("dialog") && ` + nameJS + `(el) === "Close")(document.activeElement)`
	if !poll(t, b, focusOnClose, 2*time.Second) {
		got := eval[string](t, b, `((el) => el.closest("dialog") ? `+nameJS+`(el) : el.outerHTML.slice(0, 80))(document.activeElement)`)
		t.Errorf("the help opened, the focus is on %s, not on its Close button", got)
		tabTo(t, b, "the help's Close button", `el.closest("dialog") && `+namedIs("^Close$"), 400)
	}
	focusShows(t, b)
	press(t, b, kb.Enter)
	waitFor(t, b, "the help closed", `!`+findJS("dialog", "^Keyboard shortcuts$"), 5*time.Second)
	if !eval[bool](t, b, `((el) => `+namedIs("^Keyboard shortcuts$")+`)(document.activeElement)`) {
		t.Errorf("after the help closes the focus is not back on its button")
	}
	b.checkClean(t)
}

// liveRegionsJS records every change of text in the page's live regions
// (role status or alert, or aria-live) as "role: text"; the regions must
// be there before the change for a screen reader to announce it.
const liveRegionsJS = `(() => {
  window.__live = [];
  const role = (el) => el.getAttribute("role") || "live";
  const regions = [...document.querySelectorAll('[role="status"], [role="alert"], [aria-live]')];
  const seen = new Map(regions.map((r) => [r, r.textContent]));
  new MutationObserver(() => {
    for (const r of regions) {
      if (r.isConnected && r.textContent !== seen.get(r)) { seen.set(r, r.textContent); window.__live.push(role(r) + ": " + r.textContent); }
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  return regions.length;
})()`

// TestLiveStatusAnnounced: the status line, the save status and the
// notices are live regions, there before they change: a label the reader
// makes is announced with its notice and then "Saved", and a failed
// import as an alert.
func TestLiveStatusAnnounced(t *testing.T) {
	b := openAndTag(t)
	waitSaved(t, b)
	if n := eval[int](t, b, liveRegionsJS); n < 3 {
		t.Fatalf("%d live regions on the page, want the status, the save status and the notice", n)
	}
	labelWords(t, b, "civil service chiefs", "2")
	waitSaved(t, b)
	waitFor(t, b, "Saved announced", `window.__live.some((s) => s === "status: Saved")`, 10*time.Second)
	live := eval[[]string](t, b, `window.__live`)
	t.Logf("announced: %q", live)
	saving := slices.IndexFunc(live, func(s string) bool { return strings.HasPrefix(s, "status: Saving") })
	saved := slices.Index(live, "status: Saved")
	if saving < 0 || saved < saving {
		t.Errorf("the save status did not go from Saving… to Saved in its live region: %q", live)
	}
	if !slices.ContainsFunc(live, func(s string) bool { return strings.HasPrefix(s, "status: ") && strings.Contains(s, "ORG") }) {
		t.Errorf("the label's notice was not announced in a live region: %q", live)
	}

	// A failed import is an alert.
	broken := filepath.Join(t.TempDir(), "broken.jsonld")
	os.WriteFile(broken, []byte(`{"type": "AnnotationCollection", "first": {"items": [ {"target": 7} ]}}`), 0o644)
	importFile(t, b, broken)
	waitFor(t, b, "the refusal", `[...document.querySelectorAll('[role="alert"], [aria-live="assertive"]')].some((el) => /^Nothing imported/.test(el.textContent))`, 10*time.Second)
	b.checkClean(t)
}

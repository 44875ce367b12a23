package e2e

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestRandomReaderActions is a model-based test: a reader who never
// reloads makes random actions across different items — labels words,
// opens suggestions and annotations and accepts, rejects, relabels,
// comments, tags, sets a claim's verdict, speaker and evidence, deletes,
// searches the panel and jumps, adds, renames, opens, deletes and restores
// articles — and after every action the page must show what an in-test
// model of the library says. After a final reload, what IndexedDB holds
// must equal the model too. The run is bounded by its count of actions
// (GLOSSA_ACTIONS, 300 by default), never by the clock; GLOSSA_SEED
// replays a failing run, whose seed every failure prints.
func TestRandomReaderActions(t *testing.T) {
	actions := 300
	if v, err := strconv.Atoi(os.Getenv("GLOSSA_ACTIONS")); err == nil {
		actions = v
	}
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("GLOSSA_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("seed %d (GLOSSA_SEED=%d replays this run)", seed, seed)
	r := &reader{t: t, b: openAndTag(t), rng: rand.New(rand.NewPCG(seed, 7)), seed: seed, docs: map[string]*modelDoc{}}
	t.Cleanup(func() {
		if t.Failed() { // whatever failed, show the actions that led there
			for _, h := range r.history[max(0, len(r.history)-8):] {
				t.Log(h)
			}
		}
	})
	r.start()
	for i := 0; i < actions; i++ {
		r.step = i
		r.act()
		r.check()
		if os.Getenv("GLOSSA_DEBUG") != "" {
			t.Logf("step %d: notice %q, save %q", i, r.notice(), eval[string](t, r.b, `document.querySelector("#save-status").textContent`))
		}
	}
	r.finalCheck()
	r.b.checkClean(t)
}

// modelNote is the model of one of the reader's annotations.
type modelNote struct {
	ID, Label  string
	Start, End int
	Comment    string
	Tags       []string
	Verdict    string // "" is unverified
	Speaker    string // a typed speaker name
	Evidence   string
}

// modelKey is a suggestion's identity: label and span.
type modelKey struct {
	Label      string
	Start, End int
}

// modelDoc is the model of one article of the library.
type modelDoc struct {
	ID, Title string
	Notes     map[string]*modelNote
	// The tagger's suggestions, as first seen (nil until the article has
	// been tagged), and the ones the reader accepted or rejected.
	Found              map[modelKey]bool
	Rejected, Accepted map[modelKey]bool
	// Claims holds, for each claim suggested, who said it and the entity
	// the speaker resolves to, as the page shows them.
	Claims map[modelKey]modelClaim
}

// modelClaim is what a suggested claim says of its speaker.
type modelClaim struct {
	Speaker string
	Entity  *modelKey
}

// open returns the suggestions the page must show: those found, less the
// decided ones and those a note of the same span and label takes.
func (d *modelDoc) open() map[modelKey]bool {
	out := map[modelKey]bool{}
	for k := range d.Found {
		if !d.Rejected[k] && !d.Accepted[k] && !d.taken(k, "") {
			out[k] = true
		}
	}
	return out
}

// taken reports whether a note other than except has k's span and label.
func (d *modelDoc) taken(k modelKey, except string) bool {
	for _, n := range d.Notes {
		if n.ID != except && n.Label == k.Label && n.Start == k.Start && n.End == k.End {
			return true
		}
	}
	return false
}

func (d *modelDoc) counts() (notes, claims int) {
	for _, n := range d.Notes {
		notes++
		if n.Label == "CLAIM" {
			claims++
		}
	}
	return notes, claims
}

// reader drives the page and keeps the model.
type reader struct {
	t       *testing.T
	b       *browser
	rng     *rand.Rand
	seed    uint64
	step    int
	docs    map[string]*modelDoc // by document ID
	openID  string               // the article on screen
	deleted *modelDoc            // the last deleted article, while undo can bring it back
	pasted  int                  // articles pasted so far
	active  string               // what the card shows: a note ID or a suggestion key, "" if no card
	edits   int                  // the edits the page has applied, as #save-status counts them
	history []string             // what was done, for the failure report
}

// fail stops the test with the seed and the last actions.
func (r *reader) fail(format string, args ...any) {
	r.t.Helper()
	last := r.history
	if len(last) > 8 {
		last = last[len(last)-8:]
	}
	r.t.Fatalf("step %d (seed %d): %s\nlast actions:\n  %s", r.step, r.seed, fmt.Sprintf(format, args...), strings.Join(last, "\n  "))
}

func (r *reader) log(format string, args ...any) {
	r.history = append(r.history, fmt.Sprintf("%d: ", r.step)+fmt.Sprintf(format, args...))
}

func (r *reader) doc() *modelDoc { return r.docs[r.openID] }

// start takes the open article (the sample) into the model.
func (r *reader) start() {
	id := eval[string](r.t, r.b, `new URLSearchParams(location.search).get("doc") || ""`)
	if id == "" {
		id = sampleDocument(r.t).ID
	}
	title := eval[string](r.t, r.b, `document.querySelector("article h1").textContent`)
	r.docs[id] = &modelDoc{ID: id, Title: title, Notes: map[string]*modelNote{}, Rejected: map[modelKey]bool{}, Accepted: map[modelKey]bool{}}
	r.openID = id
	r.learnSuggestions()
}

// learnSuggestions records the open article's suggestions the first time
// it is tagged: the tagger's output is the one thing the model cannot
// predict.
func (r *reader) learnSuggestions() {
	d := r.doc()
	if d.Found != nil {
		return
	}
	waitTagged(r.t, r.b, "tagging", time.Minute)
	d.Found = map[modelKey]bool{}
	d.Claims = map[modelKey]modelClaim{}
	for _, k := range r.pageSuggestions() {
		d.Found[k] = true
	}
	type claimMark struct {
		Span    string `json:"span"`
		Speaker string `json:"speaker"`
		Entity  string `json:"entity"`
	}
	for _, m := range eval[[]claimMark](r.t, r.b, `[...document.querySelectorAll('article mark[data-kind="suggestion"][data-label="CLAIM"]')].map((m) => ({span: m.dataset.span, speaker: m.dataset.speaker || "", entity: m.dataset.speakerEntity || ""}))`) {
		k := modelKey{Label: "CLAIM"}
		fmt.Sscanf(m.Span, "%d-%d", &k.Start, &k.End)
		c := modelClaim{Speaker: m.Speaker}
		if m.Entity != "" {
			var e modelKey
			fmt.Sscanf(m.Entity, "%d-%d %s", &e.Start, &e.End, &e.Label)
			c.Entity = &e
		}
		d.Claims[k] = c
	}
}

// acceptClaim models what accepting a suggested claim does to its
// speaker: linked to the note on its speaker's entity, whose suggestion is
// accepted too if it is open (a new note the model learns from the page);
// else named. It returns the typed speaker name the card shows.
func (r *reader) acceptClaim(d *modelDoc, k modelKey) string {
	c := d.Claims[k]
	if e := c.Entity; e != nil {
		if d.taken(*e, "") {
			return "" // linked to the note already there
		}
		if d.open()[*e] {
			known, _ := json.Marshal(append([]string{}, slices.Collect(maps.Keys(d.Notes))...))
			span := strconv.Itoa(e.Start) + "-" + strconv.Itoa(e.End)
			js := `(() => { const m = document.querySelector('article mark[data-kind="annotation"][data-label="` + e.Label + `"][data-span="` + span + `"]'); return m && !` + string(known) + `.includes(m.dataset.id) ? m.dataset.id : ""; })()`
			var id string
			for try := 0; id == ""; try++ {
				if id = eval[string](r.t, r.b, js); id == "" {
					if try > 100 {
						r.fail("accepting the claim %v did not accept its speaker's suggestion %v", k, *e)
					}
					time.Sleep(50 * time.Millisecond)
				}
			}
			d.Notes[id] = &modelNote{ID: id, Label: e.Label, Start: e.Start, End: e.End}
			d.Accepted[*e] = true
			return ""
		}
	}
	// Named: the finder names every speaker it found (data-speaker).
	return c.Speaker
}

// pageSuggestions lists the suggestions the page shows.
func (r *reader) pageSuggestions() []modelKey {
	type mark struct {
		Label string `json:"label"`
		Span  string `json:"span"`
	}
	marks := eval[[]mark](r.t, r.b, `[...document.querySelectorAll('article mark[data-kind="suggestion"]')].map((m) => ({label: m.dataset.label, span: m.dataset.span}))`)
	seen := map[modelKey]bool{}
	var out []modelKey
	for _, m := range marks {
		k := modelKey{Label: m.Label}
		fmt.Sscanf(m.Span, "%d-%d", &k.Start, &k.End)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// act makes one random action.
func (r *reader) act() {
	d := r.doc()
	switch n := r.rng.IntN(100); {
	case n < 22:
		r.labelWord()
	case n < 44 && len(d.open()) > 0:
		r.decideSuggestion()
	case n < 70 && len(d.Notes) > 0:
		r.editNote()
	case n < 78:
		r.searchAndJump()
	case n < 84:
		r.pasteArticle()
	case n < 88 && len(r.docs) > 1:
		r.openArticle()
	case n < 92:
		r.renameArticle()
	case n < 96 && len(r.docs) > 1:
		r.deleteArticle()
	case n < 100 && r.deleted != nil:
		r.undoDelete()
	default:
		r.labelWord()
	}
}

// wordJS selects the n-th word (modulo their number) of four letters or
// more in the article, as a reader's selection, lets the page see it, and
// returns its document offsets (code points: the test articles have no
// characters beyond the Basic Multilingual Plane, so UTF-16 units count
// the same).
const wordJS = `((n) => {
  if (document.activeElement) document.activeElement.blur(); // as the mouse press would
  const words = [];
  for (const block of document.querySelectorAll("article > [data-start]")) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let off = +block.dataset.start;
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (const m of node.data.matchAll(/[A-Za-z]{4,}/g)) words.push([node, m.index, m.index + m[0].length, off + m.index]);
      off += node.data.length;
    }
  }
  const [node, a, b, start] = words[n % words.length];
  const r = document.createRange(); r.setStart(node, a); r.setEnd(node, b);
  const s = getSelection(); s.removeAllRanges(); s.addRange(r);
  document.querySelector(".reading").dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  return { word: node.data.slice(a, b), start, end: start + (b - a) };
})`

var labels = []string{"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE", "MISC", "CLAIM"}

// keyOf is the number key of a label.
func keyOf(label string) string {
	i := slices.Index(labels, label)
	return string("1234567890"[i])
}

// labelWord selects a word and labels it with a number key.
func (r *reader) labelWord() {
	var w struct {
		Word       string `json:"word"`
		Start, End int
	}
	raw := eval[map[string]any](r.t, r.b, wordJS+"("+strconv.Itoa(r.rng.IntN(100000))+")")
	w.Word, w.Start, w.End = raw["word"].(string), int(raw["start"].(float64)), int(raw["end"].(float64))
	label := labels[r.rng.IntN(len(labels))]
	r.log("label %q [%d,%d) as %s", w.Word, w.Start, w.End, label)
	waitFor(r.t, r.b, "the toolbar", `document.querySelector('.toolbar[role="toolbar"]')`, 5*time.Second)
	press(r.t, r.b, keyOf(label))
	d := r.doc()
	if d.taken(modelKey{label, w.Start, w.End}, "") {
		r.expectRefusal()
		return
	}
	id := r.waitNewCard()
	d.Notes[id] = &modelNote{ID: id, Label: label, Start: w.Start, End: w.End}
	r.active = id
	r.edits++
}

// waitNewCard waits for the card of a note the model does not know yet
// and returns its ID.
func (r *reader) waitNewCard() string {
	known, _ := json.Marshal(append([]string{}, slices.Collect(maps.Keys(r.doc().Notes))...))
	js := `(() => { const c = document.querySelector("section.card[data-id]"); return c && !` + string(known) + `.includes(c.dataset.id) ? c.dataset.id : ""; })()`
	deadline := 0
	for {
		if id := eval[string](r.t, r.b, js); id != "" {
			return id
		}
		if deadline++; deadline > 200 {
			r.fail("no card opened on the new annotation; notice %q", r.notice())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (r *reader) notice() string {
	return eval[string](r.t, r.b, `(document.querySelector(".notice") || {}).textContent || ""`)
}

// expectRefusal waits for a "Not done" notice.
func (r *reader) expectRefusal() {
	waitFor(r.t, r.b, "the refusal", `/^Not done/.test((document.querySelector(".notice") || {}).textContent || "")`, 5*time.Second)
	r.log("  refused, as the model says")
}

// pointOnJS returns a page point on a highlight's own text (the middle
// of its first line box), or null when a highlight nested in it covers
// that point; it scrolls the highlight into view first.
const pointOnJS = `((sel) => {
  const m = document.querySelector(sel);
  if (!m) return null;
  m.scrollIntoView({block: "center"});
  const c = m.getClientRects()[0];
  if (!c) return null;
  const x = c.left + c.width / 2, y = c.top + c.height / 2;
  const at = document.elementFromPoint(x, y);
  return at && at.closest("mark") === m ? {x1: x, y1: y} : null;
})`

// openHighlight opens a highlight's card as a reader does: a click on its
// text, or, where a highlight nested in it covers the text, its item in
// the side panel.
func (r *reader) openHighlight(mark, item, card string) {
	if p := eval[*points](r.t, r.b, pointOnJS+"(`"+mark+"`)"); p != nil && r.rng.IntN(3) > 0 {
		r.b.do(r.t, chromedp.MouseClickXY(p.X1, p.Y1))
	} else {
		if !eval[bool](r.t, r.b, `!!document.querySelector('`+item+`')`) {
			r.fail("the panel does not list %s; it shows %q, its search holds %q", item,
				eval[string](r.t, r.b, `document.querySelector('aside[aria-label="Annotations"] .counts').textContent`),
				eval[string](r.t, r.b, `document.querySelector('aside[aria-label="Annotations"] input[type="search"]').value`))
		}
		r.b.do(r.t, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+item+`').scrollIntoView({block: "center"})`))
		r.b.do(r.t, chromedp.Click(chromedp.CSS(item)))
	}
	cond := `!!document.querySelector('` + card + `') && document.activeElement.matches('` + strings.TrimSuffix(mark, ":not(.fragment)") + `')`
	for try := 0; !eval[bool](r.t, r.b, cond); try++ {
		if try > 100 {
			r.fail("the card of %s did not open with its highlight focused: the card is %s, the focus on %s", mark,
				eval[string](r.t, r.b, `(document.querySelector("section.card") || {outerHTML: "none"}).outerHTML.slice(0, 300)`),
				eval[string](r.t, r.b, `document.activeElement.outerHTML.slice(0, 200)`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// decideSuggestion opens a suggestion and accepts it, rejects it, or
// accepts it with another label (a number key on the focused highlight).
func (r *reader) decideSuggestion() {
	d := r.doc()
	open := slices.SortedFunc(maps.Keys(d.open()), func(a, b modelKey) int {
		return cmp.Or(a.Start-b.Start, a.End-b.End, strings.Compare(a.Label, b.Label))
	})
	k := open[r.rng.IntN(len(open))]
	span := strconv.Itoa(k.Start) + "-" + strconv.Itoa(k.End)
	r.openHighlight(`article mark[data-kind="suggestion"][data-span="`+span+`"][data-label="`+k.Label+`"]:not(.fragment)`,
		`aside[aria-label="Annotations"] li[data-span="`+span+`"][data-label="`+k.Label+`"] button`,
		`section.card-suggestion[data-span="`+span+`"][data-label="`+k.Label+`"]`)
	r.active = ""
	switch n := r.rng.IntN(3); n {
	case 0:
		r.log("accept %v", k)
		r.b.do(r.t, chromedp.Click(chromedp.CSS(`button[aria-label="Accept suggestion"]`)))
		id := r.waitNewCard()
		n := &modelNote{ID: id, Label: k.Label, Start: k.Start, End: k.End}
		if k.Label == "CLAIM" {
			n.Speaker = r.acceptClaim(d, k)
		}
		d.Notes[id] = n
		d.Accepted[k] = true
		r.active = id
		r.edits++
	case 1:
		r.log("reject %v", k)
		r.b.do(r.t, chromedp.Click(chromedp.CSS(`button[aria-label="Reject suggestion"]`)))
		d.Rejected[k] = true
		r.active = ""
		r.edits++
	default:
		label := labels[r.rng.IntN(len(labels))]
		r.log("accept %v as %s (number key)", k, label)
		press(r.t, r.b, keyOf(label))
		if label != k.Label && d.taken(modelKey{label, k.Start, k.End}, "") {
			r.expectRefusal()
			return
		}
		id := r.waitNewCard()
		n := &modelNote{ID: id, Label: label, Start: k.Start, End: k.End}
		if k.Label == "CLAIM" && label == "CLAIM" {
			n.Speaker = r.acceptClaim(d, k)
		}
		d.Notes[id] = n
		d.Accepted[k] = true
		r.active = id
		r.edits++
	}
}

// editNote opens one of the reader's annotations, by a click or from the
// panel, and changes one thing of it.
func (r *reader) editNote() {
	d := r.doc()
	ids := slices.Sorted(maps.Keys(d.Notes))
	n := d.Notes[ids[r.rng.IntN(len(ids))]]
	r.openHighlight(`article mark[data-id="`+n.ID+`"]:not(.fragment)`, `aside[aria-label="Annotations"] li[data-id="`+n.ID+`"] button`,
		`section.card[data-id="`+n.ID+`"]`)
	r.active = n.ID
	setSelect := func(sel, v string) {
		r.b.do(r.t, chromedp.SetValue(chromedp.CSS(sel), v)) // it fires input and change, as a reader's choice does
	}
	// typeIn replaces a field's text as a reader does; the field's change
	// (an edit) comes only if the text differs from what it showed.
	typeIn := func(sel, old, text string) {
		if text != old {
			r.edits++
		}
		r.b.do(r.t, chromedp.Click(chromedp.CSS(sel)),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('`+sel+`').select()`),
			chromedp.KeyEvent(kb.Delete))
		if text != "" {
			r.b.do(r.t, chromedp.SendKeys(chromedp.CSS(sel), text))
		}
		r.b.do(r.t, chromedp.KeyEvent(kb.Tab))
	}
	words := []string{"check", "source", "quote", "later", "Kremlin", "ask editor", "NCSC"}
	choice := r.rng.IntN(5)
	if n.Label == "CLAIM" && r.rng.IntN(2) == 0 {
		choice = 5 + r.rng.IntN(3)
	}
	switch choice {
	case 0:
		label := labels[r.rng.IntN(len(labels))]
		r.log("relabel %s %s → %s", n.ID, n.Label, label)
		if label == n.Label {
			return
		}
		setSelect("#card-label", label)
		if d.taken(modelKey{label, n.Start, n.End}, n.ID) {
			r.expectRefusal()
			return
		}
		r.edits++
		if n.Label == "CLAIM" {
			n.Verdict, n.Speaker, n.Evidence = "", "", "" // only a claim keeps them
		}
		n.Label = label
	case 1:
		c := words[r.rng.IntN(len(words))] + " " + strconv.Itoa(r.step)
		r.log("comment %s: %q", n.ID, c)
		typeIn("#card-comment", n.Comment, c)
		n.Comment = c
	case 2:
		tags := []string{words[r.rng.IntN(len(words))], "t" + strconv.Itoa(r.rng.IntN(5))}
		if tags[0] == tags[1] {
			tags = tags[:1]
		}
		r.log("tags %s: %q", n.ID, tags)
		typeIn("#card-tags", strings.Join(n.Tags, ", "), strings.Join(tags, ", "))
		n.Tags = tags
	case 3, 4:
		r.log("delete %s", n.ID)
		r.b.do(r.t, chromedp.Click(chromedp.CSS(`button[aria-label="Delete annotation"]`)))
		delete(d.Notes, n.ID)
		r.active = ""
		r.edits++
	case 5:
		v := []string{"", "supported", "disputed", "false", "misleading"}[r.rng.IntN(5)] // "" is unverified
		r.log("verdict %s: %q", n.ID, v)
		setSelect("#card-verdict", v)
		n.Verdict = v
		r.edits++ // the change event comes whether or not the value changed
	case 6:
		name := []string{"Ciaran Martin", "Theresa May", "a spokesman", ""}[r.rng.IntN(4)]
		r.log("speaker %s: %q", n.ID, name)
		typeIn("#card-speaker-name", n.Speaker, name)
		n.Speaker = name
	case 7:
		u := "https://example.org/check/" + strconv.Itoa(r.step)
		r.log("evidence %s: %s", n.ID, u)
		typeIn("#card-evidence", n.Evidence, u)
		n.Evidence = u
	}
}

// searchAndJump searches the panel for an item's quote and opens one of
// the items found.
func (r *reader) searchAndJump() {
	quotes := eval[[]string](r.t, r.b, `[...document.querySelectorAll('aside[aria-label="Annotations"] .panel-item .quote')].map((q) => q.textContent)`)
	if len(quotes) == 0 {
		r.labelWord()
		return
	}
	q := quotes[r.rng.IntN(len(quotes))]
	if len([]rune(q)) > 12 {
		q = string([]rune(q)[:12])
	}
	search := `aside[aria-label="Annotations"] input[type="search"]`
	r.b.do(r.t, chromedp.Click(chromedp.CSS(search)), chromedp.SendKeys(chromedp.CSS(search), q))
	waitFor(r.t, r.b, "the search", `[...document.querySelectorAll('aside[aria-label="Annotations"] .panel-item .quote')].every((e) => e.textContent.toLowerCase().includes("`+jsString(strings.ToLower(q))+`") || e.closest("li").textContent.toLowerCase().includes("`+jsString(strings.ToLower(q))+`"))`, 5*time.Second)
	items := eval[[]map[string]string](r.t, r.b, `[...document.querySelectorAll('aside[aria-label="Annotations"] .panel-item')].map((li) => ({id: li.dataset.id || "", span: li.dataset.span || "", label: li.dataset.label, quote: li.querySelector(".quote").textContent}))`)
	if len(items) == 0 {
		r.fail("searching the panel for %q, a quote it listed, finds nothing", q)
	}
	i := r.rng.IntN(len(items))
	it := items[i]
	r.log("search %q, jump to item %d of %d (%s %q)", q, i+1, len(items), it["label"], it["quote"])
	r.b.do(r.t, chromedp.Click(chromedp.CSS(`aside[aria-label="Annotations"] .panel-item:nth-child(`+strconv.Itoa(i+1)+`) button`)))
	want := `(document.querySelector("section.card") || {dataset: {}}).dataset.id === "` + it["id"] + `"`
	if it["id"] == "" {
		// The card names its suggestion by span and label (the panel and
		// the card shorten a long quote each in their own way).
		want = `!!document.querySelector('section.card[data-span="` + it["span"] + `"][data-label="` + it["label"] + `"]') && !document.querySelector("section.card[data-id]")`
		a, b, _ := strings.Cut(it["span"], "-")
		start, _ := strconv.Atoi(a)
		end, _ := strconv.Atoi(b)
		r.active = fmt.Sprint(modelKey{it["label"], start, end})
	} else {
		r.active = it["id"]
	}
	waitFor(r.t, r.b, "the card of the item jumped to", want, 5*time.Second)
	r.b.do(r.t, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('`+search+`'); s.value = ""; s.dispatchEvent(new Event("input", {bubbles: true})); })()`))
	d := r.doc()
	// The list shows its first panelListRows, then "Show … more".
	all := len(d.Notes) + len(d.open())
	waitFor(r.t, r.b, "the whole list again", `document.querySelectorAll('aside[aria-label="Annotations"] .panel-item').length === `+strconv.Itoa(min(all, panelListRows)), 5*time.Second)
	if more := eval[bool](r.t, r.b, `!!document.querySelector('aside[aria-label="Annotations"] button.show-more')`); more != (all > panelListRows) {
		r.fail("the panel lists %d items: a \"Show more\" button shown %v, want %v", all, more, all > panelListRows)
	}
}

// panelListRows is how many rows the annotation panel lists before its
// "Show more" button (the app's listRows).
const panelListRows = 100

// showLibrary opens the library panel.
func (r *reader) showLibrary() {
	if !eval[bool](r.t, r.b, `!!document.querySelector('section[aria-label="Library"]')`) {
		r.b.do(r.t, chromedp.Click(chromedp.CSS(".library-button")))
	}
	waitFor(r.t, r.b, "the library", `document.querySelectorAll('.library-item').length > 0`, 10*time.Second)
}

// pasteArticle adds a new article by pasting it.
func (r *reader) pasteArticle() {
	r.pasted++
	people := []string{"Angela Merkel", "Emmanuel Macron", "Ciaran Martin", "Theresa May", "Olaf Scholz"}
	places := []string{"Paris", "Berlin", "London", "Moscow", "Lisbon"}
	title := fmt.Sprintf("Story %d Of The Day", r.pasted)
	text := fmt.Sprintf("%s\n\n%s met %s in %s on Monday, officials said.\n\nThe talks in %s lasted %d hours, according to the European Union.",
		title, people[r.rng.IntN(5)], people[r.rng.IntN(5)], places[r.rng.IntN(5)], places[r.rng.IntN(5)], r.pasted+1)
	r.log("paste %q", title)
	r.showLibrary()
	pasteArticle(r.t, r.b, text, title)
	id := eval[string](r.t, r.b, `new URLSearchParams(location.search).get("doc")`)
	r.docs[id] = &modelDoc{ID: id, Title: title, Notes: map[string]*modelNote{}, Rejected: map[modelKey]bool{}, Accepted: map[modelKey]bool{}}
	r.openID, r.active = id, ""
	r.learnSuggestions()
}

// rowOf returns the selector of the library row listing an article.
func (r *reader) rowOf(id string) string {
	return `.library-item[data-id="` + id + `"]`
}

// randomDoc returns a random article of the model.
func (r *reader) randomDoc() *modelDoc {
	ids := slices.Sorted(maps.Keys(r.docs))
	return r.docs[ids[r.rng.IntN(len(ids))]]
}

// openArticle opens another article from the library.
func (r *reader) openArticle() {
	d := r.randomDoc()
	r.log("open %q", d.Title)
	r.showLibrary()
	r.b.do(r.t, chromedp.Click(chromedp.CSS(r.rowOf(d.ID)+" .doc-title")))
	waitFor(r.t, r.b, "the article", `(new URLSearchParams(location.search).get("doc") || "`+sampleDocument(r.t).ID+`") === "`+d.ID+`"`, 10*time.Second)
	if d.ID != r.openID {
		r.active = ""
	}
	r.openID = d.ID
	r.learnSuggestions()
}

// renameArticle renames a random article from its row.
func (r *reader) renameArticle() {
	d := r.randomDoc()
	title := fmt.Sprintf("Renamed %d", r.step)
	r.log("rename %q → %q", d.Title, title)
	r.showLibrary()
	r.b.do(r.t, chromedp.Click(chromedp.CSS(r.rowOf(d.ID)+` button[aria-label^="Rename"]`)))
	field := r.rowOf(d.ID) + ` input[aria-label="New title"]`
	waitFor(r.t, r.b, "the title field", `!!document.querySelector('`+field+`')`, 5*time.Second)
	r.b.do(r.t, chromedp.Click(chromedp.CSS(field)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.SendKeys(chromedp.CSS(field), title+"\n"))
	d.Title = title
}

// deleteArticle deletes a random article from its row.
func (r *reader) deleteArticle() {
	d := r.randomDoc()
	r.log("delete article %q", d.Title)
	r.showLibrary()
	r.b.do(r.t, chromedp.Click(chromedp.CSS(r.rowOf(d.ID)+` button[aria-label^="Delete"]`)))
	waitFor(r.t, r.b, "the deletion", `!document.querySelector('`+r.rowOf(d.ID)+`')`, 10*time.Second)
	delete(r.docs, d.ID)
	r.deleted = d
	if d.ID == r.openID {
		// The page opens the newest article left.
		waitFor(r.t, r.b, "another article", `new URLSearchParams(location.search).get("doc") !== "`+d.ID+`"`, 10*time.Second)
		r.openID = eval[string](r.t, r.b, `new URLSearchParams(location.search).get("doc")`)
		if r.docs[r.openID] == nil {
			r.fail("after deleting the open article the page opened %s, which is not in the library", r.openID)
		}
		r.active = ""
		r.learnSuggestions()
	}
}

// undoDelete brings the last deleted article back.
func (r *reader) undoDelete() {
	d := r.deleted
	r.log("undo delete of %q", d.Title)
	r.b.do(r.t, chromedp.Click(chromedp.CSS(`button[aria-label="Undo delete"]`)))
	r.showLibrary()
	waitFor(r.t, r.b, "the article back", `!!document.querySelector('`+r.rowOf(d.ID)+`')`, 10*time.Second)
	r.docs[d.ID] = d
	r.deleted = nil
}

// pageState is what the page shows of the open article and the library.
type pageState struct {
	Notes       []string `json:"notes"`       // "id label start-end", sorted
	Suggestions []string `json:"suggestions"` // "label start-end", sorted
	Panel       []string `json:"panel"`       // "id|comment|tags" of the panel's notes, sorted
	Card        string   `json:"card"`        // the card's item: a note ID or a suggestion's "label start-end"
	Claims      []string `json:"claims"`      // the open claim card's fields: "verdict|speaker|evidence"
	Library     []string `json:"library"`     // "id|title|meta" of the library's rows, sorted; nil when hidden
	Edits       int      `json:"edits"`       // the edits the page counts (#save-status data-edits)
}

const pageStateJS = `(() => {
  const uniq = (a) => [...new Set(a)].sort();
  const notes = uniq([...document.querySelectorAll('article mark[data-kind="annotation"]')].map((m) => m.dataset.id + " " + m.dataset.label + " " + m.dataset.span));
  const suggestions = uniq([...document.querySelectorAll('article mark[data-kind="suggestion"]')].map((m) => m.dataset.label + " " + m.dataset.span));
  const panel = [...document.querySelectorAll('aside[aria-label="Annotations"] li[data-id]')].map((li) =>
    li.dataset.id + "|" + ((li.querySelector(".comment") || {}).textContent || "") + "|" + ((li.querySelector(".tags") || {}).textContent || "")).sort();
  const card = document.querySelector("section.card");
  let cardItem = "", claims = [];
  if (card && card.querySelector("q.quote")) {
    cardItem = card.dataset.id || "";
    const v = (s) => (card.querySelector(s) || {}).value;
    if (card.querySelector("#card-verdict")) claims = [v("#card-verdict") + "|" + v("#card-speaker-name") + "|" + v("#card-evidence")];
  }
  const lib = document.querySelector('section[aria-label="Library"]');
  const library = lib ? [...lib.querySelectorAll(".library-item")].map((li) => li.dataset.id + "|" + (li.querySelector(".doc-title") || {textContent: "(renaming)"}).textContent + "|" + (li.querySelector(".muted") || {textContent: ""}).textContent.replace(/^Added [^·]*· /, "")).sort() : null;
  return { notes, suggestions, panel, card: cardItem, claims, library, edits: +document.querySelector("#save-status").dataset.edits };
})()`

// want is what the model says the page must show.
func (r *reader) want() pageState {
	d := r.doc()
	var w pageState
	for _, n := range d.Notes {
		w.Notes = append(w.Notes, fmt.Sprintf("%s %s %d-%d", n.ID, n.Label, n.Start, n.End))
		tags := ""
		if len(n.Tags) > 0 {
			tags = "#" + strings.Join(n.Tags, " #")
		}
		w.Panel = append(w.Panel, n.ID+"|"+n.Comment+"|"+tags)
	}
	for k := range d.open() {
		w.Suggestions = append(w.Suggestions, fmt.Sprintf("%s %d-%d", k.Label, k.Start, k.End))
	}
	slices.Sort(w.Notes)
	slices.Sort(w.Panel)
	slices.Sort(w.Suggestions)
	if n := d.Notes[r.active]; n != nil {
		w.Card = n.ID
		if n.Label == "CLAIM" {
			w.Claims = []string{n.Verdict + "|" + n.Speaker + "|" + n.Evidence}
		}
	}
	return w
}

// check waits until the page shows what the model says, and fails with
// the difference if it does not.
func (r *reader) check() {
	var got pageState
	want := r.want()
	for try := 0; ; try++ {
		got = eval[pageState](r.t, r.b, pageStateJS)
		if r.matches(got, want) {
			return
		}
		if try > 100 { // 100 polls, about 5 s plus the page's own time
			r.fail("the page differs from the model%s", r.diff(got, want))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (r *reader) matches(got, want pageState) bool {
	if got.Edits != r.edits {
		return false
	}
	if !slices.Equal(got.Notes, want.Notes) || !slices.Equal(got.Suggestions, want.Suggestions) || !slices.Equal(got.Panel, want.Panel) {
		return false
	}
	if want.Card != "" && (got.Card != want.Card || !slices.Equal(got.Claims, want.Claims)) {
		return false
	}
	if got.Library != nil && !slices.Equal(got.Library, r.wantLibrary()) {
		return false
	}
	return true
}

// wantLibrary is the library list the model says the panel shows.
func (r *reader) wantLibrary() []string {
	var out []string
	for _, d := range r.docs {
		notes, claims := d.counts()
		out = append(out, d.ID+"|"+d.Title+"|"+countText(notes, "annotation", "annotations")+" · "+countText(claims, "claim", "claims"))
	}
	slices.Sort(out)
	return out
}

func countText(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (r *reader) diff(got, want pageState) string {
	var b strings.Builder
	line := func(name string, g, w []string) {
		if !slices.Equal(g, w) {
			fmt.Fprintf(&b, "\n%s: page\n    %s\nmodel\n    %s", name, strings.Join(g, "\n    "), strings.Join(w, "\n    "))
		}
	}
	line("annotations", got.Notes, want.Notes)
	line("suggestions", got.Suggestions, want.Suggestions)
	line("panel", got.Panel, want.Panel)
	if want.Card != "" {
		line("card", []string{got.Card}, []string{want.Card})
		line("claim fields", got.Claims, want.Claims)
	}
	if got.Library != nil {
		line("library", got.Library, r.wantLibrary())
	}
	if got.Edits != r.edits {
		fmt.Fprintf(&b, "\nedits: the page counts %d, the model %d", got.Edits, r.edits)
	}
	fmt.Fprintf(&b, "\nnotice: %q", r.notice())
	return b.String()
}

// storedNote is an annotation as IndexedDB holds it, reduced to what the
// model knows.
type storedNote struct {
	Doc, ID, Label                    string
	Start, End                        int
	Comment, Tags                     string
	Verdict, Speaker, Evidence, Error string
	Raw                               string // the record as stored
}

// storedNotesJS reads every annotation record of the library from
// IndexedDB: the W3C annotation each record holds, reduced to its label,
// position, comment, tags and claim fields.
const storedNotesJS = `new Promise((resolve, reject) => {
  const req = indexedDB.open("glossa");
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const db = req.result;
    const all = db.transaction("annotations").objectStore("annotations").getAll();
    all.onerror = () => reject(all.error);
    all.onsuccess = () => {
      db.close();
      resolve(all.result.map((v) => {
        try {
          const rec = JSON.parse(v.json);
          const a = rec.annotation;
          const bodies = [].concat(a.body || []);
          const by = (p, t) => bodies.filter((b) => b.purpose === p && (!t || b.type === t));
          const sel = [].concat(a.target.selector || []).find((s) => s.type === "TextPositionSelector") || {};
          return { raw: v.json, doc: rec.doc, id: a.id, label: (by("classifying")[0] || {}).value || "",
            start: sel.start, end: sel.end,
            comment: (by("commenting")[0] || {}).value || "",
            tags: by("tagging").map((b) => b.value).join(","),
            verdict: (by("assessing")[0] || {}).value || "",
            speaker: (by("identifying", "TextualBody")[0] || {}).value || "",
            evidence: (by("linking")[0] || {}).source || "" };
        } catch (e) { return { error: String(e) + ": " + v.json }; }
      }));
    };
  };
})`

// finalCheck reloads the page and checks the open article, and what
// IndexedDB holds of every article, against the model.
func (r *reader) finalCheck() {
	r.step++
	r.log("reload")
	waitFor(r.t, r.b, "every edit saved", `document.querySelector("#save-status").textContent === "Saved" && +document.querySelector("#save-status").dataset.saved === `+strconv.Itoa(r.edits), 10*time.Second)
	r.b.do(r.t, chromedp.Reload())
	r.edits = 0 // a new page counts from nothing
	waitFor(r.t, r.b, "the reloaded page", `document.querySelector("#save-status").textContent === "Saved" && /^Found/.test(document.querySelector("#status").textContent)`, time.Minute)
	r.active = ""
	r.check()
	stored := eval[[]storedNote](r.t, r.b, storedNotesJS)
	var got, want []string
	for _, s := range stored {
		if s.Error != "" {
			r.fail("an annotation record cannot be read: %s", s.Error)
		}
		if r.docs[s.Doc] == nil {
			if r.deleted != nil && r.deleted.ID == s.Doc {
				r.fail("IndexedDB still holds annotation %s of the deleted article %q", s.ID, r.deleted.Title)
			}
			r.fail("IndexedDB holds annotation %s of a document %s the library does not have", s.ID, s.Doc)
		}
		got = append(got, fmt.Sprintf("%s %s %s %d-%d %q %q %q %q %q", s.Doc, s.ID, s.Label, s.Start, s.End, s.Comment, s.Tags, s.Verdict, s.Speaker, s.Evidence))
	}
	for _, d := range r.docs {
		for _, n := range d.Notes {
			want = append(want, fmt.Sprintf("%s %s %s %d-%d %q %q %q %q %q", d.ID, n.ID, n.Label, n.Start, n.End, n.Comment, strings.Join(n.Tags, ","), n.Verdict, n.Speaker, n.Evidence))
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		var raws []string
		for _, s := range stored {
			if !slices.Contains(want, fmt.Sprintf("%s %s %s %d-%d %q %q %q %q %q", s.Doc, s.ID, s.Label, s.Start, s.End, s.Comment, s.Tags, s.Verdict, s.Speaker, s.Evidence)) {
				raws = append(raws, s.Raw)
			}
		}
		r.fail("IndexedDB holds\n    %s\nthe model has\n    %s\nthe records that differ:\n    %s", strings.Join(got, "\n    "), strings.Join(want, "\n    "), strings.Join(raws, "\n    "))
	}
	r.showLibrary()
	waitFor(r.t, r.b, "the library list", `document.querySelectorAll(".library-item").length === `+strconv.Itoa(len(r.docs)), 10*time.Second)
	r.check()
}

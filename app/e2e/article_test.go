package e2e

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"glossa/annotate"
	"glossa/app/sample"
)

// mark is a highlight as the page shows it.
type mark struct {
	Label string `json:"label"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
	Text  string `json:"text"`
}

const marksJS = `[...document.querySelectorAll("article mark")].map((m) => ({
  label: m.dataset.label, start: +m.dataset.start, end: +m.dataset.end,
  kind: m.dataset.kind, text: m.textContent }))`

func sampleDocument(t *testing.T) *annotate.Document {
	text, err := annotate.NormalizeText([]byte(sample.Article))
	if err != nil {
		t.Fatal(err)
	}
	return annotate.NewDocument(text)
}

// TestSampleArticleHighlights opens the app as a reader does and checks the
// sample article and prose's highlights.
func TestSampleArticleHighlights(t *testing.T) {
	doc := sampleDocument(t)
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(siteURL+"/"))

	// The article is there, laid out as a news article.
	waitFor(t, b, "the headline", `document.querySelector("article h1.headline")`, 10*time.Second)
	headline := eval[string](t, b, `document.querySelector("article h1.headline").textContent`)
	if headline != doc.Title {
		t.Errorf("headline %q, want %q", headline, doc.Title)
	}
	// "Swarajya Staff" is no "By …" line, so no byline (issue #9, B6).
	if got := eval[string](t, b, `document.querySelector("article .byline") ? "a byline" : document.querySelector("article p").textContent`); got != "Swarajya Staff" {
		t.Errorf("first paragraph %q, want the staff line as a paragraph and no byline", got)
	}
	if got := eval[string](t, b, `document.querySelector("article .dateline").textContent`); !strings.HasPrefix(got, "Dec 03, 2017") {
		t.Errorf("dateline %q", got)
	}
	if n := eval[int](t, b, `document.querySelectorAll("article p").length`); n != len(doc.Blocks)-1 {
		t.Errorf("%d paragraphs (byline and dateline included), want %d", n, len(doc.Blocks)-1)
	}

	waitTagged(t, b, "tagging to finish", 60*time.Second)
	marks := eval[[]mark](t, b, marksJS)
	if len(marks) < 20 {
		t.Fatalf("only %d highlights on the sample", len(marks))
	}
	// Count highlights, not marks: a highlight that crosses another is
	// drawn in pieces.
	spans := eval[[]string](t, b, `[...new Set([...document.querySelectorAll("article mark")].map((m) => m.dataset.label + " " + m.dataset.span))]`)
	entities, claims := 0, 0
	for _, s := range spans {
		if strings.HasPrefix(s, "CLAIM ") {
			claims++
		} else {
			entities++
		}
	}
	status := eval[string](t, b, `document.querySelector("#status").textContent`)
	if want := "Found " + itoa(entities) + " entities and " + itoa(claims) + " claims"; status != want {
		t.Errorf("status %q, want %q", status, want)
	}
	for _, m := range marks {
		if got := doc.Text.Slice(m.Start, m.End); got != m.Text {
			t.Errorf("mark %q at [%d, %d): the document has %q there", m.Text, m.Start, m.End, got)
		}
		if m.Kind != "suggestion" {
			t.Errorf("mark %q: data-kind %q, want suggestion", m.Text, m.Kind)
		}
		if !annotate.Label(m.Label).Valid() && m.Label != string(annotate.Claim) {
			t.Errorf("mark %q: label %q is not one of Glossa's", m.Text, m.Label)
		}
	}
	for _, want := range []string{"Theresa May", "Ciaran Martin"} {
		if !hasMark(marks, "PERSON", want) {
			t.Errorf("no PERSON highlight on %q", want)
		}
	}

	// Focusing a highlight shows its label.
	b.do(t, chromedp.Focus(chromedp.CSS(`article mark[data-label="PERSON"]`)))
	if got := eval[string](t, b, `getComputedStyle(document.activeElement, "::after").content`); got != `"PERSON"` {
		t.Errorf("a focused PERSON highlight shows %s, want \"PERSON\"", got)
	}
	b.checkClean(t)
}

// TestLegendTogglesLabels clicks a label in the legend and checks that its
// highlights hide and come back, and that the counts match the marks.
func TestLegendTogglesLabels(t *testing.T) {
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitFor(t, b, "tagging to finish", `/^Found/.test(document.querySelector("#status").textContent)`, 60*time.Second)

	marks := eval[[]mark](t, b, marksJS)
	counts := map[string]int{}
	for _, m := range marks {
		counts[m.Label]++
	}
	legend := eval[map[string]string](t, b, `Object.fromEntries([...document.querySelectorAll(".legend button")].map(
  (b) => [b.dataset.label, b.querySelector(".count").textContent]))`)
	if len(legend) != len(counts) {
		t.Errorf("legend lists %v, marks have %v", legend, counts)
	}
	for label, n := range counts {
		if legend[label] != itoa(n) {
			t.Errorf("legend says %s %s, the article has %d", label, legend[label], n)
		}
	}

	personBackground := `getComputedStyle(document.querySelector('article mark[data-label="PERSON"]')).backgroundColor`
	shown := eval[string](t, b, personBackground)
	b.do(t, chromedp.Click(chromedp.CSS(`.legend button[data-label="PERSON"]`)))
	waitFor(t, b, "PERSON to hide", `document.querySelector('.legend button[data-label="PERSON"]').getAttribute("aria-pressed") === "false"`, 5*time.Second)
	if got := eval[string](t, b, personBackground); got != "rgba(0, 0, 0, 0)" {
		t.Errorf("hidden PERSON highlights still have background %s", got)
	}
	if got := eval[string](t, b, `getComputedStyle(document.querySelector('article mark[data-label="ORG"]')).backgroundColor`); got == "rgba(0, 0, 0, 0)" {
		t.Errorf("hiding PERSON hid ORG too")
	}
	b.do(t, chromedp.Click(chromedp.CSS(`.legend button[data-label="PERSON"]`)))
	waitFor(t, b, "PERSON to show", `document.querySelector('.legend button[data-label="PERSON"]').getAttribute("aria-pressed") === "true"`, 5*time.Second)
	if got := eval[string](t, b, personBackground); got != shown {
		t.Errorf("shown again, PERSON highlights have background %s, want %s", got, shown)
	}
	b.checkClean(t)
}

// TestArticleBeforeTagging checks the served page holds the article as
// text before any script runs, and none of it as markup.
func TestArticleBeforeTagging(t *testing.T) {
	doc := sampleDocument(t)
	res, err := http.Get(siteURL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	html := string(body)
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy header %q", csp)
	}
	for _, want := range []string{"<article", "Swarajya Staff", "Ciaran Martin, head of the NSSC said"} {
		if !strings.Contains(html, want) {
			t.Errorf("the served page lacks %q", want)
		}
	}
	if strings.Contains(html, "<mark") {
		t.Errorf("the served page already has highlights; tagging runs in the browser")
	}
	_ = doc
}

// TestTaggerFailureKeepsArticle serves a site whose tagger WebAssembly is
// broken, as a bad deploy or a truncated download would leave it: the
// reader gets a readable message and the article stays.
func TestTaggerFailureKeepsArticle(t *testing.T) {
	site := brokenSite(t, "web/tagger.*.wasm", []byte("this is not WebAssembly"))
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(site+"/"))
	waitFor(t, b, "the failure message", `/^Could not find entities/.test(document.querySelector("#status").textContent)`, 30*time.Second)
	status := eval[string](t, b, `document.querySelector("#status").textContent`)
	if !strings.Contains(status, "the language model could not be loaded") || !strings.Contains(status, "The article is still here to read.") {
		t.Errorf("status line %q does not say what failed and that the article is readable", status)
	}
	if n := eval[int](t, b, `document.querySelectorAll("article p").length`); n < 10 {
		t.Errorf("after the failure the article has %d paragraphs", n)
	}
	if n := eval[int](t, b, `document.querySelectorAll("article mark").length`); n != 0 {
		t.Errorf("%d highlights without a tagger", n)
	}
}

func hasMark(marks []mark, label, text string) bool {
	for _, m := range marks {
		if m.Label == label && m.Text == text {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestReopenShowsSavedHighlights reloads a tagged article once the status
// says its suggestions are kept with it (data-kept): its highlights come
// back without the tagger being asked again.
func TestReopenShowsSavedHighlights(t *testing.T) {
	b := newBrowser(t)
	recordTagJobs(t, b) // the tagging jobs the page sends to any worker
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitTagged(t, b, "tagging", time.Minute)
	waitFor(t, b, "the suggestions kept", `document.querySelector("#status").dataset.kept === "true"`, 30*time.Second)
	first := eval[[]mark](t, b, marksJS)
	if jobs := eval[int](t, b, `window.__tagJobs.length`); jobs != 1 {
		t.Fatalf("first visit sent %d tagging jobs, want 1", jobs)
	}

	b.do(t, chromedp.Reload())
	waitTagged(t, b, "the saved highlights", 30*time.Second)
	again := eval[[]mark](t, b, marksJS)
	if jobs := eval[int](t, b, `window.__tagJobs.length`); jobs != 0 {
		t.Errorf("reopening sent %d tagging jobs, want none", jobs)
	}
	if len(again) != len(first) {
		t.Fatalf("reopened with %d highlights, first visit had %d", len(again), len(first))
	}
	for i := range first {
		if first[i] != again[i] {
			t.Errorf("highlight %d: %+v, first visit %+v", i, again[i], first[i])
		}
	}
	b.checkClean(t)
}

// TestAppCompiledInAWorker checks the page has app.wasm compiled in a
// worker, off its main thread (the loader marks where), and its functions
// too (the warm-up), and still starts when the warm-up cannot run or that
// worker is broken: it then compiles app.wasm itself.
func TestAppCompiledInAWorker(t *testing.T) {
	compiledIn := `(performance.getEntriesByName("glossa-wasm-compiled")[0] || {}).detail`
	tagged := `/^Found \d+ entities/.test(document.querySelector("#status").textContent)`
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(siteURL+"/"))
	waitFor(t, b, "the sample tagged", tagged, 60*time.Second)
	if where := eval[string](t, b, compiledIn); where != "worker" {
		t.Errorf("app.wasm was compiled in the %q, want in the worker", where)
	}
	// The worker compiled the functions the page calls first before the
	// page started Go (the first highlight comes after), then all the
	// others.
	type warmUp struct {
		Functions int
		Error     string
		Before    bool // the mark comes before the app's first highlight's
	}
	warmUpMark := func(name string) string {
		return `(() => {
  const w = performance.getEntriesByName("` + name + `")[0];
  const f = performance.getEntriesByName("glossa-first-highlight").find((m) => m.detail !== "before the app"); // the app's own
  return w ? { functions: w.detail.functions, error: w.detail.error || "", before: !!f && w.startTime < f.startTime } : { error: "no ` + name + ` mark" };
})()`
	}
	if w := eval[warmUp](t, b, warmUpMark("glossa-wasm-ready")); w.Functions < 1000 || w.Error != "" || !w.Before {
		t.Errorf("warm-up of the first functions: %+v, want over 1,000 functions compiled, no error, before the first highlight", w)
	}
	waitFor(t, b, "the warm-up's end", `performance.getEntriesByName("glossa-wasm-warmed").length > 0`, 30*time.Second)
	if w := eval[warmUp](t, b, warmUpMark("glossa-wasm-warmed")); w.Functions < 5000 || w.Error != "" {
		t.Errorf("warm-up: %+v, want over 5,000 functions compiled, no error", w)
	}
	b.checkClean(t)

	// An app.wasm without the warm-up's exports (not written by glossa
	// site): the warm-up says why it cannot run, and the page starts.
	plain, err := os.ReadFile(filepath.Join(repoRoot, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	site := brokenSite(t, "web/app.*.wasm", plain)
	b = newBrowser(t)
	b.do(t, chromedp.Navigate(site+"/"))
	waitFor(t, b, "the sample tagged, app.wasm without the warm-up's exports", tagged, 60*time.Second)
	if w := eval[warmUp](t, b, warmUpMark("glossa-wasm-warmed")); w.Functions != 0 || !strings.Contains(w.Error, "glossa_table") {
		t.Errorf("warm-up of an app.wasm without its exports: %+v, want none, with an error naming glossa_table", w)
	}
	if w := eval[warmUp](t, b, warmUpMark("glossa-wasm-ready")); w.Error != "no glossa-wasm-ready mark" {
		t.Errorf("warm-up of an app.wasm without its exports: first functions %+v, want none", w)
	}

	site = brokenSite(t, "web/wasm-compiler.*.js", []byte(`self.onmessage = () => { throw new Error("broken on purpose"); };`))
	b = newBrowser(t)
	b.do(t, chromedp.Navigate(site+"/"))
	waitFor(t, b, "the sample tagged, the compiler's worker broken", tagged, 60*time.Second)
	if where := eval[string](t, b, compiledIn); where != "page" {
		t.Errorf("with the worker broken, app.wasm was compiled in the %q, want in the page", where)
	}
}

package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/ner/news/builtin"
	"glossa/annotate/ner/news/learn"
)

// zorblax returns the label the page suggests for "Zorblax Industries" in
// the open article ("" if it suggests none).
const zorblaxJS = `(([...document.querySelectorAll('article mark[data-kind="suggestion"]')].find((m) => m.textContent === "Zorblax Industries") || {dataset: {}}).dataset.label || "")`

// tagged waits for the open article's tagging.
func tagged(t *testing.T, b *browser) {
	t.Helper()
	waitTagged(t, b, "tagging", time.Minute)
}

// TestLearningFromCorrections: the news model calls "Zorblax Industries"
// a person. A reader corrects it in two articles, and on the next article
// it is suggested as an organisation; with learning off it is a person
// again, and back on, an organisation. What was learned survives a
// reload; forgotten, the mistake is back; undone, it is gone again.
func TestLearningFromCorrections(t *testing.T) {
	b := openAndTag(t)
	articles := []string{
		"Profits Rise\n\nZorblax Industries said on Monday that profits rose by a tenth.",
		"Quarterly Results\n\nZorblax Industries said on Friday that sales fell in Asia.",
	}
	for i, text := range articles {
		pasteArticle(t, b, text, strings.SplitN(text, "\n", 2)[0])
		tagged(t, b)
		label := eval[string](t, b, zorblaxJS)
		if i == 0 && label != "PERSON" {
			t.Fatalf("the model suggests %q for Zorblax Industries before any correction, want the mistake this test corrects (PERSON)", label)
		}
		// The reader marks it as an organisation: 2 on the suggestion (a
		// relabel), or accepts it when it is one already.
		sel := markOf(t, b, "suggestion", "Zorblax Industries")
		b.do(t, chromedp.Focus(chromedp.CSS(sel)))
		press(t, b, "2")
		waitFor(t, b, "the correction", `[...document.querySelectorAll('article mark[data-kind="annotation"][data-label="ORG"]')].some((m) => m.textContent === "Zorblax Industries")`, 5*time.Second)
		waitSaved(t, b)
	}
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "what was learned", `/^Learned from \d+ corrections?\./.test((document.querySelector("#learning-status") || {}).textContent || "")`, 10*time.Second)

	third := "Markets Today\n\nZorblax Industries said profits rose."
	pasteArticle(t, b, third, "Markets Today")
	tagged(t, b)
	if got := eval[string](t, b, zorblaxJS); got != "ORG" {
		t.Fatalf("after two corrections the next article suggests %q for Zorblax Industries, want ORG", got)
	}
	if !strings.Contains(eval[string](t, b, `document.querySelector("#status").textContent`), "learned from") {
		t.Error("the status line does not say the model learned")
	}

	// Learning off: the model as it was trained.
	b.do(t, chromedp.Click(chromedp.CSS("#learning-on")))
	waitFor(t, b, "the base model's suggestion", zorblaxJS+` === "PERSON"`, time.Minute)
	b.do(t, chromedp.Click(chromedp.CSS("#learning-on")))
	waitFor(t, b, "the learned suggestion", zorblaxJS+` === "ORG"`, time.Minute)

	// A reload keeps what was learned.
	b.do(t, chromedp.Reload())
	tagged(t, b)
	b.do(t, chromedp.Click(chromedp.CSS(".library-button")))
	waitFor(t, b, "the library", `document.querySelectorAll(".library-item").length === 4`, 10*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "what was learned, after a reload", `/^Learned from \d+ corrections?\./.test((document.querySelector("#learning-status") || {}).textContent || "")`, time.Minute)
	b.do(t, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(".settings button")].find((b) => b.textContent === "Re-tag this article").click()`))
	tagged(t, b)
	waitFor(t, b, "the learned suggestion after a reload", zorblaxJS+` === "ORG"`, time.Minute)

	// Forget, then undo.
	b.do(t, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(".settings button")].find((b) => b.textContent === "Forget what was learned").click()`))
	waitFor(t, b, "the mistake back", zorblaxJS+` === "PERSON"`, time.Minute)
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Undo forget"]`)))
	waitFor(t, b, "the learned suggestion back", zorblaxJS+` === "ORG"`, time.Minute)
	b.checkClean(t)
}

// TestLearningCarriesOverToANewModel: a reader taught the built-in model
// before this one (its ID is in the model's Carries) that Zorblax
// Industries is an organisation; with this model, their library's record
// still applies: the settings say what was learned, and a new article
// suggests ORG.
func TestLearningCarriesOverToANewModel(t *testing.T) {
	m, err := builtin.Model()
	if err != nil {
		t.Fatal(err)
	}
	carries := m.Info().Carries
	if len(carries) == 0 {
		t.Fatal("the built-in model carries no model before it: this test needs one")
	}
	// What the reader taught the model before: a part learned on the
	// same weights, filed under the old model's ID.
	l := learn.New(m, learn.Options{})
	const text = "Zorblax Industries said on Monday that profits rose by a tenth."
	d := annotate.NewDocument(text)
	ents, err := annotate.RecognizeBlocks(d, l.Recognizer(), nil)
	if err != nil {
		t.Fatal(err)
	}
	w := annotate.NewWorkspace(d).WithSuggestions(ents, l.Recognizer().Name())
	var key annotate.SuggestionKey
	for _, e := range w.Suggestions {
		if e.Text == "Zorblax Industries" {
			key = e.Key()
		}
	}
	if key.Label != annotate.Person {
		t.Fatalf("the model suggests %v for Zorblax Industries, want the mistake this test corrects (PERSON)", key)
	}
	const id = "urn:uuid:00000000-0000-7000-8000-000000000001"
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	if w, err = w.Accept(key, id, nil, now); err == nil {
		w, err = w.Relabel(id, annotate.Org, now)
	}
	if err != nil {
		t.Fatal(err)
	}
	if res := l.Learn(learn.FromWorkspace(w)); res.Corrections != 1 {
		t.Fatalf("learned %+v", res)
	}
	part := l.Own()
	part.Model = carries[0]
	data, err := part.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := library.EncodeLearned(library.Learned{Model: part.Model, Origin: part.Origin, Corrections: 1, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := json.Marshal(map[string]string{"key": library.LearnedKey(part.Model, part.Origin), "json": string(raw)})

	b := openAndTag(t)
	eval[bool](t, b, `new Promise((resolve, reject) => {
  const rec = `+string(rec)+`;
  const req = indexedDB.open("glossa");
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction("settings", "readwrite");
    tx.objectStore("settings").put({ json: rec.json }, rec.key);
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
  req.onerror = () => reject(req.error);
})`)
	b.do(t, chromedp.Reload())
	tagged(t, b)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "what was learned on the model before", `(document.querySelector("#learning-status") || {}).textContent.startsWith("Learned from 1 correction.")`, time.Minute)
	pasteArticle(t, b, "Markets Today\n\nZorblax Industries said profits rose.", "Markets Today")
	tagged(t, b)
	if got := eval[string](t, b, zorblaxJS); got != "ORG" {
		t.Errorf("with what the model before learned, Zorblax Industries is suggested as %q, want ORG", got)
	}
	b.checkClean(t)
}

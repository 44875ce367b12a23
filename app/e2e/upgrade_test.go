package e2e

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/w3c"
)

// v1Records returns the records a schema 1 (database version 1) library
// held for one article with two annotations and a rejected suggestion, as
// {store, key, doc, json} objects for the page, and the article's ID.
func v1Records(t *testing.T) ([]map[string]string, string) {
	t.Helper()
	const text = "An Article From Last Year\n\nBy Jane Doe\n\nAngela Merkel met Emmanuel Macron in Paris on Monday."
	d := annotate.NewDocument(text)
	at := func(quote string) annotate.Span {
		i := strings.Index(text, quote)
		return annotate.Span{Start: d.Text.BytePoint(i), End: d.Text.BytePoint(i + len(quote))}
	}
	added := time.Date(2025, 11, 20, 9, 30, 0, 0, time.UTC)
	w := annotate.NewWorkspace(d)
	var err error
	for i, c := range []struct {
		quote string
		label annotate.Label
	}{{"Angela Merkel", annotate.Person}, {"Paris", annotate.GPE}} {
		if w, err = w.Create(at(c.quote), c.label, "urn:uuid:00000000-0000-7000-8000-00000000010"+string(rune('1'+i)), nil, added); err != nil {
			t.Fatal(err)
		}
	}
	v1 := func(raw []byte, err error) string {
		if err != nil {
			t.Fatal(err)
		}
		return string(bytes.Replace(raw, []byte(`{"schema":2,`), []byte(`{"schema":1,`), 1))
	}
	doc, _ := json.Marshal(map[string]any{
		"schema": 1, "id": d.ID, "title": "An Article From Last Year", "added": w3c.Timestamp(added), "source": "paste",
		"text": text, "entities": []annotate.Entity{}, "recognizer": "compact", "notes": 2, "claims": 0,
	})
	recs := []map[string]string{{"store": "documents", "key": d.ID, "doc": d.ID, "json": string(doc)}}
	for _, n := range w.Notes {
		recs = append(recs, map[string]string{"store": "annotations", "key": n.ID, "doc": d.ID, "json": v1(library.EncodeNote(d.ID, n, d))})
	}
	k := annotate.SuggestionKey{Span: at("Emmanuel Macron"), Label: annotate.Person}
	recs = append(recs, map[string]string{"store": "decisions", "key": library.DecisionKey(d.ID, library.DecisionRejected, k), "doc": d.ID,
		"json": v1(library.EncodeDecision(d.ID, library.DecisionRejected, k))})
	return recs, d.ID
}

// TestOpensVersion1Library makes, before the app ever runs, the library a
// Glossa of schema 1 left (database version 1: no texts store, the text in
// the documents record), then opens the app: it upgrades the database,
// lists the article and shows its annotations.
func TestOpensVersion1Library(t *testing.T) {
	recs, docID := v1Records(t)
	data, _ := json.Marshal(recs)
	b := newBrowser(t)
	// A page of the site's origin that is not the app (a 404), so that the
	// app does not open the database first.
	b.do(t, chromedp.Navigate(siteURL+"/e2e-no-app-here"))
	eval[bool](t, b, `new Promise((resolve, reject) => {
  const recs = `+string(data)+`;
  const req = indexedDB.open("glossa", 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    db.createObjectStore("documents");
    db.createObjectStore("annotations").createIndex("by-doc", "doc");
    db.createObjectStore("decisions").createIndex("by-doc", "doc");
    db.createObjectStore("settings");
  };
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction(["documents", "annotations", "decisions"], "readwrite");
    for (const r of recs) tx.objectStore(r.store).put({ doc: r.doc, json: r.json }, r.key);
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
  req.onerror = () => reject(req.error);
})`)

	b.do(t, chromedp.Navigate(siteURL+"/?doc="+docID))
	waitFor(t, b, "the old article", `(document.querySelector("article h1") || {}).textContent === "An Article From Last Year"`, 30*time.Second)
	waitFor(t, b, "its annotations", `document.querySelectorAll('article mark[data-kind="annotation"]').length === 2`, 10*time.Second)
	if got := annotationTexts(t, b); got != "PERSON:Angela Merkel,GPE:Paris" {
		t.Errorf("annotations %q", got)
	}
	// The rejected suggestion stays rejected, and the kept tagging is used.
	if n := eval[int](t, b, `[...document.querySelectorAll('article mark[data-kind="suggestion"]')].filter((m) => m.textContent === "Emmanuel Macron").length`); n != 0 {
		t.Errorf("the rejected suggestion is back")
	}
	b.do(t, chromedp.Click(chromedp.CSS(".library-button")))
	waitFor(t, b, "the article listed", `[...document.querySelectorAll(".doc-title")].some((a) => a.textContent === "An Article From Last Year")`, 10*time.Second)
	if n := eval[int](t, b, `document.querySelectorAll(".library-item").length`); n != 1 {
		t.Errorf("%d articles listed, want the one", n)
	}
	// The database is at version 2, the text in its own store.
	got := eval[string](t, b, `new Promise((resolve, reject) => {
  const req = indexedDB.open("glossa");
  req.onsuccess = () => {
    const db = req.result;
    const get = db.transaction("texts").objectStore("texts").get("`+docID+`");
    get.onsuccess = () => { const v = db.version; db.close(); resolve(v + " " + JSON.parse(get.result.json).schema); };
    get.onerror = () => reject(get.error);
  };
  req.onerror = () => reject(req.error);
})`)
	if got != "2 2" {
		t.Errorf("database version and texts record schema %q, want 2 2", got)
	}
	b.checkClean(t)
}

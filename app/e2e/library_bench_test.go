package e2e

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"glossa/annotate/library"
)

// BenchmarkBrowserListLibrary fills the browser's library with 1,000
// articles of 2,000 words each, then measures, on each reload, the time
// from a click on the Library button to the list on screen (its first
// page of rows), and the longest main-thread task meanwhile. The records
// are written with the core's own codec, as the app writes them.
func BenchmarkBrowserListLibrary(b *testing.B) {
	const articles, words = 1000, 2000
	br := newBrowser(b)
	br.do(b, chromedp.Navigate(siteURL+"/"))
	waitFor(b, br, "the library", `document.querySelector("#save-status").textContent === "Saved"`, time.Minute)
	recs := libraryRecords(b, articles, words)
	eval[bool](b, br, `new Promise((resolve, reject) => {
  const recs = `+recs+`;
  const req = indexedDB.open("glossa");
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction(["documents", "texts"], "readwrite");
    for (const [store, key, doc, json] of recs) tx.objectStore(store).put({doc, json}, key);
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`)
	var list, longest []float64
	for b.Loop() {
		br.do(b, chromedp.Reload())
		waitFor(b, br, "the library", `document.querySelector("#save-status").textContent === "Saved"`, time.Minute)
		m := eval[map[string]float64](b, br, `new Promise((resolve) => {
  let longest = 0;
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) longest = Math.max(longest, e.duration); });
  obs.observe({type: "longtask"});
  const t0 = performance.now();
  document.querySelector(".library-button").click();
  const poll = () => {
    if (document.querySelectorAll(".library-item").length >= `+fmt.Sprint(min(articles, 40))+`) {
      const ms = performance.now() - t0;
      setTimeout(() => { obs.disconnect(); resolve({ms, longest}); }, 100);
      return;
    }
    requestAnimationFrame(poll);
  };
  poll();
})`)
		list = append(list, m["ms"])
		longest = append(longest, m["longest"])
	}
	b.ReportMetric(median(list), "list-ms")
	b.ReportMetric(median(longest), "longest-task-ms")
	b.Logf("%d articles of %d words: list on screen %v ms, longest task %v ms (each run)", articles, words, list, longest)
}

// libraryRecords returns the documents and texts records of n articles of
// the given number of words, as a JavaScript array literal of
// [store, key, doc, json].
func libraryRecords(b testing.TB, n, words int) string {
	vocab := strings.Fields("the council said minister report police market week city government people election " +
		"court energy prices talks water school health plan year company workers union Paris Berlin Lisbon Monday")
	r := rand.New(rand.NewPCG(1, 2))
	var recs [][4]string
	added := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		var t strings.Builder
		fmt.Fprintf(&t, "Article %d Of The Year\n\n", i)
		for w := range words {
			t.WriteString(vocab[r.IntN(len(vocab))])
			if w%20 == 19 {
				t.WriteString(".\n\n")
			} else {
				t.WriteByte(' ')
			}
		}
		doc, err := library.NewStoredDoc(t.String(), "bench", added.Add(time.Duration(i)*time.Minute))
		if err != nil {
			b.Fatal(err)
		}
		meta, err := library.EncodeDocument(doc.Meta)
		if err != nil {
			b.Fatal(err)
		}
		text, err := library.EncodeText(doc)
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, [4]string{"documents", doc.Meta.ID, "", string(meta)}, [4]string{"texts", doc.Meta.ID, doc.Meta.ID, string(text)})
	}
	out, err := json.Marshal(recs)
	if err != nil {
		b.Fatal(err)
	}
	return string(out)
}

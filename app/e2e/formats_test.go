package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// setReviewURL types the open article's review URL in the settings, as a
// reader does, and waits until it is saved; the settings are closed again.
func setReviewURL(t *testing.T, b *browser, url string) {
	t.Helper()
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "the settings", `!!document.querySelector("#review-url")`, 10*time.Second)
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#review-url").value = ""`))
	b.do(t, chromedp.Click(chromedp.CSS("#review-url")), chromedp.SendKeys(chromedp.CSS("#review-url"), url), chromedp.KeyEvent(kb.Tab))
	waitFor(t, b, "the review URL saved", `/^Saved: this article's claim reviews are published at/.test(document.querySelector(".notice").textContent)`, 10*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
}

// TestClaimReviewExportNeedsReviewURL: a reader with no name set marks a
// claim false and exports ClaimReview: refused, the notice naming the
// setting to fill; they set the article's review URL in the settings, and
// the export holds it, the 1-5 rating, and no invented author, the notice
// saying the reviews have none; with an organisation set, it is the
// author. The spaCy export says it left the claim out, the W3C export
// names no creator for the unnamed reader's annotation and says so. The
// URL stays with the article after a reload.
func TestClaimReviewExportNeedsReviewURL(t *testing.T) {
	b := openAndTag(t)
	labelWords(t, b, "Russian service providers should never be used", "0")
	b.do(t, chromedp.SetValue(chromedp.CSS("#card-verdict"), "false"))
	waitSaved(t, b)

	b.do(t, chromedp.SetValue(chromedp.CSS("#export-format"), "claimreview"))
	b.do(t, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('section[aria-label="Export and import"] button')].find((b) => b.textContent === "Export this article").click()`))
	waitFor(t, b, "the refusal", `/^Not exported: .*Review URL for this article/.test(document.querySelector(".notice").textContent)`, 15*time.Second)

	setReviewURL(t, b, "https://factcheck.example/2026/kaspersky")
	file := exportVia(t, b, "claimreview", false)
	if notice := eval[string](t, b, `document.querySelector(".notice").textContent`); !strings.Contains(notice, "The reviews have no author: set your name or organisation in Settings.") {
		t.Errorf("notice %q: want it to say the reviews have no author", notice)
	}
	var out struct {
		Graph []struct {
			URL          string          `json:"url"`
			Author       json.RawMessage `json:"author"`
			ReviewRating struct {
				RatingValue, BestRating, WorstRating int
				AlternateName                        string
			} `json:"reviewRating"`
		} `json:"@graph"`
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &out); err != nil || len(out.Graph) != 1 {
		t.Fatalf("%v: %s", err, data)
	}
	r := out.Graph[0]
	if r.URL != "https://factcheck.example/2026/kaspersky" || r.Author != nil || r.ReviewRating.RatingValue != 1 ||
		r.ReviewRating.BestRating != 5 || r.ReviewRating.WorstRating != 1 || r.ReviewRating.AlternateName != "False" {
		t.Errorf("review %+v (author %s)", r, r.Author)
	}

	// The other exports say what they leave out, and invent no reader.
	exportVia(t, b, "spacy", false)
	if notice := eval[string](t, b, `document.querySelector(".notice").textContent`); !strings.Contains(notice, "1 claim is left out: spaCy NER training data holds entities only.") {
		t.Errorf("spaCy export notice %q: want it to say the claim is left out", notice)
	}
	w3c, err := os.ReadFile(exportVia(t, b, "w3c", false))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(w3c), `"name": "me"`) || !strings.Contains(eval[string](t, b, `document.querySelector(".notice").textContent`), "unsigned") {
		t.Errorf("the W3C export of an unnamed reader's work names a creator, or the notice does not say they are unsigned")
	}

	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "the settings", `!!document.querySelector("#reader-org")`, 10*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS("#reader-org")), chromedp.SendKeys(chromedp.CSS("#reader-org"), "Fact Desk"), chromedp.KeyEvent(kb.Tab))
	waitFor(t, b, "the settings saved", `/^Saved: your annotations/.test(document.querySelector(".notice").textContent)`, 10*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	data, err = os.ReadFile(exportVia(t, b, "claimreview", false))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"author": {
        "@type": "Organization",
        "name": "Fact Desk"
      }`) {
		t.Errorf("the author is not the organisation:\n%s", data)
	}

	b.do(t, chromedp.Reload())
	waitFor(t, b, "the reloaded page", `document.querySelector("#save-status").textContent === "Saved"`, time.Minute)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "the review URL kept", `(document.querySelector("#review-url") || {}).value === "https://factcheck.example/2026/kaspersky"`, 10*time.Second)
	b.checkClean(t)
}

// TestHypothesisImportAttach: a Hypothesis export of the open article
// under another address is not imported as it is; the notice offers to
// attach it, since its quotes anchor in the article, and the reader's
// click places those that do.
func TestHypothesisImportAttach(t *testing.T) {
	b := openAndTag(t)
	row := func(id, exact, text string) string {
		return `{"id":"` + id + `","created":"2026-11-26T10:00:00+00:00","updated":"2026-11-26T10:05:00+00:00","user":"acct:alice@hypothes.is",` +
			`"uri":"https://amp.example.com/kaspersky","text":"` + text + `","tags":["check"],"target":[{"source":"https://amp.example.com/kaspersky",` +
			`"selector":[{"type":"TextQuoteSelector","exact":"` + exact + `","prefix":"","suffix":""}]}]}`
	}
	file := filepath.Join(t.TempDir(), "hypothesis.json")
	os.WriteFile(file, []byte(`{"total":3,"rows":[`+row("h1", "civil service chiefs", "who are they?")+","+
		row("h2", "Brexit", "again")+","+row("h3", "a sentence this article never had", "lost")+`]}`), 0o644)
	b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[aria-label="Import annotations"]`), []string{file}))
	waitFor(t, b, "the offer", `!!document.querySelector(".notice .notice-offer")`, 10*time.Second)
	notice := eval[string](t, b, `document.querySelector(".notice .notice-text").textContent`)
	if !strings.Contains(notice, "https://amp.example.com/kaspersky") || !strings.Contains(notice, "but 2 of them quote the open article (1 does not, and would be left out)") {
		t.Errorf("notice %q", notice)
	}
	if n := eval[int](t, b, `document.querySelectorAll('article mark[data-kind="annotation"]').length`); n != 0 {
		t.Errorf("%d annotations before the reader accepted", n)
	}
	b.do(t, chromedp.Click(chromedp.CSS(".notice .notice-offer")))
	waitFor(t, b, "the attached annotations", `document.querySelectorAll('article mark[data-kind="annotation"]').length === 2`, 15*time.Second)
	if notice := eval[string](t, b, `document.querySelector(".notice").textContent`); !strings.HasPrefix(notice, "Attached hypothesis.json to the open article") ||
		!strings.Contains(notice, "1 annotation of other pages left out") {
		t.Errorf("notice %q", notice)
	}
	texts := annotationTexts(t, b)
	if !strings.Contains(texts, ":civil service chiefs") || !strings.Contains(texts, ":Brexit") {
		t.Errorf("annotations %q", texts)
	}
	b.checkClean(t)
}

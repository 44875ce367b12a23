package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"glossa/annotate/w3ctest"
)

// waitForFile waits for a finished download in dir and returns its path.
func waitForFile(t *testing.T, dir string, timeout time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".crdownload") {
				return filepath.Join(dir, e.Name())
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no download in %s after %v", dir, timeout)
	return ""
}

// TestExportDownloadAndImport exports an annotated article through the
// real download as W3C JSON-LD, checks the file passes the W3C MUSTs, and
// imports it through the real file picker into a new browser's empty
// library. A broken file imports nothing and says what is wrong.
func TestExportDownloadAndImport(t *testing.T) {
	suite, err := w3ctest.Load()
	if err != nil {
		t.Fatal(err)
	}
	b := openAndTag(t)
	labelWords(t, b, "civil service chiefs", "2")
	labelWords(t, b, "Brexit", "7")
	waitSaved(t, b)
	want := annotationTexts(t, b)

	downloads := b.allowDownloads(t)
	openExchangeMenu(t, b)
	b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#export-format").value = "w3c"`))
	b.do(t, chromedp.Click(chromedp.CSS(`section[aria-label="Export and import"] button`)))
	waitFor(t, b, "the export", `/^(Exported|Not exported)/.test(document.querySelector(".notice").textContent)`, 15*time.Second)
	if notice := eval[string](t, b, `document.querySelector(".notice").textContent`); !strings.HasPrefix(notice, "Exported") {
		t.Fatalf("export: %s", notice)
	}
	file := waitForFile(t, downloads, 15*time.Second)
	if !strings.HasPrefix(filepath.Base(file), "amid-concerns-of-russian-snooping-") || !strings.HasSuffix(file, ".jsonld") {
		t.Errorf("download named %s", filepath.Base(file))
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range suite.CheckCollection(data) {
		t.Errorf("W3C: %v", e)
	}
	if !strings.Contains(string(data), "civil service chiefs") {
		t.Errorf("the export lacks the annotation")
	}

	// A new reader imports it.
	c := openAndTag(t)
	broken := filepath.Join(t.TempDir(), "broken.jsonld")
	os.WriteFile(broken, []byte(`{"type": "AnnotationCollection", "first": {"items": [ {"target": 7} ]}}`), 0o644)
	c.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[aria-label="Import annotations"]`), []string{broken}))
	waitFor(t, c, "the refusal", `/^Nothing imported.*broken\.jsonld/.test((document.querySelector(".notice") || {}).textContent)`, 10*time.Second)
	if n := eval[int](t, c, `document.querySelectorAll('article mark[data-kind="annotation"]').length`); n != 0 {
		t.Errorf("a broken import left %d annotations", n)
	}
	c.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[aria-label="Import annotations"]`), []string{file}))
	waitFor(t, c, "the imported annotations", `document.querySelectorAll('article mark[data-kind="annotation"]').length === 2`, 15*time.Second)
	if got := annotationTexts(t, c); got != want {
		t.Errorf("imported %q, exported %q", got, want)
	}
	c.checkClean(t)
}

// TestImportKeepsOrphans imports an annotation whose quote is not in the
// article: it is kept aside with the article, listed, still there after
// a reload, and written back in the article's W3C export.
func TestImportKeepsOrphans(t *testing.T) {
	doc := sampleDocument(t)
	b := openAndTag(t)
	file := filepath.Join(t.TempDir(), "orphan.jsonld")
	os.WriteFile(file, []byte(`[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:0190b2a4-0000-7000-8000-000000000001",
  "type": "Annotation", "body": [{"type": "TextualBody", "value": "PERSON", "purpose": "classifying"}],
  "target": {"source": "`+doc.ID+`", "selector": [{"type": "TextQuoteSelector", "exact": "a quote that is nowhere in this article at all"}]}}]`), 0o644)
	b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[aria-label="Import annotations"]`), []string{file}))
	waitFor(t, b, "the orphan listed", `/^1 imported annotations could not be placed/.test((document.querySelector(".orphans summary") || {}).textContent)`, 10*time.Second)
	b.do(t, chromedp.Reload())
	waitFor(t, b, "the orphan after reload", `/^1 imported annotations/.test((document.querySelector(".orphans summary") || {}).textContent)`, 30*time.Second)

	downloads := b.allowDownloads(t)
	openExchangeMenu(t, b)
	b.do(t, chromedp.Click(chromedp.CSS(`section[aria-label="Export and import"] button`)))
	data, err := os.ReadFile(waitForFile(t, downloads, 15*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "a quote that is nowhere in this article at all") {
		t.Errorf("the export lost the orphan")
	}
}

package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// modelStatusJS is what the settings say of the model the tagger runs.
const modelStatusJS = `((document.querySelector("#model-status") || {}).textContent || "")`

// suggestionsJS lists the suggestions on screen, as label and span.
const suggestionsJS = `[...new Set([...document.querySelectorAll('article mark[data-kind="suggestion"]')].map((m) => m.dataset.label + m.dataset.span))].sort().join(",")`

// TestSettingsChooseModel: the reader switches to prose's model, and the
// open article is tagged again with it; the choice stays after a reload.
// Then they add a model file of their own, which tags from then on, and
// remove it, which brings the news model back. A file that is no model is
// refused and changes nothing.
func TestSettingsChooseModel(t *testing.T) {
	b := openAndTag(t)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "the news model running", modelStatusJS+`.startsWith("Tagging with Glossa news")`, time.Minute)
	news := eval[string](t, b, suggestionsJS)

	b.do(t, chromedp.Click(chromedp.CSS(`input[name="model"][value="prose"]`)))
	waitFor(t, b, "prose's model running", modelStatusJS+`.startsWith("Tagging with prose")`, time.Minute)
	waitFor(t, b, "the article tagged again", `/^Found \d+ entities/.test(document.querySelector("#status").textContent) && `+suggestionsJS+` !== "`+news+`"`, time.Minute)
	prose := eval[string](t, b, suggestionsJS)

	b.do(t, chromedp.Reload())
	waitTagged(t, b, "the reloaded article", time.Minute)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "prose still chosen", `document.querySelector('input[name="model"][value="prose"]').checked && `+modelStatusJS+`.startsWith("Tagging with prose")`, time.Minute)
	// What was saved before the reload, or a new tagging with the chosen
	// model if the reload came first: prose's suggestions either way.
	waitFor(t, b, "prose's suggestions after the reload", suggestionsJS+` === "`+prose+`"`, time.Minute)

	// Not a model: refused, nothing changes.
	junk := filepath.Join(t.TempDir(), "junk.model")
	os.WriteFile(junk, []byte("this is no model"), 0o644)
	b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[aria-label="Add a model file"]`), []string{junk}))
	waitFor(t, b, "the refusal", `/^Model not added/.test((document.querySelector(".notice") || {}).textContent || "")`, time.Minute)
	waitFor(t, b, "prose back", modelStatusJS+`.startsWith("Tagging with prose")`, time.Minute)

	// A model of the reader's own, trained by glossa train.
	model := trainTinyModel(t)
	b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[aria-label="Add a model file"]`), []string{model}))
	waitFor(t, b, "the reader's model running", modelStatusJS+`.includes("tiny test model")`, time.Minute)
	waitFor(t, b, "the article tagged with it", `document.querySelector('input[name="model"][value="file"]').checked && /^Found \d+ entities/.test(document.querySelector("#status").textContent) && `+suggestionsJS+` !== "`+prose+`"`, time.Minute)
	b.do(t, chromedp.Click(chromedp.CSS(`.model-file button`)))
	waitFor(t, b, "the news model back", modelStatusJS+`.startsWith("Tagging with Glossa news") && `+suggestionsJS+` === "`+news+`"`, time.Minute)
	b.checkClean(t)
}

// trainTinyModel trains a small model with glossa train on generated CoNLL
// data and returns its path.
func trainTinyModel(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var conll strings.Builder
	for i := range 60 {
		fmt.Fprintf(&conll, "-DOCSTART- -X- -X- O\n\nZorblax NNP B-NP B-ORG\nIndustries NNP I-NP I-ORG\nsaid VBD B-VP O\non IN B-PP O\nMonday NNP B-NP O\n.\t. O O\n\nMaria NNP B-NP B-PER\nLopez%d NNP I-NP I-PER\nvisited VBD B-VP O\nLisbon NNP B-NP B-LOC\n. . O O\n\n", i)
	}
	data := filepath.Join(dir, "tiny.conll")
	if err := os.WriteFile(data, []byte(strings.ReplaceAll(conll.String(), "\t", " ")), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "tiny.model")
	cmd := exec.Command(glossaBin, "train", "-o", out, "-epochs", "3", "-name", "tiny test model", data)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("glossa train: %v\n%s", err, msg)
	}
	return out
}

// TestSettingsReaderSigns: the reader's name signs the annotations they
// make, as the export's creator.
func TestSettingsReaderSigns(t *testing.T) {
	b := openAndTag(t)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "the settings", `!!document.querySelector("#reader-name")`, 10*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS("#reader-name")), chromedp.SendKeys(chromedp.CSS("#reader-name"), "Ada Lovelace"),
		chromedp.Click(chromedp.CSS("#reader-org")), chromedp.SendKeys(chromedp.CSS("#reader-org"), "Fact Desk"))
	b.do(t, chromedp.KeyEvent(kb.Tab))
	waitFor(t, b, "the settings saved", `/signed “Ada Lovelace”/.test(document.querySelector(".notice").textContent)`, 10*time.Second)
	labelWords(t, b, "civil service chiefs", "2")
	waitSaved(t, b)
	data, err := os.ReadFile(exportVia(t, b, "w3c", false))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		First struct {
			Items []struct {
				Creator struct{ Name string }
				Target  struct {
					Selector []struct{ Exact string }
				}
			}
		}
	}
	json.Unmarshal(data, &doc)
	found := false
	for _, a := range doc.First.Items {
		for _, s := range a.Target.Selector {
			if s.Exact == "civil service chiefs" {
				found = true
				if a.Creator.Name != "Ada Lovelace" {
					t.Errorf("the annotation's creator is %q", a.Creator.Name)
				}
			}
		}
	}
	if !found {
		t.Errorf("the export lacks the annotation:\n%.600s", data)
	}
	// The name stays after a reload.
	b.do(t, chromedp.Reload())
	waitFor(t, b, "the reloaded page", `document.querySelector("#save-status").textContent === "Saved"`, time.Minute)
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	waitFor(t, b, "the name kept", `(document.querySelector("#reader-name") || {}).value === "Ada Lovelace" && document.querySelector("#reader-org").value === "Fact Desk"`, 10*time.Second)
	b.checkClean(t)
}

// TestProseTaggerOnlyForProse: a visit with the news model (the default)
// never downloads the tagger built with prose's model (0.8 MB more to
// download and compile in the worker); choosing prose's model downloads
// it, once, and tags with it. The site is served through a proxy that
// counts what the page and its workers ask for.
func TestProseTaggerOnlyForProse(t *testing.T) {
	target, err := url.Parse(siteURL)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var paths []string
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	asked := func(prefix string) int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, p := range paths {
			if strings.HasPrefix(p, prefix) {
				n++
			}
		}
		return n
	}

	b := newBrowser(t)
	b.do(t, chromedp.Navigate(srv.URL+"/"))
	waitTagged(t, b, "tagging", time.Minute)
	// (The service worker, installed once the sample is tagged, may ask
	// for tagger.wasm again to keep it for offline use.)
	if n, m := asked("/web/tagger."), asked("/web/tagger-prose."); n == 0 || m != 0 {
		t.Fatalf("the news model's visit asked for tagger.wasm %d times and prose's tagger %d times, want some and none", n, m)
	}
	b.do(t, chromedp.Click(chromedp.CSS(".settings-button")))
	b.do(t, chromedp.Click(chromedp.CSS(`input[name="model"][value="prose"]`)))
	waitFor(t, b, "prose's model running", modelStatusJS+`.startsWith("Tagging with prose")`, time.Minute)
	waitTagged(t, b, "the article tagged with it", time.Minute)
	if m := asked("/web/tagger-prose."); m != 1 {
		t.Errorf("choosing prose's model asked for its tagger %d times, want once", m)
	}
}

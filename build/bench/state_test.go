package main

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"glossa/app/e2e/chrome"
)

// A visit that does not reach a state returns within the wait's limit,
// with the state's name, what the page shows and the page's errors.
func TestVisitNamesTheStateItDidNotReach(t *testing.T) {
	if _, err := chrome.Path(); err != nil {
		t.Skip(err)
	}
	tab, cancel, err := chrome.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	v, err := newVisit(tab)
	if err != nil {
		t.Fatal(err)
	}
	page := `<article><h1>Held Up</h1></article><p id="status">Tagging…</p><script>console.error("the tagger failed")</script>`
	if err := chromedp.Do(tab, chromedp.Navigate("data:text/html;charset=utf-8,"+url.PathEscape(page))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the console event

	tests := []struct {
		name  string
		state string
		run   func(state string) error
	}{
		{"a condition that never holds", "the sample tagged", func(state string) error {
			return v.wait(state, `performance.getEntriesByName("glossa-tagged").length > 0`, time.Second)
		}},
		{"a click on an element that never comes", "the card open", func(state string) error {
			return v.do(state, time.Second, chromedp.Click(chromedp.CSS(`button[aria-label="Accept suggestion"]`)))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			began := time.Now()
			err := tt.run(tt.state)
			if took := time.Since(began); took > 15*time.Second {
				t.Errorf("it took %v to fail, with a limit of 1 s", took)
			}
			var se *stateError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a stateError", err)
			}
			if se.State != tt.state {
				t.Errorf("state %q, want %q", se.State, tt.state)
			}
			for _, want := range []string{`did not reach the state "` + tt.state + `"`, "not within 1s", `headline "Held Up"`, `status "Tagging…"`, "the tagger failed"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("the error says no %q: %v", want, err)
				}
			}
		})
	}
}

package w3c_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/w3c"
)

func TestDecisionAnnotation(t *testing.T) {
	d := noteDoc()
	k := key(d, "Britain", 1, annotate.GPE)
	a := w3c.DecisionAnnotation(d, k, w3c.Rejected, id(9))
	raw, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range loadSuite(t).CheckAnnotation(raw) {
		t.Error(e)
	}
	var back w3c.Annotation
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if got, decision, err := w3c.DecisionFromAnnotation(back, d); err != nil || got != k || decision != w3c.Rejected {
		t.Errorf("reads back as %v %q, %v", got, decision, err)
	}
	if _, err := w3c.NoteFromAnnotation(back, d); err == nil {
		t.Error("a decision reads as a note")
	}
	for _, c := range []struct {
		name string
		edit func(a *w3c.Annotation)
		is   error
		want string
	}{
		{"not moderating", func(a *w3c.Annotation) { a.Motivation = "classifying" }, annotate.ErrBadInput, `motivation "moderating"`},
		{"other document", func(a *w3c.Annotation) { a.Target.Source = "urn:sha256:00" }, annotate.ErrBadInput, `"source"`},
		{"span outside", func(a *w3c.Annotation) { a.Target.Position.End = 9999 }, annotate.ErrBadSpan, "TextPositionSelector"},
		{"quote differs", func(a *w3c.Annotation) { a.Target.Quote.Exact = "Paris" }, annotate.ErrBadInput, `"exact" is "Paris"`},
		{"bad label", func(a *w3c.Annotation) { a.Body = []w3c.Body{w3c.TextualBody("FOO", "classifying"), a.Body[1]} }, annotate.ErrBadLabel, "classifying"},
		{"bad decision", func(a *w3c.Annotation) { a.Body = []w3c.Body{a.Body[0], w3c.TextualBody("maybe", "moderating")} }, annotate.ErrBadInput, `"maybe"`},
		{"no decision", func(a *w3c.Annotation) { a.Body = a.Body[:1] }, annotate.ErrBadInput, `one "classifying" and one "moderating"`},
		{"two labels", func(a *w3c.Annotation) { a.Body = append([]w3c.Body{a.Body[0]}, a.Body...) }, annotate.ErrBadInput, `"body"[1]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := back
			b.Body = append([]w3c.Body(nil), back.Body...)
			c.edit(&b)
			_, _, err := w3c.DecisionFromAnnotation(b, d)
			if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q wrapping %v", err, c.want, c.is)
			}
		})
	}
}

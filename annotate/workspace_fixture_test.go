package annotate_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/w3ctest"
)

// noteText is the hostile article of the workspace tests: a claim that
// spans entities, repeated names, curly quotes, an emoji with a skin tone
// and a ZWJ sequence, a flag, a combining mark and a second paragraph.
const noteText = "Ann Lee says “the plan works” 👍🏽 and Zoe\u0301 agrees.\n\n" +
	"Kaspersky Lab denied it on Dec 03, 2017 in Britain 🇬🇧; Ann Lee 👩🏽‍💻 disagreed."

// noteDoc returns a fresh document of noteText.
func noteDoc() *annotate.Document { return annotate.NewDocument(noteText) }

// The test clock: notes are created at t0 and changed at t1.
var (
	t0 = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	t1 = time.Date(2026, 11, 27, 13, 30, 15, 0, time.FixedZone("CET", 3600))
)

// id returns the deterministic urn:uuid of test note n.
func id(n int) string { return fmt.Sprintf("urn:uuid:00000000-0000-7000-8000-%012d", n) }

// at returns the span of the nth (from 1) occurrence of quote in d, in code
// points.
func at(d *annotate.Document, quote string, nth int) annotate.Span {
	s := d.Text.String()
	from := 0
	for range nth {
		i := strings.Index(s[from:], quote)
		if i < 0 {
			panic(fmt.Sprintf("%q: occurrence %d not found", quote, nth))
		}
		from += i + len(quote)
	}
	start := d.Text.BytePoint(from - len(quote))
	return annotate.Span{Start: start, End: start + annotate.NewText(quote).Len()}
}

// key returns the suggestion key of label on the nth quote in d.
func key(d *annotate.Document, quote string, nth int, l annotate.Label) annotate.SuggestionKey {
	return annotate.SuggestionKey{Span: at(d, quote, nth), Label: l}
}

const recName = "fixed test recognizer"

// suggestions is what the fixed recognizer finds in noteText.
func suggestions(d *annotate.Document) []annotate.Entity {
	return []annotate.Entity{
		{Span: at(d, "Ann Lee", 1), Label: annotate.Person},
		{Span: at(d, "Zoe\u0301", 1), Label: annotate.Person},
		{Span: at(d, "Kaspersky Lab", 1), Label: annotate.Org},
		{Span: at(d, "Dec 03, 2017", 1), Label: annotate.Date},
		{Span: at(d, "Britain", 1), Label: annotate.GPE},
		{Span: at(d, "Ann Lee", 2), Label: annotate.Person},
		{Span: at(d, "Kaspersky Lab denied it", 1), Label: annotate.Claim},
	}
}

// must returns the workspace of an operation that must succeed in a
// fixture, and panics on its error.
func must(w annotate.Workspace, err error) annotate.Workspace {
	if err != nil {
		panic(err)
	}
	return w
}

// baseWorkspace builds a workspace by the operations under test: notes 1
// (PERSON "Ann Lee"), 2 (CLAIM "Ann Lee says …" around it, spoken by 1), 3
// (ORG "Kaspersky Lab", accepted), 4 (a tagged, commented MISC on the
// emoji), and the rest of the suggestions pending.
func baseWorkspace() annotate.Workspace {
	d := noteDoc()
	w := annotate.NewWorkspace(d).WithSuggestions(suggestions(d), recName)
	w = must(w.Accept(key(d, "Ann Lee", 1, annotate.Person), id(1), annotate.Reader("Ada"), t0))
	w = must(w.Create(at(d, "Ann Lee says “the plan works”", 1), annotate.Claim, id(2), annotate.Reader("Ada"), t0))
	w = must(w.Accept(key(d, "Kaspersky Lab", 1, annotate.Org), id(3), annotate.Reader("Ada"), t0))
	w = must(w.Create(at(d, "👍🏽", 1), annotate.Misc, id(4), annotate.Reader("Ada"), t0))
	w = must(w.SetClaim(id(2), annotate.Speaker{AnnotationID: id(1)}, annotate.Disputed, "https://example.org/check?id=1", t0))
	w = must(w.SetComment(id(4), "thumbs\nup", t0))
	w = must(w.SetTags(id(4), []string{"emoji", "tone"}, t0))
	return w
}

// clone returns a deep copy of w, sharing only the document.
func clone(w annotate.Workspace) annotate.Workspace {
	c := w
	c.Notes = nil
	for _, n := range w.Notes {
		n.Tags = slices.Clone(n.Tags)
		if n.ProposedBy != nil {
			by := *n.ProposedBy
			n.ProposedBy = &by
		}
		c.Notes = append(c.Notes, n)
	}
	c.Suggestions = slices.Clone(w.Suggestions)
	c.Rejected = maps.Clone(w.Rejected)
	c.Accepted = maps.Clone(w.Accepted)
	return c
}

var (
	suiteOnce sync.Once
	suite     *w3ctest.Suite
	suiteErr  error
)

// loadSuite loads the W3C test suite once for the whole test binary.
func loadSuite(t testing.TB) *w3ctest.Suite {
	t.Helper()
	suiteOnce.Do(func() { suite, suiteErr = w3ctest.Load() })
	if suiteErr != nil {
		t.Fatal(suiteErr)
	}
	return suite
}

// readNote decodes an annotation and reads it as a note of d.
func readNote(raw []byte, d *annotate.Document) (annotate.Note, error) {
	var a annotate.Annotation
	if err := json.Unmarshal(raw, &a); err != nil {
		return annotate.Note{}, err
	}
	return annotate.NoteFromAnnotation(a, d)
}

// checkState checks a workspace state the tests built: the invariants of
// Workspace, and for every note that its annotation passes the W3C MUST
// assertions and reads back as the same note.
func checkState(t *testing.T, w annotate.Workspace) {
	t.Helper()
	s := loadSuite(t)
	ids := map[string]bool{}
	keys := map[annotate.SuggestionKey]bool{}
	for i, n := range w.Notes {
		if i > 0 {
			p := w.Notes[i-1]
			if p.Span.Start > n.Span.Start || p.Span.Start == n.Span.Start && (p.Span.End < n.Span.End || p.Span.End == n.Span.End && p.ID >= n.ID) {
				t.Errorf("notes out of order: %s %v before %s %v", p.ID, p.Span, n.ID, n.Span)
			}
		}
		k := annotate.SuggestionKey{Span: n.Span, Label: n.Label}
		if ids[n.ID] || keys[k] {
			t.Errorf("note %s repeats an id or %s", n.ID, k)
		}
		ids[n.ID], keys[k] = true, true
		if n.Label != annotate.Claim && (!n.Speaker.IsZero() || n.Verdict != annotate.Unverified || n.Evidence != "") {
			t.Errorf("note %s is %s but has claim fields: %+v", n.ID, n.Label, n)
		}
		if sp := n.Speaker.AnnotationID; sp != "" {
			if _, ok := w.Note(sp); !ok {
				t.Errorf("claim %s: speaker %s is not a note", n.ID, sp)
			}
		}
		raw, err := json.Marshal(n.Annotation(w.Doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range s.CheckAnnotation(raw) {
			t.Errorf("note %s: %v\n%s", n.ID, e, raw)
		}
		back, err := readNote(raw, w.Doc)
		if err != nil {
			t.Errorf("note %s does not read back: %v\n%s", n.ID, err, raw)
		} else if !reflect.DeepEqual(back, n) {
			t.Errorf("note %s reads back as\n%+v\nwant\n%+v", n.ID, back, n)
		}
	}
	for i, e := range w.Suggestions {
		k := e.Key()
		if keys[k] || w.Rejected[k] || w.Accepted[k] {
			t.Errorf("suggestion %s is a note's, rejected, accepted or repeated", k)
		}
		keys[k] = true
		if i > 0 {
			p := w.Suggestions[i-1]
			if p.Start > e.Start || p.Start == e.Start && p.End < e.End {
				t.Errorf("suggestions out of order: %s before %s", p.Key(), k)
			}
		}
		if e.Text != w.Quote(e.Span) {
			t.Errorf("suggestion %s has text %q, want %q", k, e.Text, w.Quote(e.Span))
		}
	}
}

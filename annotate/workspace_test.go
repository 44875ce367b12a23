package annotate_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
)

// markup is the hostile markup of the issue, stored and shown as text.
const markup = `<img src=x onerror=alert(1)>`

// opCase is one workspace operation, run on baseWorkspace.
type opCase struct {
	name    string
	op      func(w annotate.Workspace) (annotate.Workspace, error)
	wantErr error // nil: the operation succeeds
	check   func(t *testing.T, w annotate.Workspace)
}

// note returns note id of w, failing the test if it is missing.
func note(t *testing.T, w annotate.Workspace, id string) annotate.Note {
	t.Helper()
	n, ok := w.Note(id)
	if !ok {
		t.Fatalf("note %s missing", id)
	}
	return n
}

func pending(w annotate.Workspace, k annotate.SuggestionKey) bool {
	_, ok := w.Suggestion(k)
	return ok
}

func TestOperations(t *testing.T) {
	d := baseWorkspace().Doc
	ann1, britain := key(d, "Ann Lee", 1, annotate.Person), key(d, "Britain", 1, annotate.GPE)
	claimKey := key(d, "Kaspersky Lab denied it", 1, annotate.Claim)
	t1z := t1.UTC()
	ada := annotate.Reader("Ada")
	cases := []opCase{
		// Create.
		{name: "create/entity drops the same pending suggestion", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(britain.Span, annotate.GPE, id(10), ada, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			n := note(t, w, id(10))
			want := annotate.Note{ID: id(10), Span: britain.Span, Label: annotate.GPE, Creator: *ada, Created: t1z, Modified: t1z}
			if !reflect.DeepEqual(n, want) {
				t.Errorf("note %+v, want %+v", n, want)
			}
			if pending(w, britain) {
				t.Error("the suggestion the note duplicates is still pending")
			}
		}},
		{name: "create/claim spanning entities", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(at(d, "Kaspersky Lab denied it on Dec 03, 2017 in Britain", 1), annotate.Claim, id(10), ada, t1)
		}},
		{name: "create/nil creator is me", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(britain.Span, annotate.Loc, id(10), nil, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if c := note(t, w, id(10)).Creator; c != (annotate.Agent{Type: "Person", Name: "me"}) {
				t.Errorf("creator %+v, want the Person me", c)
			}
		}},
		{name: "create/same span, other label", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(ann1.Span, annotate.Org, id(10), ada, t1)
		}},
		{name: "create/inside a pending suggestion", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(at(d, "2017", 1), annotate.Misc, id(10), ada, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if !pending(w, key(d, "Dec 03, 2017", 1, annotate.Date)) {
				t.Error("the enclosing suggestion is no longer pending")
			}
		}},
		{name: "create/emoji with ZWJ", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(at(d, "👩🏽‍💻", 1), annotate.Misc, id(10), ada, t1)
		}},
		{name: "create/bad id", wantErr: annotate.ErrBadID, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(britain.Span, annotate.GPE, "note-10", ada, t1)
		}},
		{name: "create/upper-case uuid", wantErr: annotate.ErrBadID, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(britain.Span, annotate.GPE, "urn:uuid:0190A6E0-0000-7000-8000-00000000000A", ada, t1)
		}},
		{name: "create/not a uuid", wantErr: annotate.ErrBadID, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(britain.Span, annotate.GPE, "urn:uuid:xyz", ada, t1)
		}},
		{name: "create/id taken", wantErr: annotate.ErrDuplicate, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(britain.Span, annotate.GPE, id(1), ada, t1)
		}},
		{name: "create/bad label", wantErr: annotate.ErrBadLabel, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(britain.Span, "FOO", id(10), ada, t1)
		}},
		{name: "create/empty label", wantErr: annotate.ErrBadLabel, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(britain.Span, "", id(10), ada, t1)
		}},
		{name: "create/lower-case label", wantErr: annotate.ErrBadLabel, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(britain.Span, "person", id(10), ada, t1)
		}},
		{name: "create/empty span", wantErr: annotate.ErrBadSpan, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(annotate.Span{Start: 3, End: 3}, annotate.GPE, id(10), ada, t1)
		}},
		{name: "create/reversed span", wantErr: annotate.ErrBadSpan, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(annotate.Span{Start: 7, End: 3}, annotate.GPE, id(10), ada, t1)
		}},
		{name: "create/span past the end", wantErr: annotate.ErrBadSpan, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(annotate.Span{Start: 3, End: d.Text.Len() + 1}, annotate.GPE, id(10), ada, t1)
		}},
		{name: "create/negative span", wantErr: annotate.ErrBadSpan, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(annotate.Span{Start: -1, End: 3}, annotate.GPE, id(10), ada, t1)
		}},
		{name: "create/only white space", wantErr: annotate.ErrBadSpan, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(at(d, "\n\n", 1), annotate.GPE, id(10), ada, t1)
		}},
		{name: "create/same span and label as a note", wantErr: annotate.ErrDuplicate, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(ann1.Span, annotate.Person, id(10), ada, t1)
		}},
		// Issue #9 (B2): two readers may make the same note; one reader
		// making it twice (two tabs) is a duplicate.
		{name: "create/same span and label by another creator", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Create(ann1.Span, annotate.Person, id(10), annotate.Reader("Bob"), t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if a, b := note(t, w, id(1)), note(t, w, id(10)); a.Span != b.Span || a.Label != b.Label || b.Creator.Name != "Bob" {
				t.Errorf("notes %+v and %+v", a, b)
			}
		}},

		// Relabel.
		{name: "relabel/entity", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Relabel(id(3), annotate.Fac, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if n := note(t, w, id(3)); n.Label != annotate.Fac || !n.Modified.Equal(t1) || !n.Created.Equal(t0) || n.ProposedBy == nil {
				t.Errorf("note %+v, want FAC modified at t1, created at t0, still proposed", n)
			}
		}},
		{name: "relabel/claim to entity drops speaker, verdict, evidence", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Relabel(id(2), annotate.Misc, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if n := note(t, w, id(2)); !n.Speaker.IsZero() || n.Verdict != annotate.Unverified || n.Evidence != "" {
				t.Errorf("note %+v keeps claim fields", n)
			}
		}},
		{name: "relabel/entity to claim", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Relabel(id(4), annotate.Claim, t1)
		}},
		{name: "relabel/same label changes nothing", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Relabel(id(1), annotate.Person, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if n := note(t, w, id(1)); !n.Modified.Equal(t0) {
				t.Errorf("modified %v, want unchanged", n.Modified)
			}
		}},
		{name: "relabel/onto a pending suggestion drops it", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return must(w.Create(britain.Span, annotate.Misc, id(10), ada, t1)).Relabel(id(10), annotate.GPE, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if pending(w, britain) {
				t.Error("the suggestion the note now duplicates is still pending")
			}
		}},
		{name: "relabel/unknown note", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Relabel(id(99), annotate.Org, t1)
		}},
		{name: "relabel/bad label", wantErr: annotate.ErrBadLabel, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Relabel(id(1), "FOO", t1)
		}},
		{name: "relabel/onto another note", wantErr: annotate.ErrDuplicate, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return must(w.Create(ann1.Span, annotate.Org, id(10), ada, t1)).Relabel(id(10), annotate.Person, t1)
		}},
		{name: "relabel/onto another creator's note", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return must(w.Create(ann1.Span, annotate.Org, id(10), annotate.Reader("Bob"), t1)).Relabel(id(10), annotate.Person, t1)
		}},

		// SetComment.
		{name: "comment/multi-line", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetComment(id(1), "first line\r\n  second line  \n", t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if n := note(t, w, id(1)); n.Comment != "first line\r\n  second line  \n" || !n.Modified.Equal(t1) {
				t.Errorf("note %+v, want the comment byte for byte, modified at t1", n)
			}
		}},
		{name: "comment/markup stays text", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetComment(id(1), markup+"<script>alert(2)</script>&amp;", t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if c := note(t, w, id(1)).Comment; c != markup+"<script>alert(2)</script>&amp;" {
				t.Errorf("comment %q, want the markup byte for byte", c)
			}
		}},
		{name: "comment/10000 code points", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetComment(id(1), strings.Repeat("😀", 10_000), t1)
		}},
		{name: "comment/10001 code points", wantErr: annotate.ErrTooLong, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetComment(id(1), strings.Repeat("😀", 10_001), t1)
		}},
		{name: "comment/white space removes it", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetComment(id(4), " \n\t ", t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if c := note(t, w, id(4)).Comment; c != "" {
				t.Errorf("comment %q, want none", c)
			}
		}},
		{name: "comment/not UTF-8", wantErr: annotate.ErrNotText, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetComment(id(1), "bad \xff byte", t1)
		}},
		{name: "comment/unknown note", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetComment(id(99), "x", t1)
		}},

		// SetTags.
		{name: "tags/trimmed, deduplicated, order kept", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetTags(id(1), []string{"  economy ", "economy", "", "big \n  tech", "\tAI\n", "Economy"}, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if tags := note(t, w, id(1)).Tags; !slices.Equal(tags, []string{"economy", "big tech", "AI", "Economy"}) {
				t.Errorf("tags %q", tags)
			}
		}},
		{name: "tags/markup stays text", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetTags(id(1), []string{markup, "a&b"}, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if tags := note(t, w, id(1)).Tags; !slices.Equal(tags, []string{markup, "a&b"}) {
				t.Errorf("tags %q, want the markup byte for byte", tags)
			}
		}},
		{name: "tags/none", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetTags(id(4), []string{" ", ""}, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if tags := note(t, w, id(4)).Tags; tags != nil {
				t.Errorf("tags %q, want nil", tags)
			}
		}},
		{name: "tags/tag too long", wantErr: annotate.ErrTooLong, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetTags(id(1), []string{strings.Repeat("x", annotate.MaxTag+1)}, t1)
		}},
		{name: "tags/too many", wantErr: annotate.ErrTooLong, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			var tags []string
			for i := range annotate.MaxTags + 1 {
				tags = append(tags, strings.Repeat("t", i+1))
			}
			return w.SetTags(id(1), tags, t1)
		}},
		{name: "tags/not UTF-8", wantErr: annotate.ErrNotText, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetTags(id(1), []string{"\xc3"}, t1)
		}},
		{name: "tags/unknown note", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetTags(id(99), []string{"x"}, t1)
		}},

		// SetClaim.
		{name: "claim/typed speaker", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{Name: "  The   minister "}, annotate.False, "", t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			n := note(t, w, id(2))
			if n.Speaker != (annotate.Speaker{Name: "The minister"}) || n.Verdict != annotate.False || n.Evidence != "" {
				t.Errorf("claim %+v", n)
			}
		}},
		{name: "claim/linked speaker, trimmed evidence", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{AnnotationID: id(3)}, annotate.Supported, "  HTTPS://Example.org/ä?b=c%3C#d \n", t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			// Trimmed and in canonical form (url.URL.String).
			if n := note(t, w, id(2)); n.Speaker.AnnotationID != id(3) || n.Evidence != "https://Example.org/%C3%A4?b=c%3C#d" {
				t.Errorf("claim %+v", n)
			}
		}},
		{name: "claim/every verdict and none", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			for _, v := range annotate.Verdicts {
				var err error
				if w, err = w.SetClaim(id(2), annotate.Speaker{}, v, "", t1); err != nil {
					return w, err
				}
			}
			return w, nil
		}, check: func(t *testing.T, w annotate.Workspace) {
			if n := note(t, w, id(2)); n.Verdict != annotate.Misleading || !n.Speaker.IsZero() {
				t.Errorf("claim %+v", n)
			}
		}},
		{name: "claim/not a claim", wantErr: annotate.ErrNotClaim, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(1), annotate.Speaker{}, annotate.False, "", t1)
		}},
		{name: "claim/speaker both note and name", wantErr: annotate.ErrBadSpeaker, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{AnnotationID: id(1), Name: "Ann"}, annotate.False, "", t1)
		}},
		{name: "claim/speaker itself", wantErr: annotate.ErrBadSpeaker, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{AnnotationID: id(2)}, annotate.False, "", t1)
		}},
		{name: "claim/speaker not a note", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{AnnotationID: id(99)}, annotate.False, "", t1)
		}},
		{name: "claim/speaker name too long", wantErr: annotate.ErrTooLong, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{Name: strings.Repeat("n", annotate.MaxName+1)}, annotate.False, "", t1)
		}},
		{name: "claim/bad verdict", wantErr: annotate.ErrBadVerdict, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, "maybe", "", t1)
		}},
		{name: "claim/verdict written as unverified", wantErr: annotate.ErrBadVerdict, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, "unverified", "", t1) // Unverified is ""
		}},
		{name: "claim/ftp evidence", wantErr: annotate.ErrBadURL, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, annotate.False, "ftp://example.org/x", t1)
		}},
		{name: "claim/javascript evidence", wantErr: annotate.ErrBadURL, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, annotate.False, "javascript:alert(1)", t1)
		}},
		{name: "claim/evidence without scheme", wantErr: annotate.ErrBadURL, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, annotate.False, "example.org/page", t1)
		}},
		{name: "claim/evidence without host", wantErr: annotate.ErrBadURL, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, annotate.False, "https:///path", t1)
		}},
		{name: "claim/evidence with a space", wantErr: annotate.ErrBadURL, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, annotate.False, "https://example.org/a b", t1)
		}},
		{name: "claim/evidence not a URL", wantErr: annotate.ErrBadURL, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, annotate.False, "https://[::1", t1)
		}},
		// Issue #9 (B4): characters a URL cannot hold are refused, not
		// kept (they reached ClaimReview's citation as they were).
		{name: "claim/evidence with a quote", wantErr: annotate.ErrBadURL, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, annotate.False, `https://example.org/"onmouseover="alert(1)`, t1)
		}},
		{name: "claim/evidence with markup", wantErr: annotate.ErrBadURL, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, annotate.False, "https://example.org/?q=</script><script>alert(1)</script>", t1)
		}},
		{name: "claim/evidence with a bad escape", wantErr: annotate.ErrBadURL, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(2), annotate.Speaker{}, annotate.False, "https://example.org/%zz", t1)
		}},
		{name: "claim/unknown note", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.SetClaim(id(99), annotate.Speaker{}, annotate.False, "", t1)
		}},

		// Delete.
		{name: "delete/speaker: links to it go", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Delete(id(1), t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if _, ok := w.Note(id(1)); ok {
				t.Error("note 1 still there")
			}
			if n := note(t, w, id(2)); !n.Speaker.IsZero() || !n.Modified.Equal(t1) || n.Verdict != annotate.Disputed {
				t.Errorf("claim %+v, want no speaker, modified at t1, verdict kept", n)
			}
		}},
		{name: "delete/accepted suggestion stays decided", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			w, err := w.Delete(id(3), t1)
			return w.WithSuggestions(suggestions(d), recName), err
		}, check: func(t *testing.T, w annotate.Workspace) {
			if pending(w, key(d, "Kaspersky Lab", 1, annotate.Org)) {
				t.Error("re-tagging brought back a deleted accepted suggestion")
			}
		}},
		{name: "delete/unknown note", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Delete(id(99), t1)
		}},

		// Accept and Reject.
		{name: "accept/pending", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Accept(britain, id(10), ada, t1)
		}, check: func(t *testing.T, w annotate.Workspace) {
			n := note(t, w, id(10))
			if n.ProposedBy == nil || *n.ProposedBy != *annotate.Software(recName) || n.Creator != *ada || n.Span != britain.Span {
				t.Errorf("note %+v, want Ada's, proposed by the recognizer", n)
			}
			if pending(w, britain) || !w.Accepted[britain] {
				t.Error("the suggestion is still pending or not marked accepted")
			}
		}},
		{name: "accept/claim suggestion", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			w, err := w.Accept(claimKey, id(10), ada, t1)
			if err != nil {
				return w, err
			}
			return w.SetClaim(id(10), annotate.Speaker{AnnotationID: id(3)}, annotate.Misleading, "http://example.org", t1)
		}},
		{name: "accept/already accepted", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Accept(ann1, id(10), ada, t1)
		}},
		{name: "accept/never suggested", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Accept(key(d, "Britain", 1, annotate.Loc), id(10), ada, t1)
		}},
		{name: "accept/bad id", wantErr: annotate.ErrBadID, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Accept(britain, "10", ada, t1)
		}},
		{name: "accept/id taken", wantErr: annotate.ErrDuplicate, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Accept(britain, id(2), ada, t1)
		}},
		{name: "reject/pending", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Reject(britain)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if pending(w, britain) || !w.Rejected[britain] {
				t.Error("the suggestion is still pending or not marked rejected")
			}
		}},
		{name: "reject/twice", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return must(w.Reject(britain)).Reject(britain)
		}},
		{name: "reject/accepted", wantErr: annotate.ErrNotFound, op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.Reject(ann1)
		}},

		// AcceptAll, RejectAll.
		{name: "accept all/PERSON", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			w, n := w.AcceptAll(annotate.Person, counterFrom(20), ada, t1)
			return w, wantCount(n, 2)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if len(w.Suggestions) != 3 || note(t, w, id(20)).ProposedBy == nil {
				t.Errorf("%d pending, want 3 left; notes %+v", len(w.Suggestions), w.Notes)
			}
		}},
		{name: "accept all/every label", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			w, n := w.AcceptAll("", counterFrom(20), nil, t1)
			return w, wantCount(n, 5)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if len(w.Suggestions) != 0 || len(w.Notes) != 9 {
				t.Errorf("%d pending, %d notes, want 0 and 9", len(w.Suggestions), len(w.Notes))
			}
		}},
		{name: "accept all/none of the label", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			w, n := w.AcceptAll(annotate.Loc, counterFrom(20), ada, t1)
			return w, wantCount(n, 0)
		}},
		{name: "accept all/bad and repeated ids stay pending", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			ids := []string{"bad", id(1), id(20), id(20), id(21)}
			w, n := w.AcceptAll("", func() string { s := ids[0]; ids = ids[1:]; return s }, ada, t1)
			return w, wantCount(n, 2)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if len(w.Suggestions) != 3 {
				t.Errorf("%d pending, want 3", len(w.Suggestions))
			}
		}},
		{name: "reject all/PERSON", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			w, n := w.RejectAll(annotate.Person)
			return w, wantCount(n, 2)
		}, check: func(t *testing.T, w annotate.Workspace) {
			if len(w.Suggestions) != 3 || len(w.Rejected) != 2 {
				t.Errorf("%d pending, %d rejected, want 3 and 2", len(w.Suggestions), len(w.Rejected))
			}
		}},
		{name: "reject all/every label", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			w, n := w.RejectAll("")
			return w, wantCount(n, 5)
		}},
		{name: "reject all/none of the label", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			w, n := w.RejectAll(annotate.Event)
			return w, wantCount(n, 0)
		}},

		// WithSuggestions.
		{name: "retag/decided and duplicate suggestions stay out", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			w = must(w.Reject(britain))
			again := append(suggestions(d), suggestions(d)...)
			again = append(again, annotate.Entity{Span: at(d, "Ann Lee says “the plan works”", 1), Label: annotate.Claim}) // note 2
			return w.WithSuggestions(again, "another recognizer"), nil
		}, check: func(t *testing.T, w annotate.Workspace) {
			if len(w.Suggestions) != 4 || w.Recognizer != "another recognizer" {
				t.Errorf("pending %v by %q, want 4 by another recognizer", w.Suggestions, w.Recognizer)
			}
		}},
		{name: "retag/bad entities stay out", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.WithSuggestions([]annotate.Entity{
				{Span: britain.Span, Label: "FOO"},
				{Span: annotate.Span{Start: 5, End: 5}, Label: annotate.Person},
				{Span: annotate.Span{Start: 5, End: 1000}, Label: annotate.Person},
				{Span: at(d, "\n\n", 1), Label: annotate.Person},
				{Span: at(d, "Britain", 1), Label: annotate.Loc, Text: "wrong text"},
			}, recName), nil
		}, check: func(t *testing.T, w annotate.Workspace) {
			if len(w.Suggestions) != 1 || w.Suggestions[0].Text != "Britain" {
				t.Errorf("pending %+v, want LOC Britain only", w.Suggestions)
			}
		}},
		{name: "retag/nothing found", op: func(w annotate.Workspace) (annotate.Workspace, error) {
			return w.WithSuggestions(nil, recName), nil
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := baseWorkspace()
			before := clone(w)
			got, err := c.op(w)
			if !reflect.DeepEqual(w, before) {
				t.Fatal("the operation modified its input workspace")
			}
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("error %v, want %v", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkState(t, got)
			if c.check != nil {
				c.check(t, got)
			}
		})
	}
}

// counterFrom returns deterministic ids from id(n) on.
func counterFrom(n int) annotate.IDFunc {
	return func() string { n++; return id(n - 1) }
}

// wantCount turns a wrong count from AcceptAll or RejectAll into an error.
func wantCount(got, want int) error {
	if got != want {
		return fmt.Errorf("counted %d, want %d", got, want)
	}
	return nil
}

// TestErrorMessages pins the wording of a few errors: the operation, the
// thing and what is wrong.
func TestErrorMessages(t *testing.T) {
	w := baseWorkspace()
	d := w.Doc
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"bad label", second(w.Relabel(id(1), "FOO", t1)),
			`relabel urn:uuid:00000000-0000-7000-8000-000000000001: bad label "FOO": want one of PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, DATE, MISC, CLAIM`},
		{"too long", second(w.SetComment(id(4), strings.Repeat("a", 10_001), t1)),
			"comment urn:uuid:00000000-0000-7000-8000-000000000004: too long: comment of 10001 code points, the limit is 10000"},
		{"not found", second(w.Delete(id(9), t1)),
			"delete urn:uuid:00000000-0000-7000-8000-000000000009: not found: no such note"},
		{"not a claim", second(w.SetClaim(id(1), annotate.Speaker{}, annotate.False, "", t1)),
			"set claim urn:uuid:00000000-0000-7000-8000-000000000001: not a claim: the note is PERSON"},
		{"bad URL", second(w.SetClaim(id(2), annotate.Speaker{}, annotate.False, "ftp://x.org", t1)),
			`set claim urn:uuid:00000000-0000-7000-8000-000000000002: bad URL: evidence "ftp://x.org": want an http or https URL, such as https://example.org/page`},
		{"URL with a quote", second(w.SetClaim(id(2), annotate.Speaker{}, annotate.False, `https://x.org/"a`, t1)),
			`set claim urn:uuid:00000000-0000-7000-8000-000000000002: bad URL: evidence "https://x.org/\"a" holds '"', which a URL cannot hold (write it as %22)`},
		{"URL with markup", second(w.SetClaim(id(2), annotate.Speaker{}, annotate.False, `https://x.org/?q=<b>`, t1)),
			`set claim urn:uuid:00000000-0000-7000-8000-000000000002: bad URL: evidence "https://x.org/?q=<b>" holds '<', which a URL cannot hold (write it as %3C)`},
		{"URL with a space", second(w.SetClaim(id(2), annotate.Speaker{}, annotate.False, `https://x.org/a b`, t1)),
			`set claim urn:uuid:00000000-0000-7000-8000-000000000002: bad URL: evidence "https://x.org/a b" holds a space, which a URL cannot hold (write it as %20)`},
		{"URL with a bad escape", second(w.SetClaim(id(2), annotate.Speaker{}, annotate.False, `https://x.org/%zz`, t1)),
			`set claim urn:uuid:00000000-0000-7000-8000-000000000002: bad URL: evidence "https://x.org/%zz" does not parse: invalid URL escape "%zz"`},
		{"empty span", second(w.Create(annotate.Span{Start: 4, End: 4}, annotate.Person, id(9), nil, t1)),
			"create urn:uuid:00000000-0000-7000-8000-000000000009: bad span: span [4, 4) is empty or reversed"},
		{"pending", second(w.Reject(key(d, "Ann Lee", 1, annotate.Person))),
			"reject PERSON [0, 7): not found: no such pending suggestion"},
		{"speaker", second(w.SetClaim(id(2), annotate.Speaker{AnnotationID: id(9)}, annotate.False, "", t1)),
			"set claim urn:uuid:00000000-0000-7000-8000-000000000002: bad speaker urn:uuid:00000000-0000-7000-8000-000000000009: not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.err == nil || c.err.Error() != c.want {
				t.Errorf("error\n%v\nwant\n%s", c.err, c.want)
			}
		})
	}
}

func second[A, B any](_ A, b B) B { return b }

// TestNoteOrder builds overlapping and nested notes in many orders: a claim
// spanning several entities, two overlapping claims, two labels on one span
// and a note inside a pending suggestion always come out in document order.
func TestNoteOrder(t *testing.T) {
	d := noteDoc()
	type add struct {
		id    string
		quote string
		label annotate.Label
	}
	adds := []add{ // in the order the notes must come out
		{id(1), "Kaspersky Lab denied it on Dec 03, 2017", annotate.Claim},
		{id(2), "Kaspersky Lab", annotate.Org},
		{id(3), "Lab", annotate.Misc},
		{id(4), "Dec 03, 2017 in Britain", annotate.Claim},
		{id(5), "Dec 03, 2017", annotate.Date},
		{id(6), "Dec 03, 2017", annotate.Event},
		{id(7), "Britain 🇬🇧", annotate.GPE},
		{id(8), "Britain", annotate.Misc}, // inside the pending GPE suggestion? no: inside note 7
		{id(9), "Ann Lee", annotate.Misc}, // second Ann Lee: inside the pending PERSON suggestion
	}
	want := make([]string, len(adds))
	for i, a := range adds {
		want[i] = a.id
	}
	r := rand.New(rand.NewPCG(4, 2))
	for round := range 20 {
		order := slices.Clone(adds)
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		w := annotate.NewWorkspace(d).WithSuggestions(suggestions(d), recName)
		for _, a := range order {
			nth := 1
			if a.id == id(9) {
				nth = 2
			}
			w = must(w.Create(at(d, a.quote, nth), a.label, a.id, nil, t0))
		}
		var got []string
		for _, n := range w.Notes {
			got = append(got, n.ID)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: order %v, want %v", round, got, want)
		}
		if !pending(w, key(d, "Ann Lee", 2, annotate.Person)) {
			t.Fatalf("round %d: the suggestion around note 9 is gone", round)
		}
		if round == 0 {
			checkState(t, w)
		}
	}
}

// TestWithSuggestionsProperty re-tags many times between random decisions
// and checks that no rejected or accepted suggestion ever comes back and
// nothing is pending twice or pending as well as a note.
func TestWithSuggestionsProperty(t *testing.T) {
	d := noteDoc()
	r := rand.New(rand.NewPCG(2026, 11))
	words := []string{"Ann Lee", "Zoe\u0301", "Kaspersky Lab", "Kaspersky", "Lab", "Dec 03, 2017", "2017", "Britain", "plan", "the plan works", "agrees"}
	var spans []annotate.Span
	for _, q := range words {
		spans = append(spans, at(d, q, 1))
	}
	spans = append(spans, at(d, "Ann Lee", 2))
	labels := []annotate.Label{annotate.Person, annotate.Org, annotate.GPE, annotate.Date, annotate.Claim}
	randomKey := func() annotate.SuggestionKey {
		return annotate.SuggestionKey{Span: spans[r.IntN(len(spans))], Label: labels[r.IntN(len(labels))]}
	}
	rejected, accepted := map[annotate.SuggestionKey]bool{}, map[annotate.SuggestionKey]bool{}
	w := annotate.NewWorkspace(d)
	next := 1
	for round := range 300 {
		var ents []annotate.Entity
		for range r.IntN(20) {
			k := randomKey()
			ents = append(ents, annotate.Entity{Span: k.Span, Label: k.Label})
		}
		w = w.WithSuggestions(ents, recName)
		seen := map[annotate.SuggestionKey]bool{}
		for _, n := range w.Notes {
			seen[annotate.SuggestionKey{Span: n.Span, Label: n.Label}] = true
		}
		for _, e := range w.Suggestions {
			k := e.Key()
			if rejected[k] || accepted[k] || seen[k] {
				t.Fatalf("round %d: %s is pending but was rejected (%v), accepted (%v) or is a note or pending twice",
					round, k, rejected[k], accepted[k])
			}
			seen[k] = true
		}
		for range r.IntN(4) {
			var k annotate.SuggestionKey
			if len(w.Suggestions) > 0 {
				k = w.Suggestions[r.IntN(len(w.Suggestions))].Key()
			}
			switch r.IntN(7) {
			case 0:
				if w2, err := w.Accept(k, id(next), nil, t0); err == nil {
					w, accepted[k] = w2, true
					next++
				}
			case 1:
				if w2, err := w.Reject(k); err == nil {
					w, rejected[k] = w2, true
				}
			case 2:
				l := labels[r.IntN(len(labels))]
				for _, e := range w.Suggestions {
					if e.Label == l {
						rejected[e.Key()] = true
					}
				}
				w, _ = w.RejectAll(l)
			case 3:
				l := labels[r.IntN(len(labels))]
				for _, e := range w.Suggestions {
					if e.Label == l {
						accepted[e.Key()] = true
					}
				}
				w, next = acceptAll(w, l, next)
			case 4:
				k := randomKey()
				if w2, err := w.Create(k.Span, k.Label, id(next), nil, t0); err == nil {
					w = w2
					next++
				}
			case 5:
				if len(w.Notes) > 0 {
					if w2, err := w.Relabel(w.Notes[r.IntN(len(w.Notes))].ID, labels[r.IntN(len(labels))], t1); err == nil {
						w = w2
					} else if !errors.Is(err, annotate.ErrDuplicate) {
						t.Fatal(err)
					}
				}
			case 6:
				if len(w.Notes) > 0 {
					w = must(w.Delete(w.Notes[r.IntN(len(w.Notes))].ID, t1))
				}
			}
		}
	}
	if len(accepted) == 0 || len(rejected) == 0 || next < 20 {
		t.Fatalf("the test decided too little: %d accepted, %d rejected, %d notes made", len(accepted), len(rejected), next-1)
	}
	checkState(t, w)
}

func acceptAll(w annotate.Workspace, l annotate.Label, next int) (annotate.Workspace, int) {
	w, n := w.AcceptAll(l, counterFrom(next), nil, t0)
	return w, next + n
}

// TestUsedTags counts tags over notes: most used first, then by name.
func TestUsedTags(t *testing.T) {
	w := baseWorkspace() // note 4: emoji, tone
	w = must(w.SetTags(id(1), []string{"people", "tone"}, t1))
	w = must(w.SetTags(id(2), []string{"people", "tone", markup}, t1))
	want := []string{"tone", "people", markup, "emoji"}
	if got := w.UsedTags(); !slices.Equal(got, want) {
		t.Errorf("used tags %q, want %q", got, want)
	}
	if got := annotate.NewWorkspace(noteDoc()).UsedTags(); len(got) != 0 {
		t.Errorf("used tags of an empty workspace %q", got)
	}
}

// TestReader names the reader.
func TestReader(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"default", "", "me"},
		{"blank", " \t", "me"},
		{"trimmed", "  Ada Lovelace ", "Ada Lovelace"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := annotate.Reader(c.in); *got != (annotate.Agent{Type: "Person", Name: c.want}) {
				t.Errorf("Reader(%q) = %+v", c.in, got)
			}
		})
	}
}

// TestVerdicts parses every verdict's name back.
func TestVerdicts(t *testing.T) {
	for _, v := range annotate.Verdicts {
		t.Run(v.String(), func(t *testing.T) {
			if got, err := annotate.ParseVerdict(v.String()); err != nil || got != v {
				t.Errorf("ParseVerdict(%q) = %q, %v", v.String(), got, err)
			}
		})
	}
	if _, err := annotate.ParseVerdict("true"); !errors.Is(err, annotate.ErrBadVerdict) {
		t.Errorf("ParseVerdict(true): %v, want ErrBadVerdict", err)
	}
}

// TestTimesAreUTCSeconds checks that note times are UTC to the second,
// whatever zone and precision the clock gives.
func TestTimesAreUTCSeconds(t *testing.T) {
	d := noteDoc()
	now := time.Now().In(time.FixedZone("X", -7*3600))
	w := must(annotate.NewWorkspace(d).Create(at(d, "Britain", 1), annotate.GPE, annotate.NewID(), nil, now))
	n := w.Notes[0]
	if n.Created.Location() != time.UTC || n.Created.Nanosecond() != 0 || !n.Created.Equal(now.Truncate(time.Second)) {
		t.Errorf("created %v from %v", n.Created, now)
	}
	checkState(t, w)
}

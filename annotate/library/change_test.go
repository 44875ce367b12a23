package library_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/library"
)

func TestDiff(t *testing.T) {
	w := baseWorkspace()
	d := w.Doc
	britain := key(d, "Britain", 1, annotate.GPE)
	rejected := must(w.Reject(britain))
	tests := []struct {
		name   string
		before annotate.Workspace
		after  func(w annotate.Workspace) annotate.Workspace
		want   library.Change
	}{
		{"nothing", w, func(w annotate.Workspace) annotate.Workspace { return w }, library.Change{DocID: d.ID}},
		{"relabel", w, func(w annotate.Workspace) annotate.Workspace { return must(w.Relabel(id(4), annotate.Event, t1)) },
			library.Change{DocID: d.ID, PutNotes: []annotate.Note{must(w.Relabel(id(4), annotate.Event, t1)).Notes[2]}}},
		{"only Modified differs", w, func(w annotate.Workspace) annotate.Workspace {
			c := clone(w)
			c.Notes[0].Modified = t1.UTC()
			return c
		}, library.Change{DocID: d.ID, PutNotes: []annotate.Note{func() annotate.Note { n := w.Notes[0]; n.Modified = t1.UTC(); return n }()}}},
		{"delete the speaker", w, func(w annotate.Workspace) annotate.Workspace { return must(w.Delete(id(1), t1)) },
			library.Change{DocID: d.ID, PutNotes: []annotate.Note{must(w.Delete(id(1), t1)).Notes[0]}, DeleteNotes: []string{id(1)}}},
		{"reject", w, func(w annotate.Workspace) annotate.Workspace { return rejected },
			library.Change{DocID: d.ID, PutRejected: []annotate.SuggestionKey{britain}}},
		{"undo a reject", rejected, func(annotate.Workspace) annotate.Workspace { return w },
			library.Change{DocID: d.ID, DeleteRejected: []annotate.SuggestionKey{britain}}},
		{"accept", w, func(w annotate.Workspace) annotate.Workspace { return must(w.Accept(britain, id(9), nil, t1)) },
			library.Change{DocID: d.ID, PutNotes: []annotate.Note{func() annotate.Note {
				n, _ := must(w.Accept(britain, id(9), nil, t1)).Note(id(9))
				return n
			}()}, PutAccepted: []annotate.SuggestionKey{britain}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := library.Diff(tt.before, tt.after(tt.before))
			tt.want.Doc = d // Diff hands over the document, so a save need not read its text back
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

// editor makes random edits to a workspace through its operations, with a
// clock and note ids of its own.
type editor struct {
	rng   *rand.Rand
	clock time.Time
	next  int // the next note id
}

func (e *editor) id() string { e.next++; return id(e.next) }

func (e *editor) note(w annotate.Workspace) (annotate.Note, bool) {
	if len(w.Notes) == 0 {
		return annotate.Note{}, false
	}
	return w.Notes[e.rng.IntN(len(w.Notes))], true
}

func (e *editor) label() annotate.Label {
	return annotate.AllLabels[e.rng.IntN(len(annotate.AllLabels))]
}

// edit makes one random edit (or an undo or redo) and returns the history
// after it and what it did.
func (e *editor) edit(h annotate.History) (annotate.History, string) {
	e.clock = e.clock.Add(time.Duration(e.rng.IntN(90)) * time.Second)
	w := h.Current()
	now := e.clock
	var out annotate.Workspace
	var err error
	var what string
	switch op := e.rng.IntN(14); op {
	case 0, 1:
		start := e.rng.IntN(w.Doc.Text.Len())
		s := annotate.SnapToWords(w.Doc.Text, annotate.Span{Start: start, End: start + 1 + e.rng.IntN(40)})
		l := e.label()
		what = fmt.Sprintf("create %s %v", l, s)
		out, err = w.Create(s, l, e.id(), annotate.Reader("Ada"), now)
	case 2:
		n, ok := e.note(w)
		if !ok {
			return h, "relabel: no note"
		}
		l := e.label()
		what = "relabel " + n.ID + " " + string(l)
		out, err = w.Relabel(n.ID, l, now)
	case 3:
		n, ok := e.note(w)
		if !ok {
			return h, "comment: no note"
		}
		comments := []string{"", "seen", "two\nlines <b>markup</b> 👍🏽", "  ", "Zoe\u0301 “quoted”"}
		what = "comment " + n.ID
		out, err = w.SetComment(n.ID, comments[e.rng.IntN(len(comments))], now)
	case 4:
		n, ok := e.note(w)
		if !ok {
			return h, "tags: no note"
		}
		pool := []string{"check", " spaced  tag ", "émoji 🎉", "check", "b"}
		var tags []string
		for _, tag := range pool {
			if e.rng.IntN(2) == 0 {
				tags = append(tags, tag)
			}
		}
		what = "tag " + n.ID
		out, err = w.SetTags(n.ID, tags, now)
	case 5, 6:
		n, ok := e.note(w)
		if !ok || n.Label != annotate.Claim {
			return h, "set claim: no claim"
		}
		var sp annotate.Speaker
		switch e.rng.IntN(3) {
		case 0:
			if o, ok := e.note(w); ok && o.ID != n.ID {
				sp.AnnotationID = o.ID
			}
		case 1:
			sp.Name = "Theresa May"
		}
		evidence := []string{"", "https://example.org/check?id=1"}[e.rng.IntN(2)]
		what = "set claim " + n.ID
		out, err = w.SetClaim(n.ID, sp, annotate.Verdicts[e.rng.IntN(len(annotate.Verdicts))], evidence, now)
	case 7:
		n, ok := e.note(w)
		if !ok {
			return h, "delete: no note"
		}
		what = "delete " + n.ID
		out, err = w.Delete(n.ID, now)
	case 8, 9:
		if len(w.Suggestions) == 0 {
			return h, "accept/reject: no suggestion"
		}
		k := w.Suggestions[e.rng.IntN(len(w.Suggestions))].Key()
		if op == 8 {
			what = "accept " + k.String()
			out, err = w.Accept(k, e.id(), annotate.Reader("Ada"), now)
		} else {
			what = "reject " + k.String()
			out, err = w.Reject(k)
		}
	case 10:
		l := annotate.Label("")
		if e.rng.IntN(2) == 0 {
			l = e.label()
		}
		what = "accept all " + string(l)
		out, _ = w.AcceptAll(l, e.id, annotate.Reader("Ada"), now)
	case 11:
		l := e.label()
		what = "reject all " + string(l)
		out, _ = w.RejectAll(l)
	case 12:
		h, _ = h.Undo()
		return h, "undo"
	case 13:
		h, _ = h.Redo()
		return h, "redo"
	}
	if err != nil {
		return h, what + ": " + err.Error()
	}
	return h.Do(out), what
}

// TestDiffApplyRandom makes random edit sequences on the sample article
// and saves each step as Apply(Diff(previous, next)) does: what Load gives
// back must be the workspace saved, and the counts the library lists must
// be its notes and claims. Now and then it reloads and edits on from the
// loaded workspace, as a reader who reopens the article does.
func TestDiffApplyRandom(t *testing.T) {
	const chunk = 25 // sequences per parallel subtest
	sequences, steps := 200, 8
	if testing.Short() {
		sequences = 50
	}
	base := sampleWorkspace(t, "")
	doc := stored(base, "sample")
	doc.Entities, doc.Recognizer = base.Suggestions, "gold"
	var mu sync.Mutex
	cycles := 0
	t.Cleanup(func() { t.Logf("%d edit/reload cycles in %d sequences", cycles, sequences) })
	for from := 0; from < sequences; from += chunk {
		t.Run(fmt.Sprintf("sequences %d-%d", from, from+chunk-1), func(t *testing.T) {
			t.Parallel()
			for seq := from; seq < from+chunk; seq++ {
				n := randomSequence(t, seq, steps, base, doc)
				mu.Lock()
				cycles += n
				mu.Unlock()
			}
		})
	}
}

// randomSequence runs sequence seq of TestDiffApplyRandom and returns how
// many edit/reload cycles it made.
func randomSequence(t *testing.T, seq, steps int, base annotate.Workspace, doc library.StoredDoc) int {
	s := storeOf(t, doc)
	e := &editor{rng: rand.New(rand.NewPCG(uint64(seq), 5)), clock: t0, next: seq * 1000}
	h := annotate.NewHistory(base)
	var log []string
	for range steps {
		prev := h.Current()
		var what string
		h, what = e.edit(h)
		log = append(log, what)
		next := h.Current()
		if err := s.Apply(library.Diff(prev, next)); err != nil {
			t.Fatalf("sequence %d: %v\nsteps: %q", seq, err, log)
		}
		loaded := loadWorkspace(t, s, base.Doc.ID)
		if diff := diffState(loaded, next); diff != "" {
			t.Fatalf("sequence %d: loaded workspace differs:\n%s\nsteps: %q", seq, diff, log)
		}
		docs, _, _ := s.List()
		claims := 0
		for _, n := range next.Notes {
			if n.Label == annotate.Claim {
				claims++
			}
		}
		if len(docs) != 1 || docs[0].Notes != len(next.Notes) || docs[0].Claims != claims {
			t.Fatalf("sequence %d: the library lists %+v, want %d notes, %d claims\nsteps: %q", seq, docs, len(next.Notes), claims, log)
		}
		if e.rng.IntN(5) == 0 {
			h = annotate.NewHistory(loaded)
			log = append(log, "reload")
		}
	}
	return steps
}

// TestTwoTabs applies the changes of two tabs that opened the same
// workspace and edited different notes: both are kept.
func TestTwoTabs(t *testing.T) {
	w := baseWorkspace()
	s := storeOf(t, stored(w, "paste"))
	a := must(w.SetComment(id(1), "from tab A", t1))
	b := must(w.SetTags(id(4), []string{"from tab B"}, t1))
	b = must(b.Delete(id(3), t1))
	for _, c := range []library.Change{library.Diff(w, a), library.Diff(w, b)} {
		if err := s.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	want := must(must(a.SetTags(id(4), []string{"from tab B"}, t1)).Delete(id(3), t1))
	if diff := diffState(loadWorkspace(t, s, w.Doc.ID), want); diff != "" {
		t.Error(diff)
	}
}

// TestChangeWithTheDocument: a change that hands over the document (as
// Diff does) stores the same as one that makes the store read its text,
// and a document that is not the one named is not used.
func TestChangeWithTheDocument(t *testing.T) {
	_, w, _ := twoDocs(t)
	d := w.Doc
	next := must(w.Relabel(id(4), annotate.Event, t1))
	next = must(next.Reject(key(d, "Britain", 1, annotate.GPE)))
	withDoc := library.Diff(w, next)
	if withDoc.Doc != d {
		t.Fatal("Diff does not hand over the document")
	}
	withoutDoc := withDoc
	withoutDoc.Doc = nil
	wrongDoc := withDoc
	wrongDoc.Doc = annotate.NewDocument("Another text\n\nNothing here.")
	for name, c := range map[string]library.Change{"with the document": withDoc, "without": withoutDoc, "with another document": wrongDoc} {
		s, _, _ := twoDocs(t)
		if err := s.Apply(c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := diffState(loadWorkspace(t, s, d.ID), next); diff != "" {
			t.Errorf("%s: %s", name, diff)
		}
	}
}

// TestTaggingChangeWithTheDocument: a change that replaces a document's
// tagging (its entities and claims) and hands over the document writes the
// same records as one that makes the store read the stored text, and
// refuses the same stored texts records: one of a newer schema, one cut
// short, one of another document.
func TestTaggingChangeWithTheDocument(t *testing.T) {
	_, w, _ := twoDocs(t)
	d := w.Doc
	ents := []annotate.Entity{{Span: at(d, "Britain", 1), Label: annotate.GPE}}
	claims := []annotate.ClaimSuggestion{{Span: at(d, "Britain", 1), Kind: annotate.DirectClaim}}
	tagging := library.Change{DocID: d.ID, PutEntities: &ents, Recognizer: "news/2", PutClaims: &claims, ClaimFinder: "claims/2", Doc: d}
	without := tagging
	without.Doc = nil

	stores := map[string]*library.MemStore{}
	for name, c := range map[string]library.Change{"with the document": tagging, "without": without} {
		s, _, _ := twoDocs(t)
		if err := s.Apply(c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		stores[name] = s
	}
	if a, b := stores["with the document"].Dump(), stores["without"].Dump(); !reflect.DeepEqual(a, b) {
		t.Errorf("the stores differ:\nwith the document: %s\nwithout: %s", a, b)
	}
	got, _, err := stores["with the document"].Load(d.ID)
	if err != nil || len(got.Entities) != 1 || got.Entities[0].Text != "Britain" || len(got.Claims) != 1 || got.Recognizer != "news/2" {
		t.Errorf("the tagging stored reads back as %+v, %+v (%v)", got.Entities, got.Claims, err)
	}

	textRecord := func(s *library.MemStore) []byte {
		for _, r := range s.Dump() {
			if r.Store == library.StoreTexts && r.Key == d.ID {
				return r.Raw
			}
		}
		t.Fatal("no texts record")
		return nil
	}
	for _, tc := range []struct {
		name string
		raw  func(good []byte) []byte
		err  error
	}{
		{"newer schema", func(good []byte) []byte {
			return bytes.Replace(good, []byte(`{"schema":`+strconv.Itoa(library.SchemaVersion)), []byte(`{"schema":99`), 1)
		}, library.ErrNewerSchema},
		{"cut short", func(good []byte) []byte { return good[:len(good)/2] }, library.ErrCorrupt},
		{"of another document", func(good []byte) []byte {
			return bytes.Replace(good, []byte(d.ID), []byte("urn:sha256:"+strings.Repeat("0", 64)), 1)
		}, annotate.ErrBadInput},
	} {
		for name, c := range map[string]library.Change{"with the document": tagging, "without": without} {
			s, _, _ := twoDocs(t)
			s.PutRaw(library.StoreTexts, d.ID, tc.raw(textRecord(s)))
			before := s.Dump()
			err := s.Apply(c)
			if !errors.Is(err, tc.err) {
				t.Errorf("%s, %s: %v, want %v", tc.name, name, err, tc.err)
			}
			if !reflect.DeepEqual(s.Dump(), before) {
				t.Errorf("%s, %s: the refused change wrote to the store", tc.name, name)
			}
		}
	}
}

package library_test

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/library"
)

// twoDocs returns a store holding the base workspace's document and the
// sample article with a note of its own (id 900) and a rejected
// suggestion, and the two workspaces.
func twoDocs(t *testing.T) (*library.MemStore, annotate.Workspace, annotate.Workspace) {
	t.Helper()
	w := baseWorkspace()
	other := sampleWorkspace(t, "")
	other = must(other.Accept(other.Suggestions[0].Key(), id(900), nil, t0))
	other = must(other.Reject(other.Suggestions[0].Key()))
	return storeOf(t, stored(w, "paste"), stored(other, "sample")), w, other
}

func TestApplyRefusesWholly(t *testing.T) {
	s, w, other := twoDocs(t)
	d := w.Doc
	newer := []byte(`{"schema":9,"doc":"` + d.ID + `","annotation":{"future":true}}`)
	s.PutRaw(library.StoreAnnotations, id(77), newer)
	before := s.Dump()

	good := must(w.Relabel(id(4), annotate.Event, t1)).Notes[2]
	bad := func(f func(n *annotate.Note)) annotate.Note { n := w.Notes[0]; f(&n); return n }
	str := func(s string) *string { return &s }
	meta := stored(w, "paste").Meta
	metaWith := func(f func(m *library.DocMeta)) *library.DocMeta { m := meta; f(&m); return &m }
	keyIn := annotate.SuggestionKey{Span: at(d, "Britain", 1), Label: annotate.GPE}
	outside := annotate.SuggestionKey{Span: annotate.Span{Start: 5, End: 9999}, Label: annotate.GPE}
	crlf := "New\r\narticle"
	tests := []struct {
		name string
		c    library.Change
		err  error
		want string
	}{
		{"note outside the text", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good, bad(func(n *annotate.Note) { n.Span.End = 9999 })}},
			annotate.ErrBadSpan, `annotations record "` + id(2)},
		{"note with a bad label", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good, bad(func(n *annotate.Note) { n.Label = "FOO" })}},
			annotate.ErrBadLabel, `annotations record "` + id(2)},
		{"note put twice", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good, good}}, annotate.ErrBadInput, "put twice"},
		{"note put and deleted", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good}, DeleteNotes: []string{good.ID}},
			annotate.ErrBadInput, "both put and deleted"},
		{"note of another document", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good, bad(func(n *annotate.Note) { n.ID = id(900) })}},
			annotate.ErrDuplicate, `annotations record "` + id(900) + `": duplicate: it belongs to document ` + other.Doc.ID},
		{"delete another document's note", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good}, DeleteNotes: []string{id(900)}},
			annotate.ErrDuplicate, "belongs to document"},
		{"delete a newer record", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good}, DeleteNotes: []string{id(77)}},
			library.ErrNewerSchema, `annotations record "` + id(77) + `"`},
		{"text changed", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good}, PutText: str("other")}, annotate.ErrBadInput, "text never changes"},
		{"meta of another document", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good}, PutMeta: metaWith(func(m *library.DocMeta) { m.ID = other.Doc.ID })},
			annotate.ErrBadInput, "PutMeta: its id is"},
		{"title too long", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good}, PutMeta: metaWith(func(m *library.DocMeta) { m.Title = strings.Repeat("t", 301) })},
			annotate.ErrTooLong, `"title"`},
		{"new document without its text", library.Change{DocID: annotate.DocumentID("new"), PutMeta: metaWith(func(m *library.DocMeta) { m.ID = annotate.DocumentID("new") })},
			annotate.ErrNotFound, "a new one needs PutMeta and PutText"},
		{"new document not normalized", library.Change{DocID: annotate.DocumentID(crlf), PutText: &crlf, PutMeta: metaWith(func(m *library.DocMeta) { m.ID = annotate.DocumentID(crlf) })},
			annotate.ErrBadInput, "not normalized"},
		{"unknown document", library.Change{DocID: annotate.DocumentID("nothing"), PutNotes: []annotate.Note{good}}, annotate.ErrNotFound, "no such document"},
		{"malformed document id", library.Change{DocID: "doc"}, annotate.ErrBadID, "apply change to doc"},
		{"recognizer without entities", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good}, Recognizer: "r"}, annotate.ErrBadInput, "Recognizer without PutEntities"},
		{"entity outside the text", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good},
			PutEntities: &[]annotate.Entity{{Span: annotate.Span{Start: 0, End: 9999}, Label: annotate.Person}}}, annotate.ErrBadSpan, "PutEntities[0]"},
		{"decision outside the text", library.Change{DocID: d.ID, PutNotes: []annotate.Note{good}, PutRejected: []annotate.SuggestionKey{keyIn, outside}},
			annotate.ErrBadSpan, "rejected 5-9999 GPE"},
		{"decision put and deleted", library.Change{DocID: d.ID, PutAccepted: []annotate.SuggestionKey{keyIn}, DeleteAccepted: []annotate.SuggestionKey{keyIn}},
			annotate.ErrBadInput, "put or deleted twice"},
		{"decision with a bad label", library.Change{DocID: d.ID, PutRejected: []annotate.SuggestionKey{keyIn, {Span: keyIn.Span, Label: "FOO"}}},
			annotate.ErrBadLabel, "decisions record"},
		{"delete a document and more", library.Change{DocID: d.ID, DeleteDoc: true, PutNotes: []annotate.Note{good}}, annotate.ErrBadInput, "DeleteDoc comes alone"},
		{"delete an unknown document", library.Change{DocID: annotate.DocumentID("nothing"), DeleteDoc: true}, annotate.ErrNotFound, "no such document"},
		{"delete a document with a newer record", library.Change{DocID: d.ID, DeleteDoc: true}, library.ErrNewerSchema, "never overwrites a newer record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Apply(tt.c)
			if err == nil {
				t.Fatal("applied, want an error")
			}
			if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q: want %q wrapping %q", err, tt.want, tt.err)
			}
			if !reflect.DeepEqual(s.Dump(), before) {
				t.Error("the store changed")
			}
		})
	}
}

func TestFailWrites(t *testing.T) {
	s, w, other := twoDocs(t)
	before := s.Dump()
	quota := fmt.Errorf("%w: QuotaExceededError", library.ErrQuota)
	s.FailWrites(quota)
	fresh, err := library.NewStoredDoc("A new article\n\nBy me.", "paste", t1)
	if err != nil {
		t.Fatal(err)
	}
	changes := []struct {
		name string
		c    library.Change
	}{
		{"relabel", library.Diff(w, must(w.Relabel(id(4), annotate.Event, t1)))},
		{"delete", library.Diff(w, must(w.Delete(id(1), t1)))},
		{"new document", library.PutDoc(fresh)},
		{"delete a document", library.Change{DocID: other.Doc.ID, DeleteDoc: true}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			if err := s.Apply(c.c); !errors.Is(err, library.ErrQuota) {
				t.Errorf("Apply: %v, want ErrQuota", err)
			}
			if !reflect.DeepEqual(s.Dump(), before) {
				t.Error("the store changed")
			}
		})
	}
	if err := s.Apply(library.Diff(w, w)); err != nil {
		t.Errorf("a change with nothing to write fails on a full storage: %v", err)
	}
	s.FailWrites(nil)
	next := must(w.Relabel(id(4), annotate.Event, t1))
	if err := s.Apply(library.Diff(w, next)); err != nil {
		t.Fatal(err)
	}
	if diff := diffState(loadWorkspace(t, s, w.Doc.ID), next); diff != "" {
		t.Error(diff)
	}
}

func TestCorruptRecords(t *testing.T) {
	s, w, other := twoDocs(t)
	d := w.Doc
	garbage := []byte(`{"schema":1,"doc":"` + d.ID + `","annotation":{"id":"broken"}}`)
	s.PutRaw(library.StoreAnnotations, id(50), garbage)
	s.PutRaw(library.StoreAnnotations, "junk", []byte("\x00\xffnot json")) // in no document's index
	newer := []byte(`{"schema":3,"doc":"` + d.ID + `","annotation":{}}`)
	s.PutRaw(library.StoreAnnotations, id(60), newer)
	dup, _ := library.EncodeNote(d.ID, func() annotate.Note { n := w.Notes[0]; n.ID = id(70); return n }(), d)
	s.PutRaw(library.StoreAnnotations, id(70), dup)
	badKey, _ := library.EncodeDecision(d.ID, library.DecisionRejected, annotate.SuggestionKey{Span: at(d, "Britain", 1), Label: annotate.GPE})
	s.PutRaw(library.StoreDecisions, "wrong key", badKey)
	lostID := annotate.DocumentID("Lost article")
	lost := []byte(`{"schema":1,"id":"` + lostID + `","title":"Lost","text":`)
	s.PutRaw(library.StoreDocuments, lostID, lost)

	t.Run("load skips and reports", func(t *testing.T) {
		doc, problems, err := s.Load(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []struct {
			key string
			err error
			raw []byte
		}{{id(50), library.ErrCorrupt, garbage}, {id(60), library.ErrNewerSchema, newer}, {id(70), annotate.ErrDuplicate, dup}, {"wrong key", library.ErrCorrupt, badKey}}
		if len(problems) != len(want) {
			t.Fatalf("problems %v, want %d", problems, len(want))
		}
		for i, p := range problems {
			if p.Key != want[i].key || !errors.Is(p, want[i].err) || !bytes.Equal(p.Raw, want[i].raw) || !strings.Contains(p.Error(), want[i].key) {
				t.Errorf("problem %d: %q (%s), want %s wrapping %v", i, p, p.Raw, want[i].key, want[i].err)
			}
		}
		ws, err := doc.Workspace()
		if err != nil {
			t.Fatal(err)
		}
		if diff := diffState(ws, w); diff != "" {
			t.Error(diff)
		}
	})
	t.Run("list skips and reports", func(t *testing.T) {
		docs, problems, err := s.List()
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 2 || len(problems) != 1 || problems[0].Key != lostID || !bytes.Equal(problems[0].Raw, lost) || !errors.Is(problems[0], library.ErrCorrupt) {
			t.Errorf("List: %+v, problems %v", docs, problems)
		}
		ids := []string{docs[0].ID, docs[1].ID}
		if !reflect.DeepEqual(ids, []string{other.Doc.ID, d.ID}) && !reflect.DeepEqual(ids, []string{d.ID, other.Doc.ID}) {
			t.Errorf("List: %v", ids)
		}
	})
	t.Run("a corrupt document fails Load", func(t *testing.T) {
		_, problems, err := s.Load(lostID)
		if !errors.Is(err, library.ErrCorrupt) || len(problems) != 1 || !bytes.Equal(problems[0].Raw, lost) {
			t.Errorf("Load: %v, %v", err, problems)
		}
		if err := s.Apply(library.Change{DocID: lostID, PutMeta: &library.DocMeta{ID: lostID, Title: "x", Added: t0}}); !errors.Is(err, library.ErrCorrupt) {
			t.Errorf("Apply to it: %v, want ErrCorrupt", err)
		}
	})
	t.Run("raw keeps the bytes", func(t *testing.T) {
		recs, err := s.Raw(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		found := map[string][]byte{}
		for _, r := range recs {
			found[r.Store+" "+r.Key] = r.Raw
		}
		for key, raw := range map[string][]byte{"annotations " + id(50): garbage, "annotations " + id(60): newer, "decisions wrong key": badKey} {
			if !bytes.Equal(found[key], raw) {
				t.Errorf("Raw: %s is %q, want %q", key, found[key], raw)
			}
		}
		if lostRecs, err := s.Raw(lostID); err != nil || len(lostRecs) != 1 || !bytes.Equal(lostRecs[0].Raw, lost) {
			t.Errorf("Raw of the lost document: %v, %v", lostRecs, err)
		}
	})
	t.Run("editing leaves them alone", func(t *testing.T) {
		next := must(w.Relabel(id(4), annotate.Event, t1))
		next = must(next.Delete(id(3), t1))
		if err := s.Apply(library.Diff(w, next)); err != nil {
			t.Fatal(err)
		}
		recs, _ := s.Raw(d.ID)
		for _, r := range recs {
			if r.Key == id(50) && !bytes.Equal(r.Raw, garbage) || r.Key == id(60) && !bytes.Equal(r.Raw, newer) || r.Key == id(70) && !bytes.Equal(r.Raw, dup) {
				t.Errorf("%s changed: %s", r.Key, r.Raw)
			}
		}
		doc, _, _ := s.Load(d.ID)
		ws, _ := doc.Workspace()
		if diff := diffState(ws, next); diff != "" {
			t.Error(diff)
		}
	})
}

func TestDeleteDoc(t *testing.T) {
	s, w, other := twoDocs(t)
	setting, _ := library.EncodeSetting("Ada")
	s.PutRaw(library.StoreSettings, "reader", setting)
	s.PutRaw(library.StoreAnnotations, id(50), []byte(`{"schema":1,"doc":"`+w.Doc.ID+`","annotation":null}`))
	saved, _, err := s.Load(w.Doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := storeOf(t, stored(other, "sample"))
	want.PutRaw(library.StoreSettings, "reader", setting)

	if err := s.Apply(library.Change{DocID: w.Doc.ID, DeleteDoc: true}); err != nil {
		t.Fatal(err)
	}
	if got := s.Dump(); !reflect.DeepEqual(got, want.Dump()) {
		t.Errorf("after DeleteDoc the store holds\n%q\nwant\n%q", got, want.Dump())
	}
	if _, _, err := s.Load(w.Doc.ID); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("Load: %v, want ErrNotFound", err)
	}
	if err := s.Apply(library.Change{DocID: w.Doc.ID, DeleteDoc: true}); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("deleting again: %v, want ErrNotFound", err)
	}
	// Undo: the document comes back whole.
	if err := s.Apply(library.PutDoc(saved)); err != nil {
		t.Fatal(err)
	}
	if diff := diffState(loadWorkspace(t, s, w.Doc.ID), w); diff != "" {
		t.Error(diff)
	}
}

func TestSeedSample(t *testing.T) {
	s := library.NewMemStore()
	text := sampleText(t)
	for i := range 2 {
		if err := library.SeedSample(s, text, t1); err != nil {
			t.Fatal(err)
		}
		docs, problems, err := s.List()
		if err != nil || len(problems) > 0 || len(docs) != 1 {
			t.Fatalf("call %d: %+v %v %v", i+1, docs, problems, err)
		}
		m := docs[0]
		if m.Source != "sample" || m.Title != "Amid Concerns Of Russian “Snooping”, UK Warns Government Agencies To Not Use Kaspersky Software" ||
			!m.Added.Equal(t1) || m.Added.Location().String() != "UTC" || m.ID != annotate.DocumentID(text) {
			t.Errorf("call %d: %+v", i+1, m)
		}
	}
	// A library with other documents does not get it back.
	s = storeOf(t, stored(baseWorkspace(), "paste"))
	before := s.Dump()
	if err := library.SeedSample(s, text, t1); err != nil || !reflect.DeepEqual(s.Dump(), before) {
		t.Errorf("seeding a library that holds a document: %v", err)
	}
}

func TestStoredDocWorkspace(t *testing.T) {
	w := baseWorkspace()
	good := stored(w, "paste")
	with := func(f func(s *library.StoredDoc)) library.StoredDoc {
		s := good
		s.Notes = clone(w).Notes
		f(&s)
		return s
	}
	tests := []struct {
		name string
		s    library.StoredDoc
		err  error
		want string
	}{
		{"text not the id's", with(func(s *library.StoredDoc) { s.Text += "!" }), annotate.ErrBadInput, `documents record "` + w.Doc.ID},
		{"two notes with one id", with(func(s *library.StoredDoc) { s.Notes = append(s.Notes, s.Notes[3]) }), annotate.ErrDuplicate, `annotations record "` + id(3)},
		{"two notes with one span and label", with(func(s *library.StoredDoc) { n := s.Notes[3]; n.ID = id(8); s.Notes = append(s.Notes, n) }),
			annotate.ErrDuplicate, `annotations record "` + id(8)},
		{"span outside the text", with(func(s *library.StoredDoc) { s.Notes[0].Span.End = 999 }), annotate.ErrBadSpan, `annotations record "`},
		{"verdict on a PERSON", with(func(s *library.StoredDoc) { s.Notes[1].Verdict = annotate.False }), annotate.ErrNotClaim, `annotations record "` + id(1)},
		{"decision outside the text", with(func(s *library.StoredDoc) {
			s.Rejected = []annotate.SuggestionKey{{Span: annotate.Span{Start: 0, End: 999}, Label: annotate.GPE}}
		}), annotate.ErrBadSpan, `decisions record "` + w.Doc.ID + ` rejected 0-999 GPE"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.s.Workspace()
			if !errors.Is(err, tt.err) || err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v: want %q wrapping %q", err, tt.want, tt.err)
			}
		})
	}
	t.Run("a missing speaker is dropped", func(t *testing.T) {
		s := with(func(s *library.StoredDoc) { s.Notes = s.Notes[1:] }) // without note 1, claim 2's speaker
		ws, err := s.Workspace()
		if err != nil {
			t.Fatal(err)
		}
		if c, _ := ws.Note(id(2)); !c.Speaker.IsZero() {
			t.Errorf("claim keeps speaker %+v", c.Speaker)
		}
	})
	t.Run("suggestions from the entities", func(t *testing.T) {
		s := with(func(s *library.StoredDoc) { s.Entities, s.Recognizer = baseEntities(), recName })
		ws, err := s.Workspace()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ws.Suggestions, w.Suggestions) || ws.Recognizer != recName || ws.Doc.Title != good.Meta.Title {
			t.Errorf("suggestions %v, want %v", ws.Suggestions, w.Suggestions)
		}
	})
}

// TestApplyAll applies several changes as one: each sees what the ones
// before it wrote, and one that fails leaves the store exactly as it was.
func TestApplyAll(t *testing.T) {
	s, w, other := twoDocs(t)
	d := w.Doc
	fresh, err := library.NewStoredDoc("A new article\n\nAnn Lee wrote it.", "paste", t1)
	if err != nil {
		t.Fatal(err)
	}
	fd := annotate.NewDocument(fresh.Text)
	empty := annotate.NewWorkspace(fd)
	fw := must(empty.Create(at(fd, "Ann Lee", 1), annotate.Person, id(500), nil, t1))
	fw2 := must(fw.Create(at(fd, "article", 1), annotate.Misc, id(501), nil, t1))
	relabeled := must(w.Relabel(id(4), annotate.Event, t1))
	deleted := must(relabeled.Delete(id(3), t1))

	t.Run("each change sees the ones before", func(t *testing.T) {
		s, _, _ := twoDocs(t)
		changes := []library.Change{
			library.PutDoc(fresh),      // a new document…
			library.Diff(empty, fw),    // …a note on it…
			library.Diff(fw, fw2),      // …and another, counted
			library.Diff(w, relabeled), // two steps on another document
			library.Diff(relabeled, deleted),
		}
		if err := s.ApplyAll(changes); err != nil {
			t.Fatal(err)
		}
		if diff := diffState(loadWorkspace(t, s, fd.ID), fw2); diff != "" {
			t.Error(diff)
		}
		if diff := diffState(loadWorkspace(t, s, d.ID), deleted); diff != "" {
			t.Error(diff)
		}
		docs, _, _ := s.List()
		for _, m := range docs {
			if m.ID == fd.ID && (m.Notes != 2 || m.Claims != 0) {
				t.Errorf("the new document lists %d notes, %d claims; want 2, 0", m.Notes, m.Claims)
			}
		}
	})
	t.Run("a bad change halfway changes nothing", func(t *testing.T) {
		before := s.Dump()
		bad := library.Diff(other, other)
		bad.PutNotes = []annotate.Note{{ID: id(600), Span: annotate.Span{Start: 0, End: 99999}, Label: annotate.Person}}
		err := s.ApplyAll([]library.Change{library.PutDoc(fresh), library.Diff(w, relabeled), bad, library.Diff(relabeled, deleted)})
		if !errors.Is(err, annotate.ErrBadSpan) {
			t.Errorf("ApplyAll: %v, want ErrBadSpan", err)
		}
		if !reflect.DeepEqual(s.Dump(), before) {
			t.Error("the store changed")
		}
	})
	t.Run("a full storage changes nothing", func(t *testing.T) {
		before := s.Dump()
		s.FailWrites(fmt.Errorf("%w: QuotaExceededError", library.ErrQuota))
		defer s.FailWrites(nil)
		if err := s.ApplyAll([]library.Change{library.PutDoc(fresh), library.Diff(w, relabeled)}); !errors.Is(err, library.ErrQuota) {
			t.Errorf("ApplyAll: %v, want ErrQuota", err)
		}
		if !reflect.DeepEqual(s.Dump(), before) {
			t.Error("the store changed")
		}
	})
	t.Run("put then delete", func(t *testing.T) {
		s, _, _ := twoDocs(t)
		gone := must(w.Delete(id(4), t1))
		if err := s.ApplyAll([]library.Change{library.Diff(w, relabeled), library.Diff(relabeled, must(relabeled.Delete(id(4), t1)))}); err != nil {
			t.Fatal(err)
		}
		if diff := diffState(loadWorkspace(t, s, d.ID), gone); diff != "" {
			t.Error(diff)
		}
	})
}

// TestTwoCreatorsOneSpan: notes of two creators with the same span and
// label are both kept, loaded and built into the workspace; the same
// creator's second one (two tabs made the same note) is still a
// duplicate (issue #9, B2).
func TestTwoCreatorsOneSpan(t *testing.T) {
	s, w, _ := twoDocs(t)
	d := w.Doc
	first := w.Notes[1] // note 1, PERSON "Ann Lee", by Ada
	bob := first
	bob.ID, bob.Creator, bob.ProposedBy = id(80), *annotate.Reader("Bob"), nil
	again := bob
	again.ID = id(81)
	rawBob, err := library.EncodeNote(d.ID, bob, d)
	if err != nil {
		t.Fatal(err)
	}
	rawAgain, _ := library.EncodeNote(d.ID, again, d)
	s.PutRaw(library.StoreAnnotations, bob.ID, rawBob)
	s.PutRaw(library.StoreAnnotations, again.ID, rawAgain)
	doc, problems, err := s.Load(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Key != id(81) || !errors.Is(problems[0], annotate.ErrDuplicate) {
		t.Errorf("problems %v, want Bob's second note a duplicate", problems)
	}
	ws, err := doc.Workspace()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ws.Note(bob.ID); !ok || len(ws.Notes) != len(w.Notes)+1 {
		t.Errorf("the workspace holds %d notes, want Ada's and Bob's", len(ws.Notes))
	}
}

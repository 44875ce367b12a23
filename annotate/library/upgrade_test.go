package library_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/w3c"
)

// v1Document returns the documents record of s as schema 1 wrote it: the
// metadata and the text in one record.
func v1Document(s library.StoredDoc) []byte {
	raw, _ := json.Marshal(map[string]any{
		"schema": 1, "id": s.Meta.ID, "title": s.Meta.Title, "added": w3c.Timestamp(s.Meta.Added),
		"source": s.Meta.Source, "text": s.Text, "entities": s.Entities, "recognizer": s.Recognizer,
		"notes": s.Meta.Notes, "claims": s.Meta.Claims,
	})
	return raw
}

// v1 turns a record of schema 2 whose fields schema 1 shared into schema 1.
func v1(raw []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return bytes.Replace(raw, []byte(`{"schema":2,`), []byte(`{"schema":1,`), 1)
}

// v1Library returns the records of a database that Glossa's schema 1 wrote:
// two documents with notes, decisions, entities and orphans, a setting, a
// documents record that cannot be read and one of a newer schema.
func v1Library(t *testing.T) (recs []library.RawRecord, docs []library.StoredDoc) {
	w := must(baseWorkspace().Reject(key(noteDoc(), "Britain", 1, annotate.GPE)))
	a := stored(w, "paste")
	a.Entities, a.Recognizer = baseEntities(), recName
	a.Orphans = []library.Orphan{{Raw: []byte(`{"id":"urn:x:1","target":"https://elsewhere.example/"}`), Reason: "no selector"}}
	b := stored(sampleWorkspace(t, ""), "sample")
	b.Entities = []annotate.Entity{}
	for _, s := range []library.StoredDoc{a, b} {
		d := annotate.NewDocument(s.Text)
		recs = append(recs, library.RawRecord{Store: library.StoreDocuments, Key: s.Meta.ID, Raw: v1Document(s)})
		for _, n := range s.Notes {
			recs = append(recs, library.RawRecord{Store: library.StoreAnnotations, Key: n.ID, Raw: v1(library.EncodeNote(s.Meta.ID, n, d))})
		}
		for _, k := range s.Rejected {
			recs = append(recs, library.RawRecord{Store: library.StoreDecisions, Key: library.DecisionKey(s.Meta.ID, library.DecisionRejected, k),
				Raw: v1(library.EncodeDecision(s.Meta.ID, library.DecisionRejected, k))})
		}
		for _, k := range s.Accepted {
			recs = append(recs, library.RawRecord{Store: library.StoreDecisions, Key: library.DecisionKey(s.Meta.ID, library.DecisionAccepted, k),
				Raw: v1(library.EncodeDecision(s.Meta.ID, library.DecisionAccepted, k))})
		}
	}
	orphans, _ := json.Marshal([]map[string]any{{"raw": json.RawMessage(a.Orphans[0].Raw), "reason": a.Orphans[0].Reason}})
	recs = append(recs,
		library.RawRecord{Store: library.StoreSettings, Key: library.OrphansKey(a.Meta.ID), Raw: v1(library.EncodeSetting(json.RawMessage(orphans)))},
		library.RawRecord{Store: library.StoreSettings, Key: "reader", Raw: v1(library.EncodeSetting("Ada"))},
		library.RawRecord{Store: library.StoreDocuments, Key: annotate.DocumentID("lost"), Raw: []byte(`{"schema":1,"id":"` + annotate.DocumentID("lost") + `","text":`)},
		library.RawRecord{Store: library.StoreDocuments, Key: annotate.DocumentID("future"), Raw: []byte(`{"schema":3,"id":"` + annotate.DocumentID("future") + `"}`)},
	)
	a.Orphans[0].Annotation = w3c.Annotation{ID: "urn:x:1"}
	return recs, []library.StoredDoc{a, b}
}

// TestUpgradeV1 opens a database that schema 1 wrote, as the browser does:
// Upgrade on every record, its writes made, and then the library read.
// Nothing is lost, what cannot be read stays as it was, and upgrading
// again changes nothing.
func TestUpgradeV1(t *testing.T) {
	recs, docs := v1Library(t)
	s := library.NewMemStore()
	for _, r := range recs {
		s.PutRaw(r.Store, r.Key, r.Raw)
	}
	upgrade := func() int {
		n := 0
		for _, r := range s.Dump() {
			for _, w := range library.Upgrade(1, r) {
				if w.Delete {
					t.Fatalf("the upgrade deletes %s %s", w.Store, w.Key)
				}
				s.PutRaw(w.Store, w.Key, w.Raw)
				n++
			}
		}
		return n
	}
	if n := upgrade(); n != 4 {
		t.Errorf("the upgrade made %d writes, want 4 (two documents split in two)", n)
	}
	list, problems, err := s.List()
	if err != nil || len(list) != 2 {
		t.Fatalf("List: %+v, %v", list, err)
	}
	raw := map[string][]byte{}
	for _, r := range recs {
		raw[r.Store+" "+r.Key] = r.Raw
	}
	if len(problems) != 2 {
		t.Fatalf("problems %v, want the lost and the newer document", problems)
	}
	for _, p := range problems {
		want := library.ErrCorrupt
		if p.Key == annotate.DocumentID("future") {
			want = library.ErrNewerSchema
		}
		if !errors.Is(p, want) || !bytes.Equal(p.Raw, raw[p.Store+" "+p.Key]) {
			t.Errorf("problem %v (%s), want %v and the record as it was", p, p.Raw, want)
		}
	}
	for _, want := range docs {
		got, problems, err := s.Load(want.Meta.ID)
		if err != nil || len(problems) > 0 {
			t.Fatalf("Load %s: %v, %v", want.Meta.ID, problems, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("after the upgrade %s loads as\n%+v\nwant\n%+v", want.Meta.ID, got, want)
		}
	}
	if setting, _ := s.Raw(docs[0].Meta.ID); len(setting) == 0 {
		t.Error("Raw finds nothing")
	}
	// Upgrading again writes nothing, and the records that cannot be read
	// are still there, byte for byte.
	before := s.Dump()
	if n := upgrade(); n != 0 || !reflect.DeepEqual(s.Dump(), before) {
		t.Errorf("a second upgrade made %d writes", n)
	}
	for _, r := range before {
		if r.Store == library.StoreDocuments && (r.Key == annotate.DocumentID("lost") || r.Key == annotate.DocumentID("future")) && !bytes.Equal(r.Raw, raw[r.Store+" "+r.Key]) {
			t.Errorf("%s changed: %s", r.Key, r.Raw)
		}
	}
	// The library works on: a change writes schema 2.
	w := loadWorkspace(t, s, docs[0].Meta.ID)
	next := must(w.Relabel(id(4), annotate.Event, t1))
	if err := s.Apply(library.Diff(w, next)); err != nil {
		t.Fatal(err)
	}
	if diff := diffState(loadWorkspace(t, s, docs[0].Meta.ID), next); diff != "" {
		t.Error(diff)
	}
}

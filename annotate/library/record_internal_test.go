package library

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/w3c"
)

// withFakeV0 installs, for one test, a migration from a fake schema 0 of
// annotations records (no "schema", the annotation under "note") to schema
// 1; the real migration from 1 to 2 follows it.
func withFakeV0(t *testing.T) {
	saved := migrations[StoreAnnotations][0]
	t.Cleanup(func() { migrations[StoreAnnotations][0] = saved })
	migrations[StoreAnnotations][0] = func(rec map[string]json.RawMessage) error {
		if _, ok := rec["annotation"]; ok {
			return errors.New(`a schema 0 record has no "annotation"`)
		}
		rec["annotation"] = rec["note"]
		delete(rec, "note")
		return nil
	}
}

const oldText = "Old article\n\nAnn Lee wrote it."

// v0Note returns a note on oldText and its annotations record of the
// fake schema 0.
func v0Note(t *testing.T) (annotate.Note, []byte) {
	d := annotate.NewDocument(oldText)
	w, err := annotate.NewWorkspace(d).Create(annotate.Span{Start: 13, End: 20}, annotate.Person,
		"urn:uuid:00000000-0000-7000-8000-000000000001", nil, time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	ann, _ := json.Marshal(w3c.NoteAnnotation(w.Notes[0], d))
	raw, _ := json.Marshal(map[string]any{"doc": d.ID, "note": json.RawMessage(ann)})
	return w.Notes[0], raw
}

func TestMigrateFakeV0(t *testing.T) {
	withFakeV0(t)
	n, v0 := v0Note(t)
	tests := []struct {
		name string
		raw  []byte
		want string // "" for success
	}{
		{"v0 annotation gets its field", v0, ""},
		{"v0 annotation with the new field is refused", func() []byte {
			var m map[string]any
			_ = json.Unmarshal(v0, &m)
			m["annotation"] = m["note"]
			raw, _ := json.Marshal(m)
			return raw
		}(), `migrate annotations record from schema 0: a schema 0 record has no "annotation"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Migrate(StoreAnnotations, tt.raw)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), `"schema":2`) {
				t.Errorf("migrated to %s, want schema 2", out)
			}
			d := annotate.NewDocument(oldText)
			_, got, err := DecodeNote(out, d)
			if err != nil || got.ID != n.ID || got.Span != n.Span {
				t.Errorf("migrated record decodes as %+v, %v", got, err)
			}
			if again, err := Migrate(StoreAnnotations, out); err != nil || string(again) != string(out) {
				t.Errorf("a migrated record migrates again: %s, %v", again, err)
			}
			// Decoding migrates by itself.
			if _, got2, err := DecodeNote(tt.raw, d); err != nil || got2.ID != got.ID {
				t.Errorf("DecodeNote of the v0 record: %+v, %v", got2, err)
			}
		})
	}
}

// TestMigrateInStore reads a v0 record through a MemStore, and checks that
// the next change to it writes it at SchemaVersion.
func TestMigrateInStore(t *testing.T) {
	withFakeV0(t)
	n, v0 := v0Note(t)
	s := NewMemStore()
	doc, err := NewStoredDoc(oldText, "paste", time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(PutDoc(doc)); err != nil {
		t.Fatal(err)
	}
	s.PutRaw(StoreAnnotations, n.ID, v0)
	loaded, problems, err := s.Load(doc.Meta.ID)
	if err != nil || len(problems) > 0 || len(loaded.Notes) != 1 || loaded.Notes[0].ID != n.ID {
		t.Fatalf("Load: %+v, %v, %v", loaded.Notes, problems, err)
	}
	w, err := loaded.Workspace()
	if err != nil {
		t.Fatal(err)
	}
	next, err := w.Relabel(n.ID, annotate.Org, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(Diff(w, next)); err != nil {
		t.Fatal(err)
	}
	raw, _ := s.Raw(doc.Meta.ID)
	for _, r := range raw {
		if r.Store == StoreAnnotations && !strings.HasPrefix(string(r.Raw), `{"schema":2,`) {
			t.Errorf("rewritten as %s", r.Raw)
		}
	}
}

// TestDecodeDocumentFast: what the one-pass reader of documents records
// takes, the general reader reads the same; the rest it leaves to it.
func TestDecodeDocumentFast(t *testing.T) {
	added := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	good, err := EncodeDocument(DocMeta{ID: annotate.DocumentID("x"), Title: `Zoé "quoted" <b> & \ 👍🏽`, Added: added, Source: "https://example.org/a?b=1&c=2", Notes: 12, Claims: 3})
	if err != nil {
		t.Fatal(err)
	}
	id := annotate.DocumentID("x")
	for _, c := range []struct {
		name string
		raw  string
		fast bool
	}{
		{"as written", string(good), true},
		{"plain", `{"schema":2,"id":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0}`, true},
		{"escapes", `{"schema":2,"id":"` + id + `","title":"T\u00e9\"\n","added":"2026-11-27T12:00:00Z","source":"s\\x","notes":0,"claims":0}`, true},
		{"white space", `{"schema":2, "id":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0}`, false},
		{"order", `{"schema":2,"title":"T","id":"` + id + `","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0}`, false},
		{"upper-case key", `{"schema":2,"ID":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0}`, false},
		{"more fields", `{"schema":2,"id":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0,"x":1}`, false},
		{"trailing", `{"schema":2,"id":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0} x`, false},
		{"leading zero", `{"schema":2,"id":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":01,"claims":0}`, false},
		{"fraction", `{"schema":2,"id":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":1.5,"claims":0}`, false},
		{"control character", "{\"schema\":2,\"id\":\"" + id + "\",\"title\":\"T\x01\",\"added\":\"2026-11-27T12:00:00Z\",\"source\":\"\",\"notes\":0,\"claims\":0}", false},
		{"invalid UTF-8", "{\"schema\":2,\"id\":\"" + id + "\",\"title\":\"T\xff\",\"added\":\"2026-11-27T12:00:00Z\",\"source\":\"\",\"notes\":0,\"claims\":0}", false},
		{"bad escape", `{"schema":2,"id":"` + id + `","title":"T\q","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0}`, false},
		{"offset time", `{"schema":2,"id":"` + id + `","title":"T","added":"2026-11-27T13:00:00+01:00","source":"","notes":0,"claims":0}`, true},
		{"review URL", `{"schema":2,"id":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0,"review_url":"https://example.org/r"}`, true},
		{"review URL first", `{"schema":2,"review_url":"https://example.org/r","id":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0}`, false},
		{"newer", `{"schema":3,"id":"` + id + `","title":"T","added":"2026-11-27T12:00:00Z","source":"","notes":0,"claims":0}`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, ok := decodeDocumentFast([]byte(c.raw))
			if ok != c.fast {
				t.Fatalf("fast path took it: %v, want %v", ok, c.fast)
			}
			if !ok {
				return
			}
			r, err := openRecord(StoreDocuments, []byte(c.raw), "id", "title", "added", "source", "notes", "claims")
			if err != nil {
				r, err = openRecord(StoreDocuments, []byte(c.raw), "id", "title", "added", "source", "notes", "claims", "review_url")
			}
			if err != nil {
				t.Fatalf("the general path refuses it: %v", err)
			}
			var want DocMeta
			var addedS string
			want.ID, _ = r.str("id")
			want.Title, _ = r.str("title")
			addedS, _ = r.str("added")
			want.Source, _ = r.str("source")
			want.Notes, _ = r.num("notes")
			want.Claims, _ = r.num("claims")
			want.Added, _ = w3c.ParseTime("added", addedS)
			if _, ok := r["review_url"]; ok {
				want.ReviewURL, _ = r.str("review_url")
			}
			if m != want {
				t.Errorf("fast %+v, general %+v", m, want)
			}
		})
	}
}

// TestMigrateEvidence: a note that schema 1 stored with an evidence URL
// holding characters no URL holds still reads, with them percent-encoded
// (issue #9, B4).
func TestMigrateEvidence(t *testing.T) {
	d := annotate.NewDocument(oldText)
	w, err := annotate.NewWorkspace(d).Create(annotate.Span{Start: 13, End: 29}, annotate.Claim,
		"urn:uuid:00000000-0000-7000-8000-000000000001", nil, time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	w, err = w.SetClaim(w.Notes[0].ID, annotate.Speaker{}, annotate.False, "https://example.org/placeholder", time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := EncodeNote(d.ID, w.Notes[0], d)
	if err != nil {
		t.Fatal(err)
	}
	old := strings.Replace(strings.Replace(string(raw), `"schema":2`, `"schema":1`, 1),
		"https://example.org/placeholder", `https://example.org/a b\"<c>`, 1)
	_, n, err := DecodeNote([]byte(old), d)
	if err != nil {
		t.Fatalf("the schema 1 record does not read: %v\n%s", err, old)
	}
	if want := "https://example.org/a%20b%22%3Cc%3E"; n.Evidence != want {
		t.Errorf("evidence %q, want %q", n.Evidence, want)
	}
	// A schema 2 record is not repaired: it never held such a URL.
	newer := strings.Replace(old, `"schema":1`, `"schema":2`, 1)
	if _, _, err := DecodeNote([]byte(newer), d); !errors.Is(err, annotate.ErrBadURL) {
		t.Errorf("a schema 2 record with a bad URL: %v, want ErrBadURL", err)
	}
}

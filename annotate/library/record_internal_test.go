package library

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
)

// withFakeV0 installs, for one test, a migration from a fake schema 0 of
// documents records (no "schema" and no "source") to schema 1: the source
// becomes "unknown".
func withFakeV0(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = map[string]map[int]migration{StoreDocuments: {0: func(rec map[string]json.RawMessage) error {
		if _, ok := rec["source"]; ok {
			return errors.New(`a schema 0 record has no "source"`)
		}
		rec["source"] = json.RawMessage(`"unknown"`)
		return nil
	}}}
}

// v0Document is a documents record of the fake schema 0.
func v0Document(text string) []byte {
	raw, _ := json.Marshal(map[string]any{
		"id": annotate.DocumentID(text), "title": "Old", "added": "2025-01-02T03:04:05Z", "text": text,
		"entities": nil, "recognizer": "", "notes": 0, "claims": 0,
	})
	return raw
}

func TestMigrateFakeV0(t *testing.T) {
	withFakeV0(t)
	const text = "Old article\n\nAnn Lee wrote it."
	tests := []struct {
		name string
		raw  []byte
		want string // "" for success
	}{
		{"v0 document gets a source", v0Document(text), ""},
		{"v0 document with a source is refused", func() []byte {
			var m map[string]any
			_ = json.Unmarshal(v0Document(text), &m)
			m["source"] = "x"
			raw, _ := json.Marshal(m)
			return raw
		}(), `migrate documents record from schema 0: a schema 0 record has no "source"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Migrate(StoreDocuments, tt.raw)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			s, err := DecodeDocument(out)
			if err != nil {
				t.Fatal(err)
			}
			if s.Meta.Source != "unknown" || s.Meta.Title != "Old" || s.Text != text {
				t.Errorf("migrated to %+v", s.Meta)
			}
			if again, err := Migrate(StoreDocuments, out); err != nil || string(again) != string(out) {
				t.Errorf("a migrated record migrates again: %s, %v", again, err)
			}
			// Decoding migrates by itself.
			if s2, err := DecodeDocument(tt.raw); err != nil || s2.Meta != s.Meta {
				t.Errorf("DecodeDocument of the v0 record: %+v, %v", s2.Meta, err)
			}
		})
	}
}

// TestMigrateInStore reads a v0 record through a MemStore, and checks that
// the next change to the document writes it at SchemaVersion.
func TestMigrateInStore(t *testing.T) {
	withFakeV0(t)
	const text = "Old article\n\nAnn Lee wrote it."
	s := NewMemStore()
	id := annotate.DocumentID(text)
	s.PutRaw(StoreDocuments, id, v0Document(text))
	docs, problems, err := s.List()
	if err != nil || len(problems) > 0 || len(docs) != 1 || docs[0].Source != "unknown" {
		t.Fatalf("List: %+v, %v, %v", docs, problems, err)
	}
	meta := docs[0]
	meta.Title = "Renamed"
	if err := s.Apply(Change{DocID: id, PutMeta: &meta}); err != nil {
		t.Fatal(err)
	}
	raw, _ := s.Raw(id)
	if !strings.HasPrefix(string(raw[0].Raw), `{"schema":1,`) || !strings.Contains(string(raw[0].Raw), `"source":"unknown"`) {
		t.Errorf("rewritten as %s", raw[0].Raw)
	}
	doc, _, err := s.Load(id)
	if err != nil || doc.Meta.Title != "Renamed" || !doc.Meta.Added.Equal(time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Errorf("Load: %+v, %v", doc.Meta, err)
	}
}

package library_test

import (
	"encoding/json"
	"errors"
	"testing"

	"glossa/annotate"
	"glossa/annotate/library"
)

func TestSettings(t *testing.T) {
	s := library.NewMemStore()
	if _, ok, err := s.Setting(library.SettingPreferences); ok || err != nil {
		t.Fatalf("a new library has preferences: %v, %v", ok, err)
	}
	set := func(name string, v json.RawMessage) error {
		return s.Apply(library.Change{Setting: &library.SettingChange{Name: name, Value: v}})
	}
	if err := set(library.SettingPreferences, json.RawMessage(`{"name": "Ada", "org": "Fact Desk"}`)); err != nil {
		t.Fatal(err)
	}
	v, ok, err := s.Setting(library.SettingPreferences)
	if err != nil || !ok || string(v) != `{"name":"Ada","org":"Fact Desk"}` {
		t.Errorf("preferences %s, %v, %v", v, ok, err)
	}
	// Settings and documents change together, all or nothing.
	doc, err := library.NewStoredDoc("A title\n\nSome text.", "paste", added)
	if err != nil {
		t.Fatal(err)
	}
	bad := library.PutDoc(doc)
	bad.PutRejected = []annotate.SuggestionKey{{Span: annotate.Span{Start: 0, End: 999}, Label: annotate.Person}}
	err = s.ApplyAll([]library.Change{{Setting: &library.SettingChange{Name: "other", Value: json.RawMessage(`1`)}}, bad})
	if err == nil {
		t.Fatal("a change outside the text was applied")
	}
	if _, ok, _ := s.Setting("other"); ok {
		t.Error("a setting was saved by a change that failed")
	}
	// Deleting.
	if err := set(library.SettingPreferences, nil); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Setting(library.SettingPreferences); ok {
		t.Error("the preferences are still there after their delete")
	}
	// What a setting's change refuses.
	for name, c := range map[string]library.Change{
		"with a document":  {DocID: doc.Meta.ID, Setting: &library.SettingChange{Name: "x", Value: json.RawMessage(`1`)}},
		"with other parts": {Setting: &library.SettingChange{Name: "x", Value: json.RawMessage(`1`)}, DeleteDoc: true},
		"an orphans key":   {Setting: &library.SettingChange{Name: library.OrphansKey(doc.Meta.ID), Value: json.RawMessage(`[]`)}},
		"no name":          {Setting: &library.SettingChange{Name: " ", Value: json.RawMessage(`1`)}},
		"null":             {Setting: &library.SettingChange{Name: "x", Value: json.RawMessage(`null`)}},
	} {
		if err := s.Apply(c); !errors.Is(err, annotate.ErrBadInput) {
			t.Errorf("%s: %v, want ErrBadInput", name, err)
		}
	}
	// A setting a newer Glossa wrote is neither read as ours nor overwritten.
	s.PutRaw(library.StoreSettings, "future", []byte(`{"schema": 99, "value": 1}`))
	if _, _, err := s.Setting("future"); !errors.Is(err, library.ErrNewerSchema) {
		t.Errorf("reading a newer setting: %v", err)
	}
	if err := set("future", json.RawMessage(`2`)); !errors.Is(err, library.ErrNewerSchema) {
		t.Errorf("overwriting a newer setting: %v", err)
	}
}

package library

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"glossa/annotate"
	"glossa/annotate/w3c"
)

// Upgrade returns the writes that bring one record of a database at
// version from up to SchemaVersion, where records cannot be migrated one
// by one on read (see Migrate): the browser's adapter calls it for each
// record of an older database while it upgrades it (IndexedDB's
// onupgradeneeded), in the upgrade's own transaction, so an upgrade is
// whole or not at all.
//
// From version 1 to 2 it splits each documents record, which held the
// metadata and the text, into a documents record of the metadata and a
// texts record of the text and the entities, both at schema 2 and under
// the same key. Every other record is read as it is, migrated on read, and
// gets no writes. A record Upgrade cannot read, and one of a schema other
// than 1, gets no writes either: it stays as it is, byte for byte, and is
// reported when the library is read (DecodeDocument refuses it), like any
// record that cannot be read.
func Upgrade(from int, rec RawRecord) []Write {
	if from != 1 || rec.Store != StoreDocuments {
		return nil
	}
	s, err := decodeDocumentV1(rec.Raw)
	if err != nil || s.Meta.ID != rec.Key {
		return nil
	}
	meta, err := EncodeDocument(s.Meta)
	if err != nil {
		return nil
	}
	text, err := EncodeText(s)
	if err != nil {
		return nil
	}
	return []Write{
		{Store: StoreDocuments, Key: rec.Key, Doc: rec.Key, Raw: meta},
		{Store: StoreTexts, Key: rec.Key, Doc: rec.Key, Raw: text},
	}
}

// UpgradeStores lists the object stores whose records Upgrade may rewrite
// when a database of version from is upgraded: the adapter hands Upgrade
// the records of these stores only.
func UpgradeStores(from int) []string {
	if from == 1 {
		return []string{StoreDocuments}
	}
	return nil
}

// decodeDocumentV1 decodes a documents record of schema 1, which held a
// document's metadata and text together:
//
//	{"schema": 1, "id", "title", "added", "source", "text",
//	 "entities", "recognizer", "notes", "claims"}
//
// with the checks of schema 2's documents and texts records.
func decodeDocumentV1(raw []byte) (StoredDoc, error) {
	var s StoredDoc
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(raw, &rec); err != nil || rec == nil {
		return s, fmt.Errorf("%w: want a JSON object", annotate.ErrBadInput)
	}
	if string(rec["schema"]) != "1" {
		return s, fmt.Errorf("%w: not a schema 1 record", annotate.ErrBadInput)
	}
	fields := []string{"schema", "id", "title", "added", "source", "text", "entities", "recognizer", "notes", "claims"}
	for _, k := range slices.Sorted(maps.Keys(rec)) {
		if !slices.Contains(fields, k) {
			return s, fmt.Errorf("%w: unknown field %q", annotate.ErrBadInput, k)
		}
	}
	for _, f := range fields {
		if _, ok := rec[f]; !ok {
			return s, fmt.Errorf("%w: %q is missing", annotate.ErrBadInput, f)
		}
	}
	r := record(rec)
	var added string
	var err error
	for _, f := range []struct {
		name string
		dst  *string
	}{{"id", &s.Meta.ID}, {"title", &s.Meta.Title}, {"added", &added}, {"source", &s.Meta.Source}, {"text", &s.Text}, {"recognizer", &s.Recognizer}} {
		if *f.dst, err = r.str(f.name); err != nil {
			return s, err
		}
	}
	if s.Meta.Notes, err = r.num("notes"); err != nil {
		return s, err
	}
	if s.Meta.Claims, err = r.num("claims"); err != nil {
		return s, err
	}
	if s.Meta.Added, err = w3c.ParseTime("added", added); err != nil {
		return s, err
	}
	if s.Entities, err = decodeEntities(rec["entities"]); err != nil {
		return s, err
	}
	if err := checkMeta(s.Meta); err != nil {
		return s, err
	}
	return s, checkTextRecord(s)
}

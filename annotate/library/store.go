package library

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"glossa/annotate"
)

// Store is the library's storage. The browser implements it on IndexedDB
// in the record format (see the package documentation); MemStore
// implements it in memory, for tests and for when IndexedDB is
// unavailable. Calls may block (the browser adapter waits on IndexedDB
// from a goroutine) and must be safe from several goroutines. An adapter
// does only the reading and writing: ListDocs, LoadDoc, RawDoc and PlanAll
// hold the logic every Store shares.
type Store interface {
	// List returns the documents of the library, newest first (by Added,
	// then Title, then ID). A record that cannot be read never fails List:
	// it is reported in problems and skipped.
	List() (docs []DocMeta, problems []RecordProblem, err error)
	// Load returns a document with everything saved about it, ErrNotFound
	// if it is absent. Notes and decisions that cannot be read are skipped
	// and reported, never dropped from storage; a documents record that
	// cannot be read is reported and fails Load (ErrCorrupt or
	// ErrNewerSchema).
	Load(docID string) (StoredDoc, []RecordProblem, error)
	// Apply saves a change atomically: it validates first (see
	// PlanChange) and changes nothing on error. A full storage gives an
	// error wrapping ErrQuota. It is ApplyAll of the one change.
	Apply(c Change) error
	// ApplyAll saves several changes atomically, as one: each is validated
	// against the store as the changes before it leave it (see PlanAll),
	// and all are written in one transaction, or, on any error, none.
	ApplyAll(changes []Change) error
	// Raw returns every stored record of a document as raw JSON, the
	// unreadable ones too, so that they can be exported; ErrNotFound if
	// there is none.
	Raw(docID string) ([]RawRecord, error)
	// Setting returns a setting's value (see ReadSetting); ok is false if
	// it was never set. A Change sets it (Change.Setting).
	Setting(name string) (value json.RawMessage, ok bool, err error)
}

// RecordProblem names a record that could not be read and why, keeping
// its raw data.
type RecordProblem struct {
	Store, Key string
	Err        error // wraps ErrCorrupt or ErrNewerSchema, or annotate.ErrDuplicate for a note repeating another's span, label and creator
	Raw        []byte
}

// Error says which record has the problem and what it is.
func (p RecordProblem) Error() string {
	return fmt.Sprintf("%s record %q: %v", p.Store, p.Key, p.Err)
}

// Unwrap returns Err, so that errors.Is sees its sentinel.
func (p RecordProblem) Unwrap() error { return p.Err }

// isNewer reports whether err is a record of a newer schema.
func isNewer(err error) bool { return errors.Is(err, ErrNewerSchema) }

// RawRecord is one stored record, as raw JSON.
type RawRecord struct {
	Store, Key string
	Raw        []byte
}

// RecordReader reads raw records of the object stores (see the package documentation),
// within one transaction. A Store adapter provides it, and ListDocs,
// LoadDoc, RawDoc and PlanChange do the rest.
type RecordReader interface {
	// Get returns the record of store under key; ok is false if there is
	// none.
	Get(store, key string) (raw []byte, ok bool, err error)
	// All returns every record of store, in key order.
	All(store string) ([]RawRecord, error)
	// ByDoc returns the records of store (StoreAnnotations or
	// StoreDecisions) whose "doc" is docID, in key order: the "by-doc"
	// index. A record that is not a JSON object with a string "doc" is in
	// no document's index, as in IndexedDB.
	ByDoc(store, docID string) ([]RawRecord, error)
}

// ListDocs lists the library as Store.List does, from the records r reads.
func ListDocs(r RecordReader) ([]DocMeta, []RecordProblem, error) {
	recs, err := r.All(StoreDocuments)
	if err != nil {
		return nil, nil, fmt.Errorf("list documents: %w", err)
	}
	var docs []DocMeta
	var problems []RecordProblem
	for _, rec := range recs {
		m, err := DecodeDocument(rec.Raw)
		if err == nil && m.ID != rec.Key {
			err = fmt.Errorf("%w: its id is %s", annotate.ErrBadInput, m.ID)
		}
		if err != nil {
			problems = append(problems, problem(rec, err))
			continue
		}
		docs = append(docs, m)
	}
	slices.SortFunc(docs, func(a, b DocMeta) int {
		return cmp.Or(b.Added.Compare(a.Added), strings.Compare(a.Title, b.Title), strings.Compare(a.ID, b.ID))
	})
	return docs, problems, nil
}

// problem reports a record that cannot be read.
func problem(rec RawRecord, err error) RecordProblem {
	p := RecordProblem{Store: rec.Store, Key: rec.Key, Err: err, Raw: rec.Raw}
	if !isNewer(err) {
		p.Err = fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return p
}

// LoadDoc loads a document as Store.Load does, from the records r reads.
// Besides records that cannot be read, it skips and reports a note with a
// key other than its id, a decision at odds with its key or outside the
// text, and a note repeating the span, label and creator of a note with a
// lower ID (two tabs made the same note): the workspace would refuse
// them. Notes of different creators on the same span with the same label
// are all loaded.
func LoadDoc(r RecordReader, docID string) (StoredDoc, []RecordProblem, error) {
	s, problems, err := loadDoc(r, docID)
	if err != nil {
		return StoredDoc{}, problems, fmt.Errorf("load %s: %w", docID, err)
	}
	return s, problems, nil
}

func loadDoc(r RecordReader, docID string) (StoredDoc, []RecordProblem, error) {
	raw, ok, err := r.Get(StoreDocuments, docID)
	if err != nil {
		return StoredDoc{}, nil, err
	}
	if !ok {
		return StoredDoc{}, nil, fmt.Errorf("%w: no such document", annotate.ErrNotFound)
	}
	m, err := DecodeDocument(raw)
	if err == nil && m.ID != docID {
		err = fmt.Errorf("%w: its id is %s", annotate.ErrBadInput, m.ID)
	}
	if err != nil {
		p := problem(RawRecord{StoreDocuments, docID, raw}, err)
		return StoredDoc{}, []RecordProblem{p}, p
	}
	s, err := loadText(r, docID)
	if err != nil {
		var p RecordProblem
		if errors.As(err, &p) {
			return StoredDoc{}, []RecordProblem{p}, p
		}
		return StoredDoc{}, nil, err
	}
	s.Meta = m
	d := annotate.NewDocument(s.Text)
	var problems []RecordProblem
	anns, err := r.ByDoc(StoreAnnotations, docID)
	if err != nil {
		return StoredDoc{}, nil, err
	}
	raws := map[string][]byte{}
	for _, rec := range anns {
		raws[rec.Key] = rec.Raw
		_, n, err := DecodeNote(rec.Raw, d)
		if err == nil && n.ID != rec.Key {
			err = fmt.Errorf("%w: the annotation's id is %s", annotate.ErrBadInput, n.ID)
		}
		if err != nil {
			problems = append(problems, problem(rec, err))
			continue
		}
		s.Notes = append(s.Notes, n)
	}
	slices.SortFunc(s.Notes, annotate.CompareNotes)
	taken := map[annotate.NoteKey]string{}
	s.Notes = slices.DeleteFunc(s.Notes, func(n annotate.Note) bool {
		k := n.Key()
		if first, ok := taken[k]; ok && first < n.ID {
			problems = append(problems, RecordProblem{Store: StoreAnnotations, Key: n.ID, Raw: raws[n.ID],
				Err: fmt.Errorf("%w: note %s of %s is already %s on [%d, %d)", annotate.ErrDuplicate, first, k.Creator.Name, k.Label, k.Span.Start, k.Span.End)})
			return true
		}
		taken[k] = n.ID
		return false
	})
	decs, err := r.ByDoc(StoreDecisions, docID)
	if err != nil {
		return StoredDoc{}, nil, err
	}
	for _, rec := range decs {
		doc, kind, k, err := DecodeDecision(rec.Raw)
		if err == nil {
			if want := DecisionKey(doc, kind, k); doc != docID || want != rec.Key {
				err = fmt.Errorf("%w: the record's key would be %q", annotate.ErrBadInput, want)
			} else if err = d.Text.CheckSpan(k.Span.Start, k.Span.End); err != nil {
				err = fmt.Errorf("decision %s: %w", k, err)
			}
		}
		if err != nil {
			problems = append(problems, problem(rec, err))
			continue
		}
		if kind == DecisionRejected {
			s.Rejected = append(s.Rejected, k)
		} else {
			s.Accepted = append(s.Accepted, k)
		}
	}
	slices.SortFunc(s.Rejected, annotate.CompareKeys)
	slices.SortFunc(s.Accepted, annotate.CompareKeys)
	orphans, op, err := loadOrphans(r, docID)
	if err != nil {
		return StoredDoc{}, nil, err
	}
	s.Orphans = orphans
	if op != nil {
		problems = append(problems, *op)
	}
	slices.SortFunc(problems, func(a, b RecordProblem) int {
		return cmp.Or(strings.Compare(a.Store, b.Store), strings.Compare(a.Key, b.Key))
	})
	return s, problems, nil
}

// loadText reads the texts record of document docID. A record that is
// missing or cannot be read is a RecordProblem; a failure to read is
// another error.
func loadText(r RecordReader, docID string) (StoredDoc, error) {
	raw, ok, err := r.Get(StoreTexts, docID)
	if err != nil {
		return StoredDoc{}, err
	}
	if !ok {
		return StoredDoc{}, RecordProblem{Store: StoreTexts, Key: docID,
			Err: fmt.Errorf("%w: the document's text is missing", ErrCorrupt)}
	}
	s, err := DecodeText(raw)
	if err == nil && s.Meta.ID != docID {
		err = fmt.Errorf("%w: its document is %s", annotate.ErrBadInput, s.Meta.ID)
	}
	if err != nil {
		return StoredDoc{}, problem(RawRecord{StoreTexts, docID, raw}, err)
	}
	return s, nil
}

// RawDoc returns every record of a document as Store.Raw does, from the
// records r reads: its documents and texts records, its annotations and
// decisions records in key order, and its orphans record.
func RawDoc(r RecordReader, docID string) ([]RawRecord, error) {
	var out []RawRecord
	raw, ok, err := r.Get(StoreDocuments, docID)
	if err != nil {
		return nil, fmt.Errorf("raw records of %s: %w", docID, err)
	}
	if ok {
		out = append(out, RawRecord{StoreDocuments, docID, raw})
	}
	if raw, ok, err := r.Get(StoreTexts, docID); err != nil {
		return nil, fmt.Errorf("raw records of %s: %w", docID, err)
	} else if ok {
		out = append(out, RawRecord{StoreTexts, docID, raw})
	}
	for _, store := range []string{StoreAnnotations, StoreDecisions} {
		recs, err := r.ByDoc(store, docID)
		if err != nil {
			return nil, fmt.Errorf("raw records of %s: %w", docID, err)
		}
		out = append(out, recs...)
	}
	if raw, ok, err := r.Get(StoreSettings, OrphansKey(docID)); err != nil {
		return nil, fmt.Errorf("raw records of %s: %w", docID, err)
	} else if ok {
		out = append(out, RawRecord{StoreSettings, OrphansKey(docID), raw})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("raw records of %s: %w: no such document", docID, annotate.ErrNotFound)
	}
	return out, nil
}

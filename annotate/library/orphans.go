package library

import (
	"encoding/json"
	"fmt"

	"glossa/annotate"
	"glossa/annotate/internal/rawjson"
	"glossa/annotate/w3c"
)

// Orphans kept in the library: imported annotations that could not be
// anchored to their article's text. They are never dropped: a document's
// orphans live in one settings record, under OrphansKey, as
// {"schema":1,"value":[{"raw": <the annotation as it came>, "reason": "…"}]},
// and load back with the document (StoredDoc.Orphans), so exports can
// write them out again.

// Orphan is an imported annotation that could not be anchored to its
// article's text.
type Orphan struct {
	// Annotation is what Glossa read of it: its id, bodies, creator, times
	// and the quote it selects; the position is zero when it had none.
	Annotation w3c.Annotation
	// Raw is the annotation as it came, compacted JSON; exports write it
	// back as it is.
	Raw []byte
	// Reason says why it could not be anchored, in a sentence.
	Reason string
}

type orphanRecord struct {
	Raw    json.RawMessage `json:"raw"`
	Reason string          `json:"reason"`
}

// encodeOrphans encodes a document's orphans record.
func encodeOrphans(os []Orphan) ([]byte, error) {
	recs := make([]orphanRecord, len(os))
	for i, o := range os {
		if !json.Valid(o.Raw) {
			return nil, fmt.Errorf("%w: orphan %d: its annotation is not JSON", annotate.ErrBadInput, i)
		}
		recs[i] = orphanRecord{Raw: o.Raw, Reason: o.Reason}
	}
	return EncodeSetting(recs)
}

// decodeOrphans decodes a document's orphans record; each orphan's
// Annotation is read from its raw JSON as far as it goes.
func decodeOrphans(raw []byte) ([]Orphan, error) {
	v, err := DecodeSetting(raw)
	if err != nil {
		return nil, err
	}
	var recs []orphanRecord
	if err := json.Unmarshal(v, &recs); err != nil {
		return nil, fmt.Errorf("decode orphans: %w: %s", annotate.ErrBadInput, rawjson.Describe(err))
	}
	os := make([]Orphan, len(recs))
	for i, r := range recs {
		os[i] = Orphan{Raw: []byte(r.Raw), Reason: r.Reason}
		// Best effort: Raw is what counts; a foreign annotation may not
		// read as ours, but its id names it in lists.
		if json.Unmarshal(r.Raw, &os[i].Annotation) != nil {
			var id struct{ ID string }
			json.Unmarshal(r.Raw, &id)
			os[i].Annotation = w3c.Annotation{ID: id.ID}
		}
	}
	return os, nil
}

// loadOrphans reads a document's orphans, reporting an unreadable record.
func loadOrphans(r RecordReader, docID string) ([]Orphan, *RecordProblem, error) {
	raw, ok, err := r.Get(StoreSettings, OrphansKey(docID))
	if err != nil || !ok {
		return nil, nil, err
	}
	os, err := decodeOrphans(raw)
	if err != nil {
		p := problem(RawRecord{StoreSettings, OrphansKey(docID), raw}, err)
		return nil, &p, nil
	}
	return os, nil, nil
}

// planOrphans returns the write that adds orphans to a document's record,
// skipping those it already holds (same raw annotation).
func planOrphans(r RecordReader, docID string, add []Orphan) ([]Write, error) {
	if len(add) == 0 {
		return nil, nil
	}
	key := OrphansKey(docID)
	raw, ok, err := r.Get(StoreSettings, key)
	if err != nil {
		return nil, err
	}
	var cur []Orphan
	if ok {
		if cur, err = decodeOrphans(raw); err != nil {
			return nil, recordError(StoreSettings, key, err)
		}
	}
	seen := map[string]bool{}
	for _, o := range cur {
		seen[string(o.Raw)] = true
	}
	n := len(cur)
	for _, o := range add {
		if !seen[string(o.Raw)] {
			seen[string(o.Raw)] = true
			cur = append(cur, o)
		}
	}
	if len(cur) == n {
		return nil, nil
	}
	enc, err := encodeOrphans(cur)
	if err != nil {
		return nil, fmt.Errorf("AddOrphans: %w", err)
	}
	return []Write{{Store: StoreSettings, Key: key, Doc: docID, Raw: enc}}, nil
}

package library

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"glossa/annotate"
	"glossa/annotate/internal/rawjson"
)

// Learned records: what the entity model learned from the reader's
// corrections (package annotate/ner/news/learn), kept with the library.
// Each part of learning, over one base model and from one origin, is one
// settings record under LearnedKey (see the package documentation for its
// shape). They belong to the library, not to a document: a Change carries
// them in PutLearned and DeleteLearned, alone or with a document's writes,
// in the same transaction.

// Learned is one part of what the entity model learned: its weight changes
// over one base model, learned in one place, as the learning package
// encodes them. The library keeps Data as it is; the learner reads it.
type Learned struct {
	// Model is the base model's ID (16 hex digits: news.Model.ID).
	Model string
	// Origin names where it was learned: a urn:uuid, made when the
	// learning began.
	Origin string
	// Corrections counts the reader's decisions it was learned from.
	Corrections int
	// Imported marks a part that came with an import: the learner reads
	// it and learns into a part of its own.
	Imported bool
	// Data is the part, as learn.Part.MarshalBinary encodes it.
	Data []byte
}

// MaxLearnedBytes bounds the data of a learned record.
const MaxLearnedBytes = 64 << 20

// LearnedKey returns the settings key of the learned record of a base
// model and an origin: "learned " + model + " " + origin.
func LearnedKey(model, origin string) string { return learnedPrefix + model + " " + origin }

const learnedPrefix = "learned "

// Key returns the record's settings key (LearnedKey).
func (l Learned) Key() string { return LearnedKey(l.Model, l.Origin) }

// learnedValue is the value of a learned settings record.
type learnedValue struct {
	Model       string `json:"model"`
	Origin      string `json:"origin"`
	Corrections int    `json:"corrections"`
	Imported    bool   `json:"imported"`
	Data        []byte `json:"data"`
}

// checkLearned checks a learned record's fields.
func checkLearned(l Learned) error {
	switch {
	case l.Model == "" || len(l.Model) > 64 || strings.ContainsAny(l.Model, " \t\n"):
		return fmt.Errorf(`%w: learned record: "model" %q: want a model ID (16 hex digits), without spaces`, annotate.ErrBadInput, rawjson.Truncate([]byte(l.Model)))
	case l.Corrections < 0:
		return fmt.Errorf(`%w: learned record: "corrections" is %d, want 0 or more`, annotate.ErrBadInput, l.Corrections)
	case len(l.Data) == 0 || len(l.Data) > MaxLearnedBytes:
		return fmt.Errorf(`%w: learned record: "data" holds %d bytes, want 1 to %d`, annotate.ErrBadInput, len(l.Data), MaxLearnedBytes)
	}
	if err := annotate.CheckID(l.Origin); err != nil {
		return fmt.Errorf(`learned record: "origin": %w`, err)
	}
	return nil
}

// EncodeLearned encodes a learned settings record.
func EncodeLearned(l Learned) ([]byte, error) {
	if err := checkLearned(l); err != nil {
		return nil, fmt.Errorf("encode %s record: %w", StoreSettings, err)
	}
	return EncodeSetting(learnedValue(l))
}

// DecodeLearned decodes a learned settings record, of this schema or an
// older one. Its value is a closed object: an unknown field is an error.
func DecodeLearned(raw []byte) (Learned, error) {
	v, err := DecodeSetting(raw)
	if err != nil {
		return Learned{}, err
	}
	var lv learnedValue
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&lv); err != nil {
		return Learned{}, fmt.Errorf("decode learned record: %w: %s", annotate.ErrBadInput, rawjson.Describe(err))
	}
	l := Learned(lv)
	if err := checkLearned(l); err != nil {
		return Learned{}, fmt.Errorf("decode learned record: %w", err)
	}
	return l, nil
}

// LoadLearned reads every learned record, in key order. A record that
// cannot be read is reported in problems and skipped, and so is one whose
// key is not its model's and origin's.
func LoadLearned(r RecordReader) ([]Learned, []RecordProblem, error) {
	recs, err := r.All(StoreSettings)
	if err != nil {
		return nil, nil, fmt.Errorf("read learned records: %w", err)
	}
	var out []Learned
	var problems []RecordProblem
	for _, rec := range recs {
		if !strings.HasPrefix(rec.Key, learnedPrefix) {
			continue
		}
		l, err := DecodeLearned(rec.Raw)
		if err == nil && l.Key() != rec.Key {
			err = fmt.Errorf("%w: the record is of %s", annotate.ErrBadInput, l.Key())
		}
		if err != nil {
			problems = append(problems, problem(rec, err))
			continue
		}
		out = append(out, l)
	}
	return out, problems, nil
}

// LearnedStore is a Store that also reads its learned records (LoadLearned
// on what it stores). MemStore is one; a store that is not cannot export
// what was learned, and imports what the file brings without comparing it
// with what it holds.
type LearnedStore interface {
	Store
	Learned() ([]Learned, []RecordProblem, error)
}

// planLearned returns the writes of a change's learned records: each put
// is written unless the library holds a record of the same key learned
// from more corrections (a later state of the same learning), keeping the
// Imported mark of the record it replaces; each key deleted is deleted.
// A put and a delete of the same key, or two puts, are refused.
func planLearned(r RecordReader, put []Learned, del []string) ([]Write, error) {
	var writes []Write
	seen := map[string]bool{}
	for _, l := range put {
		key := l.Key()
		if seen[key] {
			return nil, fmt.Errorf("%w: PutLearned: %s is put twice", annotate.ErrBadInput, key)
		}
		seen[key] = true
		raw, ok, err := r.Get(StoreSettings, key)
		if err != nil {
			return nil, err
		}
		if ok {
			old, err := DecodeLearned(raw)
			if err != nil {
				return nil, recordError(StoreSettings, key, err)
			}
			if old.Corrections > l.Corrections {
				continue
			}
			l.Imported = old.Imported
		}
		enc, err := EncodeLearned(l)
		if err != nil {
			return nil, fmt.Errorf("PutLearned: %w", err)
		}
		writes = append(writes, Write{Store: StoreSettings, Key: key, Raw: enc})
	}
	for _, key := range del {
		if seen[key] {
			return nil, fmt.Errorf("%w: %s is both put and deleted", annotate.ErrBadInput, key)
		}
		seen[key] = true
		if !strings.HasPrefix(key, learnedPrefix) {
			return nil, fmt.Errorf("%w: DeleteLearned: %q is not the key of a learned record", annotate.ErrBadInput, key)
		}
		if _, ok, err := r.Get(StoreSettings, key); err != nil {
			return nil, err
		} else if ok {
			writes = append(writes, Write{Store: StoreSettings, Key: key, Delete: true})
		}
	}
	return writes, nil
}

package remote

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"glossa/annotate/library"
)

// Asker puts a question to the page (a method of Serve, with its
// argument) and waits for the answer: the JSON Serve returns, or its
// error.
type Asker func(method, arg string) (answer string, err error)

// Store is the page's library as the worker reads it: each call asks the
// page (Serve answers it there). A document is read as its raw records and
// decoded here, so a long article's decoding runs in the worker, with the
// same checks and problems as the page's Load. Store is read-only: an
// import is planned against it, and its changes applied by the page.
type Store struct {
	Ask Asker
}

var (
	_ library.Store        = Store{}
	_ library.LearnedStore = Store{}
)

// ErrReadOnly is Store's answer to a write.
var ErrReadOnly = errors.New("the worker reads the library; the page writes it")

// The methods of Serve.
const (
	askList    = "list"
	askRaw     = "raw"
	askLearned = "learned"
	askSetting = "setting"
)

// List returns the page's documents; the problems stay with the page.
func (s Store) List() ([]library.DocMeta, []library.RecordProblem, error) {
	var docs []library.DocMeta
	if err := s.ask(askList, "", &docs); err != nil {
		return nil, nil, err
	}
	return docs, nil, nil
}

// Load reads the document's raw records from the page and decodes them.
func (s Store) Load(docID string) (library.StoredDoc, []library.RecordProblem, error) {
	recs, err := s.Raw(docID)
	if err != nil {
		return library.StoredDoc{}, nil, fmt.Errorf("load %s: %w", docID, err)
	}
	return library.LoadDoc(recordSet(recs), docID)
}

// Raw returns the document's raw records as the page holds them.
func (s Store) Raw(docID string) ([]library.RawRecord, error) {
	var wire []wireRecord
	if err := s.ask(askRaw, docID, &wire); err != nil {
		return nil, err
	}
	out := make([]library.RawRecord, len(wire))
	for i, w := range wire {
		out[i] = library.RawRecord{Store: w.Store, Key: w.Key, Raw: w.raw()}
	}
	return out, nil
}

// Learned returns the library's learned records.
func (s Store) Learned() ([]library.Learned, []library.RecordProblem, error) {
	var learned []library.Learned
	if err := s.ask(askLearned, "", &learned); err != nil {
		return nil, nil, err
	}
	return learned, nil, nil
}

// Setting returns a setting of the library.
func (s Store) Setting(name string) (json.RawMessage, bool, error) {
	var v wireSetting
	if err := s.ask(askSetting, name, &v); err != nil {
		return nil, false, err
	}
	return v.Value, v.OK, nil
}

// Apply refuses: see Store.
func (s Store) Apply(library.Change) error { return ErrReadOnly }

// ApplyAll refuses: see Store.
func (s Store) ApplyAll([]library.Change) error { return ErrReadOnly }

func (s Store) ask(method, arg string, v any) error {
	answer, err := s.Ask(method, arg)
	if err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(answer), v); err != nil {
		return fmt.Errorf("the page's answer to %s %q cannot be read: %v", method, arg, err)
	}
	return nil
}

// Serve answers a question of a worker's Store from the page's library:
// the JSON to send back, or the error (send FaultOf it).
func Serve(s library.Store, method, arg string) (string, error) {
	var v any
	switch method {
	case askList:
		docs, _, err := s.List()
		if err != nil {
			return "", err
		}
		v = docs
	case askRaw:
		recs, err := s.Raw(arg)
		if err != nil {
			return "", err
		}
		wire := make([]wireRecord, len(recs))
		for i, r := range recs {
			wire[i] = wireRecordOf(r)
		}
		v = wire
	case askLearned:
		var learned []library.Learned
		if ls, ok := s.(library.LearnedStore); ok {
			l, _, err := ls.Learned()
			if err != nil {
				return "", err
			}
			learned = l
		}
		v = learned
	case askSetting:
		value, ok, err := s.Setting(arg)
		if err != nil {
			return "", err
		}
		v = wireSetting{Value: value, OK: ok}
	default:
		return "", fmt.Errorf("the page knows no question %q", method)
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// wireRecord is a raw record in JSON: its bytes as a string when they are
// UTF-8 (records are JSON text), else in base64, so that a damaged record
// crosses unchanged.
type wireRecord struct {
	Store  string `json:"store"`
	Key    string `json:"key"`
	Text   string `json:"text,omitempty"`
	Binary []byte `json:"binary,omitempty"`
}

func wireRecordOf(r library.RawRecord) wireRecord {
	w := wireRecord{Store: r.Store, Key: r.Key}
	if utf8.Valid(r.Raw) {
		w.Text = string(r.Raw)
	} else {
		w.Binary = r.Raw
	}
	return w
}

func (w wireRecord) raw() []byte {
	if w.Binary != nil {
		return w.Binary
	}
	return []byte(w.Text)
}

// wireSetting is a setting's value, and whether it is set.
type wireSetting struct {
	Value json.RawMessage `json:"value,omitempty"`
	OK    bool            `json:"ok"`
}

// recordSet reads one document's raw records (Store.Raw's) as the
// library's stores would hold them: every record of a store belongs to the
// document.
type recordSet []library.RawRecord

func (rs recordSet) Get(store, key string) ([]byte, bool, error) {
	for _, r := range rs {
		if r.Store == store && r.Key == key {
			return r.Raw, true, nil
		}
	}
	return nil, false, nil
}

func (rs recordSet) All(store string) ([]library.RawRecord, error) {
	var out []library.RawRecord
	for _, r := range rs {
		if r.Store == store {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b library.RawRecord) int { return cmp.Compare(a.Key, b.Key) })
	return out, nil
}

func (rs recordSet) ByDoc(store, docID string) ([]library.RawRecord, error) {
	return rs.All(store)
}

package library

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"glossa/annotate"
)

// MemStore is a Store in memory, for tests and for when IndexedDB is
// unavailable (the reader is told their work will not be kept). It holds
// exactly the encoded records the browser keeps, one map of key to bytes
// per object store, with the "by-doc" index kept as IndexedDB keeps it, so
// its tests exercise the record codecs the browser uses. It is safe for
// use from several goroutines.
type MemStore struct {
	mu      sync.Mutex
	records map[string]map[string][]byte          // store → key → raw
	index   map[string]map[string]map[string]bool // store → doc → keys, for StoreAnnotations and StoreDecisions
	docOf   map[string]map[string]string          // store → key → doc: the index the other way
	fail    error
}

var _ Store = (*MemStore)(nil)

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	m := &MemStore{records: map[string]map[string][]byte{}, index: map[string]map[string]map[string]bool{},
		docOf: map[string]map[string]string{}}
	for _, s := range Stores {
		m.records[s] = map[string][]byte{}
	}
	return m
}

// List implements Store.
func (m *MemStore) List() ([]DocMeta, []RecordProblem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return ListDocs(memReader{m})
}

// Load implements Store.
func (m *MemStore) Load(docID string) (StoredDoc, []RecordProblem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return LoadDoc(memReader{m}, docID)
}

// Learned implements LearnedStore.
func (m *MemStore) Learned() ([]Learned, []RecordProblem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return LoadLearned(memReader{m})
}

var _ LearnedStore = (*MemStore)(nil)

// Raw implements Store.
func (m *MemStore) Raw(docID string) ([]RawRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return RawDoc(memReader{m}, docID)
}

// Apply implements Store.
func (m *MemStore) Apply(c Change) error { return m.ApplyAll([]Change{c}) }

// ApplyAll implements Store: it plans the changes (see PlanAll) and makes
// their writes, or, if FailWrites set an error and there is something to
// write, returns that error and changes nothing. Nothing is written before
// every change is planned, so a change that fails leaves the store exactly
// as it was, whatever changes came before it.
func (m *MemStore) ApplyAll(changes []Change) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	writes, err := PlanAll(memReader{m}, changes)
	if err != nil {
		return err
	}
	if len(writes) > 0 && m.fail != nil {
		if len(changes) == 1 {
			return fmt.Errorf("apply change to %s: %w", changes[0].DocID, m.fail)
		}
		return fmt.Errorf("apply %d changes: %w", len(changes), m.fail)
	}
	for _, w := range writes {
		if w.Delete {
			m.delete(w.Store, w.Key)
		} else {
			m.put(w.Store, w.Key, w.Raw)
		}
	}
	return nil
}

// Setting implements Store.
func (m *MemStore) Setting(name string) (json.RawMessage, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return ReadSetting(memReader{m}, name)
}

// FailWrites makes every later Apply or ApplyAll that has something to
// write fail with err and change nothing, as a browser whose storage quota
// is exhausted does; err should wrap ErrQuota to simulate that.
// FailWrites(nil) lets writes through again.
func (m *MemStore) FailWrites(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fail = err
}

// PutRaw stores raw as it is under key in the named object store,
// bypassing every check: tests use it to plant corrupt records or records
// of another schema. The "by-doc" index sees it as IndexedDB would.
func (m *MemStore) PutRaw(store, key string, raw []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.records[store] == nil {
		m.records[store] = map[string][]byte{}
	}
	m.put(store, key, raw)
}

// Dump returns every record of every object store, by store and key: the
// whole state, for tests to compare byte for byte.
func (m *MemStore) Dump() []RawRecord {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []RawRecord
	for _, store := range slices.Sorted(maps.Keys(m.records)) {
		recs, _ := memReader{m}.All(store)
		out = append(out, recs...)
	}
	return out
}

// put stores a copy of raw and indexes it.
func (m *MemStore) put(store, key string, raw []byte) {
	m.delete(store, key)
	m.records[store][key] = slices.Clone(raw)
	if !HasIndex(store, IndexByDoc) {
		return
	}
	var rec struct {
		Doc *string `json:"doc"`
	}
	if json.Unmarshal(raw, &rec) != nil || rec.Doc == nil {
		return // IndexedDB leaves a value without a string "doc" out of the index
	}
	if m.index[store] == nil {
		m.index[store] = map[string]map[string]bool{}
		m.docOf[store] = map[string]string{}
	}
	m.docOf[store][key] = *rec.Doc
	if m.index[store][*rec.Doc] == nil {
		m.index[store][*rec.Doc] = map[string]bool{}
	}
	m.index[store][*rec.Doc][key] = true
}

// delete removes a record and its index entry.
func (m *MemStore) delete(store, key string) {
	if _, ok := m.records[store][key]; !ok {
		return
	}
	delete(m.records[store], key)
	if doc, ok := m.docOf[store][key]; ok {
		delete(m.docOf[store], key)
		delete(m.index[store][doc], key)
		if len(m.index[store][doc]) == 0 {
			delete(m.index[store], doc)
		}
	}
}

// memReader reads a MemStore whose lock its caller holds. It returns
// copies, so that nothing outside changes the store.
type memReader struct{ m *MemStore }

// Get implements RecordReader.
func (r memReader) Get(store, key string) ([]byte, bool, error) {
	raw, ok := r.m.records[store][key]
	return slices.Clone(raw), ok, nil
}

// All implements RecordReader.
func (r memReader) All(store string) ([]RawRecord, error) {
	recs, ok := r.m.records[store]
	if !ok {
		return nil, fmt.Errorf("%w: no object store %q", annotate.ErrBadInput, store)
	}
	out := make([]RawRecord, 0, len(recs))
	for _, k := range slices.Sorted(maps.Keys(recs)) {
		out = append(out, RawRecord{store, k, slices.Clone(recs[k])})
	}
	return out, nil
}

// ByDoc implements RecordReader.
func (r memReader) ByDoc(store, docID string) ([]RawRecord, error) {
	if !HasIndex(store, IndexByDoc) {
		return nil, fmt.Errorf("%w: object store %q has no %q index", annotate.ErrBadInput, store, IndexByDoc)
	}
	keys := slices.SortedFunc(maps.Keys(r.m.index[store][docID]), strings.Compare)
	out := make([]RawRecord, 0, len(keys))
	for _, k := range keys {
		out = append(out, RawRecord{store, k, slices.Clone(r.m.records[store][k])})
	}
	return out, nil
}

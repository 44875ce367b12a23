package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate/library"
)

// The browser's database: IndexedDB, behind the small key-value interface
// the core's library store is built on. Its name, version, object stores
// and indexes are library's (library.DatabaseName, SchemaVersion,
// ObjectStores). Every object store keeps records {doc, json} under an
// out-of-line key: json is the core's encoded record (so the codec, its
// schema versions and its checks live in Go, tested natively) and doc
// indexes the records of a document (library.IndexByDoc).

// Errors of the browser database, for the reader.
var (
	errNoIndexedDB = errors.New("this browser offers no database here (private mode or storage blocked)")
	errNewerDB     = errors.New("this library was saved by a newer Glossa; it is left untouched")
)

// kvRecord is one record of an object store.
type kvRecord struct {
	Store, Key, Doc string
	JSON            []byte
}

// idb is an open IndexedDB database.
type idb struct {
	db app.Value
}

// openIDB opens (and on first use creates) the database. When it creates
// it, it calls created (if not nil) as it starts to, before the database
// is open.
func openIDB(created func()) (*idb, error) {
	factory := app.Window().Get("indexedDB")
	if !factory.Truthy() {
		return nil, errNoIndexedDB
	}
	var req app.Value
	if err := catchJS(func() { req = factory.Call("open", library.DatabaseName, library.SchemaVersion) }); err != nil {
		return nil, fmt.Errorf("%w: %v", errNoIndexedDB, err)
	}
	// The upgrade creates what library.ObjectStores lists and the
	// database lacks (a new database gets everything, an older one what
	// later versions added), then rewrites the records of an older
	// database that library.Upgrade says to, all in IndexedDB's one
	// versionchange transaction: whole or not at all. A database a newer
	// Glossa upgraded fails to open (VersionError): it is never opened at
	// a lower version.
	var cursors []app.Func
	defer func() {
		for _, f := range cursors {
			f.Release()
		}
	}()
	upgrade := app.FuncOf(func(_ app.Value, args []app.Value) any {
		db := req.Get("result")
		tx := req.Get("transaction")
		for _, def := range library.ObjectStores {
			var s app.Value
			if db.Get("objectStoreNames").Call("contains", def.Name).Bool() {
				s = tx.Call("objectStore", def.Name)
			} else {
				s = db.Call("createObjectStore", def.Name)
			}
			for _, ix := range def.Indexes {
				if !s.Get("indexNames").Call("contains", ix.Name).Bool() {
					s.Call("createIndex", ix.Name, ix.KeyPath)
				}
			}
		}
		from := 0
		if len(args) > 0 && args[0].Truthy() {
			from = args[0].Get("oldVersion").Int()
		}
		if from == 0 && created != nil {
			created()
		}
		for _, store := range library.UpgradeStores(from) {
			cursors = append(cursors, upgradeRecords(tx, store, from))
		}
		return nil
	})
	defer upgrade.Release()
	req.Set("onupgradeneeded", upgrade)
	res, err := await(req, "blocked")
	if err != nil {
		if errName(err) == "VersionError" {
			return nil, errNewerDB
		}
		return nil, fmt.Errorf("%w: %v", errNoIndexedDB, err)
	}
	return &idb{db: res}, nil
}

// upgradeRecords walks the records of store with a cursor, inside the
// upgrade transaction tx, and makes the writes library.Upgrade returns for
// each. It returns the cursor's callback, to release once the database is
// open.
func upgradeRecords(tx app.Value, store string, from int) app.Func {
	cursor := tx.Call("objectStore", store).Call("openCursor")
	step := app.FuncOf(func(app.Value, []app.Value) any {
		c := cursor.Get("result")
		if !c.Truthy() {
			return nil // every record seen
		}
		rec := library.RawRecord{Store: store, Key: jsString(c.Get("key")), Raw: recordJSON(c.Get("value"))}
		for _, w := range library.Upgrade(from, rec) {
			s := tx.Call("objectStore", w.Store)
			if w.Delete {
				s.Call("delete", w.Key)
			} else {
				s.Call("put", map[string]any{"doc": w.Doc, "json": string(w.Raw)}, w.Key)
			}
		}
		c.Call("continue")
		return nil
	})
	cursor.Set("onsuccess", step)
	return step
}

// getAll returns the records of a store, or of one document's records in
// it when doc is not empty.
func (d *idb) getAll(store, doc string) ([]kvRecord, error) {
	tx := d.db.Call("transaction", store, "readonly")
	src := tx.Call("objectStore", store)
	if doc != "" {
		src = src.Call("index", library.IndexByDoc)
	}
	var keysReq, valsReq app.Value
	if doc != "" {
		keysReq = src.Call("getAllKeys", doc)
		valsReq = src.Call("getAll", doc)
	} else {
		keysReq = src.Call("getAllKeys")
		valsReq = src.Call("getAll")
	}
	keys, err := await(keysReq, "")
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", store, err)
	}
	vals, err := await(valsReq, "")
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", store, err)
	}
	out := make([]kvRecord, 0, keys.Length())
	for i := 0; i < keys.Length(); i++ {
		v := vals.Index(i)
		rec := kvRecord{Store: store, Key: jsString(keys.Index(i)), JSON: recordJSON(v)}
		if v.Truthy() && v.Type() == app.TypeObject {
			rec.Doc = jsString(v.Get("doc"))
		}
		out = append(out, rec)
	}
	return out, nil
}

// commit writes puts and deletes in one transaction: all or nothing.
func (d *idb) commit(puts, deletes []kvRecord) error {
	names := map[string]bool{}
	for _, r := range append(append([]kvRecord{}, puts...), deletes...) {
		names[r.Store] = true
	}
	if len(names) == 0 {
		return nil
	}
	var list []any
	for n := range names {
		list = append(list, n)
	}
	var tx app.Value
	if err := catchJS(func() { tx = d.db.Call("transaction", list, "readwrite") }); err != nil {
		return err
	}
	err := catchJS(func() {
		for _, r := range deletes {
			tx.Call("objectStore", r.Store).Call("delete", r.Key)
		}
		for _, r := range puts {
			tx.Call("objectStore", r.Store).Call("put", map[string]any{"doc": r.Doc, "json": string(r.JSON)}, r.Key)
		}
	})
	if err != nil {
		catchJS(func() { tx.Call("abort") }) // nothing of it is written
		if errName(err) == "QuotaExceededError" {
			return fmt.Errorf("%w: %v", library.ErrQuota, err)
		}
		return err
	}
	if err := awaitTx(tx); err != nil {
		if errName(err) == "QuotaExceededError" {
			return fmt.Errorf("%w: %v", library.ErrQuota, err)
		}
		return err
	}
	return nil
}

// idbStore is the library on IndexedDB: it reads and writes the core's
// records; the core (ListDocs, LoadDoc, RawDoc, PlanAll) does the rest.
// A change is read and planned in read-only transactions, then written in
// one read-write transaction, whole or not at all. (IndexedDB commits a
// transaction as soon as no request is pending, so one cannot stay open
// while Go plans; two tabs writing the same record at once keep the later
// write.)
type idbStore struct {
	db *idb
	mu sync.Mutex // one change at a time from this tab
}

var _ library.Store = (*idbStore)(nil)

func (s *idbStore) List() ([]library.DocMeta, []library.RecordProblem, error) {
	return library.ListDocs(idbReader{s.db})
}

func (s *idbStore) Load(docID string) (library.StoredDoc, []library.RecordProblem, error) {
	return library.LoadDoc(idbReader{s.db}, docID)
}

func (s *idbStore) Raw(docID string) ([]library.RawRecord, error) {
	return library.RawDoc(idbReader{s.db}, docID)
}

func (s *idbStore) Learned() ([]library.Learned, []library.RecordProblem, error) {
	return library.LoadLearned(idbReader{s.db})
}

func (s *idbStore) Setting(name string) (json.RawMessage, bool, error) {
	return library.ReadSetting(idbReader{s.db}, name)
}

func (s *idbStore) Apply(c library.Change) error {
	return s.ApplyAll([]library.Change{c})
}

// ApplyAll plans the changes (library.PlanAll) and writes them all in one
// transaction.
func (s *idbStore) ApplyAll(changes []library.Change) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	writes, err := library.PlanAll(idbReader{s.db}, changes)
	if err != nil {
		return err
	}
	var puts, deletes []kvRecord
	for _, w := range writes {
		r := kvRecord{Store: w.Store, Key: w.Key, Doc: w.Doc, JSON: w.Raw}
		if w.Delete {
			deletes = append(deletes, r)
		} else {
			puts = append(puts, r)
		}
	}
	if err := s.db.commit(puts, deletes); err != nil {
		return fmt.Errorf("saving: %w", err)
	}
	return nil
}

// idbReader reads records for the core.
type idbReader struct{ db *idb }

func (r idbReader) Get(store, key string) ([]byte, bool, error) {
	tx := r.db.db.Call("transaction", store, "readonly")
	v, err := await(tx.Call("objectStore", store).Call("get", key), "")
	if err != nil {
		return nil, false, fmt.Errorf("reading %s %s: %w", store, key, err)
	}
	if v == nil || v.IsUndefined() {
		return nil, false, nil
	}
	return recordJSON(v), true, nil
}

func (r idbReader) All(store string) ([]library.RawRecord, error) {
	return r.raw(store, "")
}

func (r idbReader) ByDoc(store, docID string) ([]library.RawRecord, error) {
	return r.raw(store, docID)
}

func (r idbReader) raw(store, doc string) ([]library.RawRecord, error) {
	recs, err := r.db.getAll(store, doc)
	if err != nil {
		return nil, err
	}
	out := make([]library.RawRecord, len(recs))
	for i, rec := range recs {
		out[i] = library.RawRecord{Store: rec.Store, Key: rec.Key, Raw: rec.JSON}
	}
	return out, nil
}

// recordJSON reads a stored value: {doc, json} as written by commit; any
// other value goes to the codec as text, which says what is wrong with it.
func recordJSON(v app.Value) []byte {
	if v.Truthy() && v.Type() == app.TypeObject {
		return []byte(jsString(v.Get("json")))
	}
	return []byte(jsString(v))
}

// jsError is an error raised by the browser, with its DOMException name.
type jsError struct{ name, message string }

func (e *jsError) Error() string { return e.name + ": " + e.message }

func errName(err error) string {
	var je *jsError
	if errors.As(err, &je) {
		return je.name
	}
	return ""
}

func domError(v app.Value) error {
	if !v.Truthy() {
		return &jsError{name: "Error", message: "unknown error"}
	}
	return &jsError{name: jsString(v.Get("name")), message: jsString(v.Get("message"))}
}

// await waits for an IDBRequest to succeed or fail; also, if not "",
// names an event that fails it (such as "blocked").
func await(req app.Value, failOn string) (app.Value, error) {
	type result struct {
		v   app.Value
		err error
	}
	done := make(chan result, 1)
	ok := app.FuncOf(func(app.Value, []app.Value) any {
		done <- result{v: req.Get("result")}
		return nil
	})
	fail := app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) > 0 && args[0].Truthy() {
			args[0].Call("preventDefault")
		}
		done <- result{err: domError(req.Get("error"))}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	req.Set("onsuccess", ok)
	req.Set("onerror", fail)
	if failOn != "" {
		blocked := app.FuncOf(func(app.Value, []app.Value) any {
			done <- result{err: &jsError{name: "BlockedError", message: "another tab holds an older version of the library open; close it"}}
			return nil
		})
		defer blocked.Release()
		req.Set("on"+failOn, blocked)
	}
	r := <-done
	return r.v, r.err
}

// awaitTx waits for a transaction to complete or fail.
func awaitTx(tx app.Value) error {
	done := make(chan error, 1)
	complete := app.FuncOf(func(app.Value, []app.Value) any { done <- nil; return nil })
	fail := app.FuncOf(func(app.Value, []app.Value) any { done <- domError(tx.Get("error")); return nil })
	defer complete.Release()
	defer fail.Release()
	tx.Set("oncomplete", complete)
	tx.Set("onerror", fail)
	tx.Set("onabort", fail)
	return <-done
}

// catchJS runs fn and turns a JavaScript exception it throws into an error.
func catchJS(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if err = thrownError(r); err == nil {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	fn()
	return nil
}

// jsString reads a JavaScript value as a string ("" for null or undefined).
func jsString(v app.Value) string {
	if v == nil || v.IsNull() || v.IsUndefined() {
		return ""
	}
	if v.Type() == app.TypeString {
		return v.String()
	}
	return app.Window().Get("String").Invoke(v).String()
}

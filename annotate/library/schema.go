package library

import (
	"slices"
	"strconv"

	"glossa/annotate"
)

// The database, defined once: the browser's adapter creates and upgrades
// its IndexedDB database from these (see the package documentation for
// what each store holds).

// SchemaVersion is the version of the record format that this Glossa
// writes, and the version of its IndexedDB database.
const SchemaVersion = 2

// DatabaseName is the name of Glossa's IndexedDB database.
const DatabaseName = "glossa"

// The object stores of the database, and the index of the stores that hold
// a document's records.
const (
	StoreDocuments   = "documents"
	StoreTexts       = "texts"
	StoreAnnotations = "annotations"
	StoreDecisions   = "decisions"
	StoreSettings    = "settings"
	// IndexByDoc is the index on "doc" of StoreAnnotations and
	// StoreDecisions.
	IndexByDoc = "by-doc"
)

// ObjectStore describes one object store of the database. Every store has
// out-of-line string keys: no key path, no key generator.
type ObjectStore struct {
	Name    string
	Indexes []Index
}

// Index describes an index of an object store: its name and the key path
// of the values it indexes. Values without a string at the key path are
// in no index entry, as IndexedDB does.
type Index struct {
	Name, KeyPath string
}

// ObjectStores lists the object stores of the database at SchemaVersion,
// in the order the database creates them.
var ObjectStores = []ObjectStore{
	{Name: StoreDocuments},
	{Name: StoreTexts},
	{Name: StoreAnnotations, Indexes: []Index{{Name: IndexByDoc, KeyPath: "doc"}}},
	{Name: StoreDecisions, Indexes: []Index{{Name: IndexByDoc, KeyPath: "doc"}}},
	{Name: StoreSettings},
}

// Stores lists the names of ObjectStores, in order.
var Stores = func() []string {
	names := make([]string, len(ObjectStores))
	for i, s := range ObjectStores {
		names[i] = s.Name
	}
	return names
}()

// HasIndex reports whether the named object store has the named index.
func HasIndex(store, index string) bool {
	i := slices.IndexFunc(ObjectStores, func(s ObjectStore) bool { return s.Name == store })
	return i >= 0 && slices.ContainsFunc(ObjectStores[i].Indexes, func(x Index) bool { return x.Name == index })
}

// DecisionKind says what the reader decided about a suggestion.
type DecisionKind string

// The two decisions about a suggestion.
const (
	DecisionRejected DecisionKind = "rejected"
	DecisionAccepted DecisionKind = "accepted"
)

// DecisionKey returns the key of a decision record: docID, kind, the span
// as start-end in code points and the label, separated by spaces, such as
// "urn:sha256:… rejected 10-21 PERSON".
func DecisionKey(docID string, kind DecisionKind, k annotate.SuggestionKey) string {
	return docID + " " + string(kind) + " " + strconv.Itoa(k.Span.Start) + "-" + strconv.Itoa(k.Span.End) + " " + string(k.Label)
}

// OrphansKey is the settings key of a document's orphans.
func OrphansKey(docID string) string { return "orphans " + docID }

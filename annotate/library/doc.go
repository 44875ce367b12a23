// Package library is the reader's library of articles as it is stored:
// the record format (a versioned, closed JSON schema, the same bytes in
// the browser's IndexedDB and in MemStore), the Store interface with the
// logic every store shares (ListDocs, LoadDoc, RawDoc, PlanChange), the
// Change of one user action and Diff, which makes it from two
// workspaces, the in-memory MemStore, StoredDoc (one article with
// everything saved about it) and the orphans kept with an article. It
// builds on annotate and annotate/w3c (notes are stored as W3C Web
// Annotations).
//
// # Invariants
//
// Every record written is at SchemaVersion and decodes back to what was
// encoded; encoders refuse what decoders would refuse. A record of a newer
// schema is refused (ErrNewerSchema) and never overwritten; a record that
// cannot be read is reported with its raw bytes (RecordProblem), kept byte
// for byte, and never stops the other records from loading. A Change is
// applied whole or not at all. What a store holds always builds a valid
// annotate.Workspace (StoredDoc.Workspace): LoadDoc skips and reports what
// would break it.
//
// # The record format
//
// How a library is stored. It is the on-disk schema of
// the browser's IndexedDB database, and MemStore keeps exactly the same
// bytes, so both go through the codecs of record.go.
//
// # Database
//
// One IndexedDB database named DatabaseName ("glossa"), opened at version
// SchemaVersion (1). A database whose version is above SchemaVersion was
// upgraded by a newer Glossa: the adapter refuses it with ErrNewerSchema
// (IndexedDB's VersionError) and never opens it at a lower version. The
// upgrade from version 0 (a new database) creates four object stores, each
// with out-of-line string keys (no keyPath, no autoIncrement), and two
// indexes:
//
//	object store   key                                     index
//	"documents"    document ID ("urn:sha256:…")            none
//	"annotations"  note ID ("urn:uuid:…")                  "by-doc" on keyPath "doc"
//	"decisions"    DecisionKey: docID kind start-end label "by-doc" on keyPath "doc"
//	"settings"     setting name                            none
//
// The browser adapter (app/indexeddb.go) stores each record as the object
// {"doc": <document ID>, "json": <the bytes an Encode function returns, as
// a string>}: "doc" feeds the "by-doc" index, and a corrupt record keeps
// its exact bytes (and its place in the index) for export; the adapter
// hands the "json" string to the Decode functions. The record bytes are a
// JSON object; decoding never depends on key order, white space or
// escapes. Every record has a
// "schema" field, the SchemaVersion it was written at; a record without one
// is schema 0. Decode functions first Migrate the record, so they read every
// older schema, and they refuse a newer one with ErrNewerSchema. Writers
// always write SchemaVersion. Unknown fields are errors: the schema is
// closed, and a new field means a new schema version with its migration.
//
// # Values at schema 1
//
// "documents", one per document, keyed by its ID:
//
//	{"schema": 1,
//	 "id": "urn:sha256:<64 lower-case hex digits: SHA-256 of text's UTF-8>",
//	 "title": "…",       // non-empty, one line: trimmed, inner white space one space, at most MaxTitle code points
//	 "added": "2026-11-27T12:00:00Z", // RFC 3339, UTC, whole seconds
//	 "source": "…",      // "sample", "paste", a file name; at most MaxSource code points
//	 "text": "…",        // normalized (NormalizeText), not only white space, at most MaxTextBytes bytes
//	 "entities": null or [{"start": 0, "end": 7, "label": "PERSON", "text": "Ann Lee"}, …],
//	                     // the last tagging; null: never tagged, []: tagged, nothing found.
//	                     // start and end are code points of text, text is the text between them
//	 "recognizer": "…",  // who found the entities, "" if none
//	 "notes": 12,        // how many annotations the document has
//	 "claims": 3}        // how many of them are CLAIMs (at most "notes")
//
// "annotations", one per note, keyed by the note's ID:
//
//	{"schema": 1,
//	 "doc": "urn:sha256:…",  // the document's ID
//	 "annotation": {…}}      // the note as a W3C Web Annotation, exactly as
//	                         // w3c.NoteAnnotation writes it (see annotate/w3c);
//	                         // its "id" is the key, its target "source" is "doc"
//
// "decisions", one per rejected or accepted suggestion, keyed by
// DecisionKey, docID + " " + kind + " " + start + "-" + end + " " + label,
// such as "urn:sha256:… rejected 10-21 PERSON":
//
//	{"schema": 1, "doc": "urn:sha256:…", "kind": "rejected" or "accepted",
//	 "start": 10, "end": 21,  // code points, 0 <= start < end
//	 "label": "PERSON"}       // one of AllLabels
//
// "settings", keyed by the setting's name:
//
//	{"schema": 1, "value": <any JSON value but null>}
//
// Numbers are JSON integers. A document's records are its "documents"
// record and the "annotations" and "decisions" records whose "doc" is its
// ID; deleting the document deletes them all in one transaction.
package library

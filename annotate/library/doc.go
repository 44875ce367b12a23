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
// How a library is stored. It is the on-disk schema of the browser's
// IndexedDB database, and MemStore keeps exactly the same bytes, so both
// go through the codecs of record.go. The database is defined once, in
// schema.go (DatabaseName, SchemaVersion, ObjectStores): the browser's
// adapter creates it from that.
//
// # Database
//
// One IndexedDB database named DatabaseName ("glossa"), opened at version
// SchemaVersion (2). A database whose version is above SchemaVersion was
// upgraded by a newer Glossa: the adapter refuses it with ErrNewerSchema
// (IndexedDB's VersionError) and never opens it at a lower version. Five
// object stores, each with out-of-line string keys (no keyPath, no
// autoIncrement), and two indexes:
//
//	object store   key                                     index                      holds
//	"documents"    document ID ("urn:sha256:…")            none                       what the library lists
//	"texts"        document ID                             none                       the text and its tagging
//	"annotations"  note ID ("urn:uuid:…")                  "by-doc" on keyPath "doc"  the reader's notes
//	"decisions"    DecisionKey: docID kind start-end label "by-doc" on keyPath "doc"  rejected and accepted suggestions
//	"settings"     setting name, or OrphansKey(docID)      none                       settings, and each document's orphans
//
// The browser adapter (app/indexeddb.go) stores each record as the object
// {"doc": <document ID>, "json": <the bytes an Encode function returns, as
// a string>}: "doc" feeds the "by-doc" index, and a corrupt record keeps
// its exact bytes (and its place in the index) for export; the adapter
// hands the "json" string to the Decode functions. The record bytes are a
// JSON object; decoding never depends on key order, white space or
// escapes. Every record has a "schema" field, the SchemaVersion it was
// written at; a record without one is schema 0. Decode functions first
// Migrate the record, so they read every older schema they know, and they
// refuse a newer one with ErrNewerSchema. Writers always write
// SchemaVersion. Unknown fields are errors: the schema is closed, and a
// new field means a new schema version with its migration.
//
// # Values at schema 2
//
// "documents", one per document, keyed by its ID: what the library lists,
// small, so that listing never reads a text:
//
//	{"schema": 2,
//	 "id": "urn:sha256:<64 lower-case hex digits: SHA-256 of the text's UTF-8>",
//	 "title": "…",       // non-empty, one line: trimmed, inner white space one space, at most MaxTitle code points
//	 "added": "2026-11-27T12:00:00Z", // RFC 3339, UTC, whole seconds
//	 "source": "…",      // "sample", "paste", a file name, a URL; at most MaxSource code points
//	 "notes": 12,        // how many annotations the document has
//	 "claims": 3}        // how many of them are CLAIMs (at most "notes")
//
// "texts", one per document, keyed by its ID:
//
//	{"schema": 2,
//	 "doc": "urn:sha256:…", // the document's ID: the SHA-256 of "text"
//	 "text": "…",        // normalized (annotate.NormalizeText), not only white space, at most annotate.MaxTextBytes bytes
//	 "entities": null or [{"start": 0, "end": 7, "label": "PERSON", "text": "Ann Lee"}, …],
//	                     // the last tagging; null: never tagged, []: tagged, nothing found.
//	                     // start and end are code points of text, text is the text between them
//	 "recognizer": "…",  // who found the entities, "" if none
//	 "claims": null or [{"start": 20, "end": 34, "kind": "direct" | "indirect" | "mixed",
//	     "cue": null or {"start", "end"}, "speaker": null or {"start", "end"},
//	     "speaker_name": "…", "speaker_entity": null or {"start", "end", "label", "text"}}, …],
//	                     // the claims found at that tagging (annotate.ClaimSuggestion); null: none
//	                     // looked for. Spans are code points of text
//	 "claim_finder": "…"} // who found the claims, "" if none
//
// "annotations", one per note, keyed by the note's ID:
//
//	{"schema": 2,
//	 "doc": "urn:sha256:…",  // the document's ID
//	 "annotation": {…}}      // the note as a W3C Web Annotation, exactly as
//	                         // w3c.NoteAnnotation writes it (see annotate/w3c);
//	                         // its "id" is the key, its target "source" is "doc"
//
// "decisions", one per rejected or accepted suggestion, keyed by
// DecisionKey, docID + " " + kind + " " + start + "-" + end + " " + label,
// such as "urn:sha256:… rejected 10-21 PERSON":
//
//	{"schema": 2, "doc": "urn:sha256:…", "kind": "rejected" or "accepted",
//	 "start": 10, "end": 21,  // code points, 0 <= start < end
//	 "label": "PERSON"}       // one of annotate.AllLabels
//
// "settings", keyed by the setting's name:
//
//	{"schema": 2, "value": <any JSON value but null>}
//
// The settings Glossa writes (settings.go): "preferences", the reader's
// name, organisation and chosen model ({"name", "org", "model"}); "model
// file", a model file the reader chose ({"name": its file name, "data":
// its bytes in base64}). A Change with Setting writes or deletes one,
// atomically with the changes beside it.
//
// and, under OrphansKey(docID), "orphans " + the document's ID, the
// imported annotations of the document that could not be placed in its
// text (see Orphan), in the order they came:
//
//	{"schema": 2, "value": [{"raw": <the annotation as it came, any JSON>,
//	                         "reason": "why it could not be placed"}, …]}
//
// and, under LearnedKey(model, origin), "learned " + the base model's ID +
// " " + the origin, one part of what the entity model learned from the
// reader's corrections (see Learned, and annotate/ner/news/learn): the
// learned weight changes over that base model, from one origin (one
// browser's learning, or one imported), so several parts may exist, and
// the learner sums them:
//
//	{"schema": 2, "value": {
//	  "model": "adf56723082c5b30", // the base model's ID (news.Model.ID), no spaces
//	  "origin": "urn:uuid:…",      // where it was learned; made when the learning began
//	  "corrections": 37,           // how many of the reader's decisions it was learned from
//	  "imported": false,           // true: it came with an import, and is read, never learned into
//	  "data": "R0xPU1NMUk4…"}}     // the part as learn.Part.MarshalBinary encodes it, base64
//
// Its browser object is {"doc": "", "json": …}: it belongs to no document.
// A change puts it unless the library holds the same key learned from more
// corrections (a later state of the same learning), and keeps the imported
// mark of the record it replaces (Change.PutLearned). A new settings key
// is no new schema: settings values were always any JSON.
//
// Numbers are JSON integers. A document's records are its "documents" and
// "texts" records, the "annotations" and "decisions" records whose "doc"
// is its ID, and its orphans record; deleting the document deletes them
// all in one transaction.
//
// # From schema 1
//
// Schema 1 (database version 1) had no "texts" store: each "documents"
// record held the metadata, the text, the entities and the recognizer
// together, so listing the library read every article's text. The other
// records were as at schema 2 but for their "schema".
//
// The upgrade happens when the database opens, in IndexedDB's upgrade
// (onupgradeneeded, one versionchange transaction, whole or not at all):
// the adapter creates the "texts" store and hands every "documents" record
// to Upgrade, which splits a readable schema 1 record into a "documents"
// and a "texts" record at schema 2 under the same key, and leaves every
// other record as it is. So after the upgrade every readable documents
// record is at schema 2. A record it cannot read stays byte for byte as it
// was and is reported when the library is read (a schema 1 documents
// record fails DecodeDocument); a record of a newer schema stays as it is
// and is refused, never overwritten. Annotations, decisions and settings
// records of schema 1 are not rewritten by the upgrade: they are migrated
// when read (Migrate) and written at schema 2 when they next change.
package library

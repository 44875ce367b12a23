// Package annotate is Glossa's pure core: an article's text and its
// offsets, its blocks, named entities and the Recognizer interface, the
// reader's annotations (notes) and the machine's suggestions, the
// workspace of a document's annotations with every edit as a pure
// function, the undo history, snapping a selection to words, anchoring a
// quote in a text, and the JSONL batch mode. It imports the standard
// library, github.com/google/uuid and github.com/rivo/uniseg only: no
// go-app, no syscall/js, and none of Glossa's other packages; the W3C
// mapping (annotate/w3c), the library's storage (annotate/library) and the
// file formats (annotate/formats) are built on it.
//
// # Invariants
//
// Every offset is in Unicode code points of a Document's normalized Text
// (see NormalizeText); Text converts to bytes and UTF-16 at the edges.
// Spans are half-open, [Start, End). A Document is never modified after
// NewDocument returns it (RecognizeBlocks sets its Entities). Workspace and
// History are immutable values: operations return new values and never
// modify their receivers, so old values stay valid (that is undo). Notes of
// a Workspace are in document order: by Start, then End descending, then
// ID (CompareNotes); no two share an id, nor a span, a label and a creator
// (Note.Key). Times are UTC to the second (Stamp). A note's fields are as
// the Check and Clean functions leave them: every reader of notes from
// outside (the W3C mapping, the library, imports) goes through them, so a
// note that a workspace operation would refuse is never read either.
package annotate

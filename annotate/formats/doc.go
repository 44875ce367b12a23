// Package formats writes a library's articles to files and reads files
// back into a library: W3C Web Annotation JSON-LD (the default, and the one
// format that carries everything), doccano and spaCy JSONL for NER
// training, brat standoff, CSV for spreadsheets and schema.org ClaimReview;
// imports read W3C files (Glossa's, Hypothesis's and Recogito's shapes),
// doccano and spaCy JSONL and brat, and anchor what they read to the
// article's text. It builds on annotate, annotate/w3c and
// annotate/library.
//
// # Invariants
//
// Exports are deterministic: the same bundle gives the same bytes. The W3C
// export passes the W3C MUST assertions, expands under a JSON-LD 1.1
// processor, and imports back into the very same bundle. What an export
// cannot hold is said (Format.ExportNotes), never dropped silently; no
// export invents a name for a reader who set none. An import is all or
// nothing: a file that cannot be read imports nothing, and its error names
// the file, the line or JSON pointer and the problem. Imported annotations
// that cannot be placed in their article's text are kept as orphans with
// the reason, never dropped; those whose page is no article of the library
// or the file are left out and listed in the report (ImportReport's
// Elsewhere), and a file of which none can be placed is an error.
package formats

// Package claims finds who said what in a news article: direct quotes,
// reported speech and the mixed forms between them, each with its content,
// its cue (the verb or phrase of saying), its kind, and its speaker, the
// span of the text that names the source, resolved to a named entity when
// the source is a pronoun ("he", "it", "they") or a description ("the
// agency", "the spokesman", "officials").
//
// It is a rule system over the article's words, quote marks and sentences,
// with no parser and no model: tokens (tokens.go), quote pairing across
// paragraphs (quotes.go), sentence splitting that keeps quotes whole
// (sentences.go), a cue lexicon and word lists (cues.go, words.go), each
// cue's subject, side and extent (attribution.go, speaker.go), its content
// (content.go), and a look back for the antecedent of pronouns and
// descriptions (resolve.go). It uses the entity tagger's suggestions when it
// has them and falls back to its own reading of capitalized names, so it
// works, less well, with a poor tagger or none. Claims become W3C
// suggestions (w3c.go) and the batch mode's JSON (jsonl.go).
//
// # Invariants
//
// Every offset is in Unicode code points of the document's normalized text
// (annotate.Document.Text), spans are half-open, and every span Find returns
// is non-empty and inside the text. Claims come in document order (by
// Start, then End) and do not overlap one another. A claim's Parts are in
// order, do not overlap, and lie inside its Span; its Cue and Speaker lie
// outside its Parts. Claim.Entity, when set, is one of the entities given to
// Find, unchanged. Find never panics, whatever the text, and keeps no state
// between calls, so it is safe for concurrent use.
//
// The package is pure Go: the standard library and package annotate only,
// so it runs in the browser's tagging worker (GOOS=js GOARCH=wasm).
package claims

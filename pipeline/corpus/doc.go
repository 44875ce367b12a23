// Package corpus is Glossa's corpus tagging as an Apache Beam pipeline:
// the work of `glossa annotate --jsonl` on inputs too large for one
// machine, run by any Beam runner (in process by default, or Flink, Spark,
// Dataflow).
//
// Invariants:
//
//   - One code path: each JSONL input line is tagged by annotate.TagLine's
//     steps (annotate.ParseLine, annotate.Record.Tag, annotate.TaggedLine)
//     with the recognizer choose.RecognizerFrom gives for --model, and
//     claims.JSONL, so an output line is byte for byte the line
//     `glossa annotate --jsonl` writes for the same input line. A
//     plain-text file is one document whose id is its path: its line is
//     the one `annotate --jsonl` writes for {"id": PATH, "text": CONTENT}.
//   - Output: with Format "w3c", each line is instead the document's W3C
//     AnnotationCollection as `glossa annotate FILE` writes it (entities
//     then claims, claims.Collection), compact, with <, > and & escaped.
//   - Order: output lines are in no particular order, within a shard or
//     across shards; a line goes to the shard its bytes hash to, so the
//     same input gives the same lines in each shard. Every shard file is
//     written, empty if no line hashes to it.
//   - Bad records (a line that is not a JSON object with a string "text",
//     text that is not UTF-8, a file that cannot be read or is over
//     MaxFileBytes, a gzipped file that breaks off) never stop the run: each is one line
//     {"input": LINE_OR_PATH, "error": "…"} of the dead-letter output,
//     which is always written, empty when nothing failed. Blank lines are
//     skipped, as TagJSONL skips them.
//   - Counters (namespace "glossa"): documents tagged, their tokens (the
//     news tagger's tokenizer, news.Tokenize, whatever the model),
//     entities, claims, and bad records.
//   - The recognizer is loaded once per DoFn instance, in Setup; the
//     built-in model is parsed once per worker process.
package corpus

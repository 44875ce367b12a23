package corpus

import (
	"errors"
	"fmt"
	"strings"
)

// Output formats.
const (
	// FormatJSONL is `glossa annotate --jsonl`'s line: {"id", "entities",
	// "claims"}.
	FormatJSONL = "jsonl"
	// FormatW3C is one W3C AnnotationCollection per document.
	FormatW3C = "w3c"
)

// Input formats.
const (
	// InputAuto reads files named *.jsonl or *.ndjson (optionally .gz) as
	// JSON lines and every other file as one plain-text document.
	InputAuto = "auto"
	// InputJSONL reads every file as {"id","text"} JSON lines.
	InputJSONL = "jsonl"
	// InputText reads every file as one plain-text document.
	InputText = "text"
)

// MaxFileBytes is the largest plain-text file taken as one document: 16
// MiB, the longest line `glossa annotate --jsonl` takes. A larger file is a
// bad record.
const MaxFileBytes = 16 << 20

// MaxShards is the most output shards a run writes.
const MaxShards = 10000

// ErrBadOptions marks options that cannot make a pipeline.
var ErrBadOptions = errors.New("bad options")

// Options say what a run reads, how it tags and where it writes.
type Options struct {
	// Input is a file pattern on any file system the Beam SDK has
	// (a local glob, gs://bucket/corpus/*.jsonl, s3://…).
	Input string
	// InputFormat is InputAuto (the default), InputJSONL or InputText.
	InputFormat string
	// Output is the prefix of the output files: PREFIX-00000-of-00004.jsonl
	// and so on, and PREFIX-deadletter-00000-of-00001.jsonl.
	Output string
	// Format is FormatJSONL (the default) or FormatW3C.
	Format string
	// Model is --model: "" for the built-in model, "prose", or a model
	// file on any file system the Beam SDK has.
	Model string
	// Shards is how many output files the tagged lines are spread over
	// (each written by one worker); 1 to MaxShards.
	Shards int
}

// check fills in the defaults and checks o, with an error that says what
// to give instead.
func (o *Options) check() error {
	if o.InputFormat == "" {
		o.InputFormat = InputAuto
	}
	if o.Format == "" {
		o.Format = FormatJSONL
	}
	switch {
	case o.Input == "":
		return fmt.Errorf("%w: give the input files: --input=GLOB", ErrBadOptions)
	case o.Output == "":
		return fmt.Errorf("%w: give the output prefix: --output=PREFIX", ErrBadOptions)
	case o.Format != FormatJSONL && o.Format != FormatW3C:
		return fmt.Errorf("%w: --format=%s: give jsonl or w3c", ErrBadOptions, o.Format)
	case o.InputFormat != InputAuto && o.InputFormat != InputJSONL && o.InputFormat != InputText:
		return fmt.Errorf("%w: --input_format=%s: give auto, jsonl or text", ErrBadOptions, o.InputFormat)
	case o.Shards < 1 || o.Shards > MaxShards:
		return fmt.Errorf("%w: --shards=%d: give 1 to %d", ErrBadOptions, o.Shards, MaxShards)
	}
	return nil
}

// isJSONL reports whether a file of the input is read as JSON lines.
func isJSONL(inputFormat, path string) bool {
	switch inputFormat {
	case InputJSONL:
		return true
	case InputText:
		return false
	}
	name := strings.ToLower(strings.TrimSuffix(path, ".gz"))
	return strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".ndjson")
}

// isGzip reports whether a file is gzipped: its name ends in ".gz", as
// Beam's fileio decides.
func isGzip(path string) bool { return strings.HasSuffix(path, ".gz") }

// ShardName is the name of output shard i of n: PREFIX-00002-of-00004.jsonl.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// DeadLetterName is the name of the dead-letter output of a run writing
// to prefix.
func DeadLetterName(prefix string) string { return ShardName(prefix+"-deadletter", 0, 1) }

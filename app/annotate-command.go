//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/google/uuid"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/ner/choose"
	"glossa/annotate/w3c"
)

// annotateCommand tags files (or standard input) and prints one W3C
// AnnotationCollection per file, entities and then claims; with --jsonl it
// runs the batch mode.
func annotateCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("annotate", flag.ContinueOnError)
	flags.SetOutput(stderr)
	jsonl := flags.Bool("jsonl", false, `read {"id","text"} JSON lines from standard input, write entities and claims as JSON lines`)
	model := flags.String("model", "", "the entity model: the built-in one (the default), \"prose\" for prose's, or a model `FILE` (glossa train makes them)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	rec, err := choose.Recognizer(*model)
	if err != nil {
		fmt.Fprintf(stderr, "glossa annotate: %v\n", err)
		return 1
	}
	if *jsonl {
		if flags.NArg() > 0 {
			fmt.Fprintln(stderr, "glossa annotate: --jsonl reads standard input; give no files")
			return 2
		}
		failed, err := annotate.TagJSONL(stdin, stdout, stderr, rec, claims.JSONL)
		if err != nil {
			fmt.Fprintf(stderr, "glossa annotate: %v\n", err)
			return 1
		}
		if failed > 0 {
			fmt.Fprintf(stderr, "glossa annotate: %d bad lines were skipped\n", failed)
			return 1
		}
		return 0
	}
	// <, > and & are escaped (\u003c…), as encoding/json always escapes
	// U+2028 and U+2029, so the output can be embedded in a <script>
	// element as it is.
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(true)
	enc.SetIndent("", "  ")
	status := 0
	inputs := flags.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	for _, name := range inputs {
		if in, ok, err := largeInput(name, &stdin); err != nil {
			fmt.Fprintf(stderr, "glossa annotate: %v\n", err)
			status = 1
			continue
		} else if ok {
			err := annotateStream(in, rec, stdout, stderr, newURN, time.Now())
			if in.path != name {
				os.Remove(in.path)
			}
			if err != nil {
				fmt.Fprintf(stderr, "\nglossa annotate: %v\n", err)
				status = 1
			}
			continue
		}
		coll, err := annotateFile(name, stdin, rec)
		if err != nil {
			fmt.Fprintf(stderr, "glossa annotate: %v\n", err)
			status = 1
			continue
		}
		if err := enc.Encode(coll); err != nil {
			fmt.Fprintf(stderr, "glossa annotate: writing output: %v\n", err)
			return 1
		}
	}
	return status
}

// largeInput reports whether the input name ("-" is standard input) is
// over streamAbove bytes, and if so returns it as a file to stream:
// standard input is then copied to a temporary file, which the caller
// removes. A small standard input is left to read again from *stdin.
func largeInput(name string, stdin *io.Reader) (streamInput, bool, error) {
	if name != "-" {
		info, err := os.Stat(name)
		if err != nil || info.IsDir() || !info.Mode().IsRegular() || info.Size() <= streamAbove {
			return streamInput{}, false, nil // annotateFile reports what is wrong
		}
		return streamInput{name: name, path: name, size: info.Size()}, true, nil
	}
	head := make([]byte, streamAbove+1)
	n, err := io.ReadFull(*stdin, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return streamInput{}, false, fmt.Errorf("standard input: %w", err)
	}
	if n <= streamAbove {
		*stdin = bytes.NewReader(head[:n])
		return streamInput{}, false, nil
	}
	tmp, err := os.CreateTemp("", "glossa-stdin-*.txt")
	if err != nil {
		return streamInput{}, false, fmt.Errorf("standard input: a temporary file: %w", err)
	}
	defer tmp.Close()
	size, err := io.Copy(tmp, io.MultiReader(bytes.NewReader(head[:n]), *stdin))
	if err != nil {
		os.Remove(tmp.Name())
		return streamInput{}, false, fmt.Errorf("standard input: %w", err)
	}
	return streamInput{name: "standard input", path: tmp.Name(), size: size}, true, nil
}

// annotateFile reads and tags one file ("-" is standard input).
func annotateFile(name string, stdin io.Reader, rec annotate.Recognizer) (w3c.Collection, error) {
	raw, err := readInput(name, stdin)
	if err != nil {
		return w3c.Collection{}, err
	}
	text, err := annotate.NormalizeText(raw)
	if err != nil {
		return w3c.Collection{}, fmt.Errorf("%s: %w", name, err)
	}
	doc := annotate.NewDocument(text)
	if _, err := annotate.RecognizeBlocks(doc, rec, nil); err != nil {
		return w3c.Collection{}, fmt.Errorf("%s: %w", name, err)
	}
	return claims.Collection(doc, rec.Name(), newURN, time.Now()), nil
}

// readInput reads a whole file, naming the file and the problem on error.
func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		raw, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		return raw, nil
	}
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such file", name)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", name, err)
	case info.IsDir():
		return nil, fmt.Errorf("%s: is a directory, not an article file", name)
	}
	raw, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return raw, nil
}

// newURN returns a new time-ordered "urn:uuid:" IRI.
func newURN() string {
	id, err := uuid.NewV7()
	if err != nil {
		id = uuid.New()
	}
	return id.URN()
}

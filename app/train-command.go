//go:build !wasm

package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"glossa/annotate/formats"
	"glossa/annotate/library"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/lists"
)

// trainCommand trains an entity model of the built-in model's kind on the
// reader's data and writes its model file.
func trainCommand(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("train", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("o", "", "write the model file to `FILE` (required)")
	dev := flags.String("dev", "", "held-out data to score each pass on, and to keep the best pass by (`FILE`, any format train reads)")
	epochs := flags.Int("epochs", 14, "most passes over the training data")
	name := flags.String("name", "", "the model's name in the annotations it suggests (default: from -o)")
	seed := flags.Uint64("seed", 1, "seed of the order of documents in each pass")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *out == "" || flags.NArg() == 0 {
		fmt.Fprintln(stderr, "glossa train: give -o FILE and at least one training file (glossa train -o my.model FILE...)")
		return 2
	}
	var docs []news.TrainDocument
	for _, f := range flags.Args() {
		d, err := readTrainingFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "glossa train: %v\n", err)
			return 1
		}
		docs = append(docs, d...)
	}
	var devDocs []news.TrainDocument
	if *dev != "" {
		d, err := readTrainingFile(*dev)
		if err != nil {
			fmt.Fprintf(stderr, "glossa train: -dev: %v\n", err)
			return 1
		}
		devDocs = d
	}
	sentences, mentions := 0, 0
	for _, d := range docs {
		sentences += len(d)
		for _, s := range d {
			mentions += len(s.Entities)
		}
	}
	fmt.Fprintf(stderr, "glossa train: %d documents, %d sentences, %d entities\n", len(docs), sentences, mentions)
	if *name == "" {
		*name = strings.TrimSuffix(baseName(*out), ".model")
	}
	_, data, err := news.Train(docs, news.TrainOptions{
		Epochs: *epochs,
		Seed:   *seed,
		Dev:    devDocs,
		Lists:  lists.Builtin(),
		Info:   news.Info{Name: *name, Trained: fmt.Sprintf("glossa train on %s", strings.Join(flags.Args(), ", "))},
		Progress: func(p news.Progress) {
			fmt.Fprintf(stderr, "pass %d: %d of %d tokens tagged wrong", p.Epoch, p.Mistakes, p.Tokens)
			if p.Dev != nil {
				fmt.Fprintf(stderr, "; dev F1 %.4f", p.Dev.Overall.F1())
			}
			fmt.Fprintln(stderr)
		},
	})
	if err != nil {
		fmt.Fprintf(stderr, "glossa train: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "glossa train: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", *out, len(data))
	if len(devDocs) > 0 {
		m, err := news.ParseModel(data)
		if err != nil {
			fmt.Fprintf(stderr, "glossa train: %v\n", err)
			return 1
		}
		fmt.Fprintln(stdout, "dev scores (exact spans, by the model's labels):")
		m.Evaluate(devDocs).WriteTable(stdout)
	}
	return 0
}

// readTrainingFile reads training data: a CoNLL column file, or a file
// glossa imports (doccano or spaCy JSONL, a W3C export, brat).
func readTrainingFile(name string) ([]news.TrainDocument, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", name)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if isCoNLL(data) {
		docs, err := news.ReadCoNLL(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return docs, nil
	}
	store := library.NewMemStore()
	if _, err := formats.ImportInto(store, name, data, time.Now()); err != nil {
		return nil, fmt.Errorf("%s: %w (train reads CoNLL column files, doccano or spaCy JSONL, W3C exports and brat zips)", name, err)
	}
	b, err := formats.LoadBundle(store)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var docs []news.TrainDocument
	for _, d := range b.Docs {
		if doc := news.FromNotes(d.Text, d.Notes); len(doc) > 0 {
			docs = append(docs, doc)
		}
	}
	return docs, nil
}

// isCoNLL reports whether data looks like a CoNLL column file: its first
// line that is not blank is not JSON and has at least two columns.
func isCoNLL(data []byte) bool {
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if line == "" {
			continue
		}
		return line[0] != '{' && line[0] != '[' && len(strings.Fields(line)) >= 2
	}
	return false
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

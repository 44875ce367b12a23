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
	"glossa/annotate/ner/news/builtin"
	"glossa/annotate/ner/news/learn"
	"glossa/annotate/ner/news/lists"
)

// trainCommand trains an entity model of the built-in model's kind on the
// reader's data and writes its model file; with -base, it continues from a
// model, learning the corrections of library exports (continueTraining).
func trainCommand(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("train", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("o", "", "write the model file to `FILE` (required)")
	dev := flags.String("dev", "", "held-out data to score each pass on, and to keep the best pass by (`FILE`, any format train reads)")
	epochs := flags.Int("epochs", 14, "most passes over the training data")
	name := flags.String("name", "", "the model's name in the annotations it suggests (default: from -o)")
	seed := flags.Uint64("seed", 1, "seed of the order of documents in each pass")
	base := flags.String("base", "", "continue from `MODEL` (builtin, or a model file): learn the corrections of library exports into it")
	complete := flags.Bool("complete", false, "with -base: the files mark every entity, so text no note covers is no entity")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *out == "" || flags.NArg() == 0 {
		fmt.Fprintln(stderr, "glossa train: give -o FILE and at least one training file (glossa train -o my.model FILE...)")
		return 2
	}
	if *name == "" {
		*name = strings.TrimSuffix(baseName(*out), ".model")
	}
	if *base != "" {
		return continueTraining(*base, *out, *name, *dev, *complete, flags.Args(), stdout, stderr)
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
	return writeDevScores(data, devDocs, stdout, stderr)
}

// writeDevScores prints the scores of the model file data on the dev
// documents, if any.
func writeDevScores(data []byte, devDocs []news.TrainDocument, stdout, stderr io.Writer) int {
	if len(devDocs) == 0 {
		return 0
	}
	m, err := news.ParseModel(data)
	if err != nil {
		fmt.Fprintf(stderr, "glossa train: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "dev scores (exact spans, by the model's labels):")
	m.Evaluate(devDocs).WriteTable(stdout)
	return 0
}

// continueTraining is glossa train -base: it learns the corrections of the
// library exports in files on top of the base model, as the browser learns
// them (package learn): what the exports' learned records carry for that
// model first, then each article's notes and decisions (a decision learned
// already is not learned again), and folds what was learned into a model
// file of its own.
func continueTraining(baseName, out, name, dev string, complete bool, files []string, stdout, stderr io.Writer) int {
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "glossa train: "+format+"\n", args...)
		return 1
	}
	m, err := loadBase(baseName)
	if err != nil {
		return fail("-base: %v", err)
	}
	var recs []library.Learned
	var docs []library.StoredDoc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return fail("%v", err)
		}
		if isCoNLL(data) {
			return fail("%s: a CoNLL file holds no reader's corrections: with -base, give library exports (W3C, doccano or spaCy JSONL, brat); without -base, train trains a model from scratch on it", f)
		}
		store := library.NewMemStore()
		if _, err := formats.ImportInto(store, f, data, time.Now()); err != nil {
			return fail("%s: %v", f, err)
		}
		b, err := formats.LoadBundle(store)
		if err != nil {
			return fail("%s: %v", f, err)
		}
		recs = append(recs, b.Learned...)
		docs = append(docs, b.Docs...)
	}
	opt := learn.DefaultOptions
	if complete {
		opt.Rest = learn.RestOutside
	}
	l := learn.New(m, opt)
	carried, others := 0, 0
	for _, r := range recs {
		if r.Model == m.ID() {
			carried += r.Corrections
		} else {
			others++
		}
	}
	if err := l.Load(recs); err != nil {
		return fail("%v", err)
	}
	if others > 0 {
		fmt.Fprintf(stderr, "glossa train: %d parts of what was learned are for other models than %s (%s), left out\n", others, baseName, m.ID())
	}
	learned := 0
	for _, d := range docs {
		w, err := d.Workspace()
		if err != nil {
			return fail("article %s: %v", d.Meta.Title, err)
		}
		learned += l.Learn(learn.FromWorkspace(w)).Corrections
	}
	if l.Corrections() == 0 {
		return fail("the files hold no correction to learn from (no entity annotation, no rejected suggestion, nothing learned for %s)", m.ID())
	}
	fmt.Fprintf(stderr, "glossa train: %d articles; learned from %d corrections (%d carried by what the exports learned, %d new)\n",
		len(docs), l.Corrections(), carried, learned)
	info := news.Info{Name: name, Trained: fmt.Sprintf("%s; then glossa train -base on %s: %d corrections", strings.TrimSuffix(m.Info().Trained, "."), strings.Join(files, ", "), l.Corrections())}
	data, dropped, err := m.Fold(l.Delta(), info)
	if err != nil {
		return fail("%v", err)
	}
	if dropped > 0 {
		fmt.Fprintf(stderr, "glossa train: the model's table had no room for %d of %d learned rows; the lightest were left out\n", dropped, l.Delta().Len())
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fail("%v", err)
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", out, len(data))
	if dev == "" {
		return 0
	}
	devDocs, err := readTrainingFile(dev)
	if err != nil {
		return fail("-dev: %v", err)
	}
	return writeDevScores(data, devDocs, stdout, stderr)
}

// loadBase loads the model -base names: "builtin" or a model file.
func loadBase(name string) (*news.Model, error) {
	if name == "builtin" {
		return builtin.Model()
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return news.ParseModel(data)
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

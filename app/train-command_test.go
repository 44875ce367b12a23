//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
	"glossa/annotate/ner/news/builtin"
	"glossa/annotate/ner/news/learn"
)

// trainingCoNLL writes n small CoNLL documents of made-up names.
func trainingCoNLL(n int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 3))
	first := []string{"Anna", "Boris", "Carla", "David", "Elena", "Farid"}
	last := []string{"Kowalski", "Moreau", "Novak", "Okafor", "Petrov", "Rossi"}
	places := []string{"Lagos", "Oslo", "Lima", "Hanoi", "Quito", "Riga"}
	var b strings.Builder
	for range n {
		b.WriteString("-DOCSTART- -X- -X- O\n\n")
		for range 5 {
			fmt.Fprintf(&b, "%s B-PER\n%s I-PER\nvisited O\n%s B-LOC\nlast O\nweek O\n. O\n\n",
				first[rng.IntN(len(first))], last[rng.IntN(len(last))], places[rng.IntN(len(places))])
		}
	}
	return b.String()
}

func TestTrainCommand(t *testing.T) {
	dir := t.TempDir()
	train := writeFile(t, dir, "train.conll", []byte(trainingCoNLL(30, 1)))
	dev := writeFile(t, dir, "dev.conll", []byte(trainingCoNLL(5, 2)))
	model := filepath.Join(dir, "my.model")
	out, errs, status := run(t, "", "train", "-o", model, "-epochs", "3", "-dev", dev, train)
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	for _, want := range []string{"pass 1: ", "pass 3: ", "dev F1 "} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q lacks %q", errs, want)
		}
	}
	if !strings.Contains(out, "wrote "+model) || !strings.Contains(out, "overall") {
		t.Errorf("stdout %q: no file or no dev table", out)
	}
	article := writeFile(t, dir, "a.txt", []byte("Visit\n\nElena Novak visited Riga last week."))
	out, errs, status = run(t, "", "annotate", "--model", model, article)
	if status != 0 {
		t.Fatalf("annotate --model: exit %d: %s", status, errs)
	}
	got := strings.Join(entitiesOf(t, decodeCollections(t, out)[0]), "\n")
	for _, want := range []string{"PERSON Elena Novak ", "GPE Riga ", "DATE last week "} {
		if !strings.Contains(got, want) {
			t.Errorf("the trained model's annotations lack %q:\n%s", want, got)
		}
	}
	if !strings.Contains(out, `"name": "my"`) {
		t.Error("the annotations do not name the trained model")
	}
}

func TestTrainCommandFromDoccano(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 40 {
		name := []string{"Anna Rossi", "Boris Novak", "Carla Petrov"}[i%3]
		city := []string{"Oslo", "Lima", "Riga"}[i%3]
		text := name + " met officials in " + city + "."
		fmt.Fprintf(&b, `{"text": %q, "label": [[0, %d, "PERSON"], [%d, %d, "GPE"]]}`+"\n",
			text, len(name), len(name)+len(" met officials in "), len(name)+len(" met officials in ")+len(city))
	}
	data := writeFile(t, dir, "notes.jsonl", []byte(b.String()))
	model := filepath.Join(dir, "d.model")
	if _, errs, status := run(t, "", "train", "-o", model, "-epochs", "2", data); status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	if _, err := os.Stat(model); err != nil {
		t.Fatal(err)
	}
	out, errs, status := run(t, "Carla Rossi met officials in Lima.", "annotate", "--model", model)
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	got := strings.Join(entitiesOf(t, decodeCollections(t, out)[0]), "\n")
	if !strings.Contains(got, "PERSON Carla Rossi ") || !strings.Contains(got, "GPE Lima ") {
		t.Errorf("a model trained on doccano JSONL found:\n%s", got)
	}
}

func TestTrainAndModelErrors(t *testing.T) {
	dir := t.TempDir()
	notModel := writeFile(t, dir, "x.model", []byte("not a model at all"))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no output", []string{"train", "x.conll"}, "give -o FILE"},
		{"missing file", []string{"train", "-o", filepath.Join(dir, "m"), filepath.Join(dir, "nope.conll")}, "nope.conll: no such file"},
		{"no entities", []string{"train", "-o", filepath.Join(dir, "m"), writeFile(t, dir, "o.conll", []byte("a O\nb O\n"))}, "no training data"},
		{"bad model file", []string{"annotate", "--model", notModel}, "not a usable Glossa entity model"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, status := run(t, "Anna Rossi", tc.args...)
			if status == 0 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want a failure saying %q", status, errs, tc.want)
			}
		})
	}
}

func TestAnnotateModelProse(t *testing.T) {
	out, errs, status := run(t, "Theresa May met Angela Merkel in Berlin.", "annotate", "--model", "prose")
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	if !strings.Contains(out, "prose") || !strings.Contains(strings.Join(entitiesOf(t, decodeCollections(t, out)[0]), "\n"), "Berlin") {
		t.Errorf("--model prose output:\n%s", out)
	}
}

// libraryExport writes a library's W3C export of the texts, in each of
// which the reader made the name an ORG: by hand, over the built-in
// model's suggestion, which they rejected. It carries the learned records
// given.
func libraryExport(t *testing.T, dir string, texts []string, name string, learned []library.Learned) string {
	t.Helper()
	r, err := builtin.Recognizer()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	s := library.NewMemStore()
	for i, text := range texts {
		doc, err := library.NewStoredDoc(text, "paste", now)
		if err != nil {
			t.Fatal(err)
		}
		d := annotate.NewDocument(doc.Text)
		ents, err := annotate.RecognizeBlocks(d, r, nil)
		if err != nil {
			t.Fatal(err)
		}
		w := annotate.NewWorkspace(d).WithSuggestions(ents, r.Name())
		start := d.Text.BytePoint(strings.Index(doc.Text, name))
		sp := annotate.Span{Start: start, End: start + len([]rune(name))}
		for _, e := range w.Suggestions {
			if e.Start < sp.End && sp.Start < e.End {
				if w, err = w.Reject(e.Key()); err != nil {
					t.Fatal(err)
				}
			}
		}
		if w, err = w.Create(sp, annotate.Org, fmt.Sprintf("urn:uuid:00000000-0000-7000-8000-%012d", i+1), nil, now); err != nil {
			t.Fatal(err)
		}
		c := library.PutDoc(doc)
		c.PutNotes, c.PutRejected = w.Notes, fixtureKeys(w.Rejected)
		if err := s.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	if len(learned) > 0 {
		if err := s.Apply(library.Change{PutLearned: learned}); err != nil {
			t.Fatal(err)
		}
	}
	b, err := formats.LoadBundle(s)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := formats.ExportW3C(b, &buf); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, "library.jsonld", buf.Bytes())
}

func fixtureKeys(m map[annotate.SuggestionKey]bool) []annotate.SuggestionKey {
	var out []annotate.SuggestionKey
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, annotate.CompareKeys)
	return out
}

// labelOf annotates text with the model file and returns the label of
// name, or "".
func labelOf(t *testing.T, dir, model, text, name string) string {
	t.Helper()
	article := writeFile(t, dir, "article.txt", []byte(text))
	out, errs, status := run(t, "", "annotate", "--model", model, article)
	if status != 0 {
		t.Fatalf("annotate --model: exit %d: %s", status, errs)
	}
	for _, e := range entitiesOf(t, decodeCollections(t, out)[0]) {
		if label, rest, _ := strings.Cut(e, " "); strings.HasPrefix(rest, name+" ") {
			return label
		}
	}
	return ""
}

// TestTrainFromBase: glossa train -base continues from the built-in model
// with a reader's corrections in a library export, and writes a model that
// makes them.
func TestTrainFromBase(t *testing.T) {
	dir := t.TempDir()
	const third = "Workers at Vantor Quell walked out on Thursday."
	builtinPath := filepath.Join(dir, "builtin.model")
	if err := os.WriteFile(builtinPath, builtin.File, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := labelOf(t, dir, builtinPath, third, "Vantor Quell"); got == "ORG" {
		t.Fatal("the built-in model already gets it right: the test needs a mistake")
	}
	export := libraryExport(t, dir, []string{
		"Kevin Marsh, a spokesman for Vantor Quell, said the talks had failed.",
		"Vantor Quell said on Friday it would close two plants in Ohio.",
	}, "Vantor Quell", nil)
	model := filepath.Join(dir, "newsroom.model")
	out, errs, status := run(t, "", "train", "-base", "builtin", "-o", model, export)
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	if !strings.Contains(out, "wrote "+model) || !strings.Contains(errs, "learned from 4 corrections (0 carried") {
		t.Errorf("stdout %q, stderr %q", out, errs)
	}
	if got := labelOf(t, dir, model, third, "Vantor Quell"); got != "ORG" {
		t.Errorf("with the new model, Vantor Quell is %q, want ORG", got)
	}
	if labelOf(t, dir, builtinPath, third, "Vantor Quell") == "ORG" {
		t.Error("the base model changed")
	}
}

// TestTrainFromBaseFoldsWhatWasLearned: what the browser learned, carried
// by the export, goes into the model, even for articles no longer in the
// library; a CoNLL file is refused with -base.
func TestTrainFromBaseFoldsWhatWasLearned(t *testing.T) {
	dir := t.TempDir()
	m, err := builtin.Model()
	if err != nil {
		t.Fatal(err)
	}
	l := learn.New(m, learn.Options{})
	learnedExport := libraryExport(t, t.TempDir(), []string{"Kevin Marsh, a spokesman for Vantor Quell, said the talks had failed."}, "Vantor Quell", nil)
	scratch := library.NewMemStore()
	data, _ := os.ReadFile(learnedExport)
	if _, err := formats.ImportInto(scratch, "x.jsonld", data, time.Now()); err != nil {
		t.Fatal(err)
	}
	b, _ := formats.LoadBundle(scratch)
	w, err := b.Docs[0].Workspace()
	if err != nil {
		t.Fatal(err)
	}
	l.Learn(learn.FromWorkspace(w))
	rec, err := l.Record()
	if err != nil {
		t.Fatal(err)
	}
	// A library holding another article only, and what was learned.
	export := libraryExport(t, dir, []string{"Analysts said Zorblax Industries would cut 200 jobs in Ohio."}, "Zorblax Industries", []library.Learned{rec})
	model := filepath.Join(dir, "newsroom.model")
	_, errs, status := run(t, "", "train", "-base", "builtin", "-o", model, export)
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	if !strings.Contains(errs, "(2 carried by what the exports learned, 2 new)") {
		t.Errorf("stderr %q", errs)
	}
	if got := labelOf(t, dir, model, "Workers at Vantor Quell walked out on Thursday.", "Vantor Quell"); got != "ORG" {
		t.Errorf("what the browser learned is not in the model: Vantor Quell is %q", got)
	}
	conll := writeFile(t, dir, "train.conll", []byte(trainingCoNLL(2, 1)))
	if _, errs, status := run(t, "", "train", "-base", "builtin", "-o", model, conll); status != 1 || !strings.Contains(errs, "CoNLL") {
		t.Errorf("a CoNLL file with -base: exit %d, %q", status, errs)
	}
}

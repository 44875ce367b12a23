//go:build !wasm

package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

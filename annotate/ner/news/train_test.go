package news_test

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"glossa/annotate"
	"glossa/annotate/ner/news"
)

// small trains one model on synthetic data, once per test binary.
var small = sync.OnceValues(func() (*news.Model, []byte) {
	m, data, err := news.Train(synth(60, 1), news.TrainOptions{Epochs: 4, Info: news.Info{Name: "test model"}})
	if err != nil {
		panic(err)
	}
	return m, data
})

func TestTrainLearnsSmallData(t *testing.T) {
	m, _ := small()
	sc := m.Evaluate(synth(20, 2))
	if f := sc.Overall.F1(); f < 0.95 {
		var b bytes.Buffer
		sc.WriteTable(&b)
		t.Errorf("F1 %.3f on held-out synthetic data, want at least 0.95:\n%s", f, b.String())
	}
	if got := m.Info().Types; strings.Join(got, " ") != "LOC ORG PER" {
		t.Errorf("types %v", got)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	_, a := small()
	_, b, err := news.Train(synth(60, 1), news.TrainOptions{Epochs: 4, Info: news.Info{Name: "test model"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("training twice on the same data gave different model files")
	}
	_, c, err := news.Train(synth(60, 1), news.TrainOptions{Epochs: 4, Seed: 9, Info: news.Info{Name: "test model"}})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, c) {
		t.Error("another seed gave the same model file: is the seed used?")
	}
}

func TestTrainChoosesEpochOnDev(t *testing.T) {
	var passes []float64
	_, _, err := news.Train(synth(30, 3), news.TrainOptions{Epochs: 3, Dev: synth(10, 4), Progress: func(p news.Progress) {
		if p.Dev == nil {
			t.Fatal("no dev scores with dev data")
		}
		passes = append(passes, p.Dev.Overall.F1())
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(passes) != 3 {
		t.Errorf("%d progress reports for 3 passes", len(passes))
	}
}

func TestTrainRefusesEmptyData(t *testing.T) {
	_, _, err := news.Train([]news.TrainDocument{{{Words: []string{"no", "names"}}}}, news.TrainOptions{})
	if !errors.Is(err, news.ErrNoTrainingData) {
		t.Errorf("got %v, want ErrNoTrainingData", err)
	}
}

func TestRecognizeWithTrainedModel(t *testing.T) {
	m, _ := small()
	r := news.New(m)
	text := "Elena Rossi visited Lagos on Monday."
	ents, err := r.Recognize(text)
	if err != nil {
		t.Fatal(err)
	}
	got := describe(text, ents)
	for _, want := range []string{"PERSON Elena Rossi", "GPE Lagos", "DATE Monday"} {
		if !strings.Contains(got, want) {
			t.Errorf("entities %q lack %q", got, want)
		}
	}
	if r.Name() != "test model" {
		t.Errorf("name %q", r.Name())
	}
}

// describe lists entities as "LABEL text", checking their offsets.
func describe(text string, ents []annotate.Entity) string {
	t := annotate.NewText(text)
	var parts []string
	for _, e := range ents {
		if got := t.Slice(e.Start, e.End); got != e.Text {
			parts = append(parts, "BAD OFFSETS "+e.Text)
			continue
		}
		parts = append(parts, string(e.Label)+" "+e.Text)
	}
	return strings.Join(parts, "; ")
}

// TestLearnDelta: a perceptron update into a delta changes what the model
// plus the delta tags, and leaves the model as it was.
func TestLearnDelta(t *testing.T) {
	m, _ := small()
	sentence := [][]string{{"Zorblax", "visited", "Oslo", "."}}
	d := m.NewDocument(sentence)
	before := m.Tag(d, nil)[0]
	gold := make([]news.Tag, 4)
	copy(gold, before)
	// Make "Zorblax" a one-token entity of the model's first type.
	gold[0] = news.Tag(4)
	delta := &news.Delta{}
	for range 5 {
		d = m.NewDocument(sentence)
		m.Tag(d, delta)
		if m.Learn(d, 0, gold, delta) == 0 {
			break
		}
	}
	if delta.Len() == 0 {
		t.Fatal("learning wrote nothing into the delta")
	}
	after := m.Tag(m.NewDocument(sentence), delta)[0]
	if after[0] != gold[0] {
		t.Errorf("with the delta, Zorblax is %s, want %s", m.TagName(after[0]), m.TagName(gold[0]))
	}
	if again := m.Tag(m.NewDocument(sentence), nil)[0]; again[0] != before[0] {
		t.Error("learning changed the base model")
	}
	feats := m.Features(m.NewDocument(sentence), 0, gold)
	if len(feats) != 4 || len(feats[0]) < 20 {
		t.Errorf("features: %d tokens, %d features for the first", len(feats), len(feats[0]))
	}
	scores := make([]float32, m.NumTags())
	m.Scores(feats[0], delta, scores)
	best := 0
	for j := range scores {
		// A sentence's first tag cannot continue an entity.
		name := m.TagName(news.Tag(j))
		if !strings.HasPrefix(name, "I-") && !strings.HasPrefix(name, "L-") && scores[j] > scores[best] {
			best = j
		}
	}
	if news.Tag(best) != gold[0] {
		t.Errorf("Scores with the delta prefer %s", m.TagName(news.Tag(best)))
	}
}

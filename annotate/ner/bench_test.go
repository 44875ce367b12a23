package ner

import (
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

	"glossa/annotate"
	"glossa/annotate/ner/compact"
	"glossa/annotate/ner/nermodel"
	"glossa/app/sample"
)

// BenchmarkModelLoad measures decoding prose's built-in model, which
// LoadModel does once per process.
func BenchmarkModelLoad(b *testing.B) {
	for b.Loop() {
		prose.ModelFromData("prose")
	}
}

// BenchmarkTagSample measures tagging the sample article, block by block,
// with the model already loaded.
func BenchmarkTagSample(b *testing.B) {
	benchmarkTag(b, sample.Article)
}

// BenchmarkTagSampleX50 measures tagging the sample repeated 50 times
// (about 22k tokens), the long-article case.
func BenchmarkTagSampleX50(b *testing.B) {
	benchmarkTag(b, strings.Repeat(sample.Article+"\n\n", 50))
}

func benchmarkTag(b *testing.B, raw string) {
	text, err := annotate.NormalizeText([]byte(raw))
	if err != nil {
		b.Fatal(err)
	}
	p := NewProse()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := annotate.RecognizeBlocks(annotate.NewDocument(text), p, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseDocument is prose's own pipeline on the sample, as one
// document with the shared model: the reference for the adapter's cost.
func BenchmarkProseDocument(b *testing.B) {
	m := LoadModel()
	for b.Loop() {
		if _, err := prose.NewDocument(sample.Article, prose.UsingModel(m), prose.WithSegmentation(false)); err != nil {
			b.Fatal(err)
		}
	}
}

// fastModel converts prose's model to the compact model file in memory, as
// build/nermodel does, and loads it, once per test binary.
var fastModel = sync.OnceValues(func() (*compact.Model, []byte) {
	data, _, err := nermodel.Convert()
	if err != nil {
		panic(err)
	}
	m, err := compact.ParseModel(data)
	if err != nil {
		panic(err)
	}
	return m, data
})

// BenchmarkFastLoadModel measures loading the compact model file, which
// replaces decoding prose's model (BenchmarkModelLoad).
func BenchmarkFastLoadModel(b *testing.B) {
	_, data := fastModel()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := compact.ParseModel(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFastTagSample is BenchmarkTagSample with compact.Recognizer.
func BenchmarkFastTagSample(b *testing.B) {
	benchmarkFastTag(b, sample.Article)
}

// BenchmarkFastTagSampleX50 is BenchmarkTagSampleX50 with
// compact.Recognizer.
func BenchmarkFastTagSampleX50(b *testing.B) {
	benchmarkFastTag(b, strings.Repeat(sample.Article+"\n\n", 50))
}

// BenchmarkFastTagSampleCold is BenchmarkFastTagSample with a new
// recognizer, whose word caches are empty, for every run: the cost of the
// first article.
func BenchmarkFastTagSampleCold(b *testing.B) {
	text, err := annotate.NormalizeText([]byte(sample.Article))
	if err != nil {
		b.Fatal(err)
	}
	m, _ := fastModel()
	for b.Loop() {
		if _, err := annotate.RecognizeBlocks(annotate.NewDocument(text), compact.New(m), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkFastTag(b *testing.B, raw string) {
	text, err := annotate.NormalizeText([]byte(raw))
	if err != nil {
		b.Fatal(err)
	}
	m, _ := fastModel()
	r := compact.New(m)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := annotate.RecognizeBlocks(annotate.NewDocument(text), r, nil); err != nil {
			b.Fatal(err)
		}
	}
}

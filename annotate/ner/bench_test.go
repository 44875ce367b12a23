package ner

import (
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"glossa/annotate"
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

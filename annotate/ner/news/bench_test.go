package news_test

import (
	"bytes"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/builtin"
	"glossa/app/sample"
)

// BenchmarkParseModel measures loading the built-in model file: what the
// browser's worker does once, on the bytes it fetched (a fresh slice).
func BenchmarkParseModel(b *testing.B) {
	data := bytes.Clone(builtin.File)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := news.ParseModel(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecognizeSample measures tagging the sample article, block by
// block as one document, reporting tokens per second.
func BenchmarkRecognizeSample(b *testing.B) { benchmarkRecognize(b, sample.Article) }

// BenchmarkRecognizeSampleX50 is the long-article case: the sample 50
// times (about 22k tokens).
func BenchmarkRecognizeSampleX50(b *testing.B) {
	benchmarkRecognize(b, strings.Repeat(sample.Article+"\n\n", 50))
}

func benchmarkRecognize(b *testing.B, raw string) {
	text, err := annotate.NormalizeText([]byte(raw))
	if err != nil {
		b.Fatal(err)
	}
	r, err := builtin.Recognizer()
	if err != nil {
		b.Fatal(err)
	}
	tokens := len(news.Tokenize(text))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := annotate.RecognizeBlocks(annotate.NewDocument(text), r, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

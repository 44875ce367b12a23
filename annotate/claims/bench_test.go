package claims_test

import (
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/claims/score"
)

// thousandWords returns an article of at least 1,000 words: the sample
// article's paragraphs, repeated, with its gold entities at each copy.
func thousandWords(b *testing.B) (*annotate.Document, []annotate.Entity) {
	d, ents, _ := sampleDoc(b)
	body := d.Blocks[3].Start // the paragraphs after the dateline
	para := []rune(d.Text.String())[body:]
	var text strings.Builder
	text.WriteString(d.Text.Slice(0, body))
	var all []annotate.Entity
	for len(score.Words(text.String())) < 1000 {
		shift := len([]rune(text.String())) - body
		text.WriteString(string(para))
		text.WriteString("\n\n")
		for _, e := range ents {
			if e.Start >= body {
				e.Start += shift
				e.End += shift
				all = append(all, e)
			}
		}
	}
	return annotate.NewDocument(text.String()), all
}

// BenchmarkFind1000Words finds the claims of a 1,000-word article (the
// sample's paragraphs, repeated), given its entities: the work the
// browser's worker does after tagging. The target is 5 ms in WebAssembly.
func BenchmarkFind1000Words(b *testing.B) {
	d, ents := thousandWords(b)
	words := len(score.Words(d.Text.String()))
	n := 0
	b.ResetTimer()
	for b.Loop() {
		n = len(claims.Find(d, ents))
	}
	b.ReportMetric(float64(words), "words")
	b.ReportMetric(float64(n), "claims")
}

// BenchmarkFindSample finds the sample's claims with its gold entities.
func BenchmarkFindSample(b *testing.B) {
	d, ents, _ := sampleDoc(b)
	for b.Loop() {
		claims.Find(d, ents)
	}
}

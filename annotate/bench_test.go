package annotate_test

import (
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/internal/fixture"
	"glossa/app/sample"
)

// BenchmarkNewDocument measures indexing the text and splitting blocks of
// the sample repeated 50 times.
func BenchmarkNewDocument(b *testing.B) {
	text := strings.Repeat(sample.Article+"\n\n", 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		annotate.NewDocument(text)
	}
}

// BenchmarkOffsets measures the three conversions over every code point of
// the sample.
func BenchmarkOffsets(b *testing.B) {
	t := annotate.NewText(sample.Article)
	for b.Loop() {
		for p := 0; p <= t.Len(); p++ {
			t.UTF16Point(t.PointUTF16(p))
			t.BytePoint(t.PointByte(p))
		}
	}
}

// BenchmarkJoinSuggestions measures joining a long article's tagging to
// its workspace (WithSuggestions, then WithClaims), which the page does
// for each edit: the sample 30 times (about 11,500 words), an entity on
// every third word and a claim in every paragraph.
func BenchmarkJoinSuggestions(b *testing.B) {
	d := annotate.NewDocument(fixture.LongText(b, 30))
	ents := fixture.WordEntities(d.Text, annotate.Person)
	var claims []annotate.ClaimSuggestion
	for _, bl := range d.Blocks {
		if bl.End-bl.Start > 20 {
			claims = append(claims, annotate.ClaimSuggestion{Span: annotate.Span{Start: bl.Start, End: bl.End}, Kind: annotate.IndirectClaim})
		}
	}
	w := annotate.NewWorkspace(d)
	for b.Loop() {
		j := w.WithSuggestions(ents, "bench").WithClaims(claims, "bench")
		if len(j.Suggestions) != len(ents)+len(claims) {
			b.Fatal(len(j.Suggestions), len(ents), len(claims))
		}
	}
	b.ReportMetric(float64(len(ents)), "entities")
	b.ReportMetric(float64(len(claims)), "claims")
}

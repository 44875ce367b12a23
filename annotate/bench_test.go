package annotate_test

import (
	"strings"
	"testing"

	"glossa/annotate"
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

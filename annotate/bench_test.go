package annotate_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

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

// BenchmarkExportSample measures building and encoding the W3C collection
// of the sample's entities.
func BenchmarkExportSample(b *testing.B) {
	text, _ := annotate.NormalizeText([]byte(sample.Article))
	doc := annotate.NewDocument(text)
	rec := fixedEntities{"Theresa May": annotate.Person, "Kaspersky": annotate.Org, "Russia": annotate.GPE, "UK": annotate.GPE}
	if _, err := annotate.RecognizeBlocks(doc, rec, nil); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	for b.Loop() {
		if _, err := json.Marshal(annotate.EntityCollection(doc, rec.Name(), counterIDs(), now)); err != nil {
			b.Fatal(err)
		}
	}
}

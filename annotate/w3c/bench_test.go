package w3c_test

import (
	"encoding/json"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/internal/fixture"
	"glossa/annotate/w3c"
	"glossa/app/sample"
)

// BenchmarkExportSample measures building and encoding the W3C collection
// of the sample's entities.
func BenchmarkExportSample(b *testing.B) {
	text, _ := annotate.NormalizeText([]byte(sample.Article))
	doc := annotate.NewDocument(text)
	rec := fixture.FixedEntities{"Theresa May": annotate.Person, "Kaspersky": annotate.Org, "Russia": annotate.GPE, "UK": annotate.GPE}
	if _, err := annotate.RecognizeBlocks(doc, rec, nil); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	for b.Loop() {
		if _, err := json.Marshal(w3c.EntityCollection(doc, rec.Name(), fixture.CounterIDs(), now)); err != nil {
			b.Fatal(err)
		}
	}
}

//go:build !wasm

package claims_test

import (
	"testing"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/ner"
)

// TestSampleProse logs how the finder does on the sample with the entities
// of the recognizer Glossa runs today (prose, whose entities compact
// reproduces in the browser) instead of the gold ones. It asserts no floor:
// the figure moves with the tagger.
func TestSampleProse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's model")
	}
	d, _, gold := sampleDoc(t)
	ents, err := annotate.RecognizeBlocks(d, ner.NewProse(), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := scoreSample(d, gold, claims.Find(d, ents))
	t.Logf("sample, entities from %s:\n%v", ner.ModelName, c)
}

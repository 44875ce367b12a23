//go:build !wasm

package claims_test

import (
	"testing"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/ner/news/builtin"
)

// TestSampleNews holds the finder to the target on the sample with
// the entities of the tagger the app and the command line run (the news
// model), not the gold ones: at least 9 of the 10 gold claims found with
// the right speaker, at most 3 proposed claims that match none.
func TestSampleNews(t *testing.T) {
	d, _, gold := sampleDoc(t)
	rec, err := builtin.Recognizer()
	if err != nil {
		t.Fatal(err)
	}
	ents, err := annotate.RecognizeBlocks(d, rec, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := scoreSample(d, gold, claims.Find(d, ents))
	t.Logf("sample, entities from %s:\n%v", rec.Name(), c)
	if c.Speaker < 9 || c.Found-c.Match > 3 {
		t.Errorf("%d of 10 claims found with the right speaker (want at least 9), %d spurious (want at most 3)", c.Speaker, c.Found-c.Match)
	}
}

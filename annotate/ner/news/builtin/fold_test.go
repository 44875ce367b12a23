package builtin_test

import (
	"bytes"
	"testing"

	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/builtin"
)

// TestFoldNothing: folding an empty delta into the built-in model writes
// the built-in model's own file.
func TestFoldNothing(t *testing.T) {
	m, err := builtin.Model()
	if err != nil {
		t.Fatal(err)
	}
	data, dropped, err := m.Fold(&news.Delta{}, m.Info())
	if err != nil || dropped != 0 {
		t.Fatal(err, dropped)
	}
	if !bytes.Equal(data, builtin.File) {
		t.Errorf("folding nothing gives %d bytes, not the model's %d", len(data), len(builtin.File))
	}
}

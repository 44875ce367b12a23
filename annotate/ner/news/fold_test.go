package news_test

import (
	"bytes"
	"testing"

	"glossa/annotate/ner/news"
)

// TestFold: a model folded with a delta tags as the model plus the delta
// does, needs no delta, and keeps the model's size; rows beyond its free
// slots are left out, the lightest first.
func TestFold(t *testing.T) {
	m, data := small()
	sentence := [][]string{{"Zorblax", "visited", "Oslo", "."}}
	gold := append([]news.Tag(nil), m.Tag(m.NewDocument(sentence), nil)[0]...)
	gold[0] = news.Tag(4) // a one-token entity of the model's first type
	delta := &news.Delta{}
	for range 5 {
		d := m.NewDocument(sentence)
		m.Tag(d, delta)
		if m.Learn(d, 0, gold, delta) == 0 {
			break
		}
	}
	folded, dropped, err := m.Fold(delta, news.Info{Name: "folded", Trained: "test"})
	if err != nil || dropped != 0 {
		t.Fatal(err, dropped)
	}
	f, err := news.ParseModel(folded)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Tag(f.NewDocument(sentence), nil)[0][0]; got != gold[0] {
		t.Errorf("the folded model tags Zorblax %s, want %s", f.TagName(got), f.TagName(gold[0]))
	}
	if f.Info().Name != "folded" || f.ID() == m.ID() || len(folded) != len(data)-len("test model")+len("folded")+len("test")-len(m.Info().Trained) {
		t.Errorf("folded model %q, id %s (base %s), %d bytes (base %d)", f.Info().Name, f.ID(), m.ID(), len(folded), len(data))
	}

	// More new rows than free slots: the heaviest stay.
	crowd := &news.Delta{}
	for i := range 200_000 {
		crowd.Add(uint64(i+1)*0x9e3779b97f4a7c15, 1, float32(1+i%7), m.NumTags())
	}
	crowd.Add(0xfeedface12345678, 2, 1000, m.NumTags())
	folded, dropped, err = m.Fold(crowd, m.Info())
	if err != nil || dropped == 0 {
		t.Fatalf("crowded fold: %v, %d dropped", err, dropped)
	}
	f, err = news.ParseModel(bytes.Clone(folded))
	if err != nil {
		t.Fatal(err)
	}
	scores := make([]float32, m.NumTags())
	f.Scores([]uint64{0xfeedface12345678}, nil, scores)
	if scores[2] <= 0 { // saturated at the model's largest weight
		t.Errorf("the heaviest new row was left out: %v", scores)
	}

	// A delta of another model's tags.
	other := &news.Delta{}
	other.Add(1, 0, 1, m.NumTags()+4)
	if _, _, err := m.Fold(other, m.Info()); err == nil {
		t.Error("folded a delta of another tag set")
	}
}

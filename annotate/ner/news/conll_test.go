package news_test

import (
	"errors"
	"strings"
	"testing"

	"glossa/annotate/ner/news"
)

func TestReadCoNLL(t *testing.T) {
	// Made-up sentences in CoNLL-2003's column format (no corpus text).
	in := "-DOCSTART- -X- -X- O\n\nAcme NNP B-NP B-ORG\nhires VBZ B-VP O\nDutch JJ B-NP B-MISC\nstaff NN I-NP O\n.\t.\tO\tO\n\r\nAnn NNP B-NP B-PER\nLee NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nLISBON NNP B-NP I-LOC\n2026-12-02 CD I-NP O\n"
	docs, err := news.ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0]) != 2 || len(docs[1]) != 1 {
		t.Fatalf("got %d documents: %+v", len(docs), docs)
	}
	s := docs[0][0]
	if strings.Join(s.Words, " ") != "Acme hires Dutch staff ." {
		t.Errorf("words %q", s.Words)
	}
	want := []news.Mention{{Start: 0, End: 1, Type: "ORG"}, {Start: 2, End: 3, Type: "MISC"}}
	if len(s.Entities) != 2 || s.Entities[0] != want[0] || s.Entities[1] != want[1] {
		t.Errorf("entities %+v", s.Entities)
	}
	if e := docs[0][1].Entities; len(e) != 1 || e[0] != (news.Mention{Start: 0, End: 2, Type: "PER"}) {
		t.Errorf("IOB2 person: %+v", e)
	}
	if e := docs[1][0].Entities; len(e) != 1 || e[0].Type != "LOC" {
		t.Errorf("IOB1 I- start: %+v", e)
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one column", "Acme B-ORG\nhires\n", "line 2"},
		{"bad label", "Acme NNP X-ORG\n", `line 1: bad training data: the label "X-ORG"`},
		{"label without type", "Acme NNP B-\n", "line 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := news.ReadCoNLL(strings.NewReader(tc.in))
			if !errors.Is(err, news.ErrBadData) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want ErrBadData saying %q", err, tc.want)
			}
		})
	}
}

// FuzzReadCoNLL: the reader never panics, and what it reads is in range.
func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nAcme NNP B-NP B-ORG\nhires VBZ B-VP O\n\nAnn B-PER\nLee I-PER\n")
	f.Add("a O\nb I-X\nc B-Y\n\n\n")
	f.Add(conll(synth(2, 5)))
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := news.ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d {
				end := 0
				for _, m := range s.Entities {
					if m.Start < end || m.End <= m.Start || m.End > len(s.Words) || m.Type == "" {
						t.Fatalf("mention %+v out of range in %d words", m, len(s.Words))
					}
					end = m.End
				}
			}
		}
	})
}

func TestTrainFromCoNLLFile(t *testing.T) {
	docs, err := news.ReadCoNLL(strings.NewReader(conll(synth(40, 11))))
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := news.Train(docs, news.TrainOptions{Epochs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if f := m.Evaluate(synth(10, 12)).Overall.F1(); f < 0.9 {
		t.Errorf("F1 %.3f after training from a CoNLL file", f)
	}
}

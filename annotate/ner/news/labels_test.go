package news

import (
	"strings"
	"sync"
	"testing"

	"glossa/annotate"
)

// listModel is a model with small name lists, trained on a few sentences:
// the label mapping reads only its lists and types.
var listModel = sync.OnceValue(func() *Recognizer {
	docs := []TrainDocument{{
		{Words: strings.Fields("Anna Novak visited Paris ."), Entities: []Mention{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{Words: strings.Fields("Acme Corp hired Russian staff ."), Entities: []Mention{{0, 2, "ORG"}, {3, 4, "MISC"}}},
	}}
	_, data, err := Train(docs, TrainOptions{Epochs: 1, Lists: []NameList{
		{Name: ListCountry, Names: []string{"United Kingdom", "US", "Russia"}},
		{Name: ListCity, Names: []string{"Moscow", "Paris"}},
		{Name: ListDemonym, Names: []string{"Russian", "British", "Muslims"}},
		{Name: ListRegion, Names: []string{"Europe", "Middle East"}},
		{Name: ListState, Names: []string{"Texas"}},
	}})
	if err != nil {
		panic(err)
	}
	m, err := ParseModel(data)
	if err != nil {
		panic(err)
	}
	return New(m)
})

func TestMapEntity(t *testing.T) {
	r := listModel()
	tests := []struct {
		sentence string
		start    int // the chunk's tokens
		end      int
		typ      string
		want     string // "LABEL text"
	}{
		{"Theresa May spoke", 0, 2, "PER", "PERSON Theresa May"},
		{"the United Kingdom said", 1, 3, "PER", "GPE United Kingdom"},
		{"Russian officials", 0, 1, "PER", "NORP Russian"},
		{"Storm Delia hit", 0, 2, "PER", "EVENT Storm Delia"},
		{"in Moscow today", 1, 2, "LOC", "GPE Moscow"},
		{"in Europe today", 1, 2, "LOC", "LOC Europe"},
		{"the Middle East", 1, 3, "LOC", "LOC Middle East"},
		{"the Thames River", 1, 3, "LOC", "LOC Thames River"},
		{"at Heathrow Airport", 1, 3, "LOC", "FAC Heathrow Airport"},
		{"at Roma Convention Center", 1, 4, "ORG", "FAC Roma Convention Center"},
		{"the National Cyber Security Centre", 1, 5, "ORG", "ORG National Cyber Security Centre"},
		{"Moscow-based Kaspersky", 0, 1, "MISC", "GPE Moscow"},
		{"Russian-backed rebels", 0, 1, "MISC", "NORP Russian"},
		{"Russian snooping", 0, 1, "MISC", "NORP Russian"},
		{"Palestinian officials", 0, 1, "MISC", "NORP Palestinian"},
		{"the World Cup final", 1, 3, "MISC", "EVENT World Cup"},
		{"the Cybertech Europa 2017 fair", 1, 3, "MISC", "EVENT Cybertech Europa 2017"},
		{"the Cybertech Europa 2017 fair", 1, 3, "ORG", "EVENT Cybertech Europa 2017"},
		{"a Windows program", 1, 2, "MISC", "MISC Windows"},
		{"the US warned", 1, 2, "ORG", "GPE US"},
		{"Kaspersky Lab denied", 0, 2, "PER", "ORG Kaspersky Lab"},
		{"Getty Images photo", 0, 2, "LOC", "ORG Getty Images"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			text := tc.sentence
			toks := Tokenize(text)
			st := &sentenceTokens{text: text, toks: toks}
			for _, tok := range toks {
				st.words = append(st.words, text[tok.Start:tok.End])
			}
			typ := -1
			for i, name := range r.m.info.Types {
				if name == tc.typ {
					typ = i
				}
			}
			sp, ok := r.mapEntity(st, chunk{tc.start, tc.end, typ})
			if got := string(sp.label) + " " + text[sp.start:sp.end]; !ok || got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMergeDates(t *testing.T) {
	ents := []span{{0, 3, annotate.Org, 0}, {10, 20, annotate.Person, 0}, {30, 35, annotate.Misc, 0}}
	dates := []span{{0, 8, annotate.Date, 0}, {18, 25, annotate.Date, 0}, {30, 40, annotate.Date, 0}}
	// The first date holds the ORG and the third overlaps a MISC: the
	// dates win. The second overlaps a PERSON it does not hold: the
	// PERSON wins.
	want := []span{{0, 8, annotate.Date, 0}, {10, 20, annotate.Person, 0}, {30, 40, annotate.Date, 0}}
	got := mergeDates(ents, dates)
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
}

package score

import (
	"testing"

	"glossa/annotate"
)

func TestWords(t *testing.T) {
	got := Words("“Kaspersky’s 2017 cyber-espionage,” he said. 𐐀x")
	want := []annotate.Span{sp(1, 10), sp(11, 12), sp(13, 17), sp(18, 23), sp(24, 33), sp(36, 38), sp(39, 43), sp(45, 47)} // 𐐀 is a letter: one code point
	if len(got) != len(want) {
		t.Fatalf("words %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d: %v, want %v", i, got[i], want[i])
		}
	}
}

// TestScore holds the overlap rule: a match shares at least half of each
// side's word tokens; pairs are one to one; the speaker is right by span or
// by last word.
func TestScore(t *testing.T) {
	//                 0         1         2         3         4         5
	//                 012345678901234567890123456789012345678901234567890123
	const text = "Ciaran Martin said the risk was high and rising today."
	risk := []annotate.Span{sp(19, 53)}     // "the risk was high and rising today": 7 words
	short := []annotate.Span{sp(19, 36)}    // "the risk was high": 4 words, 4 of 7 shared
	tooShort := []annotate.Span{sp(23, 36)} // "risk was high": 3 of 7
	martin := []annotate.Span{sp(0, 13)}
	tests := []struct {
		name        string
		gold, found []Claim
		want        Counts
	}{
		{"exact", []Claim{{Content: risk, Speaker: martin}}, []Claim{{Content: risk, Speaker: martin}}, Counts{1, 1, 1, 1}},
		{"half of the gold", []Claim{{Content: risk, Speaker: martin}}, []Claim{{Content: short, Speaker: martin}}, Counts{1, 1, 1, 1}},
		{"less than half of the gold", []Claim{{Content: risk}}, []Claim{{Content: tooShort}}, Counts{1, 1, 0, 0}},
		{"less than half of the found", []Claim{{Content: tooShort}}, []Claim{{Content: risk}}, Counts{1, 1, 0, 0}},
		{"one to one", []Claim{{Content: risk}}, []Claim{{Content: risk}, {Content: short}}, Counts{2, 1, 1, 1}},
		{"speaker by span", []Claim{{Content: risk, Speaker: martin}}, []Claim{{Content: risk, Speaker: []annotate.Span{sp(7, 13)}}}, Counts{1, 1, 1, 1}},
		{"speaker by last word", []Claim{{Content: risk, Speaker: []annotate.Span{sp(40, 46)}, Name: "Martin"}},
			[]Claim{{Content: risk, Speaker: []annotate.Span{sp(0, 2)}, Name: "Ciaran Martin’s"}}, Counts{1, 1, 1, 1}},
		{"wrong speaker", []Claim{{Content: risk, Speaker: martin, Name: "Ciaran Martin"}},
			[]Claim{{Content: risk, Speaker: []annotate.Span{sp(14, 18)}, Name: "Theresa May"}}, Counts{1, 1, 1, 0}},
		{"no source, no speaker", []Claim{{Content: risk}}, []Claim{{Content: risk}}, Counts{1, 1, 1, 1}},
		{"no source, a speaker", []Claim{{Content: risk}}, []Claim{{Content: risk, Speaker: martin, Name: "Martin"}}, Counts{1, 1, 1, 0}},
		{"pieces", []Claim{{Content: []annotate.Span{sp(19, 27), sp(41, 53)}}}, []Claim{{Content: []annotate.Span{sp(19, 27), sp(48, 53)}}}, Counts{1, 1, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := Score(text, tc.gold, tc.found)
			if got != tc.want {
				t.Errorf("counts %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestPRF(t *testing.T) {
	c := Counts{Found: 10, Gold: 8, Match: 6, Speaker: 4}
	p, r, f := c.PRF(false)
	if p != 0.6 || r != 0.75 || f < 0.6666 || f > 0.6667 {
		t.Errorf("claims P %v R %v F1 %v", p, r, f)
	}
	if p, r, _ := c.PRF(true); p != 0.4 || r != 0.5 {
		t.Errorf("speakers P %v R %v", p, r)
	}
	if p, r, f := (Counts{}).PRF(false); p != 0 || r != 0 || f != 0 {
		t.Errorf("empty counts: %v %v %v", p, r, f)
	}
}

func sp(start, end int) annotate.Span { return annotate.Span{Start: start, End: end} }

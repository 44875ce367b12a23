package news_test

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"glossa/annotate/ner/news"
)

// synth makes n small training documents from templates: people, places
// and organisations in a few sentence shapes, with a headline in capitals
// now and then. The tests train on it; it is deterministic for a seed.
func synth(n int, seed uint64) []news.TrainDocument {
	rng := rand.New(rand.NewPCG(seed, 7))
	first := []string{"Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas"}
	last := []string{"Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka"}
	places := []string{"Paris", "Lagos", "Oslo", "Lima", "Hanoi", "Quito", "Accra", "Riga", "Dakar", "Perth"}
	orgs := [][]string{{"Acme", "Corp"}, {"Globex"}, {"Initech", "Ltd"}, {"Umbrella", "Group"}, {"Vandelay", "Industries"}, {"Stark", "Bank"}}
	type piece struct {
		words []string
		typ   string
	}
	lower := func(s string) piece { return piece{strings.Fields(s), ""} }
	var docs []news.TrainDocument
	for range n {
		var doc news.TrainDocument
		for k := range 4 + rng.IntN(4) {
			per := piece{[]string{first[rng.IntN(len(first))], last[rng.IntN(len(last))]}, "PER"}
			loc := piece{[]string{places[rng.IntN(len(places))]}, "LOC"}
			org := piece{orgs[rng.IntN(len(orgs))], "ORG"}
			var parts []piece
			switch rng.IntN(4) {
			case 0:
				parts = []piece{per, lower("visited"), loc, lower("on Monday .")}
			case 1:
				parts = []piece{lower("shares in"), org, lower("rose after"), per, lower("spoke in"), loc, lower(".")}
			case 2:
				parts = []piece{org, lower("said it would open an office in"), loc, lower(".")}
			default:
				parts = []piece{lower("the minister ,"), per, lower(", met officials from"), org, lower(".")}
			}
			var s news.Sentence
			for _, p := range parts {
				if p.typ != "" {
					s.Entities = append(s.Entities, news.Mention{Start: len(s.Words), End: len(s.Words) + len(p.words), Type: p.typ})
				}
				s.Words = append(s.Words, p.words...)
			}
			if k == 0 && rng.IntN(3) == 0 {
				for i, w := range s.Words {
					s.Words[i] = strings.ToUpper(w)
				}
			}
			doc = append(doc, s)
		}
		docs = append(docs, doc)
	}
	return docs
}

// conll writes documents as a CoNLL column file.
func conll(docs []news.TrainDocument) string {
	var b strings.Builder
	for _, d := range docs {
		b.WriteString("-DOCSTART- -X- -X- O\n\n")
		for _, s := range d {
			labels := make([]string, len(s.Words))
			for i := range labels {
				labels[i] = "O"
			}
			for _, m := range s.Entities {
				for i := m.Start; i < m.End; i++ {
					p := "I-"
					if i == m.Start {
						p = "B-"
					}
					labels[i] = p + m.Type
				}
			}
			for i, w := range s.Words {
				fmt.Fprintf(&b, "%s X X %s\n", w, labels[i])
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

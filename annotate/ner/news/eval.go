package news

import (
	"fmt"
	"io"
	"sort"
)

// Counts are the counts behind exact-span scores: a predicted entity is
// correct when its first and last token and its type are the gold one's.
type Counts struct{ Gold, Predicted, Correct int }

// Precision is Correct/Predicted (0 when nothing was predicted).
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold (0 when there is no gold entity).
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Add adds o's counts to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	c.Correct += o.Correct
}

// Scores are typed exact-span scores, CoNLL-style: overall and per type.
type Scores struct {
	Overall Counts
	ByType  map[string]Counts
}

// Types returns the types scored, sorted.
func (s Scores) Types() []string {
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	return types
}

// Count adds one sentence's gold and predicted mentions.
func (s *Scores) Count(gold, predicted []Mention) {
	if s.ByType == nil {
		s.ByType = map[string]Counts{}
	}
	type key struct {
		start, end int
		typ        string
	}
	want := map[key]bool{}
	for _, g := range gold {
		want[key{g.Start, g.End, g.Type}] = true
		c := s.ByType[g.Type]
		c.Gold++
		s.ByType[g.Type] = c
		s.Overall.Gold++
	}
	for _, p := range predicted {
		c := s.ByType[p.Type]
		c.Predicted++
		s.Overall.Predicted++
		if want[key{p.Start, p.End, p.Type}] {
			c.Correct++
			s.Overall.Correct++
		}
		s.ByType[p.Type] = c
	}
}

// WriteTable writes the scores as a table: precision, recall and F1 per
// type and overall.
func (s Scores) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%-8s %9s %9s %9s %7s %7s\n", "label", "precision", "recall", "F1", "gold", "found")
	row := func(name string, c Counts) {
		fmt.Fprintf(w, "%-8s %9.4f %9.4f %9.4f %7d %7d\n", name, c.Precision(), c.Recall(), c.F1(), c.Gold, c.Predicted)
	}
	for _, t := range s.Types() {
		row(t, s.ByType[t])
	}
	row("overall", s.Overall)
}

// Evaluate tags docs with the model and scores it against their entities,
// in the model's own types (for the built-in model, CoNLL's).
func (m *Model) Evaluate(docs []TrainDocument) Scores { return m.EvaluateWith(docs, nil) }

// EvaluateWith scores the model plus delta (which may be nil) on docs, as
// Evaluate does.
func (m *Model) EvaluateWith(docs []TrainDocument, delta *Delta) Scores {
	return evaluate(m.scorer(delta), m.ntags, m.info.Types, m, docs)
}

func evaluate(sc scorer, ntags int, types []string, lists *Model, docs []TrainDocument) Scores {
	var s Scores
	s.ByType = map[string]Counts{}
	dec := newDecoder(ntags, sc)
	for _, doc := range docs {
		tags := dec.tagDocument(prepare(doc, lists))
		for i, sent := range doc {
			var predicted []Mention
			for _, c := range chunks(tags[i]) {
				predicted = append(predicted, Mention{Start: c.start, End: c.end, Type: types[c.typ]})
			}
			s.Count(sent.Entities, predicted)
		}
	}
	return s
}

// EvaluateMapped scores the recognizer's model on docs in Glossa's labels:
// the model's entities and the gold ones both go through the label
// mapping (labels.go), so the scores show what the mapping makes of the
// model's types. It also counts, for the gold entities, which label each
// of the model's types became ("LOC→GPE"). Dates, headline trimming and
// the other rules of Recognize are left out: the data is tokenized.
func (r *Recognizer) EvaluateMapped(docs []TrainDocument) (Scores, map[string]int) {
	s := Scores{ByType: map[string]Counts{}}
	mapping := map[string]int{}
	typeIndex := map[string]int{}
	for i, t := range r.m.info.Types {
		typeIndex[t] = i
	}
	dec := newDecoder(r.m.ntags, r.m.scorer(r.delta))
	for _, doc := range docs {
		d := prepare(doc, r.m)
		tags := dec.tagDocument(d)
		for i, sent := range doc {
			st := sentenceTokens{words: sent.Words, in: &d.sents[i]}
			var b []byte
			for _, w := range sent.Words {
				if len(b) > 0 {
					b = append(b, ' ')
				}
				st.toks = append(st.toks, Token{Start: len(b), End: len(b) + len(w)})
				b = append(b, w...)
			}
			st.text = string(b)
			var gold, predicted []Mention
			for _, c := range mentionChunks(sent.Entities, typeIndex) {
				if sp, ok := r.mapEntity(&st, c); ok {
					gold = append(gold, Mention{Start: sp.start, End: sp.end, Type: string(sp.label)})
					mapping[r.m.info.Types[c.typ]+"→"+string(sp.label)]++
				}
			}
			for _, c := range chunks(tags[i]) {
				if sp, ok := r.mapEntity(&st, c); ok {
					predicted = append(predicted, Mention{Start: sp.start, End: sp.end, Type: string(sp.label)})
				}
			}
			s.Count(gold, predicted)
		}
	}
	return s, mapping
}

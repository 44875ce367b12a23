package news

import (
	"glossa/annotate"
)

// Labeled is a labeled span of a text: an entity a reader marked.
type Labeled struct {
	Start, End int // code points, end exclusive
	Label      string
}

// FromText makes a training document of a text and its entities, as the
// recognizer reads it: block by block (annotate.NewDocument's blocks),
// tokenized and split into sentences as Recognize does. An entity whose
// ends fall inside a token, or that crosses sentences, cannot be a
// sequence of tags: its tokens are marked Unsure, so training neither
// learns it nor learns that it is not there.
func FromText(text string, ents []Labeled) TrainDocument {
	d := annotate.NewDocument(text)
	t := d.Text
	var doc TrainDocument
	for bi, b := range d.Blocks {
		block := d.BlockText(bi)
		toks := Tokenize(block)
		for _, s := range sentences(block, toks) {
			sent := Sentence{Words: make([]string, s.end-s.start)}
			// Code point ranges of the sentence's tokens in the text.
			starts := make([]int, len(sent.Words))
			ends := make([]int, len(sent.Words))
			base := t.PointByte(b.Start)
			for i := range sent.Words {
				tok := toks[s.start+i]
				sent.Words[i] = block[tok.Start:tok.End]
				starts[i] = t.BytePoint(base + tok.Start)
				ends[i] = t.BytePoint(base + tok.End)
			}
			if len(starts) == 0 {
				continue
			}
			first, last := starts[0], ends[len(ends)-1]
			for _, e := range ents {
				if e.End <= first || e.Start >= last {
					continue
				}
				i, j := -1, -1
				for k := range starts {
					if starts[k] == e.Start {
						i = k
					}
					if ends[k] == e.End {
						j = k + 1
					}
				}
				if i >= 0 && j > i {
					sent.Entities = append(sent.Entities, Mention{Start: i, End: j, Type: e.Label})
					continue
				}
				if sent.Unsure == nil {
					sent.Unsure = make([]bool, len(sent.Words))
				}
				for k := range starts {
					if starts[k] < e.End && e.Start < ends[k] {
						sent.Unsure[k] = true
					}
				}
			}
			sortMentions(sent.Entities)
			doc = append(doc, sent)
		}
	}
	return doc
}

// FromNotes makes a training document of an article's text and the
// reader's notes on it (what a doccano or spaCy JSONL file, a brat file or
// a W3C export holds, once imported): its entity notes (claims are not
// entities). Text no note covers counts as no entity: a reader's export
// is taken to mark every entity it holds. It returns nil for a text with
// no words.
func FromNotes(text string, notes []annotate.Note) TrainDocument {
	var ents []Labeled
	for _, n := range notes {
		if n.Label == annotate.Claim || !n.Label.Valid() {
			continue
		}
		ents = append(ents, Labeled{Start: n.Span.Start, End: n.Span.End, Label: string(n.Label)})
	}
	return FromText(text, ents)
}

// sortMentions sorts mentions by start, longest first.
func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && (ms[j].Start < ms[j-1].Start || ms[j].Start == ms[j-1].Start && ms[j].End > ms[j-1].End); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

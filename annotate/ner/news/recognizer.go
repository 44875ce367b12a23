package news

import (
	"slices"
	"unicode/utf8"

	"glossa/annotate"
)

// Recognizer is an annotate.Recognizer on a Model: it tokenizes a text,
// splits it into sentences, tags them, maps the model's entity types to
// Glossa's labels (see labels.go), adds dates found by rule (dates.go) and
// trims headline words (headlines.go).
//
// It is an annotate.DocumentRecognizer: through ForDocument, the blocks of
// one document are read as one text, so that how a word is cased anywhere
// in it, and how earlier blocks tagged it, inform each block. A Recognizer
// is safe for concurrent use; what ForDocument returns is for one caller.
type Recognizer struct {
	m     *Model
	delta *Delta
	bits  listBits
}

var (
	_ annotate.Recognizer         = (*Recognizer)(nil)
	_ annotate.DocumentRecognizer = (*Recognizer)(nil)
)

// listBits are the bits of the name lists the label mapping reads in the
// model's lists, 0 for those the model lacks.
type listBits struct{ country, city, demonym, region, state, lower, lower2 uint8 }

// New returns a recognizer on m.
func New(m *Model) *Recognizer {
	bit := func(name string) uint8 {
		if i := slices.Index(m.info.Lists, name); i >= 0 {
			return 1 << i
		}
		return 0
	}
	return &Recognizer{m: m, bits: listBits{
		country: bit(ListCountry), city: bit(ListCity), demonym: bit(ListDemonym),
		region: bit(ListRegion), state: bit(ListState), lower: bit(ListLower), lower2: bit(ListLower2),
	}}
}

// WithDelta returns a recognizer that scores with the model's weights plus
// delta (see Model.Learn). delta must not change while it is in use.
func (r *Recognizer) WithDelta(delta *Delta) *Recognizer {
	c := *r
	c.delta = delta
	return &c
}

// Model returns the recognizer's model.
func (r *Recognizer) Model() *Model { return r.m }

// Name names the model, for the creator of the annotations it suggests.
func (r *Recognizer) Name() string {
	if r.m.info.Name == "" {
		return "Glossa entity model"
	}
	return r.m.info.Name
}

// Recognize finds the entities of text, read as a document of its own.
// Offsets are code points into text; entities are in order and do not
// overlap.
func (r *Recognizer) Recognize(text string) ([]annotate.Entity, error) {
	return r.ForDocument(text).Recognize(text)
}

// ForDocument returns a recognizer for the blocks of one document, in
// order; it reads text first for how its words are cased.
func (r *Recognizer) ForDocument(text string) annotate.Recognizer {
	ctx := newDocContext()
	toks := Tokenize(text)
	var ws []word
	for _, s := range sentences(text, toks) {
		ws = ws[:0]
		for _, t := range toks[s.start:s.end] {
			w := text[t.Start:t.End]
			lower := toLower(w)
			ws = append(ws, word{text: w, lower: lower, hLower: hashString(lower), class: classOf(w)})
		}
		ctx.observe(ws, lineMode(ws))
	}
	return &docRecognizer{r: r, ctx: ctx, dec: newDecoder(r.m.ntags, r.m.scorer(r.delta)), names: consistency{}}
}

// docRecognizer tags the blocks of one document in order.
type docRecognizer struct {
	r     *Recognizer
	ctx   *docContext
	dec   *decoder
	names consistency
}

func (d *docRecognizer) Name() string { return d.r.Name() }

// span is an entity of a block, in bytes of its text.
type span struct {
	start, end int
	label      annotate.Label
	// chunk is 1 + the index, among the sentence's chunks of the model's
	// tags, of the chunk the entity came from; 0 for an entity of rules
	// (a date).
	chunk int
}

func (d *docRecognizer) Recognize(text string) ([]annotate.Entity, error) {
	ents, _ := d.read(text, nil)
	return ents, nil
}

// read tags a block of text and returns its entities. When rd is not nil,
// it also appends each sentence's reading to rd, in code points of the
// block (see Recognizer.Read).
func (d *docRecognizer) read(text string, rd *Reading) ([]annotate.Entity, error) {
	toks := Tokenize(text)
	if len(toks) == 0 {
		return nil, nil
	}
	sents := sentences(text, toks)
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = make([]string, s.end-s.start)
		for j := range words[i] {
			t := toks[s.start+j]
			words[i][j] = text[t.Start:t.End]
		}
	}
	doc := newDocumentIn(d.ctx, words, d.r.m)
	tags := d.dec.tagDocument(doc)
	var spans []span
	var sentSpans [][]span // each sentence's, when reading
	for si, s := range sents {
		st := sentenceTokens{text: text, toks: toks[s.start:s.end], words: words[si], in: &doc.sents[si]}
		var found []span
		raw := chunks(tags[si])
		for _, c := range refineChunks(&st, raw) {
			sp, ok := d.r.mapEntity(&st, c)
			if !ok {
				continue
			}
			sp.chunk = 1 + rawChunk(raw, c.start)
			d.names.apply(&st, c.start, c.end, &sp)
			for _, e := range d.r.refineEntity(&st, c, sp) {
				if i, j := st.tokenRange(e); i >= 0 {
					d.names.learn(&st, i, j, e.label)
				}
				found = append(found, e)
			}
		}
		if st.in.mode != modeNormal {
			found = d.r.trimHeadline(&st, found)
		}
		found = mergeDates(found, findDates(&st))
		spans = append(spans, found...)
		if rd != nil {
			sentSpans = append(sentSpans, found)
		}
	}
	if rd != nil {
		rd.addBlock(text, toks, sents, doc, tags, sentSpans)
	}
	if len(spans) == 0 {
		return nil, nil
	}
	ents := make([]annotate.Entity, 0, len(spans))
	var p points
	for _, sp := range spans {
		start, end := p.at(text, sp.start), p.at(text, sp.end)
		ents = append(ents, annotate.Entity{Span: annotate.Span{Start: start, End: end}, Label: sp.label, Text: text[sp.start:sp.end]})
	}
	return ents, nil
}

// points converts byte offsets of a text, asked in increasing order, to
// code points.
type points struct{ b, p int }

func (c *points) at(text string, b int) int {
	if b < c.b {
		c.b, c.p = 0, 0
	}
	c.p += utf8.RuneCountInString(text[c.b:b])
	c.b = b
	return c.p
}

// sentenceTokens is a sentence of a block being tagged.
type sentenceTokens struct {
	text  string
	toks  []Token
	words []string
	in    *sentenceInput
}

// bytes returns the byte range of tokens [i, j).
func (s *sentenceTokens) bytes(i, j int) (int, int) { return s.toks[i].Start, s.toks[j-1].End }

// mergeDates adds the dates to the model's entities, in order. Where a date
// overlaps an entity, the date wins over MISC entities and entities inside
// it ("Dec" of "Dec 03, 2017"), and loses to the others.
func mergeDates(ents, dates []span) []span {
	if len(dates) == 0 {
		return ents
	}
	out := make([]span, 0, len(ents)+len(dates))
	for _, dt := range dates {
		keep := true
		for _, e := range ents {
			inside := dt.start <= e.start && e.end <= dt.end
			if e.start < dt.end && dt.start < e.end && e.label != annotate.Misc && !inside {
				keep = false
			}
		}
		if keep {
			out = append(out, dt)
		}
	}
	for _, e := range ents {
		overlap := false
		for _, dt := range out {
			if e.start < dt.end && dt.start < e.end {
				overlap = true
			}
		}
		if !overlap {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	return out
}

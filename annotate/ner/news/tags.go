package news

import "strings"

// Tag is a token's BILOU tag in a model's tag set: 0 is O (outside any
// entity); for the model's entity type k (0-based), 1+4k is B (begins a
// multi-token entity), 2+4k I (inside), 3+4k L (last) and 4+4k U (a
// one-token entity).
type Tag uint8

// Outside is the tag of a token in no entity.
const Outside Tag = 0

// tagStart stands for the tag before a sentence's first token.
const tagStart = 254

// Tag positions within an entity.
const (
	posB = iota
	posI
	posL
	posU
)

func tagOf(typ, pos int) Tag { return Tag(1 + 4*typ + pos) }

// typ returns the tag's entity type, or -1 for Outside.
func (t Tag) typ() int { return (int(t) - 1) / 4 }

// pos returns the tag's position (posB, posI, posL, posU).
func (t Tag) pos() int { return (int(t) - 1) % 4 }

// numTags is the size of a tag set of n entity types.
func numTags(types int) int { return 1 + 4*types }

// allowed reports whether tag t may follow tag prev (tagStart at a
// sentence's start) in a BILOU sequence.
func allowed(prev uint8, t Tag) bool {
	open := prev != tagStart && prev != 0 && (Tag(prev).pos() == posB || Tag(prev).pos() == posI)
	if t == Outside {
		return !open
	}
	switch t.pos() {
	case posB, posU:
		return !open
	}
	return open && Tag(prev).typ() == t.typ()
}

// TagName returns a tag's name: "O", or "B-", "I-", "L-", "U-" and the
// entity type.
func (m *Model) TagName(t Tag) string {
	if t == Outside || t.typ() >= len(m.info.Types) {
		return "O"
	}
	return string("BILU"[t.pos()]) + "-" + m.info.Types[t.typ()]
}

// chunk is an entity as a range of token indexes, end exclusive, and its
// entity type.
type chunk struct{ start, end, typ int }

// chunks reads entities off a BILOU tag sequence. It is lenient with
// sequences greedy decoding cannot make but a damaged one might: a B or I
// whose entity is not closed ends at the last token of its type.
func chunks(tags []Tag) []chunk {
	var out []chunk
	open := -1
	for i, t := range tags {
		if t == Outside {
			if open >= 0 {
				out = append(out, chunk{open, i, tags[open].typ()})
				open = -1
			}
			continue
		}
		if open >= 0 && (t.typ() != tags[open].typ() || t.pos() == posB || t.pos() == posU) {
			out = append(out, chunk{open, i, tags[open].typ()})
			open = -1
		}
		switch t.pos() {
		case posU:
			out = append(out, chunk{i, i + 1, t.typ()})
		case posB:
			open = i
		case posI, posL:
			if open < 0 {
				open = i
			}
			if t.pos() == posL {
				out = append(out, chunk{open, i + 1, t.typ()})
				open = -1
			}
		}
	}
	if open >= 0 {
		out = append(out, chunk{open, len(tags), tags[open].typ()})
	}
	return out
}

// encodeBILOU turns entity chunks over n tokens into tags.
func encodeBILOU(n int, cs []chunk) []Tag {
	tags := make([]Tag, n)
	for _, c := range cs {
		if c.end-c.start == 1 {
			tags[c.start] = tagOf(c.typ, posU)
			continue
		}
		tags[c.start] = tagOf(c.typ, posB)
		for i := c.start + 1; i < c.end-1; i++ {
			tags[i] = tagOf(c.typ, posI)
		}
		tags[c.end-1] = tagOf(c.typ, posL)
	}
	return tags
}

// iobChunks reads entities off IOB1 or IOB2 labels ("B-PER", "I-PER",
// "O"), as CoNLL files have them; types maps type names to indexes and
// grows for new ones.
func iobChunks(labels []string, types map[string]int, names *[]string) []chunk {
	var out []chunk
	open := -1
	openType := ""
	closeAt := func(i int) {
		if open >= 0 {
			out = append(out, chunk{open, i, types[openType]})
			open = -1
		}
	}
	for i, l := range labels {
		prefix, typ, ok := strings.Cut(l, "-")
		if !ok || l == "O" {
			closeAt(i)
			continue
		}
		if _, known := types[typ]; !known {
			types[typ] = len(*names)
			*names = append(*names, typ)
		}
		if prefix == "B" || typ != openType || open < 0 {
			closeAt(i)
			open, openType = i, typ
		}
	}
	closeAt(len(labels))
	return out
}

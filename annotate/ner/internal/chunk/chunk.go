// Package chunk turns tagged tokens into Glossa entities, for both of
// Glossa's recognizers built on prose's model (package ner's Prose, and
// package compact): prose's chunker over token indexes, the alignment of
// tokens with the text, and the mapping of prose's labels to Glossa's.
//
// Offsets: Span is in bytes of the text; Entities converts to code points.
package chunk

import (
	"errors"
	"strings"

	"glossa/annotate"
)

// Token is a tagged token as both recognizers see it: prose's Token, or
// package compact's equivalent. Text is the token's text after prose's quote
// normalization.
type Token struct {
	Text  string
	Tag   string // part of speech
	Label string // IOB entity label: O, B-PERSON, I-PERSON, ...
}

// Entities turns tagged tokens and their places in text into Glossa
// entities: prose's chunks with code point offsets, in Glossa's label set.
// It returns nil if there are none.
func Entities(text string, tokens []Token, spans []Span) []annotate.Entity {
	chunks := chunk(tokens)
	if len(chunks) == 0 {
		return nil
	}
	t := annotate.NewText(text)
	ents := make([]annotate.Entity, 0, len(chunks))
	for _, c := range chunks {
		start, end := t.BytePoint(spans[c.first].Start), t.BytePoint(spans[c.last].End)
		ents = append(ents, annotate.Entity{
			Span:  annotate.Span{Start: start, End: end},
			Label: MapLabel(c.label),
			Text:  t.Slice(start, end),
		})
	}
	return ents
}

// chunked is an entity as token indexes, both inclusive.
type chunked struct {
	first, last int
	label       string
}

// chunk groups IOB-labelled tokens into entities. It is prose's
// entityExtracter.chunk (extract.go) rewritten to keep token indexes instead
// of joined text; its conditions, quirks included, are prose's, so the
// entities are the ones prose's Document.Entities returns. TestMatchesProse
// and package compact's tests hold the
// two together.
func chunk(tokens []Token) []chunked {
	var out []chunked
	end := ""
	var parts []int
	for i, tok := range tokens {
		label := tok.Label
		n := len(parts)
		if (label != "O" && label != end) ||
			(n > 0 && tok.Tag == tokens[parts[n-1]].Tag) ||
			(n > 0 && tok.Tag == "CD" && tokens[parts[n-1]].Label != "O") {
			end = strings.Replace(label, "B", "I", 1)
			parts = append(parts, i)
		} else if (label == "O" && end != "") || label == end {
			if label != "O" {
				parts = append(parts, i)
			}
			out = append(out, chunked{first: parts[0], last: parts[len(parts)-1], label: entityLabel(tokens, parts)})
			end = ""
			parts = parts[:0]
		}
	}
	return out
}

// entityLabel is prose's parseEntities: PERSON wins a two-token entity with
// a B-PERSON; otherwise the first token's label type.
func entityLabel(tokens []Token, parts []int) string {
	if len(parts) == 2 {
		for _, p := range parts {
			if tokens[p].Label == "B-PERSON" {
				return "PERSON"
			}
		}
	}
	first := tokens[parts[0]].Label
	if _, after, ok := strings.Cut(first, "-"); ok {
		return strings.SplitN(after, "-", 2)[0]
	}
	return first
}

// MapLabel maps a prose label to Glossa's label set: prose's ORGANIZATION,
// FACILITY, LOCATION and GSP become ORG, FAC, LOC and NORP; labels Glossa
// shares pass through; anything else is MISC.
func MapLabel(label string) annotate.Label {
	switch label {
	case "ORGANIZATION":
		return annotate.Org
	case "FACILITY":
		return annotate.Fac
	case "LOCATION":
		return annotate.Loc
	case "GSP":
		return annotate.NORP
	}
	if l := annotate.Label(label); l.Valid() {
		return l
	}
	return annotate.Misc
}

// ModelName names prose's built-in model in annotation creators.
const ModelName = "prose v2.0.0 (built-in NER model)"

// ErrUntaggable is wrapped by the error both recognizers return for a text
// on which prose fails.
var ErrUntaggable = errors.New("text prose cannot tag")

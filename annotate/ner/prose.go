// Package ner adapts the prose NLP library (github.com/jdkato/prose/v2) to
// annotate.Recognizer.
//
// prose reports entities as text and label only. Prose recovers their
// positions from prose's token stream: it aligns each token with the text
// (undoing prose's quote normalization), then groups tokens into entities
// exactly as prose's own chunker does, so spans and labels are prose's, with
// exact code point offsets even for repeated mentions.
//
// prose's model is large (about 1.7 s to decode in a browser); it is loaded
// once per process, on first use, and shared.
package ner

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"glossa/annotate"
)

// ModelName names prose's built-in model in annotation creators.
const ModelName = "prose v2.0.0 (built-in NER model)"

var (
	modelOnce sync.Once
	model     *prose.Model
)

// LoadModel loads prose's built-in model once per process and returns it.
// Later calls return the same model at no cost.
func LoadModel() *prose.Model {
	modelOnce.Do(func() {
		model = prose.ModelFromData("prose")
	})
	return model
}

// Prose is an annotate.Recognizer backed by prose's built-in model.
type Prose struct {
	model *prose.Model
}

var _ annotate.Recognizer = (*Prose)(nil)

// NewProse returns a recognizer on the shared model, loading it if needed.
func NewProse() *Prose { return &Prose{model: LoadModel()} }

// Name names the recognizer and its model.
func (p *Prose) Name() string { return ModelName }

// Recognize tags text and returns its entities with code point offsets, in
// Glossa's label set (see MapLabel).
func (p *Prose) Recognize(text string) ([]annotate.Entity, error) {
	doc, err := prose.NewDocument(text, prose.UsingModel(p.model), prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("prose: %w", err)
	}
	tokens := doc.Tokens()
	spans, err := alignTokens(text, tokens)
	if err != nil {
		return nil, err
	}
	t := annotate.NewText(text)
	var ents []annotate.Entity
	for _, c := range chunk(tokens) {
		start, end := t.BytePoint(spans[c.first].start), t.BytePoint(spans[c.last].end)
		ents = append(ents, annotate.Entity{
			Span:  annotate.Span{Start: start, End: end},
			Label: MapLabel(c.label),
			Text:  t.Slice(start, end),
		})
	}
	return ents, nil
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

// byteSpan is a token's place in the text, in bytes.
type byteSpan struct{ start, end int }

// quoteForms lists what prose's tokenizer turns into each ASCII quote
// before splitting (its sanitizer); a token's quote may stand for any.
var quoteForms = map[byte][]string{
	'"':  {`"`, "\u201c", "\u201d"},
	'\'': {"'", "\u2018", "\u2019", "&rsquo;"},
}

// alignTokens finds each token in text, in order. Tokens are consecutive
// pieces of the text, usually with only white space between them, so each
// normally matches right after the previous one. prose's tokenizer drops a
// few pieces of text (a word starting with ' followed by s, m or re, such as
// ‘Single), so where the next token does not match there, alignment scans
// forward to its next occurrence.
func alignTokens(text string, tokens []prose.Token) ([]byteSpan, error) {
	spans := make([]byteSpan, len(tokens))
	pos := 0
	for i, tok := range tokens {
		for pos < len(text) {
			r, n := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += n
		}
		start := pos
		end, ok := matchToken(text, start, tok.Text)
		for !ok && start < len(text) {
			_, n := utf8.DecodeRuneInString(text[start:])
			start += n
			end, ok = matchToken(text, start, tok.Text)
		}
		if !ok {
			return nil, fmt.Errorf("prose: cannot align token %d %q after byte %d of %q", i, tok.Text, pos, excerpt(text, pos))
		}
		spans[i] = byteSpan{start, end}
		pos = end
	}
	return spans, nil
}

// matchToken matches tok against text at byte pos and returns where the
// match ends.
func matchToken(text string, pos int, tok string) (int, bool) {
	for j := 0; j < len(tok); j++ {
		forms, isQuote := quoteForms[tok[j]]
		if !isQuote {
			if pos >= len(text) || text[pos] != tok[j] {
				return 0, false
			}
			pos++
			continue
		}
		matched := false
		for _, f := range forms {
			if strings.HasPrefix(text[pos:], f) {
				pos += len(f)
				matched = true
				break
			}
		}
		if !matched {
			return 0, false
		}
	}
	return pos, true
}

func excerpt(text string, pos int) string {
	end := min(pos+20, len(text))
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return text[pos:end]
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
// holds the two together.
func chunk(tokens []prose.Token) []chunked {
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
func entityLabel(tokens []prose.Token, parts []int) string {
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

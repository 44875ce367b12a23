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
// once per process, on first use, and shared. Importing this package links
// prose and its model into the binary; package compact (annotate/ner/compact)
// gives the same entities without prose, from a compact model file, and is
// what a WebAssembly build should use. The chunker, the alignment and the
// label mapping both share live in annotate/ner/internal/chunk.
package ner

import (
	"fmt"
	"sync"

	"github.com/jdkato/prose/v2"

	"glossa/annotate"
	"glossa/annotate/ner/internal/chunk"
)

// ModelName names prose's built-in model in annotation creators.
const ModelName = chunk.ModelName

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
// Glossa's label set (see MapLabel). Where prose itself fails on the text
// (its tokenizer panics on a few words, such as "ȺȺȺ's", whose lower case
// is longer than they are), the error wraps ErrUntaggable.
func (p *Prose) Recognize(text string) (ents []annotate.Entity, err error) {
	defer func() {
		if r := recover(); r != nil {
			ents, err = nil, fmt.Errorf("prose: %w: %v", ErrUntaggable, r)
		}
	}()
	doc, err := prose.NewDocument(text, prose.UsingModel(p.model), prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("prose: %w", err)
	}
	tokens := fromProse(doc.Tokens())
	spans, err := chunk.Align(text, tokens)
	if err != nil {
		return nil, err
	}
	return chunk.Entities(text, tokens, spans), nil
}

// fromProse copies prose's tokens.
func fromProse(ptoks []prose.Token) []chunk.Token {
	tokens := make([]chunk.Token, len(ptoks))
	for i, t := range ptoks {
		tokens[i] = chunk.Token{Text: t.Text, Tag: t.Tag, Label: t.Label}
	}
	return tokens
}

// ErrUntaggable is wrapped by the error both recognizers return for a text
// on which prose fails.
var ErrUntaggable = chunk.ErrUntaggable

// MapLabel maps a prose label to Glossa's label set: prose's ORGANIZATION,
// FACILITY, LOCATION and GSP become ORG, FAC, LOC and NORP; labels Glossa
// shares pass through; anything else is MISC.
func MapLabel(label string) annotate.Label { return chunk.MapLabel(label) }

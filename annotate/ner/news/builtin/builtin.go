// Package builtin embeds Glossa's built-in entity model (news.model, made
// by `make model`; MODEL.md beside it says from what, how, its scores and
// its terms). Only native programs import it: the browser fetches the
// same file over HTTP instead of carrying it in its WebAssembly.
package builtin

import (
	"bytes"
	_ "embed"
	"sync"

	"glossa/annotate/ner/news"
)

// File is the model file.
//
//go:embed news.model
var File []byte

// Model returns the built-in model, parsed once per process. It parses a
// copy of File: a fresh slice is aligned for reading the model's table as
// 16-bit words in place, which embedded data need not be.
var Model = sync.OnceValues(func() (*news.Model, error) { return news.ParseModel(bytes.Clone(File)) })

// Recognizer returns a recognizer on the built-in model.
func Recognizer() (*news.Recognizer, error) {
	m, err := Model()
	if err != nil {
		return nil, err
	}
	return news.New(m), nil
}

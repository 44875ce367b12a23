//go:build js && wasm && !prose

package main

import (
	"bytes"
	"errors"

	"glossa/annotate"
)

// loadProseModel refuses prose's model: this build (tagger.wasm) runs
// Glossa's news model only; the tagging worker starts tagger-prose.wasm for
// prose's (see prose_wasm.go).
func loadProseModel(data []byte) (annotate.Recognizer, error) {
	if bytes.HasPrefix(data, []byte("GLNERMDL")) {
		return nil, errors.New("prose's model needs the tagger built with it (tagger-prose.wasm), which the tagging worker starts for it")
	}
	return nil, errors.New("the language model file is damaged or of another kind: it is neither Glossa's news model nor prose's")
}

//go:build js && wasm && prose

package main

import (
	"errors"

	"glossa/annotate"
	"glossa/annotate/ner/compact"
)

// loadProseModel reads prose's model in compact form (ner.model) for
// annotate/ner/compact. Only tagger-prose.wasm (built with -tags prose)
// has it: compact, with the regular expressions and Unicode tables it
// needs, is about 0.8 MB of WebAssembly that the default news model never
// uses, and the tagging worker starts this build only for a reader who
// chooses prose's model.
func loadProseModel(data []byte) (annotate.Recognizer, error) {
	m, err := compact.ParseModel(data)
	if err != nil {
		return nil, errors.New("the language model file is damaged or of another kind: " + err.Error())
	}
	return compact.New(m), nil
}

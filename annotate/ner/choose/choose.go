// Package choose turns the name a command's --model flag gives into an
// entity recognizer, so every program that tags text natively (glossa
// annotate, glossa-pipeline) reads the flag the same way: "" is the
// built-in news model, "prose" is prose's, anything else is a model file
// that glossa train or make model wrote.
//
// It links the built-in model (3.9 MB) and prose: native programs only.
package choose

import (
	"fmt"
	"os"

	"glossa/annotate"
	"glossa/annotate/ner"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/builtin"
)

// Prose is the --model value that picks prose's model.
const Prose = "prose"

// Recognizer returns the recognizer model names: "" for the built-in
// model, Prose for prose's, or the path of a model file.
func Recognizer(model string) (annotate.Recognizer, error) {
	return RecognizerFrom(model, os.ReadFile)
}

// RecognizerFrom is Recognizer with a model file read by read, for files
// on another file system (a cluster's object store, say). Errors name the
// flag and say what to give instead.
func RecognizerFrom(model string, read func(name string) ([]byte, error)) (annotate.Recognizer, error) {
	switch model {
	case "":
		r, err := builtin.Recognizer()
		if err != nil {
			return nil, fmt.Errorf("the built-in model does not load (a damaged build?): %w", err)
		}
		return r, nil
	case Prose:
		return ner.NewProse(), nil
	}
	data, err := read(model)
	if err != nil {
		return nil, fmt.Errorf("--model: %w", err)
	}
	m, err := news.ParseModel(data)
	if err != nil {
		return nil, fmt.Errorf("--model %s: %w (give a file glossa train or make model wrote, or \"prose\")", model, err)
	}
	return news.New(m), nil
}

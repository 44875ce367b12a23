// Package news is Glossa's entity tagger: a greedy averaged perceptron over
// BILOU tags with hashed features, trained on news (the built-in model,
// package builtin, on CoNLL-2003), in pure Go with no part-of-speech input,
// for the browser's WebAssembly worker and the command line alike.
//
// The pieces, one file each: Tokenize and the sentence splitter
// (tokenize.go); the features of a token (features.go); the model file,
// its format and ParseModel (model.go); tags and chunks (tags.go); tagging,
// scoring with a sparse Delta and the perceptron update Learn
// (tagger.go); Train and its quantization (train.go); the CoNLL reader and
// training examples from texts and bundles (conll.go, examples.go);
// evaluation (eval.go); and the Recognizer (recognizer.go) with its label
// mapping to Glossa's labels (labels.go), date rules (dates.go), rules
// that mend the model's chunks (refine.go) and headline rules
// (headlines.go).
//
// Invariants: offsets a Recognizer returns are code points into the text
// it was given, entities in order and not overlapping; a Model is
// read-only once parsed and safe for concurrent use; Train is
// deterministic: the same data and options give the same bytes. The
// package imports neither prose nor syscall/js.
package news

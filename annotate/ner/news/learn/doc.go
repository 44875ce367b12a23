// Package learn teaches Glossa's entity model (package news) from a
// reader's corrections, on the reader's own machine, at once: every
// accepted, rejected and relabeled suggestion and every entity the reader
// marks by hand is evidence about the reader's articles, and each
// corrected sentence becomes a perceptron update of a few microseconds.
//
// The pieces, one file each: Decisions (what the reader did in one
// document) become corrected sentences with gold tags (corrections.go);
// the Learner learns them into a Part, a sparse set of weight changes over
// the base model, which stays as it was loaded (learner.go); a Part is
// encoded as a small versioned binary with a checksum, naming the base
// model it is for (part.go), and kept in the library as a learned record
// (record.go; see annotate/library); TypeFor maps Glossa's labels to the
// model's types (labels.go).
//
// # How a correction teaches
//
// A sentence with a decision in it is a training sentence. Its gold tags
// are the model's own, then the reader's decisions override them: a
// rejected suggestion's tokens become O, a note's tokens its label's
// type, a relabeled note's its new one (see Corrections). Where the
// reader decided nothing, the model's own tags stand (RestModel), so that
// only the corrected parts move the weights; taking O there instead
// (RestOutside) would teach that every entity a reader did not mark is
// none, which costs a reader who marks only some of them (measured:
// see the README).
//
// Each update is shrunk by how much the base model weighs each feature
// (Options.Trust): a feature the model lacks (a new word, a new pairing
// of words) takes the whole rate, one it weighs heavily almost none. The
// base model's heavy features fire all over the text it was trained on;
// moving them moves its tagging of all text, while a reader's corrections
// are about their own articles. This keeps the built-in model within a
// fraction of a point of its dev score while it learns a new kind of text
// (build/learncurve measures both).
//
// # Invariants
//
// The base model is never written. A Learner learns each decision once
// (by its Item); a Part is for the base model of its Model ID only, and a
// Learner refuses one for another (ErrOtherModel). Encoding is
// deterministic, and ParsePart refuses what MarshalBinary would not write.
// The package imports neither syscall/js nor go-app: it runs in the
// tagging worker and the command line alike.
package learn

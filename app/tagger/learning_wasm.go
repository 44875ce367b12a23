//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/learn"
)

// tagger is the worker's state: the model loaded, and, for a news model,
// what it learned from the reader's corrections.
type tagger struct {
	base     annotate.Recognizer
	learner  *learn.Learner // nil for a model that does not learn (prose's)
	learning bool           // tag with what was learned
}

// load loads a model file, with a new learner for a news model (what was
// learned on it comes back with glossaLearnLoad).
func (t *tagger) load(data []byte) error {
	r, err := loadModel(data)
	if err != nil {
		return err
	}
	t.base, t.learner = r, nil
	if nr, ok := r.(*news.Recognizer); ok {
		t.learner = learn.New(nr.Model(), learn.Options{})
	}
	return nil
}

// recognizer is what tags: the base model, with what was learned when
// learning is on.
func (t *tagger) recognizer() annotate.Recognizer {
	if t.learner != nil && t.learning {
		return t.learner.Recognizer()
	}
	return t.base
}

// exposeLearning sets the learning functions on the worker's global
// object:
//
//	glossaLearnLoad(records)  what the library keeps of what was learned
//	                          (JSON [library.Learned…]): {corrections}
//	glossaLearn(decisions)    learns from the reader's decisions about a
//	                          document (JSON learn.Decisions): {corrections,
//	                          learned (new ones), record (JSON library.Learned, or "")}
//	glossaForget()            forgets all that was learned: {records (JSON of
//	                          what was forgotten, to undo)}
//	glossaLearning(on)        tags with what was learned, or not
func (t *tagger) exposeLearning() {
	js.Global().Set("glossaLearnLoad", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if t.learner == nil {
			return map[string]any{"corrections": 0}
		}
		var recs []library.Learned
		if len(args) != 1 || json.Unmarshal([]byte(args[0].String()), &recs) != nil {
			return failure("glossaLearnLoad(records): want the learned records as JSON")
		}
		err := t.learner.Load(recs)
		out := map[string]any{"corrections": t.learner.Corrections()}
		if err != nil {
			out["problem"] = err.Error()
		}
		return out
	}))
	js.Global().Set("glossaLearn", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if t.learner == nil {
			return failure("this model does not learn (only Glossa's news models and models trained like them do)")
		}
		var d learn.Decisions
		if len(args) != 1 || json.Unmarshal([]byte(args[0].String()), &d) != nil {
			return failure("glossaLearn(decisions): want the decisions as JSON")
		}
		res := t.learner.Learn(d)
		out := map[string]any{"corrections": t.learner.Corrections(), "learned": res.Corrections, "record": ""}
		if res.Corrections > 0 {
			if rec, err := t.learner.Record(); err == nil {
				b, _ := json.Marshal(rec)
				out["record"] = string(b)
			}
		}
		return out
	}))
	js.Global().Set("glossaForget", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if t.learner == nil {
			return map[string]any{"records": "[]"}
		}
		recs, err := t.learner.Records()
		if err != nil {
			return failure("what was learned cannot be written: " + err.Error())
		}
		if recs == nil {
			recs = []library.Learned{}
		}
		b, _ := json.Marshal(recs)
		t.learner.Forget()
		return map[string]any{"records": string(b)}
	}))
	js.Global().Set("glossaLearning", js.FuncOf(func(_ js.Value, args []js.Value) any {
		t.learning = len(args) == 1 && args[0].Truthy()
		return map[string]any{"ok": true}
	}))
}

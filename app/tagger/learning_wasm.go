//go:build js && wasm

package main

import (
	"syscall/js"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/learn"
	"glossa/annotate/ner/news/learn/wire"
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
//	                          (a Uint8Array of wire.EncodeRecords): {corrections}
//	glossaLearn(decisions)    learns from the reader's decisions about a
//	                          document (a Uint8Array of wire.Decisions): {corrections,
//	                          learned (new ones), record (wire.EncodeRecords of it, or null)}
//	glossaForget()            forgets all that was learned: {records
//	                          (wire.EncodeRecords of what was forgotten, to undo)}
//	glossaLearning(on)        tags with what was learned, or not
func (t *tagger) exposeLearning() {
	js.Global().Set("glossaLearnLoad", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if t.learner == nil {
			return map[string]any{"corrections": 0}
		}
		recs, fail := parseArg("glossaLearnLoad(records)", args, wire.ParseRecords)
		if fail != nil {
			return fail
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
		d, fail := parseArg("glossaLearn(decisions)", args, wire.ParseDecisions)
		if fail != nil {
			return fail
		}
		res := t.learner.Learn(d)
		out := map[string]any{"corrections": t.learner.Corrections(), "learned": res.Corrections, "record": nil}
		if res.Corrections > 0 {
			if rec, err := t.learner.Record(); err == nil {
				out["record"] = bytesValue(wire.EncodeRecords([]library.Learned{rec}))
			}
		}
		return out
	}))
	js.Global().Set("glossaForget", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if t.learner == nil {
			return map[string]any{"records": bytesValue(wire.EncodeRecords(nil))}
		}
		recs, err := t.learner.Records()
		if err != nil {
			return failure("what was learned cannot be written: " + err.Error())
		}
		t.learner.Forget()
		return map[string]any{"records": bytesValue(wire.EncodeRecords(recs))}
	}))
	js.Global().Set("glossaLearning", js.FuncOf(func(_ js.Value, args []js.Value) any {
		t.learning = len(args) == 1 && args[0].Truthy()
		return map[string]any{"ok": true}
	}))
}

// parseArg reads a call's one argument, a Uint8Array, with parse; when it
// cannot, it returns the call's failure, which names the call.
func parseArg[T any](call string, args []js.Value, parse func([]byte) (T, error)) (T, map[string]any) {
	var zero T
	if len(args) != 1 || !args[0].InstanceOf(js.Global().Get("Uint8Array")) {
		return zero, failure(call + ": want one Uint8Array")
	}
	b := make([]byte, args[0].Length())
	js.CopyBytesToGo(b, args[0])
	v, err := parse(b)
	if err != nil {
		return zero, failure(call + ": " + err.Error())
	}
	return v, nil
}

// bytesValue returns b as a new Uint8Array.
func bytesValue(b []byte) js.Value {
	v := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(v, b)
	return v
}

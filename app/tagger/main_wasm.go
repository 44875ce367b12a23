//go:build js && wasm

package main

import (
	"bytes"
	"sync"
	"syscall/js"
	"time"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/library"
	"glossa/annotate/ner/news"
)

func main() {
	// Go's collector waits until a few seconds after the first tagging
	// (see holdCollector).
	collect := holdCollector()
	collectLater := sync.OnceFunc(func() { time.AfterFunc(collectAfter, collect) })
	t := &tagger{learning: true}
	js.Global().Set("glossaLoadModel", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeObject {
			return failure("glossaLoadModel(bytes): want the model file's bytes")
		}
		data := make([]byte, args[0].Get("byteLength").Int())
		js.CopyBytesToGo(data, args[0])
		if err := t.load(data); err != nil {
			return failure(err.Error())
		}
		return map[string]any{"ok": true, "recognizer": t.base.Name(), "learns": t.learner != nil}
	}))
	t.exposeLearning()
	js.Global().Set("glossaTag", js.FuncOf(func(_ js.Value, args []js.Value) any {
		recognizer := t.recognizer()
		if recognizer == nil {
			return failure("the language model is not loaded")
		}
		if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeFunction {
			return failure("glossaTag(text, onBlock): wrong arguments")
		}
		text, err := annotate.NormalizeText([]byte(args[0].String()))
		if err != nil {
			return failure("the article cannot be tagged: " + err.Error())
		}
		onBlock := args[1]
		doc := annotate.NewDocument(text)
		ents, err := annotate.RecognizeBlocks(doc, recognizer, func(block int, ents []annotate.Entity) {
			if ents == nil {
				ents = []annotate.Entity{}
			}
			onBlock.Invoke(block, string(library.EncodeEntities(ents)))
		})
		if err != nil {
			return failure("tagging failed: " + err.Error())
		}
		// Who said what, once every entity is known: a pronoun's speaker
		// may be named paragraphs before.
		found := library.EncodeClaims(claims.Proposals(claims.Find(doc, ents)))
		collectLater()
		return map[string]any{"blocks": len(doc.Blocks), "recognizer": recognizer.Name(),
			"claims": string(found), "claimFinder": claims.Name}
	}))
	js.Global().Set("glossaWarmUp", js.FuncOf(func(js.Value, []js.Value) any {
		if r := t.recognizer(); r != nil {
			doc := annotate.NewDocument(warmUpText)
			if ents, err := annotate.RecognizeBlocks(doc, r, func(int, []annotate.Entity) {}); err == nil {
				library.EncodeClaims(claims.Proposals(claims.Find(doc, ents)))
			}
		}
		return nil
	}))
	js.Global().Call("glossaTaggerReady")
	select {}
}

// warmUpText is what glossaWarmUp tags: a few sentences of news with the
// kinds of entity and claim the tagger finds, so that WebAssembly's
// compilation of the functions tagging calls (on their first call) is
// done before the reader's first article comes.
const warmUpText = "Britain's Foreign Office said on Monday 4 December that Kaspersky Lab, based in Moscow, " +
	"\"poses a risk\", according to Ciaran Martin of the National Cyber Security Centre.\n\n" +
	"He said the company had been told. Kaspersky denied any wrongdoing, a spokesman said."

// loadModel loads either model file the site ships: the news model
// (news.model, the default) or prose's compact model (ner.model), told
// apart by their first bytes. Only the build with prose's tagger
// (tagger-prose.wasm, see prose_wasm.go) reads the second.
func loadModel(data []byte) (annotate.Recognizer, error) {
	if bytes.HasPrefix(data, []byte("GLOSSNER")) {
		m, err := news.ParseModel(data)
		if err != nil {
			return nil, err
		}
		return news.New(m), nil
	}
	return loadProseModel(data)
}

// failure is a call's result when it fails. (A panic would end the Go
// program and every later call with it.)
func failure(msg string) map[string]any { return map[string]any{"error": msg} }

//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"

	"glossa/annotate"
	"glossa/annotate/ner"
)

func main() {
	var recognizer *ner.Prose
	load := func() *ner.Prose {
		if recognizer == nil {
			recognizer = ner.NewProse()
		}
		return recognizer
	}
	js.Global().Set("glossaLoadModel", js.FuncOf(func(js.Value, []js.Value) any {
		load()
		return nil
	}))
	js.Global().Set("glossaTag", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeFunction {
			return failure("glossaTag(text, onBlock): wrong arguments")
		}
		text, err := annotate.NormalizeText([]byte(args[0].String()))
		if err != nil {
			return failure("the article cannot be tagged: " + err.Error())
		}
		onBlock := args[1]
		doc := annotate.NewDocument(text)
		_, err = annotate.RecognizeBlocks(doc, load(), func(block int, ents []annotate.Entity) {
			if ents == nil {
				ents = []annotate.Entity{}
			}
			b, _ := json.Marshal(ents)
			onBlock.Invoke(block, string(b))
		})
		if err != nil {
			return failure("tagging failed: " + err.Error())
		}
		return map[string]any{"blocks": len(doc.Blocks), "recognizer": load().Name()}
	}))
	js.Global().Call("glossaTaggerReady")
	select {}
}

// failure is glossaTag's result when it fails. (A panic would end the Go
// program and every later call with it.)
func failure(msg string) map[string]any { return map[string]any{"error": msg} }

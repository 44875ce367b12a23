//go:build js && wasm

package main

import "syscall/js"

func main() {
	js.Global().Set("glossaExtract", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject {
			return failure("glossaExtract(kind, bytes): want \"html\" or \"markdown\" and the file's bytes")
		}
		data := make([]byte, args[1].Get("byteLength").Int())
		js.CopyBytesToGo(data, args[1])
		text, err := extract(args[0].String(), data)
		if err != nil {
			return failure(err.Error())
		}
		return map[string]any{"text": text}
	}))
	js.Global().Call("glossaExtractorReady")
	select {}
}

// failure is a call's result when it fails. (A panic would end the Go
// program and every later call with it.)
func failure(msg string) map[string]any { return map[string]any{"error": msg} }

//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"syscall/js"

	"glossa/annotate/formats/remote"
)

func main() {
	js.Global().Set("glossaExtract", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject {
			return failure("glossaExtract(kind, bytes): want \"html\" or \"markdown\" and the file's bytes")
		}
		text, err := extract(args[0].String(), bytesOf(args[1]))
		if err != nil {
			return failure(err.Error())
		}
		return map[string]any{"text": text}
	}))
	page := remote.Store{Ask: askPage}
	js.Global().Set("glossaExport", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return promise(func() map[string]any {
			var req remote.ExportRequest
			if len(args) != 1 || args[0].Type() != js.TypeString || json.Unmarshal([]byte(args[0].String()), &req) != nil {
				return faulted(errors.New("glossaExport(request): want the JSON of an export request"))
			}
			res, data, err := exportFile(page, req)
			if err != nil {
				return faulted(err)
			}
			out := js.Global().Get("Uint8Array").New(len(data))
			js.CopyBytesToJS(out, data)
			return map[string]any{"result": jsonOf(res), "bytes": out}
		})
	}))
	js.Global().Set("glossaImport", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return promise(func() map[string]any {
			var req remote.ImportRequest
			if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject || json.Unmarshal([]byte(args[0].String()), &req) != nil {
				return faulted(errors.New("glossaImport(request, bytes): want the JSON of an import request and the file's bytes"))
			}
			res, err := importFile(page, req, bytesOf(args[1]))
			out := map[string]any{"result": jsonOf(res), "fault": ""}
			if err != nil {
				out["fault"] = remote.EncodeFault(err)
			}
			return out
		})
	}))
	js.Global().Call("glossaExtractorReady")
	select {}
}

// askPage asks the page a question of remote.Store's and waits for its
// answer (web/tagger-worker.js's glossaAskPage carries it).
func askPage(method, arg string) (string, error) {
	reply, err := await(js.Global().Call("glossaAskPage", method, arg))
	if err != nil {
		return "", err
	}
	if f := reply.Get("fault"); f.Type() == js.TypeString && f.String() != "" {
		return "", remote.DecodeFault(f.String())
	}
	return reply.Get("answer").String(), nil
}

// promise runs work in a goroutine of its own (it waits on the page's
// answers, which a JavaScript callback must not) and returns a promise of
// its result.
func promise(work func() map[string]any) js.Value {
	var executor js.Func
	executor = js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve := args[0]
		go func() {
			defer executor.Release()
			resolve.Invoke(work())
		}()
		return nil
	})
	return js.Global().Get("Promise").New(executor)
}

// await waits for a JavaScript promise: its value, or why it failed.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	done := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- result{v: args[0]}
		return nil
	})
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- result{err: errors.New(js.Global().Get("String").Invoke(args[0]).String())}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	p.Call("then", ok, fail)
	r := <-done
	return r.v, r.err
}

// bytesOf copies a Uint8Array into Go.
func bytesOf(v js.Value) []byte {
	data := make([]byte, v.Get("byteLength").Int())
	js.CopyBytesToGo(data, v)
	return data
}

// jsonOf is v's JSON text (our own values: they always encode).
func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// faulted is a promise's result when the work fails.
func faulted(err error) map[string]any { return map[string]any{"fault": remote.EncodeFault(err)} }

// failure is a call's result when it fails. (A panic would end the Go
// program and every later call with it.)
func failure(msg string) map[string]any { return map[string]any{"error": msg} }

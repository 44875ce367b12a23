package main

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// askPersistence asks the browser to keep the library's storage even under
// storage pressure (navigator.storage.persist). The answer matters little:
// saving works either way.
func askPersistence() {
	storage := app.Window().Get("navigator").Get("storage")
	if storage.Truthy() && storage.Get("persist").Truthy() {
		storage.Call("persist")
	}
}

// storageUsage reports the storage used against the quota, as a sentence,
// or "" if the browser does not say. It waits for the browser's answer.
func storageUsage() string {
	storage := app.Window().Get("navigator").Get("storage")
	if !storage.Truthy() || !storage.Get("estimate").Truthy() {
		return ""
	}
	done := make(chan string, 1)
	then := app.FuncOf(func(_ app.Value, args []app.Value) any {
		est := args[0]
		done <- fmt.Sprintf("Storage: %s used of %s available to Glossa.", humanBytes(est.Get("usage").Float()), humanBytes(est.Get("quota").Float()))
		return nil
	})
	fail := app.FuncOf(func(app.Value, []app.Value) any { done <- ""; return nil })
	defer then.Release()
	defer fail.Release()
	storage.Call("estimate").Call("then", then, fail)
	return <-done
}

func humanBytes(n float64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", n/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", n/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", n/(1<<10))
	}
	return fmt.Sprintf("%.0f bytes", n)
}

// tabChannel tells the reader's other tabs that a document changed, and
// hears theirs (BroadcastChannel): a change in one tab shows in the others.
type tabChannel struct {
	ch      app.Value
	handler app.Func
}

// tabMessageKind names the one message the tabs exchange.
const tabMessageKind = "changed"

// openTabChannel starts listening; changed gets the ID of a document
// another tab saved. It returns nil where the browser has no
// BroadcastChannel.
func openTabChannel(changed func(docID string)) *tabChannel {
	ctor := app.Window().Get("BroadcastChannel")
	if !ctor.Truthy() {
		return nil
	}
	t := &tabChannel{ch: ctor.New("glossa")}
	t.handler = app.FuncOf(func(_ app.Value, args []app.Value) any {
		data := args[0].Get("data")
		if data.Truthy() && jsString(data.Get("kind")) == tabMessageKind {
			changed(jsString(data.Get("doc")))
		}
		return nil
	})
	t.ch.Call("addEventListener", "message", t.handler)
	return t
}

// announce tells the other tabs that a document changed.
func (t *tabChannel) announce(docID string) {
	if t != nil {
		t.ch.Call("postMessage", map[string]any{"kind": tabMessageKind, "doc": docID})
	}
}

// close stops listening.
func (t *tabChannel) close() {
	if t != nil {
		t.ch.Call("removeEventListener", "message", t.handler)
		t.ch.Call("close")
		t.handler.Release()
	}
}

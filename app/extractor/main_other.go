//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "extractor runs only as WebAssembly in a Web Worker: build it with GOOS=js GOARCH=wasm (make build does)")
	os.Exit(2)
}

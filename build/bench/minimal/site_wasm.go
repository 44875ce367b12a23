//go:build wasm

package main

// writeSiteCommand is never reached in the browser: app.RunWhenOnBrowser
// does not return there.
func writeSiteCommand(args []string) int { return 0 }

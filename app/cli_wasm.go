package main

import "io"

// runCommand is the command line, which the browser build does not have:
// in the browser, app.RunWhenOnBrowser never returns.
func runCommand([]string, io.Reader, io.Writer, io.Writer) int { return 0 }

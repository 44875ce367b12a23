// Package remote is what the page and the worker that exports and imports
// annotation files say to each other. The formats (package formats, with
// archive/zip and the W3C writers) run in the worker's WebAssembly, not in
// the UI's, so the page downloads and compiles them only when a reader
// first exports or imports. The page keeps the library: the worker reads it
// through Store, which asks the page (Serve answers), and an import comes
// back as the library changes to apply, which the page applies in one
// transaction as before.
//
// Everything here is plain Go and JSON, tested natively; the browser's
// messages carry the JSON (see web/tagger-worker.js).
package remote

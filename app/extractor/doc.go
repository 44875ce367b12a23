// Command extractor does the browser's file work that most visits never
// need: it finds the article text in a web page or a Markdown file, and it
// writes and reads annotation files (export and import, package formats).
// It is a WebAssembly program that the tagging worker
// (web/tagger-worker.js) starts the first time the reader adds such a
// file, exports or imports, apart from the tagger and from the page's UI,
// so that what every page load needs does not carry the HTML and Markdown
// parsers, the formats, archive/zip and the W3C writers (about 0.9 MB of
// the UI's WebAssembly, and their start-up work). It sets these functions
// on the worker's global object:
//
//	glossaExtract(kind, bytes) finds the article text in a web page (kind
//	                           "html", see webpage.Extract) or a Markdown
//	                           file ("markdown", see markdown.Extract): {text},
//	                           or {error: message} with a message a reader
//	                           can act on
//	glossaExport(request)      builds an export file (request: the JSON of a
//	                           remote.ExportRequest): a promise of {result:
//	                           the JSON of a remote.ExportResult, bytes: a
//	                           Uint8Array}, or of {fault: the JSON of a
//	                           remote.Fault}
//	glossaImport(request, bytes) plans the import of a file (request: the
//	                           JSON of a remote.ImportRequest): a promise of
//	                           {result: the JSON of a remote.ImportResult,
//	                           fault: "" or the JSON of a remote.Fault}
//
// It reads the library by asking the page, through the worker's
// glossaAskPage(method, arg), a promise of {answer} or {fault} (see
// remote.Store), and calls glossaExtractorReady() once it is set.
package main

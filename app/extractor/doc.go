// Command extractor finds the article text in a web page or a Markdown
// file, in the browser: a WebAssembly program that the tagging worker
// (web/tagger-worker.js) starts the first time the reader adds such a
// file, apart from the tagger, so that the tagger every page load needs
// does not carry the HTML and Markdown parsers (about 1.4 MB of
// WebAssembly, and their start-up work). It sets this function on the
// worker's global object:
//
//	glossaExtract(kind, bytes) finds the article text in a web page (kind
//	                           "html", see webpage.Extract) or a Markdown
//	                           file ("markdown", see markdown.Extract): {text},
//	                           or {error: message} with a message a reader
//	                           can act on
//
// and calls glossaExtractorReady() once it is set.
package main

// Command tagger is Glossa's entity tagger for the browser: a WebAssembly
// program that runs in a Web Worker (web/tagger-worker.js), off the page's
// main thread, so that loading the language model and tagging never freeze
// the page. It runs Glossa's news model (annotate/ner/news; the site ships
// its file as news.model). Built with -tags prose (tagger-prose.wasm,
// which the worker starts only for a reader who chooses prose's model) it
// also runs, given prose's compact model file (ner.model, which
// build/nermodel makes), annotate/ner/compact, which gives exactly prose's
// entities without linking prose itself. It sets these functions on the
// worker's global object:
//
//	glossaLoadModel(bytes)     parses a model file (a Uint8Array): either
//	                           kind, told apart by its first bytes (prose's
//	                           only in the prose build)
//	glossaTag(text, onBlock)   tags text block by block; onBlock(i, json) gets
//	                           each block's entities as soon as it is done, as
//	                           JSON [{"start","end","label","text"}], code
//	                           points into the whole normalized text
//	glossaWarmUp()             tags a few built-in sentences and drops the
//	                           result: WebAssembly compiles a function on its
//	                           first call, which made the first article's
//	                           tagging about twice as slow as later ones
//
// and calls glossaTaggerReady() once they are set. (Finding the article in
// a web page or a Markdown file is the extractor's, app/extractor.) Both
// return {error:
// message} when they fail, with a message a reader can act on;
// glossaTag otherwise returns {blocks: n, recognizer: name, claims: JSON
// [annotate.ClaimSuggestion…] (who said what, found once every block is
// tagged), claimFinder: name}.
package main

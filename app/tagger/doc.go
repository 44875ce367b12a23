// Command tagger is Glossa's entity tagger for the browser: a WebAssembly
// program that runs in a Web Worker (web/tagger-worker.js), off the page's
// main thread, so that loading prose's model and tagging never freeze the
// page. It sets two functions on the worker's global object:
//
//	glossaLoadModel()          loads prose's model (once)
//	glossaTag(text, onBlock)   tags text block by block; onBlock(i, json) gets
//	                           each block's entities as soon as it is done, as
//	                           JSON [{"start","end","label","text"}], code
//	                           points into the whole normalized text
//
// and calls glossaTaggerReady() once they are set. glossaTag returns
// {blocks: n, recognizer: name}, or {error: message} with a message a reader can act on.
package main

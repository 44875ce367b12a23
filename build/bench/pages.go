package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"glossa/annotate"
	"glossa/app/sample"
)

// articleHTML renders the sample article as plain HTML, laid out as
// Glossa lays it out, with the given stylesheet and scripts.
func articleHTML(title, style string, scripts ...string) string {
	text, err := annotate.NormalizeText([]byte(sample.Article))
	if err != nil {
		panic(err)
	}
	doc := annotate.NewDocument(text)
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>%s</title>\n", html.EscapeString(title))
	fmt.Fprintf(&b, "<link rel=\"stylesheet\" href=\"%s\">\n", style)
	for _, s := range scripts {
		fmt.Fprintf(&b, "<script src=\"%s\" defer></script>\n", s)
	}
	b.WriteString("</head><body><main class=\"layout\"><article class=\"article\">\n")
	for i, blk := range doc.Blocks {
		t := html.EscapeString(doc.BlockText(i))
		switch blk.Kind {
		case annotate.Headline:
			fmt.Fprintf(&b, "<h1 class=\"headline\">%s</h1>\n", t)
		case annotate.Byline:
			fmt.Fprintf(&b, "<p class=\"byline\">%s</p>\n", t)
		case annotate.Dateline:
			fmt.Fprintf(&b, "<p class=\"dateline\">%s</p>\n", t)
		default:
			fmt.Fprintf(&b, "<p>%s</p>\n", t)
		}
	}
	b.WriteString("</article></main></body></html>\n")
	return b.String()
}

// compromiseScript tags the article's paragraphs with compromise as the
// page loads, highlights people, places and organizations, and exposes
// benchTag for the warm tagging figures.
const compromiseScript = `"use strict";
function benchEntities(text) {
  const doc = nlp(text);
  const found = [];
  for (const [label, view] of [["PERSON", doc.people()], ["GPE", doc.places()], ["ORG", doc.organizations()]]) {
    for (const m of view.json({ offset: true })) {
      found.push({ label, start: m.offset.start, end: m.offset.start + m.offset.length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
function benchTag(text) {
  const t0 = performance.now();
  benchEntities(text);
  return performance.now() - t0;
}
for (const p of document.querySelectorAll("article h1, article p")) {
  const text = p.textContent;
  const parts = [];
  let pos = 0;
  for (const e of benchEntities(text)) {
    if (e.start < pos) continue;
    parts.push(document.createTextNode(text.slice(pos, e.start)));
    const mark = document.createElement("mark");
    mark.dataset.label = e.label;
    mark.textContent = text.slice(e.start, e.end);
    parts.push(mark);
    pos = e.end;
  }
  parts.push(document.createTextNode(text.slice(pos)));
  p.replaceChildren(...parts);
}
performance.mark("first-highlight");
`

// writePages writes the reference pages into dir/bench, next to a copy of
// the site: the plain article and the compromise page.
func writePages(dir, siteStyle, compromiseJS string) error {
	bench := filepath.Join(dir, "bench")
	if err := os.MkdirAll(bench, 0o755); err != nil {
		return err
	}
	lib, err := os.ReadFile(compromiseJS)
	if err != nil {
		return fmt.Errorf("%v: run npm ci in build/bench (make bench does)", err)
	}
	files := map[string]string{
		"reference.html":      articleHTML("Plain HTML reference", siteStyle),
		"compromise.html":     articleHTML("compromise", siteStyle, "/bench/compromise.js", "/bench/compromise-bench.js"),
		"compromise.js":       string(lib),
		"compromise-bench.js": compromiseScript,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(bench, name), []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

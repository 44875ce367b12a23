package main

import (
	"strconv"
	"strings"

	"glossa/annotate"
)

// blockHTML writes block i of d, with the highlights that touch it, as
// HTML: a headline (h1.headline), byline (p.byline), dateline
// (p.dateline) or paragraph (p), with data-start, its first code point,
// and the highlights as nested <mark> elements (layoutHighlights) with
// data-label, data-start, data-end, data-kind, data-span, a title and
// tabindex 0, and data-id, data-speaker and data-speaker-entity where
// they have them. Every piece of text and every attribute value is
// escaped (escapeHTML), so the browser reads the document's text as text
// and nothing else: the text of the element it builds is the block's
// text, code point for code point (TestBlockHTMLIsTheText).
func blockHTML(d *annotate.Document, i int, marks []highlight) string {
	blk := d.Blocks[i]
	tag, class := "p", ""
	switch blk.Kind {
	case annotate.Headline:
		tag, class = "h1", "headline"
	case annotate.Byline:
		class = "byline"
	case annotate.Dateline:
		class = "dateline"
	}
	var b strings.Builder
	b.Grow(2*(blk.End-blk.Start) + 200*len(marks) + 64)
	b.WriteString("<" + tag)
	if class != "" {
		b.WriteString(` class="` + class + `"`)
	}
	b.WriteString(` data-start="` + strconv.Itoa(blk.Start) + `">`)
	writeSegments(&b, d, layoutHighlights(blk.Span, marks))
	b.WriteString("</" + tag + ">")
	return b.String()
}

// writeSegments writes a block's layout: text runs as escaped text, marks
// as <mark> elements with their children inside.
func writeSegments(b *strings.Builder, d *annotate.Document, segs []segment) {
	for _, s := range segs {
		if s.Mark == nil {
			escapeHTML(b, d.Text.Slice(s.Span.Start, s.Span.End))
			continue
		}
		m := s.Mark
		b.WriteString("<mark")
		if s.Fragment {
			b.WriteString(` class="fragment"`)
		}
		attr(b, "data-label", string(m.Label))
		attr(b, "data-start", strconv.Itoa(s.Span.Start))
		attr(b, "data-end", strconv.Itoa(s.Span.End))
		attr(b, "data-kind", m.Kind)
		attr(b, "data-span", spanAttr(m.Span))
		attr(b, "title", markTitle(m))
		b.WriteString(` tabindex="0"`)
		if m.ID != "" {
			attr(b, "data-id", m.ID)
		}
		if m.Speaker != "" {
			attr(b, "data-speaker", m.Speaker)
		}
		if m.SpeakerEntity != "" {
			attr(b, "data-speaker-entity", m.SpeakerEntity)
		}
		b.WriteByte('>')
		writeSegments(b, d, s.Children)
		b.WriteString("</mark>")
	}
}

// panelRows is the panel's rows (writePanelRow), each row's HTML.
func panelRows(rows []panelItem) []string {
	out := make([]string, len(rows))
	var b strings.Builder
	for i, it := range rows {
		b.Reset()
		writePanelRow(&b, it)
		out[i] = b.String()
	}
	return out
}

// writePanelRow writes a row of the annotation panel's list: an item with
// data-kind, data-label and data-id (a note) or data-span (a suggestion),
// holding the button that opens it (annotationPanel.openRow): the label
// as a badge, the quote, "suggested" for a suggestion, and the comment
// and tags. The button is named by what it shows: a name of its own would
// hide that from a screen reader. Everything is escaped as in blockHTML.
func writePanelRow(b *strings.Builder, it panelItem) {
	b.WriteString(`<li class="panel-item"`)
	attr(b, "data-kind", it.kind)
	attr(b, "data-label", string(it.label))
	if it.target.ID != "" {
		attr(b, "data-id", it.target.ID)
	} else {
		attr(b, "data-span", spanAttr(it.span))
	}
	b.WriteString(`><button class="panel-open" type="button"><span class="badge"`)
	attr(b, "data-label", string(it.label))
	b.WriteByte('>')
	escapeHTML(b, string(it.label))
	b.WriteString(`</span><q class="quote">`)
	escapeHTML(b, excerpt(it.quote, 120))
	b.WriteString(`</q>`)
	if it.kind == kindSuggestion {
		b.WriteString(`<span class="muted"> suggested</span>`)
	}
	if it.comment != "" {
		b.WriteString(`<p class="comment">`)
		escapeHTML(b, excerpt(it.comment, 200))
		b.WriteString(`</p>`)
	}
	if len(it.tags) > 0 {
		b.WriteString(`<p class="tags">`)
		escapeHTML(b, "#"+strings.Join(it.tags, " #"))
		b.WriteString(`</p>`)
	}
	b.WriteString(`</button></li>`)
}

// attr writes a quoted, escaped attribute.
func attr(b *strings.Builder, name, value string) {
	b.WriteString(" " + name + `="`)
	escapeHTML(b, value)
	b.WriteByte('"')
}

// escapeHTML writes s so that an HTML parser reads it back as s, in text
// and in a double-quoted attribute value: &, <, >, " and ' as character
// references, and so too carriage return and NUL, which the parser would
// otherwise turn into a line feed and U+FFFD. (A document's text holds
// neither, as NormalizeText makes it; this does not rely on it.)
func escapeHTML(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var ref string
		switch s[i] {
		case '&':
			ref = "&amp;"
		case '<':
			ref = "&lt;"
		case '>':
			ref = "&gt;"
		case '"':
			ref = "&#34;"
		case '\'':
			ref = "&#39;"
		case '\r':
			ref = "&#13;"
		case 0:
			ref = "\uFFFD"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(ref)
		last = i + 1
	}
	b.WriteString(s[last:])
}

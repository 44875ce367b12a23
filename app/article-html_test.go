package main

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"glossa/annotate"
)

// parsedBlock parses a block's HTML as the browser does (innerHTML of a
// div) and returns its one element.
func parsedBlock(t *testing.T, h string) *html.Node {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(h), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatalf("parse %q: %v", h, err)
	}
	if len(nodes) != 1 || nodes[0].Type != html.ElementNode {
		t.Fatalf("%q parses as %d nodes, want one element", h, len(nodes))
	}
	return nodes[0]
}

func attrOf(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// textOf is the element's text as the DOM's textContent has it.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// checkBlockHTML checks what the browser builds from block i's HTML: one
// element of the block's kind whose text is the block's text, code point
// for code point, and holding only <mark> elements, each with the
// attributes of its highlight and the document's text between its
// data-start and data-end.
func checkBlockHTML(t *testing.T, d *annotate.Document, i int, hls []highlight) {
	t.Helper()
	h := blockHTML(d, i, hls)
	root := parsedBlock(t, h)
	blk := d.Blocks[i]
	want := d.Text.Slice(blk.Start, blk.End)
	if got := textOf(root); got != want {
		t.Fatalf("block %d reads as %q, want %q\nHTML: %s", i, got, want, h)
	}
	if s, _ := attrOf(root, "data-start"); s != strconv.Itoa(blk.Start) {
		t.Errorf("block %d: data-start %q, want %d", i, s, blk.Start)
	}
	wantTag := map[annotate.BlockKind]string{annotate.Headline: "h1"}[blk.Kind]
	if wantTag == "" {
		wantTag = "p"
	}
	if root.Data != wantTag {
		t.Errorf("block %d is <%s>, want <%s>", i, root.Data, wantTag)
	}
	marks := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.Data != "mark" {
				t.Fatalf("block %d holds a <%s> element\nHTML: %s", i, c.Data, h)
			}
			marks++
			start, _ := attrOf(c, "data-start")
			end, _ := attrOf(c, "data-end")
			s, err1 := strconv.Atoi(start)
			e, err2 := strconv.Atoi(end)
			if err1 != nil || err2 != nil || s < blk.Start || e > blk.End || s > e {
				t.Fatalf("mark [%q, %q) in block [%d, %d)", start, end, blk.Start, blk.End)
			}
			if got := textOf(c); got != d.Text.Slice(s, e) {
				t.Errorf("mark [%d, %d) reads %q, want %q", s, e, got, d.Text.Slice(s, e))
			}
			for _, name := range []string{"data-label", "data-kind", "data-span", "title", "tabindex"} {
				if _, ok := attrOf(c, name); !ok {
					t.Errorf("mark [%d, %d) has no %s", s, e, name)
				}
			}
			walk(c)
		}
	}
	walk(root)
	if len(hls) > 0 && marks == 0 {
		t.Errorf("block %d: %d highlights, no mark\nHTML: %s", i, len(hls), h)
	}
}

// The browser reads the block back as its text, whatever the text holds:
// markup, references, quotes, line ends, any script.
func TestBlockHTMLIsTheText(t *testing.T) {
	texts := []string{
		"Headline\n\nBy Jane Doe\n\nShe said <script>alert(1)</script> & left.",
		"A & B <b>bold</b> &amp; &lt;x&gt; \"quoted\" 'single' </p></mark><mark>",
		"Title\n\n\"><img src=x onerror=alert(1)> and ' onmouseover='alert(1)",
		"Emoji 😀 and e\u0301 and \u2028 line and \u00a0 space\n\nNext paragraph\twith a tab.",
		"Headline\n\nline one\nline two\n\nand a carriage\rreturn kept",
	}
	for _, text := range texts {
		d := annotate.NewDocument(text)
		n := utf8.RuneCountInString(text)
		hls := []highlight{
			{Span: annotate.Span{Start: 0, End: min(5, n)}, Label: "PERSON", Kind: kindSuggestion},
			{Span: annotate.Span{Start: 2, End: min(9, n)}, Label: "CLAIM", Kind: kindAnnotation, ID: "urn:uuid:x\"y", Speaker: `"><script>`, SpeakerEntity: "0-5 PERSON"},
		}
		for i := range d.Blocks {
			checkBlockHTML(t, d, i, highlightsByBlock(d.Blocks, hls)[i])
		}
	}
}

// A speaker's name or an id cannot leave its attribute.
func TestBlockHTMLAttributesStayInside(t *testing.T) {
	d := annotate.NewDocument("Ciaran Martin said so.")
	evil := `x" onclick="alert(1)" data-x='`
	h := blockHTML(d, 0, []highlight{{Span: annotate.Span{Start: 0, End: 13}, Label: "CLAIM", Kind: kindAnnotation, ID: evil, Speaker: evil}})
	mark := parsedBlock(t, h).FirstChild
	if _, ok := attrOf(mark, "onclick"); ok || mark.Data != "mark" {
		t.Fatalf("an attribute escaped its quotes: %s", h)
	}
	if id, _ := attrOf(mark, "data-id"); id != evil {
		t.Errorf("data-id reads %q, want %q", id, evil)
	}
	if sp, _ := attrOf(mark, "data-speaker"); sp != evil {
		t.Errorf("data-speaker reads %q, want %q", sp, evil)
	}
}

// Any text, with any highlights, reads back as itself.
func FuzzBlockHTML(f *testing.F) {
	f.Add("Headline\n\nBy Jane Doe\n\nShe said <b>so</b> & more.", uint64(1))
	f.Add("a\rb\x00c \"'<>&", uint64(2))
	f.Fuzz(func(t *testing.T, raw string, seed uint64) {
		text, err := annotate.NormalizeText([]byte(raw))
		if err != nil || text == "" {
			return
		}
		d := annotate.NewDocument(text)
		n := utf8.RuneCountInString(text)
		r := rand.New(rand.NewPCG(seed, 7))
		var hls []highlight
		for range r.IntN(6) {
			s := r.IntN(n)
			e := s + 1 + r.IntN(n-s)
			kind, id := kindSuggestion, ""
			if r.IntN(2) == 0 {
				kind, id = kindAnnotation, "n"+strconv.Itoa(s)
			}
			hls = append(hls, highlight{Span: annotate.Span{Start: s, End: e}, Label: annotate.AllLabels[r.IntN(len(annotate.AllLabels))], Kind: kind, ID: id})
		}
		byBlock := highlightsByBlock(d.Blocks, hls)
		for i := range d.Blocks {
			checkBlockHTML(t, d, i, byBlock[i])
		}
	})
}

// The panel's list reads back as its items, one row each, in order: the
// quote, comment and tags as text, whatever they hold, inside the one
// button that opens the item named by the row's data attributes.
func TestPanelListHTML(t *testing.T) {
	evil := `"><script>alert(1)</script><b onclick='x'>`
	items := []panelItem{
		{target: activeHighlight{ID: "urn:uuid:1"}, span: annotate.Span{Start: 3, End: 9}, label: "PERSON", kind: kindAnnotation,
			quote: evil, comment: "a & b <i>", tags: []string{"x\"y", "z'"}},
		{target: activeHighlight{Key: annotate.SuggestionKey{Span: annotate.Span{Start: 10, End: 20}, Label: "GPE"}},
			span: annotate.Span{Start: 10, End: 20}, label: "GPE", kind: kindSuggestion, quote: "Russia & " + evil},
	}
	h := `<ol class="panel-list">` + strings.Join(panelRows(items), "") + `</ol>`
	ol := parsedBlock(t, h)
	if ol.Data != "ol" {
		t.Fatalf("list is <%s>: %s", ol.Data, h)
	}
	li := ol.FirstChild
	for _, it := range items {
		if li == nil || li.Data != "li" {
			t.Fatalf("list holds no row for %+v: %s", it.target, h)
		}
		btn := li.FirstChild
		if btn == nil || btn.Data != "button" || btn.NextSibling != nil {
			t.Fatalf("row does not hold one button: %s", h)
		}
		want := string(it.label) + excerpt(it.quote, 120)
		if it.kind == kindSuggestion {
			want += " suggested"
		}
		if it.comment != "" {
			want += it.comment
		}
		if len(it.tags) > 0 {
			want += "#" + strings.Join(it.tags, " #")
		}
		if got := textOf(btn); got != want {
			t.Errorf("row reads %q, want %q", got, want)
		}
		var elements []string
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					elements = append(elements, c.Data)
					if _, ok := attrOf(c, "onclick"); ok {
						t.Errorf("an onclick attribute got in: %s", h)
					}
					walk(c)
				}
			}
		}
		walk(btn)
		for _, e := range elements {
			if e != "span" && e != "q" && e != "p" {
				t.Errorf("row holds a <%s>: %s", e, h)
			}
		}
		id, hasID := attrOf(li, "data-id")
		span, _ := attrOf(li, "data-span")
		label, _ := attrOf(li, "data-label")
		if it.target.ID != "" && (!hasID || id != it.target.ID) || it.target.ID == "" && (span != spanAttr(it.span) || label != string(it.label)) {
			t.Errorf("row names %q / %q %q, want the item %+v", id, span, label, it.target)
		}
		li = li.NextSibling
	}
	if li != nil {
		t.Errorf("list holds more than its %d rows: %s", len(items), h)
	}
}

// TestServedBlocksGiveTheSampleText: web/boot.js has the sample tagged
// before the app runs, with the text it reads from the served page (each
// block's text at its data-start, line breaks between); the app adopts
// that job only if the text is the sample's, code point for code point.
// That holds when only line breaks come between and after the blocks.
func TestServedBlocksGiveTheSampleText(t *testing.T) {
	text, err := sampleText()
	if err != nil {
		t.Fatal(err)
	}
	d := annotate.NewDocument(text)
	var rebuilt strings.Builder
	at := 0
	for i, blk := range d.Blocks {
		rebuilt.WriteString(strings.Repeat("\n", blk.Start-at))
		rebuilt.WriteString(d.BlockText(i))
		at = blk.End
	}
	if rebuilt.String() != text {
		t.Errorf("the served blocks give a text of %d bytes, the sample's is %d: boot.js's job would not be adopted",
			len(rebuilt.String()), len(text))
	}
}

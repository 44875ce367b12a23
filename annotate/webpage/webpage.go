// Package webpage finds the article in a saved news web page, for adding
// it to a Glossa library. It is apart from annotate so that only the
// programs that read web pages (the tagging worker, the command line)
// link an HTML parser.
package webpage

import (
	"bytes"
	"fmt"
	"glossa/annotate"
	"strings"
	"unicode"
	"unicode/utf8"

	// The Go project's own HTML5 parser (the WHATWG tree-construction
	// algorithm, entities decoded); it is well kept and fuzzed upstream.
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Extracted is the article text read from a saved web page.
type Extracted struct {
	Title, Byline, Date string
	// Text is "Title\n\nBy Byline\n\nDate\n\nparagraph\n\nparagraph…",
	// empty parts left out ("By " only added when the byline lacks it):
	// normalized (annotate.NormalizeText) and ready for a library.
	Text string
}

// Extract turns a saved news web page into the plain article text a
// reader sees. Only UTF-8 pages are read: a page that declares another
// charset, or whose bytes are not UTF-8, is refused with an error wrapping
// annotate.ErrNotText that names the charset or the byte offset. Input over
// annotate.MaxTextBytes, and a page without article text, are refused with an error
// wrapping annotate.ErrBadInput.
//
// The article root is the first <article>, else <main>, else the element
// with role="main", else the element whose <p> children hold the most text,
// else <body>. Scripts, styles, navigation, forms, embedded frames and
// hidden elements are dropped, and so are header, footer and aside outside
// the article. The title is the og:title meta, else the root's first <h1>,
// else <title>; the byline is the author meta, else a rel="author" or
// byline/author-class element in the root; the date is the
// article:published_time meta, else the first <time datetime> in the root.
// The paragraphs are the text of p, h2–h6, li, blockquote, pre and
// figcaption elements in the root, white space collapsed except in pre.
func Extract(raw []byte) (Extracted, error) {
	if len(raw) > annotate.MaxTextBytes {
		return Extracted{}, fmt.Errorf("%w: page of %d bytes, the limit is %d", annotate.ErrBadInput, len(raw), annotate.MaxTextBytes)
	}
	text, nerr := annotate.NormalizeText(raw)
	src := text
	if nerr != nil {
		src = string(raw) // parsed only to name a declared charset
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return Extracted{}, fmt.Errorf("%w: %v", annotate.ErrBadInput, err)
	}
	// A UTF-8 byte-order mark overrides any declaration, as in browsers.
	if !bytes.HasPrefix(raw, []byte("\ufeff")) {
		if cs := declaredCharset(doc); cs != "" && !isUTF8Label(cs) {
			return Extracted{}, fmt.Errorf("%w: the page declares charset %q; only UTF-8 pages can be read (save it as UTF-8)", annotate.ErrNotText, cs)
		}
	}
	if nerr != nil {
		return Extracted{}, nerr
	}

	x := extractor{}
	root, dropChrome := chooseRoot(doc)
	x.dropChrome = dropChrome

	var ex Extracted
	ex.Title = metaContent(doc, "og:title")
	if ex.Title == "" {
		if h1 := x.find(root, func(n *html.Node) bool { return n.DataAtom == atom.H1 && x.textCap(n, 64) != "" }); h1 != nil {
			ex.Title = x.text(h1)
		}
	}
	if ex.Title == "" {
		if t := x.find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
			ex.Title = x.text(t)
		}
	}

	x.bylineNode = x.find(root, func(n *html.Node) bool {
		if !hasToken(attr(n, "rel"), "author") && !classHas(n, "byline") && !classHas(n, "author") {
			return false
		}
		l := utf8.RuneCountInString(x.textCap(n, 1024))
		return l > 0 && l <= 100
	})
	ex.Byline = metaContent(doc, "author")
	if ex.Byline == "" && x.bylineNode != nil {
		ex.Byline = x.text(x.bylineNode)
	}

	timeText := ""
	if t := x.find(root, func(n *html.Node) bool { return n.DataAtom == atom.Time && hasAttr(n, "datetime") }); t != nil {
		timeText = x.text(t)
		if !strings.ContainsFunc(timeText, unicode.IsDigit) {
			timeText = collapse(attr(t, "datetime"))
		}
	}
	ex.Date = metaContent(doc, "article:published_time")
	if ex.Date == "" {
		ex.Date = timeText
	}

	paras := x.paragraphs(root)
	if len(paras) == 0 {
		if s := x.text(root); s != "" && s != ex.Title && s != ex.Byline && s != ex.Date {
			paras = []string{s}
		}
	}
	var body []string
	for i, p := range paras {
		if (i == 0 && strings.EqualFold(p, ex.Title)) || p == ex.Byline || p == ex.Date || p == timeText {
			continue
		}
		body = append(body, p)
	}
	if len(body) == 0 {
		return Extracted{}, fmt.Errorf("%w: no article text in the page", annotate.ErrBadInput)
	}
	// A byline reads as one in the text ("By …"), so the document's block
	// splitting finds it (see annotate.NewDocument).
	byline := ex.Byline
	if byline != "" && !(len(byline) > 3 && strings.EqualFold(byline[:3], "by ")) {
		byline = "By " + byline
	}
	var kept []string
	for _, p := range append([]string{ex.Title, byline, ex.Date}, body...) {
		if p != "" {
			kept = append(kept, p)
		}
	}
	joined := strings.Join(kept, "\n\n")
	if len(joined) > annotate.MaxTextBytes {
		return Extracted{}, fmt.Errorf("%w: article text of %d bytes, the limit is %d", annotate.ErrBadInput, len(joined), annotate.MaxTextBytes)
	}
	if ex.Text, err = annotate.NormalizeText([]byte(joined)); err != nil {
		return Extracted{}, err
	}
	return ex, nil
}

// extractor holds what the walks over the article root skip.
type extractor struct {
	dropChrome bool       // drop header, footer and aside (the root is <body>)
	bylineNode *html.Node // left out of the paragraphs
}

// walk visits n's subtree in document order without recursion, since pages
// can nest elements very deeply. enter returns false to skip a node's
// children; leave (if not nil) is called after the children of each node
// entered.
func walk(n *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	cur := n
	for {
		if enter(cur) {
			if cur.FirstChild != nil {
				cur = cur.FirstChild
				continue
			}
			if leave != nil {
				leave(cur)
			}
		}
		for cur != n && cur.NextSibling == nil {
			cur = cur.Parent
			if leave != nil {
				leave(cur)
			}
		}
		if cur == n {
			return
		}
		cur = cur.NextSibling
	}
}

// dropped reports whether an element and its subtree are not article text.
func (x *extractor) dropped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Form, atom.Svg, atom.Iframe:
		return true
	case atom.Header, atom.Footer, atom.Aside:
		if x.dropChrome {
			return true
		}
	}
	if n.Namespace == "svg" || hasAttr(n, "hidden") || strings.EqualFold(strings.TrimSpace(attr(n, "aria-hidden")), "true") {
		return true
	}
	style := strings.ToLower(strings.Join(strings.Fields(attr(n, "style")), ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// find returns the first element under n (n included) that match accepts,
// skipping dropped subtrees.
func (x *extractor) find(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found != nil || x.dropped(c) {
			return false
		}
		if c.Type == html.ElementNode && match(c) {
			found = c
			return false
		}
		return true
	}, nil)
	return found
}

// text returns the text of n's subtree, white space collapsed.
func (x *extractor) text(n *html.Node) string { return x.textCap(n, -1) }

// textCap is text that stops reading after about limit bytes (limit < 0:
// no limit), so that testing many nested candidates stays linear.
func (x *extractor) textCap(n *html.Node, limit int) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if limit >= 0 && b.Len() > limit {
			return false
		}
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			b.WriteByte(' ')
		}
		return !x.dropped(c)
	}, nil)
	return collapse(b.String())
}

func isBlock(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Namespace != "" {
		return false
	}
	switch n.DataAtom {
	case atom.P, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote, atom.Pre, atom.Figcaption:
		return true
	}
	return false
}

// paragraphs returns the text of the block elements under root. A block
// nested in another one ends the text before it and starts a new one.
func (x *extractor) paragraphs(root *html.Node) []string {
	var out []string
	var buf strings.Builder
	depth, pre := 0, 0
	flush := func() {
		s := buf.String()
		buf.Reset()
		if pre > 0 {
			s = cleanPre(s)
		} else {
			s = collapse(s)
		}
		if s != "" {
			out = append(out, s)
		}
	}
	walk(root, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			if depth > 0 {
				buf.WriteString(n.Data)
			}
			return false
		case html.ElementNode:
		case html.DocumentNode:
			return true
		default:
			return false
		}
		if x.dropped(n) || n == x.bylineNode {
			return false
		}
		if n.DataAtom == atom.Br && depth > 0 {
			if pre > 0 {
				buf.WriteByte('\n')
			} else {
				buf.WriteByte(' ')
			}
		}
		if isBlock(n) {
			flush()
			depth++
			if n.DataAtom == atom.Pre {
				pre++
			}
		}
		return true
	}, func(n *html.Node) {
		if isBlock(n) {
			flush()
			depth--
			if n.DataAtom == atom.Pre {
				pre--
			}
		}
	})
	return out
}

// collapse turns each run of white space into one space and trims the ends.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }

// cleanPre keeps preformatted lines but drops blank ones (a blank line would
// end the paragraph) and trailing white space.
func cleanPre(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimRightFunc(l, isSpace); strings.TrimLeftFunc(l, isSpace) != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// chooseRoot picks the article root; dropChrome is true when it is <body>
// (or the page has none), so that the page's own header, footer and aside
// are dropped.
func chooseRoot(doc *html.Node) (root *html.Node, dropChrome bool) {
	x := extractor{dropChrome: true} // search outside page chrome
	for _, match := range []func(*html.Node) bool{
		func(n *html.Node) bool { return n.DataAtom == atom.Article },
		func(n *html.Node) bool { return n.DataAtom == atom.Main },
		func(n *html.Node) bool { return hasToken(attr(n, "role"), "main") },
	} {
		if n := x.find(doc, match); n != nil {
			return n, false
		}
	}
	// Density: the element whose <p> children hold the most text.
	score := map[*html.Node]int{}
	var best *html.Node
	walk(doc, func(n *html.Node) bool {
		if x.dropped(n) {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.P && n.Parent != nil {
			score[n.Parent] += utf8.RuneCountInString(x.text(n))
			if best == nil || score[n.Parent] > score[best] {
				best = n.Parent
			}
			return false
		}
		return true
	}, nil)
	if best != nil && score[best] > 0 && best.Type == html.ElementNode && best.DataAtom != atom.Body {
		return best, false
	}
	if body := x.find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); body != nil {
		return body, true
	}
	return doc, true
}

// metaContent returns the collapsed content of the first <meta> whose name
// or property is key (case-insensitive) and whose content is not empty.
func metaContent(doc *html.Node, key string) string {
	var out string
	walk(doc, func(n *html.Node) bool {
		if out != "" {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta &&
			(strings.EqualFold(attr(n, "name"), key) || strings.EqualFold(attr(n, "property"), key)) {
			out = collapse(attr(n, "content"))
		}
		return true
	}, nil)
	return out
}

// declaredCharset returns the charset named by the first <meta charset> or
// <meta http-equiv="content-type" content="…; charset=…">, or "".
func declaredCharset(doc *html.Node) string {
	var cs string
	found := false
	walk(doc, func(n *html.Node) bool {
		if found {
			return false
		}
		if n.Type != html.ElementNode || n.DataAtom != atom.Meta {
			return true
		}
		if hasAttr(n, "charset") {
			cs, found = strings.TrimSpace(attr(n, "charset")), true
		} else if strings.EqualFold(strings.TrimSpace(attr(n, "http-equiv")), "content-type") {
			content := attr(n, "content")
			if i := strings.Index(strings.ToLower(content), "charset"); i >= 0 {
				v := strings.TrimLeft(content[i+len("charset"):], " \t\n\f\r")
				if v, ok := strings.CutPrefix(v, "="); ok {
					v = strings.Trim(strings.TrimSpace(v), `"'`)
					if j := strings.IndexAny(v, "; \t\n\f\r\"'"); j >= 0 {
						v = v[:j]
					}
					cs, found = v, true
				}
			}
		}
		return false
	}, nil)
	return cs
}

// isUTF8Label reports whether a charset label means UTF-8 (the WHATWG
// Encoding labels). A declared UTF-16 also means UTF-8, as in browsers: a
// meta tag that parsed as ASCII cannot be UTF-16.
func isUTF8Label(cs string) bool {
	switch strings.ToLower(strings.TrimSpace(cs)) {
	case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
		"utf-16", "utf-16le", "utf-16be", "unicode", "unicodefeff", "unicodefffe", "ucs-2", "iso-10646-ucs-2", "csunicode":
		return true
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// hasToken reports whether the space-separated list s holds tok
// (case-insensitive).
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// classHas reports whether a class of n contains sub (case-insensitive).
func classHas(n *html.Node, sub string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if strings.Contains(strings.ToLower(c), sub) {
			return true
		}
	}
	return false
}

// Package markdown reads an article written in Markdown as its plain
// text, for adding it to a Glossa library, as annotate/webpage does for a
// saved web page: it is apart from annotate so that only the programs that
// read Markdown (the tagging worker, the command line) link a Markdown
// parser. It parses with github.com/yuin/goldmark (CommonMark).
//
// # Invariants
//
// The text Extract returns is normalized (annotate.NormalizeText), at most
// annotate.MaxTextBytes, and holds no markup: Markdown syntax is dropped
// (emphasis, links but their text, images, code fences), and HTML in the
// Markdown, blocks or inline, is dropped as markup, never passed through
// as text. Its first line is the title, so annotate.NewDocument makes the
// title the headline; blocks are separated by blank lines, so they are
// the document's paragraphs.
package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"glossa/annotate"
)

// Extracted is an article read from Markdown.
type Extracted struct {
	// Title is the text of the first heading or, without headings, the
	// first line.
	Title string
	// Text is the title, then each paragraph, list item, block quote's
	// paragraph, other heading and code block as plain text, in order,
	// separated by blank lines: normalized and ready for a library.
	Text string
}

// Extract reads Markdown as an article. The headline is the first
// heading (moved to the top if something comes before it), or else the
// first line. Paragraphs (keeping their lines), list items (each its own
// paragraph), block
// quotes and the other headings become plain-text paragraphs separated by
// blank lines: links become their text, emphasis is dropped, code spans
// and code blocks become their text, character references and backslash
// escapes are resolved, images and thematic breaks are dropped. HTML
// blocks and inline HTML are dropped as markup: their tags never reach the
// text (the text between inline tags, which is Markdown text, stays).
//
// Only UTF-8 is read: other bytes are refused with an error wrapping
// annotate.ErrNotText that names the byte offset. Input over
// annotate.MaxTextBytes, Markdown without article text, and Markdown
// nesting block quotes or lists more than 100 deep on a line, or opening
// more than 1,000 link brackets in a paragraph (no article does; goldmark
// would take minutes), are refused with an error wrapping
// annotate.ErrBadInput.
func Extract(raw []byte) (Extracted, error) {
	if len(raw) > annotate.MaxTextBytes {
		return Extracted{}, fmt.Errorf("%w: Markdown of %d bytes, the limit is %d", annotate.ErrBadInput, len(raw), annotate.MaxTextBytes)
	}
	src, err := annotate.NormalizeText(raw)
	if err != nil {
		return Extracted{}, err
	}
	if err := checkNesting(src); err != nil {
		return Extracted{}, err
	}
	source := []byte(src)
	doc := goldmark.DefaultParser().Parse(text.NewReader(source))
	r := reader{source: source}
	blocks, title := r.blocks(doc)
	if len(blocks) == 0 {
		return Extracted{}, fmt.Errorf("%w: no article text in the Markdown", annotate.ErrBadInput)
	}
	if title > 0 {
		head := blocks[title]
		blocks = append([]string{head}, append(blocks[:title:title], blocks[title+1:]...)...)
	}
	joined := strings.Join(blocks, "\n\n")
	if len(joined) > annotate.MaxTextBytes {
		return Extracted{}, fmt.Errorf("%w: article text of %d bytes, the limit is %d", annotate.ErrBadInput, len(joined), annotate.MaxTextBytes)
	}
	out, err := annotate.NormalizeText([]byte(joined))
	if err != nil {
		return Extracted{}, err
	}
	t, _, _ := strings.Cut(out, "\n")
	return Extracted{Title: t, Text: out}, nil
}

// Limits of nesting, past which goldmark's parsing takes time that grows
// with the square of the depth: no article nests this deep.
const (
	maxNesting  = 100   // block quote and list markers opening one line
	maxBrackets = 1_000 // "[" not yet closed in one paragraph
)

// checkNesting refuses Markdown that nests block quotes or lists more
// than maxNesting deep on a line, or opens more than maxBrackets link
// brackets in one paragraph without closing them.
func checkNesting(src string) error {
	open := 0
	for n, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" {
			open = 0 // a new paragraph
			continue
		}
		if d := markers(line); d > maxNesting {
			return fmt.Errorf("%w: line %d nests block quotes or lists %d deep, more than %d", annotate.ErrBadInput, n+1, d, maxNesting)
		}
		for i := 0; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '[':
				if open++; open > maxBrackets {
					return fmt.Errorf("%w: line %d: more than %d link brackets \"[\" open in one paragraph", annotate.ErrBadInput, n+1, maxBrackets)
				}
			case ']':
				open = max(0, open-1)
			}
		}
	}
	return nil
}

// markers counts the block quote markers (">") and list markers ("-", "+",
// "*" or a number and "." or ")", then a space) that open a line.
func markers(line string) int {
	d, i := 0, 0
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		switch {
		case i < len(line) && line[i] == '>':
			i++
		case i+1 < len(line) && strings.IndexByte("-+*", line[i]) >= 0 && (line[i+1] == ' ' || line[i+1] == '\t'):
			i += 2
		default:
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == i || j+1 >= len(line) || line[j] != '.' && line[j] != ')' || line[j+1] != ' ' && line[j+1] != '\t' {
				return d
			}
			i = j + 2
		}
		d++
	}
	return d
}

// reader turns a Markdown syntax tree into plain-text blocks.
type reader struct {
	source []byte
	buf    bytes.Buffer  // scratch for decode
	w      *bufio.Writer // writes to buf
}

// blocks returns the plain text of every block of the tree under root, in
// order, without empty ones, and the index of the first heading among them
// (-1 if there is none). It walks the tree without recursion, so deeply
// nested Markdown cannot exhaust the stack.
func (r *reader) blocks(root ast.Node) ([]string, int) {
	var out []string
	heading := -1
	stack := []ast.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		var s string
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			s = r.inline(n)
		case ast.KindCodeBlock, ast.KindFencedCodeBlock:
			var b strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				b.Write(seg.Value(r.source))
			}
			s = b.String()
		case ast.KindHTMLBlock, ast.KindThematicBreak:
			continue // markup
		default:
			// A container (the document, a list, a list item, a block
			// quote): its children in order.
			var kids []ast.Node
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				kids = append(kids, c)
			}
			for i := len(kids) - 1; i >= 0; i-- {
				stack = append(stack, kids[i])
			}
			continue
		}
		s = cleanBlock(s)
		if s == "" {
			continue
		}
		if heading < 0 && n.Kind() == ast.KindHeading {
			heading = len(out)
			s = strings.Join(strings.Fields(s), " ") // a headline is one line
		}
		out = append(out, s)
	}
	return out, heading
}

// inline returns the plain text of a block's inline content.
func (r *reader) inline(block ast.Node) string {
	var b strings.Builder
	var stack []ast.Node
	for c := block.LastChild(); c != nil; c = c.PreviousSibling() {
		stack = append(stack, c)
	}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n := n.(type) {
		case *ast.Text:
			if n.IsRaw() {
				b.Write(n.Segment.Value(r.source))
			} else {
				b.WriteString(r.decode(n.Segment.Value(r.source)))
			}
			if n.HardLineBreak() || n.SoftLineBreak() {
				b.WriteByte('\n') // the block keeps its lines: the first is the headline
			}
		case *ast.String:
			if n.IsCode() {
				b.Write(n.Value)
			} else {
				b.WriteString(r.decode(n.Value))
			}
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.WriteString(strings.ReplaceAll(string(t.Segment.Value(r.source)), "\n", " "))
				}
			}
		case *ast.AutoLink:
			b.WriteString(r.decode(n.Label(r.source)))
		case *ast.RawHTML, *ast.Image:
			// Markup: dropped. (An image's alt text is no article text.)
		default:
			// Emphasis, a link and the like: their text.
			for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
				stack = append(stack, c)
			}
		}
	}
	return b.String()
}

// decode returns Markdown text as the characters it stands for: backslash
// escapes and character references resolved, as goldmark's HTML renderer
// writes them (HTML-escaped), then unescaped.
func (r *reader) decode(value []byte) string {
	if !bytes.ContainsAny(value, "\\&\x00") {
		return string(value) // nothing to resolve
	}
	if r.w == nil {
		r.w = bufio.NewWriter(&r.buf)
	}
	r.buf.Reset()
	html.DefaultWriter.Write(r.w, value)
	r.w.Flush()
	return stdhtml.UnescapeString(r.buf.String())
}

// cleanBlock trims a block and each of its lines, and drops its blank
// lines, so that it stays one block of the document.
func cleanBlock(s string) string {
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

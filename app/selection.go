package main

import (
	"errors"
	"strconv"
	"unicode/utf16"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
)

// Why a selection cannot be annotated; the toolbar says so to the reader.
var (
	errEmptySelection   = errors.New("select some words of the article first")
	errOutsideSelection = errors.New("only the article's text can be annotated: select words inside it")
	errBlankSelection   = errors.New("the selection holds only spaces: select words")
)

// readSelection maps the reader's selection to a span of the document, in
// code points: the one place where DOM offsets (UTF-16, per text node)
// become document offsets. Each block of the article holds its first code
// point in data-start and holds the document's text of the block, so the
// length of the text from the block's start to a boundary, in UTF-16 units,
// gives the offset.
func readSelection(d *annotate.Document) (annotate.Span, app.Value, error) {
	sel := app.Window().Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 || sel.Get("isCollapsed").Bool() {
		return annotate.Span{}, nil, errEmptySelection
	}
	r := sel.Call("getRangeAt", 0)
	article := app.Window().Get("document").Call("querySelector", "article")
	if !article.Truthy() {
		return annotate.Span{}, nil, errOutsideSelection
	}
	startIn := article.Call("contains", r.Get("startContainer")).Bool()
	endIn := article.Call("contains", r.Get("endContainer")).Bool()
	if !startIn && !endIn {
		return annotate.Span{}, nil, errOutsideSelection
	}
	start := d.Text.Len()
	if startIn {
		start = boundaryPoint(d, article, r.Get("startContainer"), r.Get("startOffset").Int())
	} else if r.Call("comparePoint", article, 0).Int() >= 0 {
		start = 0 // the selection starts before the article
	}
	end := 0
	if endIn {
		end = boundaryPoint(d, article, r.Get("endContainer"), r.Get("endOffset").Int())
	} else {
		end = d.Text.Len() // it ends after the article
	}
	span := annotate.Span{Start: start, End: end}
	if span.Start >= span.End {
		return annotate.Span{}, nil, errEmptySelection
	}
	return span, r, nil
}

// boundaryPoint maps a DOM boundary inside the article to a code point.
func boundaryPoint(d *annotate.Document, article, node app.Value, offset int) int {
	if node.Equal(article) {
		// Between blocks: offset counts the article's children.
		blocks := article.Get("children")
		if offset < blocks.Length() {
			return blockStart(blocks.Index(offset))
		}
		return d.Text.Len()
	}
	el := node
	if node.Get("nodeType").Int() != 1 { // a text node
		el = node.Get("parentElement")
	}
	block := el.Call("closest", "article > [data-start]")
	if !block.Truthy() {
		return 0
	}
	before := app.Window().Get("document").Call("createRange")
	before.Call("setStart", block, 0)
	before.Call("setEnd", node, offset)
	units := utf16Len(before.Call("toString").String())
	return pointAfterUTF16(d.Text, blockStart(block), units)
}

// blockStart reads a block element's first code point.
func blockStart(block app.Value) int {
	n, _ := strconv.Atoi(block.Get("dataset").Get("start").String())
	return n
}

// utf16Len counts the UTF-16 code units of s, as JavaScript's length does.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// pointAfterUTF16 returns the code point offset that lies units UTF-16
// code units after the code point offset from.
func pointAfterUTF16(t *annotate.Text, from, units int) int {
	return t.UTF16Point(t.PointUTF16(from) + units)
}

package markdown_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"glossa/annotate"
	"glossa/annotate/markdown"
)

func TestExtract(t *testing.T) {
	for _, c := range []struct {
		name, md    string
		title, text string
	}{
		{"article", "# Ministers Meet In **Berlin**\n\n*By* Jane Doe\n\n" +
			"[Angela Merkel](https://example.org/merkel) met _Emmanuel Macron_ in Berlin on Monday.\n" +
			"They spoke about `trade` &amp; energy \\*again\\*.\n\n" +
			"- first point\n- second point with <b>markup</b>\n  - nested point\n\n" +
			"> A quote from the minister.\n>\n> Its second paragraph.\n\n" +
			"## Background\n\n```go\nfmt.Println(\"<b>\")\n```\n\n---\n\n![a chart](chart.png) Figures: 3 &lt; 4.\n",
			"Ministers Meet In Berlin",
			"Ministers Meet In Berlin\n\nBy Jane Doe\n\n" +
				"Angela Merkel met Emmanuel Macron in Berlin on Monday.\nThey spoke about trade & energy *again*.\n\n" +
				"first point\n\nsecond point with markup\n\nnested point\n\n" +
				"A quote from the minister.\n\nIts second paragraph.\n\n" +
				"Background\n\nfmt.Println(\"<b>\")\n\nFigures: 3 < 4."},
		{"no heading: the first line", "Storm Hits Coast\nRoads are closed after the storm.\n\nPolice said 3 people were hurt.",
			"Storm Hits Coast", "Storm Hits Coast\nRoads are closed after the storm.\n\nPolice said 3 people were hurt."},
		{"heading after a paragraph goes first", "Some intro text.\n\nTitle Here\n==========\n\nBody.",
			"Title Here", "Title Here\n\nSome intro text.\n\nBody."},
		{"HTML is dropped", "# T\n\n<div class=\"x\">\n<script>alert(1)</script>\n</div>\n\nText <span onclick=\"alert(1)\">kept</span> <!-- comment --> here.\n\n<iframe src=x></iframe>\n",
			"T", "T\n\nText kept  here."},
		{"autolink and reference link", "# T\n\nSee <https://example.org/a> and [the report][r].\n\n[r]: https://example.org/r \"Report\"\n",
			"T", "T\n\nSee https://example.org/a and the report."},
		{"hard breaks and entities", "# Caf&eacute; &#x263A;\n\nline one  \nline two\\\nline three",
			"Café ☺", "Café ☺\n\nline one\nline two\nline three"},
		{"CRLF and a byte-order mark", "\ufeff# Title\r\n\r\nBody\r\n", "Title", "Title\n\nBody"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex, err := markdown.Extract([]byte(c.md))
			if err != nil {
				t.Fatal(err)
			}
			if ex.Title != c.title || ex.Text != c.text {
				t.Errorf("got\n%q\n%q\nwant\n%q\n%q", ex.Title, ex.Text, c.title, c.text)
			}
			if d := annotate.NewDocument(ex.Text); d.Title != ex.Title {
				t.Errorf("the document's title is %q, want %q", d.Title, ex.Title)
			}
		})
	}
}

func TestExtractRefuses(t *testing.T) {
	for _, c := range []struct {
		name string
		md   []byte
		is   error
	}{
		{"not UTF-8", []byte("# T\n\ncaf\xe9"), annotate.ErrNotText},
		{"empty", []byte(" \n\n"), annotate.ErrBadInput},
		{"only markup", []byte("<div>\n<p>all HTML</p>\n</div>\n\n---\n\n![x](y.png)\n"), annotate.ErrBadInput},
		{"too big", []byte(strings.Repeat("a", annotate.MaxTextBytes+1)), annotate.ErrBadInput},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := markdown.Extract(c.md); !errors.Is(err, c.is) {
				t.Errorf("error %v, want %v", err, c.is)
			}
		})
	}
}

// TestExtractDeepNesting: Markdown nested deeper than articles go is
// refused at once, before goldmark spends minutes on it; nesting an
// article may hold is read.
func TestExtractDeepNesting(t *testing.T) {
	for _, c := range []struct {
		md string
		ok bool
	}{
		{strings.Repeat("> ", 100) + "deep", true},
		{strings.Repeat(">", 101) + " deep", false},
		{strings.Repeat("- ", 50) + strings.Repeat("1. ", 50) + "deep", true},
		{strings.Repeat("* ", 200) + "deep", false},
		{"text\n" + strings.Repeat("[", 1000) + "deep", true},
		{"text\n" + strings.Repeat("[", 1001) + "deep", false},
		{strings.Repeat("[", 600) + "\n\n" + strings.Repeat("[", 600) + "deep", true},
		{strings.Repeat("\\[", 5000) + "deep", true},
		{strings.Repeat("[a](b) ", 5000) + "deep", true},
		{"---\n- - -\n***\n\ndeep", true},
	} {
		ex, err := markdown.Extract([]byte(c.md))
		switch {
		case c.ok && (err != nil || !strings.Contains(ex.Text, "deep")):
			t.Errorf("%.30q…: %q, %v", c.md, ex.Text, err)
		case !c.ok && !errors.Is(err, annotate.ErrBadInput):
			t.Errorf("%.30q…: %v, want ErrBadInput", c.md, err)
		}
	}
}

func FuzzExtractMarkdown(f *testing.F) {
	f.Add([]byte("# Title\n\nA *paragraph* with [a link](https://x.example) and <b>html</b>.\n\n- item\n\n> quote\n"))
	f.Add([]byte("Title\n=====\n\n```\ncode <x>\n```\n\n<div>\nblock\n</div>\n\n&amp; &#0; \\* ![i](j)"))
	f.Add([]byte("\ufeff- a\r\n  - b\r\n\r\n1. c\r\n"))
	f.Fuzz(func(t *testing.T, md []byte) {
		ex, err := markdown.Extract(md)
		if err != nil {
			if !errors.Is(err, annotate.ErrBadInput) && !errors.Is(err, annotate.ErrNotText) {
				t.Fatalf("error %v wraps neither ErrBadInput nor ErrNotText", err)
			}
			return
		}
		if !utf8.ValidString(ex.Text) || len(ex.Text) > annotate.MaxTextBytes {
			t.Fatalf("text not UTF-8 or too long")
		}
		if norm, err := annotate.NormalizeText([]byte(ex.Text)); err != nil || norm != ex.Text {
			t.Fatalf("text not normalized: %v", err)
		}
		if strings.TrimSpace(ex.Text) == "" || ex.Text != strings.TrimSpace(ex.Text) {
			t.Fatalf("text empty or not trimmed: %q", ex.Text)
		}
		if strings.Contains(ex.Text, "\n\n\n") {
			t.Fatalf("more than one blank line between blocks: %q", ex.Text)
		}
		if d := annotate.NewDocument(ex.Text); d.Title != ex.Title {
			t.Fatalf("the document's title %q is not the title %q", d.Title, ex.Title)
		}
		again, err := markdown.Extract(md)
		if err != nil || again != ex {
			t.Fatalf("a second read differs")
		}
	})
}

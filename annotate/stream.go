package annotate

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextReader reads a text file as the normalized text NormalizeText makes
// of it, in chunks of whole blocks, so that a large file can be tagged
// without holding all of it. Chunks, joined, are the normalized text;
// each ends after a blank line (or, with SplitLines, after any line; or at
// the end of the text), so no block spans two chunks. A chunk split with
// the whole text's Layout (Continued after the first chunk) has the
// document's blocks: read the file once for its Layout and its ID, then
// again to tag it. A file that is not UTF-8 text gets NormalizeText's
// error, naming the same byte.
type TextReader struct {
	// SplitLines lets a chunk end after any line, not only after a blank
	// one: for a text whose Layout has LineParagraphs, which has no blank
	// line to end a chunk at.
	SplitLines bool

	in     *bufio.Reader
	raw    int64 // raw bytes consumed
	points int   // code points returned so far
	sum    hash.Hash
	begun  bool // past the leading byte-order marks
	err    error
	chunk  strings.Builder
	// What the layout needs: text seen, a blank line after it, and a line
	// of text after that.
	seenText, blankAfter, paragraphs bool
	emitted                          bool // a chunk was returned
	blocks                           int  // blocks ended in the chunk so far
	textEnd                          bool // the last line held text
}

// NewTextReader returns a TextReader on r.
func NewTextReader(r io.Reader) *TextReader {
	return &TextReader{in: bufio.NewReaderSize(r, 64<<10), sum: sha256.New()}
}

// Next returns the next chunk of the normalized text and the code point
// offset of its start: whole lines, ending after the first blank line
// once the chunk holds at least min bytes, or at the end of the text.
// After the last chunk it returns io.EOF.
func (t *TextReader) Next(min int) (string, int, error) {
	if t.err != nil {
		return "", t.points, t.err
	}
	if !t.begun {
		t.begun = true
		for {
			b, err := t.in.Peek(3)
			if err != nil || !bytes.Equal(b, []byte("\ufeff")) {
				break
			}
			t.in.Discard(3)
			t.raw += 3
		}
	}
	t.chunk.Reset()
	t.blocks = 0
	blank := true // the line so far is white space
	for {
		r, size, err := t.in.ReadRune()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.err = err
			return "", t.points, err
		}
		switch {
		case r == utf8.RuneError && size == 1:
			t.err = t.notText(fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrNotText, t.raw))
			return "", t.points, t.err
		case r == 0:
			t.err = fmt.Errorf("%w: NUL byte at byte %d, this looks like binary data", ErrNotText, t.raw)
			return "", t.points, t.err
		}
		t.raw += int64(size)
		if r == '\r' {
			r = '\n'
			if b, err := t.in.Peek(1); err == nil && b[0] == '\n' {
				t.in.Discard(1)
				t.raw++
			}
		}
		t.chunk.WriteRune(r)
		if r != '\n' {
			blank = blank && unicode.IsSpace(r)
			continue
		}
		t.sawLine(blank)
		// The first chunk holds the headline and the blocks that may be
		// its byline and dateline, so that they are found as in the whole.
		if (blank || t.SplitLines) && t.chunk.Len() >= min && (t.emitted || t.blocks > headerBlocks) {
			return t.emit()
		}
		blank = true
	}
	if t.chunk.Len() == 0 {
		t.err = io.EOF
		return "", t.points, io.EOF
	}
	t.sawLine(blank)
	return t.emit()
}

// sawLine notes a line for the layout and counts the blocks it ends.
func (t *TextReader) sawLine(blank bool) {
	if !blank && t.SplitLines || blank && t.textEnd && !t.SplitLines {
		t.blocks++
	}
	t.textEnd = !blank
	switch {
	case !blank && t.seenText && t.blankAfter:
		t.paragraphs = true
	case !blank:
		t.seenText = true
	case t.seenText:
		t.blankAfter = true
	}
}

// Layout returns the layout (LayoutOf) of the text read so far: after
// io.EOF, of the whole text.
func (t *TextReader) Layout() Layout { return Layout{LineParagraphs: !t.paragraphs} }

func (t *TextReader) emit() (string, int, error) {
	t.emitted = true
	s := t.chunk.String()
	start := t.points
	t.points += utf8.RuneCountInString(s)
	t.sum.Write([]byte(s))
	return s, start, nil
}

// notText adds to an invalid UTF-8 error where the first NUL byte after
// it is, as NormalizeText does.
func (t *TextReader) notText(err error) error {
	at := t.raw
	t.raw++ // the bad byte
	for {
		b, readErr := t.in.ReadByte()
		if readErr != nil {
			return err
		}
		if b == 0 {
			return fmt.Errorf("%w: invalid UTF-8 at byte %d (and a NUL byte at byte %d: this looks like binary data)", ErrNotText, at, t.raw)
		}
		t.raw++
	}
}

// Offset returns how many bytes of the file have been read.
func (t *TextReader) Offset() int64 { return t.raw }

// ID returns the document ID (see Document.ID) of the text returned so
// far: after io.EOF, of the whole text.
func (t *TextReader) ID() string {
	return "urn:sha256:" + hex.EncodeToString(t.sum.Sum(nil))
}

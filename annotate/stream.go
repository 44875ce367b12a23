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
// each ends after a blank line (or at the end of the text), so no block
// spans two chunks and the blocks of a chunk are the document's. A file
// that is not UTF-8 text gets NormalizeText's error, naming the same byte.
type TextReader struct {
	in     *bufio.Reader
	raw    int64 // raw bytes consumed
	points int   // code points returned so far
	sum    hash.Hash
	begun  bool // past the leading byte-order marks
	err    error
	chunk  strings.Builder
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
		if blank && t.chunk.Len() >= min {
			return t.emit()
		}
		blank = true
	}
	if t.chunk.Len() == 0 {
		t.err = io.EOF
		return "", t.points, io.EOF
	}
	return t.emit()
}

func (t *TextReader) emit() (string, int, error) {
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

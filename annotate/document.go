package annotate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Document is an article: its text as the reader sees it, its blocks, and the
// entities found in it. Every offset is in code points of Text.
type Document struct {
	// ID identifies the text: "urn:sha256:" and the hex SHA-256 of the
	// normalized text, so the same article gets the same ID everywhere.
	ID       string
	Title    string
	Text     *Text
	Blocks   []Block
	Entities []Entity
}

// NormalizeText turns raw file content into the text a reader sees: it drops
// leading byte-order marks and turns CRLF and lone CR line ends into LF.
// Offsets everywhere in Glossa count against this normalized text, and
// normalizing it again changes nothing. Content that is not UTF-8, or that
// holds NUL bytes (binary data), is refused with an error naming the byte
// offset of the first bad byte in raw.
func NormalizeText(raw []byte) (string, error) {
	bom := 0
	for bytes.HasPrefix(raw[bom:], []byte("\ufeff")) {
		bom += len("\ufeff")
	}
	for i := bom; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			if nul := bytes.IndexByte(raw[i:], 0); nul >= 0 {
				return "", fmt.Errorf("%w: invalid UTF-8 at byte %d (and a NUL byte at byte %d: this looks like binary data)", ErrNotText, i, i+nul)
			}
			return "", fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrNotText, i)
		case r == 0:
			return "", fmt.Errorf("%w: NUL byte at byte %d, this looks like binary data", ErrNotText, i)
		}
		i += n
	}
	s := strings.ReplaceAll(string(raw[bom:]), "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n"), nil
}

// MaxTextBytes is the longest text Glossa takes as an article, in bytes
// (5 MiB).
const MaxTextBytes = 5 << 20

// DocumentID returns the ID of a document of normalized text: "urn:sha256:"
// and the hex SHA-256 of its UTF-8, as NewDocument gives it.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "urn:sha256:" + hex.EncodeToString(sum[:])
}

// NewDocument builds a Document from normalized text (see NormalizeText):
// it splits the blocks and takes the first, the headline (the text's first
// line), as the title.
func NewDocument(text string) *Document {
	return NewDocumentWith(text, LayoutOf(text))
}

// NewDocumentWith returns the document of text, split into blocks as the
// layout says: for a part of a longer text (a chunk of a large file, see
// TextReader), the whole text's layout, Continued after its first part, so
// that its blocks are those of the whole text.
func NewDocumentWith(text string, l Layout) *Document {
	d := &Document{
		ID:   DocumentID(text),
		Text: NewText(text),
	}
	d.Blocks = splitBlocks(d.Text, l)
	if len(d.Blocks) > 0 {
		d.Title = d.Text.Slice(d.Blocks[0].Start, d.Blocks[0].End)
	}
	return d
}

// BlockText returns the text of block i.
func (d *Document) BlockText(i int) string {
	b := d.Blocks[i]
	return d.Text.Slice(b.Start, b.End)
}

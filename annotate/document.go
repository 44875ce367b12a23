package annotate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// BlockKind says what part of an article a block is.
type BlockKind string

// The block kinds of a news article, in the order they appear.
const (
	Headline  BlockKind = "headline"
	Byline    BlockKind = "byline"
	Dateline  BlockKind = "dateline"
	Paragraph BlockKind = "paragraph"
)

// Block is one block of a document: the text between blank lines, trimmed of
// surrounding white space.
type Block struct {
	Span
	Kind BlockKind `json:"kind"`
}

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

// NewDocument builds a Document from normalized text (see NormalizeText):
// it splits the blocks and takes the first block as the title.
func NewDocument(text string) *Document {
	sum := sha256.Sum256([]byte(text))
	d := &Document{
		ID:   "urn:sha256:" + hex.EncodeToString(sum[:]),
		Text: NewText(text),
	}
	d.Blocks = splitBlocks(d.Text)
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

// splitBlocks finds the blocks of t: runs of text separated by lines that
// are empty or white space only. The first block is the headline; a short
// single line after it is the byline, and a short single line with a digit
// after that is the dateline.
func splitBlocks(t *Text) []Block {
	var blocks []Block
	runes := []rune(t.String())
	lineStart := 0
	blockStart, blockEnd := -1, -1
	flush := func() {
		if blockStart >= 0 {
			blocks = append(blocks, Block{Span: Span{blockStart, blockEnd}, Kind: Paragraph})
		}
		blockStart, blockEnd = -1, -1
	}
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && runes[i] != '\n' {
			continue
		}
		// The line is runes[lineStart:i].
		s, e := lineStart, i
		for s < e && unicode.IsSpace(runes[s]) {
			s++
		}
		for e > s && unicode.IsSpace(runes[e-1]) {
			e--
		}
		if s == e {
			flush()
		} else {
			if blockStart < 0 {
				blockStart = s
			}
			blockEnd = e
		}
		lineStart = i + 1
	}
	flush()
	classifyBlocks(blocks, runes)
	return blocks
}

func classifyBlocks(blocks []Block, runes []rune) {
	if len(blocks) == 0 {
		return
	}
	blocks[0].Kind = Headline
	isShortLine := func(b Block) bool {
		text := string(runes[b.Start:b.End])
		return b.Len() <= 80 && !strings.Contains(text, "\n")
	}
	next := 1
	if next < len(blocks) && isShortLine(blocks[next]) && !hasDigit(runes[blocks[next].Start:blocks[next].End]) {
		blocks[next].Kind = Byline
		next++
	}
	if next < len(blocks) && isShortLine(blocks[next]) && hasDigit(runes[blocks[next].Start:blocks[next].End]) {
		blocks[next].Kind = Dateline
	}
}

func hasDigit(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

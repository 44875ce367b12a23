package annotate

import (
	"strings"
	"unicode"
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

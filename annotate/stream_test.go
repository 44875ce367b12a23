package annotate

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// readAll reads raw with a TextReader in chunks of at least min bytes.
func readAll(raw []byte, min int) (chunks []string, starts []int, tr *TextReader, err error) {
	return readAllAs(raw, min, false)
}

// readAllAs is readAll, chunks ending after any line with splitLines.
func readAllAs(raw []byte, min int, splitLines bool) (chunks []string, starts []int, tr *TextReader, err error) {
	tr = NewTextReader(bytes.NewReader(raw))
	tr.SplitLines = splitLines
	for {
		c, start, err := tr.Next(min)
		if err == io.EOF {
			return chunks, starts, tr, nil
		}
		if err != nil {
			return chunks, starts, tr, err
		}
		chunks = append(chunks, c)
		starts = append(starts, start)
	}
}

func TestTextReader(t *testing.T) {
	raw := []byte("\ufeff\ufeffHeadline\r\n\r\nFirst block,\rtwo lines.\n \t\nSecond 😀 block.\n\n\nThird\n\nFourth\n\nFifth")
	want, err := NormalizeText(raw)
	if err != nil {
		t.Fatal(err)
	}
	chunks, starts, tr, err := readAll(raw, 1)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(chunks, "") != want {
		t.Errorf("chunks %q joined are not the normalized text %q", chunks, want)
	}
	// The first chunk holds the headline and the three blocks that may be
	// its header; then a chunk ends after each blank line.
	if len(chunks) != 3 || !strings.HasSuffix(chunks[0], "Third\n\n") || chunks[1] != "Fourth\n\n" {
		t.Errorf("%d chunks %q, want the header's four blocks, then one after each blank line", len(chunks), chunks)
	}
	if tr.ID() != NewDocument(want).ID {
		t.Error("ID is not the document's")
	}
	if starts[2] != utf8.RuneCountInString(chunks[0]+chunks[1]) {
		t.Errorf("starts %v", starts)
	}
}

// FuzzTextReader: for any bytes, the chunks are NormalizeText's text (or
// the reader fails as it does), the reader finds the text's layout, and,
// read again with that layout as a stream is, each chunk ends a block and
// the blocks of the chunks are the document's, of the same kinds.
func FuzzTextReader(f *testing.F) {
	f.Add([]byte("\ufeffA\r\n\r\nB\rC\n\n\n D \n"), 1)
	f.Add([]byte("x\xffy\x00"), 3)
	f.Add([]byte("😀\n \n\u2028\nz"), 2)
	f.Add([]byte("Title line\nBy Jane Doe\nFirst paragraph.\nSecond paragraph.\n"), 1)
	f.Add([]byte("Title\n\nBy Jane Doe\n\nDec 03, 2017\n\nBody one.\nstill one.\n\nBody two."), 1)
	f.Fuzz(func(t *testing.T, raw []byte, min int) {
		min = min%64 + 1
		want, wantErr := NormalizeText(raw)
		chunks, starts, tr, err := readAll(raw, min)
		if wantErr != nil || err != nil {
			if wantErr == nil || err == nil || err.Error() != wantErr.Error() {
				t.Fatalf("error %v, NormalizeText's %v", err, wantErr)
			}
			return
		}
		if got := strings.Join(chunks, ""); got != want {
			t.Fatalf("chunks %q, want %q", got, want)
		}
		if tr.ID() != NewDocument(want).ID {
			t.Fatal("ID differs")
		}
		layout := tr.Layout()
		if layout != LayoutOf(want) {
			t.Fatalf("layout %+v, the text's is %+v", layout, LayoutOf(want))
		}
		chunks, starts, _, err = readAllAs(raw, min, layout.LineParagraphs)
		if err != nil {
			t.Fatal(err)
		}
		var blocks []Block
		for i, c := range chunks {
			if starts[i] != utf8.RuneCountInString(strings.Join(chunks[:i], "")) {
				t.Fatalf("chunk %d starts at %d", i, starts[i])
			}
			l := layout
			l.Continued = i > 0
			for _, b := range NewDocumentWith(c, l).Blocks {
				b.Start += starts[i]
				b.End += starts[i]
				blocks = append(blocks, b)
			}
		}
		whole := NewDocument(want).Blocks
		if len(blocks) != len(whole) {
			t.Fatalf("%d blocks in chunks, %d in the text", len(blocks), len(whole))
		}
		for i := range whole {
			if blocks[i] != whole[i] {
				t.Fatalf("block %d: %+v in chunks, %+v in the text", i, blocks[i], whole[i])
			}
		}
	})
}

package annotate

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"glossa/app/sample"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want string
	}{
		{"empty", "", ""},
		{"plain", "a “b” 😀", "a “b” 😀"},
		{"BOM dropped", "\ufeffHello", "Hello"},
		{"only a BOM", "\ufeff", ""},
		{"BOM not at the start kept", "a\ufeffb", "a\ufeffb"},
		{"CRLF", "a\r\nb\r\n", "a\nb\n"},
		{"lone CR", "a\rb\r", "a\nb\n"},
		{"CR CRLF is two line ends", "a\r\r\nb", "a\n\nb"},
		{"LF CR is two line ends", "a\n\rb", "a\n\nb"},
		{"CRLF blank line", "a\r\n\r\nb", "a\n\nb"},
		{"BOM and CRLF", "\ufeff“T”\r\n\r\nBody — 😀\r\n", "“T”\n\nBody — 😀\n"},
		{"U+FFFD itself is text", "a\uFFFDb", "a\uFFFDb"},
		{"combining mark", "e\u0301\r\n", "e\u0301\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NormalizeText([]byte(tc.raw))
			if err != nil {
				t.Fatalf("NormalizeText(%q): %v", tc.raw, err)
			}
			if got != tc.want {
				t.Errorf("NormalizeText(%q) = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
}

func TestNormalizeTextRefuses(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		msg  string // what the error must say, the byte offset included
	}{
		{"NUL first", "\x00abc", "NUL byte at byte 0"},
		{"NUL after multi-byte text", "“a”\x00", "NUL byte at byte 7"},
		{"NUL in CRLF text", "a\r\n\x00", "NUL byte at byte 3"},
		{"lone continuation byte", "ab\x80", "invalid UTF-8 at byte 2"},
		{"0xFF", "\xff", "invalid UTF-8 at byte 0"},
		{"truncated emoji", "a\xf0\x9f\x98", "invalid UTF-8 at byte 1"},
		{"truncated emoji then text", "😀\xf0\x9f\x98b", "invalid UTF-8 at byte 4"},
		{"UTF-8 encoded surrogate", "é\xed\xa0\x80", "invalid UTF-8 at byte 2"},
		{"overlong slash", "a\xc0\xafb", "invalid UTF-8 at byte 1"},
		{"beyond U+10FFFF", "\xf4\x90\x80\x80", "invalid UTF-8 at byte 0"},
		{"half a BOM", "\xef\xbbabc", "invalid UTF-8 at byte 0"},
		{"Latin-1 after valid text", "caf\xe9 “x”", "invalid UTF-8 at byte 3"},
		{"UTF-16LE with BOM", "\xff\xfeH\x00i\x00", "byte"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NormalizeText([]byte(tc.raw))
			if !errors.Is(err, ErrNotText) {
				t.Fatalf("NormalizeText(%q) = %q, %v; want an error wrapping ErrNotText", tc.raw, got, err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("NormalizeText(%q): error %q does not say %q", tc.raw, err, tc.msg)
			}
			if got != "" {
				t.Errorf("NormalizeText(%q) returned text %q with its error", tc.raw, got)
			}
		})
	}
}

// TestNormalizeTextRegressions holds the cases of bugs found in
// NormalizeText, one per bug, each failing until the bug is fixed.
func TestNormalizeTextRegressions(t *testing.T) {
	t.Run("offset counts the BOM", func(t *testing.T) {
		// The doc promises the byte offset of the first bad byte of the
		// content; after a BOM the offset must still count from the
		// content's first byte, the BOM's 3 bytes included.
		for raw, want := range map[string]string{
			"\ufeffab\x00": "NUL byte at byte 5",
			"\ufeffab\xff": "invalid UTF-8 at byte 5",
		} {
			_, err := NormalizeText([]byte(raw))
			if !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), want) {
				t.Errorf("NormalizeText(%q) = %v, want an error saying %q", raw, err, want)
			}
		}
	})
	t.Run("first bad byte wins", func(t *testing.T) {
		// Invalid UTF-8 before a NUL: the first bad byte is the invalid
		// one, at 0, but the NUL check runs first and names byte 1.
		raw := "\xff\x00"
		_, err := NormalizeText([]byte(raw))
		if !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), "at byte 0") {
			t.Errorf("NormalizeText(%q) = %v, want an error naming byte 0", raw, err)
		}
	})
	t.Run("idempotent after two BOMs", func(t *testing.T) {
		// Only the first BOM is dropped, so normalized text can start
		// with a BOM and normalizing it again changes it (and so every
		// offset and the document ID).
		raw := "\ufeff\ufeffx"
		once, err := NormalizeText([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		twice, err := NormalizeText([]byte(once))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(once, "\ufeff") || once != twice {
			t.Errorf("NormalizeText(%q) = %q, and again %q; want no leading BOM and a fixed point", raw, once, twice)
		}
	})
}

// crlfTwin returns s with a BOM and CRLF line ends, as an editor on Windows
// might save it.
func crlfTwin(s string) string {
	return "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n")
}

func TestCleanTwin(t *testing.T) {
	// A text saved with a BOM and CRLF (or old Mac CR) line ends is the
	// same document as its LF twin: same text, ID, blocks and title.
	twins := map[string]string{
		"BOM and CRLF": crlfTwin(sample.Article),
		"CR":           strings.ReplaceAll(sample.Article, "\n", "\r"),
		"BOM and CR":   "\ufeff" + strings.ReplaceAll(sample.Article, "\n", "\r"),
	}
	clean := NewDocument(sample.Article)
	for name, raw := range twins {
		t.Run(name, func(t *testing.T) {
			norm, err := NormalizeText([]byte(raw))
			if err != nil {
				t.Fatal(err)
			}
			if norm != sample.Article {
				t.Fatalf("normalized twin differs from the LF text (%d vs %d bytes)", len(norm), len(sample.Article))
			}
			d := NewDocument(norm)
			if d.ID != clean.ID {
				t.Errorf("ID %s, LF twin has %s", d.ID, clean.ID)
			}
			if d.Title != clean.Title {
				t.Errorf("Title %q, LF twin has %q", d.Title, clean.Title)
			}
			if !slices.Equal(d.Blocks, clean.Blocks) {
				t.Errorf("Blocks %v, LF twin has %v", d.Blocks, clean.Blocks)
			}
		})
	}
}

func TestNewDocumentSample(t *testing.T) {
	d := NewDocument(sample.Article)
	if len(d.Blocks) < 4 {
		t.Fatalf("%d blocks, want a headline, the staff line, a dateline and paragraphs", len(d.Blocks))
	}
	const headline = "Amid Concerns Of Russian “Snooping”, UK Warns Government Agencies To Not Use Kaspersky Software"
	if d.Blocks[0].Kind != Headline || d.BlockText(0) != headline {
		t.Errorf("block 0 is %s %q, want headline %q", d.Blocks[0].Kind, d.BlockText(0), headline)
	}
	if d.Title != headline {
		t.Errorf("Title = %q, want %q", d.Title, headline)
	}
	// "Swarajya Staff" was the byline until issue #9 (B6): a byline is a
	// "By …" line. The blocks' spans are unchanged.
	if d.Blocks[1].Kind != Paragraph || d.BlockText(1) != "Swarajya Staff" {
		t.Errorf("block 1 is %s %q, want paragraph %q", d.Blocks[1].Kind, d.BlockText(1), "Swarajya Staff")
	}
	if d.Blocks[2].Kind != Dateline || !strings.HasPrefix(d.BlockText(2), "Dec 03, 2017") {
		t.Errorf("block 2 is %s %q, want a dateline starting %q", d.Blocks[2].Kind, d.BlockText(2), "Dec 03, 2017")
	}
	prevEnd := -1
	for i, b := range d.Blocks {
		if i >= 3 && b.Kind != Paragraph {
			t.Errorf("block %d is a %s, want a paragraph", i, b.Kind)
		}
		text := d.BlockText(i)
		if strings.TrimSpace(text) != text || text == "" {
			t.Errorf("block %d %q is empty or has white space around it", i, text)
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" {
				t.Errorf("block %d %q holds a blank line", i, text)
			}
		}
		if b.Start >= b.End || b.Start <= prevEnd || b.End > d.Text.Len() {
			t.Errorf("block %d %v is empty, out of order, overlaps block %d or passes the end", i, b.Span, i-1)
		}
		// Between two blocks lies at least one blank line.
		if i > 0 {
			gap := d.Text.Slice(prevEnd, b.Start)
			if strings.TrimSpace(gap) != "" || strings.Count(gap, "\n") < 2 {
				t.Errorf("between blocks %d and %d: %q, want a blank line", i-1, i, gap)
			}
		}
		prevEnd = b.End
	}
	// Blocks and gaps cover the text: only white space lies outside blocks.
	if rest := strings.TrimSpace(d.Text.Slice(prevEnd, d.Text.Len())); rest != "" {
		t.Errorf("text after the last block: %q", rest)
	}
}

func TestSplitBlocks(t *testing.T) {
	type block struct {
		kind BlockKind
		text string
	}
	tests := []struct {
		name string
		text string
		want []block
	}{
		{"empty text", "", nil},
		{"only blank lines", "\n\n\n", nil},
		{"only white space lines", " \n\t\n  \t \n", nil},
		{"single line", "Just a headline", []block{{Headline, "Just a headline"}}},
		{"single line with white space around", "\n  Hi there\t \n\n", []block{{Headline, "Hi there"}}},
		{"lines of spaces and tabs between paragraphs",
			"Title\n  \t\nBy Jane Doe\n\t \n1 May 2020\n \nFirst paragraph.\n\t\t\nSecond paragraph.",
			[]block{{Headline, "Title"}, {Byline, "By Jane Doe"}, {Dateline, "1 May 2020"}, {Paragraph, "First paragraph."}, {Paragraph, "Second paragraph."}}},
		{"no byline", "Headline\n\nDec 03, 2017\n\nBody text.",
			[]block{{Headline, "Headline"}, {Dateline, "Dec 03, 2017"}, {Paragraph, "Body text."}}},
		{"no byline and no dateline", "Headline\n\nA first paragraph of more than eighty code points, which makes it no byline at all.\n\nMore.",
			[]block{{Headline, "Headline"}, {Paragraph, "A first paragraph of more than eighty code points, which makes it no byline at all."}, {Paragraph, "More."}}},
		{"byline, no dateline", "H\n\nBy Ann\n\nNo digits here.",
			[]block{{Headline, "H"}, {Byline, "By Ann"}, {Paragraph, "No digits here."}}},
		{"two-line block is a paragraph", "H\n\nline one\nline two\n\n3 May",
			[]block{{Headline, "H"}, {Paragraph, "line one\nline two"}, {Paragraph, "3 May"}}},
		// The middle line keeps its white space; the block has line ends,
		// so it is no byline.
		{"indented line inside a block", "H\n\na\n  b  \nc", []block{{Headline, "H"}, {Paragraph, "a\n  b  \nc"}}},
		{"no-break spaces make a blank line", "A\n\u00a0\u2003\nB", []block{{Headline, "A"}, {Paragraph, "B"}}},
		{"emoji and curly quotes", "😀 “Head”\n\nBy 😀\n\n3 déc. 2017\n\ne\u0301 —",
			[]block{{Headline, "😀 “Head”"}, {Byline, "By 😀"}, {Dateline, "3 déc. 2017"}, {Paragraph, "e\u0301 —"}}},
		{"trailing blank lines", "H\n\nP\n\n\n \n", []block{{Headline, "H"}, {Paragraph, "P"}}},

		// Issue #9 (B6): pasted text. Where no blank line separates
		// paragraphs, each line is one; the headline is the first line
		// only; a byline is a "By …" line, not any short line.
		{"pasted, single line breaks", "UK Warns Agencies Off Kaspersky\nBy Jane Doe, Reuters\nDec 3, 2017\n" +
			"LONDON (Reuters) - Britain's cyber security agency told government departments not to use Kaspersky software.\n" +
			"Ciaran Martin said Russia was acting against the UK's interest.\n",
			[]block{{Headline, "UK Warns Agencies Off Kaspersky"}, {Byline, "By Jane Doe, Reuters"}, {Dateline, "Dec 3, 2017"},
				{Paragraph, "LONDON (Reuters) - Britain's cyber security agency told government departments not to use Kaspersky software."},
				{Paragraph, "Ciaran Martin said Russia was acting against the UK's interest."}}},
		{"pasted, title then paragraphs", "Ministers Meet In Berlin\nAngela Merkel met Emmanuel Macron in Berlin on Monday.\nThey spoke about trade.",
			[]block{{Headline, "Ministers Meet In Berlin"}, {Paragraph, "Angela Merkel met Emmanuel Macron in Berlin on Monday."}, {Paragraph, "They spoke about trade."}}},
		{"pasted, short lines that are no byline or dateline", "Storm Hits Coast\nPolice said 3 people were hurt.\nThey marched 3 miles.\nRoads are closed.",
			[]block{{Headline, "Storm Hits Coast"}, {Paragraph, "Police said 3 people were hurt."}, {Paragraph, "They marched 3 miles."}, {Paragraph, "Roads are closed."}}},
		{"headline is the first line of the first block", "Storm Hits Coast\nA subheading on a second line\n\nBody of the article.",
			[]block{{Headline, "Storm Hits Coast"}, {Paragraph, "A subheading on a second line"}, {Paragraph, "Body of the article."}}},
		{"byline under the headline in its block", "Storm Hits Coast\nBy Jane Doe and John Roe, Reuters\n\nBody of the article.",
			[]block{{Headline, "Storm Hits Coast"}, {Byline, "By Jane Doe and John Roe, Reuters"}, {Paragraph, "Body of the article."}}},
		{"short first paragraph is no byline", "Headline\n\nSwarajya Staff\n\nDec 03, 2017, 03:16 AM | Updated 03:16 AM IST\n\nBody.",
			[]block{{Headline, "Headline"}, {Paragraph, "Swarajya Staff"}, {Dateline, "Dec 03, 2017, 03:16 AM | Updated 03:16 AM IST"}, {Paragraph, "Body."}}},
		{"upper-case byline", "Headline\n\nBY JANE DOE\n\nBody.", []block{{Headline, "Headline"}, {Byline, "BY JANE DOE"}, {Paragraph, "Body."}}},
		{"by in a sentence is no byline", "Headline\n\nBy the way, this is no byline\n\nBy Monday, it was over.\n\nBody.",
			[]block{{Headline, "Headline"}, {Paragraph, "By the way, this is no byline"}, {Paragraph, "By Monday, it was over."}, {Paragraph, "Body."}}},
		{"dateline before byline", "Headline\n\n2017-12-03 14:05\n\nBy Ann Lee\n\nBody.",
			[]block{{Headline, "Headline"}, {Dateline, "2017-12-03 14:05"}, {Byline, "By Ann Lee"}, {Paragraph, "Body."}}},
		{"no byline deep in the article", "Headline\n\nFirst paragraph, which is long enough to end the header of the article: over eighty code points.\n\nBy Ann Lee",
			[]block{{Headline, "Headline"}, {Paragraph, "First paragraph, which is long enough to end the header of the article: over eighty code points."}, {Paragraph, "By Ann Lee"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tx := NewText(tc.text)
			blocks := splitBlocks(tx, LayoutOf(tc.text))
			var got []block
			for _, b := range blocks {
				got = append(got, block{b.Kind, tx.Slice(b.Start, b.End)})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("splitBlocks(%q) =\n %q\nwant\n %q", tc.text, got, tc.want)
			}
			d := NewDocument(tc.text)
			if !slices.Equal(d.Blocks, blocks) {
				t.Errorf("NewDocument's blocks %v differ from splitBlocks's %v", d.Blocks, blocks)
			}
			if want := ""; len(tc.want) > 0 {
				want = tc.want[0].text
				if d.Title != want {
					t.Errorf("Title = %q, want %q", d.Title, want)
				}
			} else if d.Title != want {
				t.Errorf("Title = %q, want none", d.Title)
			}
		})
	}
}

func TestSplitBlocksOffsets(t *testing.T) {
	// Spans are code points, not bytes or UTF-16 units: "😀 Head" is 6
	// code points (9 bytes, 7 UTF-16 units).
	got := splitBlocks(NewText("😀 Head\n\nBy 😀\n \n“x”"), Layout{})
	want := []Block{
		{Span{0, 6}, Headline},
		{Span{8, 12}, Byline},
		{Span{15, 18}, Paragraph},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

var idPattern = regexp.MustCompile(`^urn:sha256:[0-9a-f]{64}$`)

func TestDocumentID(t *testing.T) {
	// SHA-256 of the empty string, a known vector.
	if got, want := NewDocument("").ID, "urn:sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"; got != want {
		t.Errorf("ID of the empty text = %s, want %s", got, want)
	}
	texts := []string{"", "a", "b", "a\n", "a\r\n", "\ufeffa", "e\u0301", "é", sample.Article, sample.Article + "\n"}
	seen := map[string]string{}
	for _, s := range texts {
		id := NewDocument(s).ID
		if !idPattern.MatchString(id) {
			t.Errorf("ID of %.20q = %q, want urn:sha256: and 64 lower-case hex digits", s, id)
		}
		if prev, ok := seen[id]; ok {
			t.Errorf("texts %.20q and %.20q share the ID %s", prev, s, id)
		}
		seen[id] = s
		if again := NewDocument(s).ID; again != id {
			t.Errorf("ID of %.20q is %s, then %s", s, id, again)
		}
	}
}

// fakeRecognizer is an in-memory Recognizer. For a text it has fixed
// entities for, it returns a copy of those; otherwise it finds every
// occurrence of its words, in text order, with offsets in code points of
// the text and Text left empty (RecognizeBlocks fills it). A text holding
// failWord gets errFake.
type fakeRecognizer struct {
	words map[string]Label
	fixed map[string][]Entity
	calls []string // the texts it was asked about, in order
}

var errFake = errors.New("fake recognizer failed")

// failWord makes fakeRecognizer fail on any text that holds it.
const failWord = "boom"

var _ Recognizer = (*fakeRecognizer)(nil)

// newFake returns a fakeRecognizer for a few person and place names.
func newFake() *fakeRecognizer {
	return &fakeRecognizer{words: map[string]Label{
		"Ann":            Person,
		"Bob":            Person,
		"Cy":             Person,
		"Paris":          GPE,
		"AT&T":           Org,
		"Cafe\u0301":     Fac,
		"😀Corp":          Org,
		"Kaspersky":      Org,
		"UK":             GPE,
		"Dec 03, 2017":   Date,
		"Ciaran Martin":  Person,
		"Swarajya Staff": Person,
		"Theresa May":    Person,
		"Russian":        NORP,
	}}
}

func (f *fakeRecognizer) Name() string { return "fake" }

func (f *fakeRecognizer) Recognize(text string) ([]Entity, error) {
	f.calls = append(f.calls, text)
	if strings.Contains(text, failWord) {
		return nil, errFake
	}
	if ents, ok := f.fixed[text]; ok {
		return slices.Clone(ents), nil
	}
	var ents []Entity
	for word, label := range f.words {
		for off := 0; ; {
			i := strings.Index(text[off:], word)
			if i < 0 {
				break
			}
			start := utf8.RuneCountInString(text[:off+i])
			end := start + utf8.RuneCountInString(word)
			ents = append(ents, Entity{Span: Span{start, end}, Label: label})
			off += i + len(word)
		}
	}
	slices.SortFunc(ents, func(a, b Entity) int { return a.Start - b.Start })
	return ents, nil
}

// recognizerDoc is a document of three blocks with hostile characters
// before and between the names the fake recognizer finds.
const recognizerDoc = "😀 Ann met Bob\n\nBy Cy\n\n“Ann” saw Bob—again."

func TestRecognizeBlocks(t *testing.T) {
	d := NewDocument(recognizerDoc)
	if len(d.Blocks) != 3 {
		t.Fatalf("%d blocks, want 3: %v", len(d.Blocks), d.Blocks)
	}
	rec := newFake()
	var foundBlocks []int
	var foundEnts [][]Entity
	got, err := RecognizeBlocks(d, rec, func(block int, ents []Entity) {
		foundBlocks = append(foundBlocks, block)
		foundEnts = append(foundEnts, slices.Clone(ents))
	})
	if err != nil {
		t.Fatal(err)
	}
	perBlock := [][]Entity{
		{{Span{2, 5}, Person, "Ann"}, {Span{10, 13}, Person, "Bob"}},
		{{Span{18, 20}, Person, "Cy"}},
		{{Span{23, 26}, Person, "Ann"}, {Span{32, 35}, Person, "Bob"}},
	}
	want := slices.Concat(perBlock...)
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if !slices.Equal(d.Entities, want) {
		t.Errorf("d.Entities = %v, want %v", d.Entities, want)
	}
	for _, e := range got {
		if s := d.Text.Slice(e.Start, e.End); s != e.Text {
			t.Errorf("entity %v: the document has %q there", e, s)
		}
	}
	if !slices.Equal(foundBlocks, []int{0, 1, 2}) {
		t.Errorf("found called for blocks %v, want 0, 1, 2 in order", foundBlocks)
	}
	for i := range min(len(foundEnts), len(perBlock)) {
		if !slices.Equal(foundEnts[i], perBlock[i]) {
			t.Errorf("found(%d, %v), want %v", i, foundEnts[i], perBlock[i])
		}
	}
	wantCalls := []string{"😀 Ann met Bob", "By Cy", "“Ann” saw Bob—again."}
	if !slices.Equal(rec.calls, wantCalls) {
		t.Errorf("recognizer saw %q, want the block texts %q", rec.calls, wantCalls)
	}
}

func TestRecognizeBlocksNilFound(t *testing.T) {
	d := NewDocument(recognizerDoc)
	got, err := RecognizeBlocks(d, newFake(), nil)
	if err != nil || len(got) != 5 {
		t.Errorf("RecognizeBlocks with nil found = %v, %v; want 5 entities", got, err)
	}
}

func TestRecognizeBlocksSample(t *testing.T) {
	// On the sample, every entity's text is the document's text at its
	// offsets, and each lies inside its block.
	d := NewDocument(sample.Article)
	got, err := RecognizeBlocks(d, newFake(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 10 {
		t.Fatalf("%d entities, want the sample's many names", len(got))
	}
	for _, e := range got {
		if e.Text != d.Text.Slice(e.Start, e.End) || e.Text == "" {
			t.Errorf("entity %v: the document has %q there", e, d.Text.Slice(e.Start, e.End))
		}
		if !slices.ContainsFunc(d.Blocks, func(b Block) bool { return b.Contains(e.Span) }) {
			t.Errorf("entity %v lies in no block", e)
		}
	}
}

func TestRecognizeBlocksBadSpan(t *testing.T) {
	// The second block, "By Cy", is 5 code points at [15, 20).
	tests := []struct {
		name string
		ents []Entity
	}{
		{"past the block end", []Entity{{Span: Span{3, 6}, Label: Person, Text: "Cy!"}}},
		{"far past the block", []Entity{{Span: Span{100, 105}, Label: Person}}},
		{"negative start", []Entity{{Span: Span{-1, 2}, Label: Person}}},
		{"before the document", []Entity{{Span: Span{-20, -16}, Label: Person}}},
		{"empty", []Entity{{Span: Span{2, 2}, Label: Person}}},
		{"reversed", []Entity{{Span: Span{4, 2}, Label: Person}}},
		{"good then bad", []Entity{{Span: Span{3, 5}, Label: Person}, {Span: Span{4, 9}, Label: Person}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDocument(recognizerDoc)
			rec := newFake()
			rec.fixed = map[string][]Entity{"By Cy": tc.ents}
			var foundBlocks []int
			_, err := RecognizeBlocks(d, rec, func(block int, _ []Entity) { foundBlocks = append(foundBlocks, block) })
			if !errors.Is(err, ErrBadSpan) {
				t.Fatalf("err = %v, want one wrapping ErrBadSpan", err)
			}
			if !strings.Contains(err.Error(), "block 2") {
				t.Errorf("err = %q, want it to name block 2", err)
			}
			if !slices.Equal(foundBlocks, []int{0}) {
				t.Errorf("found called for blocks %v, want only block 0, before the bad one", foundBlocks)
			}
		})
	}
}

func TestRecognizeBlocksError(t *testing.T) {
	d := NewDocument("Head\n\nA boom here\n\nLast")
	rec := newFake()
	_, err := RecognizeBlocks(d, rec, nil)
	if !errors.Is(err, errFake) {
		t.Fatalf("err = %v, want the recognizer's error wrapped", err)
	}
	if !strings.Contains(err.Error(), "block 2") {
		t.Errorf("err = %q, want it to name block 2", err)
	}
	if len(rec.calls) != 2 {
		t.Errorf("recognizer called %d times, want it to stop at the failing block 2", len(rec.calls))
	}
}

// TestRecognizePastedTitleApart: in text pasted with single line breaks,
// the title is a block of its own, so an entity cannot run from the title
// into the body (issue #9, B6). The fake recognizer would tag "Emmanuel
// Macron" across the line break if it were given both lines at once.
func TestRecognizePastedTitleApart(t *testing.T) {
	rec := newFake()
	rec.words["Emmanuel\nMacron"] = Person
	d := NewDocument("Talks With Emmanuel\nMacron met Ann in Paris on Monday.\nBob was there.")
	if got := d.Title; got != "Talks With Emmanuel" {
		t.Errorf("title %q, want the first line", got)
	}
	ents, err := RecognizeBlocks(d, rec, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Text)
	}
	if want := []string{"Ann", "Paris", "Bob"}; !slices.Equal(got, want) {
		t.Errorf("entities %q, want %q", got, want)
	}
	if len(rec.calls) != 3 {
		t.Errorf("the recognizer saw %d blocks, want the 3 lines", len(rec.calls))
	}
}

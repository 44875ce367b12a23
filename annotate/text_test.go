package annotate

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// textFixture is a hostile text with its offset tables written out by hand:
// bytes[p] and units[p] are the byte and UTF-16 offsets of code point
// boundary p, for p in [0, Len].
type textFixture struct {
	name  string
	s     string
	bytes []int
	units []int
}

// hostileTexts are the shared fixtures for every offset test: multi-byte
// BMP characters (curly quotes, em dash, CJK), an astral emoji (4 bytes, 2
// UTF-16 units), a combining mark (two code points, one glyph), gopls's
// fixture and the empty string.
var hostileTexts = []textFixture{
	{"empty", "", []int{0}, []int{0}},
	{"ascii", "ab\n", []int{0, 1, 2, 3}, []int{0, 1, 2, 3}},
	// “ ” ‘ ’ are 3 bytes and 1 UTF-16 unit each.
	{"curly quotes", "“a” ‘b’", []int{0, 3, 4, 7, 8, 11, 12, 15}, []int{0, 1, 2, 3, 4, 5, 6, 7}},
	{"em dash", "a—b", []int{0, 1, 4, 5}, []int{0, 1, 2, 3}},
	{"emoji", "a😀b", []int{0, 1, 5, 6}, []int{0, 1, 3, 4}},
	{"emoji alone", "😀", []int{0, 4}, []int{0, 2}},
	// e + U+0301 COMBINING ACUTE ACCENT: 1 + 2 bytes, two code points.
	{"combining mark", "e\u0301", []int{0, 1, 3}, []int{0, 1, 2}},
	{"cjk", "日本語", []int{0, 3, 6, 9}, []int{0, 1, 2, 3}},
	// gopls's protocol.Mapper fixture: U+10400 is 4 bytes, 2 UTF-16 units.
	{"gopls", "𐐀23\n𐐀45", []int{0, 4, 5, 6, 7, 11, 12, 13}, []int{0, 2, 3, 4, 5, 7, 8, 9}},
	{"mixed", "“😀—e\u0301” 日", []int{0, 3, 7, 10, 11, 13, 16, 17, 20}, []int{0, 1, 3, 4, 5, 6, 7, 8, 9}},
	// Invalid UTF-8 bytes are one code point (U+FFFD, one UTF-16 unit)
	// each: alone with ASCII (a text that needs no index), and beside a
	// two-byte character (one that does).
	{"invalid byte", "a\xffb", []int{0, 1, 2, 3}, []int{0, 1, 2, 3}},
	{"invalid byte after é", "é\xff", []int{0, 2, 3}, []int{0, 1, 2}},
}

func TestHostileFixtures(t *testing.T) {
	// The hand-written tables must agree with the fixtures themselves, or
	// every test below checks against a wrong answer.
	for _, f := range hostileTexts {
		n := utf8.RuneCountInString(f.s)
		if len(f.bytes) != n+1 || len(f.units) != n+1 || f.bytes[n] != len(f.s) {
			t.Errorf("%s: tables of %d/%d entries for %d code points and %d bytes", f.name, len(f.bytes), len(f.units), n, len(f.s))
		}
		if u := len(utf16.Encode([]rune(f.s))); f.units[n] != u {
			t.Errorf("%s: table says %d UTF-16 units, the text has %d", f.name, f.units[n], u)
		}
	}
}

func TestTextLen(t *testing.T) {
	for _, f := range hostileTexts {
		t.Run(f.name, func(t *testing.T) {
			tx := NewText(f.s)
			if got, want := tx.Len(), len(f.bytes)-1; got != want {
				t.Errorf("Len() = %d, want %d", got, want)
			}
			if got, want := tx.LenUTF16(), f.units[len(f.units)-1]; got != want {
				t.Errorf("LenUTF16() = %d, want %d", got, want)
			}
			if tx.String() != f.s {
				t.Errorf("String() = %q, want %q", tx.String(), f.s)
			}
		})
	}
}

func TestTextPointConversions(t *testing.T) {
	for _, f := range hostileTexts {
		t.Run(f.name, func(t *testing.T) {
			tx := NewText(f.s)
			n := tx.Len()
			// Every boundary, and out-of-range offsets that clamp to 0 or Len.
			for p := -3; p <= n+3; p++ {
				q := min(max(p, 0), n)
				if got := tx.PointByte(p); got != f.bytes[q] {
					t.Errorf("PointByte(%d) = %d, want %d", p, got, f.bytes[q])
				}
				if got := tx.PointUTF16(p); got != f.units[q] {
					t.Errorf("PointUTF16(%d) = %d, want %d", p, got, f.units[q])
				}
				if 0 <= p && p <= n {
					if got := tx.BytePoint(f.bytes[p]); got != p {
						t.Errorf("BytePoint(%d) = %d, want %d", f.bytes[p], got, p)
					}
					if got := tx.UTF16Point(f.units[p]); got != p {
						t.Errorf("UTF16Point(%d) = %d, want %d", f.units[p], got, p)
					}
				}
			}
		})
	}
}

// roundDown returns the last boundary p with offsets[p] <= x, clamped: what
// BytePoint and UTF16Point promise for offsets inside a code point.
func roundDown(offsets []int, x int) int {
	p := 0
	for i, o := range offsets {
		if o <= x {
			p = i
		}
	}
	return p
}

func TestTextRoundDownEveryOffset(t *testing.T) {
	// Every byte and UTF-16 offset, boundaries or not, in range or not.
	for _, f := range hostileTexts {
		t.Run(f.name, func(t *testing.T) {
			tx := NewText(f.s)
			for b := -2; b <= len(f.s)+2; b++ {
				if got, want := tx.BytePoint(b), roundDown(f.bytes, b); got != want {
					t.Errorf("BytePoint(%d) = %d, want %d", b, got, want)
				}
			}
			for u := -2; u <= tx.LenUTF16()+2; u++ {
				if got, want := tx.UTF16Point(u), roundDown(f.units, u); got != want {
					t.Errorf("UTF16Point(%d) = %d, want %d", u, got, want)
				}
			}
		})
	}
}

func TestTextOffsetCases(t *testing.T) {
	// Named cases for the promises of the doc comment, spelled out.
	gopls := NewText("𐐀23\n𐐀45")
	emoji := NewText("a😀b")
	accent := NewText("e\u0301")
	quote := NewText("“a”")
	empty := NewText("")
	tests := []struct {
		name      string
		got, want int
	}{
		{"byte inside emoji rounds down", emoji.BytePoint(2), 1},
		{"last byte of emoji rounds down", emoji.BytePoint(4), 1},
		{"byte after emoji", emoji.BytePoint(5), 2},
		{"utf16 low surrogate rounds down", emoji.UTF16Point(2), 1},
		{"utf16 after emoji", emoji.UTF16Point(3), 2},
		{"byte inside combining mark rounds down", accent.BytePoint(2), 1},
		{"byte inside curly quote rounds down", quote.BytePoint(1), 0},
		{"byte inside closing quote rounds down", quote.BytePoint(6), 2},
		{"gopls second line start, bytes", gopls.PointByte(4), 7},
		{"gopls second line start, utf16", gopls.PointUTF16(4), 5},
		{"gopls inside second 𐐀, utf16", gopls.UTF16Point(6), 4},
		{"gopls inside second 𐐀, bytes", gopls.BytePoint(9), 4},
		{"negative byte clamps to 0", gopls.BytePoint(-1), 0},
		{"byte past end clamps to Len", gopls.BytePoint(100), 7},
		{"negative utf16 clamps to 0", gopls.UTF16Point(-7), 0},
		{"utf16 past end clamps to Len", gopls.UTF16Point(10), 7},
		{"negative point clamps to byte 0", gopls.PointByte(-1), 0},
		{"point past end clamps to last byte", gopls.PointByte(8), 13},
		{"point past end clamps to last utf16", gopls.PointUTF16(1 << 40), 9},
		{"empty text, byte", empty.BytePoint(3), 0},
		{"empty text, utf16", empty.UTF16Point(3), 0},
		{"empty text, point to byte", empty.PointByte(1), 0},
		{"empty text, point to utf16", empty.PointUTF16(-1), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %d, want %d", tc.got, tc.want)
			}
		})
	}
}

func TestTextSlice(t *testing.T) {
	tests := []struct {
		name       string
		s          string
		start, end int
		want       string
	}{
		{"gopls first 𐐀", "𐐀23\n𐐀45", 0, 1, "𐐀"},
		{"gopls digits", "𐐀23\n𐐀45", 1, 3, "23"},
		{"gopls second line", "𐐀23\n𐐀45", 4, 7, "𐐀45"},
		{"gopls across line end", "𐐀23\n𐐀45", 2, 5, "3\n𐐀"},
		{"emoji", "a😀b", 1, 2, "😀"},
		{"combining mark alone", "e\u0301", 1, 2, "\u0301"},
		{"base letter alone", "e\u0301", 0, 1, "e"},
		{"curly quotes", "“a” ‘b’", 0, 3, "“a”"},
		{"em dash", "a—b", 1, 2, "—"},
		{"cjk", "日本語", 1, 3, "本語"},
		{"whole", "“😀—e\u0301” 日", 0, 8, "“😀—e\u0301” 日"},
		{"empty span", "a😀b", 2, 2, ""},
		{"reversed span", "a😀b", 2, 1, ""},
		{"clamped both ends", "a😀b", -5, 100, "a😀b"},
		{"clamped start", "a😀b", -1, 2, "a😀"},
		{"clamped end", "a😀b", 1, 9, "😀b"},
		{"both past end", "a😀b", 5, 9, ""},
		{"both before start", "a😀b", -9, -5, ""},
		{"empty text", "", 0, 0, ""},
		{"empty text clamped", "", -1, 1, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := NewText(tc.s).Slice(tc.start, tc.end); got != tc.want {
				t.Errorf("Slice(%d, %d) of %q = %q, want %q", tc.start, tc.end, tc.s, got, tc.want)
			}
		})
	}
}

func TestTextCheckSpan(t *testing.T) {
	tests := []struct {
		name       string
		s          string
		start, end int
		ok         bool
		msg        string // a part of the error message, if not ok
	}{
		{"whole gopls", "𐐀23\n𐐀45", 0, 7, true, ""},
		{"one astral code point", "𐐀23\n𐐀45", 4, 5, true, ""},
		{"combining mark alone", "e\u0301", 1, 2, true, ""},
		{"negative start", "𐐀23\n𐐀45", -1, 2, false, "outside the text of 7 code points"},
		{"end past the text", "𐐀23\n𐐀45", 3, 8, false, "[3, 8) lies outside"},
		{"end at the byte length", "𐐀23\n𐐀45", 0, 13, false, "outside"},
		{"end at the UTF-16 length", "𐐀23\n𐐀45", 0, 9, false, "outside"},
		{"empty", "𐐀23\n𐐀45", 2, 2, false, "empty or reversed"},
		{"reversed", "𐐀23\n𐐀45", 3, 1, false, "[3, 1) is empty or reversed"},
		{"empty text", "", 0, 0, false, "empty or reversed"},
		{"empty text, one past", "", 0, 1, false, "outside the text of 0 code points"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := NewText(tc.s).CheckSpan(tc.start, tc.end)
			if tc.ok {
				if err != nil {
					t.Errorf("CheckSpan(%d, %d) = %v, want nil", tc.start, tc.end, err)
				}
				return
			}
			if !errors.Is(err, ErrBadSpan) {
				t.Fatalf("CheckSpan(%d, %d) = %v, want an error wrapping ErrBadSpan", tc.start, tc.end, err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("CheckSpan(%d, %d) = %q, want it to say %q", tc.start, tc.end, err, tc.msg)
			}
		})
	}
}

// FuzzTextOffsets checks the round trips between the three units on any
// valid UTF-8 text, at a code point offset p reduced into [0, Len]; p out
// of range must behave as p clamped.
func FuzzTextOffsets(f *testing.F) {
	for _, fx := range hostileTexts {
		for p := range len(fx.bytes) {
			f.Add(fx.s, p)
		}
	}
	f.Add("𐐀23\n𐐀45", -1)
	f.Add("a😀b", 1<<40)
	f.Fuzz(func(t *testing.T, s string, p int) {
		if !utf8.ValidString(s) {
			t.Skip("not UTF-8")
		}
		tx := NewText(s)
		n := tx.Len()
		if n != utf8.RuneCountInString(s) {
			t.Fatalf("Len() = %d, want %d", n, utf8.RuneCountInString(s))
		}
		if u := len(utf16.Encode([]rune(s))); tx.LenUTF16() != u {
			t.Fatalf("LenUTF16() = %d, want %d", tx.LenUTF16(), u)
		}
		// Out of range, p behaves as p clamped.
		c := min(max(p, 0), n)
		if tx.PointByte(p) != tx.PointByte(c) || tx.PointUTF16(p) != tx.PointUTF16(c) {
			t.Fatalf("offset %d does not clamp to %d", p, c)
		}
		// Now p in [0, Len]: reduce it so that every input lands on a
		// boundary worth checking.
		p %= n + 1
		if p < 0 {
			p += n + 1
		}
		b, u := tx.PointByte(p), tx.PointUTF16(p)
		if got := tx.BytePoint(b); got != p {
			t.Errorf("BytePoint(PointByte(%d) = %d) = %d", p, b, got)
		}
		if got := tx.UTF16Point(u); got != p {
			t.Errorf("UTF16Point(PointUTF16(%d) = %d) = %d", p, u, got)
		}
		head, tail := tx.Slice(0, p), tx.Slice(p, n)
		if head+tail != s {
			t.Errorf("Slice(0, %d) + Slice(%d, %d) = %q + %q, want %q", p, p, n, head, tail, s)
		}
		if got := utf8.RuneCountInString(head); got != p {
			t.Errorf("Slice(0, %d) holds %d code points", p, got)
		}
		if b != len(head) {
			t.Errorf("PointByte(%d) = %d, but Slice(0, %d) is %d bytes", p, b, p, len(head))
		}
		if want := len(utf16.Encode([]rune(head))); u != want {
			t.Errorf("PointUTF16(%d) = %d, but Slice(0, %d) is %d UTF-16 units", p, u, p, want)
		}
		// A byte or UTF-16 offset inside the next code point rounds down to p.
		if p < n {
			next := tx.PointByte(p + 1)
			for x := b; x < next; x++ {
				if got := tx.BytePoint(x); got != p {
					t.Errorf("BytePoint(%d), inside code point %d, = %d", x, p, got)
				}
			}
			for x := u; x < tx.PointUTF16(p+1); x++ {
				if got := tx.UTF16Point(x); got != p {
					t.Errorf("UTF16Point(%d), inside code point %d, = %d", x, p, got)
				}
			}
		}
		if err := tx.CheckSpan(0, p); (err == nil) != (p > 0) {
			t.Errorf("CheckSpan(0, %d) = %v", p, err)
		}
	})
}

// BenchmarkNewText indexes a 60 KB article whose quotes are curly (so it
// needs a byte index) and that has no character beyond U+FFFF (so it needs
// no UTF-16 one): what the browser does for each article it opens or saves.
func BenchmarkNewText(b *testing.B) {
	s := strings.Repeat("“The talks lasted four hours,” a spokeswoman for the Port Authority said on Monday. ", 700)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		NewText(s)
	}
}

package annotate

import (
	"fmt"
	"unicode/utf8"
)

// Text owns a document's text and converts offsets between the three units
// that meet in Glossa: bytes (Go strings), Unicode code points (the core's
// canonical unit, and the W3C TextPositionSelector's) and UTF-16 code units
// (JavaScript strings and the DOM). Method names say both units, from and to
// (PointByte converts a code point offset to a byte offset), so the unit is
// visible at every call site.
//
// Offsets are boundaries between characters: 0 is before the first and
// Len() after the last. Conversions of out-of-range offsets clamp to the
// text; conversions of a byte or UTF-16 offset that falls inside a code point
// round down to that code point's start.
type Text struct {
	s string
	n int // length in code points
	// bytes[i] is the byte offset of code point i; bytes[n] == len(s). Nil
	// when every code point is one byte: offsets in bytes and in code
	// points are then the same.
	bytes []int32
	// units[i] is the UTF-16 offset of code point i; units[n] is the total.
	// Nil when no code point takes two units: offsets in UTF-16 units and
	// in code points are then the same.
	units []int32
}

// NewText indexes s, of up to 2 GiB. Invalid UTF-8 bytes count as one code
// point each (U+FFFD), as Go's range loop reads them; callers that accept
// outside input reject invalid UTF-8 before it gets here (see
// NormalizeText). An ASCII text needs no index, and a text without
// characters beyond U+FFFF no UTF-16 one: the browser builds one for each
// article it opens and saves, and a 60 KB article's two indexes of 8-byte
// offsets took a tenth of a second in WebAssembly.
func NewText(s string) *Text {
	n := utf8.RuneCountInString(s)
	t := &Text{s: s, n: n}
	if n == len(s) {
		return t
	}
	t.bytes = make([]int32, 0, n+1)
	astral := false
	for i, r := range s {
		t.bytes = append(t.bytes, int32(i))
		astral = astral || r >= 0x10000
	}
	t.bytes = append(t.bytes, int32(len(s)))
	if !astral {
		return t
	}
	t.units = make([]int32, 0, n+1)
	u := int32(0)
	for _, r := range s {
		t.units = append(t.units, u)
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	t.units = append(t.units, u)
	return t
}

// String returns the whole text.
func (t *Text) String() string { return t.s }

// Len returns the length of the text in code points.
func (t *Text) Len() int { return t.n }

// LenUTF16 returns the length of the text in UTF-16 code units.
func (t *Text) LenUTF16() int { return t.PointUTF16(t.n) }

func (t *Text) clampPoint(p int) int {
	return min(max(p, 0), t.n)
}

// PointByte converts a code point offset to a byte offset.
func (t *Text) PointByte(p int) int { return offsetOf(t.bytes, t.clampPoint(p)) }

// PointUTF16 converts a code point offset to a UTF-16 offset.
func (t *Text) PointUTF16(p int) int { return offsetOf(t.units, t.clampPoint(p)) }

// BytePoint converts a byte offset to a code point offset.
func (t *Text) BytePoint(b int) int { return t.search(t.bytes, b) }

// UTF16Point converts a UTF-16 offset to a code point offset.
func (t *Text) UTF16Point(u int) int { return t.search(t.units, u) }

// Slice returns the text between two code point offsets, clamped to the text.
func (t *Text) Slice(start, end int) string {
	start, end = t.clampPoint(start), t.clampPoint(end)
	if end < start {
		return ""
	}
	return t.s[t.PointByte(start):t.PointByte(end)]
}

// offsetOf is offsets[p], or p where there is no index (nil offsets).
func offsetOf(offsets []int32, p int) int {
	if offsets == nil {
		return p
	}
	return int(offsets[p])
}

// CheckSpan reports whether [start, end) is a non-empty span inside the text,
// in code points, and says what is wrong if it is not.
func (t *Text) CheckSpan(start, end int) error {
	switch {
	case start < 0 || end > t.Len():
		return fmt.Errorf("%w: span [%d, %d) lies outside the text of %d code points", ErrBadSpan, start, end, t.Len())
	case start >= end:
		return fmt.Errorf("%w: span [%d, %d) is empty or reversed", ErrBadSpan, start, end)
	}
	return nil
}

// search returns the code point whose offset in offsets is the last one
// <= x, clamped to the text; with no index (nil offsets), x clamped.
func (t *Text) search(offsets []int32, x int) int {
	if offsets == nil {
		return t.clampPoint(x)
	}
	lo, hi := 0, len(offsets)-1
	if x <= 0 {
		return 0
	}
	if x >= int(offsets[hi]) {
		return hi
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if int(offsets[mid]) <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

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
	// bytes[i] is the byte offset of code point i; bytes[Len()] == len(s).
	bytes []int
	// units[i] is the UTF-16 offset of code point i; units[Len()] is the total.
	units []int
}

// NewText indexes s. Invalid UTF-8 bytes count as one code point each
// (U+FFFD), as Go's range loop reads them; callers that accept outside input
// reject invalid UTF-8 before it gets here (see NormalizeText).
func NewText(s string) *Text {
	n := utf8.RuneCountInString(s)
	t := &Text{s: s, bytes: make([]int, 0, n+1), units: make([]int, 0, n+1)}
	u := 0
	for i, r := range s {
		t.bytes = append(t.bytes, i)
		t.units = append(t.units, u)
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	t.bytes = append(t.bytes, len(s))
	t.units = append(t.units, u)
	return t
}

// String returns the whole text.
func (t *Text) String() string { return t.s }

// Len returns the length of the text in code points.
func (t *Text) Len() int { return len(t.bytes) - 1 }

// LenUTF16 returns the length of the text in UTF-16 code units.
func (t *Text) LenUTF16() int { return t.units[len(t.units)-1] }

func (t *Text) clampPoint(p int) int {
	return min(max(p, 0), t.Len())
}

// PointByte converts a code point offset to a byte offset.
func (t *Text) PointByte(p int) int { return t.bytes[t.clampPoint(p)] }

// PointUTF16 converts a code point offset to a UTF-16 offset.
func (t *Text) PointUTF16(p int) int { return t.units[t.clampPoint(p)] }

// BytePoint converts a byte offset to a code point offset.
func (t *Text) BytePoint(b int) int { return search(t.bytes, b) }

// UTF16Point converts a UTF-16 offset to a code point offset.
func (t *Text) UTF16Point(u int) int { return search(t.units, u) }

// Slice returns the text between two code point offsets, clamped to the text.
func (t *Text) Slice(start, end int) string {
	start, end = t.clampPoint(start), t.clampPoint(end)
	if end < start {
		return ""
	}
	return t.s[t.bytes[start]:t.bytes[end]]
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

// search returns the index of the last element of the sorted offsets that is
// <= x, clamped to the valid range.
func search(offsets []int, x int) int {
	lo, hi := 0, len(offsets)-1
	if x <= 0 {
		return 0
	}
	if x >= offsets[hi] {
		return hi
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if offsets[mid] <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

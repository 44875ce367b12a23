package app

import (
	"fmt"
	"testing"
)

// Glossa: FormatString says what fmt.Sprintf says, with or without its
// shortcut for one string, int or bool formatted with "%v".
func TestFormatString(t *testing.T) {
	type named string
	cases := []struct {
		format string
		v      []any
	}{
		{"%v", []any{"polite"}},
		{"%v", []any{""}},
		{"%v", []any{42}},
		{"%v", []any{-7}},
		{"%v", []any{true}},
		{"%v", []any{false}},
		{"%v", []any{1.5}},
		{"%v", []any{int64(3)}},
		{"%v", []any{named("x")}},
		{"%v", []any{nil}},
		{"%v", []any{[]string{"a"}}},
		{"%v", []any{"a", "b"}},
		{"%d items", []any{3}},
		{"plain", nil},
	}
	for _, c := range cases {
		want := c.format
		if len(c.v) > 0 {
			want = fmt.Sprintf(c.format, c.v...)
		}
		if got := FormatString(c.format, c.v...); got != want {
			t.Errorf("FormatString(%q, %#v) = %q, want %q", c.format, c.v, got, want)
		}
	}
}

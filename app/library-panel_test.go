package main

import (
	"strings"
	"testing"
)

// TestHeldPasteText: the held paste's notice counts the text's words,
// thousands grouped, and quotes its first line (blank lines before it
// skipped, a long one cut short).
func TestHeldPasteText(t *testing.T) {
	long := strings.Repeat("word ", 200)
	for _, tc := range []struct {
		name, text, want string
	}{
		{"title and body", "Ministers Clash\n\nThe port " + strings.Repeat("grew and grew ", 1000),
			"Pasted: 3,004 words, beginning “Ministers Clash”."},
		{"blank lines first", "\n\n  A Title  \r\nbody", "Pasted: 3 words, beginning “A Title”."},
		{"a first line too long to quote", long, "Pasted: 200 words, beginning “" + strings.Repeat("word ", 15) + "word…”."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := heldPasteText(tc.text); !strings.HasPrefix(got, tc.want) {
				t.Errorf("heldPasteText = %q, want it to begin %q", got, tc.want)
			}
		})
	}
}

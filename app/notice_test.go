package main

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
)

// TestExplain checks that each kind of error the core returns reads as a
// sentence that says what happened and what to do, without the error's
// own text (ids, Go names, wrapped causes).
func TestExplain(t *testing.T) {
	id := "urn:uuid:0190b2a4-0000-7000-8000-000000000001"
	tests := []struct {
		name string
		err  error
		want string // a phrase the sentence must hold
	}{
		{"comment too long", fmt.Errorf("comment %s: %w", id, &annotate.LimitError{What: "comment", Got: 10001, Limit: 10000, Unit: "code points"}),
			"the comment is too long: 10,001 characters, where Glossa keeps at most 10,000"},
		{"title too long", &annotate.LimitError{What: `"title"`, Got: 301, Limit: 300, Unit: "code points"}, "the title is too long"},
		{"storage full", fmt.Errorf("saving: %w: QuotaExceededError", library.ErrQuota), "storage is full"},
		{"no database", fmt.Errorf("%w: SecurityError", errNoIndexedDB), "offers no database"},
		{"newer library", errNewerDB, "newer version of Glossa"},
		{"newer record", fmt.Errorf("load x: %w", library.ErrNewerSchema), "newer version of Glossa"},
		{"bad URL", fmt.Errorf("claim %s: %w: evidence \"x\"", id, annotate.ErrBadURL), "starts with http:// or https://"},
		{"duplicate", fmt.Errorf("create %s: %w", id, annotate.ErrDuplicate), "already has an annotation"},
		{"not a claim", fmt.Errorf("claim %s: %w", id, annotate.ErrNotClaim), "change the label to CLAIM"},
		{"gone", fmt.Errorf("relabel %s: %w: no such note", id, annotate.ErrNotFound), "no longer there"},
		{"not text", fmt.Errorf("x.txt: %w", annotate.ErrNotText), "Save it as UTF-8"},
		{"unsupported file", fmt.Errorf("import x.pdf: %w", formats.ErrUnsupportedFormat), "does not read or write that kind of file"},
		{"bad file", fmt.Errorf("import x.jsonld: %w: /0/target is missing", annotate.ErrBadInput), "the file cannot be read: import x.jsonld: /0/target is missing"},
		{"the app's own", problem("there is no text"), "there is no text"},
		{"anything else", errors.New("TypeError: x is undefined"), "your work stays on screen"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := explain(tc.err)
			if !strings.Contains(got, tc.want) {
				t.Errorf("explain(%v) = %q, want it to say %q", tc.err, got, tc.want)
			}
			if tc.name != "bad file" && strings.Contains(got, "urn:uuid") || strings.Contains(got, "%!") {
				t.Errorf("explain(%v) = %q shows the error's internals", tc.err, got)
			}
		})
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 10001: "10,001", 1234567: "1,234,567", -2500: "-2,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

package main

import (
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		kind, in, want, err string
	}{
		{"html", "<html><body><article><h1>Title</h1><p>One paragraph of the article, long enough to count as text.</p></article></body></html>", "One paragraph of the article", ""},
		{"markdown", "# Title\n\nOne paragraph of *the* article.\n", "One paragraph of the article.", ""},
		{"pdf", "%PDF-1.7", "", `files of kind "pdf" are not read`},
	}
	for _, tt := range tests {
		got, err := extract(tt.kind, []byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("extract(%s): error %v, want one saying %q", tt.kind, err, tt.err)
			}
			continue
		}
		if err != nil || !strings.Contains(got, tt.want) {
			t.Errorf("extract(%s) = %q, %v; want text with %q", tt.kind, got, err, tt.want)
		}
	}
}

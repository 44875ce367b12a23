package compact

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// proseSanitizer is prose's sanitizer (tokenize.go).
var proseSanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

func TestSanitize(t *testing.T) {
	for _, text := range append(slices.Clone(hostileTexts),
		"", "&rsquo", "&&rsquo;;", "\u201c\u201d\u2018\u2019", "\xe2\x80", "\xe2\xe2\x80\x9c", "a\u2019s &rsquo;s") {
		clean, off := sanitize(text, nil)
		if want := proseSanitizer.Replace(text); clean != want {
			t.Errorf("sanitize(%q) = %q, prose has %q", text, clean, want)
		}
		if len(off) == 0 {
			if clean != text {
				t.Errorf("sanitize(%q): no offsets, but the text changed", text)
			}
			continue
		}
		if len(off) != len(clean)+1 || off[len(clean)] != int32(len(text)) {
			t.Fatalf("sanitize(%q): %d offsets for %d bytes", text, len(off), len(clean))
		}
		for i := range len(clean) {
			if orig := text[off[i]:off[i+1]]; proseSanitizer.Replace(orig) != clean[i:i+1] {
				t.Errorf("sanitize(%q): byte %d %q comes from %q", text, i, clean[i], orig)
			}
		}
	}
}

// TestTokenizeMatchesProse compares the tokens with prose's tokenizer's.
// (The sharing of token objects shows in tags and labels only: the
// recognizer tests cover it.)
func TestTokenizeMatchesProse(t *testing.T) {
	m, _ := testModel(t)
	r := rand.New(rand.NewPCG(3, 3))
	texts := append(sampleTexts(), hostileTexts...)
	for range 500 {
		texts = append(texts, randomText(r))
	}
	for i, text := range texts {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			s := newScratch(m)
			s.clean, s.origOff = sanitize(text, nil)
			err := s.tokenize()
			doc, perr := func() (doc *prose.Document, err error) {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("prose panics: %v", r)
					}
				}()
				return prose.NewDocument(text, prose.WithTagging(false), prose.WithExtraction(false), prose.WithSegmentation(false))
			}()
			if (err != nil) != (perr != nil) {
				t.Fatalf("tokenize error %v, prose error %v", err, perr)
			}
			if err != nil {
				return
			}
			var got, want []string
			for _, tk := range s.toks {
				got = append(got, s.clean[tk.start:tk.end])
			}
			for _, tk := range doc.Tokens() {
				want = append(want, tk.Text)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("tokens of %q:\n got %q\nwant %q", text, got, want)
			}
		})
	}
}

package formats_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
)

// hostile is text that would end a <script> element and run script, or
// end a JavaScript string (U+2028), if a JSON export held it raw.
const hostile = "</script><script>alert(1)</script> & \u2028 \u2029"

// TestJSONExportsSafeInScript: every JSON export can be embedded in a
// <script type="application/ld+json"> element as it is (ClaimReview is
// made for that): it holds no raw "<", ">" or "&", nor U+2028 or U+2029,
// whatever the article, its title, source, notes, speakers and orphans
// hold, and it still decodes to the same values (issue #9, B3).
func TestJSONExportsSafeInScript(t *testing.T) {
	text := "Hostile " + hostile + "\n\nAnn Lee said " + hostile + " today."
	d := annotate.NewDocument(text)
	w := annotate.NewWorkspace(d)
	claim := annotate.Span{Start: d.Text.BytePoint(strings.Index(text, "Ann Lee said")), End: d.Text.Len() - 1}
	w = must(w.Create(annotate.Span{Start: claim.Start, End: claim.Start + 7}, annotate.Person, id(1), annotate.Reader(hostile), t0))
	w = must(w.Create(claim, annotate.Claim, id(2), annotate.Reader(hostile), t0))
	w = must(w.SetComment(id(2), hostile, t1))
	w = must(w.SetTags(id(2), []string{hostile}, t1))
	w = must(w.SetClaim(id(2), annotate.Speaker{Name: hostile}, annotate.False, "https://example.org/check?a=1&b=2", t1))
	doc := library.StoredDoc{
		Meta: library.DocMeta{ID: d.ID, Title: "Title " + hostile, Source: "https://example.org/?q=" + hostile, Added: t0,
			ReviewURL: "https://example.org/review?a=1&b=%3C%2Fscript%3E"},
		Text: text, Notes: w.Notes,
		Orphans: []library.Orphan{{Raw: []byte(`{"id":"x","text":"` + strings.ReplaceAll(hostile, "\u2028", `\u2028`) + `"}`), Reason: "reason " + hostile}},
	}
	b := loadBundle(t, storeOf(t, formats.Bundle{Docs: []library.StoredDoc{doc}}))
	b.Reader = formats.Identity{Name: hostile, Org: "Org " + hostile}
	for _, f := range []formats.Format{formats.FormatW3C, formats.FormatDoccano, formats.FormatSpacy, formats.FormatClaimReview} {
		t.Run(f.Name, func(t *testing.T) {
			out := exportBytes(t, f, b)
			for _, bad := range []string{"<", ">", "&", "\u2028", "\u2029"} {
				if bytes.Contains(out, []byte(bad)) {
					t.Errorf("the export holds a raw %q:\n%s", bad, out)
				}
			}
			// It decodes to the same values: every string of the
			// hostile input comes back whole.
			dec := json.NewDecoder(bytes.NewReader(out))
			found := 0
			for dec.More() {
				var v any
				if err := dec.Decode(&v); err != nil {
					t.Fatal(err)
				}
				found += countStrings(v, hostile)
			}
			if found == 0 {
				t.Errorf("no string holds the hostile text after decoding:\n%s", out)
			}
		})
	}
}

// countStrings counts the strings in v that hold s.
func countStrings(v any, s string) int {
	switch v := v.(type) {
	case string:
		if strings.Contains(v, s) {
			return 1
		}
	case []any:
		n := 0
		for _, e := range v {
			n += countStrings(e, s)
		}
		return n
	case map[string]any:
		n := 0
		for _, e := range v {
			n += countStrings(e, s)
		}
		return n
	}
	return 0
}

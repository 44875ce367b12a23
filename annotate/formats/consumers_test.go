package formats_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
)

// oneArticle is a bundle of one article made of text and notes.
func oneArticle(text string, notes []annotate.Note, review string) formats.Bundle {
	d := annotate.NewDocument(text)
	return formats.Bundle{Docs: []library.StoredDoc{{
		Meta: library.DocMeta{ID: d.ID, Title: "T", Added: t0, Source: "https://news.example/a", ReviewURL: review},
		Text: text, Notes: notes,
	}}}
}

// TestClaimReviewGoogleFields: every review carries the fields Google's
// fact-check documentation asks for, as a consumer reads them.
func TestClaimReviewGoogleFields(t *testing.T) {
	b := sampleBundle(t)
	var out struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(exportBytes(t, formats.FormatClaimReview, b), &out); err != nil {
		t.Fatal(err)
	}
	if out.Context != "https://schema.org" || len(out.Graph) != 2 {
		t.Fatalf("context %q, %d reviews; want schema.org and the 2 claims with a verdict", out.Context, len(out.Graph))
	}
	want := map[string]float64{"Supported": 5, "False": 1}
	for _, r := range out.Graph {
		for _, f := range []string{"url", "claimReviewed", "reviewRating", "author", "itemReviewed", "datePublished"} {
			if r[f] == nil {
				t.Errorf("review %v lacks %q", r["@id"], f)
			}
		}
		if r["url"] != "https://factcheck.example/2026/kaspersky-review" {
			t.Errorf("url %v", r["url"])
		}
		rating := r["reviewRating"].(map[string]any)
		name, _ := rating["alternateName"].(string)
		if rating["ratingValue"] != want[name] || rating["bestRating"] != 5.0 || rating["worstRating"] != 1.0 {
			t.Errorf("rating %v", rating)
		}
		if a := r["author"].(map[string]any); a["@type"] != "Organization" || a["name"] != "Fact Check Example" {
			t.Errorf("author %v, want the reader's organisation", a)
		}
		item := r["itemReviewed"].(map[string]any)
		speaker, _ := item["author"].(map[string]any)
		app, _ := item["appearance"].(map[string]any)
		if item["@type"] != "Claim" || speaker["name"] == nil || app["url"] != "https://swarajyamag.com/kaspersky" || app["headline"] != "Amid Concerns Of Russian “Snooping”" {
			t.Errorf("itemReviewed %v", item)
		}
	}
	if s := out.Graph[0]["itemReviewed"].(map[string]any)["author"].(map[string]any); s["@type"] != "Person" || s["name"] != "Ciaran Martin" {
		t.Errorf("the first claim's speaker is %v, want the Person Ciaran Martin", s)
	}
}

// TestClaimReviewRatings: each verdict's rating, on the stated scale; an
// unverified claim has none.
func TestClaimReviewRatings(t *testing.T) {
	for v, want := range map[annotate.Verdict]int{annotate.False: 1, annotate.Misleading: 2, annotate.Disputed: 3, annotate.Supported: 5} {
		r, ok := formats.Ratings[v]
		if !ok || r.Value != want || r.Value < formats.WorstRating || r.Value > formats.BestRating {
			t.Errorf("%s rates %+v, want %d", v, r, want)
		}
	}
	if _, ok := formats.Ratings[annotate.Unverified]; ok {
		t.Errorf("an unverified claim has a rating")
	}
}

// TestClaimReviewNeedsURL: a review without the article's review URL is
// refused, naming the fix; an article without reviewed claims needs none.
func TestClaimReviewNeedsURL(t *testing.T) {
	b := sampleBundle(t)
	b.Docs[0].Meta.ReviewURL = ""
	err := formats.FormatClaimReview.Export(b, io.Discard)
	if !errors.Is(err, formats.ErrNoReviewURL) || !strings.Contains(err.Error(), "Review URL for this article") || !strings.Contains(err.Error(), "Amid Concerns") {
		t.Errorf("export without a review URL: %v", err)
	}
	d := annotate.NewDocument("Ann said it.")
	w := must(annotate.NewWorkspace(d).Create(annotate.Span{Start: 0, End: 3}, annotate.Person, id(1), annotate.Reader("Ada"), t0))
	if err := formats.FormatClaimReview.Export(oneArticle("Ann said it.", w.Notes, ""), io.Discard); err != nil {
		t.Errorf("an article without reviews: %v", err)
	}
}

// TestClaimReviewAuthor: the reader's organisation, else their name, else
// no author and a note saying so; never the placeholder "me".
func TestClaimReviewAuthor(t *testing.T) {
	text := "Ann Lee said the sky is green."
	d := annotate.NewDocument(text)
	w := must(annotate.NewWorkspace(d).Create(annotate.Span{Start: 13, End: 29}, annotate.Claim, id(1), annotate.Reader(""), t0))
	w = must(w.SetClaim(id(1), annotate.Speaker{Name: "Ann Lee"}, annotate.False, "", t1))
	for _, c := range []struct {
		name   string
		reader formats.Identity
		want   string // the author's JSON, or "" for none
	}{
		{"organisation", formats.Identity{Name: "Ada", Org: "Full Fact"}, `{"@type":"Organization","name":"Full Fact"}`},
		{"name", formats.Identity{Name: "Ada"}, `{"@type":"Person","name":"Ada"}`},
		{"nobody", formats.Identity{}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := oneArticle(text, w.Notes, "https://factcheck.example/r")
			b.Reader = c.reader
			var out struct {
				Graph []map[string]json.RawMessage `json:"@graph"`
			}
			data := exportBytes(t, formats.FormatClaimReview, b)
			if err := json.Unmarshal(data, &out); err != nil || len(out.Graph) != 1 {
				t.Fatalf("%v: %s", err, data)
			}
			var compact bytes.Buffer
			if a := out.Graph[0]["author"]; a != nil {
				json.Compact(&compact, a)
			}
			if compact.String() != c.want {
				t.Errorf("author %s, want %q", compact.String(), c.want)
			}
			if bytes.Contains(data, []byte(`"me"`)) {
				t.Errorf("the export names the placeholder reader: %s", data)
			}
			notes := formats.FormatClaimReview.ExportNotes(b)
			if said := slices.ContainsFunc(notes, func(s string) bool { return strings.Contains(s, "no author") }); said != (c.want == "") {
				t.Errorf("notes %q: say no author %v, want %v", notes, said, c.want == "")
			}
		})
	}
}

// TestExportsUnsignedReader: notes made before the reader set a name are
// exported without a creator's name (W3C: a Person without "name"; CSV:
// an empty creator), the notes say so, and the W3C file imports back to
// the same notes.
func TestExportsUnsignedReader(t *testing.T) {
	text := "Ann Lee met Bob."
	d := annotate.NewDocument(text)
	w := must(annotate.NewWorkspace(d).Create(annotate.Span{Start: 0, End: 7}, annotate.Person, id(1), nil, t0))
	b := oneArticle(text, w.Notes, "")
	data := exportBytes(t, formats.FormatW3C, b)
	var coll struct {
		First struct {
			Items []struct{ Creator map[string]any } `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(data, &coll); err != nil || len(coll.First.Items) != 1 {
		t.Fatalf("%v: %s", err, data)
	}
	if c := coll.First.Items[0].Creator; len(c) != 1 || c["type"] != "Person" || bytes.Contains(data, []byte(`"me"`)) {
		t.Errorf("W3C creator %v: want a Person without a name", c)
	}
	csv := string(exportBytes(t, formats.FormatCSV, b))
	if !strings.HasSuffix(csv, "2026-11-27T12:00:00Z,\r\n") {
		t.Errorf("CSV: want an empty creator:\n%s", csv)
	}
	for _, f := range []formats.Format{formats.FormatW3C, formats.FormatCSV} {
		if n := f.ExportNotes(b); len(n) != 1 || !strings.Contains(n[0], "1 annotation is unsigned") {
			t.Errorf("%s notes %q", f.Name, n)
		}
	}
	s := library.NewMemStore()
	if _, err := formats.ImportInto(s, "u.jsonld", data, bundleNow); err != nil {
		t.Fatal(err)
	}
	if got := loadBundle(t, s); len(got.Docs) != 1 || !slices.EqualFunc(got.Docs[0].Notes, w.Notes, func(a, b annotate.Note) bool { return a.Creator == b.Creator && a.ID == b.ID }) {
		t.Errorf("imported back as %+v", got.Docs)
	}
}

// overlapNotes are notes of "Kaspersky Lab in London" that overlap: the
// reader's ORG "Kaspersky Lab", an accepted suggestion of a longer MISC
// "Kaspersky Lab in London", the reader's GPE "London", and a claim.
func overlapNotes(d *annotate.Document) []annotate.Note {
	w := must(annotate.NewWorkspace(d).WithSuggestions([]annotate.Entity{{Span: annotate.Span{Start: 0, End: 23}, Label: annotate.Misc}}, recName).
		Accept(annotate.SuggestionKey{Span: annotate.Span{Start: 0, End: 23}, Label: annotate.Misc}, id(1), annotate.Reader("Ada"), t0))
	w = must(w.Create(annotate.Span{Start: 0, End: 13}, annotate.Org, id(2), annotate.Reader("Ada"), t0))
	w = must(w.Create(annotate.Span{Start: 17, End: 23}, annotate.GPE, id(3), annotate.Reader("Ada"), t0))
	w = must(w.Create(annotate.Span{Start: 0, End: 23}, annotate.Claim, id(4), annotate.Reader("Ada"), t0))
	return w.Notes
}

// TestNERExportsNoOverlaps: spaCy's "ents" and doccano's labels never
// overlap, the reader's annotations winning over an accepted suggestion;
// spaCy keeps every entity in its span group; the notes count the claim
// and the overlaps left out.
func TestNERExportsNoOverlaps(t *testing.T) {
	text := "Kaspersky Lab in London"
	b := oneArticle(text, overlapNotes(annotate.NewDocument(text)), "")
	if got, want := string(exportBytes(t, formats.FormatDoccano, b)), `{"text":"Kaspersky Lab in London","label":[[0,13,"ORG"],[17,23,"GPE"]]}`+"\n"; got != want {
		t.Errorf("doccano %s, want %s", got, want)
	}
	want := `{"text":"Kaspersky Lab in London","ents":[{"start":0,"end":13,"label":"ORG"},{"start":17,"end":23,"label":"GPE"}],` +
		`"spans":{"glossa":[{"start":0,"end":23,"label":"MISC"},{"start":0,"end":13,"label":"ORG"},{"start":17,"end":23,"label":"GPE"}]}}` + "\n"
	if got := string(exportBytes(t, formats.FormatSpacy, b)); got != want {
		t.Errorf("spacy %s, want %s", got, want)
	}
	for f, want := range map[formats.Format][]string{
		formats.FormatDoccano: {"1 claim is left out", "1 overlapping entity is left out"},
		formats.FormatSpacy:   {"1 claim is left out", `1 overlapping entity is only in the span group "glossa"`},
	} {
		notes := formats.JoinNotes(f.ExportNotes(b))
		for _, w := range want {
			if !strings.Contains(notes, w) {
				t.Errorf("%s notes %q lack %q", f.Name, notes, w)
			}
		}
	}
	// Of two suggestions (or two of the reader's), the longer wins, then
	// the earlier.
	d := annotate.NewDocument("Ann Lee Bob")
	w := must(annotate.NewWorkspace(d).Create(annotate.Span{Start: 0, End: 3}, annotate.Person, id(1), nil, t0))
	w = must(w.Create(annotate.Span{Start: 0, End: 7}, annotate.Person, id(2), nil, t0))
	w = must(w.Create(annotate.Span{Start: 4, End: 11}, annotate.Person, id(3), nil, t0))
	kept, all := formats.NonOverlapping(w.Notes)
	if len(all) != 3 || len(kept) != 1 || kept[0].Span != (annotate.Span{Start: 0, End: 7}) {
		t.Errorf("kept %v of %v, want [0, 7) alone", kept, all)
	}
}

// TestSpacyImportReadsSpanGroups: the spaCy export reads back whole, the
// overlapping entities too, once each.
func TestSpacyImportReadsSpanGroups(t *testing.T) {
	text := "Kaspersky Lab in London"
	b := oneArticle(text, overlapNotes(annotate.NewDocument(text)), "")
	s := library.NewMemStore()
	rep, err := formats.ImportInto(s, "x.spacy.jsonl", exportBytes(t, formats.FormatSpacy, b), bundleNow)
	if err != nil || rep.Format != formats.FormatSpacy || rep.Added != 3 {
		t.Fatalf("import: %+v, %v; want 3 entities, read as spaCy", rep, err)
	}
}

// bratHostile holds every character brat's parser breaks lines at.
const bratHostile = "Ann said\u2028this\u2029and\u0085that\ffeed\vtab\x1cfs\x1dgs\x1ers here."

// TestBratLineSeparators: a text and a comment holding line separators
// brat splits .ann lines at give a .txt and an .ann that agree as brat
// reads them: each line of the .ann (split as Python's str.splitlines
// does) is whole, and each T line's text is the .txt's at its offsets.
func TestBratLineSeparators(t *testing.T) {
	d := annotate.NewDocument(bratHostile)
	w := must(annotate.NewWorkspace(d).Create(annotate.Span{Start: 0, End: d.Text.Len() - 1}, annotate.Claim, id(1), annotate.Reader("Ada"), t0))
	w = must(w.Create(annotate.Span{Start: 0, End: 3}, annotate.Person, id(2), annotate.Reader("Ada"), t0))
	w = must(w.SetComment(id(1), "a comment\u2028over\u0085lines\fand\vmore", t1))
	w = must(w.SetTags(id(1), []string{"tag\u2029one"}, t1))
	w = must(w.SetClaim(id(1), annotate.Speaker{AnnotationID: id(2)}, annotate.Disputed, "", t1))
	b := oneArticle(bratHostile, w.Notes, "")
	data := exportBytes(t, formats.FormatBrat, b)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		files[f.Name] = string(data)
	}
	txt, ann := []rune(files["t.txt"]), files["t.ann"]
	if len(txt) != d.Text.Len() {
		t.Errorf(".txt has %d code points, the text %d", len(txt), d.Text.Len())
	}
	for _, line := range pySplitlines(ann) {
		fields := strings.Split(line, "\t")
		switch line[0] {
		case 'T':
			if len(fields) != 3 {
				t.Errorf("T line cut: %q", line)
				continue
			}
			var parts []string
			for _, frag := range strings.Split(strings.SplitN(fields[1], " ", 2)[1], ";") {
				var s, e int
				if _, err := fmtSscan(frag, &s, &e); err != nil {
					t.Fatalf("%q: %v", line, err)
				}
				parts = append(parts, string(txt[s:e]))
			}
			if got := strings.Join(parts, " "); got != fields[2] {
				t.Errorf("%q: the .txt holds %q there", line, got)
			}
		case '#':
			if len(fields) != 3 {
				t.Errorf("note cut: %q", line)
			}
		case 'A', 'R':
		default:
			t.Errorf("a line brat cannot parse: %q", line)
		}
	}
	for _, want := range []string{"A1\tVerdict T1 disputed", "R1\tSpeaker Arg1:T1 Arg2:T2", "AnnotatorNotes T1\ta comment over lines and more", "Tags T1\ttag one"} {
		if !strings.Contains(ann, want) {
			t.Errorf(".ann lacks %q:\n%s", want, ann)
		}
	}
	if n := len(pySplitlines(ann)); n != strings.Count(ann, "\n") {
		t.Errorf("the .ann has %d lines as brat splits it, %d as written", n, strings.Count(ann, "\n"))
	}
}

// pySplitlines splits s as Python 3's str.splitlines does.
func pySplitlines(s string) []string {
	var out []string
	var cur []rune
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; r {
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			out, cur = append(out, string(cur)), nil
		case '\r':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				i++
			}
			out, cur = append(out, string(cur)), nil
		default:
			cur = append(cur, r)
		}
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

// TestBratRoundTripClaims: verdicts, speakers (notes and typed names),
// tags and evidence come back from Glossa's brat export.
func TestBratRoundTripClaims(t *testing.T) {
	b := sampleBundle(t)
	s := library.NewMemStore()
	if _, err := formats.ImportInto(s, "x.brat.zip", exportBytes(t, formats.FormatBrat, b), bundleNow); err != nil {
		t.Fatal(err)
	}
	got := loadBundle(t, s).Docs[0]
	text := annotate.NewText(got.Text)
	byQuote := map[string]annotate.Note{}
	for _, n := range got.Notes {
		byQuote[text.Slice(n.Span.Start, n.Span.End)] = n
	}
	c := byQuote["Russia is acting against the United Kingdom's national interest in cyberspace"]
	speaker := byQuote["Ciaran Martin"]
	if c.Verdict != annotate.Supported || c.Speaker.AnnotationID != speaker.ID || speaker.ID == "" ||
		!slices.Equal(c.Tags, []string{"russia", "-cyber"}) || c.Evidence != "https://www.ncsc.gov.uk/" {
		t.Errorf("claim read back as %+v (speaker %s)", c, speaker.ID)
	}
	if c := byQuote["has denied any wrongdoing"]; c.Verdict != annotate.False || c.Speaker.Name != "Kaspersky" {
		t.Errorf("typed-speaker claim read back as %+v", c)
	}
}

// TestBratImportRefusesClaimFieldsOnEntities: a verdict on a T that is no
// CLAIM is an error naming the line.
func TestBratImportRefusesClaimFieldsOnEntities(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"a.txt": "Ann Lee", "a.ann": "T1\tPERSON 0 7\tAnn Lee\nA1\tVerdict T1 false\n"} {
		f, _ := zw.Create(name)
		f.Write([]byte(body))
	}
	zw.Close()
	_, err := formats.ImportInto(library.NewMemStore(), "a.brat.zip", buf.Bytes(), bundleNow)
	if !errors.Is(err, annotate.ErrNotClaim) || !strings.Contains(err.Error(), "a.ann: line 2") {
		t.Errorf("import: %v", err)
	}
}

// fmtSscan reads "start end".
func fmtSscan(s string, a, b *int) (int, error) { return fmt.Sscan(s, a, b) }

// TestReviewURLRidesInTheW3CExport: the article's review URL is in its W3C
// export, and importing the export fills it in for a library that has the
// article without one, leaving one it has alone.
func TestReviewURLRidesInTheW3CExport(t *testing.T) {
	b := sampleBundle(t)
	data := exportBytes(t, formats.FormatW3C, b)
	if !bytes.Contains(data, []byte(`"articleReviewURL": "https://factcheck.example/2026/kaspersky-review"`)) {
		t.Fatalf("the export lacks the review URL")
	}
	without := sampleBundle(t)
	without.Docs[0].Meta.ReviewURL = ""
	s := storeOf(t, without)
	if _, err := formats.ImportInto(s, "x.jsonld", data, bundleNow); err != nil {
		t.Fatal(err)
	}
	if got := loadBundle(t, s).Docs[0].Meta.ReviewURL; got != "https://factcheck.example/2026/kaspersky-review" {
		t.Errorf("review URL after import %q", got)
	}
	other := sampleBundle(t)
	other.Docs[0].Meta.ReviewURL = "https://mine.example/review"
	s = storeOf(t, other)
	if _, err := formats.ImportInto(s, "x.jsonld", data, bundleNow); err != nil {
		t.Fatal(err)
	}
	if got := loadBundle(t, s).Docs[0].Meta.ReviewURL; got != "https://mine.example/review" {
		t.Errorf("the library's own review URL became %q", got)
	}
}

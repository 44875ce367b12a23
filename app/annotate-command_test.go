//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/w3c"
	"glossa/annotate/w3ctest"
	"glossa/app/sample"
)

// run runs the command line as a user would and returns its output.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errs bytes.Buffer
	status = runCommand(args, strings.NewReader(stdin), &out, &errs)
	return out.String(), errs.String(), status
}

// decodeCollections reads the stream of collections annotate prints.
func decodeCollections(t *testing.T, out string) []json.RawMessage {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	var colls []json.RawMessage
	for dec.More() {
		var c json.RawMessage
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("output is not a stream of JSON documents: %v", err)
		}
		colls = append(colls, c)
	}
	return colls
}

// entitiesOf extracts (label, start, end, exact) of each annotation.
func entitiesOf(t *testing.T, coll json.RawMessage) []string {
	t.Helper()
	var c struct {
		Total int
		First struct {
			Items []struct {
				Body   []struct{ Value string }
				Target struct {
					Source   string
					Selector []struct {
						Type       string
						Exact      string
						Start, End int
					}
				}
			}
		}
	}
	if err := json.Unmarshal(coll, &c); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range c.First.Items {
		s := a.Target.Selector
		out = append(out, a.Body[0].Value+" "+s[0].Exact+" "+itoa(s[1].Start)+"-"+itoa(s[1].End)+" "+a.Target.Source)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAnnotateSamplePassesW3C(t *testing.T) {
	suite, err := w3ctest.Load()
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, t.TempDir(), "sample.txt", []byte(sample.Article))
	out, errs, status := run(t, "", "annotate", path)
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	colls := decodeCollections(t, out)
	if len(colls) != 1 {
		t.Fatalf("%d collections for one file", len(colls))
	}
	for _, e := range suite.CheckCollection(colls[0]) {
		t.Error(e)
	}
	ents := entitiesOf(t, colls[0])
	if len(ents) < 20 {
		t.Errorf("only %d annotations for the sample", len(ents))
	}
	found := strings.Join(ents, "\n")
	for _, want := range []string{"PERSON Theresa May ", "PERSON Ciaran Martin "} {
		if !strings.Contains(found, want) {
			t.Errorf("no %q annotation", want)
		}
	}
	text, _ := annotate.NormalizeText([]byte(sample.Article))
	if want := annotate.NewDocument(text).ID; !strings.Contains(found, want) {
		t.Errorf("target source is not the document's %s", want)
	}
}

func TestAnnotateBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte("Theresa May met Angela Merkel in Berlin.\n"))
	tests := []struct {
		name, path, wantErr string
	}{
		{"missing", filepath.Join(dir, "nope.txt"), "nope.txt: no such file"},
		{"directory", dir, "is a directory"},
		{"binary", writeFile(t, dir, "image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "image.png: not UTF-8 text: invalid UTF-8 at byte 0 (and a NUL byte at byte 8: this looks like binary data)"},
		{"latin-1", writeFile(t, dir, "latin1.txt", []byte("Caf\xe9 in Paris")), "latin1.txt: not UTF-8 text: invalid UTF-8 at byte 3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, status := run(t, "", "annotate", tc.path, good)
			if status != 1 {
				t.Errorf("exit status %d, want 1", status)
			}
			if !strings.Contains(errs, tc.wantErr) {
				t.Errorf("stderr %q does not say %q", errs, tc.wantErr)
			}
			if colls := decodeCollections(t, out); len(colls) != 1 {
				t.Errorf("the good file was not processed: %d collections", len(colls))
			}
		})
	}
}

func TestAnnotateCRLFAndBOMTagLikeCleanTwin(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.txt", []byte(sample.Article))
	dirty := writeFile(t, dir, "dirty.txt", []byte("\ufeff"+strings.ReplaceAll(sample.Article, "\n", "\r\n")))
	out, errs, status := run(t, "", "annotate", clean, dirty)
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	colls := decodeCollections(t, out)
	if len(colls) != 2 {
		t.Fatalf("%d collections", len(colls))
	}
	a, b := entitiesOf(t, colls[0]), entitiesOf(t, colls[1])
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("CRLF+BOM twin tags differently:\n%v\n%v", a, b)
	}
}

func TestAnnotateJSONL(t *testing.T) {
	in := `{"id":"a","text":"Theresa May spoke in London."}
{"id":2,"text":"no names here"}
not json
{"id":"c"}
{"id":"d","text":"Ciaran Martin, head of the NCSC, spoke."}
`
	out, errs, status := run(t, in, "annotate", "--jsonl")
	if status != 1 {
		t.Errorf("exit status %d with bad lines, want 1", status)
	}
	for _, want := range []string{"line 3: ", "line 4: ", `"text" field is missing`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q lacks %q", errs, want)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d output lines, want 3:\n%s", len(lines), out)
	}
	var first struct {
		ID       string
		Entities []annotate.Entity
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.ID != "a" || len(first.Entities) == 0 {
		t.Errorf("first line %s", lines[0])
	}
	text := annotate.NewText("Theresa May spoke in London.")
	for _, e := range first.Entities {
		if got := text.Slice(e.Start, e.End); got != e.Text || e.Text == "" {
			t.Errorf("entity %+v: the text has %q at its offsets", e, got)
		}
	}
	if !strings.HasPrefix(lines[1], `{"id":2,"entities":[]`) {
		t.Errorf("second line %s", lines[1])
	}
}

// TestAnnotateOutputSafeInScript: the collections annotate prints can be
// embedded in a <script> element as they are: no raw "<", ">", "&",
// U+2028 or U+2029, and the same text when decoded (issue #9, B3).
func TestAnnotateOutputSafeInScript(t *testing.T) {
	const hostile = "</script><script>alert(1)</script> & \u2028 \u2029 end"
	path := writeFile(t, t.TempDir(), "hostile.txt", []byte("Title "+hostile+"\n\nAngela Merkel met Emmanuel Macron in Paris. "+hostile))
	out, errs, status := run(t, "", "annotate", path)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errs)
	}
	for _, bad := range []string{"<", ">", "&", "\u2028", "\u2029"} {
		if strings.Contains(out, bad) {
			t.Errorf("the output holds a raw %q", bad)
		}
	}
	colls := decodeCollections(t, out)
	var c struct{ Label string }
	if len(colls) != 1 || json.Unmarshal(colls[0], &c) != nil || c.Label != "Title "+hostile {
		t.Errorf("the collection's label decodes as %q", c.Label)
	}
}
func TestAnnotateSampleClaims(t *testing.T) {
	// annotate FILE adds one CLAIM suggestion per claim after the entities,
	// created by the claim finder; a speaker that resolves to an entity
	// links to that entity's annotation, others are named.
	path := writeFile(t, t.TempDir(), "sample.txt", []byte(sample.Article))
	out, errs, status := run(t, "", "annotate", path)
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	var coll w3c.Collection
	if err := json.Unmarshal(decodeCollections(t, out)[0], &coll); err != nil {
		t.Fatal(err)
	}
	byID := map[string]w3c.Annotation{}
	for _, a := range coll.First.Items {
		byID[a.ID] = a
	}
	claimCount, linked, named := 0, 0, 0
	for _, a := range coll.First.Items {
		if a.Body[0].Value != string(annotate.Claim) {
			if claimCount > 0 {
				t.Errorf("entity %q after a claim: claims come after the entities", a.Target.Quote.Exact)
			}
			continue
		}
		claimCount++
		if a.Creator == nil || a.Creator.Type != "Software" || a.Creator.Name != claims.Name {
			t.Errorf("claim %q: creator %+v, want Software %q", a.Target.Quote.Exact, a.Creator, claims.Name)
		}
		for _, b := range a.Body[1:] {
			switch {
			case b.Purpose != w3c.PurposeIdentifying:
				t.Errorf("claim %q: body %+v is not the speaker", a.Target.Quote.Exact, b)
			case b.Type == w3c.TypeSpecificResource:
				speaker, ok := byID[b.Source]
				if !ok || speaker.Body[0].Value == string(annotate.Claim) {
					t.Errorf("claim %q: speaker %s is not an entity of the collection", a.Target.Quote.Exact, b.Source)
				}
				linked++
			default:
				named++
			}
		}
	}
	if claimCount < 9 || coll.Total != len(coll.First.Items) {
		t.Errorf("%d claims, total %d for %d items", claimCount, coll.Total, len(coll.First.Items))
	}
	if linked == 0 || linked+named != claimCount {
		t.Errorf("%d speakers linked to entities and %d named, for %d claims", linked, named, claimCount)
	}
}

func TestAnnotateJSONLClaims(t *testing.T) {
	in := `{"id":"q","text":"Theresa May said that Russia was meddling in elections."}` + "\n" + `{"id":"none","text":"No one spoke."}` + "\n"
	out, errs, status := run(t, in, "annotate", "--jsonl")
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	type part struct {
		Start, End int
		Text       string
	}
	var first struct {
		Claims []struct {
			part
			Kind        string
			Cue         *part
			Speaker     *part
			SpeakerName string `json:"speaker_name"`
		}
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	text := annotate.NewText("Theresa May said that Russia was meddling in elections.")
	if len(first.Claims) != 1 {
		t.Fatalf("claims %+v, want one", first.Claims)
	}
	c := first.Claims[0]
	if c.Text != "Russia was meddling in elections" || c.Kind != "indirect" || c.Cue == nil || c.Cue.Text != "said" ||
		c.Speaker == nil || c.Speaker.Text != "Theresa May" || c.SpeakerName != "Theresa May" {
		t.Errorf("claim %+v", c)
	}
	for _, p := range []*part{&c.part, c.Cue, c.Speaker} {
		if p != nil && text.Slice(p.Start, p.End) != p.Text {
			t.Errorf("%+v: the text has %q at its offsets", *p, text.Slice(p.Start, p.End))
		}
	}
	if !strings.HasSuffix(lines[1], `,"claims":[]}`) {
		t.Errorf("a line without claims: %s", lines[1])
	}
}

package w3c_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/internal/fixture"
	"glossa/annotate/w3c"
)

// claimWorkspace builds the full claim note of the golden file: note 2, a
// claim accepted from a suggestion, with a comment holding markup, tags, a
// verdict, a speaker (note 3) and evidence, changed after it was made.
func claimWorkspace() annotate.Workspace {
	d := noteDoc()
	ada := annotate.Reader("Ada")
	w := annotate.NewWorkspace(d).WithSuggestions(suggestions(d), recName)
	w = must(w.Accept(key(d, "Kaspersky Lab denied it", 1, annotate.Claim), id(2), ada, t0))
	w = must(w.Accept(key(d, "Kaspersky Lab", 1, annotate.Org), id(3), ada, t0))
	w = must(w.SetComment(id(2), "The company denied it twice.\nSee <b>the statement</b> & the reply.", t1))
	w = must(w.SetTags(id(2), []string{"security", "denial", markup}, t1))
	w = must(w.SetClaim(id(2), annotate.Speaker{AnnotationID: id(3)}, annotate.Disputed, "https://example.org/statement?lang=en&id=42", t1))
	return w
}

func TestClaimNoteGolden(t *testing.T) {
	w := claimWorkspace()
	checkState(t, w)
	n, _ := w.Note(id(2))
	got, err := json.MarshalIndent(w3c.NoteAnnotation(n, w.Doc), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	fixture.CheckGolden(t, "claim-note.jsonld", got)
	want, _ := os.ReadFile(filepath.Join("testdata", "golden", "claim-note.jsonld"))
	back, err := readNote(want, w.Doc)
	if err != nil || !reflect.DeepEqual(back, n) {
		t.Errorf("the golden file reads as %+v, %v; want %+v", back, err, n)
	}
}

// TestAnnotationContext: the extension context appears exactly when a
// note was proposed by a machine.
func TestAnnotationContext(t *testing.T) {
	w := baseWorkspace()
	for _, c := range []struct {
		id   string
		want string
	}{
		{id(1), `"@context":["http://www.w3.org/ns/anno.jsonld",{"glossa":"https://glossa.invalid/ns#","proposedBy":{"@id":"glossa:proposedBy"}}]`},
		{id(2), `"@context":"http://www.w3.org/ns/anno.jsonld"`},
	} {
		t.Run(c.id, func(t *testing.T) {
			n, _ := w.Note(c.id)
			raw, _ := json.Marshal(w3c.NoteAnnotation(n, w.Doc))
			if !bytes.Contains(raw, []byte(c.want)) {
				t.Errorf("%s\nwant %s", raw, c.want)
			}
		})
	}
}

// claimJSON returns the golden claim's annotation as generic JSON to edit.
func claimJSON(t *testing.T) map[string]any {
	t.Helper()
	w := claimWorkspace()
	n, _ := w.Note(id(2))
	raw, _ := json.Marshal(w3c.NoteAnnotation(n, w.Doc))
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func bodies(m map[string]any) []any               { return m["body"].([]any) }
func body(m map[string]any, i int) map[string]any { return bodies(m)[i].(map[string]any) }
func target(m map[string]any) map[string]any      { return m["target"].(map[string]any) }
func selector(m map[string]any, i int) map[string]any {
	return target(m)["selector"].([]any)[i].(map[string]any)
}

// The golden claim's bodies: 0 label, 1 comment, 2-4 tags, 5 verdict, 6
// speaker, 7 evidence.
const (
	bLabel = iota
	bComment
	bTag
	bVerdict  = 5
	bSpeaker  = 6
	bEvidence = 7
)

func TestNoteFromAnnotationRefuses(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(m map[string]any)
		wantErr error
		field   string // the error names it
	}{
		{"type", func(m map[string]any) { m["type"] = "Note" }, annotate.ErrBadInput, `"type"`},
		{"id", func(m map[string]any) { m["id"] = "urn:uuid:X" }, annotate.ErrBadID, `"id"`},
		{"id missing", func(m map[string]any) { delete(m, "id") }, annotate.ErrBadID, `"id"`},
		{"context missing", func(m map[string]any) { delete(m, "@context") }, annotate.ErrBadInput, `"@context"`},
		{"context other", func(m map[string]any) { m["@context"] = "http://schema.org/" }, annotate.ErrBadInput, `"@context"`},
		{"context array without anno", func(m map[string]any) { m["@context"] = []any{"http://schema.org/"} }, annotate.ErrBadInput, `"@context"`},
		{"context number", func(m map[string]any) { m["@context"] = 3 }, annotate.ErrBadInput, `"@context"`},
		{"other document", func(m map[string]any) { target(m)["source"] = "urn:sha256:00" }, annotate.ErrBadInput, `"source"`},
		{"target an IRI", func(m map[string]any) { m["target"] = "https://example.org/" }, annotate.ErrBadInput, `"target"`},
		{"target missing", func(m map[string]any) { delete(m, "target") }, annotate.ErrBadInput, `"target"`},
		{"no position selector", func(m map[string]any) { target(m)["selector"] = []any{selector(m, 0)} }, annotate.ErrBadInput, `TextPositionSelector`},
		{"position past the end", func(m map[string]any) { selector(m, 1)["end"] = 10_000 }, annotate.ErrBadSpan, `TextPositionSelector`},
		{"position empty", func(m map[string]any) { selector(m, 1)["end"] = selector(m, 1)["start"] }, annotate.ErrBadSpan, `TextPositionSelector`},
		{"position a fraction", func(m map[string]any) { selector(m, 1)["end"] = 3.5 }, annotate.ErrBadInput, `"selector"[1]`},
		{"quote differs", func(m map[string]any) { selector(m, 0)["exact"] = "Kaspersky Lab denied" }, annotate.ErrBadInput, `"exact"`},
		{"created missing", func(m map[string]any) { delete(m, "created") }, annotate.ErrBadInput, `"created"`},
		{"created not a time", func(m map[string]any) { m["created"] = "yesterday" }, annotate.ErrBadInput, `"created"`},
		{"modified not a time", func(m map[string]any) { m["modified"] = "2026-13-01T00:00:00Z" }, annotate.ErrBadInput, `"modified"`},
		{"modified before created", func(m map[string]any) { m["modified"] = "2020-01-01T00:00:00Z" }, annotate.ErrBadInput, `"modified"`},
		{"creator missing", func(m map[string]any) { delete(m, "creator") }, annotate.ErrBadInput, `"creator"`},
		{"creator software", func(m map[string]any) { m["creator"] = map[string]any{"type": "Software", "name": "x"} }, annotate.ErrBadInput, `"creator"`},
		{"creator id not an IRI", func(m map[string]any) { m["creator"].(map[string]any)["id"] = "ada" }, annotate.ErrBadInput, `"creator"`},
		{"proposedBy without type", func(m map[string]any) { m["proposedBy"] = map[string]any{"name": "x"} }, annotate.ErrBadInput, `"proposedBy"`},
		{"body missing", func(m map[string]any) { delete(m, "body") }, annotate.ErrBadInput, `"body"`},
		{"body a string", func(m map[string]any) { m["body"] = "https://example.org/" }, annotate.ErrBadInput, `"body"`},
		{"body without value or source", func(m map[string]any) { delete(body(m, bTag), "value") }, annotate.ErrBadInput, `"body"[2]`},
		{"specific resource with a value", func(m map[string]any) { body(m, bSpeaker)["value"] = "x" }, annotate.ErrBadInput, `"body"[6]`},
		{"body of another type", func(m map[string]any) { body(m, bTag)["type"] = "Image" }, annotate.ErrBadInput, `"body"[2]`},
		{"no label", func(m map[string]any) { m["body"] = bodies(m)[1:] }, annotate.ErrBadInput, `classifying`},
		{"bad label", func(m map[string]any) { body(m, bLabel)["value"] = "FOO" }, annotate.ErrBadLabel, `classifying`},
		{"two labels", func(m map[string]any) { m["body"] = append(bodies(m), body(m, bLabel)) }, annotate.ErrBadInput, `"body"[8]`},
		{"two comments", func(m map[string]any) { m["body"] = append(bodies(m), body(m, bComment)) }, annotate.ErrBadInput, `"body"[8]`},
		{"unknown purpose", func(m map[string]any) { body(m, bTag)["purpose"] = "replying" }, annotate.ErrBadInput, `"body"[2]`},
		{"no purpose", func(m map[string]any) { delete(body(m, bTag), "purpose") }, annotate.ErrBadInput, `"body"[2]`},
		{"tag as a resource", func(m map[string]any) { bodies(m)[bTag] = body(m, bEvidence); body(m, bTag)["purpose"] = "tagging" }, annotate.ErrBadInput, `"body"[2]`},
		{"tag too long", func(m map[string]any) { body(m, bTag)["value"] = strings.Repeat("t", 101) }, annotate.ErrTooLong, `tagging`},
		{"comment too long", func(m map[string]any) { body(m, bComment)["value"] = strings.Repeat("c", 10_001) }, annotate.ErrTooLong, `commenting`},
		{"comment as HTML", func(m map[string]any) { body(m, bComment)["format"] = "text/html" }, annotate.ErrBadInput, `commenting`},
		{"comment as a resource", func(m map[string]any) {
			bodies(m)[bComment] = map[string]any{"type": "SpecificResource", "source": "https://x.org", "purpose": "commenting"}
		}, annotate.ErrBadInput, `"body"[1]`},
		{"verdict on an entity", func(m map[string]any) { body(m, bLabel)["value"] = "ORG" }, annotate.ErrNotClaim, `"body"`},
		{"bad verdict", func(m map[string]any) { body(m, bVerdict)["value"] = "probably" }, annotate.ErrBadVerdict, `assessing`},
		{"speaker itself", func(m map[string]any) { body(m, bSpeaker)["source"] = id(2) }, annotate.ErrBadSpeaker, `identifying`},
		{"speaker not an annotation", func(m map[string]any) { body(m, bSpeaker)["source"] = "https://example.org/ann" }, annotate.ErrBadID, `identifying`},
		{"speaker name too long", func(m map[string]any) {
			bodies(m)[bSpeaker] = map[string]any{"type": "TextualBody", "value": strings.Repeat("n", 201), "purpose": "identifying"}
		}, annotate.ErrTooLong, `identifying`},
		{"evidence javascript", func(m map[string]any) { body(m, bEvidence)["source"] = "javascript:alert(1)" }, annotate.ErrBadURL, `linking`},
		{"evidence as text", func(m map[string]any) {
			bodies(m)[bEvidence] = map[string]any{"type": "TextualBody", "value": "https://x.org", "purpose": "linking"}
		}, annotate.ErrBadInput, `"body"[7]`},
		{"evidence as a bare web resource", func(m map[string]any) {
			bodies(m)[bEvidence] = map[string]any{"id": "https://x.org", "purpose": "linking"}
		}, annotate.ErrBadInput, `"body"[7]`},
	}
	d := noteDoc()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := claimJSON(t)
			c.edit(m)
			raw, _ := json.Marshal(m)
			_, err := readNote(raw, d)
			if !errors.Is(err, c.wantErr) {
				t.Fatalf("error %v, want %v", err, c.wantErr)
			}
			if !strings.Contains(err.Error(), c.field) {
				t.Errorf("error %q does not name %s", err, c.field)
			}
		})
	}
}

// TestNoteFromAnnotationAccepts reads what the Data Model allows for the
// parts Glossa uses, and what other writers may leave out.
func TestNoteFromAnnotationAccepts(t *testing.T) {
	w := claimWorkspace()
	full, _ := w.Note(id(2))
	cases := []struct {
		name string
		edit func(m map[string]any)
		want func(n annotate.Note) annotate.Note
	}{
		{"as written", func(m map[string]any) {}, func(n annotate.Note) annotate.Note { return n }},
		{"bodies in another order", func(m map[string]any) {
			b := bodies(m)
			for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
				b[i], b[j] = b[j], b[i]
			}
		}, func(n annotate.Note) annotate.Note { n.Tags = []string{n.Tags[2], n.Tags[1], n.Tags[0]}; return n }},
		{"one body object", func(m map[string]any) { m["body"] = body(m, bLabel) }, func(n annotate.Note) annotate.Note {
			n.Comment, n.Tags, n.Speaker, n.Verdict, n.Evidence = "", nil, annotate.Speaker{}, annotate.Unverified, ""
			return n
		}},
		{"one selector object", func(m map[string]any) { target(m)["selector"] = selector(m, 1) }, func(n annotate.Note) annotate.Note { return n }},
		{"textual body without type", func(m map[string]any) { delete(body(m, bLabel), "type") }, func(n annotate.Note) annotate.Note { return n }},
		{"modified missing", func(m map[string]any) { delete(m, "modified") }, func(n annotate.Note) annotate.Note { n.Modified = n.Created; return n }},
		{"times in another zone", func(m map[string]any) { m["created"] = "2026-11-27T13:00:00.9+01:00" }, func(n annotate.Note) annotate.Note { return n }},
		{"verdict unverified", func(m map[string]any) { body(m, bVerdict)["value"] = "unverified" }, func(n annotate.Note) annotate.Note { n.Verdict = annotate.Unverified; return n }},
		{"typed speaker", func(m map[string]any) {
			bodies(m)[bSpeaker] = map[string]any{"type": "TextualBody", "value": " a  spokesman ", "purpose": "identifying"}
		}, func(n annotate.Note) annotate.Note { n.Speaker = annotate.Speaker{Name: "a spokesman"}; return n }},
		{"repeated and untrimmed tags", func(m map[string]any) {
			body(m, bTag)["value"] = "  security  "
			m["body"] = append(bodies(m), body(m, bTag))
		}, func(n annotate.Note) annotate.Note { return n }},
		{"creator without a name", func(m map[string]any) {
			m["creator"] = map[string]any{"type": "Person", "id": "mailto:ada@example.org"}
		}, func(n annotate.Note) annotate.Note {
			n.Creator = annotate.Agent{ID: "mailto:ada@example.org", Type: "Person", Name: "me"}
			return n
		}},
		{"plain context with proposedBy", func(m map[string]any) { m["@context"] = "http://www.w3.org/ns/anno.jsonld" }, func(n annotate.Note) annotate.Note { return n }},
		{"no proposedBy", func(m map[string]any) { delete(m, "proposedBy") }, func(n annotate.Note) annotate.Note { n.ProposedBy = nil; return n }},
		{"no quote selector", func(m map[string]any) { target(m)["selector"] = []any{selector(m, 1)} }, func(n annotate.Note) annotate.Note { return n }},
		{"unknown fields and selectors", func(m map[string]any) {
			m["generator"] = map[string]any{"type": "Software", "name": "x"}
			target(m)["selector"] = append(target(m)["selector"].([]any), map[string]any{"type": "CssSelector", "value": "p"})
		}, func(n annotate.Note) annotate.Note { return n }},
	}
	s := loadSuite(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := claimJSON(t)
			c.edit(m)
			raw, _ := json.Marshal(m)
			got, err := readNote(raw, w.Doc)
			if err != nil {
				t.Fatal(err)
			}
			if want := c.want(full); !reflect.DeepEqual(got, want) {
				t.Fatalf("note\n%+v\nwant\n%+v", got, want)
			}
			again, _ := json.Marshal(w3c.NoteAnnotation(got, w.Doc))
			for _, e := range s.CheckAnnotation(again) {
				t.Error(e)
			}
			if back, err := readNote(again, w.Doc); err != nil || !reflect.DeepEqual(back, got) {
				t.Errorf("does not round-trip: %+v, %v", back, err)
			}
		})
	}
}

// seeds are the fuzz seed corpus files, written with -update: valid-*
// must read as notes, the others must not.
func seeds(t *testing.T) map[string][]byte {
	claim := claimJSON(t)
	edit := func(f func(m map[string]any)) []byte {
		m := claimJSON(t)
		f(m)
		raw, _ := json.Marshal(m)
		return raw
	}
	raw := func(v any) []byte { b, _ := json.Marshal(v); return b }
	w := baseWorkspace()
	out := map[string][]byte{"valid-claim": raw(claim)}
	for i, n := range w.Notes {
		out[fmt.Sprintf("valid-base-note-%d", i+1)] = raw(w3c.NoteAnnotation(n, w.Doc))
	}
	out["valid-one-body"] = edit(func(m map[string]any) { m["body"] = body(m, bLabel) })
	out["valid-typed-speaker"] = edit(func(m map[string]any) {
		bodies(m)[bSpeaker] = map[string]any{"value": "a spokesman", "purpose": "identifying"}
	})
	out["other-document"] = edit(func(m map[string]any) { target(m)["source"] = "urn:sha256:00" })
	out["quote-differs"] = edit(func(m map[string]any) { selector(m, 0)["exact"] = "x" })
	out["body-string"] = edit(func(m map[string]any) { m["body"] = "https://example.org/" })
	out["evidence-javascript"] = edit(func(m map[string]any) { body(m, bEvidence)["source"] = "javascript:alert(1)" })
	out["not-json"] = []byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", "id": `)
	return out
}

const seedDir = "testdata/fuzz/FuzzNoteFromAnnotation"

func TestFuzzNoteFromAnnotationSeeds(t *testing.T) {
	d := noteDoc()
	fixture.CheckSeedCorpus(t, seedDir, func(testing.TB) map[string][]byte { return seeds(t) }, func(t *testing.T, name string, data []byte) {
		_, err := readNote(data, d)
		if valid := strings.HasPrefix(name, "valid-"); valid != (err == nil) {
			t.Errorf("reads with error %v; the name says valid: %v (stale seed? run -update)", err, valid)
		}
	})
}

// FuzzNoteFromAnnotation reads outside input as a note: it must never
// panic, and what it accepts must serialize to an annotation that passes
// the W3C MUST assertions and reads back as the same note.
func FuzzNoteFromAnnotation(f *testing.F) {
	s := loadSuite(f)
	d := noteDoc()
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := readNote(data, d)
		if err != nil {
			return
		}
		raw, err := json.Marshal(w3c.NoteAnnotation(n, d))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range s.CheckAnnotation(raw) {
			t.Errorf("%v\n%s", e, raw)
		}
		back, err := readNote(raw, d)
		if err != nil {
			t.Fatalf("re-serialized note does not read: %v\n%s", err, raw)
		}
		if !reflect.DeepEqual(back, n) {
			t.Fatalf("round trip changed the note:\n%+v\n%+v", n, back)
		}
	})
}

// TestAnnotationErrorsInJSONTerms: reading an annotation that is not one
// says what was expected in JSON's terms, never Go's types (issue #9, B5).
func TestAnnotationErrorsInJSONTerms(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{`[1]`, `an annotation is an object; found an array`},
		{`{"@context":"http://www.w3.org/ns/anno.jsonld","id":5}`, `"id": found a number, want a string`},
		{`{"@context":"http://www.w3.org/ns/anno.jsonld","body":[[1]],"target":{}}`, `"body"[0]: bad input: a body is an object with "type" and "value" or "source"; found an array`},
		{`{"@context":"http://www.w3.org/ns/anno.jsonld","body":{"value":{}},"target":{}}`, `"value": found an object, want a string`},
		{`{"@context":"http://www.w3.org/ns/anno.jsonld","target":"x"}`, `a target is an object with a "source" and selectors; found a string`},
		{`{"@context":"http://www.w3.org/ns/anno.jsonld","target":{"source":"x","selector":[{"start":"1"}]}}`, `"selector"[0]: "start": found a string, want a whole number`},
		{`{"@context":"http://www.w3.org/ns/anno.jsonld","target":{"source":"x","selector":7}}`, `a selector is an object with a "type", or an array of them; found a number`},
	} {
		var a w3c.Annotation
		err := json.Unmarshal([]byte(c.raw), &a)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "Go ") || strings.Contains(err.Error(), "struct") {
			t.Errorf("%s: error %v, want it to hold %s", c.raw, err, c.want)
		}
	}
}

package library_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/internal/fixture"
	"glossa/annotate/library"
)

// taggedDoc returns the documents-record part of the base workspace's
// stored document, with entities as given.
func taggedDoc(ents []annotate.Entity, recognizer string) library.StoredDoc {
	s := stored(baseWorkspace(), "paste")
	return library.StoredDoc{Meta: s.Meta, Text: s.Text, Entities: ents, Recognizer: recognizer}
}

// textOf returns what a texts record holds of s.
func textOf(s library.StoredDoc) library.StoredDoc {
	return library.StoredDoc{Meta: library.DocMeta{ID: s.Meta.ID}, Text: s.Text, Entities: s.Entities, Recognizer: s.Recognizer,
		Claims: s.Claims, ClaimFinder: s.ClaimFinder}
}

// withClaims returns s with a claim found on its text: Ann Lee's, with
// its cue, speaker and speaker entity.
func withClaims(s library.StoredDoc) library.StoredDoc {
	d := annotate.NewDocument(s.Text)
	cue, speaker := at(d, "says", 1), at(d, "Ann Lee", 1)
	s.Claims = []annotate.ClaimSuggestion{{Span: at(d, "the plan works", 1), Kind: annotate.DirectClaim, Cue: &cue, Speaker: &speaker,
		SpeakerName: "Ann Lee", SpeakerEntity: &annotate.Entity{Span: speaker, Label: annotate.Person}}}
	s.ClaimFinder = "claim rules"
	return s
}

// baseEntities returns the fixed recognizer's entities on noteText, with
// their text.
func baseEntities() []annotate.Entity {
	d := noteDoc()
	return annotate.NewWorkspace(d).WithSuggestions(suggestions(d), recName).Suggestions
}

// recordCase is one record kind's encoder and decoder on a value.
type recordCase struct {
	name   string
	value  any
	encode func(v any) ([]byte, error)
	decode func(raw []byte) (any, error)
}

// recordCases returns a valid record of every kind, of the base workspace.
func recordCases(t testing.TB) []recordCase {
	w := baseWorkspace()
	d := w.Doc
	encDoc := func(v any) ([]byte, error) { return library.EncodeDocument(v.(library.DocMeta)) }
	decDoc := func(raw []byte) (any, error) { return library.DecodeDocument(raw) }
	encText := func(v any) ([]byte, error) { return library.EncodeText(v.(library.StoredDoc)) }
	decText := func(raw []byte) (any, error) { return library.DecodeText(raw) }
	type noteRec struct {
		Doc  string
		Note annotate.Note
	}
	encNote := func(v any) ([]byte, error) { r := v.(noteRec); return library.EncodeNote(r.Doc, r.Note, d) }
	decNote := func(raw []byte) (any, error) {
		doc, n, err := library.DecodeNote(raw, d)
		return noteRec{doc, n}, err
	}
	type decision struct {
		Doc  string
		Kind library.DecisionKind
		Key  annotate.SuggestionKey
	}
	encDec := func(v any) ([]byte, error) { r := v.(decision); return library.EncodeDecision(r.Doc, r.Kind, r.Key) }
	decDec := func(raw []byte) (any, error) {
		doc, kind, k, err := library.DecodeDecision(raw)
		return decision{doc, kind, k}, err
	}
	encSet := func(v any) ([]byte, error) { return library.EncodeSetting(v) }
	decSet := func(raw []byte) (any, error) { v, err := library.DecodeSetting(raw); return json.RawMessage(v), err }

	sampleDoc, err := library.NewStoredDoc(sampleText(t), "sample", added)
	if err != nil {
		t.Fatal(err)
	}
	cases := []recordCase{
		{"document", taggedDoc(nil, "").Meta, encDoc, decDoc},
		{"document counts", func() library.DocMeta {
			m := taggedDoc(nil, "").Meta
			m.Notes, m.Claims = 7, 2
			return m
		}(), encDoc, decDoc},
		{"sample document", sampleDoc.Meta, encDoc, decDoc},
		{"document with a review URL", func() library.DocMeta {
			m := sampleDoc.Meta
			m.ReviewURL = "https://factcheck.example/reviews/kaspersky?x=1&y=%3C"
			return m
		}(), encDoc, decDoc},
		{"text never tagged", textOf(taggedDoc(nil, "")), encText, decText},
		{"text tagged", textOf(taggedDoc(baseEntities(), recName)), encText, decText},
		{"text tagged, nothing found", textOf(taggedDoc([]annotate.Entity{}, recName)), encText, decText},
		{"text tagged, with claims", textOf(withClaims(taggedDoc(baseEntities(), recName))), encText, decText},
		{"sample text", textOf(sampleDoc), encText, decText},
	}
	for _, n := range w.Notes {
		cases = append(cases, recordCase{"note " + n.ID[len(n.ID)-2:] + " " + string(n.Label), noteRec{d.ID, n}, encNote, decNote})
	}
	for _, k := range setKeys(w.Accepted) {
		cases = append(cases, recordCase{"accepted " + k.String(), decision{d.ID, library.DecisionAccepted, k}, encDec, decDec})
	}
	k := annotate.SuggestionKey{Span: at(d, "Britain", 1), Label: annotate.GPE}
	cases = append(cases,
		recordCase{"rejected " + k.String(), decision{d.ID, library.DecisionRejected, k}, encDec, decDec},
		recordCase{"setting string", json.RawMessage(`"Ada"`), encSet, decSet},
		recordCase{"setting object", json.RawMessage(`{"caret":true,"labels":["PERSON","ORG"],"size":1.5}`), encSet, decSet},
	)
	return cases
}

func TestRecordRoundTrip(t *testing.T) {
	for _, c := range recordCases(t) {
		t.Run(c.name, func(t *testing.T) {
			raw, err := c.encode(c.value)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(raw, []byte(`{"schema":2,`)) {
				t.Errorf("record does not start with its schema: %.60s", raw)
			}
			got, err := c.decode(raw)
			if err != nil {
				t.Fatalf("%v\n%s", err, raw)
			}
			if !reflect.DeepEqual(got, c.value) {
				t.Errorf("decodes as\n%+v\nwant\n%+v", got, c.value)
			}
			again, err := c.encode(got)
			if err != nil || !bytes.Equal(again, raw) {
				t.Errorf("encodes again as (%v)\n%s\nwant\n%s", err, again, raw)
			}
		})
	}
}

// editJSON decodes a JSON object, lets edit change it and encodes it again.
func editJSON(t testing.TB, raw []byte, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// decodeAny decodes raw as a record of store, a note's of the base
// workspace's document.
func decodeAny(store string, raw []byte) error {
	var err error
	switch store {
	case library.StoreDocuments:
		_, err = library.DecodeDocument(raw)
	case library.StoreTexts:
		_, err = library.DecodeText(raw)
	case library.StoreAnnotations:
		_, _, err = library.DecodeNote(raw, noteDoc())
	case library.StoreDecisions:
		_, _, _, err = library.DecodeDecision(raw)
	case library.StoreSettings:
		_, err = library.DecodeSetting(raw)
	}
	return err
}

func TestRecordRefusals(t *testing.T) {
	w := baseWorkspace()
	d := w.Doc
	docRaw, err := library.EncodeDocument(taggedDoc(nil, "").Meta)
	if err != nil {
		t.Fatal(err)
	}
	textRaw, err := library.EncodeText(taggedDoc(baseEntities(), recName))
	if err != nil {
		t.Fatal(err)
	}
	claim, _ := w.Note(id(2))
	noteRaw, err := library.EncodeNote(d.ID, claim, d)
	if err != nil {
		t.Fatal(err)
	}
	decRaw, err := library.EncodeDecision(d.ID, library.DecisionRejected, annotate.SuggestionKey{Span: at(d, "Britain", 1), Label: annotate.GPE})
	if err != nil {
		t.Fatal(err)
	}
	setRaw, _ := library.EncodeSetting("Ada")
	doc := func(edit func(m map[string]any)) []byte { return editJSON(t, docRaw, edit) }
	text := func(edit func(m map[string]any)) []byte { return editJSON(t, textRaw, edit) }
	note := func(edit func(m map[string]any)) []byte { return editJSON(t, noteRaw, edit) }
	ann := func(edit func(a map[string]any)) []byte {
		return note(func(m map[string]any) { edit(m["annotation"].(map[string]any)) })
	}
	dec := func(edit func(m map[string]any)) []byte { return editJSON(t, decRaw, edit) }
	set := func(edit func(m map[string]any)) []byte { return editJSON(t, setRaw, edit) }
	entity := func(m map[string]any) map[string]any { return m["entities"].([]any)[0].(map[string]any) }
	const docs, texts, anns, decs, sets = library.StoreDocuments, library.StoreTexts, library.StoreAnnotations, library.StoreDecisions, library.StoreSettings

	tests := []struct {
		name  string
		store string
		raw   []byte
		err   error
		want  string // in the message, besides the store
	}{
		{"document not JSON", docs, []byte(`{"schema":2,`), annotate.ErrBadInput, "want a JSON object"},
		{"document an array", docs, []byte(`[1]`), annotate.ErrBadInput, "want a JSON object"},
		{"document null", docs, []byte(`null`), annotate.ErrBadInput, "want a JSON object"},
		{"document without title", docs, doc(func(m map[string]any) { delete(m, "title") }), annotate.ErrBadInput, `"title" is missing`},
		{"document unknown field", docs, doc(func(m map[string]any) { m["colour"] = "red" }), annotate.ErrBadInput, `unknown field "colour"`},
		{"document with text", docs, doc(func(m map[string]any) { m["text"] = noteDoc().Text.String() }), annotate.ErrBadInput, `unknown field "text"`},
		{"document title a number", docs, doc(func(m map[string]any) { m["title"] = 3 }), annotate.ErrBadInput, `"title" is 3, want a string`},
		{"document id malformed", docs, doc(func(m map[string]any) { m["id"] = "doc1" }), annotate.ErrBadID, `"id"`},
		{"document title two lines", docs, doc(func(m map[string]any) { m["title"] = "a\nb" }), annotate.ErrBadInput, `"title"`},
		{"document title empty", docs, doc(func(m map[string]any) { m["title"] = "" }), annotate.ErrBadInput, `"title" is empty`},
		{"document title too long", docs, doc(func(m map[string]any) { m["title"] = strings.Repeat("x", 301) }), annotate.ErrTooLong, `"title"`},
		{"document added not a date", docs, doc(func(m map[string]any) { m["added"] = "yesterday" }), annotate.ErrBadInput, `"added"`},
		{"document notes negative", docs, doc(func(m map[string]any) { m["notes"] = -1 }), annotate.ErrBadInput, `"notes"`},
		{"document notes fractional", docs, doc(func(m map[string]any) { m["notes"] = 1.5 }), annotate.ErrBadInput, `"notes"`},
		{"document more claims than notes", docs, doc(func(m map[string]any) { m["claims"] = 5 }), annotate.ErrBadInput, `"claims"`},
		{"document newer schema", docs, doc(func(m map[string]any) { m["schema"] = 3 }), library.ErrNewerSchema, "schema 3, this version reads up to 2"},
		{"document of schema 1", docs, doc(func(m map[string]any) { m["schema"] = 1 }), annotate.ErrBadInput, "schema 1 is not one Glossa wrote"},
		{"document without schema", docs, doc(func(m map[string]any) { delete(m, "schema") }), annotate.ErrBadInput, "schema 0 is not one Glossa wrote"},
		{"document schema a string", docs, doc(func(m map[string]any) { m["schema"] = "2" }), annotate.ErrBadInput, `"schema" is "2"`},
		{"text without text", texts, text(func(m map[string]any) { delete(m, "text") }), annotate.ErrBadInput, `"text" is missing`},
		{"text a number", texts, text(func(m map[string]any) { m["text"] = 3 }), annotate.ErrBadInput, `"text" is 3, want a string`},
		{"text of another document", texts, text(func(m map[string]any) { m["doc"] = annotate.DocumentID("other") }), annotate.ErrBadInput, `the document is urn:sha256:`},
		{"text doc malformed", texts, text(func(m map[string]any) { m["doc"] = "doc1" }), annotate.ErrBadID, `"doc"`},
		{"text not normalized", texts, text(func(m map[string]any) { m["text"] = "a\r\nb" }), annotate.ErrBadInput, "not normalized"},
		{"text empty", texts, text(func(m map[string]any) { m["text"] = " \n" }), annotate.ErrBadInput, "text is empty"},
		{"text entity outside the text", texts, text(func(m map[string]any) { entity(m)["end"] = 9999 }), annotate.ErrBadSpan, `"entities"[0]`},
		{"text entity text differs", texts, text(func(m map[string]any) { entity(m)["text"] = "Bob" }), annotate.ErrBadInput, `"entities"[0]: "text" is "Bob"`},
		{"text entity unknown field", texts, text(func(m map[string]any) { entity(m)["score"] = 0.9 }), annotate.ErrBadInput, `"entities": unknown field "score"`},
		{"text entities an object", texts, text(func(m map[string]any) { m["entities"] = map[string]any{} }), annotate.ErrBadInput, `"entities"`},
		{"text newer schema", texts, text(func(m map[string]any) { m["schema"] = 3 }), library.ErrNewerSchema, "schema 3"},
		{"text unknown field", texts, text(func(m map[string]any) { m["title"] = "x" }), annotate.ErrBadInput, `unknown field "title"`},
		{"note of another document", anns, note(func(m map[string]any) { m["doc"] = annotate.DocumentID("other") }), annotate.ErrBadInput, `"doc" is "urn:sha256:`},
		{"note without annotation", anns, note(func(m map[string]any) { delete(m, "annotation") }), annotate.ErrBadInput, `"annotation" is missing`},
		{"note annotation a number", anns, note(func(m map[string]any) { m["annotation"] = 42 }), annotate.ErrBadInput, `"annotation"`},
		{"note span outside the text", anns, ann(func(a map[string]any) {
			a["target"].(map[string]any)["selector"].([]any)[1].(map[string]any)["end"] = 9999
		}), annotate.ErrBadSpan, `"annotation": read annotation ` + id(2)},
		{"note bad label", anns, ann(func(a map[string]any) { a["body"].([]any)[0].(map[string]any)["value"] = "FOO" }), annotate.ErrBadLabel, `"annotation"`},
		{"note newer schema", anns, note(func(m map[string]any) { m["schema"] = 3 }), library.ErrNewerSchema, "schema 3"},
		{"note unknown field", anns, note(func(m map[string]any) { m["id"] = id(2) }), annotate.ErrBadInput, `unknown field "id"`},
		{"decision kind unknown", decs, dec(func(m map[string]any) { m["kind"] = "maybe" }), annotate.ErrBadInput, `"kind" is "maybe"`},
		{"decision reversed span", decs, dec(func(m map[string]any) { m["start"] = 200 }), annotate.ErrBadSpan, `"start" 200 and "end"`},
		{"decision negative start", decs, dec(func(m map[string]any) { m["start"] = -1 }), annotate.ErrBadInput, `"start"`},
		{"decision start a string", decs, dec(func(m map[string]any) { m["start"] = "3" }), annotate.ErrBadInput, `"start" is "3"`},
		{"decision bad label", decs, dec(func(m map[string]any) { m["label"] = "FOO" }), annotate.ErrBadLabel, `"label"`},
		{"decision bad doc", decs, dec(func(m map[string]any) { m["doc"] = "d" }), annotate.ErrBadID, `"doc"`},
		{"setting null", sets, set(func(m map[string]any) { m["value"] = nil }), annotate.ErrBadInput, `"value" is null`},
		{"setting without value", sets, set(func(m map[string]any) { delete(m, "value") }), annotate.ErrBadInput, `"value" is missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := decodeAny(tt.store, tt.raw)
			if err == nil {
				t.Fatalf("decodes, want an error\n%s", tt.raw)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("error %q does not wrap %q", err, tt.err)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.store+" record") || !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not name %q and %q", msg, tt.store+" record", tt.want)
			}
		})
	}
}

func TestEncodeRefusals(t *testing.T) {
	w := baseWorkspace()
	d := w.Doc
	n, _ := w.Note(id(4))
	edit := func(f func(n *annotate.Note)) annotate.Note { m := n; f(&m); return m }
	docOK := taggedDoc(nil, "")
	docEdit := func(f func(s *library.StoredDoc)) library.StoredDoc { s := docOK; f(&s); return s }
	good := annotate.SuggestionKey{Span: at(d, "Britain", 1), Label: annotate.GPE}
	tests := []struct {
		name   string
		encode func() ([]byte, error)
		err    error
		want   string
	}{
		{"note outside the text", func() ([]byte, error) {
			return library.EncodeNote(d.ID, edit(func(n *annotate.Note) { n.Span.End = 999 }), d)
		}, annotate.ErrBadSpan, `annotations record "` + id(4)},
		{"note times not UTC", func() ([]byte, error) {
			return library.EncodeNote(d.ID, edit(func(n *annotate.Note) { n.Created = n.Created.In(time.FixedZone("CET", 3600)) }), d)
		}, annotate.ErrBadInput, "created differ"},
		{"note time under the second", func() ([]byte, error) {
			return library.EncodeNote(d.ID, edit(func(n *annotate.Note) { n.Modified = n.Modified.Add(time.Millisecond) }), d)
		}, annotate.ErrBadInput, "modified differ"},
		{"note tags not clean", func() ([]byte, error) {
			return library.EncodeNote(d.ID, edit(func(n *annotate.Note) { n.Tags = []string{" a  b "} }), d)
		}, annotate.ErrBadInput, "tags differ"},
		{"note of another document", func() ([]byte, error) {
			return library.EncodeNote(annotate.DocumentID("x"), n, d)
		}, annotate.ErrBadInput, "not urn:sha256:"},
		{"note bad id", func() ([]byte, error) {
			return library.EncodeNote(d.ID, edit(func(n *annotate.Note) { n.ID = "7" }), d)
		}, annotate.ErrBadID, `"id"`},
		{"document title empty", func() ([]byte, error) {
			return library.EncodeDocument(docEdit(func(s *library.StoredDoc) { s.Meta.Title = "" }).Meta)
		}, annotate.ErrBadInput, `"title" is empty`},
		{"text of another document", func() ([]byte, error) {
			return library.EncodeText(docEdit(func(s *library.StoredDoc) { s.Text += "!" }))
		}, annotate.ErrBadInput, `the text's id is`},
		{"text entity without its text", func() ([]byte, error) {
			return library.EncodeText(docEdit(func(s *library.StoredDoc) { s.Entities = suggestions(d) }))
		}, annotate.ErrBadInput, `"entities"[0]`},
		{"document never added", func() ([]byte, error) {
			return library.EncodeDocument(docEdit(func(s *library.StoredDoc) { s.Meta.Added = time.Time{} }).Meta)
		}, annotate.ErrBadInput, `"added"`},
		{"text too long", func() ([]byte, error) {
			return library.EncodeText(docEdit(func(s *library.StoredDoc) { s.Text = strings.Repeat("a", annotate.MaxTextBytes+1) }))
		}, annotate.ErrTooLong, "text of"},
		{"decision bad label", func() ([]byte, error) {
			return library.EncodeDecision(d.ID, library.DecisionRejected, annotate.SuggestionKey{Span: good.Span, Label: "FOO"})
		}, annotate.ErrBadLabel, "decisions record"},
		{"decision empty span", func() ([]byte, error) {
			return library.EncodeDecision(d.ID, library.DecisionAccepted, annotate.SuggestionKey{Span: annotate.Span{Start: 3, End: 3}, Label: annotate.GPE})
		}, annotate.ErrBadSpan, "decisions record"},
		{"decision bad kind", func() ([]byte, error) {
			return library.EncodeDecision(d.ID, "maybe", good)
		}, annotate.ErrBadInput, `"kind"`},
		{"setting null", func() ([]byte, error) { return library.EncodeSetting(nil) }, annotate.ErrBadInput, `"value" is null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := tt.encode()
			if err == nil {
				t.Fatalf("encodes as %s, want an error", raw)
			}
			if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q: want %q wrapping %q", err, tt.want, tt.err)
			}
		})
	}
}

func TestMigrateCurrent(t *testing.T) {
	raw, _ := library.EncodeSetting(true)
	tests := []struct {
		name  string
		store string
		raw   []byte
		err   error
		same  bool
	}{
		{"current record comes back as it is", library.StoreSettings, raw, nil, true},
		{"schema 1 settings record", library.StoreSettings, []byte(`{"schema":1,"value":true}`), nil, false},
		{"schema 1 documents record", library.StoreDocuments, []byte(`{"schema":1}`), annotate.ErrBadInput, false},
		{"newer record", library.StoreSettings, []byte(`{"schema":3,"value":true,"more":1}`), library.ErrNewerSchema, false},
		{"much newer record", library.StoreDocuments, []byte(`{"schema":99}`), library.ErrNewerSchema, false},
		{"record without schema and no migration", library.StoreDecisions, []byte(`{"doc":"x"}`), annotate.ErrBadInput, false},
		{"unknown store", "notes", raw, annotate.ErrBadInput, false},
		{"not an object", library.StoreSettings, []byte(`"x"`), annotate.ErrBadInput, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := library.Migrate(tt.store, tt.raw)
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if tt.same && !bytes.Equal(out, tt.raw) {
				t.Errorf("got %s, want the record as it is", out)
			}
		})
	}
}

// recordSeeds returns the seed corpus of FuzzDecodeRecords: a valid record
// of each kind ("valid-" names) and broken ones.
func recordSeeds(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	for i, c := range recordCases(t) {
		raw, err := c.encode(c.value)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' {
				return r
			}
			return '-'
		}, c.name)
		out["valid-"+strconv.Itoa(i)+"-"+name] = raw
	}
	out["not-json"] = []byte(`{"schema":1,"doc":`)
	out["newer"] = []byte(`{"schema":3,"value":1}`)
	out["v1-document"] = v1Document(taggedDoc(baseEntities(), recName))
	out["v0-document"] = []byte(`{"id":"x","title":"t","added":"2026-01-01T00:00:00Z","text":"t","entities":null,"recognizer":"","notes":0,"claims":0}`)
	out["decision-reversed"] = []byte(`{"schema":1,"doc":"` + noteDoc().ID + `","kind":"accepted","start":9,"end":2,"label":"ORG"}`)
	return out
}

const recordSeedDir = "testdata/fuzz/FuzzDecodeRecords"

// TestFuzzDecodeRecordsSeeds writes the seed corpus with -update, and
// checks that the "valid-" seeds decode.
func TestFuzzDecodeRecordsSeeds(t *testing.T) {
	fixture.CheckSeedCorpus(t, recordSeedDir, recordSeeds, func(t *testing.T, name string, data []byte) {
		decoded := 0
		for _, store := range library.Stores {
			if decodeAny(store, data) == nil {
				decoded++
			}
		}
		if valid := strings.HasPrefix(name, "valid-"); valid != (decoded == 1) {
			t.Errorf("decodes as %d kinds of record; the name says valid: %v (stale seed? run -update)", decoded, valid)
		}
	})
}

// FuzzDecodeRecords feeds every record decoder arbitrary bytes: none may
// panic, and what one decodes must encode, decode to the same value and
// encode to the same bytes again.
func FuzzDecodeRecords(f *testing.F) {
	for _, raw := range recordSeeds(f) {
		f.Add(raw)
	}
	d := noteDoc()
	f.Fuzz(func(t *testing.T, raw []byte) {
		if m, err := library.DecodeDocument(raw); err == nil {
			stable(t, m, library.EncodeDocument, library.DecodeDocument)
		}
		if s, err := library.DecodeText(raw); err == nil {
			stable(t, s, library.EncodeText, library.DecodeText)
		}
		if doc, n, err := library.DecodeNote(raw, d); err == nil {
			type rec struct {
				doc string
				n   annotate.Note
			}
			stable(t, rec{doc, n}, func(r rec) ([]byte, error) { return library.EncodeNote(r.doc, r.n, d) },
				func(b []byte) (rec, error) { doc, n, err := library.DecodeNote(b, d); return rec{doc, n}, err })
		}
		if doc, kind, k, err := library.DecodeDecision(raw); err == nil {
			type rec struct {
				doc  string
				kind library.DecisionKind
				k    annotate.SuggestionKey
			}
			stable(t, rec{doc, kind, k}, func(r rec) ([]byte, error) { return library.EncodeDecision(r.doc, r.kind, r.k) },
				func(b []byte) (rec, error) {
					doc, kind, k, err := library.DecodeDecision(b)
					return rec{doc, kind, k}, err
				})
		}
		if v, err := library.DecodeSetting(raw); err == nil {
			stable(t, json.RawMessage(v), func(v json.RawMessage) ([]byte, error) { return library.EncodeSetting(v) },
				func(b []byte) (json.RawMessage, error) { return library.DecodeSetting(b) })
		}
		for _, store := range library.Stores {
			if out, err := library.Migrate(store, raw); err == nil {
				if again, err := library.Migrate(store, out); err != nil || !bytes.Equal(again, out) {
					t.Errorf("%s: migrating again gives %s (%v), want %s", store, again, err, out)
				}
			}
		}
	})
}

// stable checks that a decoded value encodes, decodes to itself and
// encodes to the same bytes again.
func stable[T any](t *testing.T, v T, encode func(T) ([]byte, error), decode func([]byte) (T, error)) {
	t.Helper()
	raw, err := encode(v)
	if err != nil {
		t.Fatalf("decoded %+v does not encode: %v", v, err)
	}
	back, err := decode(raw)
	if err != nil {
		t.Fatalf("re-encoded record does not decode: %v\n%s", err, raw)
	}
	if !reflect.DeepEqual(back, v) {
		t.Fatalf("re-encoded record decodes as\n%+v\nwant\n%+v", back, v)
	}
	if again, err := encode(back); err != nil || !bytes.Equal(again, raw) {
		t.Fatalf("encodes again as %s (%v), want %s", again, err, raw)
	}
}

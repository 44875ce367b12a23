package library

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
)

// fastTextDocs are stored documents whose texts records the fast reader
// must read as the general reader does: escapes, claims with and without
// their parts, entities never found and none found.
func fastTextDocs(t testing.TB) map[string]StoredDoc {
	text := "Ann <Lee> & \"Bob\" said\u2028it\u2029\tin Zoé's 👍🏽 town.\n\nLine \\ two, \x7f."
	base, err := NewStoredDoc(text, "paste", time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	tx := annotate.NewText(base.Text)
	ent := func(start, end int, label annotate.Label) annotate.Entity {
		return annotate.Entity{Span: annotate.Span{Start: start, End: end}, Label: label, Text: tx.Slice(start, end)}
	}
	tagged := base
	tagged.Entities = []annotate.Entity{ent(0, 3, annotate.Person), ent(4, 9, annotate.Person), ent(12, 17, "ORG")}
	tagged.Recognizer = `news <v1> & "x"`
	claimed := tagged
	speaker := ent(0, 9, annotate.Person)
	speaker.Text = "" // a claim's speaker entity is stored without its text
	claimed.Claims = []annotate.ClaimSuggestion{
		{Span: annotate.Span{Start: 24, End: 30}, Kind: annotate.IndirectClaim, Cue: &annotate.Span{Start: 18, End: 22},
			Speaker: &annotate.Span{Start: 0, End: 9}, SpeakerName: "Ann <Lee>", SpeakerEntity: &speaker},
		{Span: annotate.Span{Start: 31, End: 40}, Kind: annotate.DirectClaim},
	}
	claimed.ClaimFinder = "claims/1"
	none := tagged
	none.Entities, none.Claims, none.ClaimFinder = []annotate.Entity{}, []annotate.ClaimSuggestion{}, "claims/1"
	return map[string]StoredDoc{"never tagged": base, "tagged": tagged, "with claims": claimed, "found nothing": none}
}

// TestDecodeTextFastReadsEncodeText: the fast reader takes what
// EncodeText writes and reads it back as it was.
func TestDecodeTextFastReadsEncodeText(t *testing.T) {
	for name, s := range fastTextDocs(t) {
		t.Run(name, func(t *testing.T) {
			raw, err := EncodeText(s)
			if err != nil {
				t.Fatal(err)
			}
			back, ok := decodeTextFast(raw)
			if !ok {
				t.Fatalf("the fast reader does not take what EncodeText writes: %s", raw)
			}
			want := StoredDoc{Meta: DocMeta{ID: s.Meta.ID}, Text: s.Text, Entities: s.Entities, Recognizer: s.Recognizer,
				Claims: s.Claims, ClaimFinder: s.ClaimFinder}
			if !reflect.DeepEqual(back, want) {
				t.Errorf("read back %+v, want %+v", back, want)
			}
		})
	}
}

// TestDecodeTextFast: what the one-pass reader of texts records takes,
// the general reader reads the same; the rest it leaves to it.
func TestDecodeTextFast(t *testing.T) {
	good, err := EncodeText(fastTextDocs(t)["with claims"])
	if err != nil {
		t.Fatal(err)
	}
	g := string(good)
	for _, c := range []struct {
		name string
		raw  string
		fast bool
	}{
		{"as written", g, true},
		{"escapes written otherwise", strings.Replace(g, `"text":"Ann \u003cLee\u003e`, `"text":"\u0041nn <Lee>`, 1), true},
		{"white space", strings.Replace(g, `,"entities":[`, `, "entities":[`, 1), false},
		{"white space in an entity", strings.Replace(g, `{"start":0,"end":3,`, `{"start": 0,"end":3,`, 1), false},
		{"fields in another order", strings.Replace(g, `{"start":0,"end":3,`, `{"end":3,"start":0,`, 1), false},
		{"an entity's field more", strings.Replace(g, `"label":"ORG",`, `"label":"ORG","x":1,`, 1), false},
		{"negative", strings.Replace(g, `{"start":0,"end":3,`, `{"start":-1,"end":3,`, 1), false},
		{"fraction", strings.Replace(g, `{"start":0,"end":3,`, `{"start":0.5,"end":3,`, 1), false},
		{"label not a string", strings.Replace(g, `"label":"ORG"`, `"label":7`, 1), false},
		{"entities not an array", strings.Replace(g, `"entities":[`, `"entities":{"a":[`, 1), false},
		{"trailing comma", strings.Replace(g, `],"recognizer"`, `,],"recognizer"`, 1), false},
		{"a claim's speaker empty", strings.Replace(g, `"speaker":{"start":0,"end":9}`, `"speaker":{}`, 1), false},
		{"older schema", strings.Replace(g, `"schema":2`, `"schema":1`, 1), false},
		{"trailing", g + " ", false},
		{"truncated", g[:len(g)/2], false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.name != "as written" && c.raw == g {
				t.Fatal("the case is the record as written: its replacement found nothing")
			}
			s, ok := decodeTextFast([]byte(c.raw))
			if ok != c.fast {
				t.Fatalf("fast path took it: %v, want %v", ok, c.fast)
			}
			if !ok {
				return
			}
			want, err := decodeTextGeneral([]byte(c.raw))
			if err != nil {
				t.Fatalf("the general path refuses it: %v", err)
			}
			if !reflect.DeepEqual(s, want) {
				t.Errorf("fast %+v, general %+v", s, want)
			}
		})
	}
}

// FuzzTextRecordFast: whatever the fast reader takes, the general one
// reads the same, with the same verdict on the record.
func FuzzTextRecordFast(f *testing.F) {
	for _, s := range fastTextDocs(f) {
		raw, err := EncodeText(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, ok := decodeTextFast(raw)
		if !ok {
			return
		}
		want, err := decodeTextGeneral(raw)
		if errFast := checkTextRecord(s); (errFast == nil) != (err == nil) {
			t.Fatalf("fast path: %v, general path: %v", errFast, err)
		}
		if err == nil && !reflect.DeepEqual(s, want) {
			t.Errorf("fast %+v, general %+v", s, want)
		}
	})
}

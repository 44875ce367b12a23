package library

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"glossa/annotate"
)

// TestEncodeTextFast: the one-pass writer of texts records writes, byte
// for byte, what json.Marshal writes: escapes of every kind, claims with
// and without their parts, entities never found and none found.
func TestEncodeTextFast(t *testing.T) {
	var control []byte
	for c := 0; c < 0x20; c++ {
		control = append(control, byte(c))
	}
	for name, s := range fastTextDocs(t) {
		tj := textJSON{Schema: SchemaVersion, Doc: s.Meta.ID, Text: s.Text, Entities: s.Entities, Recognizer: s.Recognizer,
			Claims: s.Claims, ClaimFinder: s.ClaimFinder}
		// Strings the checks would refuse still encode as encoding/json does.
		odd := tj
		odd.Text = string(control) + "\xff\xfe bad \xe2\x80 UTF-8 <>&\u2028\u2029\"\\ 👍🏽"
		odd.Recognizer = "\x00\x7f"
		for n, v := range map[string]textJSON{name: tj, name + ", odd strings": odd} {
			want, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if got := encodeTextFast(v); !bytes.Equal(got, want) {
				t.Errorf("%s:\n got %s\nwant %s", n, got, want)
			}
		}
	}
}

// TestEncodeDecodeEntities: EncodeEntities and EncodeClaims write what
// json.Marshal writes, and DecodeEntities and DecodeClaims read it, or
// any JSON array of them, as json.Unmarshal does.
func TestEncodeDecodeEntities(t *testing.T) {
	for name, s := range fastTextDocs(t) {
		checkArrayCodec(t, name+" entities", s.Entities, EncodeEntities, DecodeEntities)
		checkArrayCodec(t, name+" claims", s.Claims, EncodeClaims, DecodeClaims)
	}
	if _, err := DecodeClaims([]byte(`[{"start":1,"end":2,"kind":"direct","cue":{"start":"x"}}]`)); err == nil {
		t.Error("a bad array of claims read without an error")
	}
	// Another layout goes through encoding/json, with its verdict.
	back, err := DecodeEntities([]byte(` [ {"text":"Ann","label":"PERSON","end":3,"start":0} ] `))
	if err != nil || !reflect.DeepEqual(back, []annotate.Entity{{Span: annotate.Span{Start: 0, End: 3}, Label: annotate.Person, Text: "Ann"}}) {
		t.Errorf("another layout: %+v, %v", back, err)
	}
	if _, err := DecodeEntities([]byte(`[{"start":"zero"}]`)); err == nil {
		t.Error("a bad array read without an error")
	}
}

// FuzzEncodeTextFast holds the one-pass writer to json.Marshal for any
// strings and numbers.
func FuzzEncodeTextFast(f *testing.F) {
	f.Add("Ann <Lee> said\u2028it", "PERSON", "news & co", 0, 3, "Ann", true)
	f.Add("\x00\x1f\xff\"\\", "", "", -1, 1<<40, "\u2029", false)
	f.Fuzz(func(t *testing.T, text, label, name string, start, end int, speaker string, claims bool) {
		ent := annotate.Entity{Span: annotate.Span{Start: start, End: end}, Label: annotate.Label(label), Text: text}
		v := textJSON{Schema: SchemaVersion, Doc: name, Text: text, Entities: []annotate.Entity{ent, ent}, Recognizer: name}
		if claims {
			v.Claims = []annotate.ClaimSuggestion{{Span: ent.Span, Kind: annotate.ClaimKind(label), Cue: &ent.Span,
				SpeakerName: speaker, SpeakerEntity: &ent}, {Speaker: &ent.Span}}
			v.ClaimFinder = speaker
		}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := encodeTextFast(v); !bytes.Equal(got, want) {
			t.Fatalf("got %s\nwant %s", got, want)
		}
		back, err := DecodeEntities(EncodeEntities(v.Entities))
		var ref []annotate.Entity
		json.Unmarshal(want[bytes.Index(want, []byte(`"entities":`))+len(`"entities":`):bytes.Index(want, []byte(`,"recognizer":`))], &ref)
		if err != nil || !reflect.DeepEqual(back, ref) {
			t.Fatalf("entities read back %+v, %v; want %+v", back, err, ref)
		}
	})
}

// checkArrayCodec checks that enc writes v as json.Marshal does, and dec
// reads it back.
func checkArrayCodec[T any](t *testing.T, name string, v []T, enc func([]T) []byte, dec func([]byte) ([]T, error)) {
	t.Helper()
	want, _ := json.Marshal(v)
	got := enc(v)
	if !bytes.Equal(got, want) {
		t.Errorf("%s: got %s, want %s", name, got, want)
	}
	back, err := dec(got)
	if err != nil || !reflect.DeepEqual(back, v) {
		t.Errorf("%s: read back %+v, %v", name, back, err)
	}
}

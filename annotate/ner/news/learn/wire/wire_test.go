package wire_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/ner/news/learn/wire"
)

func id(n int) string { return fmt.Sprintf("urn:uuid:00000000-0000-7000-8000-%012d", n) }

func TestRecordsThroughTheWorker(t *testing.T) {
	data := make([]byte, 256)
	for i := range data {
		data[i] = byte(i)
	}
	for _, recs := range [][]library.Learned{
		{},
		{{Model: "9ea19a51fde7a61e", Origin: id(1), Corrections: 3, Data: data}},
		{{Model: "9ea19a51fde7a61e", Origin: id(1), Corrections: 300, Data: []byte{}},
			{Model: "0000000000000001", Origin: "urn:uuid:é", Imported: true, Data: data[:5]}},
	} {
		got, err := wire.ParseRecords(wire.EncodeRecords(recs))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, recs) {
			t.Errorf("through the wire: %+v, want %+v", got, recs)
		}
	}
}

// TestWireRefusesDamage: every truncation, a wrong magic word, a count
// past the end, a bad mark or bytes left over are refused with ErrBadWire
// and where.
func TestWireRefusesDamage(t *testing.T) {
	recs := wire.EncodeRecords([]library.Learned{{Model: "m", Origin: "o", Corrections: 1, Data: []byte{1, 2}}})
	d, _ := wire.Decisions{Text: "Ohio", Notes: []annotate.Note{{ID: id(1), Span: annotate.Span{Start: 0, End: 4}, Label: annotate.GPE}},
		Rejected: []annotate.SuggestionKey{{Span: annotate.Span{Start: 0, End: 2}, Label: annotate.Org}}}.MarshalBinary()
	parsers := map[string]func([]byte) error{
		"records":   func(b []byte) error { _, err := wire.ParseRecords(b); return err },
		"decisions": func(b []byte) error { _, err := wire.ParseDecisions(b); return err },
	}
	good := map[string][]byte{"records": recs, "decisions": d}
	for name, parse := range parsers {
		b := good[name]
		if err := parse(b); err != nil {
			t.Fatalf("%s: the good bytes: %v", name, err)
		}
		for n := range len(b) {
			if err := parse(b[:n]); !errors.Is(err, wire.ErrBadWire) {
				t.Errorf("%s cut to %d bytes: %v", name, n, err)
			}
		}
		if err := parse(append(append([]byte{}, b...), 0)); !errors.Is(err, wire.ErrBadWire) {
			t.Errorf("%s with a byte more: %v", name, err)
		}
	}
	bad := map[string][]byte{
		"another magic":      []byte("GLXX1\x00"),
		"a count too large":  []byte("GLLR1\xff\x01"),
		"an imported mark 2": []byte("GLLR1\x01\x01m\x01o\x01\x02\x00"),
	}
	for what, b := range bad {
		if err := parsers["records"](b); !errors.Is(err, wire.ErrBadWire) {
			t.Errorf("%s: %v", what, err)
		}
	}
	if _, err := wire.ParseDecisions([]byte("GLDC1\x00\x00\x01\x05\x02\x00")); err == nil {
		t.Error("a span that ends before it starts is taken")
	}
}

// FuzzParseDecisions: never panics; what it takes encodes to the same
// bytes.
func FuzzParseDecisions(f *testing.F) {
	d, _ := wire.Decisions{Text: "Ohio", Notes: []annotate.Note{{ID: id(1), Span: annotate.Span{Start: 0, End: 4}, Label: annotate.GPE}}}.MarshalBinary()
	f.Add(d)
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := wire.ParseDecisions(b)
		if err != nil {
			return
		}
		again, _ := got.MarshalBinary()
		if string(again) != string(b) {
			t.Errorf("%q read and written again gives %q", b, again)
		}
	})
}

// FuzzParseRecords: never panics; what it takes encodes to the same bytes.
func FuzzParseRecords(f *testing.F) {
	f.Add(wire.EncodeRecords([]library.Learned{{Model: "m", Origin: "o", Corrections: 1, Imported: true, Data: []byte{1, 2}}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := wire.ParseRecords(b)
		if err != nil {
			return
		}
		if again := wire.EncodeRecords(got); string(again) != string(b) {
			t.Errorf("%q read and written again gives %q", b, again)
		}
	})
}

package learn_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/fnv"
	"math"
	"slices"
	"testing"

	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/learn"
)

// samplePart is a small part of a 17-tag model.
func samplePart() learn.Part {
	d := &news.Delta{}
	d.Add(7, 0, 10, 17)
	d.Add(7, 4, -10, 17)
	d.Add(3, 16, 0.0397, 17)
	d.Add(1<<63+5, 2, 1234.5678, 17)
	d.AddRow(99, 17) // zeros: left out
	return learn.Part{Model: "9ea19a51fde7a61e", Origin: "urn:uuid:0190a5b2-0000-7000-8000-00000000000a", Delta: d, Items: []uint64{30, 10, 20, 10}}
}

func encode(t testing.TB, p learn.Part) []byte {
	t.Helper()
	data, err := p.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPartRoundTrip(t *testing.T) {
	p := samplePart()
	data := encode(t, p)
	got, err := learn.ParsePart(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.Model != p.Model || got.Origin != p.Origin || !slices.Equal(got.Items, []uint64{10, 20, 30}) {
		t.Errorf("got %+v", got)
	}
	if got.Delta.Len() != 3 || got.Delta.Row(99) != nil {
		t.Errorf("%d rows, zeros %v", got.Delta.Len(), got.Delta.Row(99))
	}
	for k, row := range p.Delta.All() {
		back := got.Delta.Row(k)
		for j, v := range row {
			var w float32
			if back != nil {
				w = back[j]
			}
			// bfloat16 keeps 8 significant bits: within 1/256.
			if math.Abs(float64(w-v)) > math.Abs(float64(v))/256 {
				t.Errorf("row %d tag %d: %g came back as %g", k, j, v, w)
			}
		}
	}
	if got.Delta.Row(7)[0] != 10 || got.Delta.Row(7)[4] != -10 {
		t.Error("whole multiples of a rate do not come back exactly")
	}
	// Deterministic, and canonical: what was read encodes to the same bytes.
	if again := encode(t, p); !bytes.Equal(again, data) {
		t.Error("two encodings differ")
	}
	if back := encode(t, got); !bytes.Equal(back, data) {
		t.Error("the decoded part encodes to other bytes")
	}
	// The empty part.
	empty, err := learn.ParsePart(encode(t, learn.Part{Model: "m"}))
	if err != nil || empty.Delta.Len() != 0 || empty.Model != "m" {
		t.Errorf("empty part: %+v, %v", empty, err)
	}
}

// reseal replaces a part's checksum after a test changed its bytes.
func reseal(data []byte) []byte {
	h := fnv.New64a()
	h.Write(data[:len(data)-8])
	binary.LittleEndian.PutUint64(data[len(data)-8:], h.Sum64())
	return data
}

func TestParsePartRefuses(t *testing.T) {
	good := encode(t, samplePart())
	mod := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"another kind of file", []byte("GLOSSNER and a model after it")},
		{"truncated", good[:len(good)-5]},
		{"a byte changed", mod(func(b []byte) []byte { b[40] ^= 1; return b })},
		{"a newer version", mod(func(b []byte) []byte { b[8] = 2; return reseal(b) })},
		{"items out of order", mod(func(b []byte) []byte {
			at := 8 + 4 + 4 + len("9ea19a51fde7a61e") + 4 + len("urn:uuid:0190a5b2-0000-7000-8000-00000000000a") + 4 + 4
			b[at], b[at+8] = b[at+8], b[at]
			return reseal(b)
		})},
		{"bytes after the rows", reseal(append(bytes.Clone(good[:len(good)-8]), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := learn.ParsePart(tc.data); !errors.Is(err, learn.ErrBadPart) {
				t.Errorf("got %v, want ErrBadPart", err)
			}
		})
	}
}

// FuzzParsePart: ParsePart never panics on any bytes, and what it reads
// encodes back to exactly the bytes it read (it reads canonical parts
// only).
func FuzzParsePart(f *testing.F) {
	f.Add(encode(f, samplePart()))
	f.Add(encode(f, learn.Part{Model: "m"}))
	f.Add([]byte("GLOSSLRN"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := learn.ParsePart(data)
		if err != nil {
			if !errors.Is(err, learn.ErrBadPart) {
				t.Fatalf("error %v does not wrap ErrBadPart", err)
			}
			return
		}
		back, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(back, data) {
			t.Fatalf("read %d bytes, encoded back %d others", len(data), len(back))
		}
	})
}

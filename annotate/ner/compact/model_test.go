package compact

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"strings"
	"sync"
	"testing"

	"glossa/annotate/ner/internal/modelfile"
	"glossa/annotate/ner/nermodel"
)

var (
	testModelOnce  sync.Once
	testModelBytes []byte
	testModelValue *Model
	testModelErr   error
)

// testModel converts prose's built-in model in memory, as build/nermodel
// does, and loads it: once per test binary.
func testModel(tb testing.TB) (*Model, []byte) {
	tb.Helper()
	testModelOnce.Do(func() {
		testModelBytes, _, testModelErr = nermodel.Convert()
		if testModelErr == nil {
			testModelValue, testModelErr = ParseModel(testModelBytes)
		}
	})
	if testModelErr != nil {
		tb.Fatal(testModelErr)
	}
	return testModelValue, testModelBytes
}

// tinyModel is a small valid model file, for seeds and error tests.
func tinyModel(tb testing.TB) []byte {
	tb.Helper()
	t := &modelfile.Tables{
		Classes:    modelfile.MakeStrings([]string{"NN", "NNP"}),
		TagWords:   modelfile.MakeStrings([]string{"the"}),
		TagClass:   []uint8{0},
		TaggerKeys: modelfile.MakeStrings([]string{"\x00", "\x06paris"}),
		Labels:     modelfile.MakeStrings([]string{"O", "B-GPE"}),
		MaxentKeys: modelfile.MakeStrings([]string{"\x00True", "\x0dParis"}),
		Words:      modelfile.MakeStrings([]string{"open"}),
	}
	t.TaggerRows.Append([]uint8{0}, []int32{100})
	t.TaggerRows.Append([]uint8{1}, []int32{500})
	t.MaxentRows.Append([]uint8{0}, []float64{0.5})
	t.MaxentRows.Append([]uint8{1}, []float64{1.5})
	b, err := modelfile.Encode(t)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// withBody returns a model file with the given body and a header that
// fits it.
func withBody(body []byte) []byte {
	out := append([]byte(modelfile.Magic), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	binary.LittleEndian.PutUint32(out[8:], modelfile.Version)
	binary.LittleEndian.PutUint32(out[12:], uint32(len(body)))
	binary.LittleEndian.PutUint32(out[16:], crc32.ChecksumIEEE(body))
	return append(out, body...)
}

func TestTinyModel(t *testing.T) {
	m, err := ParseModel(tinyModel(t))
	if err != nil {
		t.Fatal(err)
	}
	ents, err := New(m).Recognize("They went to Paris.")
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Text != "Paris" || ents[0].Label != "GPE" {
		t.Errorf("tiny model found %v, want GPE Paris", ents)
	}
}

func TestParseModelErrors(t *testing.T) {
	good := tinyModel(t)
	body := good[modelfile.HeaderSize:]
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty file"},
		{"gob", []byte("\x0e\xff\x81\x02\x01\x01\x04"), "not a model file"},
		{"truncated header", good[:10], "truncated header"},
		{"version", append(append([]byte(modelfile.Magic), 9, 0, 0, 0), good[12:]...), "version 9"},
		{"truncated body", good[:len(good)-3], "truncated: body has"},
		{"trailing bytes", append(bytes.Clone(good), 0), "after the"},
		{"damaged", func() []byte { b := bytes.Clone(good); b[len(b)-2] ^= 1; return b }(), "checksum"},
		{"count past end", withBody([]byte{0xff, 0xff, 0x03}), "count"},
		{"bad class", withBody(bytes.Replace(body, []byte("the\x00"), []byte("the\x09"), 1)), `word "the" has class 9 of 2`},
		{"unread bytes", withBody(append(bytes.Clone(body), 0)), "unread bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseModel(tc.data)
			if err == nil {
				t.Fatalf("ParseModel succeeded: %v", m)
			}
			if !errors.Is(err, ErrBadModel) {
				t.Errorf("error %v does not wrap ErrBadModel", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

func TestReadModel(t *testing.T) {
	_, b := testModel(t)
	m, err := ReadModel(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.labels) != 13 || m.nClasses != 45 {
		t.Errorf("model has %d labels and %d classes, want 13 and 45", len(m.labels), m.nClasses)
	}
	t.Logf("model file: %d bytes", len(b))
}

// FuzzLoadModel feeds ParseModel damaged files, as is and behind a header
// whose checksum fits, so the fuzzer reaches the body decoder. It must
// never panic, and what it accepts must tag text without panicking.
func FuzzLoadModel(f *testing.F) {
	f.Add(tinyModel(f))
	f.Add([]byte(modelfile.Magic))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, b := range [][]byte{data, withBody(data)} {
			m, err := ParseModel(b)
			if err != nil {
				if !errors.Is(err, ErrBadModel) {
					t.Fatalf("error %v does not wrap ErrBadModel", err)
				}
				continue
			}
			if _, err := New(m).Recognize("The U.S. sent $100 to Paris, France's capital."); err != nil {
				t.Fatal(err)
			}
		}
	})
}

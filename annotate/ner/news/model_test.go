package news_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"glossa/annotate/ner/news"
)

func TestParseModelRefusesBadFiles(t *testing.T) {
	_, good := small()
	flip := bytes.Clone(good)
	flip[len(flip)/2] ^= 0x40
	newer := bytes.Clone(good)
	newer[8] = 99 // the version; the checksum then fails first
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "another kind of file"},
		{"prose's compact model", []byte("GLNER\x00\x01\x00 and more bytes here"), "another kind of file"},
		{"JSON", []byte(`{"name":"a model?"}`), "another kind of file"},
		{"truncated", good[:len(good)/2], "damaged or truncated"},
		{"a flipped bit", flip, "damaged or truncated"},
		{"newer version", newer, "damaged or truncated"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := news.ParseModel(tc.data)
			if !errors.Is(err, news.ErrBadModel) {
				t.Fatalf("got %v, want ErrBadModel", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

func TestParseModelRoundTrip(t *testing.T) {
	m, data := small()
	again, err := news.ParseModel(data)
	if err != nil {
		t.Fatal(err)
	}
	if again.Size() != len(data) || again.Info().Name != m.Info().Name || again.NumTags() != 13 {
		t.Errorf("reloaded: size %d, info %+v, %d tags", again.Size(), again.Info(), again.NumTags())
	}
}

// FuzzParseModel: ParseModel never panics, and a model it accepts can tag.
func FuzzParseModel(f *testing.F) {
	_, good := small()
	f.Add(good)
	f.Add(good[:100])
	f.Add([]byte("GLOSSNER"))
	seeds, _ := filepath.Glob("testdata/*.model")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := news.ParseModel(data)
		if err != nil {
			if !errors.Is(err, news.ErrBadModel) {
				t.Fatalf("error %v does not wrap ErrBadModel", err)
			}
			return
		}
		if _, err := news.New(m).Recognize("Anna Novak visited Oslo on Monday."); err != nil {
			t.Fatal(err)
		}
	})
}

// TestParseModelReadsVersion3: a model file of version 3 (32-bit
// fingerprints; testdata/version3.model, trained on synthetic sentences by
// the Glossa before version 4) loads, keeps its ID, and tags as it did
// then (testdata/version3.tags, written by that Glossa).
func TestParseModelReadsVersion3(t *testing.T) {
	data, err := os.ReadFile("testdata/version3.model")
	if err != nil {
		t.Fatal(err)
	}
	if v := binary.LittleEndian.Uint32(data[8:]); v != 3 {
		t.Fatalf("the fixture is version %d, want 3", v)
	}
	m, err := news.ParseModel(data)
	if err != nil {
		t.Fatalf("a version 3 file does not load: %v", err)
	}
	if want := fmt.Sprintf("%016x", binary.LittleEndian.Uint64(data[len(data)-8:])); m.ID() != want {
		t.Errorf("ID %s, want the file's checksum %s (what was learned on it is filed under it)", m.ID(), want)
	}
	want, err := os.ReadFile("testdata/version3.tags")
	if err != nil {
		t.Fatal(err)
	}
	r := news.New(m)
	lines := strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")
	if len(lines)%2 != 0 || len(lines) == 0 {
		t.Fatalf("version3.tags has %d lines, want pairs of a text and its tags", len(lines))
	}
	for i := 0; i < len(lines); i += 2 {
		text, tags := lines[i], strings.TrimPrefix(lines[i+1], "\t")
		ents, err := r.Recognize(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := describe(text, ents); got != tags {
			t.Errorf("%q:\n got  %s\n want %s", text, got, tags)
		}
	}
}

// TestParseModelUnaligned: a model file that does not start on a word
// boundary in memory (embedded data need not) tags as an aligned one.
func TestParseModelUnaligned(t *testing.T) {
	_, data := small()
	const text = "Elena Rossi visited Lagos on Monday."
	var want string
	for off := range 4 {
		buf := make([]byte, len(data)+off)
		copy(buf[off:], data)
		m, err := news.ParseModel(buf[off:])
		if err != nil {
			t.Fatalf("at offset %d: %v", off, err)
		}
		ents, err := news.New(m).Recognize(text)
		if err != nil {
			t.Fatal(err)
		}
		got := describe(text, ents)
		if off == 0 {
			want = got
		} else if got != want {
			t.Errorf("at offset %d: %s, aligned: %s", off, got, want)
		}
	}
	if want == "" {
		t.Error("the model tags nothing")
	}
}

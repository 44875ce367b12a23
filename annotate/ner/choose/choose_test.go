package choose

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"glossa/annotate/ner"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/builtin"
)

func TestRecognizer(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "my.model")
	if err := os.WriteFile(good, builtin.File, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.model")
	if err := os.WriteFile(bad, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := builtin.Model()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		model    string
		wantName string // the recognizer's Name
		wantErr  string // a part of the error
		is       error  // what the error wraps, if anything
	}{
		{"built-in", "", news.New(m).Name(), "", nil},
		{"prose", "prose", ner.ModelName, "", nil},
		{"model file", good, news.New(m).Name(), "", nil},
		{"missing file", filepath.Join(dir, "none.model"), "", "--model: ", fs.ErrNotExist},
		{"not a model", bad, "", "give a file glossa train or make model wrote", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Recognizer(tt.model)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || (tt.is != nil && !errors.Is(err, tt.is)) {
					t.Fatalf("Recognizer(%q) error %v, want one with %q", tt.model, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Name() != tt.wantName {
				t.Errorf("Recognizer(%q).Name() = %q, want %q", tt.model, r.Name(), tt.wantName)
			}
		})
	}
}

func TestRecognizerFromReadsWithRead(t *testing.T) {
	var asked []string
	read := func(name string) ([]byte, error) {
		asked = append(asked, name)
		return builtin.File, nil
	}
	if _, err := RecognizerFrom("gs://bucket/my.model", read); err != nil {
		t.Fatal(err)
	}
	if _, err := RecognizerFrom("", read); err != nil {
		t.Fatal(err)
	}
	if len(asked) != 1 || asked[0] != "gs://bucket/my.model" {
		t.Errorf("read was asked for %q, want only the model file", asked)
	}
}

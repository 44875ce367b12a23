package formats_test

import (
	"errors"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
)

// TestImportLearned: what the model learned, carried by a library's
// export, is kept as learned elsewhere, unless the library holds the same
// learning from as many decisions or more.
func TestImportLearned(t *testing.T) {
	b := sampleBundle(t)
	data := exportBytes(t, formats.FormatW3C, b)
	own := b.Learned[0]

	// A library that learned more from the same origin keeps its own.
	s := library.NewMemStore()
	later := own
	later.Corrections = 5
	if err := s.Apply(library.Change{PutLearned: []library.Learned{later}}); err != nil {
		t.Fatal(err)
	}
	rep, err := formats.ImportInto(s, "sample.jsonld", data, bundleNow)
	if err != nil || rep.Learned != 0 {
		t.Fatalf("import over a later state: %+v, %v", rep, err)
	}
	if ls, _, _ := s.Learned(); len(ls) != 1 || ls[0].Corrections != 5 || ls[0].Imported {
		t.Errorf("the library's learning became %+v", ls)
	}

	// A library that learned less from it takes the file's, and keeps its
	// own mark.
	s = library.NewMemStore()
	earlier := own
	earlier.Corrections = 1
	if err := s.Apply(library.Change{PutLearned: []library.Learned{earlier}}); err != nil {
		t.Fatal(err)
	}
	if rep, err = formats.ImportInto(s, "sample.jsonld", data, bundleNow); err != nil || rep.Learned != 1 {
		t.Fatalf("import over an earlier state: %+v, %v", rep, err)
	}
	if ls, _, _ := s.Learned(); len(ls) != 1 || ls[0].Corrections != own.Corrections || ls[0].Imported {
		t.Errorf("the library's learning became %+v", ls)
	}
	if !strings.Contains(rep.String(), "1 parts of what the model learned") {
		t.Errorf("report: %s", rep)
	}
}

func TestImportLearnedRefused(t *testing.T) {
	data := string(exportBytes(t, formats.FormatW3C, sampleBundle(t)))
	for _, tc := range []struct{ name, from, to, where string }{
		{"not an array", `"learned": [`, `"learned": {"x": [`, "/learned"},
		{"a field missing", `"corrections": 2,`, ``, "/learned/0"},
		{"an unknown field", `"corrections": 2,`, `"corrections": 2, "extra": 1,`, "/learned/0"},
		{"a bad origin", `"origin": "urn:uuid:00000000-0000-7000-8000-000000000090"`, `"origin": "here"`, "/learned/0"},
		{"data not base64", `"data": "R0xP`, `"data": "%%R0xP`, "/learned/0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(data, tc.from, tc.to, 1)
			if tc.name == "not an array" { // close the object
				bad = strings.Replace(bad, "\n  ],\n  \"first\"", "\n  ]},\n  \"first\"", 1)
			}
			if bad == data {
				t.Fatal("the test changed nothing")
			}
			s := library.NewMemStore()
			_, err := formats.ImportInto(s, "bad.jsonld", []byte(bad), bundleNow)
			if !errors.Is(err, annotate.ErrBadInput) && !errors.Is(err, annotate.ErrBadID) {
				t.Fatalf("error %v", err)
			}
			if !strings.Contains(err.Error(), tc.where) {
				t.Errorf("error %q does not name %s", err, tc.where)
			}
			if len(s.Dump()) != 0 {
				t.Error("a bad file imported something")
			}
		})
	}
}

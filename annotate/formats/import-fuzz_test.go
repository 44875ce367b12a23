package formats_test

import (
	"reflect"
	"slices"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/w3c"
)

// fuzzBundle is the bundle the import fuzz targets import into: the
// sample, with notes and an orphan. fuzzCopy is a second one, built the
// same way, that the targets compare it with to catch an import that
// modifies its input. Both are built once, for speed.
var fuzzBundle, fuzzCopy formats.Bundle

// fuzzImport imports data named name into the sample bundle and checks
// that nothing panics, that a failed import returns the input unchanged,
// that the input is never modified, and that a successful one keeps the
// bundle's invariants.
func fuzzImport(t *testing.T, name string, data []byte) {
	if fuzzBundle.Articles == nil {
		fuzzBundle, fuzzCopy = sampleBundle(t), sampleBundle(t)
	}
	got, rep, err := formats.ImportAt(name, data, fuzzBundle, bundleNow)
	if !reflect.DeepEqual(fuzzBundle, fuzzCopy) {
		t.Fatalf("import modified its input bundle")
	}
	if err != nil {
		if !reflect.DeepEqual(got, fuzzBundle) || rep != (formats.ImportReport{}) {
			t.Fatalf("failed import (%v) returned a changed bundle or a report %+v", err, rep)
		}
		return
	}
	seen := map[string]bool{}
	for _, a := range got.Articles {
		if seen[a.Doc.ID] {
			t.Fatalf("article %s twice", a.Doc.ID)
		}
		seen[a.Doc.ID] = true
		if !slices.IsSortedFunc(a.Notes, func(x, y annotate.Note) int {
			if x.Span.Start != y.Span.Start {
				return x.Span.Start - y.Span.Start
			}
			return y.Span.End - x.Span.End
		}) {
			t.Fatalf("notes of %s not in document order", a.Doc.ID)
		}
		for _, n := range a.Notes {
			if err := a.Doc.Text.CheckSpan(n.Span.Start, n.Span.End); err != nil || !slices.Contains(annotate.AllLabels, n.Label) {
				t.Fatalf("note %s: span %v label %s: %v", n.ID, n.Span, n.Label, err)
			}
			if _, err := w3c.NoteFromAnnotation(w3c.NoteAnnotation(n, a.Doc), a.Doc); err != nil {
				t.Fatalf("imported note does not read back: %v", err)
			}
		}
		for _, o := range a.Orphans {
			if o.Reason == "" {
				t.Fatalf("orphan without a reason: %s", o.Raw)
			}
		}
	}
	if n := len(got.Articles) - len(fuzzBundle.Articles); n != rep.Articles {
		t.Fatalf("%d articles more, report says %d", n, rep.Articles)
	}
}

func FuzzImportW3C(f *testing.F) {
	f.Add([]byte(hypothesisOrphan))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.jsonld", data) })
}

func FuzzImportJSONL(f *testing.F) {
	f.Add([]byte("{\"text\":\"Ann met Bob\",\"label\":[[0,3,\"PERSON\"]]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.jsonl", data) })
}

func FuzzImportBrat(f *testing.F) {
	f.Add("Ann met Bob", "T1\tPERSON 0 3\tAnn\n#1\tAnnotatorNotes T1\tshe")
	f.Fuzz(func(t *testing.T, txt, ann string) {
		fuzzImport(t, "fuzz.zip", bratZip(t, "a.txt", txt, "a.ann", ann))
	})
}

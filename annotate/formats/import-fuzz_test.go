package formats_test

import (
	"reflect"
	"testing"

	"glossa/annotate/formats"
	"glossa/annotate/library"
	"glossa/annotate/w3c"
)

// fuzzLibrary holds the records of the library the import fuzz targets
// import into: the sample, with notes and an orphan (sampleStore). Each
// import gets a fresh store of them; they are read once, for speed.
var fuzzLibrary []library.RawRecord

// fuzzImport imports data named name into the sample library and checks
// that nothing panics, that a failed import changes nothing and reports
// nothing, and that a successful one leaves a library whose every article
// loads whole and builds a workspace.
func fuzzImport(t *testing.T, name string, data []byte) {
	if fuzzLibrary == nil {
		fuzzLibrary = sampleStore(t).Dump()
	}
	s := library.NewMemStore()
	for _, r := range fuzzLibrary {
		s.PutRaw(r.Store, r.Key, r.Raw)
	}
	rep, err := formats.ImportInto(s, name, data, bundleNow)
	if err != nil {
		if !reflect.DeepEqual(s.Dump(), fuzzLibrary) || rep != (formats.ImportReport{}) {
			t.Fatalf("failed import (%v) changed the library or reported %+v", err, rep)
		}
		return
	}
	docs, problems, err := s.List()
	if err != nil || len(problems) > 0 {
		t.Fatalf("list: %v, %v", problems, err)
	}
	if n := len(docs) - 1; n != rep.Articles {
		t.Fatalf("%d articles more, report says %d", n, rep.Articles)
	}
	for _, m := range docs {
		doc, problems, err := s.Load(m.ID)
		if err != nil || len(problems) > 0 {
			t.Fatalf("load %s: %v, %v", m.ID, problems, err)
		}
		w, err := doc.Workspace()
		if err != nil {
			t.Fatalf("workspace of %s: %v", m.ID, err)
		}
		for _, n := range w.Notes {
			if _, err := w3c.NoteFromAnnotation(w3c.NoteAnnotation(n, w.Doc), w.Doc); err != nil {
				t.Fatalf("imported note does not read back: %v", err)
			}
		}
		for _, o := range doc.Orphans {
			if o.Reason == "" {
				t.Fatalf("orphan without a reason: %s", o.Raw)
			}
		}
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

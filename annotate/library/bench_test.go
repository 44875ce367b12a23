package library_test

import (
	"strconv"
	"sync"
	"testing"
	"unicode"

	"glossa/annotate"
	"glossa/annotate/library"
)

// The benchmark library: 100 articles the size of the sample, each with
// 200 notes (one in ten a claim), in a MemStore.
const (
	benchDocs  = 100
	benchNotes = 200
)

var benchLib struct {
	once  sync.Once
	store *library.MemStore
	ids   []string
	w     annotate.Workspace // the workspace of ids[benchDocs/2]
	err   error
}

// benchLibrary builds the benchmark library once per test binary.
func benchLibrary(b *testing.B) (*library.MemStore, []string, annotate.Workspace) {
	b.Helper()
	benchLib.once.Do(func() {
		base := sampleText(b)
		s := library.NewMemStore()
		for i := range benchDocs {
			text := base + "\n\nCopy " + strconv.Itoa(i) + "."
			w := annotate.NewWorkspace(annotate.NewDocument(text))
			runes := []rune(text)
			n := 0
			for start := 0; start < len(runes) && n < benchNotes; start++ {
				if !unicode.IsLetter(runes[start]) || start > 0 && unicode.IsLetter(runes[start-1]) {
					continue
				}
				end := start
				for end < len(runes) && unicode.IsLetter(runes[end]) {
					end++
				}
				l := annotate.AllLabels[n%len(annotate.AllLabels)]
				var err error
				if w, err = w.Create(annotate.Span{Start: start, End: end}, l, id(i*1000+n), annotate.Reader("Ada"), t0); err != nil {
					benchLib.err = err
					return
				}
				n++
			}
			if n < benchNotes {
				benchLib.err = strconv.ErrRange
				return
			}
			if err := s.Apply(library.PutDoc(stored(w, "paste"))); err != nil {
				benchLib.err = err
				return
			}
			benchLib.ids = append(benchLib.ids, w.Doc.ID)
			if i == benchDocs/2 {
				benchLib.w = w
			}
		}
		benchLib.store = s
	})
	if benchLib.err != nil {
		b.Fatal(benchLib.err)
	}
	return benchLib.store, benchLib.ids, benchLib.w
}

// BenchmarkListLibrary measures listing the library of 100 articles.
func BenchmarkListLibrary(b *testing.B) {
	s, _, _ := benchLibrary(b)
	for b.Loop() {
		docs, problems, err := s.List()
		if err != nil || len(problems) > 0 || len(docs) != benchDocs {
			b.Fatal(len(docs), problems, err)
		}
	}
}

// BenchmarkLoadDocument measures opening one article of the library:
// Load and Workspace.
func BenchmarkLoadDocument(b *testing.B) {
	s, ids, _ := benchLibrary(b)
	for b.Loop() {
		doc, problems, err := s.Load(ids[benchDocs/2])
		if err != nil || len(problems) > 0 || len(doc.Notes) != benchNotes {
			b.Fatal(len(doc.Notes), problems, err)
		}
		if _, err := doc.Workspace(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyOneChange measures saving one relabel in the library:
// Diff and Apply.
func BenchmarkApplyOneChange(b *testing.B) {
	s, _, w := benchLibrary(b)
	n := w.Notes[benchNotes/2]
	labels := [2]annotate.Label{annotate.Event, annotate.Misc}
	i := 0
	for b.Loop() {
		next, err := w.Relabel(n.ID, labels[i%2], t1)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Apply(library.Diff(w, next)); err != nil {
			b.Fatal(err)
		}
		w = next
		i++
	}
}

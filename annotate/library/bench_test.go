package library_test

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"glossa/annotate"
	"glossa/annotate/internal/fixture"
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

// The big library: 1,000 articles of 2,000 words each, listed.
const (
	bigDocs  = 1000
	bigWords = 2000
)

var bigLib struct {
	once  sync.Once
	store *library.MemStore
	err   error
}

// BenchmarkListBigLibrary measures listing a library of 1,000 articles of
// 2,000 words each (about 12 MB of text): the list reads the documents
// records only, never the texts.
func BenchmarkListBigLibrary(b *testing.B) {
	bigLib.once.Do(func() {
		words := strings.Fields(sampleText(b))
		s := library.NewMemStore()
		var changes []library.Change
		for i := range bigDocs {
			var sb strings.Builder
			sb.WriteString("Article " + strconv.Itoa(i) + "\n\n")
			for j := range bigWords {
				sb.WriteString(words[(i*7+j)%len(words)])
				if j%80 == 79 {
					sb.WriteString("\n\n")
				} else {
					sb.WriteByte(' ')
				}
			}
			doc, err := library.NewStoredDoc(sb.String(), "paste", t0)
			if err != nil {
				bigLib.err = err
				return
			}
			changes = append(changes, library.PutDoc(doc))
		}
		bigLib.err = s.ApplyAll(changes)
		bigLib.store = s
	})
	if bigLib.err != nil {
		b.Fatal(bigLib.err)
	}
	for b.Loop() {
		docs, problems, err := bigLib.store.List()
		if err != nil || len(problems) > 0 || len(docs) != bigDocs {
			b.Fatal(len(docs), problems, err)
		}
	}
}

// BenchmarkDecodeLongText measures reading the texts record of a long
// tagged article, which opening it and saving a change to it do: about
// 11,500 words (the sample 30 times), an entity on every third word.
func BenchmarkDecodeLongText(b *testing.B) {
	s := longTagged(b)
	raw, err := library.EncodeText(s)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if got, err := library.DecodeText(raw); err != nil || len(got.Entities) != len(s.Entities) {
			b.Fatal(len(got.Entities), err)
		}
	}
	b.ReportMetric(float64(len(s.Entities)), "entities")
}

// BenchmarkEncodeLongText measures writing the texts record of a long
// tagged article, which keeping its tagging does: the article of
// BenchmarkDecodeLongText.
func BenchmarkEncodeLongText(b *testing.B) {
	s := longTagged(b)
	for b.Loop() {
		if _, err := library.EncodeText(s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(s.Entities)), "entities")
}

// longTagged is the long tagged article of the texts record benchmarks:
// about 11,500 words (the sample 30 times), an entity on every third word.
func longTagged(b *testing.B) library.StoredDoc {
	s, err := library.NewStoredDoc(fixture.LongText(b, 30), "paste", t0)
	if err != nil {
		b.Fatal(err)
	}
	s.Entities = fixture.WordEntities(annotate.NewText(s.Text), "")
	s.Recognizer = "bench"
	return s
}

// BenchmarkKeepLongTagging measures keeping a long article's tagging (its
// entities and claims), as the page does once the tagger is done: the
// article of BenchmarkDecodeLongText, with the document handed over (as
// the page does) and without (the store reads and decodes the text).
func BenchmarkKeepLongTagging(b *testing.B) {
	s := longTagged(b)
	d := annotate.NewDocument(s.Text)
	claims := []annotate.ClaimSuggestion{}
	for _, doc := range []struct {
		name string
		d    *annotate.Document
	}{{"with the document", d}, {"without", nil}} {
		b.Run(doc.name, func(b *testing.B) {
			store := library.NewMemStore()
			if err := store.Apply(library.PutDoc(s)); err != nil {
				b.Fatal(err)
			}
			c := library.Change{DocID: s.Meta.ID, PutEntities: &s.Entities, Recognizer: "bench", PutClaims: &claims,
				ClaimFinder: "bench", Doc: doc.d}
			for b.Loop() {
				if err := store.Apply(c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

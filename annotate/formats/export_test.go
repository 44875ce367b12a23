package formats_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/internal/fixture"
	"glossa/annotate/library"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/learn"
	"glossa/annotate/w3ctest"
)

// The bundle tests' clock: the sample article was added at bundleAdded,
// its notes made at t0 and changed at t1 (see annotate/internal/fixture),
// and imports run at bundleNow.
var (
	bundleAdded = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	bundleNow   = time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC)
)

// hypothesisOrphan is a Hypothesis-shaped annotation of the sample whose
// quote is nowhere in it.
const hypothesisOrphan = `{"id":"Jz8X2hypo","created":"2026-11-26T10:00:00.123456+00:00","updated":"2026-11-26T10:05:00+00:00",` +
	`"user":"acct:alice@hypothes.is","uri":"https://swarajyamag.com/kaspersky","text":"Where is this?","tags":["check"],` +
	`"target":[{"source":"https://swarajyamag.com/kaspersky","selector":[` +
	`{"type":"RangeSelector","startContainer":"/div[1]/p[3]","startOffset":0,"endContainer":"/div[1]/p[3]","endOffset":12},` +
	`{"type":"TextQuoteSelector","exact":"a sentence that the article never had","prefix":"","suffix":""}]}]}`

// sampleLearned is a learned record: a small part of what a model of 17
// tags learned.
func sampleLearned(t testing.TB) library.Learned {
	t.Helper()
	d := &news.Delta{}
	d.Add(0x9e3779b97f4a7c15, 13, 10, 17)
	d.Add(0x9e3779b97f4a7c15, 0, -10, 17)
	rec, err := learn.Record(learn.Part{Model: "9ea19a51fde7a61e", Origin: id(90), Delta: d, Items: []uint64{1, 2}}, false)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// sampleStore returns the small fixed library of the golden files: the
// sample article with entities (two accepted from suggestions), a claim
// with a speaker note, a verdict, a comment that looks like a formula, tags
// and evidence, a claim across a line break with a typed speaker, a
// rejected suggestion, an orphan, and what the model learned.
func sampleStore(t testing.TB) *library.MemStore {
	t.Helper()
	text := fixture.SampleText(t)
	d := annotate.NewDocument(text)
	ada := annotate.Reader("Ada")
	w := annotate.NewWorkspace(d).WithSuggestions([]annotate.Entity{
		{Span: at(d, "Kaspersky Lab", 3), Label: annotate.Org},
		{Span: at(d, "Britain", 1), Label: annotate.GPE},
		{Span: at(d, "Britain", 2), Label: annotate.GPE},
	}, recName)
	w = must(w.Accept(key(d, "Kaspersky Lab", 3, annotate.Org), id(1), ada, t0))
	w = must(w.Accept(key(d, "Britain", 1, annotate.GPE), id(2), ada, t0))
	w = must(w.Create(at(d, "Ciaran Martin", 1), annotate.Person, id(3), ada, t0))
	w = must(w.Create(at(d, "Russia is acting against the United Kingdom's national interest in cyberspace", 1), annotate.Claim, id(4), ada, t0))
	w = must(w.SetClaim(id(4), annotate.Speaker{AnnotationID: id(3)}, annotate.Supported, "https://www.ncsc.gov.uk/", t1))
	w = must(w.SetComment(id(4), "=HYPERLINK(\"http://evil.example\")\nsecond line, \"quoted\"", t1))
	w = must(w.SetTags(id(4), []string{"russia", "-cyber"}, t1))
	w = must(w.Create(at(d, "has denied any wrongdoing", 1), annotate.Claim, id(5), ada, t0))
	w = must(w.SetClaim(id(5), annotate.Speaker{Name: "Kaspersky"}, annotate.False, "", t1))
	w = must(w.Create(at(d, "Ruscio/Getty Images for Kaspersky Lab)\nKaspersky Lab At", 1), annotate.Claim, id(6), ada, t0))
	w = must(w.SetComment(id(6), "a caption\nrepeated", t1))
	w = must(w.Create(at(d, "December", 1), annotate.Date, id(7), ada, t0))
	w = must(w.Reject(key(d, "Britain", 2, annotate.GPE)))
	s := library.NewMemStore()
	doc := library.StoredDoc{
		Meta: library.DocMeta{ID: d.ID, Title: "Amid Concerns Of Russian “Snooping”", Source: "https://swarajyamag.com/kaspersky", Added: bundleAdded,
			ReviewURL: "https://factcheck.example/2026/kaspersky-review"},
		Text: text, Notes: w.Notes, Rejected: setKeys(w.Rejected), Accepted: setKeys(w.Accepted),
	}
	c := library.PutDoc(doc)
	c.PutLearned = []library.Learned{sampleLearned(t)}
	if err := s.Apply(c); err != nil {
		t.Fatal(err)
	}
	prefs := library.Change{Setting: &library.SettingChange{Name: library.SettingPreferences,
		Value: json.RawMessage(`{"name":"Ada","org":"Fact Check Example","model":"news"}`)}}
	if err := s.Apply(prefs); err != nil {
		t.Fatal(err)
	}
	if rep, err := formats.ImportInto(s, "h.json", []byte(hypothesisOrphan), bundleNow); err != nil || rep.Orphans != 1 {
		t.Fatalf("the Hypothesis orphan imports as %+v, %v", rep, err)
	}
	return s
}

// sampleBundle is the library of sampleStore as a bundle.
func sampleBundle(t testing.TB) formats.Bundle { return loadBundle(t, sampleStore(t)) }

// loadBundle reads the library s holds as formats.LoadBundle does,
// failing the test on an error or a record that cannot be read.
func loadBundle(t testing.TB, s *library.MemStore) formats.Bundle {
	t.Helper()
	docs, problems, err := s.List()
	if err != nil || len(problems) > 0 {
		t.Fatalf("list: %v, %v", problems, err)
	}
	b := formats.Bundle{Reader: formats.ReaderIdentity(s)}
	if b.Learned, problems, err = s.Learned(); err != nil || len(problems) > 0 {
		t.Fatalf("learned: %v, %v", problems, err)
	}
	for _, m := range docs {
		d, problems, err := s.Load(m.ID)
		if err != nil || len(problems) > 0 {
			t.Fatalf("load %s: %v, %v", m.ID, problems, err)
		}
		b.Docs = append(b.Docs, d)
	}
	return b
}

// storeOf returns a MemStore holding the documents of b.
func storeOf(t testing.TB, b formats.Bundle) *library.MemStore {
	t.Helper()
	s := library.NewMemStore()
	for _, d := range b.Docs {
		c := library.PutDoc(d)
		c.AddOrphans = d.Orphans
		if err := s.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	if len(b.Learned) > 0 {
		if err := s.Apply(library.Change{PutLearned: b.Learned}); err != nil {
			t.Fatal(err)
		}
	}
	if b.Reader != (formats.Identity{}) {
		v, _ := json.Marshal(b.Reader)
		if err := s.Apply(library.Change{Setting: &library.SettingChange{Name: library.SettingPreferences, Value: v}}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// exportBytes runs an export and fails the test on error.
func exportBytes(t testing.TB, f formats.Format, b formats.Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Export(b, &buf); err != nil {
		t.Fatalf("export %s: %v", f.Name, err)
	}
	return buf.Bytes()
}

// checkW3CMusts checks every collection of a W3C export against the W3C
// MUST assertions.
func checkW3CMusts(t testing.TB, suite *w3ctest.Suite, data []byte) {
	t.Helper()
	var colls []json.RawMessage
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
		if err := json.Unmarshal(data, &colls); err != nil {
			t.Fatal(err)
		}
	} else {
		colls = []json.RawMessage{data}
	}
	for i, c := range colls {
		for _, e := range suite.CheckCollection(c) {
			t.Errorf("collection %d: %v", i, e)
		}
	}
}

func TestExportGolden(t *testing.T) {
	suite, err := w3ctest.Load()
	if err != nil {
		t.Fatal(err)
	}
	b := sampleBundle(t)
	for _, f := range formats.Formats {
		t.Run(f.Name, func(t *testing.T) {
			got := exportBytes(t, f, b)
			if again := exportBytes(t, f, b); !bytes.Equal(got, again) {
				t.Errorf("two exports differ")
			}
			name := "bundle-sample" + f.Ext
			fixture.CheckGolden(t, name, got)
			if f == formats.FormatW3C {
				checkW3CMusts(t, suite, got)
			}
			if f == formats.FormatBrat { // the .ann inside, readable in a diff
				fixture.CheckGolden(t, "bundle-sample.ann", formats.BratAnn(b.Docs[0]))
			}
		})
	}
}

// TestExportW3CRoundTrip: the sample library exported and imported into
// an empty library is the same library, but that what the model learned is
// marked as learned elsewhere.
func TestExportW3CRoundTrip(t *testing.T) {
	b := sampleBundle(t)
	data := exportBytes(t, formats.FormatW3C, b)
	s := library.NewMemStore()
	rep, err := formats.ImportInto(s, "sample.jsonld", data, bundleNow)
	if err != nil {
		t.Fatal(err)
	}
	want := b
	want.Learned = slices.Clone(b.Learned)
	want.Learned[0].Imported = true
	want.Reader = formats.Identity{} // the reader's settings are not in the export
	if got := loadBundle(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
	}
	if got, err := formats.LoadBundle(s); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("LoadBundle: %v, differs: %v", err, !reflect.DeepEqual(got, want))
	}
	if got, err := formats.LoadBundle(s, b.Docs[0].Meta.ID); err != nil || !reflect.DeepEqual(got.Docs, b.Docs) || got.Learned != nil {
		t.Errorf("LoadBundle of one article: %v, differs: %v, learned %v", err, !reflect.DeepEqual(got.Docs, b.Docs), got.Learned)
	}
	wantRep := formats.ImportReport{Format: formats.FormatW3C, Articles: 1, Added: len(b.Docs[0].Notes), Decisions: 3, Orphans: 1, Learned: 1}
	if rep != wantRep {
		t.Errorf("report %+v, want %+v", rep, wantRep)
	}
	// Importing it again changes nothing and says so.
	before := s.Dump()
	rep, err = formats.ImportInto(s, "sample.jsonld", data, bundleNow)
	if err != nil || !reflect.DeepEqual(s.Dump(), before) {
		t.Errorf("second import: %v, library changed: %v", err, !reflect.DeepEqual(s.Dump(), before))
	}
	if want := (formats.ImportReport{Format: formats.FormatW3C, KeptNewer: len(b.Docs[0].Notes)}); rep != want {
		t.Errorf("second import reports %+v, want %+v", rep, want)
	}
}

// randomBundle builds a library of random articles and notes with
// Workspace operations, from seed, and returns it as a bundle.
func randomBundle(t testing.TB, seed uint64) formats.Bundle {
	r := rand.New(rand.NewPCG(seed, 7))
	words := []string{"Ann", "Lee", "said", "👍🏽", "Zoe\u0301", "“quoted”", "Kaspersky", "Lab", "in", "Britain", "🇬🇧", "=1+1", "a", "the", "naïve", "東京"}
	ids := 0
	var b formats.Bundle
	for range 1 + r.IntN(3) {
		var sb strings.Builder
		for i := range 20 + r.IntN(60) {
			if i > 0 {
				switch r.IntN(12) {
				case 0:
					sb.WriteString("\n\n")
				case 1:
					sb.WriteString("\n")
				default:
					sb.WriteString(" ")
				}
			}
			sb.WriteString(words[r.IntN(len(words))])
		}
		d := annotate.NewDocument(sb.String())
		w := annotate.NewWorkspace(d)
		n := d.Text.Len()
		for range r.IntN(12) {
			s := r.IntN(n - 1)
			e := s + 1 + r.IntN(min(30, n-s))
			label := annotate.AllLabels[r.IntN(len(annotate.AllLabels))]
			ids++
			created := t0.Add(time.Duration(r.IntN(1000)) * time.Second)
			nw, err := w.Create(annotate.Span{Start: s, End: e}, label, id(ids), annotate.Reader(words[r.IntN(3)]), created)
			if err != nil {
				continue // white space only, or a duplicate
			}
			w = nw
			later := created.Add(time.Hour)
			if r.IntN(2) == 0 {
				w, _ = w.SetComment(id(ids), words[r.IntN(len(words))]+"\n"+words[r.IntN(len(words))], later)
			}
			if r.IntN(2) == 0 {
				w, _ = w.SetTags(id(ids), []string{words[r.IntN(len(words))], "t"}, later)
			}
			if label == annotate.Claim {
				sp := annotate.Speaker{Name: words[r.IntN(len(words))]}
				if len(w.Notes) > 1 && r.IntN(2) == 0 {
					sp = annotate.Speaker{AnnotationID: w.Notes[0].ID}
					if sp.AnnotationID == id(ids) {
						sp = annotate.Speaker{AnnotationID: w.Notes[1].ID}
					}
				}
				w, _ = w.SetClaim(id(ids), sp, annotate.Verdicts[r.IntN(len(annotate.Verdicts))], "https://example.org/"+fmt.Sprint(ids), later)
			}
		}
		a := library.StoredDoc{Meta: library.DocMeta{ID: d.ID, Added: t0.Add(time.Duration(r.IntN(100)) * time.Minute)}, Text: d.Text.String(), Notes: w.Notes}
		if r.IntN(2) == 0 {
			a.Meta.Title, a.Meta.Source = "Title "+words[r.IntN(len(words))], "https://example.org/a/"+fmt.Sprint(seed)
		}
		if !slices.ContainsFunc(b.Docs, func(o library.StoredDoc) bool { return o.Meta.ID == d.ID }) {
			b.Docs = append(b.Docs, a)
		}
	}
	return loadBundle(t, storeOf(t, b))
}

// restrict keeps of a bundle what a format carries: the texts and, per
// note, the span and label (entities only for NER); for brat, the comment
// on one line and the span without line breaks at its ends (brat's
// fragments hold none).
func restrict(b formats.Bundle, entitiesOnly, brat bool) map[string][]string {
	out := map[string][]string{}
	for _, a := range b.Docs {
		text := annotate.NewText(a.Text)
		trim := func(sp annotate.Span) (s, e int) {
			s, e = sp.Start, sp.End
			for brat && text.Slice(s, s+1) == "\n" {
				s++
			}
			for brat && text.Slice(e-1, e) == "\n" {
				e--
			}
			return s, e
		}
		list := []string{}
		for _, n := range a.Notes {
			if entitiesOnly && !n.Label.Valid() {
				continue
			}
			s, e := trim(n.Span)
			line := fmt.Sprintf("%s [%d, %d)", n.Label, s, e)
			if brat && n.Comment != "" {
				line += " " + strings.ReplaceAll(n.Comment, "\n", " ")
			}
			if brat { // brat carries tags, verdicts, evidence and speakers too
				line += fmt.Sprintf(" tags %q verdict %q evidence %q", n.Tags, n.Verdict, n.Evidence)
				if n.Speaker.Name != "" {
					line += " said by " + n.Speaker.Name
				}
				for _, o := range a.Notes {
					if o.ID == n.Speaker.AnnotationID {
						s, e := trim(o.Span)
						line += fmt.Sprintf(" said by %s [%d, %d)", o.Label, s, e)
					}
				}
			}
			list = append(list, line)
		}
		slices.Sort(list)
		out[a.Text] = slices.Compact(list)
	}
	return out
}

func TestRoundTripProperty(t *testing.T) {
	suite, err := w3ctest.Load()
	if err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(60) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			b := randomBundle(t, seed)
			data := exportBytes(t, formats.FormatW3C, b)
			checkW3CMusts(t, suite, data)
			s := library.NewMemStore()
			if _, err := formats.ImportInto(s, "lib.jsonld", data, bundleNow); err != nil {
				t.Fatal(err)
			}
			if got := loadBundle(t, s); !reflect.DeepEqual(got, b) {
				t.Fatalf("W3C round trip differs:\n got %+v\nwant %+v", loadBundle(t, s), b)
			}
			for _, c := range []struct {
				f                  formats.Format
				entities, comments bool
			}{{formats.FormatDoccano, true, false}, {formats.FormatSpacy, true, false}, {formats.FormatBrat, false, true}} {
				data := exportBytes(t, c.f, b)
				s := library.NewMemStore()
				rep, err := formats.ImportInto(s, "lib"+c.f.Ext, data, bundleNow)
				if err != nil {
					t.Fatalf("%s: %v", c.f.Name, err)
				}
				got := loadBundle(t, s)
				if rep.Format != c.f && len(b.Docs) > 0 {
					t.Errorf("%s read as %s", c.f.Name, rep.Format.Name)
				}
				if c.f == formats.FormatDoccano { // overlapping entities are left out
					checkKeptEntities(t, got, b)
					continue
				}
				if g, w := restrict(got, c.entities, c.comments), restrict(b, c.entities, c.comments); !reflect.DeepEqual(g, w) {
					for text, wl := range w {
						gl := g[text]
						for _, l := range wl {
							if !slices.Contains(gl, l) {
								t.Errorf("%s round trip lost %s", c.f.Name, l)
							}
						}
						for _, l := range gl {
							if !slices.Contains(wl, l) {
								t.Errorf("%s round trip added %s", c.f.Name, l)
							}
						}
					}
					if len(g) != len(w) {
						t.Errorf("%s round trip: %d articles, want %d", c.f.Name, len(g), len(w))
					}
				}
			}
		})
	}
}

// TestNERExportsOneEntityPerSpan: notes of two readers with the same span
// and label are one entity in training data.
func TestNERExportsOneEntityPerSpan(t *testing.T) {
	d := annotate.NewDocument("Ann Lee met Bob.")
	w := must(annotate.NewWorkspace(d).Create(annotate.Span{Start: 0, End: 7}, annotate.Person, id(1), annotate.Reader("Ada"), t0))
	w = must(w.Create(annotate.Span{Start: 0, End: 7}, annotate.Person, id(2), annotate.Reader("Bob"), t0))
	b := formats.Bundle{Docs: []library.StoredDoc{{Meta: library.DocMeta{ID: d.ID, Title: "Ann Lee met Bob.", Added: t0}, Text: d.Text.String(), Notes: w.Notes}}}
	if got, want := string(exportBytes(t, formats.FormatDoccano, b)), `{"text":"Ann Lee met Bob.","label":[[0,7,"PERSON"]]}`+"\n"; got != want {
		t.Errorf("doccano %s, want %s", got, want)
	}
	if got, want := string(exportBytes(t, formats.FormatSpacy, b)), `{"text":"Ann Lee met Bob.","ents":[{"start":0,"end":7,"label":"PERSON"}],"spans":{"glossa":[{"start":0,"end":7,"label":"PERSON"}]}}`+"\n"; got != want {
		t.Errorf("spacy %s, want %s", got, want)
	}
}

// checkKeptEntities checks a doccano round trip: no two entities of got
// overlap, each is an entity of want, and each entity of want that got
// lacks overlaps one that got has.
func checkKeptEntities(t *testing.T, got, want formats.Bundle) {
	t.Helper()
	entities := func(b formats.Bundle) map[string][]annotate.SuggestionKey {
		out := map[string][]annotate.SuggestionKey{}
		for _, a := range b.Docs {
			for _, n := range a.Notes {
				k := annotate.SuggestionKey{Span: n.Span, Label: n.Label}
				if n.Label.Valid() && !slices.Contains(out[a.Text], k) {
					out[a.Text] = append(out[a.Text], k)
				}
			}
		}
		return out
	}
	overlap := func(a, b annotate.SuggestionKey) bool { return a.Span.Start < b.Span.End && b.Span.Start < a.Span.End }
	g, w := entities(got), entities(want)
	for text, keys := range w {
		for i, k := range g[text] {
			if !slices.Contains(keys, k) {
				t.Errorf("doccano: %v is no entity of the article", k)
			}
			for _, o := range g[text][i+1:] {
				if overlap(k, o) {
					t.Errorf("doccano: %v and %v overlap", k, o)
				}
			}
		}
		for _, k := range keys {
			if !slices.Contains(g[text], k) && !slices.ContainsFunc(g[text], func(o annotate.SuggestionKey) bool { return overlap(k, o) }) {
				t.Errorf("doccano: %v is left out, but overlaps none kept", k)
			}
		}
	}
}

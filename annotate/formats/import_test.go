package formats_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
	"glossa/annotate/w3c"
)

// bratZip zips name/content pairs.
func bratZip(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportErrors(t *testing.T) {
	s := sampleStore(t)
	src := "https://swarajyamag.com/kaspersky"
	before := s.Dump()
	for _, c := range []struct {
		name, file, data string
		want             string // the error message
		is               error
	}{
		{"span past the text", "notes.jsonl", "{\"text\":\"short\",\"label\":[[0,5,\"ORG\"]]}\n\n{\"text\":\"95\",\"label\":[[0,1,\"ORG\"],[0,120,\"PER\"]]}",
			`import notes.jsonl: line 3: "label" [1]: bad span: end 120 is past the text (2 code points)`, annotate.ErrBadSpan},
		{"not an object", "a.jsonl", "{\"text\":\"a\"}\n[1,2]\n",
			`import a.jsonl: line 2: bad input: want a JSON object with "text"; found an array`, annotate.ErrBadInput},
		{"bad triple", "a.jsonl", "{\"text\":\"abc\",\"label\":[[0,\"x\",\"ORG\"]]}",
			`import a.jsonl: line 1: "label" [0]: bad input: end: "x" is not a whole number`, annotate.ErrBadInput},
		{"spacy missing label", "s.jsonl", "{\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1}]}",
			`import s.jsonl: line 1: "spans" [0]: bad input: "label" is missing or not a string`, annotate.ErrBadInput},
		{"white space span", "a.jsonl", "{\"text\":\"a  b\",\"label\":[[1,3,\"ORG\"]]}",
			`import a.jsonl: line 1: "label" [0]: bad span: span [1, 3) is only white space`, annotate.ErrBadSpan},
		{"JSON syntax", "x.jsonld", "[\n{\"type\": \"Annotation\",\n\"id\": }]",
			`import x.jsonld: bad input: line 3, column 7: invalid character '}' looking for beginning of value`, annotate.ErrBadInput},
		{"unknown source", "x.json", `[{"type":"Annotation","target":{"source":"https://elsewhere.example/"}}]`,
			`import x.json: bad input: no article to anchor to: where its annotations point (https://elsewhere.example/) is no article of the library or of this file; import the article first, or attach them to an article whose text they quote`, formats.ErrNoArticle},
		{"page by IRI", "c.jsonld", `{"type":"AnnotationCollection","total":3,"first":"https://x.example/page1"}`,
			`import c.jsonld: /first: bad input: the first page is an IRI, not embedded; Glossa reads only pages held in the file`, annotate.ErrBadInput},
		{"comment too long", "x.json", `{"type":"Annotation","target":{"source":"` + src + `","selector":{"type":"TextQuoteSelector","exact":"Ciaran Martin"}},"bodyValue":"` + strings.Repeat("x", annotate.MaxComment+1) + `"}`,
			`import x.json: /body (commenting): too long: comment of 10001 code points, the limit is 10000`, annotate.ErrTooLong},
		{"item not embedded", "p.json", `{"type":"AnnotationPage","items":["https://x.example/a1"]}`,
			`import p.json: /items/0: bad input: the annotation is an IRI, not embedded; Glossa reads only annotations held in the file`, annotate.ErrBadInput},
		{"brat ann without txt", "b.zip", string(bratZip(t, "a.ann", "T1\tORG 0 1\tx")),
			`import b.zip: a.ann: bad input: no a.txt beside it`, annotate.ErrBadInput},
		{"brat text differs", "b.zip", string(bratZip(t, "a.txt", "Ann met Bob", "a.ann", "T1\tPER 0 3\tAnn\nT2\tPER 8 11\tBen")),
			`import b.zip: a.ann: line 2: bad input: the text "Ben" is not the text at 8 11, "Bob"`, annotate.ErrBadInput},
		{"brat past the text", "b.zip", string(bratZip(t, "a.txt", "Ann", "a.ann", "T1\tPER 0 9\tAnn")),
			`import b.zip: a.ann: line 1: bad span: fragment [0, 9) is empty or past the text (3 code points)`, annotate.ErrBadSpan},
		{"lone ann", "x.ann", "T1\tPER 0 3\tAnn",
			`import x.ann: unsupported format: a brat .ann file needs its .txt: import a zip holding both`, formats.ErrUnsupportedFormat},
		{"not a format", "x.txt", "hello",
			`import x.txt: unsupported format: not JSON, JSON lines or a zip archive (it starts with "hello")`, formats.ErrUnsupportedFormat},
		{"empty", "x.json", " \n",
			`import x.json: bad input: the file is empty`, annotate.ErrBadInput},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, err := formats.ImportInto(s, c.file, []byte(c.data), bundleNow)
			if err == nil || err.Error() != c.want {
				t.Errorf("error\n got %v\nwant %s", err, c.want)
			}
			if !errors.Is(err, c.is) {
				t.Errorf("error does not wrap %v", c.is)
			}
			if !reflect.DeepEqual(s.Dump(), before) || rep != (formats.ImportReport{}) {
				t.Errorf("a failed import changed the library or reported %+v", rep)
			}
		})
	}
}

// TestImportOthers reads annotations of the sample as Hypothesis and
// Recogito write them, and a bare W3C annotation by position only.
func TestImportOthers(t *testing.T) {
	sb := sampleBundle(t)
	sb.Docs[0].Notes, sb.Docs[0].Orphans = nil, nil
	s := storeOf(t, sb)
	src := sb.Docs[0].Meta.Source
	hypothesis := `{"total":2,"rows":[{"id":"hyp1","created":"2026-11-20T10:00:00.5+00:00","updated":"2026-11-21T10:00:00+00:00",` +
		`"user":"acct:bob@hypothes.is","uri":"` + src + `","text":"Who is he?","tags":["person","nssc"],` +
		`"target":[{"source":"` + src + `#top","selector":[{"type":"RangeSelector","startContainer":"/p[4]","startOffset":0,"endContainer":"/p[4]","endOffset":13},` +
		`{"type":"TextPositionSelector","start":9999,"end":10012},` +
		`{"type":"TextQuoteSelector","exact":"Ciaran Martin","prefix":"\n\n","suffix":", head of the NSSC"}]}]},` +
		// A quote with a typo, anchored approximately.
		`{"id":"hyp2","created":"2026-11-20T10:00:00Z","user":"acct:bob@hypothes.is","uri":"` + src + `","text":"",` +
		`"target":[{"source":"` + src + `","selector":[{"type":"TextQuoteSelector","exact":"Kaspersky on its prat has denied","prefix":"","suffix":""}]}]}]}`
	recogito := `[{"@context":"http://www.w3.org/ns/anno.jsonld","id":"https://recogito.example/annotation/1","type":"Annotation",` +
		`"created":"2026-11-22T09:00:00Z","creator":{"id":"https://recogito.example/user/carol","name":"carol"},` +
		`"body":[{"type":"TextualBody","value":"PLACE","purpose":"tagging"},{"type":"TextualBody","value":"the UK agency's home","purpose":"commenting"},` +
		`{"type":"SpecificResource","source":"http://sws.geonames.org/2635167","purpose":"identifying"}],` +
		`"target":{"source":"` + src + `","selector":[{"type":"TextQuoteSelector","exact":"Britain"},{"type":"TextPositionSelector","start":461,"end":468}]}},` +
		`{"@context":"http://www.w3.org/ns/anno.jsonld","id":"https://recogito.example/annotation/2","type":"Annotation",` +
		`"body":{"type":"TextualBody","value":"Person","purpose":"classifying"},` +
		`"target":{"source":"` + src + `","selector":{"type":"TextQuoteSelector","exact":"Martin","prefix":"According to ","suffix":", British"}}}]`
	rep, err := formats.ImportInto(s, "hypothesis.json", []byte(hypothesis), bundleNow)
	if err != nil {
		t.Fatal(err)
	}
	rep2, err := formats.ImportInto(s, "recogito.jsonld", []byte(recogito), bundleNow)
	if err != nil {
		t.Fatal(err)
	}
	b := loadBundle(t, s)
	if rep.Added != 2 || rep2.Added != 2 || rep.Orphans+rep2.Orphans != 0 {
		t.Errorf("reports %+v and %+v, want 2 and 2 added, no orphans", rep, rep2)
	}
	d := annotate.NewDocument(b.Docs[0].Text)
	var got []string
	for _, n := range b.Docs[0].Notes {
		got = append(got, string(n.Label)+" "+d.Text.Slice(n.Span.Start, n.Span.End)+" | "+n.Comment+" | "+strings.Join(n.Tags, ",")+" | "+n.Creator.Name+" "+w3c.Timestamp(n.Modified))
	}
	want := []string{
		"LOC Britain | the UK agency's home\n\nidentifying: http://sws.geonames.org/2635167 |  | carol 2026-11-22T09:00:00Z",
		"PERSON Ciaran Martin | Who is he? | nssc | bob 2026-11-21T10:00:00Z",
		"PERSON Martin |  |  | me 2026-11-28T08:00:00Z",
		"MISC Kaspersky on its part has denied |  |  | bob 2026-11-20T10:00:00Z",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("notes\n got %q\nwant %q", got, want)
	}
	// The same files again merge into the same notes.
	before := s.Dump()
	rep, err = formats.ImportInto(s, "hypothesis.json", []byte(hypothesis), bundleNow)
	if err != nil || !reflect.DeepEqual(s.Dump(), before) || rep.KeptNewer != 2 {
		t.Errorf("importing again: %v, report %+v", err, rep)
	}
}

func TestImportMergeKeepsNewer(t *testing.T) {
	b := sampleBundle(t)
	s := storeOf(t, b)
	old := b.Docs[0].Notes[4] // the claim with a speaker note
	older := exportBytes(t, formats.FormatW3C, b)
	changed := sampleBundle(t)
	w := annotate.Workspace{Doc: annotate.NewDocument(changed.Docs[0].Text), Notes: changed.Docs[0].Notes}
	w = must(w.SetClaim(old.ID, old.Speaker, annotate.Misleading, old.Evidence, bundleNow))
	changed.Docs[0].Notes = w.Notes
	newer := exportBytes(t, formats.FormatW3C, changed)
	rep, err := formats.ImportInto(s, "newer.jsonld", newer, bundleNow)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Updated != 1 || rep.KeptNewer != len(b.Docs[0].Notes)-1 || rep.Added != 0 {
		t.Errorf("report %+v, want 1 updated and the rest kept", rep)
	}
	if got := loadBundle(t, s); !reflect.DeepEqual(got, changed) {
		t.Errorf("the library did not take the newer note:\n got %+v\nwant %+v", got, changed)
	}
	// The older file does not undo it.
	before := s.Dump()
	rep, err = formats.ImportInto(s, "older.jsonld", older, bundleNow)
	if err != nil || !reflect.DeepEqual(s.Dump(), before) || rep.Updated != 0 {
		t.Errorf("older import: %v, report %+v, changed %v", err, rep, !reflect.DeepEqual(s.Dump(), before))
	}
}

func TestImportJSONLMapsCRLFAndLabels(t *testing.T) {
	data := "\ufeff{\"text\":\"Ann\\r\\nmet Bob\",\"label\":[[0,3,\"per\"],[9,12,\"DISEASE\"]]}\r\n" +
		"{\"text\":\"x Paris\",\"entities\":[{\"id\":1,\"start_offset\":2,\"end_offset\":7,\"label\":\"LOCATION\"}]}\n"
	s := library.NewMemStore()
	rep, err := formats.ImportInto(s, "d.jsonl", []byte(data), bundleNow)
	if err != nil {
		t.Fatal(err)
	}
	b := loadBundle(t, s)
	if rep.Articles != 2 || rep.Added != 3 || rep.Format != formats.FormatDoccano {
		t.Errorf("report %+v", rep)
	}
	a := b.Docs[0]
	if a.Text != "Ann\nmet Bob" {
		t.Fatalf("text %q", a.Text)
	}
	n := a.Notes[1]
	if q := annotate.NewText(a.Text).Slice(n.Span.Start, n.Span.End); q != "Bob" || n.Label != annotate.Misc || !reflect.DeepEqual(n.Tags, []string{"DISEASE"}) {
		t.Errorf("second span %q %s %v, want Bob MISC [DISEASE]", q, n.Label, n.Tags)
	}
	if l := b.Docs[1].Notes[0].Label; l != annotate.Loc {
		t.Errorf("LOCATION read as %s", l)
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"a.jsonld", "w3c"}, {"A.JSON", "w3c"}, {"a.doccano.jsonl", "doccano"}, {"a.jsonl", "doccano"},
		{"a.spacy.jsonl", "spacy"}, {"a.zip", "brat"}, {"a.brat.zip", "brat"}, {"a.csv", "csv"},
		{"a.claimreview.jsonld", "claimreview"},
	} {
		f, err := formats.FormatForFile(c.file)
		if err != nil || f.Name != c.want {
			t.Errorf("FormatForFile(%q) = %q, %v; want %q", c.file, f.Name, err, c.want)
		}
	}
	if _, err := formats.FormatForFile("a.txt"); !errors.Is(err, formats.ErrUnsupportedFormat) {
		t.Errorf("a.txt: %v", err)
	}
	if _, err := formats.FormatByName("pdf"); !errors.Is(err, formats.ErrUnsupportedFormat) {
		t.Errorf("pdf: %v", err)
	}
	for _, c := range []struct{ title, want string }{
		{"Amid Concerns Of Russian “Snooping”, UK Warns Government Agencies To Not Use Kaspersky Software", "amid-concerns-of-russian-snooping-2026-11-27.jsonld"},
		{"", "glossa-2026-11-27.jsonld"},
		{"Zoé's café: a short one", "zoés-café-a-short-one-2026-11-27.jsonld"},
		{strings.Repeat("word ", 30), "word-word-word-word-word-word-word-word-word-word-2026-11-27.jsonld"},
	} {
		if got := formats.ExportFileName(c.title, formats.FormatW3C, t1); got != c.want {
			t.Errorf("ExportFileName(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// TestPlanImport checks the changes an import plans against what the
// library holds: a new article whole, only what is new or newer of one
// the library has, orphans once, and nothing at all when the file fails
// halfway or the storage is full.
func TestPlanImport(t *testing.T) {
	b := sampleBundle(t)
	doc := b.Docs[0]
	d := annotate.NewDocument(doc.Text)
	w := annotate.Workspace{Doc: d, Notes: doc.Notes}
	newer := must(w.SetComment(doc.Notes[0].ID, "newer", bundleNow))
	newer = must(newer.Create(at(d, "Theresa May", 1), annotate.Person, id(20), annotate.Reader("Ada"), bundleNow))
	edited := b
	edited.Docs = []library.StoredDoc{doc}
	edited.Docs[0].Notes = newer.Notes
	other := library.StoredDoc{Meta: library.DocMeta{ID: annotate.DocumentID("Another article\n\nBy Ann Lee"), Title: "Another article", Added: bundleAdded},
		Text: "Another article\n\nBy Ann Lee"}
	otherD := annotate.NewDocument(other.Text)
	other.Notes = must(annotate.NewWorkspace(otherD).Create(at(otherD, "Ann Lee", 1), annotate.Person, id(30), nil, t0)).Notes
	both := formats.Bundle{Docs: []library.StoredDoc{edited.Docs[0], other}}

	t.Run("merge", func(t *testing.T) {
		s := storeOf(t, b)
		changes, rep, err := formats.PlanImport(s, "both.jsonld", exportBytes(t, formats.FormatW3C, both), bundleNow)
		if err != nil {
			t.Fatal(err)
		}
		want := formats.ImportReport{Format: formats.FormatW3C, Articles: 1, Added: 2, Updated: 1, KeptNewer: len(doc.Notes) - 1}
		if rep != want {
			t.Errorf("report %+v, want %+v", rep, want)
		}
		if len(changes) != 2 {
			t.Fatalf("%d changes, want 2: %+v", len(changes), changes)
		}
		var put []string
		for _, n := range changes[0].PutNotes {
			put = append(put, n.ID)
		}
		if c := changes[0]; c.DocID != doc.Meta.ID || c.PutMeta != nil || c.PutText != nil || len(c.AddOrphans) != 0 ||
			!reflect.DeepEqual(put, []string{doc.Notes[0].ID, id(20)}) {
			t.Errorf("change to the library's article: %+v (puts %v), want the updated and the new note only", c, put)
		}
		if c := changes[1]; c.DocID != other.Meta.ID || c.PutMeta == nil || c.PutText == nil || len(c.PutNotes) != 1 {
			t.Errorf("change for the new article: %+v, want it whole", c)
		}
		if err := s.ApplyAll(changes); err != nil {
			t.Fatal(err)
		}
		got := loadBundle(t, s)
		if len(got.Docs) != 2 || !reflect.DeepEqual(got.Docs[0].Notes, newer.Notes) || !reflect.DeepEqual(got.Docs[1].Notes, other.Notes) {
			t.Errorf("the library holds %+v", got)
		}
	})
	t.Run("the same note under another id", func(t *testing.T) {
		s := storeOf(t, b)
		dup := edited
		dup.Docs = []library.StoredDoc{doc}
		n := doc.Notes[1]
		n.ID = id(40)
		dup.Docs[0].Notes = []annotate.Note{n}
		changes, rep, err := formats.PlanImport(s, "dup.jsonld", exportBytes(t, formats.FormatW3C, dup), bundleNow)
		if err != nil || len(changes) != 0 || rep.Added != 0 || rep.Duplicates != 1 {
			t.Errorf("changes %+v, report %+v, %v; want a duplicate of the library's note", changes, rep, err)
		}
	})
	t.Run("orphans once", func(t *testing.T) {
		s := storeOf(t, b)
		o := `{"id":"urn:x:gone","target":{"source":"` + doc.Meta.Source + `","selector":{"type":"TextQuoteSelector","exact":"words the article never had"}}}`
		for i, want := range []int{1, 0} {
			changes, rep, err := formats.PlanImport(s, "o.json", []byte(o), bundleNow)
			if err != nil || rep.Orphans != want || len(changes) != want {
				t.Fatalf("import %d: changes %+v, report %+v, %v; want %d orphans", i+1, changes, rep, err, want)
			}
			if err := s.ApplyAll(changes); err != nil {
				t.Fatal(err)
			}
		}
		if got := loadBundle(t, s); len(got.Docs[0].Orphans) != 2 || string(got.Docs[0].Orphans[1].Raw) != o {
			t.Errorf("orphans %+v", got.Docs[0].Orphans)
		}
	})
	t.Run("a bad article halfway imports nothing", func(t *testing.T) {
		s := storeOf(t, b)
		before := s.Dump()
		data := exportBytes(t, formats.FormatW3C, both)
		bad := bytes.Replace(data, []byte(`"articleText": "Another article`), []byte(`"articleText": "Changed article`), 1)
		rep, err := formats.ImportInto(s, "bad.jsonld", bad, bundleNow)
		if !errors.Is(err, annotate.ErrBadInput) || !strings.Contains(err.Error(), "/1/article/id") {
			t.Errorf("error %v, want the second article's id named", err)
		}
		if rep != (formats.ImportReport{}) || !reflect.DeepEqual(s.Dump(), before) {
			t.Errorf("a failed import changed the library or reported %+v", rep)
		}
	})
	t.Run("a full storage imports nothing", func(t *testing.T) {
		s := storeOf(t, b)
		before := s.Dump()
		s.FailWrites(fmt.Errorf("%w: QuotaExceededError", library.ErrQuota))
		rep, err := formats.ImportInto(s, "both.jsonld", exportBytes(t, formats.FormatW3C, both), bundleNow)
		if !errors.Is(err, library.ErrQuota) || rep != (formats.ImportReport{}) || !reflect.DeepEqual(s.Dump(), before) {
			t.Errorf("ImportInto on a full storage: %+v, %v; changed %v", rep, err, !reflect.DeepEqual(s.Dump(), before))
		}
	})
}

// TestImportKeepsOtherCreators: a Hypothesis comment and a Recogito tag on
// spans the reader already labeled the same way are kept, not counted as
// kept and dropped (issue #9, B2). Only true duplicates merge: the same
// id, or the same creator, span, label and bodies; the same creator's
// other version of a note is set aside as an orphan, not lost.
func TestImportKeepsOtherCreators(t *testing.T) {
	b := sampleBundle(t)
	s := storeOf(t, b)
	src := b.Docs[0].Meta.Source
	d := annotate.NewDocument(b.Docs[0].Text)
	ciaran, kaspersky := at(d, "Ciaran Martin", 1), at(d, "Kaspersky Lab", 3) // Ada's PERSON and ORG
	file := `[{"id":"hyp9","created":"2026-11-20T10:00:00Z","user":"acct:bob@hypothes.is","uri":"` + src + `","text":"Who is he?","tags":["person"],` +
		`"target":[{"source":"` + src + `","selector":[{"type":"TextPositionSelector","start":` + fmt.Sprint(ciaran.Start) + `,"end":` + fmt.Sprint(ciaran.End) + `}]}]},` +
		`{"@context":"http://www.w3.org/ns/anno.jsonld","id":"https://recogito.example/annotation/9","type":"Annotation","created":"2026-11-22T09:00:00Z",` +
		`"creator":{"id":"https://recogito.example/user/carol","name":"carol"},"body":[{"type":"TextualBody","value":"ORGANIZATION","purpose":"tagging"}],` +
		`"target":{"source":"` + src + `","selector":{"type":"TextPositionSelector","start":` + fmt.Sprint(kaspersky.Start) + `,"end":` + fmt.Sprint(kaspersky.End) + `}}}]`
	rep, err := formats.ImportInto(s, "others.json", []byte(file), bundleNow)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 2 || rep.KeptNewer != 0 {
		t.Errorf("report %+v, want both added", rep)
	}
	got := loadBundle(t, s)
	var who []string
	for _, n := range got.Docs[0].Notes {
		if n.Span == ciaran || n.Span == kaspersky {
			who = append(who, string(n.Label)+" "+n.Creator.Name+" "+n.Comment)
		}
	}
	slices.Sort(who)
	if want := []string{"ORG Ada ", "ORG carol ", "PERSON Ada ", "PERSON bob Who is he?"}; !reflect.DeepEqual(who, want) {
		t.Errorf("notes on the two spans %q, want %q", who, want)
	}

	// Ada's own note under another id: the same one again merges; with
	// another comment it is set aside, not lost.
	ada := b.Docs[0].Notes[slices.IndexFunc(b.Docs[0].Notes, func(n annotate.Note) bool { return n.Span == ciaran })]
	same, other := ada, ada
	same.ID, other.ID = id(60), id(61)
	other.Comment = "another version"
	for _, c := range []struct {
		n                annotate.Note
		added, dup, orph int
	}{{same, 0, 1, 0}, {other, 0, 0, 1}} {
		one := formats.Bundle{Docs: []library.StoredDoc{b.Docs[0]}}
		one.Docs[0].Notes = []annotate.Note{c.n}
		one.Docs[0].Orphans, one.Docs[0].Rejected, one.Docs[0].Accepted = nil, nil, nil
		rep, err := formats.ImportInto(s, "ada.jsonld", exportBytes(t, formats.FormatW3C, one), bundleNow)
		if err != nil || rep.Added != c.added || rep.Duplicates != c.dup || rep.Orphans != c.orph {
			t.Errorf("importing %s: report %+v, %v; want %d added, %d duplicates, %d orphans", c.n.ID, rep, err, c.added, c.dup, c.orph)
		}
	}
	last := loadBundle(t, s).Docs[0].Orphans
	if o := last[len(last)-1]; !strings.Contains(o.Reason, ada.ID) || !bytes.Contains(o.Raw, []byte("another version")) {
		t.Errorf("the other version is kept as %q: %s", o.Reason, o.Raw)
	}
}

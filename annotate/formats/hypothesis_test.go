package formats_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
)

// hypothesisRow is a Hypothesis API row annotating uri with the quote
// exact.
func hypothesisRow(id, uri, exact, text string) string {
	return fmt.Sprintf(`{"id":%q,"created":"2026-11-26T10:00:00.123456+00:00","updated":"2026-11-26T10:05:00+00:00",`+
		`"user":"acct:alice@hypothes.is","uri":%q,"text":%q,"tags":["check"],`+
		`"target":[{"source":%q,"selector":[{"type":"TextQuoteSelector","exact":%q,"prefix":"","suffix":""}]}]}`, id, uri, text, uri, exact)
}

// hypothesisFile is a Hypothesis search result of the rows.
func hypothesisFile(rows ...string) []byte {
	return []byte(`{"total":` + fmt.Sprint(len(rows)) + `,"rows":[` + strings.Join(rows, ",") + `]}`)
}

// libraryWithSample is a library holding the sample article alone
// (source https://swarajyamag.com/kaspersky), its notes and all.
func libraryWithSample(t *testing.T) *library.MemStore {
	t.Helper()
	b := sampleBundle(t)
	b.Docs[0].Orphans = nil
	return storeOf(t, formats.Bundle{Docs: b.Docs})
}

// TestHypothesisTwoPages: a Hypothesis file covering two pages imports the
// page the library has and lists the other, instead of refusing the file.
func TestHypothesisTwoPages(t *testing.T) {
	s := libraryWithSample(t)
	data := hypothesisFile(
		hypothesisRow("h1", "https://swarajyamag.com/kaspersky", "Kaspersky Lab", "the lab"),
		hypothesisRow("h2", "https://other.example/page", "Something else", "elsewhere"),
		hypothesisRow("h3", "https://other.example/page", "More", "elsewhere too"),
	)
	rep, err := formats.ImportInto(s, "hypothesis.json", data, bundleNow)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || rep.Elsewhere != 2 || rep.ElsewhereSources != "https://other.example/page" || rep.Orphans != 0 {
		t.Errorf("report %+v: want 1 added, 2 of https://other.example/page left out", rep)
	}
}

// TestHypothesisAttach: an export whose uri is another address of the
// article is refused by a plain import (ErrNoArticle), and PlanAttach
// places those of its annotations whose quotes anchor in the article,
// listing the rest.
func TestHypothesisAttach(t *testing.T) {
	s := libraryWithSample(t)
	docID := sampleBundle(t).Docs[0].Meta.ID
	data := hypothesisFile(
		hypothesisRow("h1", "https://amp.swarajyamag.com/kaspersky?utm=x", "Ciaran Martin", "the NCSC's chief"),
		hypothesisRow("h2", "https://amp.swarajyamag.com/kaspersky?utm=x", "has denied any wrongdoing", "check"),
		hypothesisRow("h3", "https://amp.swarajyamag.com/kaspersky?utm=x", "a quote this article never had", "not here"),
	)
	before := s.Dump()
	_, err := formats.ImportInto(s, "h.json", data, bundleNow)
	if !errors.Is(err, formats.ErrNoArticle) || !reflect.DeepEqual(s.Dump(), before) {
		t.Fatalf("plain import: %v; want ErrNoArticle and nothing changed", err)
	}
	_, rep, err := formats.PlanAttach(s, "h.json", data, docID, bundleNow)
	if err != nil || rep.Added != 2 || rep.Elsewhere != 1 || rep.Orphans != 0 || !reflect.DeepEqual(s.Dump(), before) {
		t.Fatalf("plan: %+v, %v; want 2 to add, 1 left out, nothing written yet", rep, err)
	}
	if _, err := formats.AttachInto(s, "h.json", data, docID, bundleNow); err != nil {
		t.Fatal(err)
	}
	got := loadBundle(t, s).Docs[0]
	text := annotate.NewText(got.Text)
	found := map[string]string{}
	for _, n := range got.Notes {
		if n.Creator.Name != "Ada" {
			found[text.Slice(n.Span.Start, n.Span.End)] = n.Comment
		}
	}
	if found["Ciaran Martin"] != "the NCSC's chief" || found["has denied any wrongdoing"] != "check" || len(found) != 2 {
		t.Errorf("attached notes %v", found)
	}
	// An article that none of them quotes takes none.
	other := oneArticle("Nothing in common here.", nil, "")
	s2 := storeOf(t, other)
	if _, rep, err := formats.PlanAttach(s2, "h.json", data, other.Docs[0].Meta.ID, bundleNow); err != nil || rep.Added != 0 || rep.Elsewhere != 3 {
		t.Errorf("attach to an unrelated article: %+v, %v; want nothing to add", rep, err)
	}
}

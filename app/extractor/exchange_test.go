package main

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"glossa/annotate/formats"
	"glossa/annotate/formats/remote"
	"glossa/annotate/library"
	"glossa/app/sample"
)

// TestImportOffersTheOpenArticle checks the worker's side of an import of
// a file whose annotations are of a page the library holds under another
// address: it is refused (ErrNoArticle) with the offer to attach what
// quotes the open article, and attaching it plans that note, which the
// page then applies.
func TestImportOffersTheOpenArticle(t *testing.T) {
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	store := library.NewMemStore()
	if err := library.SeedSample(store, sample.Article, now); err != nil {
		t.Fatal(err)
	}
	docs, _, err := store.List()
	if err != nil || len(docs) != 1 {
		t.Fatalf("the sample library: %v, %v", docs, err)
	}
	open := docs[0].ID
	file := []byte(`{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:x:1","type":"Annotation",` +
		`"body":{"type":"TextualBody","value":"ORG","purpose":"tagging"},` +
		`"target":{"source":"https://elsewhere.example/kaspersky","selector":{"type":"TextQuoteSelector","exact":"Kaspersky Lab"}}}`)

	res, err := importFile(store, remote.ImportRequest{Name: "h.jsonld", Now: now}, file)
	if !errors.Is(err, formats.ErrNoArticle) || res.Offer != nil || len(res.Changes) != 0 {
		t.Fatalf("with no article open: %+v, %v; want ErrNoArticle and no offer", res, err)
	}
	res, err = importFile(store, remote.ImportRequest{Name: "h.jsonld", Open: open, Now: now}, file)
	if !errors.Is(err, formats.ErrNoArticle) || res.Offer == nil || res.Offer.Added != 1 || len(res.Changes) != 0 ||
		!strings.Contains(err.Error(), "elsewhere.example") {
		t.Fatalf("with the sample open: %+v (offer %+v), %v; want ErrNoArticle and an offer of 1 note", res, res.Offer, err)
	}
	res, err = importFile(store, remote.ImportRequest{Name: "h.jsonld", AttachTo: open, Now: now}, file)
	if err != nil || res.Report.Added != 1 || res.Report.Format != "w3c" {
		t.Fatalf("attaching: %+v, %v", res, err)
	}
	if err := store.ApplyAll(res.Changes); err != nil {
		t.Fatal(err)
	}
	if d, _, err := store.Load(open); err != nil || len(d.Notes) != 1 {
		t.Errorf("the sample after attaching: %d notes, %v; want 1", len(d.Notes), err)
	}
}

// TestReportOfCopiesEveryCount checks that the page hears every count of
// an import's report: each of formats.ImportReport's fields but the format
// itself has a field of remote.Report that gets its value.
func TestReportOfCopiesEveryCount(t *testing.T) {
	var in formats.ImportReport
	v := reflect.ValueOf(&in).Elem()
	for i := 0; i < v.NumField(); i++ {
		switch f := v.Field(i); f.Kind() {
		case reflect.Int:
			f.SetInt(int64(i + 1))
		case reflect.String:
			f.SetString("source " + v.Type().Field(i).Name)
		}
	}
	in.Format = formats.FormatBrat
	out := reflect.ValueOf(reportOf(in))
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		got := out.FieldByName(name)
		switch {
		case name == "Format":
			if got.String() != "brat" {
				t.Errorf("Format: %v, want brat", got)
			}
		case !got.IsValid():
			t.Errorf("remote.Report has no %s", name)
		case !reflect.DeepEqual(got.Interface(), v.Field(i).Interface()):
			t.Errorf("%s: %v, want %v", name, got, v.Field(i))
		}
	}
}

package formats_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/formats/remote"
	"glossa/annotate/library"
)

// remoteOf is the library s as the export worker reads it: every question
// answered by remote.Serve, its answer and its error crossing as they
// cross between the page and the worker (JSON text).
func remoteOf(s library.Store) remote.Store {
	return remote.Store{Ask: func(method, arg string) (string, error) {
		answer, err := remote.Serve(s, method, arg)
		if err != nil {
			return "", remote.DecodeFault(remote.EncodeFault(err))
		}
		return answer, nil
	}}
}

// TestRemoteExportsAsThePage checks that every format exports the same
// bytes from the library read through the worker's store as from the
// library itself, for one article and for the whole library (with what the
// model learned and the reader's identity), damaged records included.
func TestRemoteExportsAsThePage(t *testing.T) {
	s := sampleStore(t)
	if err := s.Apply(library.Change{Setting: &library.SettingChange{Name: library.SettingPreferences, Value: json.RawMessage(`{"name":"Ada","org":"Desk"}`)}}); err != nil {
		t.Fatal(err)
	}
	docs, _, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	docID := docs[0].ID
	r := remoteOf(s)
	for _, ids := range [][]string{nil, {docID}} {
		want, err := formats.LoadBundle(s, ids...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := formats.LoadBundle(r, ids...)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("bundle of %v read remotely:\n%+v\nwant\n%+v", ids, got, want)
		}
		if want.Reader.Name != "Ada" || ids == nil && len(want.Learned) == 0 {
			t.Fatalf("the fixture lacks the reader or learned records: %+v", want)
		}
		for _, f := range formats.Formats {
			var a, b bytes.Buffer
			errA, errB := f.Export(want, &a), f.Export(got, &b)
			if fmt.Sprint(errA) != fmt.Sprint(errB) || !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s export of %v differs remotely (%v, %v)", f.Name, ids, errB, errA)
			}
		}
	}
	if _, _, err := r.Load(annotate.DocumentID("not in the library")); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("loading a missing article remotely: %v, want ErrNotFound", err)
	}
	if err := r.Apply(library.Change{}); !errors.Is(err, remote.ErrReadOnly) {
		t.Errorf("writing remotely: %v, want ErrReadOnly", err)
	}
}

// TestRemoteImportAppliesAsThePage checks that an import planned in the
// worker and applied by the page (its changes crossing as JSON) leaves the
// library as an import done in the page does: for every importable
// format, into an empty library and into one holding the article, and for
// a file with an annotation that becomes an orphan.
func TestRemoteImportAppliesAsThePage(t *testing.T) {
	b := sampleBundle(t)
	doc := b.Docs[0]
	orphan := `{"id":"urn:x:gone","target":{"source":"` + doc.Meta.Source + `","selector":{"type":"TextQuoteSelector","exact":"words the article never had"}}}`
	files := map[string][]byte{"orphan.jsonld": []byte(orphan)}
	for _, f := range formats.Formats {
		if f.Import {
			files["export"+f.Ext] = exportBytes(t, f, b)
		}
	}
	empty := func(t *testing.T) *library.MemStore { return library.NewMemStore() }
	holding := func(t *testing.T) *library.MemStore { return storeOf(t, b) }
	for name, data := range files {
		for lib, fresh := range map[string]func(*testing.T) *library.MemStore{"empty": empty, "holding": holding} {
			t.Run(name+" into "+lib, func(t *testing.T) {
				local, far := fresh(t), fresh(t)
				wantRep, wantErr := formats.ImportInto(local, name, data, bundleNow)
				changes, rep, err := formats.PlanImport(remoteOf(far), name, data, bundleNow)
				if fmt.Sprint(err) != fmt.Sprint(wantErr) || rep != wantRep {
					t.Fatalf("planned remotely: %+v, %v; in the page: %+v, %v", rep, err, wantRep, wantErr)
				}
				wire, err := json.Marshal(remote.ImportResult{Changes: changes})
				if err != nil {
					t.Fatal(err)
				}
				var back remote.ImportResult
				if err := json.Unmarshal(wire, &back); err != nil {
					t.Fatal(err)
				}
				if err := far.ApplyAll(back.Changes); err != nil {
					t.Fatalf("applying the changes sent back: %v", err)
				}
				if got, want := loadBundle(t, far), loadBundle(t, local); !reflect.DeepEqual(got, want) {
					t.Errorf("library after the remote import:\n%+v\nwant\n%+v", got, want)
				}
			})
		}
	}
}

// TestRemoteFormatsAreTheFormats checks that the page's export menu
// (remote.Formats) offers the formats package formats knows, in its order.
func TestRemoteFormatsAreTheFormats(t *testing.T) {
	var got, want []string
	for _, f := range remote.Formats {
		got = append(got, f.Name)
		if f.Title == "" {
			t.Errorf("format %s has no title", f.Name)
		}
	}
	for _, f := range formats.Formats {
		want = append(want, f.Name)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the menu offers %v, want %v", got, want)
	}
}

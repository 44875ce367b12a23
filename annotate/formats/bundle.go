package formats

import (
	"encoding/json"
	"fmt"
	"strings"

	"glossa/annotate"
	"glossa/annotate/formats/remote"
	"glossa/annotate/library"
)

// Bundle is what an export writes: articles of the library with everything
// saved about them, in order, and what the entity model learned from the
// reader's corrections. Each article is a library.StoredDoc, as Store.Load
// gives it: its text, title, source and date, the reader's notes, the
// suggestions they rejected, and the orphans kept with it.
type Bundle struct {
	Docs []library.StoredDoc
	// Learned are the library's learned records (library.Learned): the W3C
	// export carries them, on its first article's collection.
	Learned []library.Learned
	// Reader is who exports: the name and organisation the reader set in
	// the settings (library.SettingPreferences), empty when they set none.
	// ClaimReview's author is made of them.
	Reader Identity
}

// Identity is who the reader says they are: both fields trimmed, empty
// when not given.
type Identity struct {
	Name string `json:"name"`
	Org  string `json:"org"`
}

// ReaderIdentity reads the reader's name and organisation from the
// library's preferences (library.SettingPreferences, a JSON object whose
// "name" and "org" are they): empty when none are saved or they cannot be
// read.
func ReaderIdentity(s library.Store) Identity {
	v, ok, err := s.Setting(library.SettingPreferences)
	if err != nil || !ok {
		return Identity{}
	}
	var id Identity
	if json.Unmarshal(v, &id) != nil {
		return Identity{}
	}
	return Identity{Name: strings.TrimSpace(id.Name), Org: strings.TrimSpace(id.Org)}
}

// ErrUnsupportedFormat marks a file or format name that is not one Glossa
// reads or writes. The other errors of export and import wrap annotate's
// sentinels (ErrBadInput, ErrBadSpan, ErrNotText…).
var ErrUnsupportedFormat = remote.ErrUnsupportedFormat

// LoadBundle reads the documents named by docIDs from s, in that order, or
// the whole library when none is named: all the documents s lists (newest
// first) and, when s is a library.LearnedStore, what the entity model
// learned. Records that cannot be read are left out, as Store.Load leaves
// them out. The bundle's Reader is the library's (ReaderIdentity).
func LoadBundle(s library.Store, docIDs ...string) (Bundle, error) {
	b := Bundle{Reader: ReaderIdentity(s)}
	if len(docIDs) == 0 {
		if ls, ok := s.(library.LearnedStore); ok {
			learned, _, err := ls.Learned()
			if err != nil {
				return Bundle{}, err
			}
			b.Learned = learned
		}
		docs, _, err := s.List()
		if err != nil {
			return Bundle{}, err
		}
		for _, d := range docs {
			docIDs = append(docIDs, d.ID)
		}
	}
	for _, id := range docIDs {
		doc, _, err := s.Load(id)
		if err != nil {
			return Bundle{}, err
		}
		b.Docs = append(b.Docs, doc)
	}
	return b, nil
}

// article is a document of a bundle as the exports read it.
type article struct {
	library.StoredDoc
	doc   *annotate.Document // of Text
	title string             // Meta.Title, or the text's default title
}

// articles checks the documents of b and makes them ready to export:
// every one needs a text whose ID is Meta.ID. format names the export in
// errors.
func articles(b Bundle, format string) ([]article, error) {
	out := make([]article, len(b.Docs))
	for i, s := range b.Docs {
		if s.Text == "" || annotate.DocumentID(s.Text) != s.Meta.ID {
			return nil, fmt.Errorf("export %s: article %d: %w: its text is missing or is not that of %s", format, i+1, annotate.ErrBadInput, s.Meta.ID)
		}
		a := article{StoredDoc: s, doc: annotate.NewDocument(s.Text), title: s.Meta.Title}
		if a.title == "" {
			a.title = library.DefaultTitle(s.Text)
		}
		out[i] = a
	}
	return out, nil
}

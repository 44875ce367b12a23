package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"glossa/annotate"
	"glossa/annotate/internal/rawjson"
	"glossa/annotate/library"
)

// ImportReport counts what an import did.
type ImportReport struct {
	Format   Format // the format the file was read as
	Articles int    // articles new to the bundle
	Added    int    // notes new to the bundle
	// Updated counts notes that replaced the bundle's older version: same
	// id, a later Modified.
	Updated int
	// KeptNewer counts notes the bundle kept its own version of: same id
	// and as new or newer, or another id with the same span and label.
	KeptNewer int
	// Orphans counts annotations that could not be anchored to their
	// article's text, kept as orphans (an orphan the bundle already had is
	// not counted again).
	Orphans int
}

// String sums the report up in a sentence.
func (r ImportReport) String() string {
	return fmt.Sprintf("%s: %d new articles, %d notes added, %d updated, %d kept (the library's were as new or newer), %d orphans",
		r.Format.Name, r.Articles, r.Added, r.Updated, r.KeptNewer, r.Orphans)
}

// Import reads the file name holding data into a copy of into, and returns
// the copy and what it did; it calls ImportAt with the current time.
func Import(name string, data []byte, into Bundle) (Bundle, ImportReport, error) {
	return ImportAt(name, data, into, time.Now())
}

// ImportAt reads the file name holding data into a copy of into and returns
// the copy and what it did. now stamps what the file leaves undated: notes
// without times (all of doccano's, spaCy's and brat's) and new articles.
//
// The format comes from the content, the name helping: a zip archive is
// brat standoff (pairs of x.txt and x.ann), JSON lines with "text" are
// doccano or spaCy JSONL, other JSON is W3C Web Annotation (Glossa's
// exports, single annotations, arrays, collections with embedded pages,
// pages, Hypothesis's and Recogito's shapes). See the import-*.go files for
// each. Notes merge by id, the newer by Modified winning; a note with the
// span and label of one already there is a duplicate and the bundle keeps
// its own. Annotations that cannot be anchored become the article's
// Orphans.
//
// Import is atomic: on error it returns into unchanged (it never modifies
// into anyway) and an error that names the file, the line or JSON pointer,
// and the problem, wrapping ErrBadInput, ErrBadSpan, ErrNotText or
// ErrUnsupportedFormat.
func ImportAt(name string, data []byte, into Bundle, now time.Time) (Bundle, ImportReport, error) {
	im := &importer{b: into.clone(), now: annotate.Stamp(now), touched: map[int]bool{}}
	var err error
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		im.rep.Format = FormatBrat
		err = im.bratZip(data)
	case strings.HasSuffix(strings.ToLower(name), ".ann"):
		err = fmt.Errorf("%w: a brat .ann file needs its .txt: import a zip holding both", ErrUnsupportedFormat)
	default:
		trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
		switch {
		case len(trimmed) == 0:
			err = fmt.Errorf("%w: the file is empty", annotate.ErrBadInput)
		case trimmed[0] == '{' && isJSONL(trimmed):
			err = im.jsonl(data)
		case trimmed[0] == '{' || trimmed[0] == '[':
			im.rep.Format = FormatW3C
			err = im.w3c(data)
		default:
			err = fmt.Errorf("%w: not JSON, JSON lines or a zip archive (it starts with %q)", ErrUnsupportedFormat, rawjson.Truncate(trimmed))
		}
	}
	if err != nil {
		return into, ImportReport{}, fmt.Errorf("import %s: %w", path.Base(name), err)
	}
	for i := range im.touched {
		slices.SortFunc(im.b.Articles[i].Notes, annotate.CompareNotes)
	}
	return im.b, im.rep, nil
}

// isJSONL reports whether data, which starts with an object, is JSON lines
// of training data: more than one value, or one object with a "text" and
// no annotation "type" or "target".
func isJSONL(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	var first map[string]json.RawMessage
	if err := dec.Decode(&first); err != nil {
		// A broken first line: JSON lines if it ends before the file does.
		line, _, _ := bytes.Cut(data, []byte("\n"))
		return len(bytes.TrimSpace(line)) < len(bytes.TrimSpace(data)) && !json.Valid(data)
	}
	if dec.More() {
		return true
	}
	_, text := first["text"]
	_, typ := first["type"]
	_, target := first["target"]
	return text && !typ && !target
}

// importer is the state of one import: a working copy of the bundle that
// is returned only when the whole file has been read.
type importer struct {
	b       Bundle
	now     time.Time
	rep     ImportReport
	touched map[int]bool // articles whose notes need sorting
}

// article returns the index of the article of doc, adding it if it is new,
// and fills in the metadata the bundle lacks.
func (im *importer) article(doc *annotate.Document, title, source string, added time.Time) int {
	i := im.b.Article(doc.ID)
	if i < 0 {
		if added.IsZero() {
			added = im.now
		}
		im.b.Articles = append(im.b.Articles, Article{Doc: doc, Title: title, Source: source, Added: annotate.Stamp(added)})
		im.rep.Articles++
		return len(im.b.Articles) - 1
	}
	a := &im.b.Articles[i]
	if a.Title == "" {
		a.Title = title
	}
	if a.Source == "" {
		a.Source = source
	}
	if a.Added.IsZero() && !added.IsZero() {
		a.Added = annotate.Stamp(added)
	}
	return i
}

// addNote merges n into article i: a new id is added unless a note has its
// span and label; a known id is replaced if n is newer.
func (im *importer) addNote(i int, n annotate.Note) {
	a := &im.b.Articles[i]
	for j, old := range a.Notes {
		if old.ID == n.ID {
			if n.Modified.After(old.Modified) && !hasSpanLabel(a.Notes, n, j) {
				a.Notes[j] = n
				im.rep.Updated++
				im.touched[i] = true
			} else {
				im.rep.KeptNewer++
			}
			return
		}
	}
	if hasSpanLabel(a.Notes, n, -1) {
		im.rep.KeptNewer++
		return
	}
	a.Notes = append(a.Notes, n)
	im.rep.Added++
	im.touched[i] = true
}

// hasSpanLabel reports whether a note other than notes[except] has n's span
// and label.
func hasSpanLabel(notes []annotate.Note, n annotate.Note, except int) bool {
	for j, o := range notes {
		if j != except && o.Span == n.Span && o.Label == n.Label {
			return true
		}
	}
	return false
}

// addOrphan adds o to article i unless the article has it already.
func (im *importer) addOrphan(i int, o library.Orphan) {
	a := &im.b.Articles[i]
	for _, old := range a.Orphans {
		if bytes.Equal(old.Raw, o.Raw) {
			return
		}
	}
	a.Orphans = append(a.Orphans, o)
	im.rep.Orphans++
}

// spanID is the id of a note read from a format without ids: a name-based
// UUID of its document, span and label, so importing the file again finds
// the same notes.
func spanID(doc *annotate.Document, s annotate.Span, l annotate.Label) string {
	return nameID(doc.ID, "span", fmt.Sprint(s.Start), fmt.Sprint(s.End), string(l))
}

// labelAliases maps other tools' label names, upper-cased, to Glossa's.
var labelAliases = map[string]annotate.Label{
	"PER": annotate.Person, "PERS": annotate.Person, "PEOPLE": annotate.Person,
	"ORGANIZATION": annotate.Org, "ORGANISATION": annotate.Org, "COMPANY": annotate.Org,
	"LOCATION": annotate.Loc, "PLACE": annotate.Loc,
	"FACILITY": annotate.Fac, "GEO": annotate.GPE,
	"NATIONALITY": annotate.NORP, "TIME": annotate.Date,
	"MISCELLANEOUS": annotate.Misc,
}

// importLabel maps a label name from elsewhere to Glossa's: one of
// AllLabels in any case, or a known alias (PER, LOCATION, ORGANIZATION…).
func importLabel(s string) (annotate.Label, bool) {
	u := annotate.Label(strings.ToUpper(strings.TrimSpace(s)))
	if slices.Contains(annotate.AllLabels, u) {
		return u, true
	}
	l, ok := labelAliases[string(u)]
	return l, ok
}

// jsonError turns a JSON decoding error into a message with the line and
// column it happened at in data.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(data, syn.Offset-1) // Offset is after the bad byte
		return fmt.Errorf("%w: line %d, column %d: %v", annotate.ErrBadInput, line, col, syn)
	case errors.As(err, &typ):
		line, col := lineCol(data, typ.Offset)
		return fmt.Errorf("%w: line %d, column %d: %q is a JSON %s, want %s", annotate.ErrBadInput, line, col, typ.Field, typ.Value, typ.Type)
	}
	return fmt.Errorf("%w: %v", annotate.ErrBadInput, err)
}

// clip shortens a quote for a message.
func clip(s string) string {
	const n = 60
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// lineCol returns the 1-based line and column (in bytes) of offset.
func lineCol(data []byte, offset int64) (int, int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// normalizeMapped normalizes raw text as NormalizeText does and returns a
// function that maps a code point offset of raw to one of the result, so
// offsets given against unnormalized text (CRLF line ends, a byte-order
// mark) still select the same characters.
func normalizeMapped(raw string) (string, func(int) int, error) {
	text, err := annotate.NormalizeText([]byte(raw))
	if err != nil {
		return "", nil, err
	}
	if text == raw {
		return text, func(p int) int { return p }, nil
	}
	rs := []rune(raw)
	m := make([]int, len(rs)+1)
	p, i := 0, 0
	for i < len(rs) && rs[i] == '\ufeff' {
		i++
		m[i] = 0
	}
	for ; i < len(rs); i++ {
		m[i] = p
		if rs[i] == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
			continue // CR LF: one LF, after the CR still before it
		}
		p++
	}
	m[len(rs)] = p
	return text, func(q int) int {
		if q < 0 || q > len(rs) {
			return q - len(rs) + p // out of range stays out of range
		}
		return m[q]
	}, nil
}

package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"glossa/annotate"
	"glossa/annotate/formats/remote"
	"glossa/annotate/internal/rawjson"
	"glossa/annotate/library"
	"glossa/annotate/w3c"
)

// ImportReport counts what an import did.
type ImportReport struct {
	Format   Format // the format the file was read as
	Articles int    // articles new to the library
	Added    int    // notes new to the library
	// Updated counts notes that replaced the library's older version: same
	// id, a later Modified.
	Updated int
	// KeptNewer counts notes the library kept its own version of: same id
	// and as new or newer.
	KeptNewer int
	// Duplicates counts notes the library had under another id: the same
	// creator, span, label and bodies.
	Duplicates int
	// Decisions counts the reader's decisions about suggestions, rejected
	// or accepted, new to the library.
	Decisions int
	// Orphans counts annotations that could not be anchored to their
	// article's text, kept as orphans (an orphan the library already had
	// is not counted again).
	Orphans int
	// Learned counts the parts of what the entity model learned (learned
	// records, see library.Learned) new to the library, or learned from
	// more decisions than the library's of the same origin.
	Learned int
	// Elsewhere counts the annotations left out because their target's
	// source is no article of the library or of the file: another page of
	// a Hypothesis export, say, whose text Glossa does not have (or, when
	// attaching, that do not anchor in the article attached to).
	// ElsewhereSources lists those sources, one per line, in the order
	// first met ("" for an annotation without one).
	Elsewhere        int
	ElsewhereSources string
}

// ErrNoArticle marks an import of which no annotation names an article of
// the library or of the file: nothing can be placed. PlanAttach may place
// them in the open article.
var ErrNoArticle = remote.ErrNoArticle

// String sums the report up in a sentence.
func (r ImportReport) String() string {
	return fmt.Sprintf("%s: %d new articles, %d notes added, %d updated, %d kept (the library's were as new or newer), %d duplicates, %d decisions about suggestions, %d orphans, %d parts of what the model learned",
		r.Format.Name, r.Articles, r.Added, r.Updated, r.KeptNewer, r.Duplicates, r.Decisions, r.Orphans, r.Learned)
}

// ImportInto imports the file name holding data into the library s, in
// one transaction: it plans the import (PlanImport) and applies the
// changes (Store.ApplyAll). On error nothing is written. now stamps what
// the file leaves undated.
func ImportInto(s library.Store, name string, data []byte, now time.Time) (ImportReport, error) {
	changes, rep, err := PlanImport(s, name, data, now)
	if err != nil {
		return ImportReport{}, err
	}
	if err := s.ApplyAll(changes); err != nil {
		return ImportReport{}, fmt.Errorf("import %s: %w", path.Base(name), err)
	}
	return rep, nil
}

// PlanImport reads the file name holding data and returns the changes that
// merge it into what the library s holds, and what they do. It reads s and
// writes nothing; apply the changes with s.ApplyAll, which validates them
// again. now stamps what the file leaves undated: notes without times (all
// of doccano's, spaCy's and brat's) and new articles.
//
// The format comes from the content, the name helping: a zip archive is
// brat standoff (pairs of x.txt and x.ann), JSON lines with "text" are
// doccano or spaCy JSONL, other JSON is W3C Web Annotation (Glossa's
// exports, single annotations, arrays, collections with embedded pages,
// pages, Hypothesis's and Recogito's shapes). See the import-*.go files for
// each. An article new to the library is added whole (library.PutDoc).
// Only true duplicates merge: notes with the same id, the newer by
// Modified winning, and notes of the same creator, span, label and bodies.
// Every other note is kept: another creator's note on a span the library
// has with the same label is added; another version of the same creator's
// note (the same span and label, other bodies, another id) is kept aside
// as an orphan, since one creator has one note per span and label. The
// reader's decisions about suggestions (in W3C files) are added to the
// library's, and so is what the entity model learned (a library's W3C
// export carries it): each part is kept as learned elsewhere, unless the
// library holds the same part learned from as many decisions or more.
// Annotations that cannot be anchored become the article's orphans.
//
// An error names the file, the line or JSON pointer, and the problem,
// wrapping annotate.ErrBadInput, ErrBadSpan, ErrNotText or
// ErrUnsupportedFormat; then there are no changes.
func PlanImport(s library.Store, name string, data []byte, now time.Time) ([]library.Change, ImportReport, error) {
	return planImport(&importer{store: s, now: annotate.Stamp(now), byID: map[string]*importArticle{}}, name, data)
}

// PlanAttach plans an import as PlanImport does, but for the annotations
// whose source is no article of the library or of the file (a Hypothesis
// export of a page the library holds under another address): those are
// anchored, by their quotes, in the library's article docID instead. Those
// that do not anchor there are left out and counted in the report's
// Elsewhere, not kept as orphans: they may be of another page. A report
// with Added zero means nothing of the file belongs to docID.
func PlanAttach(s library.Store, name string, data []byte, docID string, now time.Time) ([]library.Change, ImportReport, error) {
	return planImport(&importer{store: s, now: annotate.Stamp(now), byID: map[string]*importArticle{}, attach: docID}, name, data)
}

// AttachInto applies PlanAttach's changes to s.
func AttachInto(s library.Store, name string, data []byte, docID string, now time.Time) (ImportReport, error) {
	changes, rep, err := PlanAttach(s, name, data, docID, now)
	if err != nil {
		return ImportReport{}, err
	}
	if err := s.ApplyAll(changes); err != nil {
		return ImportReport{}, fmt.Errorf("import %s: %w", path.Base(name), err)
	}
	return rep, nil
}

func planImport(im *importer, name string, data []byte) ([]library.Change, ImportReport, error) {
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
	if err == nil && im.rep.Elsewhere > 0 && len(im.arts) == 0 {
		err = fmt.Errorf(`%w: %w: where its annotations point (%s) is no article of the library or of this file; import the article first, or attach them to an article whose text they quote`,
			annotate.ErrBadInput, ErrNoArticle, strings.ReplaceAll(im.rep.ElsewhereSources, "\n", ", "))
	}
	if err != nil {
		return nil, ImportReport{}, fmt.Errorf("import %s: %w", path.Base(name), err)
	}
	changes := im.changes()
	learned, err := im.learnedChange()
	if err != nil {
		return nil, ImportReport{}, fmt.Errorf("import %s: %w", path.Base(name), err)
	}
	if len(learned.PutLearned) > 0 {
		changes = append(changes, learned)
	}
	return changes, im.rep, nil
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

// importer is the state of one import: the articles the file touches,
// with the library's notes and orphans and the file's merged in, turned
// into changes only when the whole file has been read.
type importer struct {
	store  library.Store
	now    time.Time
	rep    ImportReport
	arts   []*importArticle          // the articles touched, in the order first touched
	byID   map[string]*importArticle // the same, by document ID
	metas  []library.DocMeta         // the library's list, once read (see listed)
	listed bool
	// learned are the file's learned records, by key.
	learned map[string]library.Learned
	// attach is the document ID of the article that annotations naming
	// no article are anchored in (PlanAttach), or "".
	attach string
	// elsewhere holds the sources of ElsewhereSources.
	elsewhere map[string]bool
}

// leaveOut counts an annotation of source left out: it names no article.
func (im *importer) leaveOut(source string) {
	im.rep.Elsewhere++
	if im.elsewhere == nil {
		im.elsewhere = map[string]bool{}
	}
	if !im.elsewhere[source] {
		im.elsewhere[source] = true
		if im.rep.ElsewhereSources != "" {
			im.rep.ElsewhereSources += "\n"
		}
		im.rep.ElsewhereSources += source
	}
}

// importArticle is an article an import touches.
type importArticle struct {
	doc   *annotate.Document
	meta  library.DocMeta // as stored or, for a new article, as the file says
	isNew bool
	// putMeta says that the import fills in metadata the library's
	// article lacks (its review URL).
	putMeta bool
	// notes are the library's notes and the file's, merged; put holds the
	// ids of those to write.
	notes []annotate.Note
	put   map[string]bool
	// orphans are the library's orphans and the file's; added the file's.
	orphans, added []library.Orphan
	// decided holds the library's decisions and the file's; rejected and
	// accepted the file's new ones, in the order they came.
	decided            map[string]bool
	rejected, accepted []annotate.SuggestionKey
}

// article returns the article of doc: one the import touched already, the
// library's, or a new one with the given title, source and date (the
// import's time when added is zero). Of an article the import or the
// library has, it fills in a source it lacks, for finding it by source; it
// writes no metadata of an article the library has. A library article
// that cannot be read is an error.
func (im *importer) article(doc *annotate.Document, title, source string, added time.Time) (*importArticle, error) {
	if a := im.byID[doc.ID]; a != nil {
		if a.meta.Source == "" {
			a.meta.Source = source
		}
		return a, nil
	}
	a := &importArticle{doc: doc, put: map[string]bool{}, decided: map[string]bool{}}
	switch stored, _, err := im.store.Load(doc.ID); {
	case err == nil:
		a.meta, a.notes, a.orphans = stored.Meta, slices.Clone(stored.Notes), slices.Clone(stored.Orphans)
		for _, k := range stored.Rejected {
			a.decided[decisionID(doc.ID, w3c.Rejected, k)] = true
		}
		for _, k := range stored.Accepted {
			a.decided[decisionID(doc.ID, w3c.Accepted, k)] = true
		}
		if a.meta.Source == "" {
			a.meta.Source = source
		}
	case errors.Is(err, annotate.ErrNotFound):
		if added.IsZero() {
			added = im.now
		}
		a.isNew = true
		a.meta = library.DocMeta{ID: doc.ID, Title: library.CleanTitle(title), Source: source, Added: annotate.Stamp(added)}
		if a.meta.Title == "" {
			a.meta.Title = library.DefaultTitle(doc.Text.String())
		}
		im.rep.Articles++
	default:
		return nil, fmt.Errorf("article %s: the library's copy cannot be read: %w", doc.ID, err)
	}
	im.arts = append(im.arts, a)
	im.byID[doc.ID] = a
	return a, nil
}

// findArticle returns the article a target source names: by document ID,
// or by source ignoring a fragment and a final slash, the library's
// (newest first) before the file's new ones; or nil.
func (im *importer) findArticle(source string) (*importArticle, error) {
	if source == "" {
		return nil, nil
	}
	if a := im.byID[source]; a != nil {
		return a, nil
	}
	if !im.listed {
		metas, _, err := im.store.List()
		if err != nil {
			return nil, fmt.Errorf("reading the library: %w", err)
		}
		im.metas, im.listed = metas, true
	}
	key := sourceKey(source)
	for _, m := range im.metas {
		if a := im.byID[m.ID]; a != nil {
			m = a.meta
		}
		if m.ID == source || m.Source != "" && sourceKey(m.Source) == key {
			stored, _, err := im.store.Load(m.ID)
			if err != nil {
				return nil, fmt.Errorf("article %s: the library's copy cannot be read: %w", m.ID, err)
			}
			return im.article(annotate.NewDocument(stored.Text), "", "", time.Time{})
		}
	}
	for _, a := range im.arts {
		if a.isNew && a.meta.Source != "" && sourceKey(a.meta.Source) == key {
			return a, nil
		}
	}
	return nil, nil
}

// addNote merges n into article a. Only true duplicates merge: a note with
// n's id is replaced if n is newer (the library's is kept otherwise), and
// one with n's key and content (the same creator, span, label and bodies)
// is a duplicate. A note with n's key but other content, another version
// of the same creator's note, cannot be a second note of the workspace: n
// is kept aside as an orphan, with raw (or, if nil, n's annotation) as
// its JSON. Anything else is added: notes of other creators on the same
// span with the same label are notes of their own.
func (im *importer) addNote(a *importArticle, n annotate.Note, raw []byte) {
	for j, old := range a.notes {
		if old.ID == n.ID {
			if n.Modified.After(old.Modified) && keyHolder(a.notes, n, j) < 0 {
				a.notes[j] = n
				a.put[n.ID] = true
				im.rep.Updated++
			} else {
				im.rep.KeptNewer++
			}
			return
		}
	}
	if j := keyHolder(a.notes, n, -1); j >= 0 {
		if annotate.SameContent(a.notes[j], n) {
			im.rep.Duplicates++
			return
		}
		ann := w3c.NoteAnnotation(n, a.doc)
		if raw == nil {
			raw, _ = json.Marshal(ann)
		}
		im.addOrphan(a, library.Orphan{Annotation: ann, Raw: rawjson.Compact(raw),
			Reason: fmt.Sprintf("note %s of %s already is %s on this text, with other content", a.notes[j].ID, n.Creator.Name, n.Label)})
		return
	}
	a.notes = append(a.notes, n)
	a.put[n.ID] = true
	im.rep.Added++
}

// keyHolder returns the index of a note other than notes[except] with n's
// key (span, label and creator), or -1.
func keyHolder(notes []annotate.Note, n annotate.Note, except int) int {
	for j, o := range notes {
		if j != except && o.Key() == n.Key() {
			return j
		}
	}
	return -1
}

// addDecision adds the reader's decision about suggestion k (w3c.Rejected
// or w3c.Accepted) to article a, unless the article has it already.
func (im *importer) addDecision(a *importArticle, decision string, k annotate.SuggestionKey) {
	id := decisionID(a.doc.ID, decision, k)
	if a.decided[id] {
		return
	}
	a.decided[id] = true
	if decision == w3c.Rejected {
		a.rejected = append(a.rejected, k)
	} else {
		a.accepted = append(a.accepted, k)
	}
	im.rep.Decisions++
}

// addLearned adds a learned record of the file, unless the file has the
// same one learned from as many decisions or more.
func (im *importer) addLearned(l library.Learned) {
	if im.learned == nil {
		im.learned = map[string]library.Learned{}
	}
	if old, ok := im.learned[l.Key()]; !ok || old.Corrections < l.Corrections {
		im.learned[l.Key()] = l
	}
}

// learnedChange returns the change that adds the file's learned records
// the library lacks, or holds learned from fewer decisions, and counts
// them; the library's are read when s is a library.LearnedStore.
func (im *importer) learnedChange() (library.Change, error) {
	var c library.Change
	if len(im.learned) == 0 {
		return c, nil
	}
	have := map[string]int{}
	if ls, ok := im.store.(library.LearnedStore); ok {
		recs, _, err := ls.Learned()
		if err != nil {
			return c, fmt.Errorf("reading the library: %w", err)
		}
		for _, r := range recs {
			have[r.Key()] = r.Corrections
		}
	}
	for _, key := range slices.Sorted(maps.Keys(im.learned)) {
		l := im.learned[key]
		if n, ok := have[key]; ok && n >= l.Corrections {
			continue
		}
		c.PutLearned = append(c.PutLearned, l)
		im.rep.Learned++
	}
	return c, nil
}

// addOrphan adds o to article a unless the article has it already.
func (im *importer) addOrphan(a *importArticle, o library.Orphan) {
	for _, old := range a.orphans {
		if bytes.Equal(old.Raw, o.Raw) {
			return
		}
	}
	a.orphans = append(a.orphans, o)
	a.added = append(a.added, o)
	im.rep.Orphans++
}

// changes returns the changes that write what the import merged: a new
// article whole, of the library's articles the notes to put and the
// decisions and orphans to add.
func (im *importer) changes() []library.Change {
	var out []library.Change
	for _, a := range im.arts {
		slices.SortFunc(a.notes, annotate.CompareNotes)
		slices.SortFunc(a.rejected, annotate.CompareKeys)
		slices.SortFunc(a.accepted, annotate.CompareKeys)
		if a.isNew {
			c := library.PutDoc(library.StoredDoc{Meta: a.meta, Text: a.doc.Text.String(), Notes: a.notes,
				Rejected: a.rejected, Accepted: a.accepted})
			c.AddOrphans = a.added
			out = append(out, c)
			continue
		}
		c := library.Change{DocID: a.meta.ID, AddOrphans: a.added, PutRejected: a.rejected, PutAccepted: a.accepted}
		if a.putMeta {
			meta := a.meta
			c.PutMeta = &meta
		}
		for _, n := range a.notes {
			if a.put[n.ID] {
				c.PutNotes = append(c.PutNotes, n)
			}
		}
		if a.putMeta || len(c.PutNotes)+len(c.AddOrphans)+len(c.PutRejected)+len(c.PutAccepted) > 0 {
			out = append(out, c)
		}
	}
	return out
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

// jsonError turns an error decoding the whole file data into a message
// with the line and column it happened at and what was wrong, in JSON's
// terms (rawjson.Describe).
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(data, syn.Offset-1) // Offset is after the bad byte
		return fmt.Errorf("%w: line %d, column %d: %s", annotate.ErrBadInput, line, col, rawjson.Describe(err))
	case errors.As(err, &typ):
		line, col := lineCol(data, typ.Offset)
		return fmt.Errorf("%w: line %d, column %d: %s", annotate.ErrBadInput, line, col, rawjson.Describe(err))
	}
	return fmt.Errorf("%w: %s", annotate.ErrBadInput, rawjson.Describe(err))
}

// valueError turns an error decoding one value of the file, which the
// message names by its JSON pointer, into what was wrong in JSON's terms
// (rawjson.Describe).
func valueError(err error) error {
	return fmt.Errorf("%w: %s", annotate.ErrBadInput, rawjson.Describe(err))
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

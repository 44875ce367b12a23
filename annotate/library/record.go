package library

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"glossa/annotate"
	"glossa/annotate/internal/rawjson"
	"glossa/annotate/w3c"
)

// A migration upgrades one record, decoded as a JSON object, from one
// schema version to the next, in place.
type migration func(rec map[string]json.RawMessage) error

// migrations holds, per object store, the migration from each schema
// version to the next. Version 1 is the first: a record without a
// "schema" (version 0) is refused. From 1 to 2 the decisions and settings
// records are unchanged but for their "schema", and the annotations
// records too but for evidence URLs (see escapeEvidence); documents
// records of schema 1 held the text too, and are split in two by the
// database upgrade (Upgrade), not migrated one by one; the texts store is
// new at 2. Tests install fake migrations.
var migrations = map[string]map[int]migration{
	StoreAnnotations: {1: escapeEvidence},
	StoreDecisions:   {1: same},
	StoreSettings:    {1: same},
}

// escapeEvidence migrates an annotations record from schema 1 to 2.
// Schema 1 took evidence URLs holding characters that no URL holds (a
// space, ", <, >…), which schema 2 refuses (annotate.CanonicalURL): they
// are percent-encoded (annotate.EscapeURL), so that the note still reads.
// A record it cannot read it leaves as it is, for the decoder to report.
func escapeEvidence(rec map[string]json.RawMessage) error {
	var ann map[string]json.RawMessage
	if json.Unmarshal(rec["annotation"], &ann) != nil {
		return nil
	}
	bodies, err := rawjson.OneOrMany(ann["body"])
	if err != nil {
		return nil
	}
	changed := false
	for i, raw := range bodies {
		var body map[string]json.RawMessage
		var purpose, source string
		if json.Unmarshal(raw, &body) != nil || json.Unmarshal(body["purpose"], &purpose) != nil || purpose != w3c.PurposeLinking ||
			json.Unmarshal(body["source"], &source) != nil {
			continue
		}
		if fixed := annotate.EscapeURL(source); fixed != source {
			body["source"], _ = json.Marshal(fixed)
			bodies[i], _ = json.Marshal(body)
			changed = true
		}
	}
	if changed {
		ann["body"], _ = json.Marshal(bodies)
		rec["annotation"], _ = json.Marshal(ann)
	}
	return nil
}

// same is the migration of a record whose fields do not change.
func same(map[string]json.RawMessage) error { return nil }

// Migrate upgrades a raw record of the named object store to
// SchemaVersion, one version at a time, and returns it; a record already
// at SchemaVersion comes back as it is. A record of a newer schema is
// refused with ErrNewerSchema; one that is not a JSON object, or has no
// migration from its version, with ErrBadInput.
func Migrate(store string, raw []byte) ([]byte, error) {
	rec, changed, err := migrate(store, raw)
	switch {
	case err != nil:
		return nil, err
	case !changed:
		return raw, nil
	}
	return json.Marshal(rec)
}

// migrate decodes a raw record as a JSON object and upgrades it to
// SchemaVersion, reporting whether it changed.
func migrate(store string, raw []byte) (map[string]json.RawMessage, bool, error) {
	if !slices.Contains(Stores, store) {
		return nil, false, fmt.Errorf("migrate: %w: no object store %q", annotate.ErrBadInput, store)
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(raw, &rec); err != nil || rec == nil {
		return nil, false, fmt.Errorf("migrate %s record: %w: want a JSON object, got %s", store, annotate.ErrBadInput, rawjson.Truncate(bytes.TrimSpace(raw)))
	}
	v := 0
	if s, ok := rec["schema"]; ok {
		if err := json.Unmarshal(s, &v); err != nil || v < 0 || rawjson.IsNull(s) {
			return nil, false, fmt.Errorf(`migrate %s record: %w: "schema" is %s, want a whole number`, store, annotate.ErrBadInput, rawjson.Truncate(s))
		}
	}
	if v > SchemaVersion {
		return nil, false, fmt.Errorf("migrate %s record: %w: schema %d, this version reads up to %d", store, ErrNewerSchema, v, SchemaVersion)
	}
	from := v
	for ; v < SchemaVersion; v++ {
		step := migrations[store][v]
		if step == nil {
			return nil, false, fmt.Errorf("migrate %s record: %w: schema %d is not one Glossa wrote (no migration from it)", store, annotate.ErrBadInput, v)
		}
		if err := step(rec); err != nil {
			return nil, false, fmt.Errorf("migrate %s record from schema %d: %w", store, v, err)
		}
		rec["schema"] = json.RawMessage(strconv.Itoa(v + 1))
	}
	return rec, v != from, nil
}

// record is a decoded record's fields, at SchemaVersion.
type record map[string]json.RawMessage

// openRecord migrates a raw record and checks that it has exactly the
// given fields besides "schema".
func openRecord(store string, raw []byte, fields ...string) (record, error) {
	rec, _, err := migrate(store, raw)
	if err != nil {
		return nil, err
	}
	for _, k := range slices.Sorted(maps.Keys(rec)) {
		if k != "schema" && !slices.Contains(fields, k) {
			return nil, fmt.Errorf("%w: unknown field %q", annotate.ErrBadInput, k)
		}
	}
	for _, f := range fields {
		if _, ok := rec[f]; !ok {
			return nil, fmt.Errorf("%w: %q is missing", annotate.ErrBadInput, f)
		}
	}
	return rec, nil
}

// str reads a string field.
func (r record) str(name string) (string, error) {
	var s string
	if raw := r[name]; rawjson.IsNull(raw) || json.Unmarshal(raw, &s) != nil {
		return "", fmt.Errorf("%w: %q is %s, want a string", annotate.ErrBadInput, name, rawjson.Truncate(raw))
	}
	return s, nil
}

// num reads a whole-number field that must not be negative.
func (r record) num(name string) (int, error) {
	var n int
	if raw := r[name]; rawjson.IsNull(raw) || json.Unmarshal(raw, &n) != nil || n < 0 {
		return 0, fmt.Errorf("%w: %q is %s, want a whole number, 0 or more", annotate.ErrBadInput, name, rawjson.Truncate(raw))
	}
	return n, nil
}

// Limits of a document's record, besides annotate.MaxTextBytes for its
// text.
const (
	MaxTitle  = 300   // code points in a title
	MaxSource = 1_000 // code points in a source or a recognizer name
)

// checkDocID checks the form of a document ID.
func checkDocID(id string) error {
	hexPart, ok := strings.CutPrefix(id, "urn:sha256:")
	if !ok || len(hexPart) != 64 || strings.Trim(hexPart, "0123456789abcdef") != "" {
		return fmt.Errorf(`%w: document id %q: want "urn:sha256:" and 64 lower-case hex digits`, annotate.ErrBadID, id)
	}
	return nil
}

// checkText checks a document's text: normalized, not only white space,
// not too long.
func checkText(text string) error {
	if len(text) > annotate.MaxTextBytes {
		return &annotate.LimitError{What: "text", Got: len(text), Limit: annotate.MaxTextBytes, Unit: "bytes"}
	}
	norm, err := annotate.NormalizeText([]byte(text))
	switch {
	case err != nil:
		return fmt.Errorf("text: %w", err)
	case norm != text:
		return fmt.Errorf("%w: the text is not normalized (a byte-order mark or a CR line end)", annotate.ErrBadInput)
	case strings.TrimSpace(text) == "":
		return fmt.Errorf("%w: the text is empty", annotate.ErrBadInput)
	}
	return nil
}

// CleanTitle returns a title as it is stored: one line, trimmed, inner
// white space and control characters collapsed to one space.
func CleanTitle(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, "\uFFFD"), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// DefaultTitle returns the title of a document of text when the reader
// gives none: its first line that is not blank, cleaned as CleanTitle does,
// cut to MaxTitle code points.
func DefaultTitle(text string) string {
	for line := range strings.Lines(text) {
		if t := CleanTitle(line); t != "" {
			if r := []rune(t); len(r) > MaxTitle {
				t = strings.TrimSpace(string(r[:MaxTitle]))
			}
			return t
		}
	}
	return ""
}

// checkTitle checks a stored title.
func checkTitle(t string) error {
	switch {
	case t == "":
		return fmt.Errorf(`%w: "title" is empty`, annotate.ErrBadInput)
	case CleanTitle(t) != t:
		return fmt.Errorf(`%w: "title" %q is not one trimmed line`, annotate.ErrBadInput, t)
	case utf8.RuneCountInString(t) > MaxTitle:
		return &annotate.LimitError{What: `"title"`, Got: utf8.RuneCountInString(t), Limit: MaxTitle, Unit: "code points"}
	}
	return nil
}

// checkShort checks a free-text field such as "source" against MaxSource.
func checkShort(field, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%q: %w", field, annotate.ErrNotText)
	}
	if n := utf8.RuneCountInString(s); n > MaxSource {
		return &annotate.LimitError{What: strconv.Quote(field), Got: n, Limit: MaxSource, Unit: "code points"}
	}
	return nil
}

// checkEntities checks stored entities against the text: each span in it
// and non-empty, a label, and the text between the offsets.
func checkEntities(t *annotate.Text, ents []annotate.Entity) error {
	for i, e := range ents {
		if err := t.CheckSpan(e.Start, e.End); err != nil {
			return fmt.Errorf(`"entities"[%d]: %w`, i, err)
		}
		if e.Label == "" || CleanTitle(string(e.Label)) != string(e.Label) || utf8.RuneCountInString(string(e.Label)) > annotate.MaxTag {
			return fmt.Errorf(`%w: "entities"[%d]: label %q: want a short one-line name`, annotate.ErrBadLabel, i, e.Label)
		}
		if q := t.Slice(e.Start, e.End); e.Text != q {
			return fmt.Errorf(`%w: "entities"[%d]: "text" is %q, but the text at [%d, %d) is %q`, annotate.ErrBadInput, i, e.Text, e.Start, e.End, q)
		}
	}
	return nil
}

// checkMeta checks what a documents record holds.
func checkMeta(m DocMeta) error {
	if err := checkDocID(m.ID); err != nil {
		return fmt.Errorf(`"id": %w`, err)
	}
	if err := checkTitle(m.Title); err != nil {
		return err
	}
	if y := m.Added.UTC().Year(); m.Added.IsZero() || y < 1 || y > 9999 {
		return fmt.Errorf(`%w: "added" is %v, want a date between the years 1 and 9999`, annotate.ErrBadInput, m.Added)
	}
	if err := checkShort("source", m.Source); err != nil {
		return err
	}
	if m.ReviewURL != "" {
		if u, err := annotate.CanonicalURL(m.ReviewURL); err != nil || u != m.ReviewURL {
			return fmt.Errorf(`%w: "review_url" %q: want an http or https URL in canonical form`, annotate.ErrBadInput, m.ReviewURL)
		}
	}
	if m.Notes < 0 || m.Claims < 0 || m.Claims > m.Notes {
		return fmt.Errorf(`%w: "notes" %d and "claims" %d: want 0 <= claims <= notes`, annotate.ErrBadInput, m.Notes, m.Claims)
	}
	return nil
}

// checkTextRecord checks what a texts record holds: the text of the
// document s.Meta.ID, and the entities and recognizer of its last
// tagging.
func checkTextRecord(s StoredDoc) error {
	if err := checkText(s.Text); err != nil {
		return err
	}
	if err := checkDocID(s.Meta.ID); err != nil {
		return fmt.Errorf(`"doc": %w`, err)
	}
	if id := annotate.DocumentID(s.Text); s.Meta.ID != id {
		return fmt.Errorf(`%w: the document is %s, but the text's id is %s`, annotate.ErrBadInput, s.Meta.ID, id)
	}
	return checkTextRecordIn(s, annotate.NewText(s.Text))
}

// checkTextRecordIn checks the rest of a texts record whose ID and text
// are known to be good, t being its text.
func checkTextRecordIn(s StoredDoc, t *annotate.Text) error {
	if err := checkShort("recognizer", s.Recognizer); err != nil {
		return err
	}
	if err := checkShort("claim_finder", s.ClaimFinder); err != nil {
		return err
	}
	for i, c := range s.Claims {
		if err := annotate.CheckClaimSuggestion(t, c); err != nil {
			return fmt.Errorf(`"claims"[%d]: %w`, i, err)
		}
	}
	return checkEntities(t, s.Entities)
}

// documentJSON is a documents record at schema 2, fields in the order
// they are written.
type documentJSON struct {
	Schema int    `json:"schema"`
	ID     string `json:"id"`
	Title  string `json:"title"`
	Added  string `json:"added"`
	Source string `json:"source"`
	Notes  int    `json:"notes"`
	Claims int    `json:"claims"`
	// ReviewURL is written only when set: records of documents without
	// one stay as they were.
	ReviewURL string `json:"review_url,omitempty"`
}

// EncodeDocument encodes the documents record of a document: its
// metadata, what the library lists (the text has a record of its own, see
// EncodeText). m.Added is written in UTC to the second. It refuses what
// DecodeDocument would refuse, naming the field.
func EncodeDocument(m DocMeta) ([]byte, error) {
	if err := checkMeta(m); err != nil {
		return nil, fmt.Errorf("encode %s record %q: %w", StoreDocuments, m.ID, err)
	}
	return json.Marshal(documentJSON{
		Schema: SchemaVersion, ID: m.ID, Title: m.Title, Added: w3c.Timestamp(m.Added),
		Source: m.Source, Notes: m.Notes, Claims: m.Claims, ReviewURL: m.ReviewURL,
	})
}

// DecodeDocument decodes a documents record of this schema. It checks
// every field (the id's form, the title one line, the counts) but not the
// text, which is in the texts record. A documents record of schema 1,
// which held the text too, is refused: the database upgrade splits those
// (see Upgrade). Errors wrap ErrBadInput (or ErrNewerSchema, or the
// sentinel of the check that failed) and name the field.
func DecodeDocument(raw []byte) (DocMeta, error) {
	m, err := decodeDocument(raw)
	if err != nil {
		return DocMeta{}, fmt.Errorf("decode %s record: %w", StoreDocuments, err)
	}
	return m, nil
}

func decodeDocument(raw []byte) (DocMeta, error) {
	if m, ok := decodeDocumentFast(raw); ok {
		return m, checkMeta(m)
	}
	var m DocMeta
	var r record
	var err error
	if r, err = openRecord(StoreDocuments, raw, "id", "title", "added", "source", "notes", "claims", "review_url"); err != nil {
		// review_url is optional: a record without one is read as
		// before.
		if r, err = openRecord(StoreDocuments, raw, "id", "title", "added", "source", "notes", "claims"); err != nil {
			return m, err
		}
	} else if m.ReviewURL, err = r.str("review_url"); err != nil {
		return m, err
	}
	var added string
	for _, f := range []struct {
		name string
		dst  *string
	}{{"id", &m.ID}, {"title", &m.Title}, {"added", &added}, {"source", &m.Source}} {
		if *f.dst, err = r.str(f.name); err != nil {
			return m, err
		}
	}
	if m.Notes, err = r.num("notes"); err != nil {
		return m, err
	}
	if m.Claims, err = r.num("claims"); err != nil {
		return m, err
	}
	if m.Added, err = w3c.ParseTime("added", added); err != nil {
		return m, err
	}
	return m, checkMeta(m)
}

// decodeDocumentFast reads a documents record laid out exactly as
// EncodeDocument writes it, the common case, in one pass without
// reflection: listing the library decodes every documents record. It
// reports false for any other record (other fields, another order, white
// space, escapes it does not take), which decodeDocument then reads field
// by field, naming what is wrong; what it reads, the general path reads
// the same.
func decodeDocumentFast(raw []byte) (DocMeta, bool) {
	p := fastRecord{raw: raw}
	var m DocMeta
	var added string
	ok := p.lit(`{"schema":`+strconv.Itoa(SchemaVersion)+`,"id":`) && p.str(&m.ID) &&
		p.lit(`,"title":`) && p.str(&m.Title) &&
		p.lit(`,"added":`) && p.str(&added) &&
		p.lit(`,"source":`) && p.str(&m.Source) &&
		p.lit(`,"notes":`) && p.num(&m.Notes) &&
		p.lit(`,"claims":`) && p.num(&m.Claims) &&
		(!p.lit(`,"review_url":`) || p.str(&m.ReviewURL)) &&
		p.lit(`}`) && len(p.raw) == 0
	if !ok {
		return DocMeta{}, false
	}
	t, err := w3c.ParseTime("added", added)
	if err != nil {
		return DocMeta{}, false
	}
	m.Added = t
	return m, true
}

// fastRecord reads a record's JSON in the layout Glossa writes it.
type fastRecord struct{ raw []byte }

// lit consumes s.
func (p *fastRecord) lit(s string) bool {
	if !bytes.HasPrefix(p.raw, []byte(s)) {
		return false
	}
	p.raw = p.raw[len(s):]
	return true
}

// str consumes a JSON string into dst: one without escapes as it is, one
// with them through encoding/json; one holding control characters or
// invalid UTF-8 is not taken.
func (p *fastRecord) str(dst *string) bool {
	if len(p.raw) == 0 || p.raw[0] != '"' {
		return false
	}
	escaped := false
	for i := 1; i < len(p.raw); i++ {
		switch c := p.raw[i]; {
		case c < 0x20:
			return false
		case c == '\\':
			escaped = true
			i++
		case c == '"':
			tok := p.raw[:i+1]
			if !utf8.Valid(tok) {
				return false
			}
			if escaped {
				if json.Unmarshal(tok, dst) != nil {
					return false
				}
			} else {
				*dst = string(tok[1:i])
			}
			p.raw = p.raw[i+1:]
			return true
		}
	}
	return false
}

// num consumes a whole number of at most nine digits, without a leading
// zero unless it is 0.
func (p *fastRecord) num(dst *int) bool {
	n := 0
	for n < len(p.raw) && n < 10 && p.raw[n] >= '0' && p.raw[n] <= '9' {
		n++
	}
	if n == 0 || n > 9 || n > 1 && p.raw[0] == '0' {
		return false
	}
	v := 0
	for _, c := range p.raw[:n] {
		v = v*10 + int(c-'0')
	}
	*dst, p.raw = v, p.raw[n:]
	return true
}

// textJSON is a texts record at schema 2, fields in the order they are
// written.
type textJSON struct {
	Schema      int                        `json:"schema"`
	Doc         string                     `json:"doc"`
	Text        string                     `json:"text"`
	Entities    []annotate.Entity          `json:"entities"`
	Recognizer  string                     `json:"recognizer"`
	Claims      []annotate.ClaimSuggestion `json:"claims"`
	ClaimFinder string                     `json:"claim_finder"`
}

// EncodeText encodes the texts record of document s: s.Meta.ID, s.Text,
// and the machine's last tagging, s.Entities (nil: never tagged) by
// s.Recognizer. It refuses what DecodeText would refuse, naming the field.
func EncodeText(s StoredDoc) ([]byte, error) { return encodeText(s, nil) }

// encodeText is EncodeText, given the document when the caller holds it
// (nil otherwise): if it is s's (its ID and text), its Text spares
// building the text's offsets again and hashing it, a long article's
// largest costs in checking the record.
func encodeText(s StoredDoc, d *annotate.Document) ([]byte, error) {
	var err error
	if d != nil && d.ID == s.Meta.ID && d.Text != nil && d.Text.String() == s.Text {
		err = checkTextRecordIn(s, d.Text)
	} else {
		err = checkTextRecord(s)
	}
	if err != nil {
		return nil, fmt.Errorf("encode %s record %q: %w", StoreTexts, s.Meta.ID, err)
	}
	return encodeTextFast(textJSON{Schema: SchemaVersion, Doc: s.Meta.ID, Text: s.Text, Entities: s.Entities, Recognizer: s.Recognizer,
		Claims: s.Claims, ClaimFinder: s.ClaimFinder}), nil
}

// textRecordPrefix is how a texts record of this schema for document id
// begins, as EncodeText writes it.
func textRecordPrefix(id string) []byte {
	b := []byte(`{"schema":` + strconv.Itoa(SchemaVersion) + `,"doc":`)
	return append(appendJSONString(b, id), `,"text":`...)
}

// DecodeText decodes a texts record of this schema into a StoredDoc that
// holds only Meta.ID, Text, Entities and Recognizer. It checks that the
// text is normalized and is the document's (its ID is the text's hash) and
// that the entities lie in it. Errors wrap ErrBadInput (or ErrNewerSchema,
// or the sentinel of the check that failed) and name the field.
func DecodeText(raw []byte) (StoredDoc, error) {
	s, err := decodeText(raw)
	if err != nil {
		return StoredDoc{}, fmt.Errorf("decode %s record: %w", StoreTexts, err)
	}
	return s, nil
}

func decodeText(raw []byte) (StoredDoc, error) {
	if s, ok := decodeTextFast(raw); ok {
		return s, checkTextRecord(s)
	}
	return decodeTextGeneral(raw)
}

// decodeTextGeneral reads a texts record field by field, naming what is
// wrong.
func decodeTextGeneral(raw []byte) (StoredDoc, error) {
	var s StoredDoc
	r, err := openRecord(StoreTexts, raw, "doc", "text", "entities", "recognizer", "claims", "claim_finder")
	if err != nil {
		return s, err
	}
	if s.Meta.ID, err = r.str("doc"); err != nil {
		return s, err
	}
	if s.Text, err = r.str("text"); err != nil {
		return s, err
	}
	if s.Recognizer, err = r.str("recognizer"); err != nil {
		return s, err
	}
	if s.Entities, err = decodeEntities(r["entities"]); err != nil {
		return s, err
	}
	if s.ClaimFinder, err = r.str("claim_finder"); err != nil {
		return s, err
	}
	if s.Claims, err = decodeClaims(r["claims"]); err != nil {
		return s, err
	}
	return s, checkTextRecord(s)
}

// decodeClaims reads the "claims" of a texts record: null (none looked
// for) or an array of claim suggestions with exactly their fields.
func decodeClaims(raw json.RawMessage) ([]annotate.ClaimSuggestion, error) {
	if rawjson.IsNull(raw) {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	cs := []annotate.ClaimSuggestion{}
	if err := dec.Decode(&cs); err != nil {
		return nil, fmt.Errorf(`%w: "claims": %s`, annotate.ErrBadInput, rawjson.Describe(err))
	}
	return cs, nil
}

// decodeEntities reads the "entities" of a record: null (never tagged) or
// an array of entities with exactly their fields.
func decodeEntities(raw json.RawMessage) ([]annotate.Entity, error) {
	if rawjson.IsNull(raw) {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	ents := []annotate.Entity{}
	if err := dec.Decode(&ents); err != nil {
		return nil, fmt.Errorf(`%w: "entities": %s`, annotate.ErrBadInput, rawjson.Describe(err))
	}
	return ents, nil
}

// noteJSON is an annotations record at schema 2.
type noteJSON struct {
	Schema     int             `json:"schema"`
	Doc        string          `json:"doc"`
	Annotation json.RawMessage `json:"annotation"`
}

// EncodeNote encodes the annotations record of note n of document d, whose
// ID is docID. The note must read back as exactly itself: EncodeNote
// decodes what it wrote with NoteFromAnnotation and refuses a note that
// does not (a span outside the text, a bad label, a time that is not UTC
// to the second…), with the error naming the field.
func EncodeNote(docID string, n annotate.Note, d *annotate.Document) ([]byte, error) {
	raw, err := encodeNote(docID, n, d)
	if err != nil {
		return nil, fmt.Errorf("encode %s record %q: %w", StoreAnnotations, n.ID, err)
	}
	return raw, nil
}

func encodeNote(docID string, n annotate.Note, d *annotate.Document) ([]byte, error) {
	if d == nil || d.ID != docID {
		return nil, fmt.Errorf("%w: the note's document is not %s", annotate.ErrBadInput, docID)
	}
	ann, err := json.Marshal(w3c.NoteAnnotation(n, d))
	if err != nil {
		return nil, err
	}
	var a w3c.Annotation
	if err := json.Unmarshal(ann, &a); err != nil {
		return nil, err
	}
	back, err := w3c.NoteFromAnnotation(a, d)
	if err != nil {
		return nil, err
	}
	if diff := noteDiff(back, n); len(diff) > 0 {
		return nil, fmt.Errorf("%w: the note would not read back as it is: %s differ", annotate.ErrBadInput, strings.Join(diff, ", "))
	}
	return json.Marshal(noteJSON{Schema: SchemaVersion, Doc: docID, Annotation: ann})
}

// DecodeNote decodes an annotations record of document d, of this schema
// or an older one, and returns the document ID it names and the note. The
// annotation is read with NoteFromAnnotation, so it is checked as the
// workspace operations check their input; its document must be d. Errors
// wrap ErrBadInput (or ErrNewerSchema, or the sentinel of the check that
// failed) and name the field.
func DecodeNote(raw []byte, d *annotate.Document) (docID string, n annotate.Note, err error) {
	docID, n, err = decodeNote(raw, d)
	if err != nil {
		return "", annotate.Note{}, fmt.Errorf("decode %s record: %w", StoreAnnotations, err)
	}
	return docID, n, nil
}

func decodeNote(raw []byte, d *annotate.Document) (string, annotate.Note, error) {
	r, err := openRecord(StoreAnnotations, raw, "doc", "annotation")
	if err != nil {
		return "", annotate.Note{}, err
	}
	doc, err := r.str("doc")
	if err != nil {
		return "", annotate.Note{}, err
	}
	if d == nil || doc != d.ID {
		return "", annotate.Note{}, fmt.Errorf(`%w: "doc" is %q, not the document it is read with`, annotate.ErrBadInput, doc)
	}
	var a w3c.Annotation
	if err := json.Unmarshal(r["annotation"], &a); err != nil {
		return "", annotate.Note{}, fmt.Errorf(`"annotation": %w`, err)
	}
	n, err := w3c.NoteFromAnnotation(a, d)
	if err != nil {
		return "", annotate.Note{}, fmt.Errorf(`"annotation": %w`, err)
	}
	return doc, n, nil
}

// decisionJSON is a decisions record at schema 2.
type decisionJSON struct {
	Schema int            `json:"schema"`
	Doc    string         `json:"doc"`
	Kind   DecisionKind   `json:"kind"`
	Start  int            `json:"start"`
	End    int            `json:"end"`
	Label  annotate.Label `json:"label"`
}

// checkDecision checks a decision's fields; the span is checked against
// the text where the document is at hand (see PlanChange and LoadDoc).
func checkDecision(docID string, kind DecisionKind, k annotate.SuggestionKey) error {
	if err := checkDocID(docID); err != nil {
		return fmt.Errorf(`"doc": %w`, err)
	}
	if kind != DecisionRejected && kind != DecisionAccepted {
		return fmt.Errorf(`%w: "kind" is %q, want "rejected" or "accepted"`, annotate.ErrBadInput, kind)
	}
	if k.Span.Start < 0 || k.Span.End <= k.Span.Start {
		return fmt.Errorf(`%w: "start" %d and "end" %d: want 0 <= start < end`, annotate.ErrBadSpan, k.Span.Start, k.Span.End)
	}
	if err := annotate.CheckLabel(k.Label); err != nil {
		return fmt.Errorf(`"label": %w`, err)
	}
	return nil
}

// EncodeDecision encodes the decisions record of a rejected or accepted
// suggestion k of document docID (its key is DecisionKey).
func EncodeDecision(docID string, kind DecisionKind, k annotate.SuggestionKey) ([]byte, error) {
	if err := checkDecision(docID, kind, k); err != nil {
		return nil, fmt.Errorf("encode %s record %q: %w", StoreDecisions, DecisionKey(docID, kind, k), err)
	}
	return json.Marshal(decisionJSON{SchemaVersion, docID, kind, k.Span.Start, k.Span.End, k.Label})
}

// DecodeDecision decodes a decisions record, of this schema or an older
// one. Errors wrap ErrBadInput (or ErrNewerSchema, ErrBadSpan, ErrBadLabel)
// and name the field.
func DecodeDecision(raw []byte) (docID string, kind DecisionKind, k annotate.SuggestionKey, err error) {
	docID, kind, k, err = decodeDecision(raw)
	if err != nil {
		return "", "", annotate.SuggestionKey{}, fmt.Errorf("decode %s record: %w", StoreDecisions, err)
	}
	return docID, kind, k, nil
}

func decodeDecision(raw []byte) (string, DecisionKind, annotate.SuggestionKey, error) {
	var k annotate.SuggestionKey
	r, err := openRecord(StoreDecisions, raw, "doc", "kind", "start", "end", "label")
	if err != nil {
		return "", "", k, err
	}
	doc, err := r.str("doc")
	if err != nil {
		return "", "", k, err
	}
	kind, err := r.str("kind")
	if err != nil {
		return "", "", k, err
	}
	label, err := r.str("label")
	if err != nil {
		return "", "", k, err
	}
	k.Label = annotate.Label(label)
	if k.Span.Start, err = r.num("start"); err != nil {
		return "", "", k, err
	}
	if k.Span.End, err = r.num("end"); err != nil {
		return "", "", k, err
	}
	return doc, DecisionKind(kind), k, checkDecision(doc, DecisionKind(kind), k)
}

// EncodeSetting encodes a settings record holding value, which must encode
// as JSON and not as null.
func EncodeSetting(value any) ([]byte, error) {
	v, err := json.Marshal(value)
	if err == nil && rawjson.IsNull(v) {
		err = fmt.Errorf(`%w: "value" is null`, annotate.ErrBadInput)
	}
	if err != nil {
		return nil, fmt.Errorf("encode %s record: %w", StoreSettings, err)
	}
	return json.Marshal(struct {
		Schema int             `json:"schema"`
		Value  json.RawMessage `json:"value"`
	}{SchemaVersion, v})
}

// DecodeSetting decodes a settings record, of this schema or an older one,
// and returns its value as compact JSON, to unmarshal into the setting's
// type.
func DecodeSetting(raw []byte) (json.RawMessage, error) {
	r, err := openRecord(StoreSettings, raw, "value")
	if err == nil && rawjson.IsNull(r["value"]) {
		err = fmt.Errorf(`%w: "value" is null`, annotate.ErrBadInput)
	}
	if err != nil {
		return nil, fmt.Errorf("decode %s record: %w", StoreSettings, err)
	}
	var b bytes.Buffer
	if err := json.Compact(&b, r["value"]); err != nil {
		return nil, fmt.Errorf("decode %s record: %w: %s", StoreSettings, annotate.ErrBadInput, rawjson.Describe(err))
	}
	return b.Bytes(), nil
}

// noteDiff names the fields in which two notes differ: every field,
// Modified included; times compare as instants.
func noteDiff(a, b annotate.Note) []string {
	var d []string
	add := func(differ bool, name string) {
		if differ {
			d = append(d, name)
		}
	}
	add(a.ID != b.ID, "id")
	add(a.Span != b.Span, "span")
	add(a.Label != b.Label, "label")
	add(a.Comment != b.Comment, "comment")
	add(!slices.Equal(a.Tags, b.Tags), "tags")
	add(a.Speaker != b.Speaker, "speaker")
	add(a.Verdict != b.Verdict, "verdict")
	add(a.Evidence != b.Evidence, "evidence")
	add(a.Creator != b.Creator, "creator")
	add((a.ProposedBy == nil) != (b.ProposedBy == nil) || a.ProposedBy != nil && *a.ProposedBy != *b.ProposedBy, "proposedBy")
	add(!sameTime(a.Created, b.Created), "created")
	add(!sameTime(a.Modified, b.Modified), "modified")
	return d
}

// sameTime reports whether two note times are the same instant, with the
// same location being UTC or not (a time that is not UTC does not read
// back as itself).
func sameTime(a, b time.Time) bool {
	return a.Equal(b) && (a.Location() == time.UTC) == (b.Location() == time.UTC)
}

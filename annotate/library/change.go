package library

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"glossa/annotate"
)

// Change is one user action's writes to one document, saved whole or not
// at all (one transaction), with any change of the library's learned
// records it brings. Diff makes the Change of an edit, PutDoc that of a
// new document.
type Change struct {
	// DocID names the document; "" for a change of learned records alone.
	DocID string
	// Doc, if not nil, is the document DocID names, as the caller holds
	// it: notes and decisions are checked and encoded against it, without
	// reading and parsing the stored text again (for a long article, most
	// of a save's time). Diff sets it. One whose ID is not DocID is
	// ignored. It is not encoded: a Change sent as JSON (from the worker
	// that plans imports) leaves it nil, and Apply reads the text.
	Doc *annotate.Document `json:"-"`
	// PutMeta and PutText create the document (both are needed then) or,
	// PutMeta alone, rename it or set its review URL. The text of a document never changes (its
	// ID is the text's hash): a PutText that differs is refused. PutMeta's
	// ID must be DocID, an empty Title means DefaultTitle, and its Notes
	// and Claims are ignored (Apply counts).
	PutMeta *DocMeta
	PutText *string
	// PutNotes writes notes whole, new or changed; DeleteNotes deletes
	// notes by ID (an absent one is no error).
	PutNotes    []annotate.Note
	DeleteNotes []string
	// The suggestions decided, and no longer decided (after an undo).
	PutRejected, DeleteRejected []annotate.SuggestionKey
	PutAccepted, DeleteAccepted []annotate.SuggestionKey
	// PutEntities, if not nil, replaces the machine's tagging kept with
	// the document (a pointer to nil: never tagged), by Recognizer.
	PutEntities *[]annotate.Entity
	Recognizer  string
	// PutClaims, if not nil, replaces the claims kept with the document
	// (a pointer to nil: none looked for), by ClaimFinder.
	PutClaims   *[]annotate.ClaimSuggestion
	ClaimFinder string
	// AddOrphans adds imported annotations that could not be anchored
	// (see orphans.go); those already kept are skipped.
	AddOrphans []Orphan
	// DeleteDoc deletes the document and all its records. It comes alone
	// (learned records may come with it).
	DeleteDoc bool
	// Setting, if not nil, sets a setting of the library; a change that
	// sets one has no DocID and changes nothing else.
	Setting *SettingChange
	// PutLearned writes learned records (see Learned), unless the library
	// holds one of the same key learned from more corrections: a record
	// replacing another keeps its Imported mark. DeleteLearned deletes
	// learned records by key (LearnedKey); an absent one is no error. They
	// are the library's, not the document's.
	PutLearned    []Learned
	DeleteLearned []string
}

// Diff returns the Change that turns before into after, two Workspaces of
// the same document: it puts the notes of after that are new or differ in
// any field (Modified included), deletes the notes of before that after
// lacks, and puts and deletes the differences of the rejected and accepted
// sets. Notes come in after's order, deleted IDs and keys in document
// order. Applying Diff(a, b) to a store holding a leaves it holding b.
// Suggestions and entities are not part of it (see Change.PutEntities).
func Diff(before, after annotate.Workspace) Change {
	var c Change
	if after.Doc != nil {
		c.DocID, c.Doc = after.Doc.ID, after.Doc
	} else if before.Doc != nil {
		c.DocID, c.Doc = before.Doc.ID, before.Doc
	}
	old := make(map[string]annotate.Note, len(before.Notes))
	for _, n := range before.Notes {
		old[n.ID] = n
	}
	kept := make(map[string]bool, len(after.Notes))
	for _, n := range after.Notes {
		kept[n.ID] = true
		if o, ok := old[n.ID]; !ok || len(noteDiff(o, n)) > 0 {
			c.PutNotes = append(c.PutNotes, n)
		}
	}
	for _, n := range before.Notes {
		if !kept[n.ID] {
			c.DeleteNotes = append(c.DeleteNotes, n.ID)
		}
	}
	c.PutRejected, c.DeleteRejected = setDiff(before.Rejected, after.Rejected)
	c.PutAccepted, c.DeleteAccepted = setDiff(before.Accepted, after.Accepted)
	return c
}

// setDiff returns the keys set in after and not before, and those set in
// before and not after, each sorted.
func setDiff(before, after map[annotate.SuggestionKey]bool) (put, del []annotate.SuggestionKey) {
	for k, ok := range after {
		if ok && !before[k] {
			put = append(put, k)
		}
	}
	for k, ok := range before {
		if ok && !after[k] {
			del = append(del, k)
		}
	}
	slices.SortFunc(put, annotate.CompareKeys)
	slices.SortFunc(del, annotate.CompareKeys)
	return put, del
}

// PutDoc returns the Change that writes s whole: its document record, its
// notes, its decisions and its entities. It adds a new document (or undoes
// a DeleteDoc); on a document already stored it renames and writes, but
// deletes nothing.
func PutDoc(s StoredDoc) Change {
	meta, text := s.Meta, s.Text
	c := Change{
		DocID: s.Meta.ID, PutMeta: &meta, PutText: &text,
		PutNotes:    slices.Clone(s.Notes),
		PutRejected: slices.Clone(s.Rejected), PutAccepted: slices.Clone(s.Accepted),
	}
	if s.Entities != nil || s.Recognizer != "" {
		ents := slices.Clone(s.Entities)
		c.PutEntities, c.Recognizer = &ents, s.Recognizer
	}
	if s.Claims != nil || s.ClaimFinder != "" {
		cs := slices.Clone(s.Claims)
		c.PutClaims, c.ClaimFinder = &cs, s.ClaimFinder
	}
	return c
}

// Write is one write of a planned Change: a put of Raw (the encoded
// record) under Store and Key, or a delete.
type Write struct {
	Store, Key string
	Doc        string // the document the record belongs to (its "doc", or its ID)
	Raw        []byte // nil for a delete
	Delete     bool
}

// PlanChange validates c against the records r reads and returns the
// writes that apply it, encoded in the record format. It is Apply's whole
// logic, shared by every Store: an adapter reads through r and then makes
// the writes in the same read-write transaction, all or none. It reads
// first and writes nothing itself; on error there is nothing to write.
//
// It refuses, with an error naming the document, record and field: a
// change to a document that is not stored (ErrNotFound) unless it creates
// it; a document record that cannot be read (ErrCorrupt) or that a newer
// Glossa wrote (ErrNewerSchema); a note that would not read back as itself
// (EncodeNote), a decision or entity outside the text, the same note or
// decision both put and deleted (ErrBadInput); a note ID that another
// document's record holds (ErrDuplicate); overwriting or deleting any
// record of a newer schema (ErrNewerSchema). An unreadable note or
// decision record is overwritten or deleted only when the change names
// its key; nothing else touches it. The documents record is written when
// the document is new, renamed or its counts change, the texts record
// when it is new or retagged. Learned records are planned as Change
// describes; an unreadable one the change puts is refused (ErrCorrupt).
func PlanChange(r RecordReader, c Change) ([]Write, error) {
	ws, err := planChange(r, c)
	if err != nil {
		what := c.DocID
		if what == "" {
			what = "what the model learned"
		}
		return nil, fmt.Errorf("apply change to %s: %w", what, err)
	}
	return ws, nil
}

// PlanAll plans several changes as one: each is validated, as PlanChange
// does, against the records r reads as the changes before it leave them,
// and the writes of all are returned, one per record (a record written
// twice is written once, as the last change left it; one put and then
// deleted is deleted). An adapter makes them in one read-write transaction,
// all or none; on error there is nothing to write.
func PlanAll(r RecordReader, changes []Change) ([]Write, error) {
	o := newOverlay(r)
	for _, c := range changes {
		ws, err := PlanChange(o, c)
		if err != nil {
			return nil, err
		}
		o.add(ws)
	}
	return o.writes(), nil
}

func planChange(r RecordReader, c Change) ([]Write, error) {
	if c.Setting != nil {
		if c.DocID != "" || !reflect.DeepEqual(c, Change{Setting: c.Setting}) {
			return nil, fmt.Errorf("%w: a setting's change changes no document", annotate.ErrBadInput)
		}
		return planSetting(r, *c.Setting)
	}
	learned, err := planLearned(r, c.PutLearned, c.DeleteLearned)
	if err != nil {
		return nil, err
	}
	if c.DocID == "" && (len(c.PutLearned) > 0 || len(c.DeleteLearned) > 0) {
		if !c.learnedOnly() {
			return nil, fmt.Errorf("%w: a change without a document id changes learned records only", annotate.ErrBadInput)
		}
		return learned, nil
	}
	ws, err := planDocChange(r, c)
	if err != nil {
		return nil, err
	}
	return append(ws, learned...), nil
}

// learnedOnly reports whether c changes learned records and nothing else.
func (c Change) learnedOnly() bool {
	d := c
	d.PutLearned, d.DeleteLearned = nil, nil
	return d.PutMeta == nil && d.PutText == nil && d.PutNotes == nil && d.DeleteNotes == nil &&
		d.PutRejected == nil && d.DeleteRejected == nil && d.PutAccepted == nil && d.DeleteAccepted == nil &&
		d.PutEntities == nil && d.Recognizer == "" && d.PutClaims == nil && d.ClaimFinder == "" &&
		d.AddOrphans == nil && !d.DeleteDoc && d.Setting == nil
}

func planDocChange(r RecordReader, c Change) ([]Write, error) {
	if err := checkDocID(c.DocID); err != nil {
		return nil, err
	}
	raw, exists, err := r.Get(StoreDocuments, c.DocID)
	if err != nil {
		return nil, err
	}
	if c.DeleteDoc {
		return planDelete(r, c, raw, exists)
	}
	// cur is what is stored: the documents record, and the texts record
	// once it is needed (text reads it).
	var cur StoredDoc
	var textRead bool
	text := func() (StoredDoc, error) {
		if !textRead {
			t, err := loadText(r, c.DocID)
			if err != nil {
				return StoredDoc{}, err
			}
			cur.Text, cur.Entities, cur.Recognizer, textRead = t.Text, t.Entities, t.Recognizer, true
			cur.Claims, cur.ClaimFinder = t.Claims, t.ClaimFinder
		}
		return cur, nil
	}
	if exists {
		if cur.Meta, err = DecodeDocument(raw); err == nil && cur.Meta.ID != c.DocID {
			err = fmt.Errorf("%w: its id is %s", annotate.ErrBadInput, cur.Meta.ID)
		}
		if err != nil {
			return nil, recordError(StoreDocuments, c.DocID, err)
		}
		if c.PutText != nil {
			if _, err := text(); err != nil {
				return nil, err
			}
			if *c.PutText != cur.Text {
				return nil, fmt.Errorf("%w: PutText: a document's text never changes (its id is the text's hash)", annotate.ErrBadInput)
			}
		}
	} else {
		if c.PutMeta == nil || c.PutText == nil {
			return nil, fmt.Errorf("%w: no such document (a new one needs PutMeta and PutText)", annotate.ErrNotFound)
		}
		if err := checkText(*c.PutText); err != nil {
			return nil, fmt.Errorf("PutText: %w", err)
		}
		if old, ok, err := r.Get(StoreTexts, c.DocID); err != nil {
			return nil, err
		} else if ok {
			if err := checkOverwrite(StoreTexts, c.DocID, c.DocID, old); err != nil {
				return nil, err
			}
		}
		cur = StoredDoc{Meta: DocMeta{ID: c.DocID}, Text: *c.PutText}
		textRead = true
	}
	var d *annotate.Document
	if c.Doc != nil && c.Doc.ID == c.DocID {
		d = c.Doc
	}
	if exists && !textRead && d != nil && c.PutEntities != nil && c.PutClaims != nil {
		// The change replaces all the texts record holds beside the text,
		// and the caller's document gives the text: the stored record is
		// only looked at, not decoded (for a long article, a third of the
		// save's time as WebAssembly). One that is not plainly a whole
		// record of this schema and this document is read whole below,
		// which refuses what it must.
		raw, ok, err := r.Get(StoreTexts, c.DocID)
		if err != nil {
			return nil, err
		}
		if ok && bytes.HasPrefix(raw, textRecordPrefix(c.DocID)) && json.Valid(raw) {
			cur.Text, textRead = d.Text.String(), true
		}
	}
	next := cur
	writeMeta, writeText := !exists, !exists
	if m := c.PutMeta; m != nil {
		if m.ID != c.DocID {
			return nil, fmt.Errorf("%w: PutMeta: its id is %s", annotate.ErrBadInput, m.ID)
		}
		next.Meta.Title = CleanTitle(m.Title)
		if next.Meta.Title == "" {
			if _, err := text(); err != nil {
				return nil, err
			}
			next.Meta.Title = DefaultTitle(cur.Text)
		}
		next.Meta.Added, next.Meta.Source, next.Meta.ReviewURL = annotate.Stamp(m.Added), m.Source, m.ReviewURL
		writeMeta = writeMeta || next.Meta != cur.Meta
	}
	doc := func() (*annotate.Document, error) {
		if d == nil {
			if _, err := text(); err != nil {
				return nil, err
			}
			d = annotate.NewDocument(cur.Text)
		}
		return d, nil
	}
	if c.PutEntities != nil {
		if _, err := text(); err != nil {
			return nil, err
		}
		d, err := doc()
		if err != nil {
			return nil, err
		}
		ents := slices.Clone(*c.PutEntities)
		for i, e := range ents {
			if err := d.Text.CheckSpan(e.Start, e.End); err != nil {
				return nil, fmt.Errorf("PutEntities[%d]: %w", i, err)
			}
			ents[i].Text = d.Text.Slice(e.Start, e.End)
		}
		next.Text, next.Entities, next.Recognizer = cur.Text, ents, c.Recognizer
		writeText = true
	} else if c.Recognizer != "" {
		return nil, fmt.Errorf("%w: Recognizer without PutEntities", annotate.ErrBadInput)
	}
	if c.PutClaims != nil {
		if _, err := text(); err != nil {
			return nil, err
		}
		d, err := doc()
		if err != nil {
			return nil, err
		}
		cs := slices.Clone(*c.PutClaims)
		for i, cl := range cs {
			if err := annotate.CheckClaimSuggestion(d.Text, cl); err != nil {
				return nil, fmt.Errorf("PutClaims[%d]: %w", i, err)
			}
		}
		next.Text, next.Claims, next.ClaimFinder = cur.Text, cs, c.ClaimFinder
		if c.PutEntities == nil {
			next.Entities, next.Recognizer = cur.Entities, cur.Recognizer
		}
		writeText = true
	} else if c.ClaimFinder != "" {
		return nil, fmt.Errorf("%w: ClaimFinder without PutClaims", annotate.ErrBadInput)
	}

	var writes []Write
	seen := map[string]bool{}
	for _, n := range c.PutNotes {
		if seen[n.ID] {
			return nil, fmt.Errorf("%w: note %s is put twice", annotate.ErrBadInput, n.ID)
		}
		seen[n.ID] = true
		d, err := doc()
		if err != nil {
			return nil, err
		}
		enc, err := EncodeNote(c.DocID, n, d)
		if err != nil {
			return nil, err
		}
		old, err := oldNote(r, c.DocID, n.ID, d)
		if err != nil {
			return nil, err
		}
		if old != nil && len(noteDiff(*old, n)) == 0 {
			continue // already stored as it is
		}
		next.Meta.Notes, next.Meta.Claims = recount(next.Meta.Notes, next.Meta.Claims, old, -1)
		next.Meta.Notes, next.Meta.Claims = recount(next.Meta.Notes, next.Meta.Claims, &n, +1)
		writes = append(writes, Write{Store: StoreAnnotations, Key: n.ID, Doc: c.DocID, Raw: enc})
	}
	for _, id := range c.DeleteNotes {
		if seen[id] {
			return nil, fmt.Errorf("%w: note %s is both put and deleted", annotate.ErrBadInput, id)
		}
		seen[id] = true
		_, ok, err := r.Get(StoreAnnotations, id)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		d, err := doc()
		if err != nil {
			return nil, err
		}
		old, err := oldNote(r, c.DocID, id, d)
		if err != nil {
			return nil, err
		}
		next.Meta.Notes, next.Meta.Claims = recount(next.Meta.Notes, next.Meta.Claims, old, -1)
		writes = append(writes, Write{Store: StoreAnnotations, Key: id, Doc: c.DocID, Delete: true})
	}
	for _, set := range []struct {
		kind     DecisionKind
		put, del []annotate.SuggestionKey
	}{{DecisionRejected, c.PutRejected, c.DeleteRejected}, {DecisionAccepted, c.PutAccepted, c.DeleteAccepted}} {
		ws, err := planDecisions(r, c.DocID, doc, set.kind, set.put, set.del)
		if err != nil {
			return nil, err
		}
		writes = append(writes, ws...)
	}
	if next.Meta.Notes != cur.Meta.Notes || next.Meta.Claims != cur.Meta.Claims {
		writeMeta = true
	}
	if writeText {
		enc, err := encodeText(next, d)
		if err != nil {
			return nil, err
		}
		writes = append([]Write{{Store: StoreTexts, Key: c.DocID, Doc: c.DocID, Raw: enc}}, writes...)
	}
	if writeMeta {
		enc, err := EncodeDocument(next.Meta)
		if err != nil {
			return nil, err
		}
		writes = append([]Write{{Store: StoreDocuments, Key: c.DocID, Doc: c.DocID, Raw: enc}}, writes...)
	}
	ow, err := planOrphans(r, c.DocID, c.AddOrphans)
	if err != nil {
		return nil, err
	}
	return append(writes, ow...), nil
}

// recount adds sign times note n (if not nil) to the counts of notes and
// claims, never below zero.
func recount(notes, claims int, n *annotate.Note, sign int) (int, int) {
	if n == nil {
		return notes, claims
	}
	notes = max(0, notes+sign)
	if n.Label == annotate.Claim {
		claims = max(0, claims+sign)
	}
	return notes, min(claims, notes)
}

// oldNote reads the stored note id before a change to document docID
// overwrites or deletes it: nil if there is none or it cannot be read. It
// refuses a record of another document or of a newer schema.
func oldNote(r RecordReader, docID, id string, d *annotate.Document) (*annotate.Note, error) {
	raw, ok, err := r.Get(StoreAnnotations, id)
	if err != nil || !ok {
		return nil, err
	}
	if err := checkOverwrite(StoreAnnotations, id, docID, raw); err != nil {
		return nil, err
	}
	if _, n, err := DecodeNote(raw, d); err == nil && n.ID == id {
		return &n, nil
	}
	return nil, nil
}

// planDecisions plans the puts and deletes of one kind of decision; doc
// gives the document, to check the spans put against its text.
func planDecisions(r RecordReader, docID string, doc func() (*annotate.Document, error), kind DecisionKind, put, del []annotate.SuggestionKey) ([]Write, error) {
	var writes []Write
	seen := map[string]bool{}
	for i, keys := range [][]annotate.SuggestionKey{put, del} {
		for _, k := range keys {
			key := DecisionKey(docID, kind, k)
			if seen[key] {
				return nil, fmt.Errorf("%w: decision %q is put or deleted twice", annotate.ErrBadInput, key)
			}
			seen[key] = true
			raw, ok, err := r.Get(StoreDecisions, key)
			if err != nil {
				return nil, err
			}
			if ok {
				if err := checkOverwrite(StoreDecisions, key, docID, raw); err != nil {
					return nil, err
				}
			}
			if i == 1 {
				if ok {
					writes = append(writes, Write{Store: StoreDecisions, Key: key, Doc: docID, Delete: true})
				}
				continue
			}
			d, err := doc()
			if err != nil {
				return nil, err
			}
			if err := d.Text.CheckSpan(k.Span.Start, k.Span.End); err != nil {
				return nil, fmt.Errorf("decision %q: %w", key, err)
			}
			enc, err := EncodeDecision(docID, kind, k)
			if err != nil {
				return nil, err
			}
			writes = append(writes, Write{Store: StoreDecisions, Key: key, Doc: docID, Raw: enc})
		}
	}
	return writes, nil
}

// planDelete plans a DeleteDoc: the deletes of the document record and of
// every annotations and decisions record the "by-doc" index finds for it.
func planDelete(r RecordReader, c Change, raw []byte, exists bool) ([]Write, error) {
	if c.PutMeta != nil || c.PutText != nil || len(c.PutNotes)+len(c.DeleteNotes)+len(c.PutRejected)+len(c.DeleteRejected)+
		len(c.PutAccepted)+len(c.DeleteAccepted)+len(c.AddOrphans) > 0 || c.PutEntities != nil || c.Recognizer != "" || c.PutClaims != nil || c.ClaimFinder != "" {
		return nil, fmt.Errorf("%w: DeleteDoc comes alone", annotate.ErrBadInput)
	}
	var writes []Write
	if exists {
		if err := checkOverwrite(StoreDocuments, c.DocID, "", raw); err != nil {
			return nil, err
		}
		writes = append(writes, Write{Store: StoreDocuments, Key: c.DocID, Doc: c.DocID, Delete: true})
	}
	if raw, ok, err := r.Get(StoreTexts, c.DocID); err != nil {
		return nil, err
	} else if ok {
		if err := checkOverwrite(StoreTexts, c.DocID, "", raw); err != nil {
			return nil, err
		}
		writes = append(writes, Write{Store: StoreTexts, Key: c.DocID, Doc: c.DocID, Delete: true})
	}
	for _, store := range []string{StoreAnnotations, StoreDecisions} {
		recs, err := r.ByDoc(store, c.DocID)
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			if err := checkOverwrite(store, rec.Key, "", rec.Raw); err != nil {
				return nil, err
			}
			writes = append(writes, Write{Store: store, Key: rec.Key, Doc: c.DocID, Delete: true})
		}
	}
	if raw, ok, err := r.Get(StoreSettings, OrphansKey(c.DocID)); err != nil {
		return nil, err
	} else if ok && len(writes) > 0 {
		if err := checkOverwrite(StoreSettings, OrphansKey(c.DocID), "", raw); err != nil {
			return nil, err
		}
		writes = append(writes, Write{Store: StoreSettings, Key: OrphansKey(c.DocID), Doc: c.DocID, Delete: true})
	}
	if len(writes) == 0 {
		return nil, fmt.Errorf("%w: no such document", annotate.ErrNotFound)
	}
	return writes, nil
}

// checkOverwrite checks that a change to document docID may overwrite or
// delete a stored record: not of a newer schema and, if docID is given and
// the record names its document, of that document.
func checkOverwrite(store, key, docID string, raw []byte) error {
	var peek struct {
		Schema int    `json:"schema"`
		Doc    string `json:"doc"`
	}
	_ = json.Unmarshal(raw, &peek) // as far as it goes: an unreadable record may be overwritten
	switch {
	case peek.Schema > SchemaVersion:
		return fmt.Errorf("%s record %q: %w: schema %d, this version writes %d and never overwrites a newer record", store, key, ErrNewerSchema, peek.Schema, SchemaVersion)
	case docID != "" && peek.Doc != "" && peek.Doc != docID:
		return fmt.Errorf("%s record %q: %w: it belongs to document %s", store, key, annotate.ErrDuplicate, peek.Doc)
	}
	return nil
}

// recordError wraps the error of a stored record that cannot be read,
// naming its store and key: ErrNewerSchema stays as it is, anything else
// is ErrCorrupt too.
func recordError(store, key string, err error) error {
	if isNewer(err) {
		return fmt.Errorf("%s record %q: %w", store, key, err)
	}
	return fmt.Errorf("%s record %q: %w: %w", store, key, ErrCorrupt, err)
}

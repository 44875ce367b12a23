package library

import (
	"fmt"
	"slices"
	"time"

	"glossa/annotate"
)

// DocMeta is what the library lists about a document.
type DocMeta struct {
	ID     string    // the document's ID (urn:sha256:… of its normalized text)
	Title  string    // editable; defaults to the first line (see DefaultTitle)
	Added  time.Time // UTC, to the second
	Source string    // where it came from: "sample", "paste", a file name
	// ReviewURL is the page where the reader publishes their fact check
	// of the article: the "url" of its ClaimReview export. "" until they
	// set one; else an http(s) URL in canonical form
	// (annotate.CanonicalURL).
	ReviewURL string
	// Notes and Claims count the document's notes and the CLAIMs among
	// them; Apply keeps them up to date, and ignores what a Change gives.
	Notes, Claims int
}

// StoredDoc is one document with everything saved about it.
type StoredDoc struct {
	Meta     DocMeta
	Text     string          // normalized (see annotate.NormalizeText)
	Notes    []annotate.Note // in document order, as a annotate.Workspace holds them
	Rejected []annotate.SuggestionKey
	Accepted []annotate.SuggestionKey
	// Entities are the machine's last tagging, kept with the document:
	// nil if it was never tagged, empty if the tagging found nothing.
	Entities   []annotate.Entity
	Recognizer string // who found Entities (a tagger build id or name)
	// Claims are the claims the machine found at that tagging (nil if it
	// looked for none), by ClaimFinder.
	Claims      []annotate.ClaimSuggestion
	ClaimFinder string
	Orphans     []Orphan // imported annotations that could not be anchored
}

// NewStoredDoc returns a new document of the library, without notes: text
// normalized (see NormalizeText), titled by its first line, added at now
// (UTC, to the second), from source ("sample", "paste", a file name). Text
// that is not UTF-8, only white space or over annotate.MaxTextBytes is refused.
func NewStoredDoc(text, source string, now time.Time) (StoredDoc, error) {
	norm, err := annotate.NormalizeText([]byte(text))
	if err == nil {
		err = checkText(norm)
	}
	if err == nil {
		err = checkShort("source", source)
	}
	if err != nil {
		return StoredDoc{}, fmt.Errorf("new document: %w", err)
	}
	return StoredDoc{
		Meta: DocMeta{ID: annotate.DocumentID(norm), Title: DefaultTitle(norm), Added: annotate.Stamp(now), Source: source},
		Text: norm,
	}, nil
}

// Workspace builds the document's Workspace from what is stored: its
// Document (titled Meta.Title, with Entities), the notes in document order,
// the rejected and accepted sets, and the pending suggestions that
// WithSuggestions keeps of Entities. It checks what the workspace
// operations guarantee, and an error names the bad record (store and key):
// a note with a bad id, label or span, a note repeating another's id or
// span, label and creator, claim fields on a note that is not a claim, a decision
// outside the text. A claim whose speaker note is not there (deleted in
// another tab) loses the link, as Delete would have done.
func (s StoredDoc) Workspace() (annotate.Workspace, error) {
	w, err := s.workspace()
	if err != nil {
		return annotate.Workspace{}, fmt.Errorf("workspace of %s: %w", s.Meta.ID, err)
	}
	return w, nil
}

func (s StoredDoc) workspace() (annotate.Workspace, error) {
	d := annotate.NewDocument(s.Text)
	if d.ID != s.Meta.ID {
		return annotate.Workspace{}, fmt.Errorf("%s record %q: %w: the text's id is %s", StoreDocuments, s.Meta.ID, annotate.ErrBadInput, d.ID)
	}
	if s.Meta.Title != "" {
		d.Title = s.Meta.Title
	}
	d.Entities = slices.Clone(s.Entities)
	notes := slices.Clone(s.Notes)
	slices.SortFunc(notes, annotate.CompareNotes)
	ids := map[string]bool{}
	keys := map[annotate.NoteKey]bool{}
	for _, n := range notes {
		if err := checkStoredNote(d, n, ids, keys); err != nil {
			return annotate.Workspace{}, fmt.Errorf("%s record %q: %w", StoreAnnotations, n.ID, err)
		}
	}
	for i, n := range notes {
		if sp := n.Speaker.AnnotationID; sp != "" && !ids[sp] {
			notes[i].Speaker = annotate.Speaker{}
		}
	}
	w := annotate.NewWorkspace(d)
	w.Notes = notes
	for _, set := range []struct {
		kind DecisionKind
		keys []annotate.SuggestionKey
		m    map[annotate.SuggestionKey]bool
	}{{DecisionRejected, s.Rejected, w.Rejected}, {DecisionAccepted, s.Accepted, w.Accepted}} {
		for _, k := range set.keys {
			err := annotate.CheckLabel(k.Label)
			if err == nil {
				err = d.Text.CheckSpan(k.Span.Start, k.Span.End)
			}
			if err != nil {
				return annotate.Workspace{}, fmt.Errorf("%s record %q: %w", StoreDecisions, DecisionKey(s.Meta.ID, set.kind, k), err)
			}
			set.m[k] = true
		}
	}
	return w.WithSuggestions(s.Entities, s.Recognizer).WithClaims(s.Claims, s.ClaimFinder), nil
}

// checkStoredNote checks a note as the workspace operations would have
// made it, against the ids and keys of the notes before it, and adds its
// own.
func checkStoredNote(d *annotate.Document, n annotate.Note, ids map[string]bool, keys map[annotate.NoteKey]bool) error {
	if err := annotate.CheckID(n.ID); err != nil {
		return err
	}
	if err := annotate.CheckLabel(n.Label); err != nil {
		return err
	}
	if err := annotate.CheckNoteSpan(d.Text, n.Span); err != nil {
		return err
	}
	k := n.Key()
	switch {
	case ids[n.ID]:
		return fmt.Errorf("%w: a second note with this id", annotate.ErrDuplicate)
	case keys[k]:
		return fmt.Errorf("%w: a second note %s [%d, %d) of %s", annotate.ErrDuplicate, k.Label, k.Span.Start, k.Span.End, k.Creator.Name)
	case n.Label != annotate.Claim && (!n.Speaker.IsZero() || n.Verdict != annotate.Unverified || n.Evidence != ""):
		return fmt.Errorf("%w: the note is %s but has a speaker, verdict or evidence", annotate.ErrNotClaim, n.Label)
	case n.Speaker.AnnotationID != "" && n.Speaker.Name != "":
		return fmt.Errorf("%w: give a note or a name, not both", annotate.ErrBadSpeaker)
	case n.Speaker.AnnotationID == n.ID:
		return fmt.Errorf("%w: a claim cannot be its own speaker", annotate.ErrBadSpeaker)
	}
	ids[n.ID], keys[k] = true, true
	return nil
}

// SeedSample gives a fresh library the sample article: if s lists no
// document, it adds text (normalized) as a document from source "sample",
// added at now. It is idempotent: once the library holds a document, the
// sample or another, it does nothing, so a reader who deleted the sample
// does not get it back while they keep other articles. A sample whose
// record is unreadable is left alone, never overwritten.
func SeedSample(s Store, text string, now time.Time) error {
	doc, err := NewStoredDoc(text, "sample", now)
	if err != nil {
		return fmt.Errorf("seed sample: %w", err)
	}
	docs, problems, err := s.List()
	if err != nil {
		return fmt.Errorf("seed sample: %w", err)
	}
	if len(docs) > 0 || slices.ContainsFunc(problems, func(p RecordProblem) bool {
		return p.Store == StoreDocuments && p.Key == doc.Meta.ID
	}) {
		return nil
	}
	if err := s.Apply(PutDoc(doc)); err != nil {
		return fmt.Errorf("seed sample: %w", err)
	}
	return nil
}

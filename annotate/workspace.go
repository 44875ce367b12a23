package annotate

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"
)

// SuggestionKey identifies a machine suggestion across taggings: its span
// and label. The recognizer's exact output may change; a reader's decision
// about "PERSON at [10, 21)" stands.
type SuggestionKey struct {
	Span  Span
	Label Label
}

// String writes the key as `PERSON [10, 21)`.
func (k SuggestionKey) String() string {
	return fmt.Sprintf("%s [%d, %d)", k.Label, k.Span.Start, k.Span.End)
}

// CompareKeys orders suggestion keys in document order (CompareSpans), then
// by label.
func CompareKeys(a, b SuggestionKey) int {
	return cmp.Or(CompareSpans(a.Span, b.Span), cmp.Compare(a.Label, b.Label))
}

// Key returns the entity's suggestion key.
func (e Entity) Key() SuggestionKey { return SuggestionKey{Span: e.Span, Label: e.Label} }

// Workspace is the annotation state of one document: the reader's notes
// and the machine's pending suggestions, with the reader's decisions about
// suggestions.
//
// A Workspace is an immutable value. Every operation returns a new
// Workspace and leaves its receiver untouched: it copies the slices and
// maps it changes and shares the rest, so keeping old values (see History)
// is all undo needs. Callers must not modify the slices and maps of a
// Workspace either. An operation that changes nothing returns its receiver
// as it is.
//
// Invariants, kept by every operation: Notes are sorted by Start, then End
// descending (an enclosing note before the notes inside it), then ID; no
// two notes share an ID, nor a key (a span, a label and a creator, see
// NoteKey): two readers may make the same note, one reader may not make it
// twice. Suggestions are sorted by
// Start, then End descending, then Label, and none has the key of another
// suggestion, of a note, of a rejected or of an accepted suggestion.
type Workspace struct {
	// Doc is the annotated document; the workspace never modifies it.
	Doc *Document
	// Notes are the reader's annotations.
	Notes []Note
	// Suggestions are the machine's pending suggestions, the entities of
	// the last tagging (see WithSuggestions) not yet decided.
	Suggestions []Entity
	// Recognizer names the recognizer that made Suggestions; accepted
	// suggestions are ProposedBy a Software agent of this name.
	Recognizer string
	// Rejected holds the suggestions the reader rejected.
	Rejected map[SuggestionKey]bool
	// Accepted holds the suggestions the reader accepted, whether or not
	// the note made from each is still there, relabeled or deleted: the
	// reader has decided about them.
	Accepted map[SuggestionKey]bool
	// Claims holds what the machine found about its CLAIM suggestions
	// (see WithClaims), by span; ClaimFinder names what found them, whom
	// an accepted claim is ProposedBy.
	Claims      map[Span]ClaimSuggestion
	ClaimFinder string
}

// NewWorkspace returns the empty workspace of d, which must not be nil.
func NewWorkspace(d *Document) Workspace {
	return Workspace{Doc: d, Rejected: map[SuggestionKey]bool{}, Accepted: map[SuggestionKey]bool{}}
}

// Note returns the note with the given id.
func (w Workspace) Note(id string) (Note, bool) {
	if i := w.index(id); i >= 0 {
		return w.Notes[i], true
	}
	return Note{}, false
}

// Quote returns the text a span covers.
func (w Workspace) Quote(s Span) string { return w.Doc.Text.Slice(s.Start, s.End) }

// Suggestion returns the pending suggestion with the given key.
func (w Workspace) Suggestion(k SuggestionKey) (Entity, bool) {
	if i := w.suggestion(k); i >= 0 {
		return w.Suggestions[i], true
	}
	return Entity{}, false
}

// UsedTags returns every tag of the notes once, the most used first, ties
// in alphabetical order: the suggestions for a tag field.
func (w Workspace) UsedTags() []string {
	count := map[string]int{}
	for _, n := range w.Notes {
		for _, t := range n.Tags {
			count[t]++
		}
	}
	tags := slices.Collect(maps.Keys(count))
	slices.SortFunc(tags, func(a, b string) int {
		return cmp.Or(count[b]-count[a], cmp.Compare(a, b))
	})
	return tags
}

// Create adds a note of the reader's: label on span, with the given id (a
// new one from NewID), created by the reader by (nil means Reader("")) at
// now. The span must lie in the text, be non-empty and hold more than white
// space; the label must be one of AllLabels; no note may have the id, nor
// the span and label and the same creator (another reader's note on the
// same span with the same label is no obstacle). A pending suggestion with
// the same span and label is dropped, the note taking its place.
func (w Workspace) Create(span Span, label Label, id string, by *Agent, now time.Time) (Workspace, error) {
	if by == nil {
		by = Reader("")
	}
	if err := w.checkNew(NoteKey{Span: span, Label: label, Creator: *by}, id); err != nil {
		return w, fmt.Errorf("create %s: %w", id, err)
	}
	t := Stamp(now)
	n := Note{ID: id, Span: span, Label: label, Creator: *by, Created: t, Modified: t}
	out := w
	out.Notes = insertNote(w.Notes, n)
	out.Suggestions = w.dropSuggestion(SuggestionKey{Span: span, Label: label})
	return out, nil
}

// checkNew checks the id, label and span of a new note.
func (w Workspace) checkNew(k NoteKey, id string) error {
	if err := CheckID(id); err != nil {
		return err
	}
	if w.index(id) >= 0 {
		return fmt.Errorf("%w: a note with this id exists", ErrDuplicate)
	}
	if err := CheckLabel(k.Label); err != nil {
		return err
	}
	if err := CheckNoteSpan(w.Doc.Text, k.Span); err != nil {
		return err
	}
	return w.checkFree(k, id)
}

// checkFree checks that no note but the one with id except has key k.
func (w Workspace) checkFree(k NoteKey, except string) error {
	for _, n := range w.Notes {
		if n.Key() == k && n.ID != except {
			return fmt.Errorf("%w: note %s of %s is already %s on [%d, %d)", ErrDuplicate, n.ID, k.Creator.Name, k.Label, k.Span.Start, k.Span.End)
		}
	}
	return nil
}

// Relabel gives note id the label l. A note relabeled from CLAIM to an
// entity label loses its speaker, verdict and evidence.
func (w Workspace) Relabel(id string, l Label, now time.Time) (Workspace, error) {
	return w.update("relabel", id, now, func(n *Note) error {
		if err := CheckLabel(l); err != nil {
			return err
		}
		if err := w.checkFree(NoteKey{Span: n.Span, Label: l, Creator: n.Creator}, id); err != nil {
			return err
		}
		n.Label = l
		if l != Claim {
			n.Speaker, n.Verdict, n.Evidence = Speaker{}, Unverified, ""
		}
		return nil
	})
}

// SetComment sets the comment of note id: multi-line plain text, stored
// byte for byte (markup stays text), at most MaxComment code points. A
// comment of only white space removes the comment.
func (w Workspace) SetComment(id, comment string, now time.Time) (Workspace, error) {
	return w.update("comment", id, now, func(n *Note) error {
		c, err := CleanComment(comment)
		n.Comment = c
		return err
	})
}

// SetTags sets the tags of note id: each trimmed, its inner white space
// collapsed to one space, empty ones and repeats dropped, the order kept; at
// most MaxTags tags of at most MaxTag code points each.
func (w Workspace) SetTags(id string, tags []string, now time.Time) (Workspace, error) {
	return w.update("tag", id, now, func(n *Note) error {
		t, err := CleanTags(tags)
		if !slices.Equal(t, n.Tags) {
			n.Tags = t
		}
		return err
	})
}

// SetClaim sets the speaker, verdict and evidence of claim id. The note
// must be a CLAIM. The speaker is another note of the workspace
// (AnnotationID), a typed name (trimmed, at most MaxName code points), or
// neither; the verdict one of Verdicts; the evidence "" or an absolute http
// or https URL (trimmed).
func (w Workspace) SetClaim(id string, sp Speaker, v Verdict, evidence string, now time.Time) (Workspace, error) {
	return w.update("set claim", id, now, func(n *Note) error {
		if n.Label != Claim {
			return fmt.Errorf("%w: the note is %s", ErrNotClaim, n.Label)
		}
		switch {
		case sp.AnnotationID != "" && sp.Name != "":
			return fmt.Errorf("%w: give a note or a name, not both", ErrBadSpeaker)
		case sp.AnnotationID == id:
			return fmt.Errorf("%w: a claim cannot be its own speaker", ErrBadSpeaker)
		case sp.AnnotationID != "" && w.index(sp.AnnotationID) < 0:
			return fmt.Errorf("%w %s: %w", ErrBadSpeaker, sp.AnnotationID, ErrNotFound)
		}
		name, err := CleanSpeakerName(sp.Name)
		if err != nil {
			return err
		}
		if !slices.Contains(Verdicts, v) {
			return fmt.Errorf("%w %q: want one of %s", ErrBadVerdict, v, verdictNames())
		}
		ev, err := CleanEvidence(evidence)
		if err != nil {
			return err
		}
		n.Speaker, n.Verdict, n.Evidence = Speaker{AnnotationID: sp.AnnotationID, Name: name}, v, ev
		return nil
	})
}

// update applies change to a copy of note id and, if the note changed,
// returns the workspace with the copy, modified at now. Errors name op and
// id.
func (w Workspace) update(op, id string, now time.Time, change func(n *Note) error) (Workspace, error) {
	i := w.index(id)
	if i < 0 {
		return w, fmt.Errorf("%s %s: %w: no such note", op, id, ErrNotFound)
	}
	n := w.Notes[i]
	if err := change(&n); err != nil {
		return w, fmt.Errorf("%s %s: %w", op, id, err)
	}
	if SameContent(n, w.Notes[i]) {
		return w, nil
	}
	n.Modified = Stamp(now)
	out := w
	out.Notes = slices.Clone(w.Notes)
	out.Notes[i] = n
	out.Suggestions = w.dropSuggestion(SuggestionKey{Span: n.Span, Label: n.Label})
	return out, nil
}

// SameContent reports whether two notes hold the same content, what their
// W3C bodies carry: label, comment, tags, speaker, verdict and evidence.
// Ids, spans, creators and times are not compared.
func SameContent(a, b Note) bool {
	return a.Label == b.Label && a.Comment == b.Comment && slices.Equal(a.Tags, b.Tags) &&
		a.Speaker == b.Speaker && a.Verdict == b.Verdict && a.Evidence == b.Evidence
}

// Delete removes note id, and the speaker links of the claims that point
// at it (those claims are modified at now).
func (w Workspace) Delete(id string, now time.Time) (Workspace, error) {
	i := w.index(id)
	if i < 0 {
		return w, fmt.Errorf("delete %s: %w: no such note", id, ErrNotFound)
	}
	out := w
	out.Notes = slices.Delete(slices.Clone(w.Notes), i, i+1)
	for j := range out.Notes {
		if out.Notes[j].Speaker.AnnotationID == id {
			out.Notes[j].Speaker = Speaker{}
			out.Notes[j].Modified = Stamp(now)
		}
	}
	return out, nil
}

// Accept turns pending suggestion k into a note of the reader's, with the
// given id, created by the reader by (nil means Reader("")) at now, and
// ProposedBy the recognizer. k counts as accepted from then on.
func (w Workspace) Accept(k SuggestionKey, id string, by *Agent, now time.Time) (Workspace, error) {
	if w.suggestion(k) < 0 {
		return w, fmt.Errorf("accept %s: %w: no such pending suggestion", k, ErrNotFound)
	}
	out, err := w.Create(k.Span, k.Label, id, by, now)
	if err != nil {
		return w, fmt.Errorf("accept %s: %w", k, err)
	}
	i := out.index(id)
	out.Notes[i].ProposedBy = Software(w.proposer(k.Label)) // out.Notes is Create's fresh copy
	out.Accepted = withKey(w.Accepted, k)
	return out, nil
}

// proposer names the machine that suggested a label: the claim finder for
// CLAIM suggestions that came from WithClaims, else the recognizer.
func (w Workspace) proposer(l Label) string {
	if l == Claim && w.ClaimFinder != "" {
		return w.ClaimFinder
	}
	return w.Recognizer
}

// Reject drops pending suggestion k; it stays rejected for this document.
func (w Workspace) Reject(k SuggestionKey) (Workspace, error) {
	if w.suggestion(k) < 0 {
		return w, fmt.Errorf("reject %s: %w: no such pending suggestion", k, ErrNotFound)
	}
	out := w
	out.Suggestions = w.dropSuggestion(k)
	out.Rejected = withKey(w.Rejected, k)
	return out, nil
}

// AcceptAll accepts every pending suggestion labeled l ("" for every
// label) as Accept does, taking the ids from newID (NewID in the app). It
// returns how many it accepted; a suggestion for which newID returns an id
// that is not a fresh urn:uuid stays pending.
func (w Workspace) AcceptAll(l Label, newID IDFunc, by *Agent, now time.Time) (Workspace, int) {
	if by == nil {
		by = Reader("")
	}
	t := Stamp(now)
	var add []Note
	var keep []Entity
	accepted := w.Accepted
	ids := map[string]bool{}
	for _, e := range w.Suggestions {
		if l != "" && e.Label != l {
			keep = append(keep, e)
			continue
		}
		id := newID()
		if CheckID(id) != nil || ids[id] || w.index(id) >= 0 {
			keep = append(keep, e)
			continue
		}
		ids[id] = true
		add = append(add, Note{ID: id, Span: e.Span, Label: e.Label, Creator: *by,
			ProposedBy: Software(w.proposer(e.Label)), Created: t, Modified: t})
		if len(add) == 1 {
			accepted = maps.Clone(w.Accepted)
			if accepted == nil {
				accepted = map[SuggestionKey]bool{}
			}
		}
		accepted[e.Key()] = true
	}
	if len(add) == 0 {
		return w, 0
	}
	out := w
	out.Notes = append(slices.Clone(w.Notes), add...)
	slices.SortFunc(out.Notes, CompareNotes)
	out.Suggestions = keep
	out.Accepted = accepted
	return out, len(add)
}

// RejectAll rejects every pending suggestion labeled l ("" for every
// label) and returns how many it rejected.
func (w Workspace) RejectAll(l Label) (Workspace, int) {
	var keep []Entity
	rejected := w.Rejected
	n := 0
	for _, e := range w.Suggestions {
		if l != "" && e.Label != l {
			keep = append(keep, e)
			continue
		}
		if n == 0 {
			rejected = maps.Clone(w.Rejected)
			if rejected == nil {
				rejected = map[SuggestionKey]bool{}
			}
		}
		n++
		rejected[e.Key()] = true
	}
	if n == 0 {
		return w, 0
	}
	out := w
	out.Suggestions = keep
	out.Rejected = rejected
	return out, n
}

// WithSuggestions replaces the pending suggestions with the entities of a
// new tagging by the named recognizer (its Recognizer.Name). It leaves out
// what the reader has decided about, rejected or accepted, what duplicates
// a note (same span and label) or an entity before it, and entities with a
// label not in AllLabels or a span that is empty, outside the text or only
// white space. The entities' Text is taken from the document.
func (w Workspace) WithSuggestions(ents []Entity, recognizer string) Workspace {
	// A page joins a long article's thousands of entities for each edit:
	// the map holds only the notes, and duplicates go once sorted.
	noted := make(map[SuggestionKey]bool, len(w.Notes))
	for _, n := range w.Notes {
		noted[SuggestionKey{Span: n.Span, Label: n.Label}] = true
	}
	sugs := make([]Entity, 0, len(ents))
	for _, e := range ents {
		k := e.Key()
		if noted[k] || w.Rejected[k] || w.Accepted[k] || CheckLabel(k.Label) != nil || CheckNoteSpan(w.Doc.Text, k.Span) != nil {
			continue
		}
		e.Text = w.Quote(e.Span)
		sugs = append(sugs, e)
	}
	if !slices.IsSortedFunc(sugs, compareSuggestions) {
		slices.SortFunc(sugs, compareSuggestions)
	}
	sugs = slices.CompactFunc(sugs, func(a, b Entity) bool { return a.Key() == b.Key() })
	if len(sugs) == 0 {
		sugs = nil // none, as before any tagging
	}
	out := w
	out.Suggestions = sugs
	out.Recognizer = recognizer
	return out
}

// compareSuggestions orders pending suggestions: by span (CompareSpans),
// then by label.
func compareSuggestions(a, b Entity) int {
	return cmp.Or(CompareSpans(a.Span, b.Span), cmp.Compare(a.Label, b.Label))
}

// index returns the index of note id, or -1.
func (w Workspace) index(id string) int {
	return slices.IndexFunc(w.Notes, func(n Note) bool { return n.ID == id })
}

// suggestion returns the index of pending suggestion k, or -1.
func (w Workspace) suggestion(k SuggestionKey) int {
	return slices.IndexFunc(w.Suggestions, func(e Entity) bool { return e.Key() == k })
}

// dropSuggestion returns the suggestions without k: the same slice if k is
// not pending, else a new one.
func (w Workspace) dropSuggestion(k SuggestionKey) []Entity {
	i := w.suggestion(k)
	if i < 0 {
		return w.Suggestions
	}
	return slices.Delete(slices.Clone(w.Suggestions), i, i+1)
}

// insertNote returns a new sorted slice of notes with n added.
func insertNote(notes []Note, n Note) []Note {
	i, _ := slices.BinarySearchFunc(notes, n, CompareNotes)
	out := make([]Note, 0, len(notes)+1)
	out = append(out, notes[:i]...)
	out = append(out, n)
	return append(out, notes[i:]...)
}

// withKey returns a copy of m with k set.
func withKey(m map[SuggestionKey]bool, k SuggestionKey) map[SuggestionKey]bool {
	out := make(map[SuggestionKey]bool, len(m)+1)
	maps.Copy(out, m)
	out[k] = true
	return out
}

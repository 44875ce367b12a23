package annotate

import (
	"cmp"
	"fmt"
	"slices"
)

// ClaimKind says how a claim reports what its speaker said.
type ClaimKind string

// The kinds of claim a machine finds.
const (
	DirectClaim   ClaimKind = "direct"   // a quotation, between quote marks
	IndirectClaim ClaimKind = "indirect" // reported speech: "X said (that) …"
	MixedClaim    ClaimKind = "mixed"    // reported speech quoting some words
)

// ClaimSuggestion is a claim a machine found (package annotate/claims finds
// them): the content's span, how it is attributed, and who said it. In a
// Workspace it is the pending CLAIM suggestion of its span (see
// WithClaims); accepting it makes a claim note with its speaker.
type ClaimSuggestion struct {
	Span                  // the content: what was said, code points
	Kind        ClaimKind `json:"kind"`
	Cue         *Span     `json:"cue"`          // the verb or phrase that attributes it ("said"); nil if none
	Speaker     *Span     `json:"speaker"`      // the text naming the source ("he", "the agency"); nil if none
	SpeakerName string    `json:"speaker_name"` // the name the speaker resolves to ("Ciaran Martin"); "" if none
	// SpeakerEntity is the entity the speaker resolves to (its span and
	// label; its text is left out), when the finder found one: accepting
	// the claim links its speaker to the note on that entity, accepting
	// the entity's suggestion first if need be.
	SpeakerEntity *Entity `json:"speaker_entity"`
}

// Key returns the claim's suggestion key: its span, labelled CLAIM.
func (c ClaimSuggestion) Key() SuggestionKey { return SuggestionKey{Span: c.Span, Label: Claim} }

// CheckClaimSuggestion checks a claim suggestion against a text: its
// spans inside it, its kind one of the three, its speaker entity's label
// an entity label. Errors wrap ErrBadSpan, ErrBadInput or ErrBadLabel.
func CheckClaimSuggestion(t *Text, c ClaimSuggestion) error {
	if err := t.CheckSpan(c.Start, c.End); err != nil || c.Len() == 0 {
		return fmt.Errorf("claim [%d, %d): %w", c.Start, c.End, cmp.Or(err, ErrBadSpan))
	}
	switch c.Kind {
	case DirectClaim, IndirectClaim, MixedClaim:
	default:
		return fmt.Errorf("claim [%d, %d): %w: kind %q is not direct, indirect or mixed", c.Start, c.End, ErrBadInput, c.Kind)
	}
	for _, s := range []*Span{c.Cue, c.Speaker} {
		if s != nil {
			if err := t.CheckSpan(s.Start, s.End); err != nil {
				return fmt.Errorf("claim [%d, %d): %w", c.Start, c.End, err)
			}
		}
	}
	if e := c.SpeakerEntity; e != nil {
		if err := t.CheckSpan(e.Start, e.End); err != nil {
			return fmt.Errorf("claim [%d, %d): speaker entity: %w", c.Start, c.End, err)
		}
		if !e.Label.Valid() {
			return fmt.Errorf("claim [%d, %d): speaker entity: %w: %q", c.Start, c.End, ErrBadLabel, e.Label)
		}
	}
	return nil
}

// WithClaims adds a machine's claims to the pending suggestions, as CLAIM
// suggestions, and keeps what it found about each (Claims), for accepting
// it with its speaker. finder names what found them; an accepted claim is
// ProposedBy a Software agent of that name. It leaves out, as
// WithSuggestions does, what the reader decided about, what a note or
// another suggestion already has, and claims that do not fit the text.
// Call it after WithSuggestions, which replaces every suggestion.
func (w Workspace) WithClaims(cs []ClaimSuggestion, finder string) Workspace {
	// Only CLAIM keys can clash with a claim's: the map leaves out a long
	// article's thousands of entities.
	taken := map[SuggestionKey]bool{}
	for _, n := range w.Notes {
		if n.Label == Claim {
			taken[SuggestionKey{Span: n.Span, Label: n.Label}] = true
		}
	}
	for _, e := range w.Suggestions {
		if e.Label == Claim {
			taken[e.Key()] = true
		}
	}
	var added []Entity
	info := make(map[Span]ClaimSuggestion, len(cs))
	for _, c := range cs {
		k := c.Key()
		if taken[k] || w.Rejected[k] || w.Accepted[k] || CheckClaimSuggestion(w.Doc.Text, c) != nil || CheckNoteSpan(w.Doc.Text, c.Span) != nil {
			continue
		}
		taken[k] = true
		info[c.Span] = c
		added = append(added, Entity{Span: c.Span, Label: Claim, Text: w.Quote(c.Span)})
	}
	out := w
	out.Suggestions = mergeSuggestions(w.Suggestions, added)
	out.Claims = info
	out.ClaimFinder = finder
	return out
}

// mergeSuggestions returns a new slice of the suggestions of a and b,
// whose keys differ, in order (compareSuggestions); a is most often in
// order already, and b short.
func mergeSuggestions(a, b []Entity) []Entity {
	slices.SortFunc(b, compareSuggestions)
	sorted := slices.IsSortedFunc(a, compareSuggestions)
	if len(b) == 0 && sorted {
		return slices.Clone(a)
	}
	if !sorted {
		out := append(slices.Clone(a), b...)
		slices.SortFunc(out, compareSuggestions)
		return out
	}
	out := make([]Entity, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if compareSuggestions(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// ClaimOf returns what the machine found about the pending CLAIM
// suggestion of a span.
func (w Workspace) ClaimOf(s Span) (ClaimSuggestion, bool) {
	c, ok := w.Claims[s]
	if ok {
		_, ok = w.Suggestion(c.Key())
	}
	return c, ok
}

// noteWithKey returns the note with a span and label, if one has them.
func (w Workspace) noteWithKey(k SuggestionKey) (Note, bool) {
	for _, n := range w.Notes {
		if n.Span == k.Span && n.Label == k.Label {
			return n, true
		}
	}
	return Note{}, false
}

// linkSpeaker gives claim note id the speaker the machine found for it:
// the note on its speaker entity (accepting that entity's suggestion first
// when it is pending), or else the speaker's name. It returns the
// workspace and the speaker's name, for the report ("" if none).
func linkSpeaker(w Workspace, id string, c ClaimSuggestion, env EditEnv) (Workspace, string, error) {
	var sp Speaker
	name := c.SpeakerName
	if e := c.SpeakerEntity; e != nil {
		k := SuggestionKey{Span: e.Span, Label: e.Label}
		if n, ok := w.noteWithKey(k); ok {
			sp = Speaker{AnnotationID: n.ID}
		} else if _, ok := w.Suggestion(k); ok {
			speakerID := env.NewID()
			next, err := w.Accept(k, speakerID, env.Reader, env.Now)
			if err != nil {
				return w, "", err
			}
			w, sp = next, Speaker{AnnotationID: speakerID}
		}
		if name == "" {
			name = w.Quote(e.Span)
		}
	}
	if sp.IsZero() && name != "" {
		sp = Speaker{Name: name}
	}
	if sp.IsZero() {
		return w, "", nil
	}
	next, err := w.SetClaim(id, sp, Unverified, "", env.Now)
	return next, name, err
}

// SpeakerName returns who a claim note says said it: the text of its
// speaker's note, or the typed name; "" if it names no speaker.
func (w Workspace) SpeakerName(n Note) string {
	if id := n.Speaker.AnnotationID; id != "" {
		if sp, ok := w.Note(id); ok {
			return w.Quote(sp.Span)
		}
	}
	return n.Speaker.Name
}

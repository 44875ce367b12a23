package annotate

import (
	"fmt"
	"time"
)

// Edit is one change a reader makes to a document's annotations: the
// values below, one per thing a reader can do. Workspace.Apply applies
// one. Each edit names the item it changes by its identity (a note's ID, a
// suggestion's key) and carries only the field it sets, so an edit made
// from a card never writes back a stale copy of the note's other fields.
type Edit interface {
	apply(w Workspace, env EditEnv) (Workspace, EditResult, error)
}

// The edits.
type (
	// CreateNote annotates a span with a label.
	CreateNote struct {
		Span  Span
		Label Label
	}
	// Relabel changes a note's label.
	Relabel struct {
		ID    string
		Label Label
	}
	// SetComment sets a note's comment ("" removes it).
	SetComment struct{ ID, Comment string }
	// SetTags sets a note's tags.
	SetTags struct {
		ID   string
		Tags []string
	}
	// SetVerdict sets a claim's verdict, keeping its speaker and evidence.
	SetVerdict struct {
		ID      string
		Verdict Verdict
	}
	// SetSpeaker sets a claim's speaker, keeping its verdict and evidence.
	SetSpeaker struct {
		ID      string
		Speaker Speaker
	}
	// SetEvidence sets a claim's evidence URL, keeping its speaker and
	// verdict.
	SetEvidence struct{ ID, URL string }
	// DeleteNote deletes a note.
	DeleteNote struct{ ID string }
	// AcceptSuggestion makes a suggestion the reader's note, labelled As
	// (the suggestion's own label when As is "").
	AcceptSuggestion struct {
		Key SuggestionKey
		As  Label
	}
	// RejectSuggestion rejects a suggestion: it is not suggested again.
	RejectSuggestion struct{ Key SuggestionKey }
	// AcceptAll accepts every open suggestion of a label.
	AcceptAll struct{ Label Label }
	// RejectAll rejects every open suggestion of a label.
	RejectAll struct{ Label Label }
)

// EditEnv is what edits need besides the workspace: who the reader is,
// the time, and new note IDs (fixed in tests).
type EditEnv struct {
	Reader *Agent
	Now    time.Time
	NewID  IDFunc
}

// EditResult says what an edit did: a short report for the reader
// ("Accepted 12 PERSON suggestions.") and the ID of the note it created,
// if any.
type EditResult struct {
	Report  string
	Created string
}

// Apply applies an edit and returns the new workspace. On error w is
// returned unchanged and the error wraps one of the package's sentinels
// (ErrNotFound for an item that is gone, ErrDuplicate, ErrBadURL, …).
func (w Workspace) Apply(e Edit, env EditEnv) (Workspace, EditResult, error) {
	if e == nil {
		return w, EditResult{}, fmt.Errorf("%w: no edit", ErrBadInput)
	}
	next, res, err := e.apply(w, env)
	if err != nil {
		return w, EditResult{}, err
	}
	return next, res, nil
}

func (e CreateNote) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	id := env.NewID()
	next, err := w.Create(e.Span, e.Label, id, env.Reader, env.Now)
	return next, EditResult{Report: fmt.Sprintf("Marked as %s.", e.Label), Created: id}, err
}

func (e Relabel) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	next, err := w.Relabel(e.ID, e.Label, env.Now)
	return next, EditResult{Report: fmt.Sprintf("Now %s.", e.Label)}, err
}

func (e SetComment) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	next, err := w.SetComment(e.ID, e.Comment, env.Now)
	return next, EditResult{Report: "Comment saved."}, err
}

func (e SetTags) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	next, err := w.SetTags(e.ID, e.Tags, env.Now)
	return next, EditResult{Report: "Tags saved."}, err
}

// claimField applies a change to one claim field, the others as the note
// has them now.
func claimField(w Workspace, id string, now time.Time, report string, set func(n *Note)) (Workspace, EditResult, error) {
	n, ok := w.Note(id)
	if !ok {
		return w, EditResult{}, fmt.Errorf("claim %s: %w", id, ErrNotFound)
	}
	set(&n)
	next, err := w.SetClaim(id, n.Speaker, n.Verdict, n.Evidence, now)
	return next, EditResult{Report: report}, err
}

func (e SetVerdict) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	return claimField(w, e.ID, env.Now, "Verdict saved.", func(n *Note) { n.Verdict = e.Verdict })
}

func (e SetSpeaker) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	return claimField(w, e.ID, env.Now, "Speaker saved.", func(n *Note) { n.Speaker = e.Speaker })
}

func (e SetEvidence) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	return claimField(w, e.ID, env.Now, "Evidence saved.", func(n *Note) { n.Evidence = e.URL })
}

func (e DeleteNote) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	next, err := w.Delete(e.ID, env.Now)
	return next, EditResult{Report: "Deleted."}, err
}

func (e AcceptSuggestion) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	id := env.NewID()
	claim, isClaim := w.ClaimOf(e.Key.Span)
	isClaim = isClaim && e.Key.Label == Claim
	next, err := w.Accept(e.Key, id, env.Reader, env.Now)
	label := e.Key.Label
	if err == nil && e.As != "" && e.As != e.Key.Label {
		next, err = next.Relabel(id, e.As, env.Now)
		label, isClaim = e.As, false
	}
	res := EditResult{Report: fmt.Sprintf("Accepted as %s.", label), Created: id}
	if err == nil && isClaim {
		var speaker string
		if next, speaker, err = linkSpeaker(next, id, claim, env); speaker != "" {
			res.Report = fmt.Sprintf("Accepted as CLAIM, said by %s.", speaker)
		}
	}
	return next, res, err
}

func (e RejectSuggestion) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	next, err := w.Reject(e.Key)
	return next, EditResult{Report: "Rejected."}, err
}

func (e AcceptAll) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	if e.Label == Claim && len(w.Claims) > 0 {
		return acceptAllClaims(w, env)
	}
	next, n := w.AcceptAll(e.Label, env.NewID, env.Reader, env.Now)
	if n == 0 {
		return w, EditResult{}, fmt.Errorf("accept all %s: %w: no %s suggestion is open", e.Label, ErrNotFound, e.Label)
	}
	return next, EditResult{Report: fmt.Sprintf("Accepted %d %s suggestions.", n, e.Label)}, nil
}

func (e RejectAll) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	next, n := w.RejectAll(e.Label)
	if n == 0 {
		return w, EditResult{}, fmt.Errorf("reject all %s: %w: no %s suggestion is open", e.Label, ErrNotFound, e.Label)
	}
	return next, EditResult{Report: fmt.Sprintf("Rejected %d %s suggestions.", n, e.Label)}, nil
}

// acceptAllClaims accepts every pending CLAIM suggestion as AcceptSuggestion
// does, each with its speaker.
func acceptAllClaims(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	var keys []SuggestionKey
	for _, e := range w.Suggestions {
		if e.Label == Claim {
			keys = append(keys, e.Key())
		}
	}
	if len(keys) == 0 {
		return w, EditResult{}, fmt.Errorf("accept all CLAIM: %w: no CLAIM suggestion is open", ErrNotFound)
	}
	next := w
	for _, k := range keys {
		var err error
		if next, _, err = (AcceptSuggestion{Key: k}).apply(next, env); err != nil {
			return w, EditResult{}, err
		}
	}
	return next, EditResult{Report: fmt.Sprintf("Accepted %d CLAIM suggestions, with their speakers.", len(keys))}, nil
}

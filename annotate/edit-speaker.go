package annotate

import "fmt"

// SetSpeakerSuggestion makes an open entity suggestion a claim's speaker:
// the suggestion is accepted (it becomes the reader's note, proposed by the
// machine) and the claim is linked to that note, in one edit, so one undo
// takes back both. The claim's verdict and evidence stay.
type SetSpeakerSuggestion struct {
	ID  string        // the claim note
	Key SuggestionKey // an open suggestion
}

func (e SetSpeakerSuggestion) apply(w Workspace, env EditEnv) (Workspace, EditResult, error) {
	n, ok := w.Note(e.ID)
	if !ok {
		return w, EditResult{}, fmt.Errorf("speaker of claim %s: %w", e.ID, ErrNotFound)
	}
	if n.Label != Claim {
		return w, EditResult{}, fmt.Errorf("speaker of %s: %w", e.ID, ErrNotClaim)
	}
	id := env.NewID()
	next, err := w.Accept(e.Key, id, env.Reader, env.Now)
	if err != nil {
		return w, EditResult{}, fmt.Errorf("speaker of claim %s: %w", e.ID, err)
	}
	next, _, err = claimField(next, e.ID, env.Now, "", func(n *Note) { n.Speaker = Speaker{AnnotationID: id} })
	if err != nil {
		return w, EditResult{}, err
	}
	return next, EditResult{Report: fmt.Sprintf("Accepted %s as %s; speaker saved.", w.Quote(e.Key.Span), e.Key.Label)}, nil
}

package main

import (
	"fmt"
	"time"

	"glossa/annotate"
)

// Annotating: the edits a reader makes, as go-app actions. Components raise
// them with a value of the type named in each comment; the article page
// handles them all with applyEdit, which calls the pure core and keeps the
// undo history.
const (
	actionApplyLabel = "apply-label" // applyLabel: annotate a selection
	actionRelabel    = "relabel"     // relabel
	actionComment    = "comment"     // setComment
	actionTags       = "tags"        // setTags
	actionClaim      = "claim"       // setClaim
	actionDelete     = "delete"      // deleteNote
	actionAccept     = "accept"      // annotate.SuggestionKey
	actionAcceptAs   = "accept-as"   // acceptAs: accept with another label
	actionReject     = "reject"      // annotate.SuggestionKey
	actionAcceptAll  = "accept-all"  // annotate.Label
	actionRejectAll  = "reject-all"  // annotate.Label
	actionUndo       = "undo"        // no value
	actionRedo       = "redo"        // no value
)

type (
	applyLabel struct {
		Span  annotate.Span
		Label annotate.Label
	}
	relabel struct {
		ID    string
		Label annotate.Label
	}
	setComment struct{ ID, Comment string }
	setTags    struct {
		ID   string
		Tags []string
	}
	setClaim struct {
		ID       string
		Speaker  annotate.Speaker
		Verdict  annotate.Verdict
		Evidence string
	}
	deleteNote struct{ ID string }
	acceptAs   struct {
		Key   annotate.SuggestionKey
		Label annotate.Label
	}
)

// UI actions that change no annotation.
const (
	actionChooseLabel = "choose-label" // annotate.Label: label the selection
	actionActivate    = "activate"     // activeHighlight: open its card
	actionCloseCard   = "close-card"   // no value
)

// editEnv is what edits need beyond the action: who the reader is, the
// clock and new ids (fixed in tests), and the machine's suggestions.
type editEnv struct {
	Reader      *annotate.Agent
	Now         func() time.Time
	NewID       annotate.IDFunc
	Suggestions []annotate.Entity
	Recognizer  string
}

// editResult says what an edit did: a short report for the reader
// ("Accepted 12 PERSON suggestions.") and the id of the note it created.
type editResult struct {
	Report  string
	Created string
}

// applyEdit applies one action to the history and returns the new
// history. On error the history is returned unchanged and the error says
// why, for the reader.
func applyEdit(h annotate.History, name string, value any, env editEnv) (annotate.History, editResult, error) {
	w := h.Current().WithSuggestions(env.Suggestions, env.Recognizer)
	now := env.Now().UTC()
	var res editResult
	var next annotate.Workspace
	var err error
	badValue := fmt.Errorf("internal error: action %q carries a %T", name, value)
	switch name {
	case actionUndo:
		if u, ok := h.Undo(); ok {
			return u, editResult{Report: "Undone."}, nil
		}
		return h, res, fmt.Errorf("nothing to undo")
	case actionRedo:
		if r, ok := h.Redo(); ok {
			return r, editResult{Report: "Redone."}, nil
		}
		return h, res, fmt.Errorf("nothing to redo")
	case actionApplyLabel:
		v, ok := value.(applyLabel)
		if !ok {
			return h, res, badValue
		}
		res.Created = env.NewID()
		next, err = w.Create(v.Span, v.Label, res.Created, env.Reader, now)
		res.Report = fmt.Sprintf("Marked as %s.", v.Label)
	case actionRelabel:
		v, ok := value.(relabel)
		if !ok {
			return h, res, badValue
		}
		next, err = w.Relabel(v.ID, v.Label, now)
		res.Report = fmt.Sprintf("Now %s.", v.Label)
	case actionComment:
		v, ok := value.(setComment)
		if !ok {
			return h, res, badValue
		}
		next, err = w.SetComment(v.ID, v.Comment, now)
		res.Report = "Comment saved."
	case actionTags:
		v, ok := value.(setTags)
		if !ok {
			return h, res, badValue
		}
		next, err = w.SetTags(v.ID, v.Tags, now)
		res.Report = "Tags saved."
	case actionClaim:
		v, ok := value.(setClaim)
		if !ok {
			return h, res, badValue
		}
		next, err = w.SetClaim(v.ID, v.Speaker, v.Verdict, v.Evidence, now)
		res.Report = "Claim saved."
	case actionDelete:
		v, ok := value.(deleteNote)
		if !ok {
			return h, res, badValue
		}
		next, err = w.Delete(v.ID, now)
		res.Report = "Deleted."
	case actionAccept:
		k, ok := value.(annotate.SuggestionKey)
		if !ok {
			return h, res, badValue
		}
		res.Created = env.NewID()
		next, err = w.Accept(k, res.Created, env.Reader, now)
		res.Report = fmt.Sprintf("Accepted as %s.", k.Label)
	case actionAcceptAs:
		v, ok := value.(acceptAs)
		if !ok {
			return h, res, badValue
		}
		res.Created = env.NewID()
		next, err = w.Accept(v.Key, res.Created, env.Reader, now)
		if err == nil && v.Label != v.Key.Label {
			next, err = next.Relabel(res.Created, v.Label, now)
		}
		res.Report = fmt.Sprintf("Accepted as %s.", v.Label)
	case actionReject:
		k, ok := value.(annotate.SuggestionKey)
		if !ok {
			return h, res, badValue
		}
		next, err = w.Reject(k)
		res.Report = "Rejected."
	case actionAcceptAll, actionRejectAll:
		l, ok := value.(annotate.Label)
		if !ok {
			return h, res, badValue
		}
		var n int
		if name == actionAcceptAll {
			next, n = w.AcceptAll(l, env.NewID, env.Reader, now)
			res.Report = fmt.Sprintf("Accepted %d %s suggestions.", n, l)
		} else {
			next, n = w.RejectAll(l)
			res.Report = fmt.Sprintf("Rejected %d %s suggestions.", n, l)
		}
		if n == 0 {
			return h, res, fmt.Errorf("no %s suggestions are open", l)
		}
	default:
		return h, res, fmt.Errorf("internal error: unknown edit %q", name)
	}
	if err != nil {
		return h, editResult{}, err
	}
	return h.Do(next), res, nil
}

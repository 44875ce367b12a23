package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"glossa/annotate"
	"glossa/annotate/formats/remote"
	"glossa/annotate/library"
)

// Notices: what the reader's last action did, or why it did not, in one
// sentence by the status line. Every feature says it here; explain turns
// an error into a sentence a reader understands, and the error itself is
// kept as details the reader can open.

// stateNotice holds the current notice.
const stateNotice = "notice"

// notice is one message to the reader.
type notice struct {
	Text    string // a sentence: what happened, and what to do
	Details string // the error underneath, for the curious; "" if none
	Problem bool   // something was not done
	// Offer is the label of a button that does what the notice proposes
	// ("Attach to the open article"), raising OfferAction; "" if none.
	Offer, OfferAction string
}

// say tells the reader what an action did.
func say(ctx app.Context, text string) {
	ctx.SetState(stateNotice, notice{Text: text})
}

// sayFailed tells the reader that an action was not done ("Not saved",
// "Nothing imported") and why, in words they can act on.
func sayFailed(ctx app.Context, what string, err error) {
	ctx.SetState(stateNotice, notice{Text: what + ": " + explain(err), Details: err.Error(), Problem: true})
}

// explain says in a sentence what an error means to a reader and what to
// do about it. It never returns the error's own text, which names
// identifiers and internals; sayFailed keeps that as details.
func explain(err error) string {
	var limit *annotate.LimitError
	var named *readerError
	switch {
	case err == nil:
		return "it worked"
	case errors.As(err, &named):
		return named.sentence
	case errors.As(err, &limit):
		unit := limit.Unit
		if unit == "code points" {
			unit = "characters"
		}
		return fmt.Sprintf("the %s is too long: %s %s, where Glossa keeps at most %s. Shorten it and try again",
			strings.Trim(limit.What, `"`), thousands(limit.Got), unit, thousands(limit.Limit))
	case errors.Is(err, library.ErrQuota):
		return "the browser's storage is full. Your work stays on screen: delete articles you no longer need, and your next change saves everything"
	case errors.Is(err, errNoIndexedDB):
		return "this browser offers no database here (a private window, or storage blocked for this site)"
	case errors.Is(err, library.ErrNewerSchema), errors.Is(err, errNewerDB):
		return "it was saved by a newer version of Glossa, which this one cannot read; it is left untouched. Open the newest Glossa to use it"
	case errors.Is(err, library.ErrCorrupt):
		return "a saved record cannot be read; it is kept as it is, and everything else works"
	case errors.Is(err, remote.ErrNoReviewURL):
		return "a ClaimReview needs the address of the page where your fact check is published: set “Review URL for this article” in Settings, then export again"
	case errors.Is(err, remote.ErrNoArticle):
		return "its annotations are of pages that are not in your library, and none of them quotes the open article. Add the article they annotate first, then import the file again"
	case errors.Is(err, annotate.ErrBadURL):
		return "the evidence must be a web address that starts with http:// or https://, such as https://example.org/report"
	case errors.Is(err, annotate.ErrDuplicate):
		return "this text already has an annotation with that label"
	case errors.Is(err, annotate.ErrNotClaim):
		return "only a CLAIM has a speaker, a verdict and evidence: change the label to CLAIM first"
	case errors.Is(err, annotate.ErrBadSpeaker):
		return "a claim's speaker is another annotation of this article, or a typed name, not both and not the claim itself"
	case errors.Is(err, annotate.ErrNotFound):
		return "that is no longer there (it may have changed in another tab); nothing was changed"
	case errors.Is(err, annotate.ErrBadSpan):
		return "that selection cannot be annotated: select some words of the article"
	case errors.Is(err, annotate.ErrNotText):
		return "it is not UTF-8 text. Save it as UTF-8 and try again"
	case errors.Is(err, remote.ErrUnsupportedFormat):
		return "Glossa does not read or write that kind of file (see the formats in the export menu)"
	case errors.Is(err, annotate.ErrBadInput):
		return "the file cannot be read: " + detail(err, annotate.ErrBadInput)
	}
	return "something went wrong in the browser; your work stays on screen. Try again, or reload the page"
}

// readerError is an error whose sentence is already written for the
// reader (the app's own checks: "there is no text", a file too large).
type readerError struct{ sentence string }

func (e *readerError) Error() string { return e.sentence }

// problem returns an error that explain says as it is.
func problem(format string, args ...any) error {
	return &readerError{sentence: fmt.Sprintf(format, args...)}
}

// detail returns what an error says after its sentinel: the place and the
// problem that the core's errors name in the input's own terms ("line 3:
// \"target\" is missing").
func detail(err, sentinel error) string {
	msg := err.Error()
	s := sentinel.Error() + ": "
	for i := 0; i+len(s) <= len(msg); i++ {
		if msg[i:i+len(s)] == s {
			return msg[:i] + msg[i+len(s):]
		}
	}
	return msg
}

// thousands writes n with a comma every three digits, as readers of
// English expect: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

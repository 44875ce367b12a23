package annotate

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Claim is the label of a claim: a statement in the article the reader
// singles out to assess.
const Claim Label = "CLAIM"

// AllLabels lists every label a reader can give a note, in the order the UI
// shows them (number keys 1 to 9, then 0): EntityLabels, then Claim.
var AllLabels = append(slices.Clone(EntityLabels), Claim)

// Verdict is the reader's assessment of a claim.
type Verdict string

// The verdicts of a claim. The zero value is Unverified.
const (
	Unverified Verdict = ""
	Supported  Verdict = "supported"
	Disputed   Verdict = "disputed"
	False      Verdict = "false"
	Misleading Verdict = "misleading"
)

// Verdicts lists the verdicts in the order the UI shows them.
var Verdicts = []Verdict{Unverified, Supported, Disputed, False, Misleading}

// String returns the verdict's name: "unverified" for Unverified.
func (v Verdict) String() string {
	if v == Unverified {
		return "unverified"
	}
	return string(v)
}

// ParseVerdict returns the verdict named s (as String writes it, so
// "unverified" or "" give Unverified).
func ParseVerdict(s string) (Verdict, error) {
	if s == "unverified" {
		return Unverified, nil
	}
	if v := Verdict(s); slices.Contains(Verdicts, v) {
		return v, nil
	}
	return "", fmt.Errorf("%w %q: want one of %s", ErrBadVerdict, s, verdictNames())
}

func verdictNames() string {
	names := make([]string, len(Verdicts))
	for i, v := range Verdicts {
		names[i] = v.String()
	}
	return strings.Join(names, ", ")
}

// Speaker is who makes a claim: another note of the workspace, usually a
// PERSON or ORG mention (AnnotationID, its urn:uuid id), or a name the
// reader typed (Name). At most one is set; the zero value is no speaker.
type Speaker struct {
	AnnotationID string
	Name         string
}

// IsZero reports whether no speaker is given.
func (s Speaker) IsZero() bool { return s == Speaker{} }

// Limits on what a reader types, in code points.
const (
	MaxComment = 10_000 // code points in a comment
	MaxTag     = 100    // code points in one tag
	MaxTags    = 50     // tags on one note
	MaxURL     = 2_000  // code points in an evidence URL
	MaxName    = 200    // code points in a typed speaker name
)

// Note is one of the reader's annotations, as the UI sees it. A Note is a
// value: the slices it holds are never modified after it is made, so copies
// share them safely.
type Note struct {
	ID      string // "urn:uuid:" and a UUID, time-ordered (v7) for new notes
	Span    Span   // code points
	Label   Label  // one of AllLabels
	Comment string // multi-line plain text, at most MaxComment code points
	// Tags are free text, trimmed, inner white space collapsed to one
	// space, without duplicates, in the order the reader gave them; nil
	// when there are none.
	Tags []string
	// Speaker, Verdict and Evidence are for claims only: they stay zero on
	// other notes.
	Speaker  Speaker
	Verdict  Verdict
	Evidence string // an absolute http or https URL, or ""
	Creator  Agent  // the reader
	// ProposedBy is the machine that suggested the note, when the reader
	// accepted it from a suggestion; nil otherwise.
	ProposedBy *Agent
	// Created and Modified are in UTC, to the second (the precision of the
	// W3C serialization).
	Created, Modified time.Time
}

// NoteKey is what no two notes of a workspace share besides their id: a
// span, a label and a creator. Two readers may each make a note with the
// same span and label; one reader making the same note twice (say in two
// tabs) makes a duplicate.
type NoteKey struct {
	Span    Span
	Label   Label
	Creator Agent
}

// Key returns the note's key.
func (n Note) Key() NoteKey { return NoteKey{Span: n.Span, Label: n.Label, Creator: n.Creator} }

// IDFunc returns a new unique IRI each call, such as "urn:uuid:…".
type IDFunc func() string

// NewID returns a new note id: "urn:uuid:" and a time-ordered UUID
// (version 7). It is an IDFunc.
func NewID() string { return "urn:uuid:" + uuid.Must(uuid.NewV7()).String() }

// CheckID checks that id is "urn:uuid:" and a UUID in canonical form.
func CheckID(id string) error {
	rest, ok := strings.CutPrefix(id, "urn:uuid:")
	if u, err := uuid.Parse(rest); !ok || err != nil || u.String() != rest {
		return fmt.Errorf(`%w %q: want "urn:uuid:" and a lower-case UUID`, ErrBadID, id)
	}
	return nil
}

// CheckLabel checks that l is one of AllLabels.
func CheckLabel(l Label) error {
	if slices.Contains(AllLabels, l) {
		return nil
	}
	names := make([]string, len(AllLabels))
	for i, l := range AllLabels {
		names[i] = string(l)
	}
	return fmt.Errorf("%w %q: want one of %s", ErrBadLabel, l, strings.Join(names, ", "))
}

// CheckNoteSpan checks that s is a non-empty span of t that holds more than
// white space.
func CheckNoteSpan(t *Text, s Span) error {
	if err := t.CheckSpan(s.Start, s.End); err != nil {
		return err
	}
	if strings.TrimSpace(t.Slice(s.Start, s.End)) == "" {
		return fmt.Errorf("%w: span [%d, %d) is only white space", ErrBadSpan, s.Start, s.End)
	}
	return nil
}

// CleanComment returns the comment as stored: byte for byte, except that a
// comment of only white space becomes "".
func CleanComment(c string) (string, error) {
	if !utf8.ValidString(c) {
		return "", fmt.Errorf("comment: %w", ErrNotText)
	}
	if n := utf8.RuneCountInString(c); n > MaxComment {
		return "", tooLong("comment", n, MaxComment, "code points")
	}
	if strings.TrimSpace(c) == "" {
		return "", nil
	}
	return c, nil
}

// CleanTags trims each tag and collapses its inner white space, drops
// empty tags and repeats, and keeps the order. It returns nil for no tags.
func CleanTags(tags []string) ([]string, error) {
	var out []string
	for _, tag := range tags {
		if !utf8.ValidString(tag) {
			return nil, fmt.Errorf("tag %q: %w", tag, ErrNotText)
		}
		tag = strings.Join(strings.FieldsFunc(tag, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsControl(r)
		}), " ")
		if tag == "" || slices.Contains(out, tag) {
			continue
		}
		if n := utf8.RuneCountInString(tag); n > MaxTag {
			return nil, tooLong("tag", n, MaxTag, "code points")
		}
		out = append(out, tag)
	}
	if len(out) > MaxTags {
		return nil, tooLong("tag list", len(out), MaxTags, "tags")
	}
	return out, nil
}

// CleanEvidence returns the evidence URL as it is stored: "" for none
// (white space only), else CanonicalURL of it. A bad URL is an error
// wrapping ErrBadURL that names what is wrong.
func CleanEvidence(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(s)); n > MaxURL {
		return "", tooLong("evidence URL", n, MaxURL, "code points")
	}
	u, err := CanonicalURL(s)
	if err != nil {
		return "", fmt.Errorf("%w: evidence %w", ErrBadURL, err)
	}
	return u, nil
}

// CanonicalURL trims s and returns it as an absolute http or https URL
// with a host, in canonical form (net/url's URL.String: the scheme in
// lower case, what needs escaping in the path escaped), at most MaxURL
// code points. Characters that no URL holds (RFC 3986: white space and
// controls, " < > \ ^ ` { | }) are refused, not escaped: such a string is
// not a URL, and the error says how to write the character. Its result is
// its own canonical form.
func CanonicalURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if n := utf8.RuneCountInString(s); n > MaxURL {
		return "", fmt.Errorf("of %d code points: the limit is %d", n, MaxURL)
	}
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%q is not UTF-8 text", s)
	}
	if i := strings.IndexFunc(s, notInURL); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		what := fmt.Sprintf("%q", r)
		switch {
		case r == ' ':
			what = "a space"
		case unicode.IsSpace(r) || unicode.IsControl(r):
			what = fmt.Sprintf("the control or space character %U", r)
		}
		return "", fmt.Errorf("%q holds %s, which a URL cannot hold (write it as %s)", s, what, percentEncode(r))
	}
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", fmt.Errorf("%q does not parse: %v", s, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("%q: want an http or https URL, such as https://example.org/page", s)
	}
	return u.String(), nil
}

// EscapeURL trims s and percent-encodes in it the characters that
// CanonicalURL refuses because no URL holds them (white space, controls,
// and " < > \ ^ ` { | }), as a browser does with what is typed in its
// address bar. The library uses it to read evidence stored before such
// URLs were refused.
func EscapeURL(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsFunc(s, notInURL) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if notInURL(r) {
			b.WriteString(percentEncode(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// notInURL reports whether r is a character that RFC 3986 allows nowhere
// in a URL: white space, controls, and " < > \ ^ ` { | }.
func notInURL(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("\"<>\\^`{|}", r)
}

// percentEncode writes r's UTF-8 bytes as %XX escapes.
func percentEncode(r rune) string {
	var b strings.Builder
	for _, c := range []byte(string(r)) {
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// CleanSpeakerName trims a typed speaker name and checks its length.
func CleanSpeakerName(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("speaker name: %w", ErrNotText)
	}
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	if n := utf8.RuneCountInString(s); n > MaxName {
		return "", tooLong("speaker name", n, MaxName, "code points")
	}
	return s, nil
}

// Stamp turns a clock reading into a note time: UTC, to the second.
func Stamp(now time.Time) time.Time { return now.UTC().Truncate(time.Second) }

// CompareNotes orders notes: by Start, then longer first (End descending), then by
// ID, so an enclosing note comes before the notes inside it.
func CompareNotes(a, b Note) int {
	if c := CompareSpans(a.Span, b.Span); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// CompareSpans orders spans by Start, then End descending.
func CompareSpans(a, b Span) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	return b.End - a.End
}

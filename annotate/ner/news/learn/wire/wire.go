// Package wire encodes what the page and the tagging worker exchange
// about learning: the reader's decisions about a document and the
// learned records the library keeps, as bytes. The worker's WebAssembly
// links no encoding/json, which would make its download, which comes
// before the first highlight, a tenth larger; the page links no learner.
package wire

import (
	"encoding/binary"
	"errors"
	"fmt"

	"glossa/annotate"
	"glossa/annotate/library"
)

// Both encodings are a magic word, then fields in order: unsigned varints
// (in their shortest form) for numbers and lengths, a length then the
// bytes for strings.
const (
	decisionsMagic = "GLDC1"
	recordsMagic   = "GLLR1"
)

// ErrBadWire is wrapped by the errors of ParseDecisions and ParseRecords
// for bytes that are not what the other side of the worker writes.
var ErrBadWire = errors.New("not the decisions or records the tagging worker exchanges")

// Decisions are what the reader did in one document, the evidence learning
// reads: the document's text, the reader's notes (those with an entity
// label; claims are no entities) and the suggestions they rejected. An
// accepted suggestion is its note (and a relabeled one its note's new
// label), so the accepted set adds nothing.
type Decisions struct {
	Text     string // normalized (annotate.NormalizeText), as a Workspace's document
	Notes    []annotate.Note
	Rejected []annotate.SuggestionKey
}

// MarshalBinary encodes what the learner reads of the decisions: the
// text, each note's ID, span and label (not its comment, tags or the
// rest), and the rejected suggestions.
func (d Decisions) MarshalBinary() ([]byte, error) {
	b := []byte(decisionsMagic)
	b = appendString(b, d.Text)
	b = binary.AppendUvarint(b, uint64(len(d.Notes)))
	for _, n := range d.Notes {
		b = appendString(b, n.ID)
		b = appendKey(b, annotate.SuggestionKey{Span: n.Span, Label: n.Label})
	}
	b = binary.AppendUvarint(b, uint64(len(d.Rejected)))
	for _, k := range d.Rejected {
		b = appendKey(b, k)
	}
	return b, nil
}

// ParseDecisions decodes Decisions.MarshalBinary's bytes.
func ParseDecisions(b []byte) (Decisions, error) {
	r := wireReader{b: b}
	r.magic(decisionsMagic)
	d := Decisions{Text: r.str()}
	for range r.count() {
		id := r.str()
		k := r.key()
		d.Notes = append(d.Notes, annotate.Note{ID: id, Span: k.Span, Label: k.Label})
	}
	for range r.count() {
		d.Rejected = append(d.Rejected, r.key())
	}
	return d, r.done("decisions")
}

// EncodeRecords encodes learned records for the worker.
func EncodeRecords(recs []library.Learned) []byte {
	b := []byte(recordsMagic)
	b = binary.AppendUvarint(b, uint64(len(recs)))
	for _, rec := range recs {
		b = appendString(b, rec.Model)
		b = appendString(b, rec.Origin)
		b = binary.AppendUvarint(b, uint64(rec.Corrections))
		imported := byte(0)
		if rec.Imported {
			imported = 1
		}
		b = append(b, imported)
		b = appendString(b, string(rec.Data))
	}
	return b
}

// ParseRecords decodes EncodeRecords's bytes. A list of none gives an
// empty slice, not nil.
func ParseRecords(b []byte) ([]library.Learned, error) {
	r := wireReader{b: b}
	r.magic(recordsMagic)
	recs := []library.Learned{}
	for range r.count() {
		rec := library.Learned{Model: r.str(), Origin: r.str(), Corrections: int(r.uint())}
		switch r.byte() {
		case 0:
		case 1:
			rec.Imported = true
		default:
			r.fail("an imported mark that is neither 0 nor 1")
		}
		rec.Data = []byte(r.str())
		recs = append(recs, rec)
	}
	return recs, r.done("learned records")
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendKey(b []byte, k annotate.SuggestionKey) []byte {
	b = binary.AppendUvarint(b, uint64(k.Span.Start))
	b = binary.AppendUvarint(b, uint64(k.Span.End))
	return appendString(b, string(k.Label))
}

// wireReader reads the fields of the worker's encodings in order; the
// first problem stops it, and done reports it with where it was.
type wireReader struct {
	b   []byte
	off int
	err error
}

func (r *wireReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s at byte %d", ErrBadWire, what, r.off)
	}
}

func (r *wireReader) magic(m string) {
	if len(r.b) < len(m) || string(r.b[:len(m)]) != m {
		r.fail("no " + m + " at the start")
		return
	}
	r.off = len(m)
}

func (r *wireReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 || n > 1 && r.b[r.off+n-1] == 0 {
		r.fail("a damaged, padded or missing number")
		return 0
	}
	r.off += n
	return v
}

// count reads a count of items, each at least a byte long: no more than
// the bytes left.
func (r *wireReader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)-r.off) {
		r.fail(fmt.Sprintf("a count of %d items with %d bytes left", n, len(r.b)-r.off))
		return 0
	}
	return int(n)
}

func (r *wireReader) byte() byte {
	if r.err == nil && r.off >= len(r.b) {
		r.fail("the end where a byte should be")
	}
	if r.err != nil {
		return 0
	}
	r.off++
	return r.b[r.off-1]
}

func (r *wireReader) str() string {
	n := r.uint()
	if n > uint64(len(r.b)-r.off) {
		r.fail(fmt.Sprintf("a string of %d bytes with %d bytes left", n, len(r.b)-r.off))
	}
	if r.err != nil {
		return ""
	}
	s := string(r.b[r.off : r.off+int(n)])
	r.off += int(n)
	return s
}

func (r *wireReader) key() annotate.SuggestionKey {
	start, end := r.uint(), r.uint()
	label := r.str()
	if r.err == nil && (start > end || end > 1<<40) {
		r.fail(fmt.Sprintf("a span [%d, %d) that ends before it starts or past any text", start, end))
	}
	return annotate.SuggestionKey{Span: annotate.Span{Start: int(start), End: int(end)}, Label: annotate.Label(label)}
}

func (r *wireReader) done(what string) error {
	if r.err == nil && r.off != len(r.b) {
		r.fail(fmt.Sprintf("%d bytes after the %s", len(r.b)-r.off, what))
	}
	return r.err
}

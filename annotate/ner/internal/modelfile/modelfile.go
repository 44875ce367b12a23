// Package modelfile reads and writes Glossa's compact NER model file: prose's
// part-of-speech tagger and entity classifier as flat tables that load
// without gob and without a string allocation per entry.
//
// # Layout
//
// All integers are little-endian. The file is a 20-byte header and a body:
//
//	magic   [8]byte  "GLNERMDL"
//	version uint32   Version
//	length  uint32   body length in bytes
//	crc     uint32   CRC-32 (IEEE) of the body
//
// The body holds, in order:
//
//	Classes     string list   the tagger's classes (at most 255)
//	TagWords    string list   the tagger's tag dictionary: words ...
//	TagClass    n bytes       ... and each word's class
//	TaggerKeys  string list   the tagger's features (see TaggerKey)
//	TaggerRows  rows          per feature: (class byte, weight int32 in thousandths)
//	Labels      string list   the entity classifier's labels (at most 255)
//	MaxentKeys  string list   the classifier's features (see MaxentKey)
//	MaxentRows  rows          per feature: (label byte, weight float64 bits)
//	Words       string list   prose's English word list (its en-wordlist feature)
//
// A string list is a uvarint count n, n uvarint lengths, then the strings'
// bytes back to back. Rows are, for a list of n keys, n uvarint entry counts,
// then every entry's index byte, then every entry's weight. Strings are
// bytes, not necessarily UTF-8: they are prose's keys as prose builds them.
//
// Decode checks every count and index against the data it has, so that no
// input, however damaged, makes it panic or allocate more than a small
// multiple of the input's size.
package modelfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
)

// Magic opens every model file.
const Magic = "GLNERMDL"

// Version is the layout version Encode writes and Decode accepts.
const Version = 1

// HeaderSize is the length of the header before the body, in bytes.
const HeaderSize = 20

// ErrBadModel is wrapped by every error Decode returns.
var ErrBadModel = errors.New("bad NER model file")

// TaggerTemplates are the averaged perceptron tagger's feature templates,
// as prose's featurize (tag.go) writes them before the value. A tagger
// feature key is one byte, the template's index, then the value: prose's
// feature "i suffix ing" is "\x01ing".
var TaggerTemplates = []string{
	"bias", "i suffix ", "i pref1 ", "i-1 tag ", "i-2 tag ", "i tag+i-2 tag ",
	"i word ", "i-1 tag+i word ", "i-1 word ", "i-1 suffix ", "i-2 word ",
	"i+1 word ", "i+1 suffix ", "i+2 word ",
}

// MaxentFeatures are the entity classifier's feature names in prose's
// featureOrder (extract.go), the order in which prose sums their weights. A
// classifier feature key is one byte, the name's index, then the value:
// prose's mapping entry "suffix3-ing-O" is key "\x0cing" with an entry for
// label O.
var MaxentFeatures = []string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen",
}

// Tables is a model's content, decoded: flat string lists and rows.
type Tables struct {
	Classes    Strings
	TagWords   Strings
	TagClass   []uint8 // one per TagWords entry
	TaggerKeys Strings
	// One row per TaggerKeys entry: classes (indexes into Classes) and
	// weights in thousandths, prose's weights being multiples of 0.001.
	TaggerRows Rows[int32]
	Labels     Strings
	MaxentKeys Strings
	MaxentRows Rows[float64] // one row per MaxentKeys entry: labels (indexes into Labels) and weights
	Words      Strings
}

// Strings is a list of byte strings stored back to back: string i is
// Blob[Off[i]:Off[i+1]].
type Strings struct {
	Blob string
	Off  []uint32 // Len()+1 offsets into Blob, the first 0
}

// Len returns the number of strings.
func (s *Strings) Len() int {
	if len(s.Off) == 0 {
		return 0
	}
	return len(s.Off) - 1
}

// At returns string i.
func (s *Strings) At(i int) string { return s.Blob[s.Off[i]:s.Off[i+1]] }

// MakeStrings builds a Strings from a slice.
func MakeStrings(list []string) Strings {
	var b bytes.Buffer
	off := make([]uint32, 1, len(list)+1)
	for _, s := range list {
		b.WriteString(s)
		off = append(off, uint32(b.Len()))
	}
	return Strings{Blob: b.String(), Off: off}
}

// Rows holds one row of entries per key, each entry an index (a class or a
// label) and a weight: row i is Index[Off[i]:Off[i+1]] and the same range
// of Weight.
type Rows[W int32 | float64] struct {
	Off    []uint32
	Index  []uint8
	Weight []W
}

// Append adds a row from parallel indexes and weights.
func (r *Rows[W]) Append(index []uint8, weight []W) {
	if len(r.Off) == 0 {
		r.Off = append(r.Off, 0)
	}
	r.Index = append(r.Index, index...)
	r.Weight = append(r.Weight, weight...)
	r.Off = append(r.Off, uint32(len(r.Index)))
}

// Len returns the number of rows.
func (r *Rows[W]) Len() int {
	if len(r.Off) == 0 {
		return 0
	}
	return len(r.Off) - 1
}

// Encode returns t in the model file layout.
func Encode(t *Tables) ([]byte, error) {
	if err := t.check(); err != nil {
		return nil, fmt.Errorf("encode NER model: %w", err)
	}
	var body []byte
	body = putStrings(body, &t.Classes)
	body = putStrings(body, &t.TagWords)
	body = append(body, t.TagClass...)
	body = putStrings(body, &t.TaggerKeys)
	body = putRows(body, &t.TaggerRows, func(b []byte, w int32) []byte { return binary.LittleEndian.AppendUint32(b, uint32(w)) })
	body = putStrings(body, &t.Labels)
	body = putStrings(body, &t.MaxentKeys)
	body = putRows(body, &t.MaxentRows, func(b []byte, w float64) []byte {
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(w))
	})
	body = putStrings(body, &t.Words)
	if uint64(len(body)) > math.MaxUint32 {
		return nil, fmt.Errorf("encode NER model: body of %d bytes is too large", len(body))
	}
	out := make([]byte, 0, HeaderSize+len(body))
	out = append(out, Magic...)
	out = binary.LittleEndian.AppendUint32(out, Version)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(body)))
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
	return append(out, body...), nil
}

// check verifies the invariants Decode checks, so Encode never writes a
// file Decode rejects.
func (t *Tables) check() error {
	if n := t.Classes.Len(); n == 0 || n > 255 {
		return fmt.Errorf("%d tagger classes, want 1 to 255", n)
	}
	if n := t.Labels.Len(); n == 0 || n > 255 {
		return fmt.Errorf("%d classifier labels, want 1 to 255", n)
	}
	if len(t.TagClass) != t.TagWords.Len() {
		return fmt.Errorf("%d tag dictionary classes for %d words", len(t.TagClass), t.TagWords.Len())
	}
	for i, c := range t.TagClass {
		if int(c) >= t.Classes.Len() {
			return fmt.Errorf("tag dictionary word %q has class %d of %d", t.TagWords.At(i), c, t.Classes.Len())
		}
	}
	if t.TaggerRows.Len() != t.TaggerKeys.Len() || t.MaxentRows.Len() != t.MaxentKeys.Len() {
		return errors.New("row count differs from key count")
	}
	if len(t.TaggerRows.Weight) != len(t.TaggerRows.Index) || len(t.MaxentRows.Weight) != len(t.MaxentRows.Index) {
		return errors.New("weight count differs from index count")
	}
	for i, c := range t.TaggerRows.Index {
		if int(c) >= t.Classes.Len() {
			return fmt.Errorf("tagger entry %d has class %d of %d", i, c, t.Classes.Len())
		}
	}
	for i, l := range t.MaxentRows.Index {
		if int(l) >= t.Labels.Len() {
			return fmt.Errorf("classifier entry %d has label %d of %d", i, l, t.Labels.Len())
		}
	}
	return nil
}

func putStrings(b []byte, s *Strings) []byte {
	n := s.Len()
	b = binary.AppendUvarint(b, uint64(n))
	for i := range n {
		b = binary.AppendUvarint(b, uint64(s.Off[i+1]-s.Off[i]))
	}
	if n > 0 {
		b = append(b, s.Blob[:s.Off[n]]...)
	}
	return b
}

func putRows[W int32 | float64](b []byte, r *Rows[W], weight func([]byte, W) []byte) []byte {
	for i := range r.Len() {
		b = binary.AppendUvarint(b, uint64(r.Off[i+1]-r.Off[i]))
	}
	b = append(b, r.Index...)
	for _, w := range r.Weight {
		b = weight(b, w)
	}
	return b
}

// Decode parses a model file. Errors wrap ErrBadModel and name the part of
// the file that is wrong.
func Decode(data []byte) (*Tables, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("%w: empty file", ErrBadModel)
	}
	if len(data) < HeaderSize {
		if !bytes.HasPrefix([]byte(Magic), data[:min(len(data), len(Magic))]) {
			return nil, fmt.Errorf("%w: not a model file (no %q header)", ErrBadModel, Magic)
		}
		return nil, fmt.Errorf("%w: truncated header: %d of %d bytes", ErrBadModel, len(data), HeaderSize)
	}
	if string(data[:len(Magic)]) != Magic {
		return nil, fmt.Errorf("%w: not a model file (no %q header)", ErrBadModel, Magic)
	}
	if v := binary.LittleEndian.Uint32(data[8:]); v != Version {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrBadModel, v, Version)
	}
	n := binary.LittleEndian.Uint32(data[12:])
	body := data[HeaderSize:]
	if uint64(len(body)) < uint64(n) {
		return nil, fmt.Errorf("%w: truncated: body has %d of %d bytes", ErrBadModel, len(body), n)
	}
	if uint64(len(body)) > uint64(n) {
		return nil, fmt.Errorf("%w: %d bytes after the %d-byte body", ErrBadModel, uint64(len(body))-uint64(n), n)
	}
	if sum, want := crc32.ChecksumIEEE(body), binary.LittleEndian.Uint32(data[16:]); sum != want {
		return nil, fmt.Errorf("%w: checksum %08x, header says %08x (damaged file)", ErrBadModel, sum, want)
	}
	d := decoder{b: body}
	t := new(Tables)
	t.Classes = d.strings("classes")
	t.TagWords = d.strings("tag dictionary")
	t.TagClass = bytes.Clone(d.bytes("tag dictionary classes", t.TagWords.Len()))
	t.TaggerKeys = d.strings("tagger features")
	t.TaggerRows = decodeRows(&d, "tagger rows", t.TaggerKeys.Len(), 4, func(w []byte) int32 {
		return int32(binary.LittleEndian.Uint32(w))
	})
	t.Labels = d.strings("labels")
	t.MaxentKeys = d.strings("classifier features")
	t.MaxentRows = decodeRows(&d, "classifier rows", t.MaxentKeys.Len(), 8, func(w []byte) float64 {
		return math.Float64frombits(binary.LittleEndian.Uint64(w))
	})
	t.Words = d.strings("word list")
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d unread bytes at the end of the body", ErrBadModel, len(d.b))
	}
	if err := t.check(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	return t, nil
}

// decoder reads the body front to back; after the first error every read
// returns zero values and err keeps that error.
type decoder struct {
	b   []byte
	pos int // bytes read so far, for error messages
	err error
}

func (d *decoder) fail(part, format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s at body byte %d: %s", ErrBadModel, part, d.pos, fmt.Sprintf(format, args...))
	}
	d.b = nil
}

func (d *decoder) uvarint(part string) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(part, "bad or truncated number")
		return 0
	}
	d.b = d.b[n:]
	d.pos += n
	return v
}

// count reads a count of items that take at least minSize bytes each, so a
// damaged count cannot make the decoder allocate much.
func (d *decoder) count(part string, minSize int) int {
	v := d.uvarint(part)
	if d.err == nil && v > uint64(len(d.b)/minSize) {
		d.fail(part, "count %d exceeds the %d bytes left", v, len(d.b))
		return 0
	}
	return int(v)
}

func (d *decoder) bytes(part string, n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.b) {
		d.fail(part, "truncated: %d of %d bytes", len(d.b), n)
		return nil
	}
	out := d.b[:n:n]
	d.b = d.b[n:]
	d.pos += n
	return out
}

func (d *decoder) strings(part string) Strings {
	n := d.count(part, 1)
	off := make([]uint32, n+1)
	var total uint64
	for i := range n {
		total += d.uvarint(part)
		if d.err != nil {
			return Strings{}
		}
		if total > uint64(len(d.b)) {
			d.fail(part, "string %d ends past the end of the data", i)
			return Strings{}
		}
		off[i+1] = uint32(total)
	}
	blob := d.bytes(part, int(total))
	if d.err != nil {
		return Strings{}
	}
	return Strings{Blob: string(blob), Off: off}
}

func decodeRows[W int32 | float64](d *decoder, part string, n, size int, weight func([]byte) W) Rows[W] {
	off := make([]uint32, n+1)
	var total uint64
	for i := range n {
		total += d.uvarint(part)
		if d.err != nil {
			return Rows[W]{}
		}
		if total > uint64(len(d.b)/(1+size)) {
			d.fail(part, "row %d ends past the end of the data", i)
			return Rows[W]{}
		}
		off[i+1] = uint32(total)
	}
	index := d.bytes(part, int(total))
	weights := d.bytes(part, int(total)*size)
	if d.err != nil {
		return Rows[W]{}
	}
	r := Rows[W]{Off: off, Index: bytes.Clone(index), Weight: make([]W, total)}
	for i := range r.Weight {
		r.Weight[i] = weight(weights[i*size:])
	}
	return r
}

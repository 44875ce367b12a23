package learn

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/bits"
	"slices"

	"glossa/annotate/ner/news"
)

// Part is what was learned in one place: weight changes over one base
// model, and the reader's decisions they were learned from. A Learner
// learns into its own part, and reads parts learned elsewhere (a library
// imported from another browser, or another reader's).
type Part struct {
	// Model is the base model's ID (news.Model.ID): the part is for that
	// model only.
	Model string
	// Origin names where the part was learned: a urn:uuid made when the
	// learning began. Two states of one part have the same origin; the
	// later one has learned from more decisions.
	Origin string
	// Delta is what was learned.
	Delta *news.Delta
	// Items are the decisions it was learned from (see Item), sorted.
	Items []uint64
}

// ErrBadPart is wrapped by the error ParsePart returns for data that is
// not a learned part it reads.
var ErrBadPart = errors.New("not a usable learned part")

// The learned part's file, all integers little-endian:
//
//	magic    8 bytes "GLOSSLRN"
//	version  u32 (partVersion)
//	model    u32 length and UTF-8 bytes: the base model's ID
//	origin   u32 length and UTF-8 bytes
//	tags     u32: the model's number of tags, the length of every row
//	items    u32 count, then that many u64, strictly increasing
//	rows     u32 count, then each row in strictly increasing order of its
//	         feature key: the key (u64), a bit mask of the tags whose
//	         value is not 0 (one bit per tag, (tags+7)/8 bytes), and those
//	         values in tag order (each a bfloat16: the high 16 bits of a
//	         float32, rounded to the nearest; finite, not 0)
//	sum      u64: 64-bit FNV-1a of every byte before it
//
// Rows of zeros are left out. A bfloat16 keeps 8 significant bits, ample
// for weight changes (those of a perceptron update are whole multiples of
// its rate), in half a float32's bytes. The same part gives the same
// bytes.
const (
	partMagic   = "GLOSSLRN"
	partVersion = 1
	maxName     = 200 // bytes of a model ID or origin
	maxTags     = 241 // tags of a model of 60 types
)

// MarshalBinary encodes the part. Values that are 0 (or not numbers) are
// left out, and so are rows of them.
func (p Part) MarshalBinary() ([]byte, error) {
	if len(p.Model) > maxName || len(p.Origin) > maxName {
		return nil, fmt.Errorf("encode learned part: %w: a model ID or origin over %d bytes", ErrBadPart, maxName)
	}
	keys := make([]uint64, 0, p.Delta.Len())
	for k := range p.Delta.All() {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	tags := p.Delta.Tags()
	if tags > maxTags {
		return nil, fmt.Errorf("encode learned part: %w: rows of %d tags, at most %d", ErrBadPart, tags, maxTags)
	}
	items := slices.Compact(slices.Sorted(slices.Values(p.Items)))
	le := binary.LittleEndian
	b := make([]byte, 0, 64+8*len(items)+len(keys)*(8+(tags+7)/8+6))
	b = append(b, partMagic...)
	b = le.AppendUint32(b, partVersion)
	for _, s := range []string{p.Model, p.Origin} {
		b = le.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	b = le.AppendUint32(b, uint32(tags))
	b = le.AppendUint32(b, uint32(len(items)))
	for _, it := range items {
		b = le.AppendUint64(b, it)
	}
	count := len(b)
	b = le.AppendUint32(b, 0)
	rows := 0
	mask := make([]byte, (tags+7)/8)
	for _, k := range keys {
		row := p.Delta.Row(k)
		clear(mask)
		for j, v := range row {
			if h := bfloat16(v); usable(fromBfloat16(h)) {
				mask[j/8] |= 1 << (j % 8)
			}
		}
		if !slices.ContainsFunc(mask, func(m byte) bool { return m != 0 }) {
			continue
		}
		rows++
		b = le.AppendUint64(b, k)
		b = append(b, mask...)
		for j, v := range row {
			if mask[j/8]&(1<<(j%8)) != 0 {
				b = le.AppendUint16(b, bfloat16(v))
			}
		}
	}
	le.PutUint32(b[count:], uint32(rows))
	return le.AppendUint64(b, partSum(b)), nil
}

// bfloat16 rounds v to the nearest bfloat16 (ties to even).
func bfloat16(v float32) uint16 {
	b := math.Float32bits(v)
	if math.IsNaN(float64(v)) {
		return 0x7fc0
	}
	return uint16((b + 0x7fff + (b>>16)&1) >> 16)
}

func fromBfloat16(h uint16) float32 { return math.Float32frombits(uint32(h) << 16) }

// usable reports whether a weight change is worth keeping: not 0, and a
// finite number.
func usable(v float32) bool {
	return v != 0 && !math.IsNaN(float64(v)) && !math.IsInf(float64(v), 0)
}

func partSum(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// ParsePart decodes a learned part that MarshalBinary encoded. Data that is
// not one, or is damaged, gets an error wrapping ErrBadPart that says
// which. It does not check the part's model: Learner.Restore does.
func ParsePart(data []byte) (Part, error) {
	bad := func(format string, args ...any) (Part, error) {
		return Part{}, fmt.Errorf("%w: %s", ErrBadPart, fmt.Sprintf(format, args...))
	}
	if len(data) < len(partMagic)+12 || string(data[:len(partMagic)]) != partMagic {
		return bad("it does not start as what Glossa learned does (another kind of data?)")
	}
	body := data[:len(data)-8]
	le := binary.LittleEndian
	if partSum(body) != le.Uint64(data[len(data)-8:]) {
		return bad("it is damaged or truncated (its checksum does not match)")
	}
	r := partReader{b: body, off: len(partMagic)}
	if v := r.u32(); v != partVersion {
		return bad("version %d; this Glossa reads version %d: use a Glossa as new as the one that learned it", v, partVersion)
	}
	var p Part
	p.Model, p.Origin = r.str(), r.str()
	tags := int(r.u32())
	if r.err == nil && tags > maxTags {
		return bad("rows of %d tags; a model has at most %d", tags, maxTags)
	}
	n := r.count(8)
	for i := range n {
		it := r.u64()
		if r.err == nil && i > 0 && it <= p.Items[i-1] {
			return bad("its decisions are out of order")
		}
		p.Items = append(p.Items, it)
	}
	rows := r.count(8 + (tags+7)/8)
	p.Delta = &news.Delta{}
	var last uint64
	for i := range rows {
		k := r.u64()
		mask := r.take((tags + 7) / 8)
		if r.err != nil {
			break
		}
		if i > 0 && k <= last {
			return bad("its rows are out of order")
		}
		last = k
		ones := 0
		for _, m := range mask {
			ones += bits.OnesCount8(m)
		}
		if ones == 0 || tags%8 != 0 && mask[len(mask)-1]>>(tags%8) != 0 {
			return bad("row %d has a bad mask", i)
		}
		row := p.Delta.AddRow(k, tags)
		for j := range tags {
			if mask[j/8]&(1<<(j%8)) == 0 {
				continue
			}
			v := fromBfloat16(r.u16())
			if !usable(v) {
				return bad("row %d holds a value that is 0 or not a number", i)
			}
			row[j] = v
		}
	}
	if r.err != nil {
		return bad("it ends early: %v", r.err)
	}
	if r.off != len(body) {
		return bad("%d bytes follow its rows", len(body)-r.off)
	}
	return p, nil
}

// partReader decodes a part's fields in order.
type partReader struct {
	b   []byte
	off int
	err error
}

func (r *partReader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.off {
		r.err = fmt.Errorf("a field of %d bytes at byte %d runs past the end", n, r.off)
		return nil
	}
	b := r.b[r.off : r.off+n]
	r.off += n
	return b
}

func (r *partReader) u16() uint16 {
	if b := r.take(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *partReader) u32() uint32 {
	if b := r.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *partReader) u64() uint64 {
	if b := r.take(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (r *partReader) str() string {
	n := r.u32()
	if r.err == nil && n > maxName {
		r.err = fmt.Errorf("a name of %d bytes at byte %d, at most %d", n, r.off, maxName)
	}
	return string(r.take(int(n)))
}

// count reads a count of entries of at least size bytes each, checking
// that they fit in what is left.
func (r *partReader) count(size int) int {
	n := int(r.u32())
	if r.err == nil && n > (len(r.b)-r.off)/max(size, 1) {
		r.err = fmt.Errorf("%d entries of %d bytes at byte %d do not fit in what is left", n, size, r.off)
	}
	if r.err != nil {
		return 0
	}
	return n
}

package news

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"unsafe"
)

// ErrBadModel is wrapped by the error ParseModel returns for data that is
// not a model file this package reads: another kind of file, a damaged or
// truncated one, or one written by a newer Glossa.
var ErrBadModel = errors.New("not a usable Glossa entity model")

// The model file, all integers little-endian:
//
//	magic      8 bytes "GLOSSNER"
//	version    u32 (fileVersion)
//	metaLen    u32, then metaLen bytes of Info: the name, what it was
//	           trained on, the count of types and each type, the count of
//	           lists and each list, the count of models carried and each
//	           model's ID (version 4), each string a u32 length and its
//	           UTF-8 bytes; padded with zeros to a multiple of 4
//	slots      u32: the number of slots of the weight table
//	scales     256 × f32: the row scales a scale code stands for
//	rows       slots × stride bytes, stride being 3 + tags rounded up to
//	           an even number; each slot: its feature fingerprint (u16, 0
//	           when empty), its scale code (u8), one weight per tag (i8,
//	           in units of the scale), a zero to the stride; padded with
//	           zeros to a multiple of 4
//	gazSlots   u32: the number of slots of the name-list table
//	gazKeys    gazSlots × u32: fingerprints of listed names, 0 when empty
//	gazMasks   gazSlots × u8: the lists each name is on, one bit per list,
//	           padded with zeros to a multiple of 4
//	sum        u64: checksum (see checksum) of everything before it
//
// Both tables are open-addressed with linear probing: a 64-bit key's home
// slot is its high 32 bits scaled to the table's size, its fingerprint its
// low 16 bits (weights) or 32 bits (names) with the lowest bit set.
// Loading uses the tables where they lie in the file, with no work per
// entry (on a little-endian machine, the fingerprints are read in place):
// a slot's fingerprint, scale and weights are next to each other, so a
// lookup touches one place.
//
// A fingerprint tells a key from the others of its probe run. A lookup of
// a feature the model lacks compares about 13 slots at the tables' load
// of 0.8, and with 16 bits (15 free) takes another's weights about once
// in 2,500 lookups: narrowing the built-in model's 32-bit fingerprints so
// changed none of the counts of its CoNLL-2003 dev scores, and made the
// file 23% smaller as the browser downloads it (brotli). The name lists
// keep 32 bits: with 16, a name taken for a listed one cost 0.004 of dev
// F1 in training. Version 3 files (32-bit fingerprints in both tables,
// weight slots of 5 + tags rounded up to a multiple of 4) still load:
// ParseModel narrows their weight table's fingerprints, which keeps every
// slot where it was, and their ID.
const (
	magic       = "GLOSSNER"
	fileVersion = 4
	// version3 is the version before 16-bit fingerprints: still read.
	version3 = 3
	// Where a weight table slot's parts lie, from its first byte.
	scaleAt   = 2 // the scale code
	weightsAt = 3 // the first tag's weight
)

// Info describes a model: it travels in the model file.
type Info struct {
	// Name names the model in the annotations it suggests.
	Name string `json:"name"`
	// Types are the entity types the model tags, in tag order: CoNLL's
	// PER, LOC, ORG, MISC for the built-in model, Glossa's labels for
	// one trained on a reader's annotations.
	Types []string `json:"types"`
	// Lists names the name lists of the gazetteer table, in bit order.
	Lists []string `json:"lists,omitempty"`
	// Carries are the IDs of the models this one replaces, trained on the
	// same features (a smaller or retrained copy): what a reader taught
	// them applies to this one (package learn reads it). At most 16.
	Carries []string `json:"carries,omitempty"`
	// Trained says what the model was trained on and how, in a sentence.
	Trained string `json:"trained,omitempty"`
}

// Model is a trained entity model, loaded from a model file (ParseModel).
// It is read-only and safe for concurrent use.
type Model struct {
	info    Info
	ntags   int
	scales  [256]float32 // the scale each scale code stands for
	slots   int
	stride  int      // bytes per slot: 3 + ntags, rounded up to an even number
	table   []byte   // the slots, as in the file
	fps     []uint16 // the same bytes as 16-bit words: fps[at/2] is the fingerprint of the slot at byte at
	gazKeys []uint32
	gazMask []uint8
	size    int    // bytes of the file
	sum     uint64 // the file's checksum
}

// Info returns what the model file says about the model.
func (m *Model) Info() Info { return m.info }

// Size returns the size of the model file in bytes.
func (m *Model) Size() int { return m.size }

// ID identifies the model file: its checksum (which covers every byte of
// it, its name and description too) as 16 hexadecimal digits. Two files
// with the same ID hold the same model; what was learned on top of a model
// (a Delta) is for the model of that ID only.
func (m *Model) ID() string { return fmt.Sprintf("%016x", m.sum) }

// home returns a key's home slot in a table of n slots.
func home(key uint64, n int) int { return int((key >> 32) * uint64(n) >> 32) }

// fingerprint returns a feature key's fingerprint in the weight table: its
// low 16 bits with the lowest set, so that it is never 0, which marks an
// empty slot.
func fingerprint(key uint64) uint16 { return uint16(key) | 1 }

// nameFingerprint returns a name key's fingerprint in the name-list table:
// its low 32 bits with the lowest set.
func nameFingerprint(key uint64) uint32 { return uint32(key) | 1 }

// row returns the byte offset in m.table of a feature key's slot, or -1.
func (m *Model) row(key uint64) int {
	n := m.slots
	if n == 0 {
		return -1
	}
	at, fp := home(key, n)*m.stride, fingerprint(key)
	for {
		k := m.fps[at>>1]
		if k == fp {
			return at
		}
		if k == 0 {
			return -1
		}
		at += m.stride
		if at == len(m.table) {
			at = 0
		}
	}
}

// probe looks for fingerprint fp from the slot after the one at byte
// offset at, and returns its byte offset or -1.
func (m *Model) probe(at int, fp uint16) int {
	for {
		at += m.stride
		if at == len(m.table) {
			at = 0
		}
		k := m.fps[at>>1]
		if k == fp {
			return at
		}
		if k == 0 {
			return -1
		}
	}
}

// lists returns the bit mask of the name lists holding a name key.
func (m *Model) lists(key uint64) uint8 {
	n := len(m.gazKeys)
	if n == 0 {
		return 0
	}
	slot, fp := home(key, n), nameFingerprint(key)
	for {
		k := m.gazKeys[slot]
		if k == fp {
			return m.gazMask[slot]
		}
		if k == 0 {
			return 0
		}
		slot++
		if slot == n {
			slot = 0
		}
	}
}

// ParseModel loads a model file. A file that is not one, or is damaged,
// gets an error wrapping ErrBadModel that says which. The model reads data
// where it is: data must not change while the model is in use.
func ParseModel(data []byte) (*Model, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrBadModel, fmt.Sprintf(format, args...))
	}
	if len(data) < len(magic)+12 || string(data[:len(magic)]) != magic {
		return nil, bad("the file does not start as a Glossa entity model does (another kind of file?)")
	}
	body := data[:len(data)-8]
	if len(body)%4 != 0 || checksum(body) != binary.LittleEndian.Uint64(data[len(data)-8:]) {
		return nil, bad("the file is damaged or truncated (its checksum does not match): download or copy it again")
	}
	r := reader{b: body, off: len(magic)}
	version := r.u32()
	if version != fileVersion && version != version3 {
		return nil, bad("model file version %d; this Glossa reads versions %d and %d: use a Glossa as new as the model", version, version3, fileVersion)
	}
	m := &Model{size: len(data), sum: binary.LittleEndian.Uint64(data[len(data)-8:])}
	meta := reader{b: r.bytes(int(r.u32()))}
	r.align()
	m.info.Name = meta.str()
	m.info.Trained = meta.str()
	m.info.Types = meta.strs(60)
	m.info.Lists = meta.strs(8)
	if version >= 4 {
		m.info.Carries = meta.strs(16)
	}
	if meta.err != nil || meta.off != len(meta.b) {
		return nil, bad("its description is damaged")
	}
	if len(m.info.Types) == 0 || len(m.info.Types) > 60 {
		return nil, bad("it names %d entity types; a model has 1 to 60", len(m.info.Types))
	}
	if len(m.info.Lists) > 8 {
		return nil, bad("it names %d name lists; a model has at most 8", len(m.info.Lists))
	}
	m.ntags = numTags(len(m.info.Types))
	slots := int(r.u32())
	for c := range m.scales {
		v := math.Float32frombits(r.u32())
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return nil, bad("its weight scales are damaged")
		}
		m.scales[c] = v
	}
	fileStride := stride(m.ntags)
	if version == version3 {
		fileStride = stride3(m.ntags)
	}
	if r.err == nil && slots > len(body)/fileStride {
		return nil, bad("its weight table header is damaged")
	}
	m.slots, m.stride = slots, stride(m.ntags)
	m.table = r.bytes(slots * fileStride)
	r.align()
	gazSlots := int(r.u32())
	if r.err == nil && gazSlots > len(body)/4 {
		return nil, bad("its name-list table header is damaged")
	}
	m.gazKeys = asUints[uint32](r.bytes(4 * gazSlots))
	m.gazMask = r.bytes(gazSlots)
	r.align()
	if version == version3 && r.err == nil {
		m.table = narrow(m.table, m.ntags)
	}
	m.fps = asUints[uint16](m.table)
	if r.err != nil {
		return nil, bad("it ends early: %v", r.err)
	}
	if r.off != len(body) {
		return nil, bad("%d bytes follow its tables", len(body)-r.off)
	}
	// A table with no empty slot would make lookups of absent keys loop.
	empty := false
	for at := 0; at < len(m.table) && !empty; at += m.stride {
		empty = m.fps[at>>1] == 0
	}
	if slots > 0 && !empty || gazSlots > 0 && !slices.Contains(m.gazKeys, 0) {
		return nil, bad("a table has no empty slot")
	}
	return m, nil
}

// checksum hashes b (a multiple of 4 bytes) 64 bits at a time: each word
// is mixed in with a multiply, so any change to one word changes the sum.
// It is ten times faster than CRC-32 as WebAssembly, where a model file's
// check is most of its load time.
func checksum(b []byte) uint64 {
	h := uint64(fnvOffset)
	n := len(b) / 8
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%8 == 0 && n > 0 {
		for _, w := range unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(b))), n) {
			h = (h ^ w) * 0x100000001b3
		}
	} else {
		for i := range n {
			h = (h ^ binary.LittleEndian.Uint64(b[8*i:])) * 0x100000001b3
		}
	}
	if len(b)%8 >= 4 {
		h = (h ^ uint64(binary.LittleEndian.Uint32(b[8*n:]))) * 0x100000001b3
	}
	return mix(h ^ uint64(len(b)))
}

// stride returns the bytes of a weight table slot for ntags tags.
func stride(ntags int) int { return (weightsAt + ntags + 1) &^ 1 }

// stride3 returns the bytes of a version 3 file's weight table slot.
func stride3(ntags int) int { return (5 + ntags + 3) &^ 3 }

// narrow returns a version 3 file's weight table as version 4 holds it:
// each fingerprint's low 16 bits (the bits version 4 keeps, the lowest
// set), each slot where it was, so that every lookup finds what it found.
func narrow(table3 []byte, ntags int) []byte {
	s3, s4 := stride3(ntags), stride(ntags)
	le := binary.LittleEndian
	table := make([]byte, len(table3)/s3*s4)
	for at3, at := 0, 0; at3 < len(table3); at3, at = at3+s3, at+s4 {
		le.PutUint16(table[at:], uint16(le.Uint32(table3[at3:])))
		copy(table[at+scaleAt:at+weightsAt+ntags], table3[at3+4:at3+5+ntags])
	}
	return table
}

// littleEndian is true on the machines Glossa runs on (amd64, arm64,
// WebAssembly).
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// asUints returns b (little-endian words of T, a whole number of them)
// as a slice of T: b itself when it is aligned for T and the machine is
// little-endian, else a decoded copy.
func asUints[T uint16 | uint32](b []byte) []T {
	size := int(unsafe.Sizeof(T(0)))
	if len(b) == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%uintptr(size) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/size)
	}
	w := make([]T, len(b)/size)
	for i := range w {
		var v T
		for j := size - 1; j >= 0; j-- {
			v = v<<8 | T(b[size*i+j])
		}
		w[i] = v
	}
	return w
}

// reader decodes the model file's parts in order.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.off {
		r.err = fmt.Errorf("a part of %d bytes at byte %d runs past the end", n, r.off)
		return nil
	}
	b := r.b[r.off : r.off+n]
	r.off += n
	return b
}

func (r *reader) u32() uint32 {
	b := r.take(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (r *reader) bytes(n int) []byte { return r.take(n) }

// str reads a string: a u32 length and its bytes.
func (r *reader) str() string {
	n := r.u32()
	if r.err == nil && int64(n) > int64(len(r.b)-r.off) {
		r.err = fmt.Errorf("a string of %d bytes at byte %d runs past the end", n, r.off)
	}
	return string(r.take(int(n)))
}

// strs reads a u32 count, at most max, and that many strings.
func (r *reader) strs(max int) []string {
	n := r.u32()
	if r.err == nil && n > uint32(max) {
		r.err = fmt.Errorf("%d strings where at most %d fit", n, max)
	}
	if r.err != nil {
		return nil
	}
	out := make([]string, 0, n)
	for range n {
		out = append(out, r.str())
	}
	return out
}

func (r *reader) align() {
	if pad := (4 - r.off%4) % 4; pad > 0 {
		r.take(pad)
	}
}

// table is an open-addressed table under construction, of fingerprints
// of type F (the weight table's or the name-list table's).
type table[F uint16 | uint32] struct {
	keys        []F
	fingerprint func(uint64) F
}

// newTable sizes a table for n keys at a load of at most 0.8, with at
// least one empty slot.
func newTable[F uint16 | uint32](n int, fingerprint func(uint64) F) table[F] {
	return table[F]{keys: make([]F, n*5/4+1), fingerprint: fingerprint}
}

// insert places key, which is not in the table (two keys may share a
// fingerprint: the table cannot tell), and returns its slot.
func (t *table[F]) insert(key uint64) int {
	slot := home(key, len(t.keys))
	for t.keys[slot] != 0 {
		slot++
		if slot == len(t.keys) {
			slot = 0
		}
	}
	t.keys[slot] = t.fingerprint(key)
	return slot
}

// encode writes the model file for info, the scales of scale codes, weight
// rows (by feature key: a scale code, then numTags(len(info.Types))
// weights in units of that scale) and name lists
// (by name key, a bit mask of lists). Keys are placed in sorted order, so
// the same input gives the same bytes.
func encode(info Info, scales *[256]float32, rows map[uint64][]int8, names map[uint64]uint8) []byte {
	ntags := numTags(len(info.Types))
	le := binary.LittleEndian
	keys := sortedKeys(rows)
	t := newTable(len(keys), fingerprint)
	stride := stride(ntags)
	slots := make([]byte, len(t.keys)*stride)
	for _, k := range keys {
		slot := t.insert(k)
		row := rows[k]
		at := slot * stride
		le.PutUint16(slots[at:], t.keys[slot])
		slots[at+scaleAt] = byte(row[0])
		for j, w := range row[1:] {
			slots[at+weightsAt+j] = byte(w)
		}
	}
	nameKeys := sortedKeys(names)
	g := newTable(len(nameKeys), nameFingerprint)
	masks := make([]byte, len(g.keys))
	for _, k := range nameKeys {
		masks[g.insert(k)] = names[k]
	}
	if len(nameKeys) == 0 {
		g.keys, masks = nil, nil
	}
	return assemble(info, scales, len(t.keys), slots, g.keys, masks)
}

// assemble writes a model file of its parts: the weight table of slots
// slots (table, as the file holds it) and the name-list table (gazKeys and
// their masks).
func assemble(info Info, scales *[256]float32, slots int, table []byte, gazKeys []uint32, masks []byte) []byte {
	var buf bytes.Buffer
	le := binary.LittleEndian
	u32 := func(v uint32) { buf.Write(le.AppendUint32(nil, v)) }
	pad := func() {
		for buf.Len()%4 != 0 {
			buf.WriteByte(0)
		}
	}
	buf.WriteString(magic)
	u32(fileVersion)
	var meta []byte
	str := func(s string) {
		meta = le.AppendUint32(meta, uint32(len(s)))
		meta = append(meta, s...)
	}
	str(info.Name)
	str(info.Trained)
	for _, list := range [][]string{info.Types, info.Lists, info.Carries} {
		meta = le.AppendUint32(meta, uint32(len(list)))
		for _, s := range list {
			str(s)
		}
	}
	u32(uint32(len(meta)))
	buf.Write(meta)
	pad()
	u32(uint32(slots))
	for _, v := range scales {
		u32(math.Float32bits(v))
	}
	buf.Write(table)
	pad()
	u32(uint32(len(gazKeys)))
	for _, k := range gazKeys {
		u32(k)
	}
	buf.Write(masks)
	pad()
	buf.Write(le.AppendUint64(nil, checksum(buf.Bytes())))
	return buf.Bytes()
}

func sortedKeys[V any](m map[uint64]V) []uint64 {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

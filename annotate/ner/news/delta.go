package news

import (
	"iter"
	"slices"
)

// Delta is a sparse change to a model's weights: what online learning from
// a reader's corrections adds to the base model, kept apart from it so the
// base model file stays as shipped. It holds rows of one value per tag of
// the model (Model.NumTags) by feature key (see Model.Features). Values
// are in the units of a perceptron update (Learn adds 1 and subtracts 1).
//
// Its rows are in one array and its keys in an open-addressed table with
// a bit set in front of it, so scoring with it costs a bit test for most
// features (those it lacks) and holds no pointer per row for the garbage
// collector to follow: it stays cheap as WebAssembly, with tens of
// thousands of rows. The zero value is an empty delta, ready to use. A
// Delta is not safe for concurrent use while it changes.
type Delta struct {
	ntags int       // the length of every row, once there is one
	keys  []uint64  // the rows' keys, in the order they were added
	vals  []float32 // the rows: vals[i*ntags:(i+1)*ntags] is keys[i]'s
	slots []int32   // 1 + an index of keys, or 0; a power of two long, at most half full
	seen  []uint64  // a bit per 1/8 slot: set for each key (and, by chance, for others)
}

// Len returns the number of rows.
func (d *Delta) Len() int {
	if d == nil {
		return 0
	}
	return len(d.keys)
}

// Tags returns the length of the rows (0 for an empty delta).
func (d *Delta) Tags() int {
	if d == nil {
		return 0
	}
	return d.ntags
}

// Row returns the row of a feature key, or nil. The row is the delta's:
// changing it changes the delta.
func (d *Delta) Row(key uint64) []float32 {
	if d == nil || len(d.keys) == 0 {
		return nil
	}
	if w, bit := d.bit(key); d.seen[w]&bit == 0 {
		return nil
	}
	mask := len(d.slots) - 1
	for s := d.home(key); ; s = (s + 1) & mask {
		i := d.slots[s]
		if i == 0 {
			return nil
		}
		if d.keys[i-1] == key {
			return d.vals[int(i-1)*d.ntags : int(i)*d.ntags]
		}
	}
}

// AddRow returns the row of a feature key, adding a row of zeros if it has
// none. Every row of a delta has ntags values: a delta with rows of
// another length returns nil.
func (d *Delta) AddRow(key uint64, ntags int) []float32 {
	if ntags <= 0 || len(d.keys) > 0 && ntags != d.ntags {
		return nil
	}
	if row := d.Row(key); row != nil {
		return row
	}
	d.ntags = ntags
	if 2*(len(d.keys)+1) > len(d.slots) {
		d.grow()
	}
	d.keys = append(d.keys, key)
	d.vals = append(d.vals, make([]float32, ntags)...)
	d.place(len(d.keys) - 1)
	return d.vals[len(d.vals)-ntags:]
}

// Add adds v to the weight of tag t of a feature key's row.
func (d *Delta) Add(key uint64, t Tag, v float32, ntags int) {
	if row := d.AddRow(key, ntags); row != nil && int(t) < len(row) {
		row[t] += v
	}
}

// All yields every row and its key, in the order they were added.
func (d *Delta) All() iter.Seq2[uint64, []float32] {
	return func(yield func(uint64, []float32) bool) {
		if d == nil {
			return
		}
		for i, k := range d.keys {
			if !yield(k, d.vals[i*d.ntags:(i+1)*d.ntags]) {
				return
			}
		}
	}
}

// Clone returns a copy of d.
func (d *Delta) Clone() *Delta {
	if d == nil {
		return &Delta{}
	}
	return &Delta{ntags: d.ntags, keys: slices.Clone(d.keys), vals: slices.Clone(d.vals),
		slots: slices.Clone(d.slots), seen: slices.Clone(d.seen)}
}

// AddDelta adds every row of o to d's (rows of another length than d's are
// left out).
func (d *Delta) AddDelta(o *Delta) {
	for k, row := range o.All() {
		if mine := d.AddRow(k, len(row)); mine != nil {
			for j, v := range row {
				mine[j] += v
			}
		}
	}
}

// home returns a key's first slot: its high bits (keys are hashes).
func (d *Delta) home(key uint64) int { return int(key >> 32 * uint64(len(d.slots)) >> 32) }

// bit returns the word and bit of key in the bit set.
func (d *Delta) bit(key uint64) (int, uint64) {
	b := int(key>>20) & (64*len(d.seen) - 1)
	return b >> 6, 1 << (b & 63)
}

// place puts key i in the table and the bit set.
func (d *Delta) place(i int) {
	key := d.keys[i]
	mask := len(d.slots) - 1
	s := d.home(key)
	for d.slots[s] != 0 {
		s = (s + 1) & mask
	}
	d.slots[s] = int32(i + 1)
	w, bit := d.bit(key)
	d.seen[w] |= bit
}

// grow doubles the table (1,024 slots at first) and places every key
// again.
func (d *Delta) grow() {
	n := max(1024, 2*len(d.slots))
	d.slots = make([]int32, n)
	d.seen = make([]uint64, n/8)
	for i := range d.keys {
		d.place(i)
	}
}

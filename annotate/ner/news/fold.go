package news

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
)

// maxFoldLoad is the most of a weight table's slots Fold fills: linear
// probing slows as a table fills, and every lookup of a feature the model
// lacks walks to an empty slot.
const maxFoldLoad = 0.9

// Fold returns the file of a model of m's weights plus delta: what was
// learned on top of m, made a model of its own, which needs no delta. info
// names it (Name, Trained); its types and name lists are m's. A row of the
// delta for a feature the model has is added to the model's row, and the
// sum stored in the row's bytes as Train stores weights (a scale code and
// one signed byte per tag, the scales being m's, so the largest weights
// saturate at m's largest); a row for a feature the model lacks takes a
// free slot of the table, which keeps m's size. When free slots run short
// (the table at maxFoldLoad), the rows that weigh least are left out:
// dropped counts them. Folding an empty delta gives m's own file, but for
// info.
func (m *Model) Fold(delta *Delta, info Info) (data []byte, dropped int, err error) {
	if delta.Len() > 0 && delta.Tags() != m.ntags {
		return nil, 0, fmt.Errorf("fold: the delta has rows of %d tags, the model %d: it was learned on another model", delta.Tags(), m.ntags)
	}
	table := bytes.Clone(m.table)
	fps := make([]uint16, len(table)/2)
	for i := range fps {
		fps[i] = binary.LittleEndian.Uint16(table[2*i:])
	}
	used := 0
	for at := 0; at < len(table); at += m.stride {
		if fps[at>>1] != 0 {
			used++
		}
	}
	type newRow struct {
		key  uint64
		row  []float32
		mass float64
	}
	var fresh []newRow
	keys := slices.Sorted(func(yield func(uint64) bool) {
		for k := range delta.All() {
			if !yield(k) {
				return
			}
		}
	})
	weights := make([]float32, m.ntags)
	for _, k := range keys {
		row := delta.Row(k)
		at := m.row(k)
		if at < 0 {
			var mass float64
			for _, v := range row {
				mass += math.Abs(float64(v))
			}
			fresh = append(fresh, newRow{k, row, mass})
			continue
		}
		scale := m.scales[table[at+scaleAt]]
		for j := range weights {
			weights[j] = scale*float32(int8(table[at+weightsAt+j])) + row[j]
		}
		m.storeRow(table[at:], weights)
	}
	slices.SortFunc(fresh, func(a, b newRow) int { return cmp.Or(cmp.Compare(b.mass, a.mass), cmp.Compare(a.key, b.key)) })
	limit := int(maxFoldLoad * float64(m.slots))
	for i, r := range fresh {
		if used+1 > limit {
			dropped = len(fresh) - i
			break
		}
		at, fp := home(r.key, m.slots)*m.stride, fingerprint(r.key)
		for fps[at>>1] != 0 {
			if at += m.stride; at == len(table) {
				at = 0
			}
		}
		fps[at>>1] = fp
		binary.LittleEndian.PutUint16(table[at:], fp)
		m.storeRow(table[at:], r.row)
		used++
	}
	info.Types, info.Lists = m.info.Types, m.info.Lists
	data = assemble(info, &m.scales, m.slots, table, m.gazKeys, m.gazMask)
	if _, err := ParseModel(bytes.Clone(data)); err != nil {
		return nil, 0, fmt.Errorf("fold: the model just made does not load: %w", err)
	}
	return data, dropped, nil
}

// storeRow writes weights into the slot at the start of slot: the smallest
// of m's scale codes that holds their largest, and each weight in units of
// that scale.
func (m *Model) storeRow(slot []byte, weights []float32) {
	var top float32
	for _, v := range weights {
		top = max(top, float32(math.Abs(float64(v))))
	}
	c, _ := slices.BinarySearchFunc(m.scales[:], top/127, func(s, want float32) int { return cmp.Compare(s, want) })
	c = min(c, 255)
	slot[scaleAt] = byte(c)
	for j, v := range weights {
		x := math.Round(float64(v / m.scales[c]))
		slot[weightsAt+j] = byte(int8(max(-127, min(127, x))))
	}
}

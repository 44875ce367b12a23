package library

import (
	"maps"
	"slices"
	"strings"
)

// overlay reads the records of a RecordReader as a list of writes would
// leave them, without making the writes: PlanAll plans each change of a
// batch through it, so that a change sees what the changes before it
// wrote.
type overlay struct {
	base  RecordReader
	order []recordID         // the records written, in the order first written
	last  map[recordID]Write // the last write of each
}

// recordID names a record: its object store and key.
type recordID struct{ store, key string }

func newOverlay(base RecordReader) *overlay {
	return &overlay{base: base, last: map[recordID]Write{}}
}

// add lays writes over what the overlay reads.
func (o *overlay) add(ws []Write) {
	for _, w := range ws {
		id := recordID{w.Store, w.Key}
		if _, ok := o.last[id]; !ok {
			o.order = append(o.order, id)
		}
		o.last[id] = w
	}
}

// writes returns the last write of each record, in the order the records
// were first written.
func (o *overlay) writes() []Write {
	out := make([]Write, 0, len(o.order))
	for _, id := range o.order {
		out = append(out, o.last[id])
	}
	return out
}

// Get implements RecordReader.
func (o *overlay) Get(store, key string) ([]byte, bool, error) {
	if w, ok := o.last[recordID{store, key}]; ok {
		return slices.Clone(w.Raw), !w.Delete, nil
	}
	return o.base.Get(store, key)
}

// All implements RecordReader.
func (o *overlay) All(store string) ([]RawRecord, error) {
	recs, err := o.base.All(store)
	if err != nil {
		return nil, err
	}
	return o.merge(store, recs, func(Write) bool { return true }), nil
}

// ByDoc implements RecordReader: a record written by the batch is in a
// document's index when its write names that document.
func (o *overlay) ByDoc(store, docID string) ([]RawRecord, error) {
	recs, err := o.base.ByDoc(store, docID)
	if err != nil {
		return nil, err
	}
	return o.merge(store, recs, func(w Write) bool { return w.Doc == docID }), nil
}

// merge replaces the records of store in recs by what the batch wrote:
// records it deleted go, records it put come in if keep says so, and the
// result is in key order.
func (o *overlay) merge(store string, recs []RawRecord, keep func(Write) bool) []RawRecord {
	byKey := map[string]RawRecord{}
	for _, r := range recs {
		if _, written := o.last[recordID{store, r.Key}]; !written {
			byKey[r.Key] = r
		}
	}
	for id, w := range o.last {
		if id.store == store && !w.Delete && keep(w) {
			byKey[id.key] = RawRecord{Store: store, Key: id.key, Raw: slices.Clone(w.Raw)}
		}
	}
	out := make([]RawRecord, 0, len(byKey))
	for _, k := range slices.SortedFunc(maps.Keys(byKey), strings.Compare) {
		out = append(out, byKey[k])
	}
	return out
}

package learn

import (
	"errors"
	"fmt"

	"glossa/annotate/library"
)

// Record returns the library's record of a part (see library.Learned):
// the learner's own, or one imported.
func Record(p Part, imported bool) (library.Learned, error) {
	data, err := p.MarshalBinary()
	if err != nil {
		return library.Learned{}, err
	}
	return library.Learned{Model: p.Model, Origin: p.Origin, Corrections: len(p.Items), Imported: imported, Data: data}, nil
}

// ErrNothingLearned is wrapped by the error of Learner.Record when the
// learner has learned nothing of its own.
var ErrNothingLearned = errors.New("nothing learned")

// Record returns the library record of the learner's own part, to save
// after Learn (in a Change's PutLearned); an error wrapping
// ErrNothingLearned if it has learned nothing of its own.
func (l *Learner) Record() (library.Learned, error) {
	if l.own.Origin == "" {
		return library.Learned{}, fmt.Errorf("record what was learned: %w", ErrNothingLearned)
	}
	return Record(l.Own(), false)
}

// Records returns the library records of every part the learner holds,
// its own (if it learned anything) and the others: what to keep before
// Forget to undo it, and whose keys to delete.
func (l *Learner) Records() ([]library.Learned, error) {
	var out []library.Learned
	if l.own.Origin != "" {
		r, err := l.Record()
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	for _, p := range l.others {
		r, err := Record(p, true)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Load restores what the library's learned records say was learned on the
// learner's base model (Restore): the record not imported is the
// learner's own part, the imported ones are the others'. Records of other
// models are left out (they stay in the library for their model). A
// record whose data cannot be read is left out too, and named in the
// error; everything else is loaded.
func (l *Learner) Load(recs []library.Learned) error {
	id := l.base.ID()
	var own Part
	var others []Part
	var errs []error
	for _, r := range recs {
		if r.Model != id {
			continue
		}
		p, err := ParsePart(r.Data)
		if err == nil && (p.Model != r.Model || p.Origin != r.Origin) {
			err = fmt.Errorf("%w: the record names %s, its data %s", ErrBadPart, r.Key(), library.LearnedKey(p.Model, p.Origin))
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("what was learned in %s cannot be read: %w", r.Key(), err))
			continue
		}
		if !r.Imported && own.Origin == "" {
			own = p
		} else {
			others = append(others, p)
		}
	}
	if err := l.Restore(own, others...); err != nil {
		return err
	}
	return errors.Join(errs...)
}

package learn

import (
	"errors"
	"fmt"
	"slices"

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
// its own (if it learned anything) and the others, and the records of
// models its base model replaces that Load carried over, as they were:
// what to keep before Forget to undo it, and whose keys to delete.
func (l *Learner) Records() ([]library.Learned, error) {
	out := slices.Clone(l.carried)
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
// learner's own part, the imported ones are the others'. Records of the
// models the base model carries (news.Info.Carries: the models it
// replaces) are read as the base model's, for an origin the base model
// has no record of: what the learner learns next is saved under the base
// model's ID, and that record then comes first. Records of other models
// are left out (they stay in the library for their model). A record whose
// data cannot be read is left out too, and named in the error;
// everything else is loaded.
func (l *Learner) Load(recs []library.Learned) error {
	id := l.base.ID()
	carries := l.base.Info().Carries
	var own Part
	var others []Part
	var carried []library.Learned
	var errs []error
	loaded := map[string]bool{} // origins
	for _, carry := range []bool{false, true} {
		for _, r := range recs {
			if (r.Model != id) != carry || carry && !slices.Contains(carries, r.Model) || loaded[r.Origin] {
				continue
			}
			p, err := ParsePart(r.Data)
			if err == nil && (p.Model != r.Model || p.Origin != r.Origin) {
				err = fmt.Errorf("%w: the record names %s, its data %s", ErrBadPart, r.Key(), library.LearnedKey(p.Model, p.Origin))
			}
			if err == nil && carry && p.Delta.Len() > 0 && p.Delta.Tags() != l.base.NumTags() {
				err = fmt.Errorf("%w: it has rows of %d tags, and model %s, which replaces its model, has %d", ErrBadPart, p.Delta.Tags(), id, l.base.NumTags())
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("what was learned in %s cannot be read: %w", r.Key(), err))
				continue
			}
			loaded[r.Origin] = true
			if carry {
				p.Model = id
				carried = append(carried, r)
			}
			if !r.Imported && own.Origin == "" {
				own = p
			} else {
				others = append(others, p)
			}
		}
	}
	if err := l.Restore(own, others...); err != nil {
		return err
	}
	l.carried = carried
	return errors.Join(errs...)
}

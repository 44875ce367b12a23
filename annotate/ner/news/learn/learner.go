package learn

import (
	"errors"
	"fmt"
	"slices"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/ner/news"
)

// Options tune how a Learner learns. DefaultOptions were chosen on the
// correction pools of build/learncurve (see the package documentation).
type Options struct {
	// Rate scales each perceptron update.
	Rate float32
	// Trust shrinks the updates of the features the base model weighs
	// heavily, so that learning moves what the model does not know more
	// than what it knows (see news.LearnOptions).
	Trust float32
	// Margin is how much a corrected token's gold tag must win by before
	// its sentence counts as learned.
	Margin float32
	// Passes is the most passes of updates over a corrected sentence; they
	// stop at the first that makes no update.
	Passes int
	// Rest is what the gold tags of a corrected sentence are where the
	// reader's decisions say nothing.
	Rest Rest
}

// DefaultOptions are the options New uses when given the zero Options.
var DefaultOptions = Options{Rate: 10, Trust: 0.1, Passes: 3, Rest: RestModel}

// ErrOtherModel is wrapped by the error of a learned part for another base
// model than the learner's.
var ErrOtherModel = errors.New("learned on another entity model")

// Learner learns from a reader's corrections on top of a base model. What
// it learns is a small set of weight changes (a news.Delta) kept apart
// from the model, which stays as it was loaded: its own Part, which it
// learns into, and any parts learned elsewhere (imported with a library),
// which it reads and never changes. The recognizer it returns scores with
// the base model plus all of them.
//
// A Learner is for one goroutine (the tagging worker's): its recognizer
// reads the delta Learn changes, so tag and learn in turn, not at once.
type Learner struct {
	base   *news.Model
	rec    *news.Recognizer
	opt    Options
	own    Part
	others []Part
	sum    *news.Delta // own's delta plus the others': what the recognizer scores with
	items  map[uint64]bool
	// carried are the records of models base replaces that Load read.
	carried []library.Learned
	// last is the last reading of a document (by Tag or Learn) while the
	// delta is as it was then, for Learn to start from.
	last *news.Reading
	text string
}

// New returns a learner on base that has learned nothing. Zero options
// mean DefaultOptions.
func New(base *news.Model, opt Options) *Learner {
	if opt == (Options{}) {
		opt = DefaultOptions
	}
	opt.Passes = max(opt.Passes, 1)
	if opt.Rate == 0 {
		opt.Rate = 1
	}
	l := &Learner{base: base, rec: news.New(base), opt: opt}
	l.Forget()
	return l
}

// Result says what one call of Learn did.
type Result struct {
	Corrections int // decisions learned from, new to the learner
	Sentences   int // sentences learned from
	Updates     int // perceptron updates made
}

// Learn learns from the reader's decisions about one document: it reads
// the document with what it has learned so far, turns the decisions into
// corrected sentences (Corrections), and learns from each sentence that
// holds a decision it has not learned from before, in passes until the
// sentence is tagged as the reader said (at most Options.Passes). Call it
// after each of the reader's decisions, or once for many: a decision is
// learned from once. Undoing a decision does not undo what it taught;
// Forget does, for everything.
func (l *Learner) Learn(d Decisions) Result {
	var res Result
	rd := l.last
	if rd == nil || l.text != d.Text {
		rd = l.Recognizer().Read(d.Text)
	}
	l.last = nil
	var also *news.Delta
	if len(l.others) > 0 {
		also = l.own.Delta
	}
	opt := news.LearnOptions{Rate: l.opt.Rate, Trust: l.opt.Trust, Margin: l.opt.Margin, Also: also}
	for _, c := range Corrections(l.base, rd, d, l.opt.Rest) {
		fresh := 0
		for _, it := range c.Items {
			if !l.items[it] {
				fresh++
				l.items[it] = true
				l.own.Items = append(l.own.Items, it)
			}
		}
		if fresh == 0 {
			continue
		}
		if l.own.Origin == "" {
			l.own.Origin = annotate.NewID()
		}
		res.Corrections += fresh
		res.Sentences++
		for range l.opt.Passes {
			n := rd.Learn(c.Sentence, c.Gold, c.Unsure, l.sum, opt)
			res.Updates += n
			if n == 0 {
				break
			}
		}
	}
	if res.Corrections > 0 {
		slices.Sort(l.own.Items)
	}
	if res.Updates == 0 {
		l.last, l.text = rd, d.Text // still what the model reads
	}
	return res
}

// Tag tags a document's text (normalized, as a Workspace's) with what was
// learned, as annotate.RecognizeBlocks does with Recognizer, and returns
// its entities. It keeps what it read for the next Learn about the same
// text, which then reads nothing again: after a correction, Learn and then
// Tag cost one tagging of the document and the updates of the corrected
// sentences.
func (l *Learner) Tag(text string) []annotate.Entity {
	rd := l.Recognizer().Read(text)
	l.last, l.text = rd, text
	return rd.Entities()
}

// Recognizer returns a recognizer on the base model plus what was
// learned. It reads what Learn changes: use it between calls of Learn.
func (l *Learner) Recognizer() *news.Recognizer { return l.rec.WithDelta(l.sum) }

// Base returns the base model.
func (l *Learner) Base() *news.Model { return l.base }

// Delta returns all that was learned, the learner's own and the others'
// parts summed: what its recognizer adds to the base model. It changes
// with Learn, Restore and Forget.
func (l *Learner) Delta() *news.Delta { return l.sum }

// Corrections returns how many of the reader's decisions what was learned
// comes from, in all parts: what the status shows ("learned from 37
// corrections").
func (l *Learner) Corrections() int { return len(l.items) }

// Own returns the part the learner learns into, to save after Learn (its
// Delta is the learner's: encode it, with MarshalBinary, before the next
// Learn). Its Origin is "" until the learner first learns.
func (l *Learner) Own() Part {
	p := l.own
	p.Model = l.base.ID()
	return p
}

// Others returns the parts learned elsewhere that the learner reads.
func (l *Learner) Others() []Part { return slices.Clone(l.others) }

// Forget forgets everything learned, the learner's own part and the
// others. The next Learn begins a part of a new origin. (To undo, keep the
// encoded parts before, and Restore them.)
func (l *Learner) Forget() {
	l.last = nil
	l.own = Part{Model: l.base.ID(), Delta: &news.Delta{}}
	l.others = nil
	l.sum = l.own.Delta
	l.items = map[uint64]bool{}
	l.carried = nil
}

// Restore sets what the learner has learned: own is the part it goes on
// learning into (the zero Part to begin afresh), others are parts learned
// elsewhere. The learner keeps copies. A part for another base model is refused with an error
// wrapping ErrOtherModel, and then the learner is as it was.
func (l *Learner) Restore(own Part, others ...Part) error {
	id := l.base.ID()
	for _, p := range append([]Part{own}, others...) {
		if p.Model != "" && p.Model != id || p.Model == "" && (p.Origin != "" || p.Delta.Len() > 0) {
			return fmt.Errorf("restore what was learned: %w: this part was learned on model %s, and the model loaded is %s; load that model to use it, or forget it", ErrOtherModel, p.Model, id)
		}
	}
	l.Forget()
	if own.Delta != nil {
		l.own = Part{Model: id, Origin: own.Origin, Delta: own.Delta.Clone(), Items: slices.Clone(own.Items)}
	}
	for _, it := range l.own.Items {
		l.items[it] = true
	}
	if len(others) == 0 {
		l.sum = l.own.Delta
		return nil
	}
	l.others = slices.Clone(others)
	l.sum = l.own.Delta.Clone()
	for _, p := range others {
		l.sum.AddDelta(p.Delta)
		for _, it := range p.Items {
			l.items[it] = true
		}
	}
	return nil
}

package learn_test

import (
	"bytes"
	"errors"
	"fmt"
	"glossa/annotate/internal/fixture"
	"reflect"
	"strings"
	"testing"
	"time"

	"glossa/annotate"
	"glossa/annotate/formats"
	"glossa/annotate/library"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/builtin"
	"glossa/annotate/ner/news/learn"
	"glossa/app/sample"
)

var now = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func model(t testing.TB) *news.Model {
	t.Helper()
	m, err := builtin.Model()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// article is a workspace of text with the recognizer's suggestions.
func article(t testing.TB, r *news.Recognizer, text string) annotate.Workspace {
	t.Helper()
	norm, err := annotate.NormalizeText([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d := annotate.NewDocument(norm)
	ents, err := annotate.RecognizeBlocks(d, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	return annotate.NewWorkspace(d).WithSuggestions(ents, r.Name())
}

// suggestion returns the pending suggestion on quote, or false.
func suggestion(w annotate.Workspace, quote string) (annotate.Entity, bool) {
	for _, e := range w.Suggestions {
		if e.Text == quote {
			return e, true
		}
	}
	return annotate.Entity{}, false
}

func span(t testing.TB, w annotate.Workspace, quote string) annotate.Span {
	t.Helper()
	i := strings.Index(w.Doc.Text.String(), quote)
	if i < 0 {
		t.Fatalf("%q is not in the text", quote)
	}
	start := w.Doc.Text.BytePoint(i)
	return annotate.Span{Start: start, End: start + len([]rune(quote))}
}

func id(n int) string { return fmt.Sprintf("urn:uuid:00000000-0000-7000-8000-%012d", n) }

func must(t testing.TB) func(annotate.Workspace, error) annotate.Workspace {
	return func(w annotate.Workspace, err error) annotate.Workspace {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
}

// correct makes name an ORG in w the way a reader does: relabels the
// suggestion on it (accept, then relabel), or rejects a suggestion that
// holds it and marks it by hand, or marks it by hand.
func correct(t testing.TB, w annotate.Workspace, name string, label annotate.Label, n int) annotate.Workspace {
	t.Helper()
	ok := must(t)
	if e, found := suggestion(w, name); found {
		if e.Label == label {
			return ok(w.Accept(e.Key(), id(n), nil, now))
		}
		w = ok(w.Accept(e.Key(), id(n), nil, now))
		return ok(w.Relabel(id(n), label, now))
	}
	sp := span(t, w, name)
	for _, e := range w.Suggestions {
		if e.Start < sp.End && sp.Start < e.End {
			w = ok(w.Reject(e.Key()))
		}
	}
	return ok(w.Create(sp, label, id(n), nil, now))
}

// TestSameMistakeTwice is the scenario of issue 15: the built-in model
// takes the company "Vantor Quell" for a person; a reader corrects it to
// ORG in two articles; on a third article, in sentences the reader never
// saw, the suggestion is ORG.
func TestSameMistakeTwice(t *testing.T) {
	m := model(t)
	l := learn.New(m, learn.Options{})
	const third = "Workers at Vantor Quell walked out on Thursday.\n\nVantor Quell shares fell 3 percent in early trading."
	base := article(t, l.Recognizer(), third)
	if e, ok := suggestion(base, "Vantor Quell"); !ok || e.Label == annotate.Org {
		t.Fatalf("the base model already gets it right (%v %v): the test needs a mistake", e, ok)
	}
	for i, text := range []string{
		"Kevin Marsh, a spokesman for Vantor Quell, said the talks had failed.",
		"Vantor Quell said on Friday it would close two plants in Ohio.",
	} {
		w := article(t, l.Recognizer(), text)
		w = correct(t, w, "Vantor Quell", annotate.Org, i+1)
		// After the first correction the second article may be right
		// already: accepting it is a decision too.
		res := l.Learn(learn.FromWorkspace(w))
		if res.Corrections != 1 || i == 0 && res.Updates == 0 {
			t.Fatalf("article %d: %+v", i+1, res)
		}
	}
	after := article(t, l.Recognizer(), third)
	var got []string
	for _, e := range after.Suggestions {
		if e.Text == "Vantor Quell" {
			got = append(got, string(e.Label))
		}
	}
	if strings.Join(got, " ") != "ORG ORG" {
		t.Errorf("on the third article Vantor Quell is %v, want ORG twice; suggestions: %v", got, after.Suggestions)
	}
	// The rest of the third article is as the base model had it.
	for _, e := range base.Suggestions {
		if !strings.Contains(e.Text, "Vantor Quell") {
			if _, ok := suggestion(after, e.Text); !ok {
				t.Errorf("learning lost the suggestion %v", e)
			}
		}
	}
	if l.Corrections() != 2 {
		t.Errorf("learned from %d corrections, want 2", l.Corrections())
	}
	// The base model is untouched.
	if e, _ := suggestion(article(t, news.New(m), third), "Vantor Quell"); e.Label == annotate.Org {
		t.Error("learning changed the base model")
	}
}

// TestRejectedStayRejected: suggestions the reader rejected stay rejected
// after re-tagging with what was learned, even one the learned model makes
// again.
func TestRejectedStayRejected(t *testing.T) {
	l := learn.New(model(t), learn.Options{})
	w := article(t, l.Recognizer(), "Analysts said Zorblax Industries would cut 200 jobs in Ohio, the company said.")
	e, ok := suggestion(w, "Ohio")
	if !ok {
		t.Fatalf("no suggestion on Ohio: %v", w.Suggestions)
	}
	w = must(t)(w.Reject(e.Key()))
	w = correct(t, w, "Zorblax Industries", annotate.Org, 1)
	l.Learn(learn.FromWorkspace(w))
	ents, err := annotate.RecognizeBlocks(annotate.NewDocument(w.Doc.Text.String()), l.Recognizer(), nil)
	if err != nil {
		t.Fatal(err)
	}
	retagged := w.WithSuggestions(ents, l.Recognizer().Name())
	for _, s := range retagged.Suggestions {
		if s.Key() == e.Key() {
			t.Errorf("the rejected %v is suggested again", e)
		}
		if s.Text == "Zorblax Industries" {
			t.Errorf("the note's span is suggested again: %v", s)
		}
	}
}

// TestCorrections: the gold tags a reader's decisions make, in CoNLL's
// tags of the built-in model.
func TestCorrections(t *testing.T) {
	m := model(t)
	r := news.New(m)
	const text = "Analysts said Zorblax Industries would cut 200 jobs in Ohio on Monday."
	for _, tc := range []struct {
		name string
		do   func(w annotate.Workspace) annotate.Workspace
		rest learn.Rest
		want string // the sentence's gold tags; "?" marks an unsure token
	}{
		{"no decision: no training sentence", func(w annotate.Workspace) annotate.Workspace { return w }, learn.RestModel, ""},
		{"accepted: the model's tags", func(w annotate.Workspace) annotate.Workspace {
			e, _ := suggestion(w, "Ohio")
			return must(t)(w.Accept(e.Key(), id(1), nil, now))
		}, learn.RestModel, "O O B-PER L-PER O O O O O U-LOC O O O"},
		{"rejected: its chunk is O", func(w annotate.Workspace) annotate.Workspace {
			e, _ := suggestion(w, "Zorblax Industries")
			return must(t)(w.Reject(e.Key()))
		}, learn.RestModel, "O O O O O O O O O U-LOC O O O"},
		{"relabeled: the new type", func(w annotate.Workspace) annotate.Workspace {
			return correct(t, w, "Zorblax Industries", annotate.Org, 1)
		}, learn.RestModel, "O O B-ORG L-ORG O O O O O U-LOC O O O"},
		{"hand-made, part of a suggestion", func(w annotate.Workspace) annotate.Workspace {
			return must(t)(w.Create(span(t, w, "Zorblax"), annotate.Org, id(1), nil, now))
		}, learn.RestModel, "O O U-ORG O O O O O O U-LOC O O O"},
		{"a label the model lacks: O, and no correction counted", func(w annotate.Workspace) annotate.Workspace {
			return must(t)(w.Create(span(t, w, "Ohio"), annotate.Date, id(1), nil, now))
		}, learn.RestModel, ""},
		{"a claim is no entity", func(w annotate.Workspace) annotate.Workspace {
			return must(t)(w.Create(span(t, w, "Zorblax Industries would cut"), annotate.Claim, id(1), nil, now))
		}, learn.RestModel, ""},
		{"a note inside a token: unsure", func(w annotate.Workspace) annotate.Workspace {
			w = must(t)(w.Create(span(t, w, "Zorbl"), annotate.Org, id(1), nil, now))
			return must(t)(w.Create(span(t, w, "Monday"), annotate.Event, id(2), nil, now))
		}, learn.RestModel, "O O ? L-PER O O O O O U-LOC O U-MISC O"},
		{"the rest unsure", func(w annotate.Workspace) annotate.Workspace {
			return correct(t, w, "Zorblax Industries", annotate.Org, 1)
		}, learn.RestUnsure, "? ? B-ORG L-ORG ? ? ? ? ? ? ? ? ?"},
		{"the rest O", func(w annotate.Workspace) annotate.Workspace {
			return correct(t, w, "Zorblax Industries", annotate.Org, 1)
		}, learn.RestOutside, "O O B-ORG L-ORG O O O O O O O O O"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.do(article(t, r, text))
			rd := r.Read(w.Doc.Text.String())
			cs := learn.Corrections(m, rd, learn.FromWorkspace(w), tc.rest)
			got := ""
			if len(cs) > 1 {
				t.Fatalf("%d corrected sentences", len(cs))
			}
			if len(cs) == 1 {
				c := cs[0]
				tags := make([]string, len(c.Gold))
				for i, g := range c.Gold {
					tags[i] = m.TagName(g)
					if c.Unsure != nil && c.Unsure[i] {
						tags[i] = "?"
					}
				}
				got = strings.Join(tags, " ")
			}
			want := tc.want
			if got != want {
				t.Errorf("gold\n got %s\nwant %s", got, want)
			}
		})
	}
}

// TestTag: the learner's Tag finds what RecognizeBlocks finds with its
// recognizer, before and after learning, and learning after Tag learns
// what learning without it does.
func TestTag(t *testing.T) {
	gold, err := sample.LoadGold()
	if err != nil {
		t.Fatal(err)
	}
	text := fixture.SampleText(t)
	w := annotate.NewWorkspace(annotate.NewDocument(text))
	for i, g := range gold.Entities {
		w = must(t)(w.Create(annotate.Span{Start: g.Start, End: g.End}, annotate.Label(g.Label), id(i+1), nil, now))
	}
	check := func(l *learn.Learner) {
		t.Helper()
		want, err := annotate.RecognizeBlocks(annotate.NewDocument(text), l.Recognizer(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Tag(text); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Tag:\n got %v\nwant %v", got, want)
		}
	}
	a, b := learn.New(model(t), learn.Options{}), learn.New(model(t), learn.Options{})
	check(a)
	ra := a.Learn(learn.FromWorkspace(w)) // after Tag
	rb := b.Learn(learn.FromWorkspace(w))
	if ra != rb || ra.Updates == 0 {
		t.Errorf("learning after Tag %+v, without %+v", ra, rb)
	}
	check(a)
	pa, pb := a.Own(), b.Own()
	if !reflect.DeepEqual(pa.Delta, pb.Delta) || !reflect.DeepEqual(pa.Items, pb.Items) {
		t.Error("learning after Tag learned something else")
	}
}

// TestLearnOnce: a decision is learned from once, however often Learn
// sees it; the count is of decisions.
func TestLearnOnce(t *testing.T) {
	l := learn.New(model(t), learn.Options{})
	w := article(t, l.Recognizer(), "Analysts said Zorblax Industries would cut 200 jobs in Ohio.")
	w = correct(t, w, "Zorblax Industries", annotate.Org, 1)
	first := l.Learn(learn.FromWorkspace(w))
	again := l.Learn(learn.FromWorkspace(w))
	if first.Corrections != 1 || first.Sentences != 1 || again != (learn.Result{}) {
		t.Errorf("first %+v, again %+v", first, again)
	}
	// Relabeling the note is a new decision.
	w = must(t)(w.Relabel(id(1), annotate.Misc, now))
	if res := l.Learn(learn.FromWorkspace(w)); res.Corrections != 1 {
		t.Errorf("after relabeling: %+v", res)
	}
	if l.Corrections() != 2 {
		t.Errorf("Corrections() = %d, want 2", l.Corrections())
	}
}

// TestForgetAndRestore: forgetting restores the base model's tagging, and
// restoring what was saved (through the library) restores what was
// learned; a part of another model is refused.
func TestForgetAndRestore(t *testing.T) {
	m := model(t)
	l := learn.New(m, learn.Options{})
	const text = "Analysts said Zorblax Industries would cut 200 jobs in Ohio."
	tag := func() string {
		return fmt.Sprint(article(t, l.Recognizer(), text).Suggestions)
	}
	before := tag()
	l.Learn(learn.FromWorkspace(correct(t, article(t, l.Recognizer(), text), "Zorblax Industries", annotate.Org, 1)))
	learned := tag()
	if learned == before {
		t.Fatal("learning changed nothing")
	}
	rec, err := l.Record()
	if err != nil {
		t.Fatal(err)
	}
	// Saved with the library, and loaded again (a reload).
	s := library.NewMemStore()
	if err := s.Apply(library.Change{PutLearned: []library.Learned{rec}}); err != nil {
		t.Fatal(err)
	}
	recs, _, err := s.Learned()
	if err != nil {
		t.Fatal(err)
	}
	reloaded := learn.New(m, learn.Options{})
	if err := reloaded.Load(recs); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(article(t, reloaded.Recognizer(), text).Suggestions); got != learned {
		t.Errorf("after a reload:\n got %s\nwant %s", got, learned)
	}
	if reloaded.Corrections() != 1 || reloaded.Own().Origin != rec.Origin {
		t.Errorf("reloaded: %d corrections, origin %q", reloaded.Corrections(), reloaded.Own().Origin)
	}
	// Forget, then undo.
	keep, err := l.Records()
	if err != nil || len(keep) != 1 {
		t.Fatal(keep, err)
	}
	l.Forget()
	if got := tag(); got != before || l.Corrections() != 0 {
		t.Errorf("after Forget: %s, %d corrections", got, l.Corrections())
	}
	if _, err := l.Record(); !errors.Is(err, learn.ErrNothingLearned) {
		t.Errorf("Record after Forget: %v", err)
	}
	if err := l.Load(keep); err != nil {
		t.Fatal(err)
	}
	if got := tag(); got != learned {
		t.Error("undoing Forget did not restore what was learned")
	}
	// Another model's part.
	other := rec
	other.Model = "0123456789abcdef"
	p, _ := learn.ParsePart(rec.Data)
	p.Model = other.Model
	if err := l.Restore(p); !errors.Is(err, learn.ErrOtherModel) {
		t.Errorf("Restore of another model's part: %v", err)
	}
	if err := l.Load([]library.Learned{other}); err != nil || l.Corrections() != 0 {
		t.Errorf("Load of another model's record: %v, %d corrections", err, l.Corrections())
	}
	// A record whose data is damaged is named, and the rest loads.
	bad := rec
	bad.Data = append([]byte(nil), rec.Data...)
	bad.Data[len(bad.Data)-1] ^= 1
	bad.Imported, bad.Origin = true, id(99)
	if err := l.Load([]library.Learned{rec, bad}); !errors.Is(err, learn.ErrBadPart) || l.Corrections() != 1 {
		t.Errorf("Load with a damaged record: %v, %d corrections", err, l.Corrections())
	}
}

// TestSurvivesExportAndImport: what was learned, saved with the library,
// goes with the library's W3C export, and a learner on the imported
// library tags as the one that learned it.
func TestSurvivesExportAndImport(t *testing.T) {
	m := model(t)
	l := learn.New(m, learn.Options{})
	const text = "Kevin Marsh, a spokesman for Vantor Quell, said the talks had failed."
	w := correct(t, article(t, l.Recognizer(), text), "Vantor Quell", annotate.Org, 1)
	l.Learn(learn.FromWorkspace(w))
	rec, err := l.Record()
	if err != nil {
		t.Fatal(err)
	}
	s := library.NewMemStore()
	doc, err := library.NewStoredDoc(text, "paste", now)
	if err != nil {
		t.Fatal(err)
	}
	c := library.PutDoc(doc)
	if err := s.Apply(c); err != nil {
		t.Fatal(err)
	}
	// The edit and what it taught, in one transaction.
	edit := library.Diff(annotate.NewWorkspace(w.Doc), w)
	edit.PutLearned = []library.Learned{rec}
	if err := s.Apply(edit); err != nil {
		t.Fatal(err)
	}
	b, err := formats.LoadBundle(s)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := formats.ExportW3C(b, &out); err != nil {
		t.Fatal(err)
	}
	elsewhere := library.NewMemStore()
	rep, err := formats.ImportInto(elsewhere, "library.jsonld", out.Bytes(), now)
	if err != nil || rep.Learned != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	recs, _, err := elsewhere.Learned()
	if err != nil {
		t.Fatal(err)
	}
	l2 := learn.New(m, learn.Options{})
	if err := l2.Load(recs); err != nil {
		t.Fatal(err)
	}
	const other = "Vantor Quell said on Friday it would close two plants in Ohio."
	if got, want := fmt.Sprint(l2.Tag(other)), fmt.Sprint(l.Tag(other)); got != want {
		t.Errorf("after export and import:\n got %s\nwant %s", got, want)
	}
	if l2.Corrections() != 1 || l2.Own().Origin != "" || len(l2.Others()) != 1 {
		t.Errorf("imported: %d corrections, own %q, %d others", l2.Corrections(), l2.Own().Origin, len(l2.Others()))
	}
	// The imported article's decisions are learned already.
	stored, _, err := elsewhere.Load(doc.Meta.ID)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := stored.Workspace()
	if err != nil {
		t.Fatal(err)
	}
	if res := l2.Learn(learn.FromWorkspace(ws)); res.Corrections != 0 {
		t.Errorf("the imported decisions were learned again: %+v", res)
	}
}

// TestImportedParts: a part learned elsewhere adds to the learner's own;
// the learner learns into its own part only.
func TestImportedParts(t *testing.T) {
	m := model(t)
	const text = "Kevin Marsh, a spokesman for Vantor Quell, said the talks had failed."
	elsewhere := learn.New(m, learn.Options{})
	elsewhere.Learn(learn.FromWorkspace(correct(t, article(t, elsewhere.Recognizer(), text), "Vantor Quell", annotate.Org, 1)))
	theirs, err := elsewhere.Record()
	if err != nil {
		t.Fatal(err)
	}
	theirs.Imported = true
	l := learn.New(m, learn.Options{})
	if err := l.Load([]library.Learned{theirs}); err != nil {
		t.Fatal(err)
	}
	if e, _ := suggestion(article(t, l.Recognizer(), text), "Vantor Quell"); e.Label != annotate.Org {
		t.Errorf("with the imported part, Vantor Quell is %s", e.Label)
	}
	const other = "Analysts said Zorblax Industries would cut 200 jobs in Ohio."
	res := l.Learn(learn.FromWorkspace(correct(t, article(t, l.Recognizer(), other), "Zorblax Industries", annotate.Org, 2)))
	if res.Corrections != 1 || l.Corrections() != 2 {
		t.Errorf("learned %+v, %d corrections in all", res, l.Corrections())
	}
	recs, err := l.Records()
	if err != nil || len(recs) != 2 || recs[0].Imported || !recs[1].Imported || recs[1].Corrections != 1 {
		t.Fatalf("records %+v, %v", recs, err)
	}
	if string(recs[1].Data) != string(theirs.Data) {
		t.Error("learning changed the imported part")
	}
}

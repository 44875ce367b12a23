package learn_test

import (
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/learn"
	"glossa/app/sample"
)

// longArticle returns the sample article repeated to 1,000 words or more,
// with the sample's gold entities as the reader's notes on its first copy,
// and a learner that has learned from them: a reader well into an article.
func longArticle(b *testing.B) (annotate.Workspace, *learn.Learner) {
	b.Helper()
	gold, err := sample.LoadGold()
	if err != nil {
		b.Fatal(err)
	}
	one := strings.TrimSpace(sample.Article)
	text := one
	for len(strings.Fields(text)) < 1000 {
		text += "\n\n" + one
	}
	norm, err := annotate.NormalizeText([]byte(text))
	if err != nil {
		b.Fatal(err)
	}
	w := annotate.NewWorkspace(annotate.NewDocument(norm))
	for i, g := range gold.Entities {
		if w, err = w.Create(annotate.Span{Start: g.Start, End: g.End}, annotate.Label(g.Label), id(i+1), nil, now); err != nil {
			b.Fatal(err)
		}
	}
	l := learn.New(model(b), learn.Options{})
	l.Learn(learn.FromWorkspace(w))
	b.ReportMetric(float64(len(strings.Fields(norm))), "words")
	return w, l
}

// wordSpan returns the span of the first word of w's text.
func wordSpan(w annotate.Workspace, word string) annotate.Span {
	start := w.Doc.Text.BytePoint(strings.Index(w.Doc.Text.String(), word))
	return annotate.Span{Start: start, End: start + len(word)}
}

// labels alternate in the benchmarks' corrections, so that each makes
// updates.
var labels = [2]annotate.Label{annotate.Misc, annotate.Person}

// BenchmarkCorrection measures what the tagging worker does after a
// reader's correction in a 1,000-word article: learn from it (Learn, from
// the reading of the last Tag) and tag the article again (Tag).
func BenchmarkCorrection(b *testing.B) {
	w, l := longArticle(b)
	text := w.Doc.Text.String()
	sp := wordSpan(w, "software")
	l.Tag(text)
	n := 1000
	for b.Loop() {
		n++
		ws, err := w.Create(sp, labels[n%2], id(n), annotate.Reader("b"), now)
		if err != nil {
			b.Fatal(err)
		}
		if res := l.Learn(learn.FromWorkspace(ws)); res.Corrections != 1 || res.Updates == 0 {
			b.Fatalf("learned %+v", res)
		}
		l.Tag(text)
	}
}

// BenchmarkLearnOneCorrection measures learning from one new decision in a
// 1,000-word article with no reading kept: reading the article with what
// was learned so far, and the updates of the sentence the decision is in.
func BenchmarkLearnOneCorrection(b *testing.B) {
	w, l := longArticle(b)
	sp := wordSpan(w, "software")
	n := 1000
	for b.Loop() {
		// A new note each time, of the other label: a decision not
		// learned yet, which the model gets wrong.
		n++
		ws, err := w.Create(sp, labels[n%2], id(n), annotate.Reader("b"), now)
		if err != nil {
			b.Fatal(err)
		}
		if res := l.Learn(learn.FromWorkspace(ws)); res.Corrections != 1 || res.Updates == 0 {
			b.Fatalf("learned %+v", res)
		}
	}
}

// BenchmarkRetag measures tagging a 1,000-word article again with what was
// learned.
func BenchmarkRetag(b *testing.B) {
	w, l := longArticle(b)
	r := l.Recognizer()
	for b.Loop() {
		if _, err := annotate.RecognizeBlocks(annotate.NewDocument(w.Doc.Text.String()), r, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRetagLargeDelta is BenchmarkRetag with 100,000 more learned
// rows (of features the article lacks): five times what 20 corrected
// documents of the benchmark in build/learncurve teach.
func BenchmarkRetagLargeDelta(b *testing.B) {
	w, l := longArticle(b)
	own := l.Own()
	d := own.Delta.Clone()
	for i := range 100_000 {
		d.Add(uint64(i+1)*0x9e3779b97f4a7c15, news.Tag(i%l.Base().NumTags()), 10, l.Base().NumTags())
	}
	own.Delta = d
	if err := l.Restore(own); err != nil {
		b.Fatal(err)
	}
	r := l.Recognizer()
	for b.Loop() {
		if _, err := annotate.RecognizeBlocks(annotate.NewDocument(w.Doc.Text.String()), r, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRetagBase is BenchmarkRetag with the base model alone, for
// comparison.
func BenchmarkRetagBase(b *testing.B) {
	w, l := longArticle(b)
	r := news.New(l.Base())
	for b.Loop() {
		if _, err := annotate.RecognizeBlocks(annotate.NewDocument(w.Doc.Text.String()), r, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodePart and BenchmarkParsePart measure saving and loading
// what was learned from the sample's gold entities.
func BenchmarkEncodePart(b *testing.B) {
	_, l := longArticle(b)
	for b.Loop() {
		if _, err := l.Own().MarshalBinary(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParsePart(b *testing.B) {
	_, l := longArticle(b)
	data, err := l.Own().MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := learn.ParsePart(data); err != nil {
			b.Fatal(err)
		}
	}
}

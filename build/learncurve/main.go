// Command learncurve measures learning from a reader's corrections: a
// simulated reader corrects the entity suggestions of k documents of a
// kind the built-in model was not trained on, against their gold
// annotations, and the model plus what it learned is scored on held-out
// documents of the same kind after each k:
//
//	go run ./build/learncurve -data /path/to/wikigold.conll.txt -dev /path/to/conll2003/valid.txt
//
// The data is a CoNLL column file with -DOCSTART- lines between documents
// (wikigold: Wikipedia text with CoNLL-2003's four types, CC BY 4.0). Its
// documents split by position: the even-numbered (0, 2, 4…) are the
// correction pool, the odd-numbered the held-out set. The reader corrects
// the pool's documents in order: each is tagged by the model with what it
// learned so far; the reader accepts the suggestions whose span and type
// are gold, relabels those whose span is gold and type is not, rejects the
// others, and marks the gold entities no suggestion found; then the
// learner learns from the document. Scores are typed exact-span F1 over
// CoNLL's four types on the held-out documents (-tune: on the pool's
// documents after the 20th, for choosing the learner's options without
// looking at the held-out set), and on the base model's own dev set (the
// CoNLL-2003 dev split) before and after the last k. No text of the data
// is written anywhere.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"glossa/annotate"
	"glossa/annotate/ner/news"
	"glossa/annotate/ner/news/builtin"
	"glossa/annotate/ner/news/learn"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("learncurve: ")
	data := flag.String("data", "", "the CoNLL column `FILE` of documents to correct and score on (wikigold)")
	dev := flag.String("dev", "", "the base model's dev set (`FILE`, CoNLL-2003 valid.txt), scored before and after")
	ks := flag.String("k", "1,2,5,10,20", "the numbers of corrected documents to score after")
	wnut := flag.Int("wnut", 0, "read -data as WNUT17 (tab-separated, its six types mapped to CoNLL's four), `N` tweets a document")
	tune := flag.Bool("tune", false, "score on the pool's documents after the 20th, not on the held-out set")
	rate := flag.Float64("rate", 0, "learning rate (0: the learner's default)")
	trust := flag.Float64("trust", -1, "trust (-1: the learner's default)")
	lazy := flag.Bool("lazy", false, "the reader decides only every other suggestion and marks only every other missed entity")
	rest := flag.Int("rest", -1, "gold tags where the reader said nothing: 0 the model's, 1 none, 2 O (-1: the learner's default)")
	margin := flag.Float64("margin", -1, "margin (-1: the learner's default)")
	passes := flag.Int("passes", 0, "most passes over a corrected sentence (0: the learner's default)")
	flag.Parse()
	if *data == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	var steps []int
	for _, f := range strings.Split(*ks, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || k <= 0 {
			log.Fatalf("-k: %q is not a positive number", f)
		}
		steps = append(steps, k)
	}
	var docs []news.TrainDocument
	if *wnut > 0 {
		docs = readWNUT(*data, *wnut)
	} else {
		docs = readCoNLL(*data)
	}
	var pool, held []news.TrainDocument
	for i, d := range docs {
		if i%2 == 0 {
			pool = append(pool, d)
		} else {
			held = append(held, d)
		}
	}
	eval := held
	what := "held-out"
	if *tune {
		eval, what = pool[min(20, len(pool)):], "pool after the 20th (tuning)"
	}
	fmt.Printf("%d documents: %d in the correction pool, %d held out; scoring on the %s (%d documents)\n",
		len(docs), len(pool), len(held), what, len(eval))

	base, err := builtin.Model()
	if err != nil {
		log.Fatal(err)
	}
	opt := learn.DefaultOptions
	if *rate > 0 {
		opt.Rate = float32(*rate)
	}
	if *trust >= 0 {
		opt.Trust = float32(*trust)
	}
	if *rest >= 0 {
		opt.Rest = learn.Rest(*rest)
	}
	if *margin >= 0 {
		opt.Margin = float32(*margin)
	}
	if *passes > 0 {
		opt.Passes = *passes
	}
	fmt.Printf("learner: %+v\n", opt)
	l := learn.New(base, opt)
	var devDocs []news.TrainDocument
	var devBefore float64
	if *dev != "" {
		devDocs = readCoNLL(*dev)
		devBefore = base.Evaluate(devDocs).Overall.F1()
	}

	arts := func(docs []news.TrainDocument) []article {
		out := make([]article, len(docs))
		for i, d := range docs {
			out[i] = newArticle(d)
		}
		return out
	}
	poolArts, evalArts := arts(pool), arts(eval)
	f0 := score(l.Recognizer(), evalArts).F1()
	m0 := base.Evaluate(eval).Overall.F1()
	fmt.Printf("\n| corrected documents | corrections | F1 of the suggestions | change | F1 of the model alone | change |\n| --- | --- | --- | --- | --- | --- |\n")
	fmt.Printf("| 0 | 0 | %.2f | | %.2f | |\n", 100*f0, 100*m0)
	done := 0
	var took time.Duration
	for _, k := range steps {
		for ; done < k && done < len(pool); done++ {
			ws := correct(l.Recognizer(), poolArts[done], *lazy)
			start := time.Now()
			l.Learn(learn.FromWorkspace(ws))
			took += time.Since(start)
		}
		f := score(l.Recognizer(), evalArts).F1()
		mf := base.EvaluateWith(eval, l.Delta()).Overall.F1()
		fmt.Printf("| %d | %d | %.2f | %+.2f | %.2f | %+.2f |\n", done, l.Corrections(), 100*f, 100*(f-f0), 100*mf, 100*(mf-m0))
	}
	enc, err := l.Own().MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nlearned: %d weight rows, %d bytes encoded; %s learning in all\n", l.Delta().Len(), len(enc), took.Round(time.Millisecond))
	if devDocs != nil {
		after := base.EvaluateWith(devDocs, l.Delta()).Overall.F1()
		fmt.Printf("base model's dev set (CoNLL-2003 valid): F1 %.2f before, %.2f after %d documents (%+.2f)\n",
			100*devBefore, 100*after, done, 100*(after-devBefore))
	}
}

func readCoNLL(name string) []news.TrainDocument {
	docs, err := news.ReadCoNLLFile(name)
	if err != nil {
		log.Fatal(err)
	}
	return docs
}

// wnutTypes maps WNUT17's types to CoNLL's: groups (bands, teams) and
// corporations are organizations, products and creative works MISC.
var wnutTypes = map[string]string{"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG", "product": "MISC", "creative-work": "MISC"}

// readWNUT reads a WNUT17 file (a token and its IOB2 label a line, a blank
// line after each tweet) as documents of n tweets each, in order, its
// types mapped to CoNLL's.
func readWNUT(name string, n int) []news.TrainDocument {
	data, err := os.ReadFile(name)
	if err != nil {
		log.Fatal(err)
	}
	var b strings.Builder
	tweets := 0
	for i, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			b.WriteString("\n")
			if tweets++; tweets%n == 0 {
				b.WriteString("-DOCSTART- O\n\n")
			}
			continue
		}
		label := f[len(f)-1]
		if label != "O" {
			prefix, typ, _ := strings.Cut(label, "-")
			if wnutTypes[typ] == "" {
				log.Fatalf("%s:%d: unknown type %q", name, i+1, typ)
			}
			label = prefix + "-" + wnutTypes[typ]
		}
		fmt.Fprintf(&b, "%s %s\n", f[0], label)
	}
	docs, err := news.ReadCoNLL(strings.NewReader(b.String()))
	if err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	return docs
}

// glossaLabel is the label the simulated reader gives a gold entity of a
// CoNLL type.
var glossaLabel = map[string]annotate.Label{"PER": annotate.Person, "ORG": annotate.Org, "LOC": annotate.GPE, "MISC": annotate.Misc}

// coarse is the CoNLL type of a Glossa label, as the reader judges a
// suggestion ("" for DATE, which CoNLL's data does not mark).
var coarse = map[annotate.Label]string{
	annotate.Person: "PER", annotate.Org: "ORG", annotate.GPE: "LOC", annotate.Loc: "LOC", annotate.Fac: "LOC",
	annotate.NORP: "MISC", annotate.Event: "MISC", annotate.Misc: "MISC",
}

// article is a document of the data as Glossa reads it: its text (a line
// per sentence, tokens separated by spaces) and its gold entities.
type article struct {
	text  string
	golds []gold
}

// gold is a gold entity: its span (code points) and CoNLL type.
type gold struct {
	span annotate.Span
	typ  string
}

func newArticle(doc news.TrainDocument) article {
	var b strings.Builder
	var golds []gold
	at := 0 // code points
	for _, s := range doc {
		starts := make([]int, len(s.Words))
		ends := make([]int, len(s.Words))
		for i, w := range s.Words {
			if i > 0 {
				b.WriteByte(' ')
				at++
			}
			starts[i] = at
			b.WriteString(w)
			at += len([]rune(w))
			ends[i] = at
		}
		b.WriteByte('\n')
		at++
		for _, e := range s.Entities {
			golds = append(golds, gold{annotate.Span{Start: starts[e.Start], End: ends[e.End-1]}, e.Type})
		}
	}
	text, err := annotate.NormalizeText([]byte(b.String()))
	if err != nil {
		log.Fatal(err)
	}
	return article{text, golds}
}

// suggest returns the workspace of the article with r's suggestions.
func (a article) suggest(r *news.Recognizer) annotate.Workspace {
	d := annotate.NewDocument(a.text)
	ents, err := annotate.RecognizeBlocks(d, r, nil)
	if err != nil {
		log.Fatal(err)
	}
	return annotate.NewWorkspace(d).WithSuggestions(ents, r.Name())
}

// score counts r's suggestions on the articles against their gold
// entities: exact spans, CoNLL's types (a suggestion's label mapped by
// coarse; dates left out).
func score(r *news.Recognizer, arts []article) news.Counts {
	var c news.Counts
	for _, a := range arts {
		want := map[gold]bool{}
		for _, g := range a.golds {
			want[g] = true
		}
		c.Gold += len(a.golds)
		for _, e := range a.suggest(r).Suggestions {
			typ := coarse[e.Label]
			if typ == "" {
				continue
			}
			c.Predicted++
			if want[gold{e.Span, typ}] {
				c.Correct++
			}
		}
	}
	return c
}

// correct is the simulated reader: it has r suggest the article's
// entities and corrects them against the gold ones. A lazy reader decides
// only every other suggestion and marks only every other entity no
// suggestion found.
func correct(r *news.Recognizer, a article, lazy bool) annotate.Workspace {
	ws := a.suggest(r)
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	id := func() string {
		n++
		return fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n)
	}
	typeAt := map[annotate.Span]string{}
	for _, g := range a.golds {
		typeAt[g.span] = g.typ
	}
	for i, s := range slices.Clone(ws.Suggestions) {
		if lazy && i%2 == 1 {
			continue
		}
		typ, isGold := typeAt[s.Span]
		switch {
		case isGold && coarse[s.Label] == typ:
			ws = must(ws.Accept(s.Key(), id(), nil, now))
		case isGold:
			nid := id()
			ws = must(ws.Accept(s.Key(), nid, nil, now))
			ws = must(ws.Relabel(nid, glossaLabel[typ], now))
		default:
			ws = must(ws.Reject(s.Key()))
		}
	}
	covered := map[annotate.Span]bool{}
	for _, n := range ws.Notes {
		covered[n.Span] = true
	}
	missed := 0
	for _, g := range a.golds {
		if covered[g.span] {
			continue
		}
		if missed++; lazy && missed%2 == 0 {
			continue
		}
		ws = must(ws.Create(g.span, glossaLabel[g.typ], id(), nil, now))
	}
	return ws
}

func must(ws annotate.Workspace, err error) annotate.Workspace {
	if err != nil {
		log.Fatal(err)
	}
	return ws
}

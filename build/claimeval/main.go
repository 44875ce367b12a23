// Command claimeval measures Glossa's claim finder (annotate/claims) on the
// PolNeAR corpus of attributions in political news:
//
//	go run ./build/claimeval -polnear /work/data/polnear -split dev
//
// It prints claim precision, recall and F1, and the same for claims with
// the right speaker, by the overlap rule of package annotate/claims/score,
// for all of PolNeAR's attributions and for its speech-verb subset. The
// corpus stays where it is: this program only reads it, and writes nothing
// but, with -cache, the tagger's entities, which quote the articles (keep
// that folder out of the repository; the text belongs to its publishers).
// Develop on train; dev is for reporting.
//
// PolNeAR's .ann files are brat standoff: Source, Cue and Content spans
// (character offsets counting Unicode code points, which here are also
// UTF-16 units, as no text holds a character outside the Basic
// Multilingual Plane) joined by Attribution events. Each event with a
// content is a gold claim: its content spans (Content and Content2), its
// source spans (none for Attribution-no-source), and its cue. An article
// that several annotators marked is scored against the first annotator's
// file, in the order of their file names, so every article counts once
// (-all-annotators scores it against each file instead).
//
// The speech-verb subset keeps the gold claims whose cue holds a form of a
// verb in speechLemmas (or "according to"); found claims matched to a gold
// claim outside the subset are left out of its precision.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/claims/score"
	"glossa/annotate/ner"
)

// speechLemmas are the verbs of the speech-verb subset: verbs of saying
// and reporting, whether or not the finder takes them as cues.
var speechLemmas = strings.Fields(`say tell add state claim argue insist warn deny note explain assert
	allege announce acknowledge admit confirm declare maintain reply respond stress write tweet
	contend concede predict promise vow pledge observe comment remark recall reiterate emphasize
	emphasise complain testify caution disclose reveal report ask conclude counter joke quip boast
	retort lament suggest accuse describe call mention answer speak quote`)

func main() {
	log.SetFlags(0)
	log.SetPrefix("claimeval: ")
	dir := flag.String("polnear", "/work/data/polnear", "the PolNeAR `folder`, holding train/ and dev/")
	split := flag.String("split", "dev", "the split to measure: train or dev")
	nerName := flag.String("ner", "prose", "the entity tagger whose entities the finder gets: prose or none")
	cache := flag.String("cache", "", "keep the tagger's entities in `FOLDER`, to run again faster")
	verbose := flag.Int("v", 0, "print up to `N` misses and false finds")
	every := flag.Bool("all-annotators", false, "score an article against each of its annotators' files, not only the first")
	only := flag.String("article", "", "measure only the articles whose name holds `TEXT`, and print their claims")
	text := flag.String("text", "", "print the claims found in `TEXT` (with entities from -ner) and stop")
	pronouns := flag.Int("pronouns", 0, "print `N` claims whose speaker is a pronoun or description, with what it resolved to")
	flag.Parse()
	if *text != "" {
		d := annotate.NewDocument("Headline\n\nBy Nobody\n\n1 May 2026\n\n" + *text)
		var rec annotate.Recognizer
		if *nerName == "prose" {
			rec = ner.NewProse()
		}
		ents, _ := entities(d, rec, "", "", "")
		for _, c := range claims.Find(d, ents) {
			printClaim(c)
		}
		return
	}
	if *split != "train" && *split != "dev" {
		log.Fatalf("-split %q: use train or dev (the test split is not for development)", *split)
	}
	arts, err := load(filepath.Join(*dir, *split), *every)
	if err != nil {
		log.Fatal(err)
	}
	var rec annotate.Recognizer
	if *nerName == "prose" {
		rec = ner.NewProse()
	} else if *nerName != "none" {
		log.Fatalf("-ner %q: use prose or none", *nerName)
	}
	var all, speech score.Counts
	byKind := map[string][]bool{} // whether each claim found, by kind, matched
	var took time.Duration
	words := 0
	shown := 0
	for _, a := range arts {
		if *only != "" && !strings.Contains(a.name, *only) {
			continue
		}
		d := annotate.NewDocument(a.text)
		ents, err := entities(d, rec, *cache, *split, a.name)
		if err != nil {
			log.Fatalf("%s: %v", a.name, err)
		}
		t0 := time.Now()
		found := claims.Find(d, ents)
		took += time.Since(t0)
		words += len(score.Words(a.text))
		fs := make([]score.Claim, len(found))
		for i, c := range found {
			fs[i] = score.Found(c)
		}
		gs := make([]score.Claim, len(a.gold))
		for i, g := range a.gold {
			gs[i] = g.Claim
		}
		c, pairs := score.Score(a.text, gs, fs)
		all.Add(c)
		matched := make([]bool, len(found))
		for _, p := range pairs {
			matched[p.Found] = true
		}
		for i, cl := range found {
			k := string(cl.Kind)
			if cl.Cue == nil {
				k += ", no cue"
			}
			byKind[k] = append(byKind[k], matched[i])
		}
		// The speech-verb subset.
		var sg []score.Claim
		var sf []score.Claim
		outside := make([]bool, len(fs))
		for _, p := range pairs {
			if !a.gold[p.Gold].speech {
				outside[p.Found] = true
			}
		}
		for i, g := range a.gold {
			if g.speech {
				sg = append(sg, gs[i])
			}
		}
		for i := range fs {
			if !outside[i] {
				sf = append(sf, fs[i])
			}
		}
		sc, _ := score.Score(a.text, sg, sf)
		speech.Add(sc)
		if *only != "" {
			for _, c := range found {
				printClaim(c)
			}
		}
		for _, c := range found {
			if *pronouns > 0 && c.Speaker != nil && c.Speaker.Text != c.SpeakerName && strings.IndexFunc(c.Speaker.Text[:1], unicode.IsUpper) < 0 || *pronouns > 0 && c.Speaker != nil && subjectWord(c.Speaker.Text) {
				*pronouns--
				runes := []rune(a.text)
				from := max(c.Speaker.Start-300, 0)
				fmt.Printf("RESOLVE %q -> %q\n   %q\n", c.Speaker.Text, c.SpeakerName, strings.ReplaceAll(string(runes[from:c.Speaker.End]), "\n", "¶"))
			}
		}
		if shown < *verbose {
			shown += report(a, found, pairs)
		}
	}
	who := "one annotator per article (the first file)"
	if *every {
		who = "every annotator's file"
	}
	fmt.Printf("PolNeAR %s: %d articles, %d words, %s; entities from %s\n", *split, len(arts), words, who, *nerName)
	fmt.Printf("\nall attributions\n%v\n", all)
	fmt.Printf("\nspeech-verb subset\n%v\n", speech)
	fmt.Printf("\nprecision by kind (all attributions):")
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		m := 0
		for _, ok := range byKind[k] {
			if ok {
				m++
			}
		}
		fmt.Printf("  %s %.2f (%d)", k, float64(m)/float64(len(byKind[k])), len(byKind[k]))
	}
	fmt.Println()
	fmt.Printf("\nfinder time: %v in all, %.2f ms per 1,000 words\n", took.Round(time.Millisecond), float64(took.Microseconds())/float64(words))
}

// article is one PolNeAR article and its gold claims.
type article struct {
	name string
	text string
	gold []gold
}

type gold struct {
	score.Claim
	cue    string
	speech bool
}

// load reads a split's articles and their first annotator's attributions,
// or, with every, each annotator's as an article of its own.
func load(dir string, every bool) ([]article, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("%s: no .ann files in attributions/; is -polnear the PolNeAR folder?", dir)
	}
	slices.Sort(anns)
	seen := map[string]bool{}
	var arts []article
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		name := base[:strings.LastIndexByte(base, '_')]
		if seen[name] && !every {
			continue
		}
		seen[name] = true
		raw, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no text for %s", dir, ann)
		} else if err != nil {
			return nil, err
		}
		text, err := annotate.NormalizeText(raw)
		if err != nil || text != string(raw) {
			return nil, fmt.Errorf("%s: the text is not normalized UTF-8 (%v); offsets would shift", name, err)
		}
		g, err := parseAnn(ann, text)
		if err != nil {
			return nil, err
		}
		arts = append(arts, article{name: name, text: text, gold: g})
	}
	return arts, nil
}

var (
	tLine = regexp.MustCompile(`^(T\d+)\t(\S+) ([\d ;]+)\t`)
	eLine = regexp.MustCompile(`^E\d+\t(.*)$`)
)

// parseAnn reads the attribution events of one brat file.
func parseAnn(path, text string) ([]gold, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	runes := []rune(text)
	spans := map[string][]annotate.Span{}
	var events []map[string]string
	for _, line := range strings.Split(string(raw), "\n") {
		if m := tLine.FindStringSubmatch(line); m != nil {
			var ss []annotate.Span
			for _, seg := range strings.Split(m[3], ";") {
				f := strings.Fields(seg)
				if len(f) != 2 {
					return nil, fmt.Errorf("%s: bad offsets %q", path, m[3])
				}
				a, _ := strconv.Atoi(f[0])
				b, _ := strconv.Atoi(f[1])
				if a < 0 || b > len(runes) || a > b {
					return nil, fmt.Errorf("%s: span %d-%d outside the text of %d code points", path, a, b, len(runes))
				}
				ss = append(ss, annotate.Span{Start: a, End: b})
			}
			spans[m[1]] = ss
		} else if m := eLine.FindStringSubmatch(line); m != nil {
			ev := map[string]string{}
			for _, kv := range strings.Fields(m[1]) {
				k, v, _ := strings.Cut(kv, ":")
				ev[k] = v
			}
			events = append(events, ev)
		}
	}
	var out []gold
	for _, ev := range events {
		var g gold
		for _, role := range []string{"Content", "Content2"} {
			g.Content = append(g.Content, spans[ev[role]]...)
		}
		if len(g.Content) == 0 {
			continue
		}
		slices.SortFunc(g.Content, func(a, b annotate.Span) int { return a.Start - b.Start })
		g.Speaker = spans[ev["Source"]]
		var names []string
		for _, s := range g.Speaker {
			names = append(names, string(runes[s.Start:s.End]))
		}
		g.Name = strings.Join(names, " ")
		for _, s := range spans[ev["Cue"]] {
			g.cue += string(runes[s.Start:s.End]) + " "
		}
		g.speech = isSpeech(g.cue)
		out = append(out, g)
	}
	return out, nil
}

var speechForms = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range speechLemmas {
		stem := strings.TrimSuffix(l, "e")
		for _, f := range []string{l, l + "s", l + "es", l + "d", l + "ed", stem + "ing", stem + "ed"} {
			m[f] = true
		}
		if y, ok := strings.CutSuffix(l, "y"); ok {
			m[y+"ied"], m[y+"ies"] = true, true
		}
		last := l[len(l)-1]
		if strings.IndexByte("aeiou", last) < 0 {
			m[l+string(last)+"ed"], m[l+string(last)+"ing"] = true, true
		}
	}
	for _, f := range strings.Fields("said told wrote written spoke spoken") {
		m[f] = true
	}
	return m
}()

var cueWord = regexp.MustCompile(`[\p{L}]+`)

// isSpeech reports whether a gold cue holds a form of a speech verb.
func isSpeech(cue string) bool {
	low := strings.ToLower(cue)
	if strings.Contains(low, "according to") || strings.Contains(low, "point out") || strings.Contains(low, "pointed out") {
		return true
	}
	for _, w := range cueWord.FindAllString(low, -1) {
		if speechForms[w] {
			return true
		}
	}
	return false
}

// entities tags d with rec, or reads the entities kept in cache.
func entities(d *annotate.Document, rec annotate.Recognizer, cache, split, name string) ([]annotate.Entity, error) {
	if rec == nil {
		return nil, nil
	}
	var path string
	if cache != "" {
		path = filepath.Join(cache, split+"-"+name+".json")
		if b, err := os.ReadFile(path); err == nil {
			var ents []annotate.Entity
			if json.Unmarshal(b, &ents) == nil {
				return ents, nil
			}
		}
	}
	ents, err := annotate.RecognizeBlocks(d, rec, nil)
	if err != nil {
		// prose fails on a few words; tag what it can, block by block.
		ents = nil
		for i, b := range d.Blocks {
			es, err := rec.Recognize(d.BlockText(i))
			if err != nil {
				continue
			}
			for _, e := range es {
				e.Start += b.Start
				e.End += b.Start
				ents = append(ents, e)
			}
		}
	}
	if path != "" {
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return nil, err
		}
		b, _ := json.Marshal(ents)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return nil, err
		}
	}
	return ents, nil
}

// report prints an article's misses and false finds, and returns how many
// it printed.
func report(a article, found []claims.Claim, pairs []score.Pair) int {
	runes := []rune(a.text)
	clip := func(s annotate.Span) string {
		t := string(runes[s.Start:s.End])
		t = strings.ReplaceAll(t, "\n", "¶")
		if len([]rune(t)) > 140 {
			t = string([]rune(t)[:140]) + "…"
		}
		return t
	}
	gotG := map[int]bool{}
	gotF := map[int]bool{}
	n := 0
	for _, p := range pairs {
		gotG[p.Gold], gotF[p.Found] = true, true
		if !p.RightSpeaker {
			g, f := a.gold[p.Gold], found[p.Found]
			sp := ""
			if f.Speaker != nil {
				sp = f.Speaker.Text
			}
			fmt.Printf("SPEAKER %s: gold %q, found %q (%q) for %q\n", a.name, g.Name, sp, f.SpeakerName, clip(f.Span))
			n++
		}
	}
	for i, g := range a.gold {
		if !gotG[i] {
			if j := overlapping(g.Content, found); j >= 0 {
				fmt.Printf("NEAR %s [%s] gold %q\n   found %q\n", a.name, strings.TrimSpace(g.cue), clipAll(runes, g.Content), clip(found[j].Span))
				n++
				continue
			}
			ctx := annotate.Span{Start: max(g.Content[0].Start-60, 0), End: min(g.Content[len(g.Content)-1].End+30, len(runes))}
			fmt.Printf("MISS %s [%s] src %q speech=%v: %q\n   in %q\n", a.name, strings.TrimSpace(g.cue), g.Name, g.speech, clip(g.Content[0]), clip(ctx))
			n++
		}
	}
	for i, f := range found {
		if !gotF[i] {
			cue := ""
			if f.Cue != nil {
				cue = f.Cue.Text
			}
			fmt.Printf("FALSE %s [%s] %s by %q: %q\n", a.name, cue, f.Kind, f.SpeakerName, clip(f.Span))
			n++
		}
	}
	return n
}

// printClaim prints one claim found, on one line.
func printClaim(c claims.Claim) {
	cue, sp := "", ""
	if c.Cue != nil {
		cue = c.Cue.Text
	}
	if c.Speaker != nil {
		sp = c.Speaker.Text
	}
	fmt.Printf("FOUND %s [%s] %q (%q): %q\n", c.Kind, cue, sp, c.SpeakerName, c.Text)
}

// overlapping returns the index of a found claim that overlaps spans, or -1.
func overlapping(spans []annotate.Span, found []claims.Claim) int {
	for j, c := range found {
		for _, s := range spans {
			for _, p := range c.Pieces() {
				if s.Start < p.End && p.Start < s.End {
					return j
				}
			}
		}
	}
	return -1
}

// clipAll returns the text of spans joined by " | ".
func clipAll(runes []rune, spans []annotate.Span) string {
	var parts []string
	for _, s := range spans {
		parts = append(parts, string(runes[s.Start:s.End]))
	}
	return strings.ReplaceAll(strings.Join(parts, " | "), "\n", "¶")
}

// subjectWord reports whether s is a subject pronoun or opens with "the".
func subjectWord(s string) bool {
	l := strings.ToLower(s)
	return l == "he" || l == "she" || l == "it" || l == "they" || strings.HasPrefix(l, "the ")
}

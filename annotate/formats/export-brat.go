package formats

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"glossa/annotate"
	"glossa/annotate/library"
)

// brat standoff (https://brat.nlplab.org/standoff.html). Each article is
// a pair of files: NAME.txt, its text, and NAME.ann, its notes, NAME being
// the slug of its title (see Slug), with "-2", "-3"… added to repeats.
// Offsets are in code points of the .txt, end exclusive: brat counts
// characters as Python's str does, which is code points, the same unit as
// Glossa. Each note is a text-bound annotation, in document order:
//
//	T1	PERSON 10 21	Theresa May
//
// A span across line breaks becomes fragments, as brat writes
// discontinuous spans: the runs of the span between its line breaks,
// "start end" pairs joined by ";" and their texts joined by a space:
//
//	T2	CLAIM 40 52;53 70	first line second line
//
// What a claim carries follows its T line: its verdict as an attribute,
// its speaker as a relation when the speaker is a note of the article
// (Arg1 the claim, Arg2 the speaker's own T span), and its comment, tags,
// evidence and a typed speaker name as notes ("#" lines, one line each):
//
//	A1	Verdict T2 supported
//	R1	Speaker Arg1:T2 Arg2:T3
//	#1	AnnotatorNotes T2	the comment
//	#2	Tags T2	russia; -cyber
//	#3	Evidence T2	https://www.ncsc.gov.uk/
//	#4	Speaker T5	Kaspersky
//
// A typed speaker is a name, not a span of the text, so it cannot be a
// relation's argument: it is a "Speaker" note on the claim. Entities' tags
// and comments are notes too. Orphans are left out: they have no place in
// the text.
//
// brat reads the .ann line by line with Python's str.splitlines, which
// also breaks lines at U+000B, U+000C, U+001C to U+001E, U+0085, U+2028
// and U+2029, so a T line whose text held one of them would be cut and
// refused ("shorter than marked span(s)"). The exported .txt therefore
// holds a line feed in place of each of these separators (one code point
// for one, so every offset stays), and the T lines split at them as at
// line feeds; in notes they are spaces, as are line feeds and tabs. The
// .txt is then no longer the article's exact text when it held such
// characters: importing it back makes another article.
//
// The zip starts with an annotation.conf that declares Glossa's labels as
// entities, the Speaker relation, the Verdict attribute and overlapping
// spans (<OVERLAP>: a claim holds entities), so brat shows the collection
// as it is. ExportBrat zips the pairs after it, in bundle order, each .txt
// before its .ann, every entry dated 1980-01-01 00:00 UTC (zip's earliest
// date), so the same bundle gives the same bytes.

// bratTime is the modification time of every zip entry.
var bratTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// bratBreak reports whether Python's str.splitlines breaks a line at r.
func bratBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// BratText returns the .txt brat reads for text: text with every line
// separator that brat's parser breaks lines at (see bratBreak) a line
// feed, so the offsets of text hold in it.
func BratText(text string) string {
	return strings.Map(func(r rune) rune {
		if bratBreak(r) {
			return '\n'
		}
		return r
	}, text)
}

// BratAnn returns the .ann file of a document, as described above.
func BratAnn(s library.StoredDoc) []byte {
	return bratAnn(s.Text, s.Notes)
}

func bratAnn(text string, notes []annotate.Note) []byte {
	var b bytes.Buffer
	runes := []rune(BratText(text))
	tOf := map[string]string{}
	for i, n := range notes {
		tOf[n.ID] = fmt.Sprintf("T%d", i+1)
	}
	attrs, rels, comments := 0, 0, 0
	note := func(kind, t, text string) {
		comments++
		fmt.Fprintf(&b, "#%d\t%s %s\t%s\n", comments, kind, t, oneLine(text))
	}
	for _, n := range notes {
		t := tOf[n.ID]
		var offs, texts []string
		start := n.Span.Start
		for p := n.Span.Start; p <= n.Span.End; p++ {
			if p < n.Span.End && runes[p] != '\n' {
				continue
			}
			if p > start {
				offs = append(offs, fmt.Sprintf("%d %d", start, p))
				texts = append(texts, string(runes[start:p]))
			}
			start = p + 1
		}
		fmt.Fprintf(&b, "%s\t%s %s\t%s\n", t, n.Label, strings.Join(offs, ";"), strings.Join(texts, " "))
		if n.Verdict != annotate.Unverified {
			attrs++
			fmt.Fprintf(&b, "A%d\tVerdict %s %s\n", attrs, t, n.Verdict)
		}
		if s, ok := tOf[n.Speaker.AnnotationID]; ok && n.Speaker.AnnotationID != "" {
			rels++
			fmt.Fprintf(&b, "R%d\tSpeaker Arg1:%s Arg2:%s\n", rels, t, s)
		}
		if n.Comment != "" {
			note("AnnotatorNotes", t, n.Comment)
		}
		if len(n.Tags) > 0 {
			note("Tags", t, strings.Join(n.Tags, "; "))
		}
		if n.Evidence != "" {
			note("Evidence", t, n.Evidence)
		}
		if n.Speaker.Name != "" {
			note("Speaker", t, n.Speaker.Name)
		}
	}
	return b.Bytes()
}

// BratConf is the annotation.conf of a brat export: Glossa's labels, the
// Speaker relation from a claim to a note, the Verdict attribute of a
// claim, and overlapping spans allowed.
func BratConf() []byte {
	var b bytes.Buffer
	b.WriteString("# Glossa's labels, as its brat export writes them.\n[entities]\n")
	for _, l := range annotate.AllLabels {
		fmt.Fprintf(&b, "%s\n", l)
	}
	b.WriteString("\n[relations]\nSpeaker\tArg1:CLAIM, Arg2:<ENTITY>\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n")
	b.WriteString("\n[events]\n\n[attributes]\nVerdict\tArg:CLAIM, Value:")
	var vs []string
	for _, v := range annotate.Verdicts {
		if v != annotate.Unverified {
			vs = append(vs, string(v))
		}
	}
	b.WriteString(strings.Join(vs, "|") + "\n")
	return b.Bytes()
}

// oneLine turns line breaks (every one brat breaks lines at) and tabs
// into spaces.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	return strings.Map(func(r rune) rune {
		if bratBreak(r) || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// bratNames returns a file name (without extension) for each article:
// its slug, made unique.
func bratNames(arts []article) []string {
	names := make([]string, len(arts))
	used := map[string]bool{}
	for i, a := range arts {
		base := Slug(a.title)
		name := base
		for k := 2; used[name]; k++ {
			name = fmt.Sprintf("%s-%d", base, k)
		}
		used[name] = true
		names[i] = name
	}
	return names
}

// ExportBrat writes the bundle as a zip of brat standoff pairs, as
// described above.
func ExportBrat(b Bundle, w io.Writer) error {
	arts, err := articles(b, "brat")
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	if err := zipEntry(zw, "annotation.conf", BratConf()); err != nil {
		return err
	}
	names := bratNames(arts)
	for i, a := range arts {
		for _, f := range []struct {
			ext  string
			data []byte
		}{{".txt", []byte(BratText(a.Text))}, {".ann", bratAnn(a.Text, a.Notes)}} {
			if err := zipEntry(zw, names[i]+f.ext, f.data); err != nil {
				return err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("export brat: %w", err)
	}
	return nil
}

// zipEntry writes one file of the brat zip.
func zipEntry(zw *zip.Writer, name string, data []byte) error {
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: bratTime})
	if err != nil {
		return fmt.Errorf("export brat: %w", err)
	}
	if _, err := fw.Write(data); err != nil {
		return fmt.Errorf("export brat: %w", err)
	}
	return nil
}

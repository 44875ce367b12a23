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
// A note's comment is an AnnotatorNotes line, its line breaks written as
// spaces (brat notes are one line):
//
//	#1	AnnotatorNotes T1	the comment
//
// Tags, speakers, verdicts and evidence have no place in brat and are left
// out; orphans too. ExportBrat zips the pairs, in bundle order, each .txt
// before its .ann, every entry dated 1980-01-01 00:00 UTC (zip's earliest
// date), so the same bundle gives the same bytes.

// bratTime is the modification time of every zip entry.
var bratTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// BratAnn returns the .ann file of a document, as described above.
func BratAnn(s library.StoredDoc) []byte {
	return bratAnn(s.Text, s.Notes)
}

func bratAnn(text string, notes []annotate.Note) []byte {
	var b bytes.Buffer
	runes := []rune(text)
	comments := 0
	for i, n := range notes {
		t := fmt.Sprintf("T%d", i+1)
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
		if n.Comment != "" {
			comments++
			fmt.Fprintf(&b, "#%d\tAnnotatorNotes %s\t%s\n", comments, t, oneLine(n.Comment))
		}
	}
	return b.Bytes()
}

// oneLine turns line breaks and tabs into spaces.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
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
	names := bratNames(arts)
	for i, a := range arts {
		for _, f := range []struct {
			ext  string
			data []byte
		}{{".txt", []byte(a.Text)}, {".ann", bratAnn(a.Text, a.Notes)}} {
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: names[i] + f.ext, Method: zip.Deflate, Modified: bratTime})
			if err != nil {
				return fmt.Errorf("export brat: %w", err)
			}
			if _, err := fw.Write(f.data); err != nil {
				return fmt.Errorf("export brat: %w", err)
			}
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("export brat: %w", err)
	}
	return nil
}

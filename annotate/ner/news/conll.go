package news

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// ErrBadData is wrapped by the errors of the training data readers for
// input that is not in the format they read.
var ErrBadData = errors.New("bad training data")

// ReadCoNLLFile reads the CoNLL column file name (see ReadCoNLL); its
// errors name the file.
func ReadCoNLLFile(name string) ([]TrainDocument, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return docs, nil
}

// ReadCoNLL reads a CoNLL column file: one token a line, its text in the
// first column and its entity label in the last (IOB1 or IOB2: "B-PER",
// "I-PER", "O"; other columns, such as CoNLL-2003's part of speech and
// chunk, are ignored), a blank line after each sentence, and a
// "-DOCSTART-" line before each document. Errors name the line.
func ReadCoNLL(r io.Reader) ([]TrainDocument, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var docs []TrainDocument
	var doc TrainDocument
	var words, labels []string
	types := map[string]int{}
	var names []string
	endSentence := func() {
		if len(words) == 0 {
			return
		}
		s := Sentence{Words: words}
		for _, c := range iobChunks(labels, types, &names) {
			s.Entities = append(s.Entities, Mention{Start: c.start, End: c.end, Type: names[c.typ]})
		}
		doc = append(doc, s)
		words, labels = nil, nil
	}
	endDoc := func() {
		endSentence()
		if len(doc) > 0 {
			docs = append(docs, doc)
		}
		doc = nil
	}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			endSentence()
			continue
		case fields[0] == "-DOCSTART-":
			endDoc()
			continue
		case len(fields) < 2:
			return nil, fmt.Errorf("line %d: %w: want a token and its label separated by white space, got %q", n, ErrBadData, excerpt(line))
		}
		label := fields[len(fields)-1]
		if label != "O" {
			prefix, typ, ok := strings.Cut(label, "-")
			if !ok || typ == "" || (prefix != "B" && prefix != "I") {
				return nil, fmt.Errorf("line %d: %w: the label %q is not O, B-TYPE or I-TYPE", n, ErrBadData, excerpt(label))
			}
		}
		words = append(words, fields[0])
		labels = append(labels, label)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading CoNLL data: %w", err)
	}
	endDoc()
	return docs, nil
}

func excerpt(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}

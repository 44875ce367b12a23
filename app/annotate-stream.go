//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"glossa/annotate"
	"glossa/annotate/claims"
	"glossa/annotate/w3c"
)

// Large inputs are tagged as a stream: the file is read twice (once for
// the document's ID, which every annotation's target names, and its title;
// once to tag it), a chunk of whole blocks at a time, chunks tagged and
// their annotations encoded in parallel where the recognizer allows, and the annotations spooled to
// temporary files (entities, then claims) until their count, which the
// collection states before them, is known. Memory stays flat whatever the
// size of the input. The output has the form of the in-memory path's: its
// entities byte for byte, then its claims; a DocumentRecognizer reads each
// chunk (a quarter megabyte of whole blocks) as a document, where the
// in-memory path reads the whole text as one, and claims are found in each
// chunk, so a quote that runs across two chunks, or a pronoun whose name is
// in the chunk before, can come out otherwise than in the whole text.

// streamAbove is the input size from which annotate streams and shows
// progress.
const streamAbove = 4 << 20

// chunkSize is the size of the chunks a stream is tagged in: each is read
// as a document, and its annotations, some 30 times its size as JSON, are
// held until written (a variable for tests).
var chunkSize = 256 << 10

// streamInput is an input to stream: a file that can be read twice.
type streamInput struct {
	name string
	path string
	size int64
}

// annotateStream tags a large file and writes its collection to out,
// reporting progress on progress (which may be nil).
func annotateStream(in streamInput, rec annotate.Recognizer, out io.Writer, progress io.Writer, newID annotate.IDFunc, now time.Time) error {
	// Pass 1: the ID and the title.
	f, err := os.Open(in.path)
	if err != nil {
		return fmt.Errorf("%s: %w", in.name, err)
	}
	tr := annotate.NewTextReader(f)
	title := ""
	for first := true; ; first = false {
		chunk, _, err := tr.Next(chunkSize)
		if err == io.EOF {
			break
		}
		if err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", in.name, err)
		}
		if first {
			title = annotate.NewDocument(chunk).Title
		}
		report(progress, in, tr.Offset()/2)
	}
	f.Close()
	id, layout := tr.ID(), tr.Layout()

	// Pass 2: tag, spooling the annotations.
	spool, err := os.CreateTemp("", "glossa-annotate-*.json")
	if err != nil {
		return fmt.Errorf("%s: a temporary file for the annotations: %w", in.name, err)
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	claimSpool, err := os.CreateTemp("", "glossa-annotate-claims-*.json")
	if err != nil {
		return fmt.Errorf("%s: a temporary file for the claims: %w", in.name, err)
	}
	defer os.Remove(claimSpool.Name())
	defer claimSpool.Close()
	items := bufio.NewWriterSize(spool, 256<<10)
	claimItems := bufio.NewWriterSize(claimSpool, 256<<10)
	entities, claimCount, err := tagStream(in, id, layout, rec, items, claimItems, progress, newID, now)
	if err != nil {
		return err
	}
	if err := items.Flush(); err != nil {
		return fmt.Errorf("%s: writing the temporary file: %w", in.name, err)
	}
	if err := claimItems.Flush(); err != nil {
		return fmt.Errorf("%s: writing the temporary file: %w", in.name, err)
	}
	total := entities + claimCount

	// The collection, its items copied in from the spool.
	coll := w3c.Collection{
		Context: w3c.AnnoContext,
		ID:      newID(),
		Type:    "AnnotationCollection",
		Label:   title,
		Total:   total,
		First:   w3c.Page{ID: newID(), Type: "AnnotationPage", StartIndex: 0, Items: []w3c.Annotation{}},
	}
	var shell bytes.Buffer
	enc := json.NewEncoder(&shell)
	enc.SetEscapeHTML(true) // safe in a <script> element, as the in-memory path
	enc.SetIndent("", "  ")
	if err := enc.Encode(coll); err != nil {
		return err
	}
	head, tail, ok := strings.Cut(shell.String(), `"items": []`)
	if !ok {
		return fmt.Errorf("%s: the collection's shape is not the expected one", in.name)
	}
	w := bufio.NewWriterSize(out, 256<<10)
	w.WriteString(head)
	if total == 0 {
		w.WriteString(`"items": []`)
	} else {
		w.WriteString("\"items\": [\n")
		for i, f := range []*os.File{spool, claimSpool} {
			if i == 1 && entities > 0 && claimCount > 0 {
				w.WriteString(",\n")
			}
			if _, err := f.Seek(0, io.SeekStart); err != nil {
				return err
			}
			if _, err := io.Copy(w, f); err != nil {
				return fmt.Errorf("%s: reading the temporary file: %w", in.name, err)
			}
		}
		w.WriteString("\n    ]")
	}
	w.WriteString(tail)
	if progress != nil {
		fmt.Fprintf(progress, "\rglossa annotate: %s: %d annotations%s\n", in.name, total, strings.Repeat(" ", 20))
	}
	return w.Flush()
}

// chunkJob is a chunk of the text, with what its annotations' quotes need
// around it, and, once done, its annotations.
type chunkJob struct {
	text   string
	start  int    // code point offset of text in the document
	before string // up to 32 code points of the text before it
	after  string // up to 32 code points of the text after it
	offset int64  // bytes of the file read when it was
	items  []byte // its entities' annotations, each indented as an item, separated by ",\n"
	count  int
	claims []byte // its claims' annotations, likewise
	nclaim int
	err    error
	done   chan struct{}
}

// tagStream tags the file's chunks and writes their entities' annotations
// to w and their claims' to cw, each indented as an item of the
// collection, separated by ",\n". It returns how many of each it wrote. Chunks are tagged and their annotations
// encoded on every core when the recognizer reads each chunk as a
// document of its own (a DocumentRecognizer); newID must then be safe for
// concurrent use.
func tagStream(in streamInput, id string, layout annotate.Layout, rec annotate.Recognizer, w, cw io.Writer, progress io.Writer, newID annotate.IDFunc, now time.Time) (int, int, error) {
	f, err := os.Open(in.path)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %w", in.name, err)
	}
	defer f.Close()
	tr := annotate.NewTextReader(f)
	tr.SplitLines = layout.LineParagraphs

	workers := 1
	if _, ok := rec.(annotate.DocumentRecognizer); ok {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan *chunkJob, workers)
	ordered := make(chan *chunkJob, workers)
	for range workers {
		go func() {
			for j := range jobs {
				j.err = tagChunk(j, id, layout, rec, newID, now)
				close(j.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(ordered)
		defer close(jobs)
		var prev *chunkJob
		for {
			text, start, err := tr.Next(chunkSize)
			if err != nil && err != io.EOF {
				readErr <- fmt.Errorf("%s: %w", in.name, err)
				return
			}
			var next *chunkJob
			if err == nil {
				next = &chunkJob{text: text, start: start, offset: tr.Offset(), done: make(chan struct{})}
				if prev != nil {
					next.before = lastPoints(prev.text, 32)
					prev.after = firstPoints(text, 32)
				}
			}
			if prev != nil {
				jobs <- prev
				ordered <- prev
			}
			if next == nil {
				readErr <- nil
				return
			}
			prev = next
		}
	}()

	total, claimTotal := 0, 0
	var failed error
	for j := range ordered {
		<-j.done
		if failed != nil {
			continue
		}
		if j.err != nil {
			failed = fmt.Errorf("%s: %w", in.name, j.err)
			continue
		}
		if j.count > 0 {
			if total > 0 {
				io.WriteString(w, ",\n")
			}
			if _, err := w.Write(j.items); err != nil {
				failed = err
				continue
			}
			total += j.count
		}
		if j.nclaim > 0 {
			if claimTotal > 0 {
				io.WriteString(cw, ",\n")
			}
			if _, err := cw.Write(j.claims); err != nil {
				failed = err
				continue
			}
			claimTotal += j.nclaim
		}
		j.items, j.claims = nil, nil
		report(progress, in, in.size/2+j.offset/2)
	}
	if err := <-readErr; err != nil {
		return total, claimTotal, err
	}
	return total, claimTotal, failed
}

// tagChunk tags a chunk and encodes its entities' annotations into
// j.items and its claims' into j.claims.
func tagChunk(j *chunkJob, id string, layout annotate.Layout, rec annotate.Recognizer, newID annotate.IDFunc, now time.Time) error {
	layout.Continued = j.start > 0
	local := annotate.NewDocumentWith(j.text, layout)
	ents, err := annotate.RecognizeBlocks(local, rec, nil)
	if err != nil {
		return err
	}
	ctx := &annotate.Document{ID: id, Text: annotate.NewText(j.before + j.text + j.after)}
	shift := utf8.RuneCountInString(j.before)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	enc.SetIndent("      ", "  ")
	ids := make(map[annotate.SuggestionKey]string, len(ents))
	write := func(a w3c.Annotation, n *int) error {
		if *n > 0 {
			buf.WriteString(",\n")
		}
		buf.WriteString("      ")
		if err := enc.Encode(a); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		*n++
		return nil
	}
	for _, e := range ents {
		at := e.Span
		at.Start += shift
		at.End += shift
		a := w3c.SuggestionAnnotation(ctx, annotate.Entity{Span: at, Label: e.Label, Text: e.Text}, newID(), rec.Name(), now)
		a.Target.Position = w3c.TextPositionSelector{Start: j.start + e.Start, End: j.start + e.End}
		ids[e.Key()] = a.ID
		if err := write(a, &j.count); err != nil {
			return err
		}
	}
	j.items = bytes.Clone(buf.Bytes())
	buf.Reset()
	for _, c := range claims.Find(local, ents) {
		speakerID := ""
		if c.Entity != nil {
			speakerID = ids[c.Entity.Key()]
		}
		span := c.Span
		c.Start += shift
		c.End += shift
		a := claims.Suggestion(ctx, c, newID(), speakerID, now)
		a.Target.Position = w3c.TextPositionSelector{Start: j.start + span.Start, End: j.start + span.End}
		if err := write(a, &j.nclaim); err != nil {
			return err
		}
	}
	j.claims = buf.Bytes()
	return nil
}

// report shows how far a stream has got, as a share of the two passes.
func report(progress io.Writer, in streamInput, done int64) {
	if progress == nil || in.size == 0 {
		return
	}
	fmt.Fprintf(progress, "\rglossa annotate: %s: %3d%% (%.1f MB)", in.name, 100*done/in.size, float64(in.size)/1e6)
}

// lastPoints returns the last n code points of s.
func lastPoints(s string, n int) string {
	i := len(s)
	for ; i > 0 && n > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// firstPoints returns the first n code points of s.
func firstPoints(s string, n int) string {
	i := 0
	for ; i < len(s) && n > 0; n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

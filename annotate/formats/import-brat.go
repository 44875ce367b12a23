package formats

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"glossa/annotate"
)

// Reading brat standoff: a zip of NAME.txt and NAME.ann pairs (in any
// folders; a .txt without an .ann is an article without notes, an .ann
// without its .txt an error). T lines become notes; their label is
// Glossa's in any case or an alias, else MISC with the brat type as a tag.
// A discontinuous span ("0 5;8 12") becomes the one span from its first
// start to its last end, as Glossa's spans are contiguous. The text after
// the second tab must be the text at the offsets (fragments joined by a
// space, as brat writes them), or the line is an error. "#" lines with
// AnnotatorNotes on a T become its comment; other lines (relations,
// events, attributes, normalizations) are skipped. Offsets count code
// points of the .txt; a .txt with CRLF line ends or a byte-order mark is
// normalized and its offsets mapped. Notes get ids derived from document,
// span and label, the reader as creator and the import time; the article
// is titled by its first block.

// maxZipEntry caps the uncompressed size of one zip entry, 64 MiB.
const maxZipEntry = 64 << 20

// bratZip reads a zip of brat pairs.
func (im *importer) bratZip(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%w: not a readable zip archive: %v", annotate.ErrBadInput, err)
	}
	files := map[string][]byte{}
	var order []string
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		ext := path.Ext(f.Name)
		if ext != ".txt" && ext != ".ann" {
			continue
		}
		if f.UncompressedSize64 > maxZipEntry {
			return fmt.Errorf("%s: %w: larger than %d MiB", f.Name, annotate.ErrBadInput, maxZipEntry>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w: %v", f.Name, annotate.ErrBadInput, err)
		}
		body, err := io.ReadAll(io.LimitReader(rc, maxZipEntry+1))
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w: %v", f.Name, annotate.ErrBadInput, err)
		}
		if _, dup := files[f.Name]; dup {
			return fmt.Errorf("%s: %w: the archive holds it twice", f.Name, annotate.ErrBadInput)
		}
		files[f.Name] = body
		order = append(order, f.Name)
	}
	for _, name := range order {
		base, ok := strings.CutSuffix(name, ".ann")
		if ok {
			if _, txt := files[base+".txt"]; !txt {
				return fmt.Errorf("%s: %w: no %s beside it", name, annotate.ErrBadInput, path.Base(base)+".txt")
			}
			continue
		}
		base = strings.TrimSuffix(name, ".txt")
		if err := im.bratPair(name, files[name], base+".ann", files[base+".ann"]); err != nil {
			return err
		}
	}
	if len(order) == 0 {
		return fmt.Errorf("%w: the archive holds no .txt or .ann files", annotate.ErrBadInput)
	}
	return nil
}

// bratPair reads one article's .txt and .ann.
func (im *importer) bratPair(txtName string, txt []byte, annName string, ann []byte) error {
	if !utf8.Valid(txt) {
		_, err := annotate.NormalizeText(txt)
		return fmt.Errorf("%s: %w", txtName, err)
	}
	raw := string(txt)
	text, mapOffset, err := normalizeMapped(raw)
	if err != nil {
		return fmt.Errorf("%s: %w", txtName, err)
	}
	doc := annotate.NewDocument(text)
	rawRunes := []rune(raw)
	type tnote struct {
		note annotate.Note
		line int
	}
	byID := map[string]int{}
	var notes []tnote
	comments := map[string][]string{}
	type extra struct {
		kind, ref, value string // kind: "Verdict", "Speaker" (a T), "SpeakerName", "Tags", "Evidence"
		line             int
	}
	var extras []extra
	if !utf8.Valid(ann) {
		_, err := annotate.NormalizeText(ann)
		return fmt.Errorf("%s: %w", annName, err)
	}
	for ln, line := range strings.Split(string(ann), "\n") {
		line = strings.TrimRight(line, "\r")
		where := fmt.Sprintf("%s: line %d", annName, ln+1)
		switch {
		case strings.HasPrefix(line, "T"):
			fields := strings.SplitN(line, "\t", 3)
			if len(fields) < 2 {
				return fmt.Errorf("%s: %w: want \"T1\\tLABEL start end\\ttext\"", where, annotate.ErrBadInput)
			}
			typ, offs, _ := strings.Cut(fields[1], " ")
			var frags []annotate.Span
			var texts []string
			for _, frag := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
				start, err1 := strconv.Atoi(a)
				end, err2 := strconv.Atoi(b)
				switch {
				case !ok || err1 != nil || err2 != nil:
					return fmt.Errorf("%s: %w: offsets %q: want \"start end\" pairs joined by \";\"", where, annotate.ErrBadInput, offs)
				case start < 0 || end > len(rawRunes) || start >= end:
					return fmt.Errorf("%s: %w: fragment [%d, %d) is empty or past the text (%d code points)", where, annotate.ErrBadSpan, start, end, len(rawRunes))
				}
				frags = append(frags, annotate.Span{Start: start, End: end})
				texts = append(texts, string(rawRunes[start:end]))
			}
			if len(fields) == 3 && fields[2] != strings.Join(texts, " ") && fields[2] != strings.Join(texts, "") {
				return fmt.Errorf("%s: %w: the text %q is not the text at %s, %q", where, annotate.ErrBadInput, clip(fields[2]), offs, clip(strings.Join(texts, " ")))
			}
			first, last := frags[0].Start, frags[0].End
			for _, f := range frags {
				first, last = min(first, f.Start), max(last, f.End)
			}
			n := annotate.Note{Span: annotate.Span{Start: mapOffset(first), End: mapOffset(last)}, Creator: *annotate.Reader(""), Created: im.now, Modified: im.now}
			if err := annotate.CheckNoteSpan(doc.Text, n.Span); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			if l, ok := importLabel(typ); ok {
				n.Label = l
			} else {
				n.Label = annotate.Misc
				if n.Tags, err = annotate.CleanTags([]string{typ}); err != nil {
					return fmt.Errorf("%s: %w", where, err)
				}
			}
			n.ID = spanID(doc, n.Span, n.Label)
			byID[fields[0]] = len(notes)
			notes = append(notes, tnote{n, ln + 1})
		case strings.HasPrefix(line, "#"):
			fields := strings.SplitN(line, "\t", 3)
			if len(fields) < 3 {
				continue
			}
			kind, ref, _ := strings.Cut(fields[1], " ")
			ref = strings.TrimSpace(ref)
			switch kind {
			case "AnnotatorNotes":
				comments[ref] = append(comments[ref], fields[2])
			case "Tags", "Evidence":
				extras = append(extras, extra{kind, ref, fields[2], ln + 1})
			case "Speaker":
				extras = append(extras, extra{"SpeakerName", ref, fields[2], ln + 1})
			}
		case strings.HasPrefix(line, "A"):
			fields := strings.SplitN(line, "\t", 2)
			if len(fields) < 2 {
				continue
			}
			if parts := strings.Fields(fields[1]); len(parts) == 3 && parts[0] == "Verdict" {
				extras = append(extras, extra{"Verdict", parts[1], parts[2], ln + 1})
			}
		case strings.HasPrefix(line, "R"):
			fields := strings.SplitN(line, "\t", 3)
			if len(fields) < 2 {
				continue
			}
			if parts := strings.Fields(fields[1]); len(parts) == 3 && parts[0] == "Speaker" {
				claim, ok1 := strings.CutPrefix(parts[1], "Arg1:")
				speaker, ok2 := strings.CutPrefix(parts[2], "Arg2:")
				if !ok1 || !ok2 {
					return fmt.Errorf("%s: %w: want \"Speaker Arg1:claim Arg2:speaker\"", where, annotate.ErrBadInput)
				}
				extras = append(extras, extra{"Speaker", claim, speaker, ln + 1})
			}
		}
	}
	for _, e := range extras {
		where := fmt.Sprintf("%s: line %d", annName, e.line)
		i, ok := byID[e.ref]
		if !ok {
			return fmt.Errorf("%s: %w: %s on %s, which is no T line", where, annotate.ErrBadInput, e.kind, e.ref)
		}
		n := &notes[i].note
		if e.kind != "Tags" && n.Label != annotate.Claim {
			return fmt.Errorf("%s: %w: %s on %s, a %s: only a CLAIM has a speaker, a verdict and evidence", where, annotate.ErrNotClaim, e.kind, e.ref, n.Label)
		}
		var err error
		switch e.kind {
		case "Tags":
			n.Tags, err = annotate.CleanTags(append(n.Tags, strings.Split(e.value, ";")...))
		case "Evidence":
			n.Evidence, err = annotate.CleanEvidence(e.value)
		case "SpeakerName":
			n.Speaker = annotate.Speaker{}
			n.Speaker.Name, err = annotate.CleanSpeakerName(e.value)
		case "Verdict":
			n.Verdict, err = annotate.ParseVerdict(e.value)
		case "Speaker":
			j, ok := byID[e.value]
			switch {
			case !ok:
				err = fmt.Errorf("%w: the speaker %s is no T line", annotate.ErrBadInput, e.value)
			case j == i:
				err = fmt.Errorf("%w: a claim is not its own speaker", annotate.ErrBadSpeaker)
			default:
				n.Speaker = annotate.Speaker{AnnotationID: notes[j].note.ID}
			}
		}
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	refs := make([]string, 0, len(comments))
	for ref := range comments {
		refs = append(refs, ref)
	}
	slices.Sort(refs)
	for _, ref := range refs {
		i, ok := byID[ref]
		if !ok {
			return fmt.Errorf("%s: %w: AnnotatorNotes on %s, which is no T line", annName, annotate.ErrBadInput, ref)
		}
		c, err := annotate.CleanComment(strings.Join(comments[ref], "\n"))
		if err != nil {
			return fmt.Errorf("%s: line %d: %w", annName, notes[i].line, err)
		}
		notes[i].note.Comment = c
	}
	art, err := im.article(doc, "", "", im.now)
	if err != nil {
		return fmt.Errorf("%s: %w", txtName, err)
	}
	for _, n := range notes {
		im.addNote(art, n.note, nil)
	}
	return nil
}

package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"

	"glossa/annotate"
	"glossa/annotate/internal/rawjson"
)

// Reading JSON lines of NER training data. Each line that is not blank is
// an object with a "text" and its spans in one of these keys:
//
//	"label" or "labels"  doccano: [[start, end, "LABEL"], …]
//	"entities"           doccano with relations: [{"start_offset", "end_offset", "label"}, …]
//	"spans"              spaCy-style: [{"start", "end", "label"}, …]
//	"spans" and "ents"   spaCy's Doc: "ents" [{"start", "end", "label"}, …]
//	                     and span groups {"group": [{…}, …], …}
//
// Of a line with span groups, the spans of every group are read and "ents"
// too (Glossa's spaCy export puts every entity in the group "glossa" and
// those that do not overlap in "ents"); a span and label read twice is one
// note.
// Offsets are code points of "text", end exclusive. A text with CRLF line
// ends or a byte-order mark is normalized (NormalizeText) and its offsets
// mapped to the normalized text. Labels are Glossa's in any case, or a
// known alias (PER, LOCATION, ORGANIZATION…); any other label becomes MISC
// with the original label as a tag, so nothing is lost. Notes get ids
// derived from their document, span and label (importing the file twice
// adds nothing), the reader as creator, and the import time. Every line is
// checked before anything is kept: a bad line fails the import, naming it.

// jsonlSpan is one span read from a line.
type jsonlSpan struct {
	start, end int
	label      string
	where      string // e.g. `"label"[1]`
}

// jsonl reads JSON lines of training data.
func (im *importer) jsonl(data []byte) error {
	im.rep.Format = FormatDoccano
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if n == 0 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(line) == 0 {
			continue
		}
		if err := im.jsonlLine(line); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	return nil
}

func (im *importer) jsonlLine(line []byte) error {
	var obj map[string]json.RawMessage
	if k := rawjson.Kind(line); k != "an object" {
		return fmt.Errorf(`%w: want a JSON object with "text"; found %s`, annotate.ErrBadInput, k)
	}
	if err := json.Unmarshal(line, &obj); err != nil {
		return fmt.Errorf(`%w: want a JSON object with "text": %s`, annotate.ErrBadInput, rawjson.Describe(err))
	}
	var raw string
	if err := json.Unmarshal(obj["text"], &raw); err != nil || obj["text"] == nil {
		return fmt.Errorf(`%w: "text" is missing or not a string`, annotate.ErrBadInput)
	}
	if !utf8.ValidString(raw) {
		return fmt.Errorf(`"text": %w`, annotate.ErrNotText)
	}
	spans, err := readJSONLSpans(obj)
	if err != nil {
		return err
	}
	if _, ok := obj["spans"]; ok {
		im.rep.Format = FormatSpacy
	} else if _, ok := obj["ents"]; ok {
		im.rep.Format = FormatSpacy
	}
	text, mapOffset, err := normalizeMapped(raw)
	if err != nil {
		return fmt.Errorf(`"text": %w`, err)
	}
	doc := annotate.NewDocument(text)
	total := utf8.RuneCountInString(raw)
	notes := make([]annotate.Note, 0, len(spans))
	for _, s := range spans {
		switch {
		case s.start < 0:
			return fmt.Errorf("%s: %w: start %d is negative", s.where, annotate.ErrBadSpan, s.start)
		case s.end > total:
			return fmt.Errorf("%s: %w: end %d is past the text (%d code points)", s.where, annotate.ErrBadSpan, s.end, total)
		case s.start >= s.end:
			return fmt.Errorf("%s: %w: start %d is not before end %d", s.where, annotate.ErrBadSpan, s.start, s.end)
		}
		span := annotate.Span{Start: mapOffset(s.start), End: mapOffset(s.end)}
		if err := annotate.CheckNoteSpan(doc.Text, span); err != nil {
			return fmt.Errorf("%s: %w", s.where, err)
		}
		n := annotate.Note{Span: span, Creator: *annotate.Reader(""), Created: im.now, Modified: im.now}
		if l, ok := importLabel(s.label); ok {
			n.Label = l
		} else {
			n.Label = annotate.Misc
			tags, err := annotate.CleanTags([]string{s.label})
			if err != nil {
				return fmt.Errorf("%s: label: %w", s.where, err)
			}
			n.Tags = tags
		}
		n.ID = spanID(doc, n.Span, n.Label)
		notes = append(notes, n)
	}
	art, err := im.article(doc, "", "", im.now)
	if err != nil {
		return err
	}
	for _, n := range notes {
		im.addNote(art, n, nil)
	}
	return nil
}

// readJSONLSpans reads the spans of a line in any of its keys.
func readJSONLSpans(obj map[string]json.RawMessage) ([]jsonlSpan, error) {
	var out []jsonlSpan
	for _, key := range []string{"label", "labels"} {
		raw, ok := obj[key]
		if !ok || rawjson.IsNull(raw) {
			continue
		}
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, fmt.Errorf(`%w: %q is not an array of [start, end, "LABEL"]`, annotate.ErrBadInput, key)
		}
		for i, item := range list {
			where := fmt.Sprintf("%q [%d]", key, i)
			var triple []json.RawMessage
			if err := json.Unmarshal(item, &triple); err != nil || len(triple) != 3 {
				return nil, fmt.Errorf(`%s: %w: want [start, end, "LABEL"], got %s`, where, annotate.ErrBadInput, rawjson.Truncate(item))
			}
			s := jsonlSpan{where: where}
			if err := unmarshalInt(triple[0], &s.start); err != nil {
				return nil, fmt.Errorf("%s: %w: start: %v", where, annotate.ErrBadInput, err)
			}
			if err := unmarshalInt(triple[1], &s.end); err != nil {
				return nil, fmt.Errorf("%s: %w: end: %v", where, annotate.ErrBadInput, err)
			}
			if err := json.Unmarshal(triple[2], &s.label); err != nil {
				return nil, fmt.Errorf("%s: %w: the label is not a string", where, annotate.ErrBadInput)
			}
			out = append(out, s)
		}
	}
	type list struct {
		raw               json.RawMessage
		where, start, end string
	}
	var lists []list
	for _, f := range []struct{ key, start, end string }{{"entities", "start_offset", "end_offset"}, {"ents", "start", "end"}, {"spans", "start", "end"}} {
		raw, ok := obj[f.key]
		if !ok || rawjson.IsNull(raw) {
			continue
		}
		if f.key == "spans" && rawjson.Kind(raw) == "an object" {
			var groups map[string]json.RawMessage
			if err := json.Unmarshal(raw, &groups); err != nil {
				return nil, fmt.Errorf(`%w: "spans" is not an object of span groups`, annotate.ErrBadInput)
			}
			for _, name := range slices.Sorted(maps.Keys(groups)) {
				lists = append(lists, list{groups[name], fmt.Sprintf("%q %q", "spans", name), f.start, f.end})
			}
			continue
		}
		lists = append(lists, list{raw, fmt.Sprintf("%q", f.key), f.start, f.end})
	}
	seen := map[[2]int]map[string]bool{}
	for _, f := range lists {
		var list []map[string]json.RawMessage
		if err := json.Unmarshal(f.raw, &list); err != nil {
			return nil, fmt.Errorf(`%w: %s is not an array of objects`, annotate.ErrBadInput, f.where)
		}
		for i, item := range list {
			where := fmt.Sprintf("%s [%d]", f.where, i)
			s := jsonlSpan{where: where}
			if err := unmarshalInt(item[f.start], &s.start); err != nil {
				return nil, fmt.Errorf("%s: %w: %q: %v", where, annotate.ErrBadInput, f.start, err)
			}
			if err := unmarshalInt(item[f.end], &s.end); err != nil {
				return nil, fmt.Errorf("%s: %w: %q: %v", where, annotate.ErrBadInput, f.end, err)
			}
			if err := json.Unmarshal(item["label"], &s.label); err != nil || item["label"] == nil {
				return nil, fmt.Errorf(`%s: %w: "label" is missing or not a string`, where, annotate.ErrBadInput)
			}
			at := [2]int{s.start, s.end}
			if seen[at][s.label] {
				continue
			}
			if seen[at] == nil {
				seen[at] = map[string]bool{}
			}
			seen[at][s.label] = true
			out = append(out, s)
		}
	}
	return out, nil
}

// unmarshalInt reads a JSON integer that fits an int.
func unmarshalInt(raw json.RawMessage, p *int) error {
	if raw == nil {
		return fmt.Errorf("missing")
	}
	n, err := strconv.ParseInt(string(bytes.TrimSpace(raw)), 10, 32)
	if err != nil {
		return fmt.Errorf("%s is not a whole number", rawjson.Truncate(raw))
	}
	*p = int(n)
	return nil
}

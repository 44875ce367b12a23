package annotate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// maxLine is the longest JSON line TagJSONL reads: 16 MiB.
const maxLine = 16 << 20

// jsonlInput is one input line of the batch mode.
type jsonlInput struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

// jsonlOutput is one output line of the batch mode.
type jsonlOutput struct {
	ID       json.RawMessage `json:"id"`
	Entities []Entity        `json:"entities"`
	Claims   any             `json:"claims,omitempty"`
}

// ClaimFinder finds the claims of a document whose entities are recognized
// (in d.Entities), for the "claims" field of TagJSONL's lines: its result
// is written as JSON. Package annotate/claims provides Glossa's
// (claims.JSONL).
type ClaimFinder func(d *Document) any

// TagJSONL is the batch mode for corpora. It reads JSON lines
// {"id": …, "text": "…"} from r and writes one line per input to w:
// {"id": …, "entities": [{"start", "end", "label", "text"}]}, offsets in code
// points of the text as normalized by NormalizeText. Blank lines are skipped.
// A bad line gets a message on errs naming its line number, and the rest
// still run. It returns how many lines failed, and an error only when r or w
// fails. With a claim finder, each line also gets "claims" after
// "entities": what the (first) finder returns for the tagged document.
func TagJSONL(r io.Reader, w io.Writer, errs io.Writer, rec Recognizer, claims ...ClaimFinder) (failed int, err error) {
	in := bufio.NewReaderSize(r, 64<<10)
	out := bufio.NewWriter(w)
	defer out.Flush()
	for n := 1; ; n++ {
		line, tooLong, readErr := readLine(in)
		if tooLong || !IsBlankLine(line) {
			var res []byte
			lineErr := errLineTooLong
			if !tooLong {
				res, lineErr = TagLine(line, rec, claims...)
			}
			if lineErr != nil {
				failed++
				fmt.Fprintf(errs, "line %d: %v\n", n, lineErr)
			} else if _, err := out.Write(append(res, '\n')); err != nil {
				return failed, err
			}
		}
		if readErr == io.EOF {
			return failed, nil
		}
		if readErr != nil {
			return failed, fmt.Errorf("line %d: %w", n, readErr)
		}
	}
}

// readLine reads one line, without its end. A line over maxLine is skipped
// to its end and reported as too long.
func readLine(in *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := in.ReadSlice('\n')
		line = append(line, chunk...)
		if len(bytes.TrimRight(line, "\r\n")) > maxLine {
			for err == bufio.ErrBufferFull {
				_, err = in.ReadSlice('\n')
			}
			return nil, true, err
		}
		if err != bufio.ErrBufferFull {
			return bytes.TrimRight(line, "\r\n"), false, err
		}
	}
}

// errLineTooLong is the error of a line over maxLine: "bad input: line
// is longer than 16 MiB", wrapping ErrBadInput.
var errLineTooLong error = lineTooLongError{}

// lineTooLongError is errLineTooLong's type: a type of its own rather
// than fmt.Errorf's, which, called as the package started, was 4 ms of
// the tagger's start in Node.js (fmt's first call), and so of the time
// before a first visit's first highlight.
type lineTooLongError struct{}

func (lineTooLongError) Error() string {
	return ErrBadInput.Error() + ": line is longer than " + strconv.Itoa(maxLine>>20) + " MiB"
}

func (lineTooLongError) Unwrap() error { return ErrBadInput }

// IsBlankLine reports whether an input line of the batch mode is only
// white space: TagJSONL skips such lines, without a message.
func IsBlankLine(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }

// Record is one document of the batch mode: an input line decoded, or a
// file read whole.
type Record struct {
	// ID is the record's "id": JSON of any type, as the line gives it
	// (TaggedLine writes it compacted); "null" when the line has none.
	ID json.RawMessage
	// Text is the article as given; Tag normalizes it (NormalizeText).
	Text string
}

// ParseLine decodes one input line of the batch mode, {"id": …, "text":
// "…"}, without its line end. Unknown fields are ignored. A line that is
// not one JSON object, or has no string "text", or is over 16 MiB, is an
// error wrapping ErrBadInput.
func ParseLine(line []byte) (Record, error) {
	if len(line) > maxLine {
		return Record{}, errLineTooLong
	}
	var in jsonlInput
	if err := json.Unmarshal(line, &in); err != nil {
		return Record{}, fmt.Errorf("%w: not a JSON object: %v", ErrBadInput, err)
	}
	if in.Text == nil {
		return Record{}, fmt.Errorf(`%w: the "text" field is missing`, ErrBadInput)
	}
	if len(in.ID) == 0 {
		in.ID = json.RawMessage("null")
	}
	return Record{ID: in.ID, Text: *in.Text}, nil
}

// Tag normalizes the record's text (NormalizeText) and tags it with rec,
// block by block (RecognizeBlocks): the document it returns holds the
// entities in d.Entities. Text that is not UTF-8 is an error wrapping
// ErrNotText, prefixed with "text": as TagJSONL reports it.
func (r Record) Tag(rec Recognizer) (*Document, error) {
	text, err := NormalizeText([]byte(r.Text))
	if err != nil {
		return nil, fmt.Errorf(`"text": %w`, err)
	}
	d := NewDocument(text)
	if _, err := RecognizeBlocks(d, rec, nil); err != nil {
		return nil, err
	}
	return d, nil
}

// TaggedLine returns the output line of the batch mode for the document d
// that the record with this id tagged, without its line end: {"id": …,
// "entities": […]} and, with a claim finder, "claims": what the (first)
// finder returns for d. Markup characters are not escaped; the JSON is
// compact.
func TaggedLine(id json.RawMessage, d *Document, claims ...ClaimFinder) ([]byte, error) {
	ents := d.Entities
	if ents == nil {
		ents = []Entity{}
	}
	out := jsonlOutput{ID: id, Entities: ents}
	if len(claims) > 0 && claims[0] != nil {
		out.Claims = claims[0](d)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("encoding the output line: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// TagLine is the whole work of the batch mode on one input line, without
// its line end: ParseLine, Record.Tag, TaggedLine. It returns the line
// TagJSONL writes for it (without "\n"), or the error TagJSONL reports for
// it. Every program that tags corpora calls it (or its three steps), so
// their outputs cannot drift apart.
func TagLine(line []byte, rec Recognizer, claims ...ClaimFinder) ([]byte, error) {
	r, err := ParseLine(line)
	if err != nil {
		return nil, err
	}
	d, err := r.Tag(rec)
	if err != nil {
		return nil, err
	}
	return TaggedLine(r.ID, d, claims...)
}

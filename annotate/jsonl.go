package annotate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
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
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for n := 1; ; n++ {
		line, tooLong, readErr := readLine(in)
		if tooLong || len(bytes.TrimSpace(line)) > 0 {
			res, lineErr := tagLine(line, tooLong, rec, claims)
			if lineErr != nil {
				failed++
				fmt.Fprintf(errs, "line %d: %v\n", n, lineErr)
			} else if err := enc.Encode(res); err != nil {
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

func tagLine(line []byte, tooLong bool, rec Recognizer, claims []ClaimFinder) (jsonlOutput, error) {
	if tooLong {
		return jsonlOutput{}, fmt.Errorf("%w: line is longer than %d MiB", ErrBadInput, maxLine>>20)
	}
	var in jsonlInput
	if err := json.Unmarshal(line, &in); err != nil {
		return jsonlOutput{}, fmt.Errorf("%w: not a JSON object: %v", ErrBadInput, err)
	}
	if in.Text == nil {
		return jsonlOutput{}, fmt.Errorf(`%w: the "text" field is missing`, ErrBadInput)
	}
	if len(in.ID) == 0 {
		in.ID = json.RawMessage("null")
	}
	text, err := NormalizeText([]byte(*in.Text))
	if err != nil {
		return jsonlOutput{}, fmt.Errorf(`"text": %w`, err)
	}
	d := NewDocument(text)
	ents, err := RecognizeBlocks(d, rec, nil)
	if err != nil {
		return jsonlOutput{}, err
	}
	if ents == nil {
		ents = []Entity{}
	}
	out := jsonlOutput{ID: in.ID, Entities: ents}
	if len(claims) > 0 && claims[0] != nil {
		out.Claims = claims[0](d)
	}
	return out, nil
}

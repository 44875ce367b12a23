package annotate

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// outLine is one decoded output line of TagJSONL.
type outLine struct {
	ID       string // the raw JSON of "id"
	Entities []Entity
}

// runTagJSONL runs TagJSONL with the fake recognizer and returns its decoded
// output lines, its stderr lines and its failed count. It fails the test if
// TagJSONL returns an error or writes an output line that is not a JSON
// object with exactly "id" and "entities".
func runTagJSONL(t *testing.T, input string) ([]outLine, []string, int) {
	t.Helper()
	var out, errs bytes.Buffer
	failed, err := TagJSONL(strings.NewReader(input), &out, &errs, newFake())
	if err != nil {
		t.Fatalf("TagJSONL: %v", err)
	}
	lines, err := decodeOutput(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	if errs.Len() > 0 {
		msgs = strings.Split(strings.TrimSuffix(errs.String(), "\n"), "\n")
	}
	return lines, msgs, failed
}

// decodeOutput decodes TagJSONL's output: lines ending in "\n", each a JSON
// object with "id" and "entities" (an array, never null) and nothing else.
func decodeOutput(out []byte) ([]outLine, error) {
	if len(out) == 0 {
		return nil, nil
	}
	if out[len(out)-1] != '\n' {
		return nil, errors.New("output does not end in a line end")
	}
	var lines []outLine
	for i, raw := range bytes.Split(out[:len(out)-1], []byte("\n")) {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return nil, errors.New("output line " + strconv.Itoa(i+1) + " is not a JSON object: " + err.Error() + ": " + string(raw))
		}
		id, hasID := obj["id"]
		ents, hasEnts := obj["entities"]
		if !hasID || !hasEnts || len(obj) != 2 {
			return nil, errors.New("output line " + strconv.Itoa(i+1) + " does not have exactly id and entities: " + string(raw))
		}
		if !bytes.HasPrefix(ents, []byte("[")) {
			return nil, errors.New("output line " + strconv.Itoa(i+1) + ": entities is not an array: " + string(raw))
		}
		var l outLine
		l.ID = string(id)
		if err := json.Unmarshal(ents, &l.Entities); err != nil {
			return nil, errors.New("output line " + strconv.Itoa(i+1) + ": " + err.Error())
		}
		lines = append(lines, l)
	}
	return lines, nil
}

// ent is shorthand for an entity in the tables below.
func ent(start, end int, label Label, text string) Entity {
	return Entity{Span{start, end}, label, text}
}

func TestTagJSONL(t *testing.T) {
	none := []Entity{}
	annParis := []Entity{ent(0, 3, Person, "Ann"), ent(7, 12, GPE, "Paris")}
	tests := []struct {
		name   string
		input  string
		want   []outLine
		errs   []string // a prefix of each stderr line, in order
		failed int
	}{
		{"string id", `{"id":"a1","text":"Ann in Paris"}` + "\n",
			[]outLine{{`"a1"`, annParis}}, nil, 0},
		{"numeric id", `{"id": 42, "text": "Ann in Paris"}` + "\n",
			[]outLine{{`42`, annParis}}, nil, 0},
		{"missing id is null", `{"text":"Ann in Paris"}` + "\n",
			[]outLine{{`null`, annParis}}, nil, 0},
		{"null id", `{"id":null,"text":"Ann"}`,
			[]outLine{{`null`, []Entity{ent(0, 3, Person, "Ann")}}}, nil, 0},
		{"object id is compacted", `{"id": {"k": [1, 2]}, "text": "x"}`,
			[]outLine{{`{"k":[1,2]}`, none}}, nil, 0},
		{"no entities is an empty array", `{"id":1,"text":"nobody"}`,
			[]outLine{{`1`, none}}, nil, 0},
		{"empty text", `{"id":1,"text":""}`,
			[]outLine{{`1`, none}}, nil, 0},
		{"unknown fields ignored", `{"id":1,"lang":"en","text":"Ann"}`,
			[]outLine{{`1`, []Entity{ent(0, 3, Person, "Ann")}}}, nil, 0},
		{"no final line end", `{"id":1,"text":"Ann"}` + "\n" + `{"id":2,"text":"Bob"}`,
			[]outLine{{`1`, []Entity{ent(0, 3, Person, "Ann")}}, {`2`, []Entity{ent(0, 3, Person, "Bob")}}}, nil, 0},
		{"blank lines skipped", "\n  \n" + `{"id":1,"text":"Ann"}` + "\n\t\n\r\n\n" + `{"id":2,"text":"Bob"}` + "\n\n",
			[]outLine{{`1`, []Entity{ent(0, 3, Person, "Ann")}}, {`2`, []Entity{ent(0, 3, Person, "Bob")}}}, nil, 0},
		{"CRLF line ends", `{"id":1,"text":"Ann"}` + "\r\n" + `{"id":2,"text":"Bob"}` + "\r\n",
			[]outLine{{`1`, []Entity{ent(0, 3, Person, "Ann")}}, {`2`, []Entity{ent(0, 3, Person, "Bob")}}}, nil, 0},
		{"bad JSON line, later lines still run",
			`{"id":1,"text":"Ann"}` + "\n\n" + `{"id":3,"text":` + "\n" + `{"id":4,"text":"Bob"}` + "\n",
			[]outLine{{`1`, []Entity{ent(0, 3, Person, "Ann")}}, {`4`, []Entity{ent(0, 3, Person, "Bob")}}},
			[]string{"line 3: bad input: not a JSON object"}, 1},
		{"not JSON at all", "hello\n" + `{"id":2,"text":"Bob"}`,
			[]outLine{{`2`, []Entity{ent(0, 3, Person, "Bob")}}},
			[]string{"line 1: bad input: not a JSON object"}, 1},
		{"array, not an object", `[1, 2]`, nil, []string{"line 1: bad input: not a JSON object"}, 1},
		{"two objects on a line", `{"text":"Ann"} {"text":"Bob"}`, nil, []string{"line 1: bad input: not a JSON object"}, 1},
		{"missing text", `{"id":1}` + "\n" + `{"id":2,"text":"Ann"}`,
			[]outLine{{`2`, []Entity{ent(0, 3, Person, "Ann")}}},
			[]string{`line 1: bad input: the "text" field is missing`}, 1},
		{"null text is missing", `{"id":1,"text":null}`, nil, []string{`line 1: bad input: the "text" field is missing`}, 1},
		{"JSON null line", `null`, nil, []string{`line 1: bad input: the "text" field is missing`}, 1},
		{"text not a string", `{"id":1,"text":5}`, nil, []string{"line 1: bad input: not a JSON object"}, 1},
		{"NUL in text", `{"id":1,"text":"a\u0000b"}` + "\n" + `{"id":2,"text":"Ann"}`,
			[]outLine{{`2`, []Entity{ent(0, 3, Person, "Ann")}}},
			[]string{`line 1: "text": not UTF-8 text: NUL byte at byte 1`}, 1},
		// Go's encoding/json decodes a lone surrogate escape to U+FFFD, one
		// code point, so the offsets after it still count right.
		{"lone surrogate escape", `{"id":1,"text":"\ud800 Ann"}`,
			[]outLine{{`1`, []Entity{ent(2, 5, Person, "Ann")}}}, nil, 0},
		{"reversed surrogate pair", `{"id":1,"text":"\ude00\ud83d Ann"}`,
			[]outLine{{`1`, []Entity{ent(3, 6, Person, "Ann")}}}, nil, 0},
		{"surrogate pair escape is one code point", `{"id":1,"text":"\ud83d\ude00 Ann"}`,
			[]outLine{{`1`, []Entity{ent(2, 5, Person, "Ann")}}}, nil, 0},
		// Raw invalid UTF-8 inside a JSON string is also decoded to U+FFFD
		// (one per bad byte), so it never reaches NormalizeText's check.
		{"raw invalid UTF-8 in text", "{\"id\":1,\"text\":\"\xff\xfe Ann\"}",
			[]outLine{{`1`, []Entity{ent(3, 6, Person, "Ann")}}}, nil, 0},
		{"CRLF inside text", `{"id":1,"text":"Ann\r\n\r\nParis"}`,
			[]outLine{{`1`, []Entity{ent(0, 3, Person, "Ann"), ent(5, 10, GPE, "Paris")}}}, nil, 0},
		{"lone CR inside text", `{"id":1,"text":"Ann\r\rParis"}`,
			[]outLine{{`1`, []Entity{ent(0, 3, Person, "Ann"), ent(5, 10, GPE, "Paris")}}}, nil, 0},
		{"BOM inside text", `{"id":1,"text":"\ufeffAnn"}`,
			[]outLine{{`1`, []Entity{ent(0, 3, Person, "Ann")}}}, nil, 0},
		{"astral and combining before entities", `{"id":1,"text":"😀 Cafe\u0301 “Ann”"}`,
			[]outLine{{`1`, []Entity{ent(2, 7, Fac, "Cafe\u0301"), ent(9, 12, Person, "Ann")}}}, nil, 0},
		{"offsets across blocks", `{"id":1,"text":"Head\n\nBy Ann\n\n1 May, Paris"}`,
			[]outLine{{`1`, []Entity{ent(9, 12, Person, "Ann"), ent(21, 26, GPE, "Paris")}}}, nil, 0},
		{"recognizer error", `{"id":1,"text":"a boom"}` + "\n" + `{"id":2,"text":"Ann"}`,
			[]outLine{{`2`, []Entity{ent(0, 3, Person, "Ann")}}},
			[]string{"line 1: recognize block 1: fake recognizer failed"}, 1},
		{"several failures", "x\n{}\n" + `{"text":"Bob"}` + "\n[]\n",
			[]outLine{{`null`, []Entity{ent(0, 3, Person, "Bob")}}},
			[]string{"line 1: ", "line 2: ", "line 4: "}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, msgs, failed := runTagJSONL(t, tc.input)
			checkTagged(t, got, msgs, failed, tc.want, tc.errs, tc.failed)
		})
	}
}

// checkTagged compares TagJSONL's decoded output, stderr lines and failed
// count with what a test wants; errs holds a prefix of each stderr line.
func checkTagged(t *testing.T, got []outLine, msgs []string, failed int, want []outLine, errs []string, wantFailed int) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d output lines, want %d:\n got %v\nwant %v", len(got), len(want), got, want)
	}
	for i := range min(len(got), len(want)) {
		if got[i].ID != want[i].ID || !slices.Equal(got[i].Entities, want[i].Entities) {
			t.Errorf("output line %d:\n got id %s %v\nwant id %s %v", i+1, got[i].ID, got[i].Entities, want[i].ID, want[i].Entities)
		}
	}
	if failed != wantFailed {
		t.Errorf("failed = %d, want %d", failed, wantFailed)
	}
	if len(msgs) != len(errs) {
		t.Errorf("stderr has %d lines, want %d: %q", len(msgs), len(errs), msgs)
	}
	for i := range min(len(msgs), len(errs)) {
		if !strings.HasPrefix(msgs[i], errs[i]) {
			t.Errorf("stderr line %d = %q, want it to start %q", i+1, msgs[i], errs[i])
		}
	}
}

func TestTagJSONLNoHTMLEscape(t *testing.T) {
	// Entity texts are written as they are: "&" stays "&", not "\u0026".
	var out bytes.Buffer
	if _, err := TagJSONL(strings.NewReader(`{"id":"<1>","text":"AT&T <Ann>"}`), &out, &bytes.Buffer{}, newFake()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"text":"AT&T"`) || !strings.Contains(out.String(), `"id":"<1>"`) {
		t.Errorf("output %s escapes HTML characters", out.String())
	}
}

// padLine returns a JSON line of exactly n bytes, without its line end:
// the object, then spaces (JSON white space, so the line stays valid and
// cheap to tag).
func padLine(obj string, n int) string {
	return obj + strings.Repeat(" ", n-len(obj))
}

func TestTagJSONLLongLines(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 16 MiB lines")
	}
	ann := []Entity{ent(0, 3, Person, "Ann")}
	bob := []outLine{{`2`, []Entity{ent(0, 3, Person, "Bob")}}}
	tooLong := "line 1: bad input: line is longer than 16 MiB"
	tests := []struct {
		name   string
		input  string
		want   []outLine
		errs   []string
		failed int
	}{
		{"one byte over, then a good line", padLine(`{"id":1,"text":"Ann"}`, maxLine+1) + "\n" + `{"id":2,"text":"Bob"}` + "\n",
			bob, []string{tooLong}, 1},
		{"far over, text of x", `{"id":1,"text":"` + strings.Repeat("x", maxLine+100) + `"}` + "\n" + `{"id":2,"text":"Bob"}`,
			bob, []string{tooLong}, 1},
		{"over, at the end of input", padLine(`{"id":1,"text":"Ann"}`, maxLine+1), nil, []string{tooLong}, 1},
		{"over, CRLF", padLine(`{"id":1,"text":"Ann"}`, maxLine+1) + "\r\n" + `{"id":2,"text":"Bob"}` + "\r\n",
			bob, []string{tooLong}, 1},
		{"exactly maxLine, at the end of input", padLine(`{"id":1,"text":"Ann"}`, maxLine),
			[]outLine{{`1`, ann}}, nil, 0},
		{"just under maxLine, then a line end", padLine(`{"id":1,"text":"Ann"}`, maxLine-2) + "\n" + `{"id":2,"text":"Bob"}`,
			append([]outLine{{`1`, ann}}, bob...), nil, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, msgs, failed := runTagJSONL(t, tc.input)
			checkTagged(t, got, msgs, failed, tc.want, tc.errs, tc.failed)
		})
	}
}

// TestTagJSONLRegressions holds the cases of bugs found in TagJSONL, one per
// bug, each failing until the bug is fixed.
func TestTagJSONLRegressions(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 16 MiB lines")
	}
	// maxLine is "the longest JSON line TagJSONL reads", but readLine
	// counts the line end against it: a line of exactly maxLine bytes is
	// read at the end of input and refused when a "\n" (or "\r\n") follows.
	ann := []outLine{{`1`, []Entity{ent(0, 3, Person, "Ann")}}}
	bob := outLine{`2`, []Entity{ent(0, 3, Person, "Bob")}}
	for name, end := range map[string]string{"LF": "\n", "CRLF": "\r\n"} {
		t.Run("exactly maxLine, then "+name, func(t *testing.T) {
			input := padLine(`{"id":1,"text":"Ann"}`, maxLine) + end + `{"id":2,"text":"Bob"}`
			got, msgs, failed := runTagJSONL(t, input)
			checkTagged(t, got, msgs, failed, append(ann, bob), nil, 0)
		})
	}
}

var stderrLine = regexp.MustCompile(`^line ([0-9]+): `)

// FuzzTagJSONL feeds TagJSONL arbitrary bytes: it must not panic nor fail,
// every output line must be a JSON object with "id" and "entities" whose
// spans hold their text, every message must name a non-blank input line, and
// each non-blank input line ("\n" ends a line; a trailing "\r" and white
// space around are ignored) yields one output line or one failure.
func FuzzTagJSONL(f *testing.F) {
	for _, s := range []string{
		"",
		`{"id":"a1","text":"Ann in Paris"}`,
		`{"id":1,"text":"Ann"}` + "\r\n\r\n" + `{"id":2,"text":"Bob"}`,
		`{"text":"😀 Cafe\u0301 “Ann”\r\n\r\nBy Bob\n\n1 May, Paris"}` + "\n",
		"x\n{}\n[]\nnull\n" + `{"text":5}` + "\n",
		`{"id":1,"text":"a\u0000b"}`,
		`{"id":1,"text":"\ud800 Ann \ufeff"}`,
		"{\"id\":1,\"text\":\"\xff Ann\"}\n\xff\n",
		`{"id":{"k":[1, 2]},"text":"AT&T boom"}`,
		" \t\r\n\r\r\n\u00a0\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var out, errs bytes.Buffer
		failed, err := TagJSONL(bytes.NewReader(data), &out, &errs, newFake())
		if err != nil {
			t.Fatalf("TagJSONL: %v", err)
		}
		lines, err := decodeOutput(out.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lines {
			if !json.Valid([]byte(l.ID)) {
				t.Errorf("id %s is not JSON", l.ID)
			}
			for _, e := range l.Entities {
				if e.Start < 0 || e.End <= e.Start || utf8.RuneCountInString(e.Text) != e.Len() {
					t.Errorf("entity %v: bad span for its text", e)
				}
			}
		}
		input := bytes.Split(data, []byte("\n"))
		nonBlank := 0
		for _, l := range input {
			if len(bytes.TrimSpace(l)) > 0 {
				nonBlank++
			}
		}
		if len(lines)+failed != nonBlank {
			t.Errorf("%d output lines and %d failed, for %d non-blank input lines", len(lines), failed, nonBlank)
		}
		var msgs []string
		if errs.Len() > 0 {
			msgs = strings.Split(strings.TrimSuffix(errs.String(), "\n"), "\n")
		}
		if len(msgs) != failed {
			t.Errorf("%d stderr lines for %d failures: %q", len(msgs), failed, msgs)
		}
		prev := 0
		for _, m := range msgs {
			sub := stderrLine.FindStringSubmatch(m)
			if sub == nil {
				t.Errorf("stderr line %q does not start with \"line N: \"", m)
				continue
			}
			n, _ := strconv.Atoi(sub[1])
			if n <= prev || n > len(input) || len(bytes.TrimSpace(input[n-1])) == 0 {
				t.Errorf("stderr line %q: line %d is out of order, past the input or blank", m, n)
			}
			prev = n
		}
		checkTagLineAgrees(t, data, out.Bytes(), errs.String())
	})
}

// checkTagLineAgrees checks that TagLine, called on each non-blank line of
// data (its "\r\n" or "\n" end cut), gives TagJSONL's output line for it,
// or the error TagJSONL reported for it, in order.
func checkTagLineAgrees(t *testing.T, data, out []byte, errs string) {
	t.Helper()
	var lines, msgs []string
	if len(out) > 0 {
		lines = strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	}
	if errs != "" {
		msgs = strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	}
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimRight(line, "\r\n")
		if IsBlankLine(line) {
			continue
		}
		got, err := TagLine(line, newFake())
		if err != nil {
			want := "line " + strconv.Itoa(n+1) + ": " + err.Error()
			if len(msgs) == 0 || msgs[0] != want {
				t.Errorf("line %d: TagLine says %q, TagJSONL's next message is %q", n+1, want, msgs)
				return
			}
			msgs = msgs[1:]
			continue
		}
		if len(lines) == 0 || lines[0] != string(got) {
			t.Errorf("line %d: TagLine gives %s, TagJSONL's next line is %q", n+1, got, lines)
			return
		}
		lines = lines[1:]
	}
	if len(lines) > 0 || len(msgs) > 0 {
		t.Errorf("TagJSONL wrote more than TagLine gave: lines %q, messages %q", lines, msgs)
	}
}

func TestTagLine(t *testing.T) {
	tests := []struct {
		name string
		line string
		want string // the output line, or the error if it starts with "error: "
	}{
		{"string id", `{"id":"a1","text":"Ann in Paris"}`,
			`{"id":"a1","entities":[{"start":0,"end":3,"label":"PERSON","text":"Ann"},{"start":7,"end":12,"label":"GPE","text":"Paris"}]}`},
		{"object id compacted", `{"id": {"k": [1, 2]}, "text": "x"}`, `{"id":{"k":[1,2]},"entities":[]}`},
		{"missing id is null", `{"text":"Bob"}`, `{"id":null,"entities":[{"start":0,"end":3,"label":"PERSON","text":"Bob"}]}`},
		{"markup not escaped", `{"id":"<a>","text":"AT&T"}`, `{"id":"<a>","entities":[{"start":0,"end":4,"label":"ORG","text":"AT&T"}]}`},
		{"not JSON", `hello`, "error: bad input: not a JSON object: invalid character 'h' looking for beginning of value"},
		{"missing text", `{"id":1}`, `error: bad input: the "text" field is missing`},
		{"NUL in text", `{"id":1,"text":"a\u0000b"}`, `error: "text": not UTF-8 text: NUL byte at byte 1, this looks like binary data`},
		{"too long", padLine(`{"id":1,"text":"Ann"}`, maxLine+1), "error: bad input: line is longer than 16 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := TagLine([]byte(tt.line), newFake())
			if want, isErr := strings.CutPrefix(tt.want, "error: "); isErr {
				if err == nil || err.Error() != want {
					t.Errorf("TagLine error %v, want %q", err, want)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Errorf("TagLine = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestTagLineAgreesWithTagJSONL(t *testing.T) {
	inputs := map[string]string{
		"mixed":     `{"id":"a1","text":"Ann in Paris"}` + "\r\n\n" + `x` + "\n" + `{"id":2,"text":"a\u0000b"}` + "\n" + `{"id":3,"text":"Bob"}`,
		"blank":     " \t\r\n\r\n",
		"no end":    `{"text":"😀 Cafe\u0301 “Ann”\r\n\r\nBy Bob"}`,
		"null line": "null\n[]\n{}",
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if _, err := TagJSONL(strings.NewReader(in), &out, &errs, newFake()); err != nil {
				t.Fatal(err)
			}
			checkTagLineAgrees(t, []byte(in), out.Bytes(), errs.String())
		})
	}
}

// FuzzNormalizeText checks NormalizeText on any bytes: it refuses exactly
// the inputs holding a NUL byte or invalid UTF-8 (after leading BOMs), with
// ErrNotText; otherwise its result is UTF-8 without CR or a leading BOM,
// has one LF per line end of the input (CRLF, lone CR or LF), keeps every
// other character, and normalizes to itself.
func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{
		"", "\ufeff", "\ufeffHello\r\nworld\r", "a\r\r\nb\n\rc", "“a” — 😀 e\u0301 日本",
		"\x00", "ab\x80", "\xef\xbb", "\ufeff\xff", "é\xed\xa0\x80", "\r\n\r\n", "a\ufeffb",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, err := NormalizeText(raw)
		body := raw
		for bytes.HasPrefix(body, []byte("\ufeff")) {
			body = body[len("\ufeff"):]
		}
		bad := bytes.IndexByte(body, 0) >= 0 || !utf8.Valid(body)
		if err != nil {
			if !errors.Is(err, ErrNotText) {
				t.Fatalf("error %v does not wrap ErrNotText", err)
			}
			if !bad {
				t.Fatalf("refused text %q: %v", raw, err)
			}
			return
		}
		if bad {
			t.Fatalf("accepted %q, which has a NUL or invalid UTF-8", raw)
		}
		if !utf8.ValidString(got) || strings.ContainsRune(got, '\r') || strings.HasPrefix(got, "\ufeff") {
			t.Errorf("NormalizeText(%q) = %q: invalid UTF-8, a CR or a leading BOM", raw, got)
		}
		lineEnds := 0
		for i, c := range body {
			if c == '\n' || c == '\r' && (i+1 == len(body) || body[i+1] != '\n') {
				lineEnds++
			}
		}
		if n := strings.Count(got, "\n"); n != lineEnds {
			t.Errorf("NormalizeText(%q) = %q: %d line ends, want %d", raw, got, n, lineEnds)
		}
		strip := strings.NewReplacer("\r", "", "\n", "")
		if strip.Replace(got) != strip.Replace(string(body)) {
			t.Errorf("NormalizeText(%q) = %q changes more than line ends", raw, got)
		}
		again, err := NormalizeText([]byte(got))
		if err != nil || again != got {
			t.Errorf("NormalizeText(%q) = %q, but NormalizeText of that = %q, %v", raw, got, again, err)
		}
	})
}

func TestTagJSONLClaims(t *testing.T) {
	// A claim finder adds "claims" after "entities" on every line, with
	// what it returns for the tagged document.
	finder := func(d *Document) any {
		return []map[string]any{{"entities_seen": len(d.Entities), "text": d.Text.String()}}
	}
	var out, errs bytes.Buffer
	in := `{"id":1,"text":"Ann said so"}` + "\n" + `{"id":2,"text":"nobody"}` + "\n"
	if _, err := TagJSONL(strings.NewReader(in), &out, &errs, newFake(), finder); err != nil {
		t.Fatal(err)
	}
	want := `{"id":1,"entities":[{"start":0,"end":3,"label":"PERSON","text":"Ann"}],"claims":[{"entities_seen":1,"text":"Ann said so"}]}` + "\n" +
		`{"id":2,"entities":[],"claims":[{"entities_seen":0,"text":"nobody"}]}` + "\n"
	if out.String() != want || errs.Len() != 0 {
		t.Errorf("output\n%s\nwant\n%s\nstderr %q", out.String(), want, errs.String())
	}
}

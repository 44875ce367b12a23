package rawjson

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	var aux struct {
		Start *int              `json:"start"`
		Body  []json.RawMessage `json:"body"`
		Ents  []struct {
			End int `json:"end"`
		} `json:"entities"`
		Obj map[string]string `json:"obj"`
	}
	for _, c := range []struct{ in, want string }{
		{`{"start":"5"}`, `"start": found a string, want a whole number`},
		{`{"start":1.5}`, `"start": found the number 1.5, want a whole number`},
		{`{"body":{"a":1}}`, `"body": found an object, want an array`},
		{`{"entities":[{"end":true}]}`, `"entities.end": found true or false, want a whole number`},
		{`{"obj":[1]}`, `"obj": found an array, want an object`},
		{`[1]`, `found an array, want an object`},
		{`{"start":}`, `invalid character '}' looking for beginning of value`},
	} {
		err := json.Unmarshal([]byte(c.in), &aux)
		if got := Describe(err); got != c.want {
			t.Errorf("%s: %q, want %q", c.in, got, c.want)
		}
		if strings.Contains(Describe(err), "struct") || strings.Contains(Describe(err), "int") && !strings.Contains(c.want, "int") {
			t.Errorf("%s: Go types in %q", c.in, Describe(err))
		}
	}
}

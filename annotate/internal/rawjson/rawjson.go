// Package rawjson holds the small helpers that Glossa's readers of JSON
// share: telling absent values, objects and arrays apart before decoding,
// and describing JSON in messages in the file's own terms (never Go's
// type names). It depends on the standard library only.
package rawjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// IsNull reports whether a JSON value is absent or null.
func IsNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null"
}

// OneOrMany splits a JSON array into its elements, or returns a lone
// object as a list of one. Absent or null gives none.
func OneOrMany(raw json.RawMessage) ([]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case IsNull(raw):
		return nil, nil
	case raw[0] == '{':
		return []json.RawMessage{raw}, nil
	case raw[0] == '[':
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, err
		}
		return list, nil
	}
	return nil, fmt.Errorf("%s is neither an object nor an array of objects", Truncate(raw))
}

// Truncate shortens raw JSON for an error message.
func Truncate(raw []byte) string {
	const max = 40
	if len(raw) > max {
		return string(raw[:max]) + "…"
	}
	return string(raw)
}

// Compact returns raw compacted, or a copy of it as it is if it is not
// JSON.
func Compact(raw []byte) []byte {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return bytes.Clone(raw)
	}
	return b.Bytes()
}

// Kind names the kind of a JSON value as a message would: "an object",
// "an array", "a string", "a number", "true or false", "null", or "nothing"
// for an empty value.
func Kind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

// Describe says what went wrong in decoding JSON, in JSON's own terms,
// for a message to someone who wrote the JSON: for a value of the wrong
// kind, the field as the input names it and the kinds found and wanted
// (`"start": found a string, want a whole number`), never Go's types; for
// a syntax error, the character and where it was expected; for an
// unknown field (a decoder that disallows them), its name. Any other
// error comes back as its text.
func Describe(err error) string {
	var typ *json.UnmarshalTypeError
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &typ):
		msg := fmt.Sprintf("found %s, want %s", valueKind(typ.Value), KindOf(typ.Type))
		if typ.Field != "" {
			msg = fmt.Sprintf("%q: %s", typ.Field, msg)
		}
		return msg
	case errors.As(err, &syn):
		return syn.Error()
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// valueKind names a JSON value as json.UnmarshalTypeError's Value does
// ("array", "number 1.5"…), with its article.
func valueKind(v string) string {
	switch {
	case v == "array":
		return "an array"
	case v == "object":
		return "an object"
	case v == "string":
		return "a string"
	case v == "bool":
		return "true or false"
	case strings.HasPrefix(v, "number"):
		if n := strings.TrimSpace(strings.TrimPrefix(v, "number")); n != "" {
			return "the number " + n
		}
		return "a number"
	}
	return v
}

// KindOf names the JSON value a Go type decodes from: "an object" for
// structs and maps, "an array", "a string", "true or false", "a whole
// number", "a number", or "any value".
func KindOf(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "any value"
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Name() != "RawMessage" {
			return "a string" // base64
		}
		if t.Name() == "RawMessage" {
			return "any value"
		}
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "any value"
}

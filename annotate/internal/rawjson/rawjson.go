// Package rawjson holds the small helpers that Glossa's readers of JSON
// share: telling absent values, objects and arrays apart before decoding,
// and describing JSON in messages in the file's own terms (never Go's
// type names). It depends on the standard library only.
package rawjson

import (
	"bytes"
	"encoding/json"
	"fmt"
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

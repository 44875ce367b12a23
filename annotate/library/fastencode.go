package library

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"glossa/annotate"
)

// encodeTextFast writes a texts record byte for byte as json.Marshal
// writes its textJSON, without reflection: storing a long article's
// tagging (thousands of entities) went through encoding/json's reflection
// on the page's main thread, and so did the tagging worker's entities on
// their way to the page (EncodeEntities). TestEncodeTextFast and
// FuzzEncodeTextFast hold it to json.Marshal's output.
func encodeTextFast(t textJSON) []byte {
	b := make([]byte, 0, len(t.Text)+len(t.Doc)+64*len(t.Entities)+128*len(t.Claims)+128)
	b = append(b, `{"schema":`...)
	b = strconv.AppendInt(b, int64(t.Schema), 10)
	b = append(b, `,"doc":`...)
	b = appendJSONString(b, t.Doc)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, t.Text)
	b = append(b, `,"entities":`...)
	b = appendEntities(b, t.Entities)
	b = append(b, `,"recognizer":`...)
	b = appendJSONString(b, t.Recognizer)
	b = append(b, `,"claims":`...)
	b = appendClaims(b, t.Claims)
	b = append(b, `,"claim_finder":`...)
	b = appendJSONString(b, t.ClaimFinder)
	return append(b, '}')
}

// EncodeEntities writes entities as JSON, as json.Marshal does (null for
// nil), without reflection: the tagging worker sends each block's
// entities to the page so.
func EncodeEntities(ents []annotate.Entity) []byte {
	return appendEntities(make([]byte, 0, 64*len(ents)+2), ents)
}

// DecodeEntities reads a JSON array of entities, as EncodeEntities writes
// it in one pass, anything else through encoding/json.
func DecodeEntities(raw []byte) ([]annotate.Entity, error) {
	return decodeArray(raw, (*fastRecord).entities)
}

// decodeArray reads raw with the one-pass reader fast if it takes all of
// it, else with encoding/json.
func decodeArray[T any](raw []byte, fast func(*fastRecord, *[]T) bool) ([]T, error) {
	p := fastRecord{raw: raw}
	var out []T
	if fast(&p, &out) && len(p.raw) == 0 {
		return out, nil
	}
	out = nil
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// EncodeClaims writes claim suggestions as JSON, as json.Marshal does
// (null for nil), without reflection: the tagging worker sends them to the
// page so.
func EncodeClaims(cs []annotate.ClaimSuggestion) []byte {
	return appendClaims(make([]byte, 0, 128*len(cs)+2), cs)
}

// DecodeClaims reads a JSON array of claim suggestions, as EncodeClaims
// writes it in one pass, anything else through encoding/json.
func DecodeClaims(raw []byte) ([]annotate.ClaimSuggestion, error) {
	return decodeArray(raw, (*fastRecord).claims)
}

// appendArray writes null for nil, else a JSON array of items, each
// written by item.
func appendArray[T any](b []byte, items []T, item func([]byte, T) []byte) []byte {
	if items == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, v := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = item(b, v)
	}
	return append(b, ']')
}

// appendEntities writes null for nil, else an array of entities.
func appendEntities(b []byte, ents []annotate.Entity) []byte {
	return appendArray(b, ents, appendEntity)
}

// appendEntity writes {"start":…,"end":…,"label":…,"text":…}.
func appendEntity(b []byte, e annotate.Entity) []byte {
	b = appendSpanFields(b, e.Span)
	b = append(b, `,"label":`...)
	b = appendJSONString(b, string(e.Label))
	b = append(b, `,"text":`...)
	b = appendJSONString(b, e.Text)
	return append(b, '}')
}

// appendSpanFields writes {"start":…,"end":… (the object left open).
func appendSpanFields(b []byte, s annotate.Span) []byte {
	b = append(b, `{"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	return strconv.AppendInt(b, int64(s.End), 10)
}

// appendClaims writes null for nil, else an array of claim suggestions.
func appendClaims(b []byte, cs []annotate.ClaimSuggestion) []byte {
	return appendArray(b, cs, appendClaim)
}

// appendClaim writes a claim suggestion's fields in the order
// encoding/json writes them.
func appendClaim(b []byte, c annotate.ClaimSuggestion) []byte {
	b = appendSpanFields(b, c.Span)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, string(c.Kind))
	b = append(b, `,"cue":`...)
	b = appendOptSpan(b, c.Cue)
	b = append(b, `,"speaker":`...)
	b = appendOptSpan(b, c.Speaker)
	b = append(b, `,"speaker_name":`...)
	b = appendJSONString(b, c.SpeakerName)
	b = append(b, `,"speaker_entity":`...)
	if c.SpeakerEntity == nil {
		b = append(b, "null"...)
	} else {
		b = appendEntity(b, *c.SpeakerEntity)
	}
	return append(b, '}')
}

// appendOptSpan writes null for nil, else {"start":…,"end":…}.
func appendOptSpan(b []byte, s *annotate.Span) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return append(appendSpanFields(b, *s), '}')
}

// appendJSONString writes s as a JSON string as encoding/json does: HTML's
// <, > and & escaped, control characters escaped, invalid UTF-8 as
// U+FFFD, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

package library

import (
	"strconv"

	"glossa/annotate"
)

// decodeTextFast reads a texts record laid out exactly as EncodeText
// writes it, the common case, in one pass without reflection: opening an
// article and saving a change to it decode its texts record, and
// encoding/json's reflection over a long article's thousands of entities
// took about 30 ms per 750 entities as WebAssembly, on the page's main
// thread. It reports false for any other record (other fields, another
// order, white space, numbers or escapes it does not take), which
// decodeText then reads field by field, naming what is wrong; what it
// reads, the general path reads the same. It does not check the record
// (checkTextRecord does).
func decodeTextFast(raw []byte) (StoredDoc, bool) {
	p := fastRecord{raw: raw}
	var s StoredDoc
	ok := p.lit(`{"schema":`+strconv.Itoa(SchemaVersion)+`,"doc":`) && p.str(&s.Meta.ID) &&
		p.lit(`,"text":`) && p.str(&s.Text) &&
		p.lit(`,"entities":`) && p.entities(&s.Entities) &&
		p.lit(`,"recognizer":`) && p.str(&s.Recognizer) &&
		p.lit(`,"claims":`) && p.claims(&s.Claims) &&
		p.lit(`,"claim_finder":`) && p.str(&s.ClaimFinder) &&
		p.lit(`}`) && len(p.raw) == 0
	if !ok {
		return StoredDoc{}, false
	}
	return s, true
}

// fastArray consumes null (nil) or a JSON array whose items item
// consumes; an empty array is an empty slice, as encoding/json reads it.
func fastArray[T any](p *fastRecord, dst *[]T, item func(*T) bool) bool {
	if p.lit(`null`) {
		*dst = nil
		return true
	}
	if !p.lit(`[`) {
		return false
	}
	out := []T{}
	for !p.lit(`]`) {
		var v T
		if len(out) > 0 && !p.lit(`,`) || !item(&v) {
			return false
		}
		out = append(out, v)
	}
	*dst = out
	return true
}

// entities consumes null (nil) or an array of entities, each
// {"start":…,"end":…,"label":…,"text":…}, into dst.
func (p *fastRecord) entities(dst *[]annotate.Entity) bool { return fastArray(p, dst, p.entity) }

// entity consumes one entity object.
func (p *fastRecord) entity(e *annotate.Entity) bool {
	var label string
	ok := p.lit(`{"start":`) && p.num(&e.Start) &&
		p.lit(`,"end":`) && p.num(&e.End) &&
		p.lit(`,"label":`) && p.str(&label) &&
		p.lit(`,"text":`) && p.str(&e.Text) &&
		p.lit(`}`)
	e.Label = annotate.Label(label)
	return ok
}

// claims consumes null (nil) or an array of claim suggestions, each with
// the fields of annotate.ClaimSuggestion in the order encoding/json
// writes them, into dst.
func (p *fastRecord) claims(dst *[]annotate.ClaimSuggestion) bool { return fastArray(p, dst, p.claim) }

// claim consumes one claim suggestion object.
func (p *fastRecord) claim(c *annotate.ClaimSuggestion) bool {
	var kind string
	ok := p.lit(`{"start":`) && p.num(&c.Start) &&
		p.lit(`,"end":`) && p.num(&c.End) &&
		p.lit(`,"kind":`) && p.str(&kind) &&
		p.lit(`,"cue":`) && p.optSpan(&c.Cue) &&
		p.lit(`,"speaker":`) && p.optSpan(&c.Speaker) &&
		p.lit(`,"speaker_name":`) && p.str(&c.SpeakerName) &&
		p.lit(`,"speaker_entity":`) && p.optEntity(&c.SpeakerEntity) &&
		p.lit(`}`)
	c.Kind = annotate.ClaimKind(kind)
	return ok
}

// optSpan consumes null (nil) or {"start":…,"end":…}.
func (p *fastRecord) optSpan(dst **annotate.Span) bool {
	if p.lit(`null`) {
		*dst = nil
		return true
	}
	var s annotate.Span
	if !(p.lit(`{"start":`) && p.num(&s.Start) && p.lit(`,"end":`) && p.num(&s.End) && p.lit(`}`)) {
		return false
	}
	*dst = &s
	return true
}

// optEntity consumes null (nil) or an entity object.
func (p *fastRecord) optEntity(dst **annotate.Entity) bool {
	if p.lit(`null`) {
		*dst = nil
		return true
	}
	var e annotate.Entity
	if !p.entity(&e) {
		return false
	}
	*dst = &e
	return true
}

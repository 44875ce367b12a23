package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"glossa/annotate"
	"glossa/annotate/internal/rawjson"
	"glossa/annotate/library"
	"glossa/annotate/w3c"
)

// Reading W3C Web Annotation JSON, Glossa's and others'. The file holds an
// annotation, an AnnotationPage (its "items"), an AnnotationCollection
// (its embedded "first" page, and any "next" pages embedded in turn), a
// Hypothesis search result ({"rows": […]}), or an array of any of these.
// Pages given only by IRI cannot be read from a file, and are an error.
//
// A Glossa collection brings its article (see "The W3C export"), which is
// added to the bundle first, then its notes and orphans. Every annotation
// finds its article by its target's "source": a document ID, or an
// article's Source (a URL, compared without its fragment). One that names
// no article of the library or the file is left out and listed in the
// report (Elsewhere, ElsewhereSources): a Hypothesis export of two pages
// imports the page the library has. When no annotation names one, the
// import is an error wrapping ErrNoArticle: the article's text is needed
// to anchor to, so import the article first, or attach the annotations to
// an article whose text they quote (PlanAttach).
//
// An annotation as Glossa writes it is read by NoteFromAnnotation, exactly;
// a decision about a suggestion (motivation "moderating") by
// DecisionFromAnnotation, and one that does not read is kept as an orphan.
// Any other is read leniently, from the shapes of the Web Annotation model
// that other tools write:
//
//   - target: an object, an array (the first with selectors wins, as
//     Hypothesis writes one target) or an IRI; selectors
//     TextQuoteSelector and TextPositionSelector (code points) are used,
//     others (RangeSelector, XPath, CSS) need the page's DOM and are skipped;
//   - bodies: an object or array; TextualBody with purpose classifying is
//     the label; commenting, describing, replying, questioning or no
//     purpose, and "bodyValue" or Hypothesis's "text", the comment (joined
//     by blank lines); tagging bodies and Hypothesis's "tags", tags;
//     assessing, identifying and linking bodies a claim's verdict, speaker
//     and evidence; on other notes, and other purposes, they are added to
//     the comment as "purpose: value" lines;
//   - label: the classifying body, else the first tag that names one of
//     AllLabels or an alias (PER, LOCATION, PLACE…), else MISC; an unknown
//     classifying value becomes a tag;
//   - id: kept if it is a urn:uuid, else a name-based UUID of it (or of the
//     annotation's JSON when it has none), so importing twice merges;
//   - creator: an agent object (name or nickname), an IRI, or Hypothesis's
//     "user" ("acct:name@host"), as a Person;
//   - created, modified (or Hypothesis's "updated"): any RFC 3339 time,
//     the import time when missing.
//
// Then it is anchored (see Anchoring in anchor.go): an annotation that does
// not anchor becomes an Orphan of its article, with the reason. Values the
// workspace refuses (a comment over MaxComment, a bad evidence URL…) fail
// the import, naming the JSON pointer.

// w3c reads a W3C Web Annotation document.
func (im *importer) w3c(data []byte) error {
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return jsonError(data, err)
	}
	return im.w3cNode(raw, "")
}

// typeOf returns the "type" of a JSON object: its string, or the first
// string of its array.
func typeOf(obj map[string]json.RawMessage) string {
	var s string
	if json.Unmarshal(obj["type"], &s) == nil {
		return s
	}
	var list []string
	if json.Unmarshal(obj["type"], &list) == nil && len(list) > 0 {
		return list[0]
	}
	return ""
}

// w3cNode reads a node at JSON pointer ptr ("" is the document).
func (im *importer) w3cNode(raw json.RawMessage, ptr string) error {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '[' {
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			return fmt.Errorf("%s: %w", pointer(ptr), valueError(err))
		}
		for i, el := range list {
			if err := im.w3cNode(el, fmt.Sprintf("%s/%d", ptr, i)); err != nil {
				return err
			}
		}
		return nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return fmt.Errorf("%s: %w: want an annotation, a page, a collection or an array of them, got %s", pointer(ptr), annotate.ErrBadInput, rawjson.Truncate(raw))
	}
	switch t := typeOf(obj); {
	case t == "AnnotationCollection" || t == "as:OrderedCollection":
		return im.w3cCollection(obj, ptr)
	case t == "AnnotationPage" || t == "as:OrderedCollectionPage":
		return im.w3cPage(obj, ptr)
	case obj["rows"] != nil && obj["target"] == nil:
		return im.w3cItems(obj["rows"], ptr+"/rows")
	case t == "Annotation" || obj["target"] != nil:
		return im.w3cAnnotation(raw, ptr)
	}
	return fmt.Errorf(`%s: %w: not an annotation, a page or a collection (no "type" and no "target")`, pointer(ptr), annotate.ErrBadInput)
}

// pointer writes a JSON pointer for a message: "/" for the document.
func pointer(ptr string) string {
	if ptr == "" {
		return "/"
	}
	return ptr
}

// w3cCollection reads a collection: its Glossa article, orphans and pages.
func (im *importer) w3cCollection(obj map[string]json.RawMessage, ptr string) error {
	var art *importArticle
	if raw, ok := obj["article"]; ok {
		a, err := im.w3cArticle(raw, ptr+"/article")
		if err != nil {
			return err
		}
		art = a
	}
	if raw, ok := obj["orphans"]; ok && !rawjson.IsNull(raw) {
		if art == nil {
			return fmt.Errorf(`%s/orphans: %w: orphans without an "article"`, ptr, annotate.ErrBadInput)
		}
		var list []struct {
			Reason     string          `json:"reason"`
			Annotation json.RawMessage `json:"annotation"`
		}
		if k := rawjson.Kind(raw); k != "an array" {
			return fmt.Errorf(`%s/orphans: %w: orphans are an array of objects with "reason" and "annotation"; found %s`, ptr, annotate.ErrBadInput, k)
		}
		if err := json.Unmarshal(raw, &list); err != nil {
			return fmt.Errorf("%s/orphans: %w", ptr, valueError(err))
		}
		for _, o := range list {
			a, _ := readForeign(o.Annotation, im.now)
			im.addOrphan(art, library.Orphan{Annotation: a.annotation, Raw: rawjson.Compact(o.Annotation), Reason: o.Reason})
		}
	}
	if raw, ok := obj["learned"]; ok && !rawjson.IsNull(raw) {
		if err := im.w3cLearned(raw, ptr+"/learned"); err != nil {
			return err
		}
	}
	first := bytes.TrimSpace(obj["first"])
	switch {
	case rawjson.IsNull(first):
		return nil
	case first[0] == '"':
		var total int
		_ = json.Unmarshal(obj["total"], &total)
		if total == 0 {
			return nil
		}
		return fmt.Errorf(`%s/first: %w: the first page is an IRI, not embedded; Glossa reads only pages held in the file`, ptr, annotate.ErrBadInput)
	}
	var page map[string]json.RawMessage
	if err := json.Unmarshal(first, &page); err != nil {
		return fmt.Errorf(`%s/first: %w: want a page object`, ptr, annotate.ErrBadInput)
	}
	return im.w3cPage(page, ptr+"/first")
}

// w3cLearned reads what the entity model learned, carried by a library's
// export (see "The W3C export"): each entry becomes a learned record,
// marked imported.
func (im *importer) w3cLearned(raw json.RawMessage, ptr string) error {
	if k := rawjson.Kind(raw); k != "an array" {
		return fmt.Errorf(`%s: %w: what was learned is an array of objects with "model", "origin", "corrections" and "data"; found %s`, ptr, annotate.ErrBadInput, k)
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("%s: %w", ptr, valueError(err))
	}
	for i, el := range list {
		var v struct {
			Model       *string `json:"model"`
			Origin      *string `json:"origin"`
			Corrections *int    `json:"corrections"`
			Data        []byte  `json:"data"`
		}
		p := fmt.Sprintf("%s/%d", ptr, i)
		dec := json.NewDecoder(bytes.NewReader(el))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("%s: %w", p, valueError(err))
		}
		if v.Model == nil || v.Origin == nil || v.Corrections == nil || v.Data == nil {
			return fmt.Errorf(`%s: %w: what was learned needs "model", "origin", "corrections" and "data"`, p, annotate.ErrBadInput)
		}
		l := library.Learned{Model: *v.Model, Origin: *v.Origin, Corrections: *v.Corrections, Imported: true, Data: v.Data}
		if _, err := library.EncodeLearned(l); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		im.addLearned(l)
	}
	return nil
}

// w3cArticle reads a Glossa article description and returns its article.
func (im *importer) w3cArticle(raw json.RawMessage, ptr string) (*importArticle, error) {
	var a struct {
		ID     string  `json:"id"`
		Title  string  `json:"articleTitle"`
		Source string  `json:"articleSource"`
		Added  string  `json:"articleAdded"`
		Text   *string `json:"articleText"`
		Review string  `json:"articleReviewURL"`
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, fmt.Errorf("%s: %w", ptr, valueError(err))
	}
	if a.Text == nil {
		return nil, fmt.Errorf(`%s: %w: "articleText" is missing`, ptr, annotate.ErrBadInput)
	}
	text, err := annotate.NormalizeText([]byte(*a.Text))
	if err != nil {
		return nil, fmt.Errorf("%s/articleText: %w", ptr, err)
	}
	doc := annotate.NewDocument(text)
	if a.ID != doc.ID {
		return nil, fmt.Errorf(`%s/id: %w: %q is not the ID of the article's text, %s (was the text changed?)`, ptr, annotate.ErrBadInput, a.ID, doc.ID)
	}
	var added time.Time
	if a.Added != "" {
		if added, err = w3c.ParseTime("articleAdded", a.Added); err != nil {
			return nil, fmt.Errorf("%s: %w", ptr, err)
		}
	}
	art, err := im.article(doc, a.Title, a.Source, added)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ptr, err)
	}
	if a.Review != "" && art.meta.ReviewURL == "" {
		u, err := annotate.CanonicalURL(a.Review)
		if err != nil {
			return nil, fmt.Errorf("%s/articleReviewURL: %w: %w", ptr, annotate.ErrBadURL, err)
		}
		art.meta.ReviewURL, art.putMeta = u, !art.isNew
	}
	return art, nil
}

// w3cPage reads a page's items and any embedded next page.
func (im *importer) w3cPage(obj map[string]json.RawMessage, ptr string) error {
	if err := im.w3cItems(obj["items"], ptr+"/items"); err != nil {
		return err
	}
	next := bytes.TrimSpace(obj["next"])
	if len(next) > 0 && next[0] == '{' {
		var page map[string]json.RawMessage
		if err := json.Unmarshal(next, &page); err != nil {
			return fmt.Errorf("%s/next: %w", ptr, valueError(err))
		}
		return im.w3cPage(page, ptr+"/next")
	}
	return nil
}

// w3cItems reads an array of annotations.
func (im *importer) w3cItems(raw json.RawMessage, ptr string) error {
	if rawjson.IsNull(raw) {
		return nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("%s: %w: want an array of annotations", ptr, annotate.ErrBadInput)
	}
	for i, item := range list {
		p := fmt.Sprintf("%s/%d", ptr, i)
		if t := bytes.TrimSpace(item); len(t) > 0 && t[0] == '"' {
			return fmt.Errorf("%s: %w: the annotation is an IRI, not embedded; Glossa reads only annotations held in the file", p, annotate.ErrBadInput)
		}
		if err := im.w3cAnnotation(item, p); err != nil {
			return err
		}
	}
	return nil
}

// w3cAnnotation reads one annotation: Glossa's exactly, others leniently,
// and anchors it to its article.
func (im *importer) w3cAnnotation(raw json.RawMessage, ptr string) error {
	var a w3c.Annotation
	if json.Unmarshal(raw, &a) == nil {
		art, err := im.findArticle(a.Target.Source)
		if err != nil {
			return fmt.Errorf("%s: %w", pointer(ptr), err)
		}
		if art != nil && w3c.IsDecision(a) {
			k, decision, err := w3c.DecisionFromAnnotation(a, art.doc)
			if err != nil {
				reason := strings.TrimPrefix(err.Error(), "read decision "+a.ID+": ")
				im.addOrphan(art, library.Orphan{Annotation: a, Raw: rawjson.Compact(raw), Reason: "a decision about a suggestion that cannot be read: " + reason})
				return nil
			}
			im.addDecision(art, decision, k)
			return nil
		}
		if art != nil {
			if n, err := w3c.NoteFromAnnotation(a, art.doc); err == nil {
				im.addNote(art, n, raw)
				return nil
			}
		}
	}
	f, err := readForeign(raw, im.now)
	if err != nil {
		return atPointer(ptr, err)
	}
	art, err := im.findArticle(f.source)
	if err != nil {
		return fmt.Errorf("%s: %w", pointer(ptr), err)
	}
	attached := false
	if art == nil && im.attach != "" {
		if art, err = im.findArticle(im.attach); err != nil {
			return fmt.Errorf("%s: %w", pointer(ptr), err)
		}
		attached = art != nil
	}
	if art == nil {
		im.leaveOut(f.source)
		return nil
	}
	doc := art.doc
	orphan := func(reason string) {
		im.addOrphan(art, library.Orphan{Annotation: f.annotation, Raw: rawjson.Compact(raw), Reason: reason})
	}
	if f.quote.Exact == "" && f.position == nil {
		orphan("it selects no text: no TextQuoteSelector or TextPositionSelector")
		return nil
	}
	span, err := annotate.Anchor(doc.Text, f.quote, f.position)
	if err == nil {
		err = annotate.CheckNoteSpan(doc.Text, span)
	}
	if err != nil && attached { // not of this article, it seems
		im.leaveOut(f.source)
		return nil
	}
	if err != nil {
		orphan(strings.TrimPrefix(strings.TrimPrefix(err.Error(), annotate.ErrNotAnchored.Error()+": "), annotate.ErrBadSpan.Error()+": "))
		return nil
	}
	n, err := f.note(span)
	if err != nil {
		return atPointer(ptr, err)
	}
	im.addNote(art, n, raw)
	return nil
}

// atPointer puts the pointer ptr before an error of readForeign or note,
// which starts with the field ("/body…") or names none.
func atPointer(ptr string, err error) error {
	if strings.HasPrefix(err.Error(), "/") {
		return fmt.Errorf("%s%w", ptr, err)
	}
	return fmt.Errorf("%s: %w", pointer(ptr), err)
}

func sourceKey(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "#")
	return strings.TrimSuffix(s, "/")
}

// foreign is an annotation read leniently.
type foreign struct {
	annotation w3c.Annotation // what an orphan keeps
	source     string
	quote      annotate.Quote
	position   *annotate.Span
	bodies     []w3c.Body
	extra      []string // comment parts
	tags       []string
	created    time.Time
	modified   time.Time
	creator    annotate.Agent
	proposedBy *annotate.Agent
	id         string
}

// readForeign reads an annotation leniently. Errors start with the field
// ("/target…") when they are about one; the caller puts the annotation's
// pointer before them (see atPointer).
func readForeign(raw json.RawMessage, now time.Time) (foreign, error) {
	var aux struct {
		ID         string          `json:"id"`
		Created    string          `json:"created"`
		Modified   string          `json:"modified"`
		Updated    string          `json:"updated"`
		Creator    json.RawMessage `json:"creator"`
		User       string          `json:"user"`
		ProposedBy *annotate.Agent `json:"proposedBy"`
		Body       json.RawMessage `json:"body"`
		BodyValue  string          `json:"bodyValue"`
		Text       string          `json:"text"`
		Tags       []string        `json:"tags"`
		Target     json.RawMessage `json:"target"`
		URI        string          `json:"uri"`
	}
	var f foreign
	if err := json.Unmarshal(raw, &aux); err != nil {
		return f, valueError(err)
	}
	f.source = aux.URI
	if err := f.readTarget(aux.Target); err != nil {
		if strings.HasPrefix(err.Error(), "/") {
			return f, fmt.Errorf("/target%w", err)
		}
		return f, fmt.Errorf("/target: %w", err)
	}
	bodies, err := rawjson.OneOrMany(aux.Body)
	if err != nil {
		if s := bytes.TrimSpace(aux.Body); len(s) > 0 && s[0] == '"' { // a body IRI
			bodies = nil
			var iri string
			_ = json.Unmarshal(s, &iri)
			f.extra = append(f.extra, "body: "+iri)
		} else {
			return f, fmt.Errorf(`/body: %w: a body is an object with "type" and "value" or "source", or an array of them; found %s`, annotate.ErrBadInput, rawjson.Kind(aux.Body))
		}
	}
	for i, b := range bodies {
		var lb struct {
			Type    string  `json:"type"`
			Value   *string `json:"value"`
			Source  string  `json:"source"`
			ID      string  `json:"id"`
			Purpose any     `json:"purpose"`
			Format  string  `json:"format"`
		}
		if k := rawjson.Kind(b); k != "an object" {
			return f, fmt.Errorf(`/body/%d: %w: a body is an object with "type" and "value" or "source"; found %s`, i, annotate.ErrBadInput, k)
		}
		if err := json.Unmarshal(b, &lb); err != nil {
			return f, fmt.Errorf("/body/%d: %w", i, valueError(err))
		}
		purpose, _ := lb.Purpose.(string)
		if list, ok := lb.Purpose.([]any); ok && len(list) > 0 {
			purpose, _ = list[0].(string)
		}
		switch {
		case lb.Value != nil:
			f.bodies = append(f.bodies, w3c.Body{Type: w3c.TypeTextualBody, Value: *lb.Value, Purpose: purpose, Format: lb.Format})
		case lb.Source != "":
			f.bodies = append(f.bodies, w3c.Body{Type: w3c.TypeSpecificResource, Source: lb.Source, Purpose: purpose})
		case lb.ID != "":
			f.bodies = append(f.bodies, w3c.Body{Type: w3c.TypeSpecificResource, Source: lb.ID, Purpose: purpose})
		}
	}
	if aux.BodyValue != "" {
		f.bodies = append(f.bodies, w3c.Body{Type: w3c.TypeTextualBody, Value: aux.BodyValue, Purpose: w3c.PurposeCommenting})
	}
	if aux.Text != "" {
		f.bodies = append(f.bodies, w3c.Body{Type: w3c.TypeTextualBody, Value: aux.Text, Purpose: w3c.PurposeCommenting})
	}
	for _, t := range aux.Tags {
		f.bodies = append(f.bodies, w3c.TextualBody(t, w3c.PurposeTagging))
	}

	if f.created, err = foreignTime(aux.Created, now); err != nil {
		return f, fmt.Errorf("/created: %w", err)
	}
	mod := aux.Modified
	if mod == "" {
		mod = aux.Updated
	}
	if f.modified, err = foreignTime(mod, f.created); err != nil {
		return f, fmt.Errorf("/modified: %w", err)
	}
	if f.modified.Before(f.created) {
		f.modified = f.created
	}
	f.creator = foreignCreator(aux.Creator, aux.User)
	if aux.ProposedBy != nil && w3c.CheckAgentID(aux.ProposedBy.ID) == nil {
		by := *aux.ProposedBy
		f.proposedBy = &by
	}
	switch {
	case annotate.CheckID(aux.ID) == nil:
		f.id = aux.ID
	case aux.ID != "":
		f.id = nameID("import", aux.ID)
	default:
		f.id = nameID("import", string(rawjson.Compact(raw)))
	}
	creator := f.creator
	f.annotation = w3c.Annotation{
		Context: w3c.Context{Glossa: f.proposedBy != nil}, ID: f.id, Type: "Annotation",
		Created: w3c.Timestamp(f.created), Modified: w3c.Timestamp(f.modified), Creator: &creator,
		ProposedBy: f.proposedBy, Body: f.bodies,
		Target: w3c.TextTarget{Source: f.source, Quote: w3c.QuoteSelector(f.quote)},
	}
	if f.position != nil {
		f.annotation.Target.Position = w3c.TextPositionSelector{Start: f.position.Start, End: f.position.End}
	}
	return f, nil
}

// readTarget reads the source and selectors of the first target that has
// selectors (or the first target).
func (f *foreign) readTarget(raw json.RawMessage) error {
	if s := bytes.TrimSpace(raw); len(s) > 0 && s[0] == '"' {
		return json.Unmarshal(s, &f.source)
	}
	targets, err := rawjson.OneOrMany(raw)
	if err != nil {
		return fmt.Errorf(`%w: a target is an IRI, or an object with a "source", or an array of them; found %s`, annotate.ErrBadInput, rawjson.Kind(raw))
	}
	if len(targets) == 0 && f.source == "" {
		return fmt.Errorf(`%w: "target" is missing`, annotate.ErrBadInput)
	}
	for i, t := range targets {
		var aux struct {
			Source   string          `json:"source"`
			ID       string          `json:"id"`
			Selector json.RawMessage `json:"selector"`
		}
		if s := bytes.TrimSpace(t); len(s) > 0 && s[0] == '"' {
			if i == 0 {
				_ = json.Unmarshal(s, &f.source)
			}
			continue
		}
		if k := rawjson.Kind(t); k != "an object" {
			return fmt.Errorf(`/%d: %w: a target is an IRI or an object with a "source"; found %s`, i, annotate.ErrBadInput, k)
		}
		if err := json.Unmarshal(t, &aux); err != nil {
			return fmt.Errorf("/%d: %w", i, valueError(err))
		}
		if i == 0 || f.source == "" {
			f.source = aux.Source
			if f.source == "" {
				f.source = aux.ID
			}
		}
		sels, err := rawjson.OneOrMany(aux.Selector)
		if err != nil {
			return fmt.Errorf(`/%d/selector: %w: a selector is an object with a "type", or an array of them; found %s`, i, annotate.ErrBadInput, rawjson.Kind(aux.Selector))
		}
		if len(sels) == 0 {
			continue
		}
		if aux.Source != "" {
			f.source = aux.Source
		}
		for j, s := range sels {
			var sel w3c.Selector
			if k := rawjson.Kind(s); k != "an object" {
				return fmt.Errorf(`/%d/selector/%d: %w: a selector is an object with a "type"; found %s`, i, j, annotate.ErrBadInput, k)
			}
			if err := json.Unmarshal(s, &sel); err != nil {
				return fmt.Errorf("/%d/selector/%d: %w", i, j, valueError(err))
			}
			switch sel.Type {
			case "TextQuoteSelector":
				if sel.Exact != nil {
					f.quote = annotate.Quote{Exact: *sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix}
				}
			case "TextPositionSelector":
				if sel.Start != nil && sel.End != nil {
					f.position = &annotate.Span{Start: *sel.Start, End: *sel.End}
				}
			}
		}
		return nil
	}
	return nil
}

// foreignTime reads an RFC 3339 time; "" gives def.
func foreignTime(s string, def time.Time) (time.Time, error) {
	if s == "" {
		return def, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if y := t.UTC().Year(); err != nil || y < 0 || y > 9999 {
		return time.Time{}, fmt.Errorf(`%w: %q is not a date and time such as "2026-11-27T12:00:00Z"`, annotate.ErrBadInput, s)
	}
	return annotate.Stamp(t), nil
}

// foreignCreator reads a creator: an agent object, an IRI, or a
// Hypothesis user "acct:name@host".
func foreignCreator(raw json.RawMessage, user string) annotate.Agent {
	var agent struct {
		ID       string `json:"id"`
		Name     any    `json:"name"`
		Nickname string `json:"nickname"`
	}
	var iri string
	switch {
	case json.Unmarshal(raw, &iri) == nil:
		user = iri
	case json.Unmarshal(raw, &agent) == nil:
		name, _ := agent.Name.(string)
		if list, ok := agent.Name.([]any); ok && len(list) > 0 {
			name, _ = list[0].(string)
		}
		if name == "" {
			name = agent.Nickname
		}
		a := *annotate.Reader(name)
		if len(name) > 4*annotate.MaxName {
			a = *annotate.Reader("")
		}
		if w3c.CheckAgentID(agent.ID) == nil {
			a.ID = agent.ID
		}
		return a
	}
	if name, ok := strings.CutPrefix(user, "acct:"); ok {
		name, _, _ = strings.Cut(name, "@")
		return *annotate.Reader(name)
	}
	a := *annotate.Reader("")
	if u, err := url.Parse(user); err == nil && u.IsAbs() && w3c.CheckAgentID(user) == nil {
		a.ID = user
	}
	return a
}

// note builds the note of an anchored foreign annotation, checked as the
// workspace operations check their input.
func (f foreign) note(span annotate.Span) (annotate.Note, error) {
	n := annotate.Note{ID: f.id, Span: span, Creator: f.creator, ProposedBy: f.proposedBy, Created: f.created, Modified: f.modified}
	var comments, tags, rest []string
	var label, verdict, speaker, evidence *w3c.Body
	for i := range f.bodies {
		b := &f.bodies[i]
		switch b.Purpose {
		case w3c.PurposeClassifying:
			if l, ok := importLabel(b.Value); ok && label == nil {
				label, n.Label = b, l
			} else if b.Value != "" {
				tags = append(tags, b.Value)
			}
		case w3c.PurposeCommenting, "describing", "replying", "questioning", "":
			if b.Type == w3c.TypeTextualBody && strings.TrimSpace(b.Value) != "" {
				comments = append(comments, b.Value)
			} else if b.Source != "" {
				rest = append(rest, "link: "+b.Source)
			}
		case w3c.PurposeTagging:
			tags = append(tags, b.Value)
		case w3c.PurposeAssessing:
			verdict = b
		case w3c.PurposeIdentifying:
			speaker = b
		case w3c.PurposeLinking:
			evidence = b
		default:
			rest = append(rest, b.Purpose+": "+b.Value+b.Source)
		}
	}
	if label == nil {
		n.Label = annotate.Misc
		for i, t := range tags {
			if l, ok := importLabel(t); ok {
				n.Label = l
				tags = slices.Delete(slices.Clone(tags), i, i+1)
				break
			}
		}
	}
	var err error
	if n.Tags, err = annotate.CleanTags(tags); err != nil {
		return n, fmt.Errorf("/body (tagging): %w", err)
	}
	if verdict != nil {
		if v, err := annotate.ParseVerdict(strings.ToLower(strings.TrimSpace(verdict.Value))); err == nil && n.Label == annotate.Claim {
			n.Verdict = v
		} else {
			rest = append(rest, "assessing: "+verdict.Value)
		}
	}
	if speaker != nil {
		if n.Label == annotate.Claim && (annotate.CheckID(speaker.Source) == nil && speaker.Source != n.ID || speaker.Type == w3c.TypeTextualBody) {
			if speaker.Type == w3c.TypeSpecificResource {
				n.Speaker.AnnotationID = speaker.Source
			} else if n.Speaker.Name, err = annotate.CleanSpeakerName(speaker.Value); err != nil {
				return n, fmt.Errorf("/body (identifying): %w", err)
			}
		} else {
			rest = append(rest, "identifying: "+speaker.Value+speaker.Source)
		}
	}
	if evidence != nil {
		if ev, err := annotate.CleanEvidence(evidence.Source + evidence.Value); err == nil && n.Label == annotate.Claim {
			n.Evidence = ev
		} else {
			rest = append(rest, "linking: "+evidence.Source+evidence.Value)
		}
	}
	comment := strings.Join(comments, "\n\n")
	if len(rest) > 0 {
		if comment != "" {
			comment += "\n\n"
		}
		comment += strings.Join(rest, "\n")
	}
	if n.Comment, err = annotate.CleanComment(comment); err != nil {
		return n, fmt.Errorf("/body (commenting): %w", err)
	}
	return n, nil
}

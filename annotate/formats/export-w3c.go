package formats

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/google/uuid"

	"glossa/annotate"
	"glossa/annotate/library"
	"glossa/annotate/w3c"
)

// # The W3C export
//
// ExportW3C writes each article as one AnnotationCollection (Data Model
// §5.1) that embeds its one AnnotationPage as "first" (§5.2) with every
// note as an annotation, exactly as w3c.NoteAnnotation writes it, then
// every suggestion the reader rejected and every one they accepted, as
// w3c.DecisionAnnotation writes them (the mapping in annotate/w3c's
// documentation), each in document order. A bundle of one article is that
// collection alone; any other bundle is a JSON array of collections, one
// per article, in bundle order. A top-level array of node objects is valid
// JSON-LD (JSON-LD 1.1 §4.1), and each collection stays whole: its own
// "@context", its own text, checkable on its own against the W3C MUSTs,
// and a library splits or joins by splitting or joining the array. One
// collection with a page per article is not possible in one file: only
// "first" may be embedded, as the model makes "next" the IRI of the next
// page (the suite's 5.2-pageNextValidated), so later pages would have to be
// fetched.
//
// What rebuilds the article elsewhere rides on the collection as Glossa
// extension terms (Data Model §6), defined in an embedded context after
// the Web Annotation one, in GlossaNamespace:
//
//	"@context": ["http://www.w3.org/ns/anno.jsonld", {
//	  "@version": 1.1,
//	  "assessing": "oa:assessing",
//	  "glossa": "https://glossa.invalid/ns#",
//	  "proposedBy": {"@id": "glossa:proposedBy"},
//	  "article": {"@id": "glossa:article"},
//	  "articleTitle": {"@id": "glossa:articleTitle"},
//	  "articleSource": {"@id": "glossa:articleSource"},
//	  "articleAdded": {"@id": "glossa:articleAdded", "@type": "xsd:dateTime"},
//	  "articleText": {"@id": "glossa:articleText"},
//	  "articleReviewURL": {"@id": "glossa:articleReviewURL", "@type": "@id"},
//	  "orphans": {"@id": "glossa:orphans", "@type": "@json"},
//	  "learned": {"@id": "glossa:learned", "@type": "@json"}}],
//	"id": "urn:uuid:…", "type": "AnnotationCollection",
//	"label": title, "total": number of notes and decisions,
//	"article": {"id": Document.ID, "type": "glossa:Article",
//	  "articleTitle", "articleSource", "articleAdded", "articleText",
//	  "articleReviewURL"},
//	"orphans": [{"reason": "…", "annotation": {…as it was imported…}}],
//	"learned": [{"model": "adf56723082c5b30", "origin": "urn:uuid:…",
//	  "corrections": 37, "data": "R0xPU1NMUk4…"}],
//	"first": {"id": "urn:uuid:…", "type": "AnnotationPage", "startIndex": 0, "items": […]}
//
// A note made before the reader set a name (Unsigned) has as creator a
// Person without a name, not the placeholder "me"; importing it gives the
// placeholder back.
//
// The article's "id" is the "source" of every annotation's target, which
// ties them together. articleTitle is left out when the title is the
// text's default (library.DefaultTitle, its first line), articleSource and
// articleAdded when unknown, articleReviewURL (the page where the reader
// publishes their fact check of the article, ClaimReview's "url") when
// not set.
//
// "@type": "@json" is a JSON-LD 1.1 feature (JSON-LD 1.1 §4.2.2, JSON
// literals), so the embedded context declares "@version": 1.1: a JSON-LD
// 1.0 processor then stops with "processing mode conflict" at once instead
// of misreading the literals, and a 1.1 processor expands them as
// rdf:JSON. "assessing", the purpose of a verdict's body, is a motivation
// of the Web Annotation vocabulary (oa:assessing) that the W3C context
// (anno.jsonld) leaves undefined, so without the term a JSON-LD processor
// drops every verdict as a relative IRI. TestW3CJSONLDProcessor checks
// all this with jsonld.js.
// Orphans are a JSON literal ("@type": "@json"): they are not annotations
// of this text, so they stay out of "items" and out of "total", kept as
// they came. "learned" is what the entity model learned from the reader's
// corrections, the library's learned records (see library.Learned: the
// base model's ID, the origin, how many decisions it was learned from, and
// the learned weight changes as learn.Part encodes them, base64), also a
// JSON literal: it belongs to the library, not to an article, and rides on
// the first collection of an export of the whole library, in key order.
// An import keeps each as a part learned elsewhere (library.Learned's
// Imported), unless the library holds the same one, learned from as many
// decisions or more. The collection and page ids are name-based UUIDs (version 5)
// of the document ID, so the same article exports the same ids. Output is
// indented JSON, deterministic, and ends with a newline.

// glossaNS is the namespace of Glossa's name-based UUIDs, made on first
// use (not as the page starts, which only exports on demand).
var glossaNS = sync.OnceValue(func() uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceURL, []byte(w3c.GlossaNamespace)) })

// nameID returns the urn:uuid named by the parts, a version 5 UUID.
func nameID(parts ...string) string {
	var b bytes.Buffer
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(0)
		}
		b.WriteString(p)
	}
	return uuid.NewSHA1(glossaNS(), b.Bytes()).URN()
}

// decisionID is the id of the annotation of a decision: a name-based UUID
// of its document, the decision and the suggestion's key, so the same
// decision exports the same id.
func decisionID(docID, decision string, k annotate.SuggestionKey) string {
	return nameID(docID, decision, strconv.Itoa(k.Span.Start), strconv.Itoa(k.Span.End), string(k.Label))
}

// exportContext is the "@context" of an exported collection.
var exportContext = []any{w3c.AnnoContext, struct {
	Version       float64           `json:"@version"`
	Assessing     string            `json:"assessing"`
	Glossa        string            `json:"glossa"`
	ProposedBy    map[string]string `json:"proposedBy"`
	Article       map[string]string `json:"article"`
	ArticleTitle  map[string]string `json:"articleTitle"`
	ArticleSource map[string]string `json:"articleSource"`
	ArticleAdded  map[string]string `json:"articleAdded"`
	ArticleText   map[string]string `json:"articleText"`
	ReviewURL     map[string]string `json:"articleReviewURL"`
	Orphans       map[string]string `json:"orphans"`
	Learned       map[string]string `json:"learned"`
}{
	Version:       1.1,
	Assessing:     "oa:assessing",
	Glossa:        w3c.GlossaNamespace,
	ProposedBy:    map[string]string{"@id": "glossa:proposedBy"},
	Article:       map[string]string{"@id": "glossa:article"},
	ArticleTitle:  map[string]string{"@id": "glossa:articleTitle"},
	ArticleSource: map[string]string{"@id": "glossa:articleSource"},
	ArticleAdded:  map[string]string{"@id": "glossa:articleAdded", "@type": "xsd:dateTime"},
	ArticleText:   map[string]string{"@id": "glossa:articleText"},
	ReviewURL:     map[string]string{"@id": "glossa:articleReviewURL", "@type": "@id"},
	Orphans:       map[string]string{"@id": "glossa:orphans", "@type": "@json"},
	Learned:       map[string]string{"@id": "glossa:learned", "@type": "@json"},
}}

// ArticleType is the "type" of the article description in an export.
const ArticleType = "glossa:Article"

// w3cCollection is an exported article.
type w3cCollection struct {
	Context any          `json:"@context"`
	ID      string       `json:"id"`
	Type    string       `json:"type"`
	Label   string       `json:"label,omitempty"`
	Total   int          `json:"total"`
	Article w3cArticle   `json:"article"`
	Orphans []w3cOrphan  `json:"orphans,omitempty"`
	Learned []w3cLearned `json:"learned,omitempty"`
	First   w3c.Page     `json:"first"`
}

// w3cLearned is a learned record of an export.
type w3cLearned struct {
	Model       string `json:"model"`
	Origin      string `json:"origin"`
	Corrections int    `json:"corrections"`
	Data        []byte `json:"data"` // base64
}

// w3cArticle is the article description of an exported collection.
type w3cArticle struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Title  string `json:"articleTitle,omitempty"`
	Source string `json:"articleSource,omitempty"`
	Added  string `json:"articleAdded,omitempty"`
	Text   string `json:"articleText"`
	Review string `json:"articleReviewURL,omitempty"`
}

// w3cOrphan is an exported orphan.
type w3cOrphan struct {
	Reason     string          `json:"reason"`
	Annotation json.RawMessage `json:"annotation"`
}

func articleCollection(a article) w3cCollection {
	items := make([]w3c.Annotation, 0, len(a.Notes)+len(a.Rejected)+len(a.Accepted))
	for _, n := range a.Notes {
		item := w3c.NoteAnnotation(n, a.doc)
		if Unsigned(n.Creator) { // a Person, not named "me"
			item.Creator = &annotate.Agent{Type: "Person"}
		}
		items = append(items, item)
	}
	for _, set := range []struct {
		decision string
		keys     []annotate.SuggestionKey
	}{{w3c.Rejected, a.Rejected}, {w3c.Accepted, a.Accepted}} {
		for _, k := range set.keys {
			items = append(items, w3c.DecisionAnnotation(a.doc, k, set.decision, decisionID(a.doc.ID, set.decision, k)))
		}
	}
	c := w3cCollection{
		Context: exportContext,
		ID:      nameID(a.doc.ID, "collection"),
		Type:    "AnnotationCollection",
		Label:   a.title,
		Total:   len(items),
		Article: w3cArticle{ID: a.doc.ID, Type: ArticleType, Source: a.Meta.Source, Text: a.Text, Review: a.Meta.ReviewURL},
		First:   w3c.Page{ID: nameID(a.doc.ID, "page", "1"), Type: "AnnotationPage", StartIndex: 0, Items: items},
	}
	if a.title != library.DefaultTitle(a.Text) {
		c.Article.Title = a.title
	}
	if !a.Meta.Added.IsZero() {
		c.Article.Added = w3c.Timestamp(a.Meta.Added)
	}
	for _, o := range a.Orphans {
		c.Orphans = append(c.Orphans, w3cOrphan{Reason: o.Reason, Annotation: orphanJSON(o)})
	}
	return c
}

// orphanJSON returns the JSON an orphan is exported as: Raw when it is a
// JSON object, else its Annotation.
func orphanJSON(o library.Orphan) json.RawMessage {
	raw := bytes.TrimSpace(o.Raw)
	if len(raw) > 0 && raw[0] == '{' && json.Valid(raw) {
		return raw
	}
	data, err := json.Marshal(o.Annotation)
	if err != nil {
		return json.RawMessage("{}")
	}
	return data
}

// ExportW3C writes the bundle as W3C Web Annotation JSON-LD, media type
// MediaType: one AnnotationCollection for a bundle of one article, else a
// JSON array of them (see "The W3C export" in the source for the shape and
// why), with what the entity model learned on the first collection. Every
// document needs its text. Import reads it back exactly.
func ExportW3C(b Bundle, w io.Writer) error {
	arts, err := articles(b, "w3c")
	if err != nil {
		return err
	}
	colls := make([]w3cCollection, len(arts))
	for i, a := range arts {
		colls[i] = articleCollection(a)
	}
	if len(colls) > 0 {
		learned := slices.Clone(b.Learned)
		slices.SortFunc(learned, func(a, b library.Learned) int { return strings.Compare(a.Key(), b.Key()) })
		for _, l := range learned {
			colls[0].Learned = append(colls[0].Learned, w3cLearned{Model: l.Model, Origin: l.Origin, Corrections: l.Corrections, Data: l.Data})
		}
	}
	var v any = colls
	if len(colls) == 1 {
		v = colls[0]
	}
	return encodeJSON(w, v, "  ")
}

// encodeJSON writes v as JSON, indented if indent is not empty, and a
// newline. It escapes <, > and & (as \u003c, \u003e and \u0026), and
// encoding/json always escapes U+2028 and U+2029, so every JSON export can
// be embedded in an HTML <script> element as it is (ClaimReview is meant
// for <script type="application/ld+json">): no text in it can end the
// element or a JavaScript string. The values decode the same.
func encodeJSON(w io.Writer, v any, indent string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	return enc.Encode(v)
}

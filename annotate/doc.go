// Package annotate is Glossa's pure core: documents and their offsets,
// named entities, the reader's annotations (notes) and the machine's
// suggestions, their undo history, and their W3C Web Annotation
// serialization. It imports the standard library, github.com/google/uuid
// and github.com/rivo/uniseg only: no go-app, no syscall/js.
//
// # Invariants
//
// Every offset is in Unicode code points of a Document's normalized Text
// (see NormalizeText); Text converts to bytes and UTF-16 at the edges.
// Spans are half-open, [Start, End). Workspace and History are immutable
// values: operations return new values and never modify their receivers,
// so old values stay valid (that is undo). Notes of a Workspace are in
// document order: by Start, then End descending, then ID. Times are UTC to
// the second.
//
// # W3C Web Annotation mapping
//
// A Note is saved and exported as one W3C Web Annotation (Data Model,
// https://www.w3.org/TR/annotation-model/); Note.Annotation writes it and
// NoteFromAnnotation reads it back, so local saving and export share one
// code path. Reading accepts what writing produces, and refuses what the
// workspace operations would refuse.
//
//	Note field   W3C Web Annotation
//	ID           "id": "urn:uuid:…" (a time-ordered UUID, version 7)
//	             "type": "Annotation", "motivation": "classifying"
//	Created      "created": "2026-11-27T12:00:00Z" (xsd:dateTime, UTC, Z)
//	Modified     "modified": same format
//	Creator      "creator": {"type": "Person", "name": "me"} (see Reader)
//	Span         "target": {"source": Document.ID, "selector": [
//	               {"type": "TextQuoteSelector", "exact", "prefix", "suffix"},
//	               {"type": "TextPositionSelector", "start", "end"}]}
//	             (code points; prefix and suffix hold up to 32 of them)
//	Label        {"type": "TextualBody", "value": "PERSON", "purpose": "classifying"}
//	Comment      {"type": "TextualBody", "value": "…", "purpose": "commenting",
//	              "format": "text/plain"} (none when empty)
//	Tags         one {"type": "TextualBody", "value": "…", "purpose": "tagging"} per tag
//	Verdict      {"type": "TextualBody", "value": "supported", "purpose": "assessing"}
//	             (none for Unverified; "unverified" is read as Unverified)
//	Speaker      a note: {"type": "SpecificResource", "source": "urn:uuid:…",
//	              "purpose": "identifying"}, the id of the speaker's annotation;
//	             a typed name: {"type": "TextualBody", "value": "…", "purpose": "identifying"}
//	Evidence     {"type": "SpecificResource", "source": "https://…", "purpose": "linking"}
//	ProposedBy   "proposedBy": {"type": "Software", "name": "…"}, Glossa's extension
//
// Bodies come in that order: label, comment, tags, verdict, speaker,
// evidence; readers must not depend on it. The evidence is a
// SpecificResource and not a bare External Web Resource {"id": url,
// "purpose": "linking"} because Data Model §3.3.5 forbids a purpose on an
// External Web Resource (the W3C test suite's 3.3.5-bodyEWRNoPurpose
// assertion); a SpecificResource whose source is the page is how the model
// gives a resource a purpose.
//
// ProposedBy, the machine whose suggestion the reader accepted, has no
// term in the Web Annotation vocabulary: "creator" is the reader, who made
// the annotation, and "generator" is the software that wrote the
// serialization. It is an extension (Data Model §6): an annotation with it
// has an array "@context" of the Web Annotation context and an embedded
// context mapping the term into GlossaNamespace:
//
//	"@context": ["http://www.w3.org/ns/anno.jsonld",
//	  {"glossa": "https://glossa.invalid/ns#", "proposedBy": {"@id": "glossa:proposedBy"}}]
//
// The namespace is under .invalid, which RFC 6761 reserves never to
// resolve, so no consumer ever requests it; a consumer that does not know
// the term ignores it, and the annotation stays valid (the W3C test suite
// accepts an array "@context" holding the Web Annotation context).
// Annotations without ProposedBy keep the plain string "@context".
//
// Machine suggestions (SuggestionAnnotation, EntityCollection) are
// annotations with a Software creator and the label as their one
// classifying body. Claim suggestions (package annotate/claims) add the
// claim's speaker after the label, as a claim note's Speaker above: a link
// to the speaker's entity suggestion in the same collection, or the name.
package annotate

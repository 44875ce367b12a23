// Package w3c maps Glossa's annotations to the W3C Web Annotation Data
// Model (https://www.w3.org/TR/annotation-model/) and back: the
// Annotation, its bodies, its TextTarget and selectors, its @context,
// AnnotationCollection and AnnotationPage, a Note as an annotation and an
// annotation as a Note, and machine suggestions as annotations. The
// library stores notes in this form and the W3C export writes it, so the
// two share one code path. It builds on annotate and the standard library.
//
// # Invariants
//
// What NoteAnnotation writes passes the MUST assertions of the W3C test
// suite (annotate/w3ctest) and reads back with NoteFromAnnotation as the
// very same note; NoteFromAnnotation refuses what the workspace operations
// would refuse (it checks every field with annotate's Check and Clean
// functions) and errors name the field, wrapping annotate's sentinels.
// Offsets in selectors are code points of the document's normalized text.
// Times are xsd:dateTime in UTC with Z, to the second.
//
// # W3C Web Annotation mapping
//
// A Note is saved and exported as one W3C Web Annotation (Data Model,
// https://www.w3.org/TR/annotation-model/); NoteAnnotation writes it and
// NoteFromAnnotation reads it back, so local saving and export share one
// code path. Reading accepts what writing produces, and refuses what the
// workspace operations would refuse.
//
//	Note field   W3C Web Annotation
//	ID           "id": "urn:uuid:…" (a time-ordered UUID, version 7)
//	             "type": "Annotation", "motivation": "classifying"
//	Created      "created": "2026-11-27T12:00:00Z" (xsd:dateTime, UTC, Z)
//	Modified     "modified": same format
//	Creator      "creator": {"type": "Person", "name": "me"} (see annotate.Reader;
//	             a library export writes {"type": "Person"} for "me", a reader
//	             who set no name: see formats.Unsigned)
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
//
// # Decisions
//
// The reader's decision about a machine suggestion, rejected or accepted,
// is an annotation of its own (DecisionAnnotation writes it,
// DecisionFromAnnotation reads it), so that an export carries the
// decisions and an import into another library does not offer rejected
// suggestions again:
//
//	"@context": "http://www.w3.org/ns/anno.jsonld",
//	"id": "urn:uuid:…", "type": "Annotation",
//	"motivation": "moderating",
//	"body": [{"type": "TextualBody", "value": "PERSON", "purpose": "classifying"},
//	         {"type": "TextualBody", "value": "rejected", "purpose": "moderating"}],
//	"target": {"source": Document.ID, "selector": [TextQuoteSelector, TextPositionSelector]}
//
// The motivation "moderating" (Data Model §3.3.5: "to assess the
// appropriateness of the Target") says the annotation assesses a
// suggestion rather than labels the text: the classifying body names the
// label that was suggested, the moderating body the verdict, "rejected" or
// "accepted", and the target the suggested span, as for a note. Glossa
// does not record who decided or when, so there is no "creator" and no
// "created"; both are optional in the model. A decision uses only terms of
// the Web Annotation vocabulary, so it keeps the plain "@context", and it
// passes the W3C MUST assertions like every annotation Glossa writes.
package w3c

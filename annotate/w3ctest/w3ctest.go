// Package w3ctest checks JSON documents against the MUST assertions of the
// W3C Web Annotation test suite (github.com/w3c/web-annotation-tests),
// whose files are embedded from suite/ (an unchanged copy; see
// suite/PROVENANCE.md and suite/license.md). It is meant to be used from
// tests only.
//
// The suite's assertions are draft-04 JSON Schemas. Each one names its own
// id with the draft-04 "id" keyword and refers to the shared schemas in
// definitions/ by bare relative names such as "id.json#/definitions/...".
// To make those references resolve regardless of which sub-folder an
// assertion lives in, every definitions file and every assertion is
// registered under one flat virtual base URL; nothing is fetched from the
// network or loaded from outside the suite.
package w3ctest

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// suiteFiles holds the test suite: an unchanged copy of the W3C's files.
//
//go:embed suite
var suiteFiles embed.FS

// Files returns the test suite's files (definitions/, annotations/,
// collections/, tools/samples/), for tests that read its samples.
func Files() fs.FS {
	sub, err := fs.Sub(suiteFiles, "suite")
	if err != nil {
		panic(err) // the folder is embedded: it is there
	}
	return sub
}

// baseURL is the virtual location all suite schemas are registered under.
const baseURL = "https://w3c-web-annotation-tests.invalid/"

// The lists of MUST assertions, relative to the suite directory.
const (
	annotationMusts = "annotations/annotationMusts.test"
	collectionMusts = "collections/collectionMusts.test"
	pageMusts       = "collections/pages/pageMusts.test"
)

// Suite holds compiled MUST assertions.
type Suite struct {
	files      fs.FS
	annotation []assertion
	collection []assertion
	page       []assertion
}

// assertion is one compiled assertion schema of the suite.
type assertion struct {
	file        string // path relative to the suite directory
	message     string // the schema's errorMessage
	expectValid bool   // expectedResult is "valid"
	schema      *jsonschema.Schema
	// partOfObject: applies only when partOf is absent or an object.
	partOfObject bool
}

// partOfDescription lists the page MUSTs that validate a Collection
// description embedded in a page's partOf ("in description of Collection
// included using partOf key", their errorMessages say). Their schemas give
// partOf "type": "object", so every page whose partOf is an IRI string, as
// 5.2-pagePartOfValidated allows and the model's own Examples 42 and 43 do,
// would fail all seven. They are therefore applied only when partOf is
// absent or an object.
var partOfDescription = map[string]bool{
	"collections/pages/5.2-pageTotalValidated.json":      true,
	"collections/pages/5.2-pageLabelValidated.json":      true,
	"collections/pages/5.2-pageFirstValidated.json":      true,
	"collections/pages/5.2-pageLastValidated.json":       true,
	"collections/pages/3.3.1-pageCreatedValidated.json":  true,
	"collections/pages/3.3.1-pageModifiedValidated.json": true,
	"collections/pages/3.3.6-pageRightsValidated.json":   true,
}

// AssertionError reports one failed MUST assertion.
type AssertionError struct {
	// Where locates the checked object inside the document: "" for the
	// document itself, otherwise e.g. "first", "first.items[1]" or "items[0]".
	Where string
	// File is the assertion schema, relative to the suite directory.
	File string
	// Message is the assertion's errorMessage.
	Message string
	// Cause is the schema validation error, or nil when the assertion
	// expected the document to be invalid and it validated.
	Cause error
}

// Error names the location, the assertion file and its errorMessage.
func (e *AssertionError) Error() string {
	var b strings.Builder
	if e.Where != "" {
		b.WriteString(e.Where)
		b.WriteString(": ")
	}
	b.WriteString(e.File)
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

// Unwrap returns the underlying validation error, if any.
func (e *AssertionError) Unwrap() error { return e.Cause }

// Load finds the test-suite directory with Dir and compiles every MUST
// assertion for annotations, collections and pages.
func Load() (*Suite, error) {
	dir := Files()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	c.UseLoader(refuseLoader{})

	defs, err := fs.Glob(dir, "definitions/*.json")
	if err != nil {
		return nil, fmt.Errorf("w3ctest: %w", err)
	}
	if len(defs) == 0 {
		return nil, fmt.Errorf("w3ctest: no definitions/*.json in the embedded suite")
	}
	registered := map[string]string{} // base name -> suite-relative file
	for _, f := range defs {
		rel := f
		if _, err := addResource(c, dir, rel, registered); err != nil {
			return nil, err
		}
	}

	s := &Suite{files: dir}
	for _, l := range []struct {
		list string
		dst  *[]assertion
	}{
		{annotationMusts, &s.annotation},
		{collectionMusts, &s.collection},
		{pageMusts, &s.page},
	} {
		files, err := readList(dir, l.list)
		if err != nil {
			return nil, err
		}
		for _, rel := range files {
			a, err := compileAssertion(c, dir, rel, registered)
			if err != nil {
				return nil, err
			}
			*l.dst = append(*l.dst, a)
		}
	}
	return s, nil
}

// refuseLoader makes any reference outside the registered suite files an
// error instead of a file or network access.
type refuseLoader struct{}

func (refuseLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("w3ctest: schema %s is not part of the test suite", url)
}

// readList returns the assertion files named by a .test file.
func readList(dir fs.FS, list string) ([]string, error) {
	data, err := fs.ReadFile(dir, list)
	if err != nil {
		return nil, fmt.Errorf("w3ctest: %w", err)
	}
	var t struct {
		Assertions []string `json:"assertions"`
	}
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("w3ctest: %s: %w", list, err)
	}
	if len(t.Assertions) == 0 {
		return nil, fmt.Errorf("w3ctest: %s lists no assertions", list)
	}
	return t.Assertions, nil
}

// addResource registers the suite file rel under baseURL + its base name and
// returns the decoded document.
func addResource(c *jsonschema.Compiler, dir fs.FS, rel string, registered map[string]string) (any, error) {
	name := path.Base(rel)
	if prev, ok := registered[name]; ok {
		return nil, fmt.Errorf("w3ctest: %s and %s share the base name %s", prev, rel, name)
	}
	data, err := fs.ReadFile(dir, rel)
	if err != nil {
		return nil, fmt.Errorf("w3ctest: %w", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("w3ctest: %s: %w", rel, err)
	}
	if err := c.AddResource(baseURL+name, doc); err != nil {
		return nil, fmt.Errorf("w3ctest: %s: %w", rel, err)
	}
	registered[name] = rel
	return doc, nil
}

// compileAssertion registers and compiles one assertion schema.
func compileAssertion(c *jsonschema.Compiler, dir fs.FS, rel string, registered map[string]string) (assertion, error) {
	doc, err := addResource(c, dir, rel, registered)
	if err != nil {
		return assertion{}, err
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return assertion{}, fmt.Errorf("w3ctest: %s: assertion is not a JSON object", rel)
	}
	a := assertion{file: rel, expectValid: true, partOfObject: partOfDescription[rel]}
	a.message, _ = obj["errorMessage"].(string)
	if a.message == "" {
		return assertion{}, fmt.Errorf("w3ctest: %s: assertion has no errorMessage", rel)
	}
	switch r, _ := obj["expectedResult"].(string); r {
	case "valid", "": // missing means "valid" (every MUST in the suite says "valid")
	case "invalid":
		a.expectValid = false
	default:
		return assertion{}, fmt.Errorf("w3ctest: %s: unknown expectedResult %q", rel, r)
	}
	a.schema, err = c.Compile(baseURL + path.Base(rel))
	if err != nil {
		return assertion{}, fmt.Errorf("w3ctest: %s: %w", rel, err)
	}
	return a, nil
}

// CheckAnnotation returns one error per failed MUST assertion (nil if all
// pass) for a single annotation JSON document. Errors are *AssertionError
// unless doc is not valid JSON.
func (s *Suite) CheckAnnotation(doc []byte) []error {
	v, err := decode(doc)
	if err != nil {
		return []error{err}
	}
	return run(s.annotation, "", v)
}

// CheckCollection checks an AnnotationCollection JSON document with the
// collection MUSTs. If it embeds its first page as an object, that page is
// checked with the page MUSTs as in CheckPage (location "first") and every
// object in the page's items with the annotation MUSTs (location
// "first.items[i]"); items given as IRI strings are only checked by the page
// MUSTs.
//
// Embedded objects inherit the enclosing "@context", as in JSON-LD: the
// page and annotation MUSTs require "@context", which embedded objects
// normally omit, so an embedded object without its own "@context" is checked
// as if it carried the nearest enclosing one.
func (s *Suite) CheckCollection(doc []byte) []error {
	v, err := decode(doc)
	if err != nil {
		return []error{err}
	}
	errs := run(s.collection, "", v)
	if coll, ok := v.(map[string]any); ok {
		if first, ok := coll["first"].(map[string]any); ok {
			errs = append(errs, s.checkPage("first", inherit(first, coll["@context"]))...)
		}
	}
	return errs
}

// CheckPage checks a standalone AnnotationPage JSON document with the page
// MUSTs and every object in its items with the annotation MUSTs (location
// "items[i]"), inheriting "@context" as described for CheckCollection.
//
// Seven page MUSTs that validate a Collection description given as partOf
// are skipped when partOf is an IRI rather than an object; see the
// partOfDescription list in the source for why.
func (s *Suite) CheckPage(doc []byte) []error {
	v, err := decode(doc)
	if err != nil {
		return []error{err}
	}
	return s.checkPage("", v)
}

func (s *Suite) checkPage(where string, page any) []error {
	errs := run(s.page, where, page)
	obj, ok := page.(map[string]any)
	if !ok {
		return errs
	}
	items, _ := obj["items"].([]any)
	prefix := "items"
	if where != "" {
		prefix = where + ".items"
	}
	for i, it := range items {
		if item, ok := it.(map[string]any); ok {
			errs = append(errs, run(s.annotation, fmt.Sprintf("%s[%d]", prefix, i), inherit(item, obj["@context"]))...)
		}
	}
	return errs
}

// inherit returns obj with "@context" set to ctx if obj has none, without
// modifying obj.
func inherit(obj map[string]any, ctx any) map[string]any {
	if _, ok := obj["@context"]; ok || ctx == nil {
		return obj
	}
	cp := maps.Clone(obj)
	cp["@context"] = ctx
	return cp
}

// run checks v against every assertion and returns the failures.
func run(as []assertion, where string, v any) []error {
	var errs []error
	for _, a := range as {
		if a.partOfObject && !partOfIsObject(v) {
			continue
		}
		err := a.schema.Validate(v)
		if (err == nil) == a.expectValid {
			continue
		}
		errs = append(errs, &AssertionError{Where: where, File: a.file, Message: a.message, Cause: err})
	}
	return errs
}

// partOfIsObject reports whether v has no partOf or an object as partOf;
// it also reports true when v is not an object, so that the assertion
// itself rejects it.
func partOfIsObject(v any) bool {
	obj, ok := v.(map[string]any)
	if !ok {
		return true
	}
	p, ok := obj["partOf"]
	if !ok {
		return true
	}
	_, ok = p.(map[string]any)
	return ok
}

func decode(doc []byte) (any, error) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return nil, fmt.Errorf("w3ctest: document is not valid JSON: %w", err)
	}
	return v, nil
}

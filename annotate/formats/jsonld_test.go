// The JSON-LD check runs jsonld.js under node as a program of its own,
// which a test compiled to WebAssembly (itself run by node) cannot start:
// it runs natively, in make unit.

//go:build !js

package formats_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"glossa/annotate/formats"
)

// runJSONLD runs jsonld.js (testdata/jsonld, see PROVENANCE.md there)
// under node on data through testdata/jsonld/check.js, with args, and
// returns what it printed. node is needed: `make node` installs it.
func runJSONLD(t *testing.T, data []byte, args ...string) map[string]any {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is needed to run jsonld.js (make node installs it): %v", err)
	}
	file := filepath.Join(t.TempDir(), "export.jsonld")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{filepath.Join("testdata", "jsonld", "check.js"), file}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("jsonld.js: %v: %s", err, stderr.Bytes())
	}
	var v map[string]any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("jsonld.js printed %q: %v", out, err)
	}
	return v
}

// TestW3CJSONLDProcessor: a real JSON-LD 1.1 processor (jsonld.js, offline,
// the Web Annotation context from a local copy) expands the W3C export of
// an article and of the library and turns them into RDF in safe mode,
// which fails on anything it would drop (an undefined term, a relative
// IRI such as an undefined "assessing"); the orphans and what the model
// learned come out as rdf:JSON literals. A JSON-LD 1.0 processor refuses
// the files at once for their declared "@version": 1.1 ("processing mode
// conflict"), not later on the 1.1 feature "@json" it could not read
// ("invalid type mapping", what it says without the declaration).
func TestW3CJSONLDProcessor(t *testing.T) {
	b := sampleBundle(t)
	article := b
	article.Learned = nil
	for _, c := range []struct {
		name     string
		b        formats.Bundle
		literals float64
	}{
		{"article", article, 1},           // its orphans
		{"library", twoArticles(t, b), 2}, // orphans and learned
	} {
		t.Run(c.name, func(t *testing.T) {
			data := exportBytes(t, formats.FormatW3C, c.b)
			got := runJSONLD(t, data)
			if q, _ := got["quads"].(float64); q < 100 || got["jsonLiterals"] != c.literals {
				t.Errorf("toRDF gave %v; want over 100 quads and %v JSON literals", got, c.literals)
			}
			if got := runJSONLD(t, data, "1.0"); got["error"] != "processing mode conflict" {
				t.Errorf("a JSON-LD 1.0 processor says %v, want a processing mode conflict", got)
			}
		})
	}
}

// twoArticles is b with a second article: a library export, an array of
// collections.
func twoArticles(t *testing.T, b formats.Bundle) formats.Bundle {
	t.Helper()
	other := oneArticle("Ann Lee met Bob.", nil, "https://factcheck.example/r2")
	b.Docs = append(b.Docs, other.Docs...)
	return b
}

package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSiteWithTagger serves the named tagger in the site's tagger's
// place, without its compressed copies, leaves the rest as it was, and
// refuses a tagger without function names.
func TestSiteWithTagger(t *testing.T) {
	site := t.TempDir()
	files := map[string]string{
		"index.html":                       "<!DOCTYPE html>",
		"web/tagger.0123456789.wasm":       "stripped",
		"web/tagger.0123456789.wasm.br":    "stripped, compressed",
		"web/tagger-prose.abcdef0123.wasm": "prose's",
	}
	for name, content := range files {
		file := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	header := "\x00asm\x01\x00\x00\x00"
	named := header + "\x00\x07\x04name\x01\x00"
	tagger := filepath.Join(t.TempDir(), "tagger.wasm")
	if err := os.WriteFile(tagger, []byte(named), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := siteWithTagger(site, tagger, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"index.html":                       "<!DOCTYPE html>",
		"web/tagger.0123456789.wasm":       named,
		"web/tagger-prose.abcdef0123.wasm": "prose's",
	}
	for name, content := range want {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || string(got) != content {
			t.Errorf("%s: got %q (%v), want %q", name, got, err, content)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "web", "tagger.0123456789.wasm.br")); err == nil {
		t.Error("the stripped tagger's compressed copy is still served")
	}
	if err := os.WriteFile(tagger, []byte(header), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := siteWithTagger(site, tagger, t.TempDir()); err == nil {
		t.Error("a tagger without function names was taken")
	}
}

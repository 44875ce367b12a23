package main

import (
	"testing"

	"glossa/annotate"
)

// Two documents made apart from one text are the same article, and the
// page keeps the one it shows; a different title or tagging is not.
func TestSameDocument(t *testing.T) {
	text, err := sampleText()
	if err != nil {
		t.Fatal(err)
	}
	shown, opened := sampleDocument(), annotate.NewDocument(text)
	if shown == opened || !sameDocument(shown, opened) {
		t.Fatalf("the sample made twice: want two documents alike")
	}
	retitled := *opened
	retitled.Title = "Another title"
	tagged := *opened
	tagged.Entities = []annotate.Entity{{Span: annotate.Span{Start: 0, End: 3}, Label: "ORG", Text: "abc"}}
	other := annotate.NewDocument(text + "\n\nOne more paragraph.")
	for name, d := range map[string]*annotate.Document{"retitled": &retitled, "tagged": &tagged, "another text": other, "none": nil} {
		if sameDocument(shown, d) {
			t.Errorf("%s: sameDocument says the sample", name)
		}
	}
	if sameDocument(nil, nil) {
		t.Error("two nil documents are not an article")
	}
}

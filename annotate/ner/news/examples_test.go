package news_test

import (
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/ner/news"
)

func TestFromText(t *testing.T) {
	text := "Headline About \U0001F600 Paris\n\nAnna Novak\u2019s firm, Acme Corp., moved to Oslo. It grew.\n"
	tt := annotate.NewText(text)
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		return tt.BytePoint(i), tt.BytePoint(i + len(s))
	}
	var ents []news.Labeled
	for _, e := range []struct{ text, label string }{{"Paris", "GPE"}, {"Anna Novak", "PERSON"}, {"Acme Corp.", "ORG"}, {"Osl", "GPE"}} {
		s, e2 := at(e.text)
		ents = append(ents, news.Labeled{Start: s, End: e2, Label: e.label})
	}
	doc := news.FromText(text, ents)
	if len(doc) != 3 {
		t.Fatalf("%d sentences, want 3", len(doc))
	}
	var got []string
	for _, s := range doc {
		for _, m := range s.Entities {
			got = append(got, m.Type+" "+strings.Join(s.Words[m.Start:m.End], " "))
		}
	}
	if strings.Join(got, "; ") != "GPE Paris; PERSON Anna Novak; ORG Acme Corp." {
		t.Errorf("entities %q", got)
	}
	// "Osl" ends inside a token: unsure, not learned either way.
	s := doc[1]
	for i, w := range s.Words {
		if w == "Oslo" && (s.Unsure == nil || !s.Unsure[i]) {
			t.Error("the token under a span that ends inside it is not marked unsure")
		}
	}
}

func TestFromNotesSkipsClaims(t *testing.T) {
	text := "Anna Novak said taxes will fall."
	doc := news.FromNotes(text, []annotate.Note{
		{Span: annotate.Span{Start: 0, End: 10}, Label: annotate.Person},
		{Span: annotate.Span{Start: 0, End: 31}, Label: annotate.Claim},
	})
	if len(doc) != 1 || len(doc[0].Entities) != 1 || doc[0].Entities[0].Type != "PERSON" {
		t.Errorf("got %+v", doc)
	}
}

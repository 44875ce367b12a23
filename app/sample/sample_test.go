package sample

import (
	"testing"

	"glossa/annotate"
)

func TestArticleIsNormalized(t *testing.T) {
	// Article is documented as UTF-8 with LF line ends: NormalizeText must
	// leave it as it is, or the gold offsets would count a different text.
	norm, err := annotate.NormalizeText([]byte(Article))
	if err != nil {
		t.Fatal(err)
	}
	if norm != Article {
		t.Error("NormalizeText changes the sample article")
	}
}

func TestLoadGold(t *testing.T) {
	g, err := LoadGold()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entities) != 71 || len(g.Claims) != 10 {
		t.Fatalf("%d entities and %d claims, want 71 and 10", len(g.Entities), len(g.Claims))
	}
	text := annotate.NewText(Article)
	for i, e := range g.Entities {
		if err := text.CheckSpan(e.Start, e.End); err != nil {
			t.Errorf("entity %d %q: %v", i, e.Text, err)
			continue
		}
		if got := text.Slice(e.Start, e.End); got != e.Text {
			t.Errorf("entity %d: text %q, the article has %q at [%d, %d)", i, e.Text, got, e.Start, e.End)
		}
		if !annotate.Label(e.Label).Valid() {
			t.Errorf("entity %d %q: label %q is not one of Glossa's", i, e.Text, e.Label)
		}
	}
	for i, c := range g.Claims {
		if got := text.Slice(c.Start, c.End); got != c.Text || text.CheckSpan(c.Start, c.End) != nil {
			t.Errorf("claim %d: text %q, the article has %q at [%d, %d)", i, c.Text, got, c.Start, c.End)
		}
		sp := c.Speaker
		if got := text.Slice(sp.Start, sp.End); got != sp.Text || sp.Text == "" || text.CheckSpan(sp.Start, sp.End) != nil {
			t.Errorf("claim %d: speaker %q, the article has %q at [%d, %d)", i, sp.Text, got, sp.Start, sp.End)
		}
	}
}

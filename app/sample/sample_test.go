package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"glossa/annotate"
)

// sharedCorpus locates shared/corpus: $GLOSSA_SHARED/corpus if GLOSSA_SHARED
// is set and not empty, otherwise the first shared/corpus found in the
// working directory or one of its ancestors (so both a shared/ folder
// inside the repository and one beside the clone, as in CI, are found). It
// fails the test, never skips it, when there is none: the embedded copies
// must be checked.
func sharedCorpus(t *testing.T) string {
	t.Helper()
	if shared := os.Getenv("GLOSSA_SHARED"); shared != "" {
		dir := filepath.Join(shared, "corpus")
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			t.Fatalf("GLOSSA_SHARED is set but %s is not a directory", dir)
		}
		return dir
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var tried []string
	for d := wd; ; {
		cand := filepath.Join(d, "shared", "corpus")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		tried = append(tried, cand)
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	t.Fatalf("shared/corpus not found: set GLOSSA_SHARED to the shared folder; none of these exist: %s", strings.Join(tried, ", "))
	return ""
}

func TestEmbeddedCopiesMatchShared(t *testing.T) {
	dir := sharedCorpus(t)
	for name, embedded := range map[string][]byte{
		"kaspersky-uk-warning.txt":       []byte(Article),
		"kaspersky-uk-warning.gold.json": goldJSON,
	} {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(embedded, want) {
			t.Errorf("the embedded %s (%d bytes) differs from %s (%d bytes); copy it over",
				name, len(embedded), filepath.Join(dir, name), len(want))
		}
	}
}

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
	unnamed := 0
	for i, c := range g.Claims {
		if got := text.Slice(c.Start, c.End); got != c.Text || text.CheckSpan(c.Start, c.End) != nil {
			t.Errorf("claim %d: text %q, the article has %q at [%d, %d)", i, c.Text, got, c.Start, c.End)
		}
		sp := c.Speaker
		if sp.Start == -1 {
			// The one claim with an unnamed speaker (number 7, "news
			// reports have linked ...") has speaker start -1 but end 11,
			// not -1, with an empty text: [-1, 11) is no span at all, and
			// Slice would clamp it to the headline's first 11 code points.
			// Pin what the file says so a change to it is seen.
			unnamed++
			if i != 7 || sp.End != 11 || sp.Text != "" {
				t.Errorf("claim %d: unnamed speaker %+v, want claim 7 with end 11 and no text", i, sp)
			}
			continue
		}
		if got := text.Slice(sp.Start, sp.End); got != sp.Text || text.CheckSpan(sp.Start, sp.End) != nil {
			t.Errorf("claim %d: speaker %q, the article has %q at [%d, %d)", i, sp.Text, got, sp.Start, sp.End)
		}
	}
	if unnamed != 1 {
		t.Errorf("%d claims with an unnamed speaker, want 1", unnamed)
	}
}

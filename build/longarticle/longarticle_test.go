package longarticle

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	text := Text(Words)
	if n := len(strings.Fields(text)); n < Words || n > Words+200 {
		t.Errorf("the long article has %d words, want %d to %d", n, Words, Words+200)
	}
	if first, _, _ := strings.Cut(text, "\n"); first != Title {
		t.Errorf("its first line is %q, want the title %q", first, Title)
	}
	if Text(Words) != text {
		t.Error("two calls give different texts: the benchmark's runs would not tag the same article")
	}
	for _, want := range []string{"said", "According to", "“"} {
		if !strings.Contains(text, want) {
			t.Errorf("the article has no %q: the claim rules would have nothing to find", want)
		}
	}
}

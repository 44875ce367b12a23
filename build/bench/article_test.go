package main

import (
	"strings"
	"testing"
)

func TestLongArticle(t *testing.T) {
	text := longArticle(longArticleWords)
	if n := len(strings.Fields(text)); n < longArticleWords || n > longArticleWords+200 {
		t.Errorf("the long article has %d words, want %d to %d", n, longArticleWords, longArticleWords+200)
	}
	if first, _, _ := strings.Cut(text, "\n"); first != longArticleTitle {
		t.Errorf("its first line is %q, want the title %q", first, longArticleTitle)
	}
	if longArticle(longArticleWords) != text {
		t.Error("two calls give different texts: the benchmark's runs would not tag the same article")
	}
	for _, want := range []string{"said", "According to", "“"} {
		if !strings.Contains(text, want) {
			t.Errorf("the article has no %q: the claim rules would have nothing to find", want)
		}
	}
}

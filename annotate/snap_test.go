package annotate_test

import (
	"strings"
	"testing"

	"glossa/annotate"
)

// marked splits a test string with the selection marked by ⟦ and ⟧ into the
// text and the span, in code points.
func marked(t *testing.T, s string) (string, annotate.Span) {
	t.Helper()
	i, j := strings.Index(s, "⟦"), strings.Index(s, "⟧")
	if i < 0 || j < i {
		t.Fatalf("%q: want ⟦ then ⟧", s)
	}
	text := s[:i] + s[i+len("⟦"):j] + s[j+len("⟧"):]
	start := annotate.NewText(s[:i]).Len()
	return text, annotate.Span{Start: start, End: start + annotate.NewText(s[i+len("⟦"):j]).Len()}
}

type snapCase struct {
	name string
	in   string // the text with the selection marked
	want string // the text with the snapped selection marked
}

func runSnap(t *testing.T, snap func(*annotate.Text, annotate.Span) annotate.Span, cases []snapCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, in := marked(t, c.in)
			text2, want := marked(t, c.want)
			if text != text2 {
				t.Fatalf("case texts differ: %q and %q", text, text2)
			}
			tx := annotate.NewText(text)
			got := snap(tx, in)
			if got != want {
				t.Errorf("snap %v = %v %q, want %v %q", in, got, tx.Slice(got.Start, got.End), want, tx.Slice(want.Start, want.End))
			}
			if again := snap(tx, got); again != got {
				t.Errorf("snapping again moves %v to %v", got, again)
			}
		})
	}
}

func TestSnapToWords(t *testing.T) {
	runSnap(t, annotate.SnapToWords, []snapCase{
		{"mid-word both ends", "The qu⟦ick bro⟧wn fox", "The ⟦quick brown⟧ fox"},
		{"mid-word one word", "The q⟦uic⟧k fox", "The ⟦quick⟧ fox"},
		{"leading and trailing spaces", "The⟦ quick ⟧brown", "The ⟦quick⟧ brown"},
		{"on boundaries", "The ⟦quick brown⟧ fox", "The ⟦quick brown⟧ fox"},
		{"whole text", "⟦The quick⟧", "⟦The quick⟧"},
		{"empty", "The qu⟦⟧ick", "The qu⟦⟧ick"},
		{"empty inside an emoji", "Hi 👋⟦⟧🏽", "Hi ⟦⟧👋🏽"},
		{"trailing comma and full stop", "on Dec 0⟦3, 2017.⟧ Then", "on Dec ⟦03, 2017⟧. Then"},
		{"date keeps its comma", "on ⟦Dec 03, 2017⟧.", "on ⟦Dec 03, 2017⟧."},
		{"curly quotes in pairs stay", "said ⟦“the plan works.”⟧ Then", "said ⟦“the plan works.”⟧ Then"},
		{"lone curly quote goes", "said “the pl⟦an works.”⟧ Then", "said “the ⟦plan works⟧.” Then"},
		{"opening curly quote alone goes", "said ⟦“the⟧ plan", "said “⟦the⟧ plan"},
		{"apostrophe inside a word", "the minister’⟦s plan⟧", "the ⟦minister’s plan⟧"},
		{"possessive left out", "over ⟦Russia⟧'s cyber", "over ⟦Russia⟧'s cyber"},
		{"curly possessive left out", "not use Kaspe⟦rsky⟧’s products", "not use ⟦Kaspersky⟧’s products"},
		{"contraction left out", "they do⟦n⟧’t care", "they ⟦don⟧’t care"},
		{"possessive taken when selected", "over ⟦Russia'⟧s cyber", "over ⟦Russia's⟧ cyber"},
		{"brackets in pairs stay", "⟦Kaspersky Lab (Russia)⟧ said", "⟦Kaspersky Lab (Russia)⟧ said"},
		{"lone closing bracket goes", "Kaspersky Lab (Russ⟦ia)⟧ said", "Kaspersky Lab (⟦Russia⟧) said"},
		{"percent stays", "rose ⟦5%⟧ today", "rose ⟦5%⟧ today"},
		{"dollar stays", "cost ⟦$5⟧ now", "cost ⟦$5⟧ now"},
		{"decimal number", "cost 3.1⟦4⟧ now", "cost ⟦3.14⟧ now"},
		{"emoji with skin tone", "Hi 👋⟦🏽⟧ there", "Hi ⟦👋🏽⟧ there"},
		{"ZWJ family", "a 👨‍👩‍⟦👧⟧ b", "a ⟦👨‍👩‍👧⟧ b"},
		{"flag", "in 🇬⟦🇧⟧ now", "in ⟦🇬🇧⟧ now"},
		{"combining mark", "caf⟦e⟧\u0301 au lait", "⟦cafe\u0301⟧ au lait"},
		{"combining mark alone", "cafe⟦\u0301⟧ au", "⟦cafe\u0301⟧ au"},
		{"cjk: one ideograph a word (UAX #29 has no dictionary)", "東京⟦都⟧に", "東京⟦都⟧に"},
		{"across paragraphs", "fir⟦st.\n\nsec⟧ond", "⟦first.\n\nsecond⟧"},
		{"second paragraph", "first.\n\nTheres⟦a M⟧ay said", "first.\n\n⟦Theresa May⟧ said"},
		{"only a dash", "a ⟦—⟧ b", "a ⟦—⟧ b"},
		{"only spaces", "a⟦  ⟧b", "a⟦  ⟧b"},
		{"part of spaces", "a ⟦ ⟧ b", "a⟦   ⟧b"},
	})
}

func TestSnapToGraphemes(t *testing.T) {
	runSnap(t, annotate.SnapToGraphemes, []snapCase{
		{"mid-word stays", "The qu⟦ick bro⟧wn fox", "The qu⟦ick bro⟧wn fox"},
		{"spaces stay", "a⟦ b ⟧c", "a⟦ b ⟧c"},
		{"on boundaries", "⟦abc⟧", "⟦abc⟧"},
		{"empty", "ab⟦⟧c", "ab⟦⟧c"},
		{"empty inside an emoji", "Hi 👋⟦⟧🏽", "Hi ⟦⟧👋🏽"},
		{"skin tone alone", "Hi 👋⟦🏽⟧ there", "Hi ⟦👋🏽⟧ there"},
		{"emoji without its tone", "Hi ⟦👋⟧🏽 there", "Hi ⟦👋🏽⟧ there"},
		{"ZWJ family start", "a 👨‍⟦👩‍👧 b⟧", "a ⟦👨‍👩‍👧 b⟧"},
		{"ZWJ family end", "⟦a 👨‍👩⟧‍👧 b", "⟦a 👨‍👩‍👧⟧ b"},
		{"flag half", "🇬⟦🇧 x⟧", "⟦🇬🇧 x⟧"},
		{"two flags", "🇬🇧⟦🇫⟧🇷", "🇬🇧⟦🇫🇷⟧"},
		{"combining mark", "caf⟦e⟧\u0301", "caf⟦e\u0301⟧"},
		{"combining mark alone", "cafe⟦\u0301⟧", "caf⟦e\u0301⟧"},
		{"curly quotes", "⟦“a”⟧", "⟦“a”⟧"},
		{"after a line feed", "a\n⟦\u0301b⟧", "a\n⟦\u0301b⟧"},
	})
}

// TestSnapOutOfRange clamps and orders spans.
func TestSnapOutOfRange(t *testing.T) {
	tx := annotate.NewText("The quick fox")
	for _, c := range []struct {
		name string
		in   annotate.Span
		want annotate.Span
	}{
		{"reversed", annotate.Span{Start: 6, End: 2}, annotate.Span{Start: 0, End: 9}},
		{"past the end", annotate.Span{Start: 11, End: 99}, annotate.Span{Start: 10, End: 13}},
		{"negative", annotate.Span{Start: -5, End: 2}, annotate.Span{Start: 0, End: 3}},
		{"empty text", annotate.Span{Start: 0, End: 3}, annotate.Span{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tx := tx
			if c.name == "empty text" {
				tx = annotate.NewText("")
			}
			if got := annotate.SnapToWords(tx, c.in); got != c.want {
				t.Errorf("SnapToWords(%v) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}

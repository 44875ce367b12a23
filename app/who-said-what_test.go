package main

import (
	"testing"
	"time"

	"glossa/annotate"
)

func TestWhoSaidWhat(t *testing.T) {
	d := annotate.NewDocument("Ann Lee said taxes will fall. Bo Park said prices rise. Ann Lee added that jobs grow. It was reported that rain comes.")
	span := func(s string, nth int) annotate.Span {
		text := d.Text.String()
		from := 0
		for range nth {
			j := indexFrom(text, s, from)
			if j < 0 {
				t.Fatalf("%q not found", s)
			}
			from = j + len(s)
		}
		start := len([]rune(text[:from-len(s)]))
		return annotate.Span{Start: start, End: start + len([]rune(s))}
	}
	ann := &annotate.Entity{Span: span("Ann Lee", 1), Label: annotate.Person}
	cs := []annotate.ClaimSuggestion{
		{Span: span("taxes will fall", 1), Kind: annotate.IndirectClaim, SpeakerName: "Ann Lee", SpeakerEntity: ann},
		{Span: span("prices rise", 1), Kind: annotate.IndirectClaim, SpeakerName: "Bo Park"},
		{Span: span("jobs grow", 1), Kind: annotate.IndirectClaim, SpeakerName: "Ann Lee"},
		{Span: span("rain comes", 1), Kind: annotate.IndirectClaim},
	}
	w := annotate.NewWorkspace(d).WithSuggestions([]annotate.Entity{*ann}, "rec").WithClaims(cs, "finder")
	n := 0
	env := annotate.EditEnv{Reader: annotate.Reader("Ada"), Now: time.Unix(0, 0), NewID: func() string {
		n++
		return "urn:uuid:00000000-0000-7000-8000-00000000000" + string(rune('0'+n))
	}}
	// The reader accepts Ann Lee's first claim (with its speaker) and
	// marks it false.
	w, res, err := w.Apply(annotate.AcceptSuggestion{Key: cs[0].Key()}, env)
	if err != nil {
		t.Fatal(err)
	}
	if w, _, err = w.Apply(annotate.SetVerdict{ID: res.Created, Verdict: annotate.False}, env); err != nil {
		t.Fatal(err)
	}
	groups := whoSaidWhat(w)
	type row struct {
		name   string
		quotes []string
	}
	var got []row
	for _, g := range groups {
		r := row{name: g.Name}
		for _, c := range g.Claims {
			q := c.quote
			if c.suggested {
				q += " (suggested)"
			} else {
				q += " (" + string(c.verdict) + ")"
			}
			r.quotes = append(r.quotes, q)
		}
		got = append(got, r)
	}
	want := []row{
		{"Ann Lee", []string{"taxes will fall (false)", "jobs grow (suggested)"}},
		{"Bo Park", []string{"prices rise (suggested)"}},
		{"", []string{"rain comes (suggested)"}},
	}
	if len(got) != len(want) {
		t.Fatalf("groups %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].name != want[i].name || len(got[i].quotes) != len(want[i].quotes) {
			t.Fatalf("group %d: %+v, want %+v", i, got[i], want[i])
		}
		for j := range want[i].quotes {
			if got[i].quotes[j] != want[i].quotes[j] {
				t.Errorf("group %d claim %d: %q, want %q", i, j, got[i].quotes[j], want[i].quotes[j])
			}
		}
	}
	if groups[0].Claims[0].target.ID != res.Created || groups[0].Claims[1].target.Key != cs[2].Key() {
		t.Errorf("targets %+v, %+v", groups[0].Claims[0].target, groups[0].Claims[1].target)
	}
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"glossa/app/sample"
)

// claimMarksJS lists the claim highlights: "kind|speaker|text", one per
// claim (its first piece).
const claimMarksJS = `[...document.querySelectorAll('article mark[data-label="CLAIM"]:not(.fragment)')].map((m) => m.dataset.kind + "|" + (m.dataset.speaker || "") + "|" + m.textContent)`

// TestClaimsProposed opens the sample as a fact-checker does: the claims
// it holds are proposed with their speakers as soon as it is tagged; one
// is accepted with its speaker (whose entity suggestion is accepted too),
// one rejected, and both decisions hold after a reload; the "Who said
// what" view groups the claims by speaker and jumps to one.
func TestClaimsProposed(t *testing.T) {
	b := openAndTag(t)
	gold, err := sample.LoadGold()
	if err != nil {
		t.Fatal(err)
	}
	claims := eval[[]string](t, b, claimMarksJS)
	found := 0
	for _, g := range gold.Claims {
		for _, c := range claims {
			if strings.HasPrefix(c, "suggestion|") && overlapWords(c[strings.LastIndex(c, "|")+1:], g.Text) {
				found++
				break
			}
		}
	}
	if found < 8 {
		t.Errorf("%d of the sample's %d claims are proposed; the page shows %q", found, len(gold.Claims), claims)
	}
	if !slicesContainsPrefix(claims, "suggestion|Ciaran Martin|") {
		t.Errorf("no claim is proposed as Ciaran Martin's: %q", claims)
	}

	// Accept Ciaran Martin's first claim: it is the reader's, with its
	// speaker linked to the annotation on his name.
	const quote = "Russia is acting against the United Kingdom's national interest in cyberspace"
	claim := markOf(t, b, "suggestion", quote)
	b.do(t, chromedp.Click(chromedp.CSS(`aside li[data-span="`+eval[string](t, b, `document.querySelector('`+claim+`').dataset.span`)+`"][data-label="CLAIM"] button`)))
	waitFor(t, b, "the claim's card", `/Said by Ciaran Martin/.test((document.querySelector("section.card-suggestion") || {}).textContent || "")`, 5*time.Second)
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Accept suggestion"]`)))
	waitFor(t, b, "the claim accepted with its speaker", `/Accepted as CLAIM, said by Ciaran Martin/.test(document.querySelector(".notice").textContent)`, 5*time.Second)
	waitFor(t, b, "the speaker chosen in the card", `((document.querySelector("#card-speaker") || {}).selectedOptions || [{}])[0].textContent === "Ciaran Martin (PERSON)"`, 5*time.Second)
	markOf(t, b, "annotation", "Ciaran Martin")
	if got := eval[string](t, b, `document.querySelector('article mark[data-kind="annotation"][data-label="CLAIM"]').dataset.speaker`); got != "Ciaran Martin" {
		t.Errorf("the accepted claim's speaker on hover is %q", got)
	}

	// Reject another: it goes, and stays gone after a reload.
	b.do(t, chromedp.Click(chromedp.CSS(`aside li[data-label="CLAIM"][data-kind="suggestion"] button`)))
	waitFor(t, b, "a claim suggestion's card", `!!document.querySelector('section.card-suggestion[data-label="CLAIM"]')`, 5*time.Second)
	rejected := eval[string](t, b, `document.querySelector("section.card-suggestion").dataset.span`)
	b.do(t, chromedp.Click(chromedp.CSS(`button[aria-label="Reject suggestion"]`)))
	gone := `!document.querySelector('article mark[data-label="CLAIM"][data-span="` + rejected + `"]')`
	waitFor(t, b, "the rejected claim gone", gone, 5*time.Second)
	waitSaved(t, b)
	b.do(t, chromedp.Reload())
	waitFor(t, b, "the claims after reload", `document.querySelectorAll('article mark[data-label="CLAIM"]').length > 0 && /^Found/.test(document.querySelector("#status").textContent)`, 30*time.Second)
	if !eval[bool](t, b, gone) {
		t.Error("the rejected claim is proposed again after a reload")
	}
	markOf(t, b, "annotation", quote)

	// Who said what: Ciaran Martin's claims together, one click away.
	b.do(t, chromedp.Click(chromedp.CSS(`.views button:nth-child(2)`)))
	waitFor(t, b, "the view", `!!document.querySelector(".who-said-what")`, 5*time.Second)
	first := eval[string](t, b, `document.querySelector(".who-said-what .speaker").dataset.speaker`)
	if first != "Ciaran Martin" {
		t.Errorf("the most quoted speaker is %q, want Ciaran Martin", first)
	}
	count := eval[string](t, b, `document.querySelector(".who-said-what .speaker .count").textContent`)
	if !strings.Contains(count, "claims") {
		t.Errorf("Ciaran Martin's count reads %q", count)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`.who-said-what .speaker .claim-item[data-kind="annotation"] button`)))
	waitFor(t, b, "the accepted claim's card", cardQuoteJS+` === "`+jsString(quote)+`"`, 5*time.Second)
	b.checkClean(t)
}

// overlapWords reports whether two texts share at least half of each
// other's words (the claim scorer's rule).
func overlapWords(a, b string) bool {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	set := map[string]bool{}
	for _, w := range wb {
		set[w] = true
	}
	shared := 0
	for _, w := range wa {
		if set[w] {
			shared++
		}
	}
	return len(wa) > 0 && len(wb) > 0 && 2*shared >= len(wa) && 2*shared >= len(wb)
}

func slicesContainsPrefix(xs []string, prefix string) bool {
	for _, x := range xs {
		if strings.HasPrefix(x, prefix) {
			return true
		}
	}
	return false
}

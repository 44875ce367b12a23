package claims_test

import (
	"fmt"
	"strings"
	"testing"

	"glossa/annotate"
	"glossa/annotate/claims"
)

// front is put before each test text: a headline, byline and dateline,
// which Find does not search, so the text is a paragraph of an article.
const front = "Headline of the story\n\nBy A. Writer\n\n1 May 2026\n\n"

// find runs Find on an article made of front and text, with ents given as
// "LABEL Text" (each the first mention of Text in text, or the nth with
// "LABEL Text#n").
func find(t *testing.T, text string, ents ...string) (*annotate.Document, []claims.Claim) {
	t.Helper()
	d := annotate.NewDocument(front + text)
	return d, claims.Find(d, entities(t, d, ents...))
}

func entities(t *testing.T, d *annotate.Document, ents ...string) []annotate.Entity {
	t.Helper()
	var out []annotate.Entity
	for _, e := range ents {
		label, name, _ := strings.Cut(e, " ")
		nth := 1
		if i := strings.LastIndexByte(name, '#'); i > 0 {
			fmt.Sscan(name[i+1:], &nth)
			name = name[:i]
		}
		s := d.Text.String()
		at := -1
		for n, from := 0, 0; n < nth; n++ {
			i := strings.Index(s[from:], name)
			if i < 0 {
				t.Fatalf("entity %q is not in the text %d times", name, nth)
			}
			at = from + i
			from = at + len(name)
		}
		start := d.Text.BytePoint(at)
		end := d.Text.BytePoint(at + len(name))
		out = append(out, annotate.Entity{Span: annotate.Span{Start: start, End: end}, Label: annotate.Label(label), Text: name})
	}
	return out
}

// show formats a claim as "kind: content | cue | speaker | name".
func show(c claims.Claim) string {
	cue, speaker := "-", "-"
	if c.Cue != nil {
		cue = c.Cue.Text
	}
	if c.Speaker != nil {
		speaker = c.Speaker.Text
	}
	return fmt.Sprintf("%s: %s | %s | %s | %s", c.Kind, c.Text, cue, speaker, c.SpeakerName)
}

func showAll(cs []claims.Claim) []string {
	var out []string
	for _, c := range cs {
		out = append(out, show(c))
	}
	return out
}

// TestFind runs each construction the finder knows on hand-written
// sentences, without entities: speakers come from its own reading of
// names.
func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Direct quotes.
		{"straight quotes", `"We will win the vote," Smith said.`,
			[]string{"direct: We will win the vote | said | Smith | Smith"}},
		{"curly quotes", `“We will win the vote,” Smith said.`,
			[]string{"direct: We will win the vote | said | Smith | Smith"}},
		{"two apostrophes as quote marks", `''We will win the vote,'' Smith said.`,
			[]string{"direct: We will win the vote | said | Smith | Smith"}},
		{"British single quotes", `‘We will win the vote,’ Smith said.`,
			[]string{"direct: We will win the vote | said | Smith | Smith"}},
		{"straight opening, curly closing", `Ciaran Martin said "Russia is acting against our interest”.`,
			[]string{"direct: Russia is acting against our interest | said | Ciaran Martin | Ciaran Martin"}},
		{"quote after a colon", `Anna Smith said: “The plan is dead.”`,
			[]string{"direct: The plan is dead. | said | Anna Smith | Anna Smith"}},
		{"quote after a comma", `In a statement on Monday, Anna Smith said, “The plan is dead.”`,
			[]string{"direct: The plan is dead. | said | Anna Smith | Anna Smith"}},
		{"question", `“Who will pay for it?” Smith asked.`,
			[]string{"direct: Who will pay for it? | asked | Smith | Smith"}},
		{"quote of several sentences", `“We tried. We failed. We will try again,” Smith said.`,
			[]string{"direct: We tried. We failed. We will try again | said | Smith | Smith"}},
		{"interrupted by its attribution", `“The plan,” Smith said, “is dead and buried.”`,
			[]string{"direct: The plan,” Smith said, “is dead and buried. | said | Smith | Smith"}},
		{"interrupted, inverted", `“The plan,” said Anna Smith, “is dead and buried.”`,
			[]string{"direct: The plan,” said Anna Smith, “is dead and buried. | said | Anna Smith | Anna Smith"}},
		{"carried on in the same paragraph", `“The plan is dead,” Smith said. “It will not come back.”`,
			[]string{"direct: The plan is dead,” Smith said. “It will not come back. | said | Smith | Smith"}},
		{"carried on in the next paragraph", "“The plan is dead,” Smith said.\n\n“It will not come back.”",
			[]string{"direct: The plan is dead | said | Smith | Smith", "direct: It will not come back. | - | Smith | Smith"}},
		{"over two paragraphs", "“The first part of the plan is dead.\n\n“The second part will follow,” Smith said.",
			[]string{"direct: The first part of the plan is dead.\n\n“The second part will follow | said | Smith | Smith"}},
		{"said: closing the paragraph", "Anna Smith said:\n\n“The plan is dead and buried.”",
			[]string{"direct: The plan is dead and buried. | said | Anna Smith | Anna Smith"}},
		{"single quotes inside", `“They called it ‘fake news’ again,” Smith said.`,
			[]string{"direct: They called it ‘fake news’ again | said | Smith | Smith"}},
		{"straight quotes inside curly ones", `“They called it "fake news" again,” Smith said.`,
			[]string{`direct: They called it "fake news" again | said | Smith | Smith`}},
		{"straight single quotes inside", `"He said 'no' to all of us," Smith said.`,
			[]string{`direct: He said 'no' to all of us | said | Smith | Smith`}},

		// Reported speech.
		{"said that", `Anna Smith said that the plan was dead.`,
			[]string{"indirect: the plan was dead | said | Anna Smith | Anna Smith"}},
		{"said, no that", `Anna Smith said the plan was dead.`,
			[]string{"indirect: the plan was dead | said | Anna Smith | Anna Smith"}},
		{"says, with a time", `Anna Smith says on Monday the plan is dead.`,
			[]string{"indirect: the plan is dead | says | Anna Smith | Anna Smith"}},
		{"said in a statement that", `The ministry said in a statement on Tuesday that the plan was dead.`,
			[]string{"indirect: the plan was dead | said | The ministry | The ministry"}},
		{"has also said", `Anna Smith has also said that the plan was dead.`,
			[]string{"indirect: the plan was dead | said | Anna Smith | Anna Smith"}},
		{"told reporters that", `Anna Smith told reporters that the plan was dead.`,
			[]string{"indirect: the plan was dead | told | Anna Smith | Anna Smith"}},
		{"told a name, no that", `Anna Smith told Reuters the plan was dead.`,
			[]string{"indirect: the plan was dead | told | Anna Smith | Anna Smith"}},
		{"warned", `Anna Smith warned that prices would rise.`,
			[]string{"indirect: prices would rise | warned | Anna Smith | Anna Smith"}},
		{"warned someone that", `Anna Smith warned voters that prices would rise.`,
			[]string{"indirect: prices would rise | warned | Anna Smith | Anna Smith"}},
		{"denied", `Kaspersky Lab has denied any wrongdoing.`,
			[]string{"indirect: any wrongdoing | denied | Kaspersky Lab | Kaspersky Lab"}},
		{"added", `Anna Smith added that the vote was close.`,
			[]string{"indirect: the vote was close | added | Anna Smith | Anna Smith"}},
		{"claimed", `Anna Smith claimed that the vote was rigged.`,
			[]string{"indirect: the vote was rigged | claimed | Anna Smith | Anna Smith"}},
		{"argued", `Anna Smith argued that taxes were too high.`,
			[]string{"indirect: taxes were too high | argued | Anna Smith | Anna Smith"}},
		{"insisted", `Anna Smith insisted the vote was fair.`,
			[]string{"indirect: the vote was fair | insisted | Anna Smith | Anna Smith"}},
		{"according to, first", `According to Anna Smith, the plan was dead.`,
			[]string{"indirect: the plan was dead | According to | Anna Smith | Anna Smith"}},
		{"according to, last", `The plan was dead, according to Anna Smith.`,
			[]string{"indirect: The plan was dead | according to | Anna Smith | Anna Smith"}},
		{"according to documents", `According to court documents, the plan was dead.`,
			[]string{"indirect: the plan was dead | According to | court documents | court documents"}},
		{"trailing X said", `The plan was dead, Anna Smith said.`,
			[]string{"indirect: The plan was dead | said | Anna Smith | Anna Smith"}},
		{"trailing officials said", `The plan was dead, officials said on Tuesday.`,
			[]string{"indirect: The plan was dead | said | officials | officials"}},
		{"inverted", `The plan was dead, said Martin.`,
			[]string{"indirect: The plan was dead | said | Martin | Martin"}},
		{"inverted with an appositive", `“The plan is dead,” said Anna Smith, a spokeswoman for the ministry.`,
			[]string{"direct: The plan is dead | said | Anna Smith | Anna Smith"}},
		{"inverted with a title", `“The plan is dead,” said ministry spokeswoman Anna Smith.`,
			[]string{"direct: The plan is dead | said | Anna Smith | Anna Smith"}},
		{"parenthetical", `The plan, Anna Smith said, will fail.`,
			[]string{"indirect: The plan, Anna Smith said, will fail | said | Anna Smith | Anna Smith"}},
		{"appositive between commas", `Ciaran Martin, the head of the agency, said the plan would fail.`,
			[]string{"indirect: the plan would fail | said | Ciaran Martin | Ciaran Martin"}},
		{"appositive without its closing comma", `Ciaran Martin, head of the NCSC said the plan would fail.`,
			[]string{"indirect: the plan would fail | said | Ciaran Martin | Ciaran Martin"}},
		{"title before the name", `Prime Minister Theresa May earlier said that Russia was meddling.`,
			[]string{"indirect: Russia was meddling | said | Theresa May | Theresa May"}},
		{"passive with by", `It was claimed by the ministry that the plan was dead.`,
			[]string{"indirect: the plan was dead | claimed | the ministry | the ministry"}},
		{"passive, no source", `It was reported that the plan was dead.`,
			[]string{"indirect: the plan was dead | reported | - | "}},
		{"quoted as saying", `Anna Smith was quoted as saying that the plan was dead.`,
			[]string{"indirect: the plan was dead | quoted as saying | Anna Smith | Anna Smith"}},
		{"participle after a comma", `Anna Smith criticized the plan, saying it would fail.`,
			[]string{"indirect: it would fail | saying | Anna Smith | Anna Smith"}},
		{"coordinated cues", `Kaspersky Lab denied any wrongdoing and said it had followed the law.`,
			[]string{"indirect: any wrongdoing | denied | Kaspersky Lab | Kaspersky Lab",
				"indirect: it had followed the law | said | Kaspersky Lab | Kaspersky Lab"}},
		{"quote, then an added clause", `“The plan is dead,” Smith said, adding that talks would go on.`,
			[]string{"direct: The plan is dead | said | Smith | Smith",
				"indirect: talks would go on | adding | Smith | Smith"}},
		{"relative clause", `Anna Smith, who said the plan was dead, left early.`,
			[]string{"indirect: the plan was dead | said | Anna Smith | Anna Smith"}},

		// Mixed.
		{"mixed, quoted end", `Anna Smith said the plan was "dead and buried".`,
			[]string{`mixed: the plan was "dead and buried" | said | Anna Smith | Anna Smith`}},
		{"mixed, quoted middle", `Theresa May said that Russia was "weaponising information" and interfering in elections.`,
			[]string{`mixed: Russia was "weaponising information" and interfering in elections | said | Theresa May | Theresa May`}},

		// Not claims.
		{"an order, not a claim", `The agency has told government departments not to use the software.`, nil},
		{"told someone to", `Anna Smith told staff to leave the building.`, nil},
		{"negated", `Anna Smith did not say that the plan was dead.`, nil},
		{"declined to say", `Anna Smith declined to say whether the plan was dead.`, nil},
		{"scare quotes", `Critics call the plan a “disaster” for the town.`, nil},
		{"adjective, not a cue", `The alleged plot was never proven in court.`, nil},
		{"noun, not a cue", `His claims about the plan were false.`, nil},
		{"said of a topic", `Anna Smith said of the plan nothing at all.`, nil},
		{"a lone quote with nobody before it", `“The plan is dead and buried.”`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, got := find(t, tc.text)
			checkClaims(t, showAll(got), tc.want)
		})
	}
}

func checkClaims(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("claims:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRegressions holds the inputs of bugs found in Find, one per bug.
func TestRegressions(t *testing.T) {
	tests := []struct {
		name string
		text string // the whole document, not after front
	}{
		// A cue opening the text, its subject after it, read the token
		// before the first (fuzz, 2026-12-01).
		{"cue opening the text", "sAid A0 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := annotate.NewDocument(tc.text)
			checkInvariants(t, d, nil, claims.Find(d, nil))
		})
	}
}

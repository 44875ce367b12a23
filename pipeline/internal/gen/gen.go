// Package gen makes corpora of news-like articles for the pipeline's
// tests and benchmark: headlines, bylines, datelines and paragraphs of
// sentences with people, organisations, places, dates, direct quotes and
// reported speech, some with CRLF line ends, accents or emoji. The same
// seed gives the same corpus.
package gen

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Article is one generated article: an input line of the batch mode.
type Article struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

var (
	firsts = []string{"Ciaran", "Theresa", "Angela", "José", "Amara", "Wei", "Olga", "Rahul", "Zoë", "Pierre",
		"Fatima", "John", "Maria", "Kenji", "Aisha", "David", "Ingrid", "Tomás", "Grace", "Yusuf"}
	lasts = []string{"Martin", "May", "Merkel", "Álvarez", "Okafor", "Zhang", "Petrova", "Sharma", "Dubois", "Smith",
		"Haddad", "Rossi", "Tanaka", "Kowalski", "Nguyen", "Brown", "Larsen", "García", "Mensah", "Cohen"}
	orgs = []string{"Kaspersky Lab", "Getty Images", "the European Commission", "Reuters", "the World Bank",
		"Acme Corp", "the National Cyber Security Centre", "Siemens", "the United Nations", "Barclays",
		"the Ministry of Defence", "Toyota", "Oxfam", "the Bank of England", "Greenpeace"}
	places = []string{"London", "Paris", "Berlin", "Moscow", "Nairobi", "São Paulo", "Kyiv", "Tokyo", "Lagos",
		"Madrid", "Britain", "France", "Germany", "Kenya", "Brazil", "India", "Canada", "Europe", "Texas", "Cairo"}
	dates = []string{"on Monday", "on Tuesday", "last week", "on Dec 03, 2017", "in September", "in 2016",
		"three years ago", "yesterday", "on 2 December", "earlier this month"}
	nationalities = []string{"British", "Russian", "French", "German", "Kenyan", "Japanese", "American"}
	events        = []string{"World Cup", "Brexit", "Olympic Games", "G20 summit", "Paris Motor Show"}
	topics        = []string{"the new rules", "the budget", "the merger", "the investigation", "the flood barrier",
		"the software ban", "the election", "the trade deal", "the strike", "the vaccine programme"}
	quotes = []string{"We will not accept this", "The decision is final", "Nobody saw this coming",
		"Our customers come first", "This is a matter of national security", "We are ready to talk",
		"The figures speak for themselves", "There is no evidence of wrongdoing"}
	fillers = []string{
		"The talks are expected to continue into next year.",
		"Prices have risen steadily since the spring.",
		"Shares fell by more than four percent in early trading.",
		"The report runs to more than two hundred pages.",
		"Critics say the plan does not go far enough.",
		"Officials did not respond to a request for comment.",
		"The measure still needs the approval of parliament.",
		"Local residents have complained about the noise for months.",
	}
)

// sentence is one generated sentence.
func sentence(r *rand.Rand) string {
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	person := func() string { return pick(firsts) + " " + pick(lasts) }
	switch r.IntN(12) {
	case 0:
		return fmt.Sprintf("%s said %s that %s would open a new office in %s.", person(), pick(dates), pick(orgs), pick(places))
	case 1:
		return fmt.Sprintf("“%s,” %s told reporters in %s.", pick(quotes), person(), pick(places))
	case 2:
		return fmt.Sprintf("According to %s, the number of visitors to %s rose by %d percent %s.", pick(orgs), pick(places), 2+r.IntN(40), pick(dates))
	case 3:
		return fmt.Sprintf("%s, the chief executive of %s, warned that %s could cost jobs in %s.", person(), pick(orgs), pick(topics), pick(places))
	case 4:
		return fmt.Sprintf("\"%s,\" said %s, a spokesperson for %s.", pick(quotes), person(), pick(orgs))
	case 5:
		return fmt.Sprintf("The %s delegation travelled to %s for the %s %s.", pick(nationalities), pick(places), pick(events), pick(dates))
	case 6:
		return fmt.Sprintf("%s denied that %s had broken any law.", pick(orgs), person())
	case 7:
		return fmt.Sprintf("%s is expected to decide on %s %s, %s said.", pick(orgs), pick(topics), pick(dates), person())
	default:
		return pick(fillers)
	}
}

// article makes article i of the corpus.
func article(r *rand.Rand, i int) Article {
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	var b strings.Builder
	fmt.Fprintf(&b, "%s Warns %s Over %s\n\n", pick(places), pick(orgs), titleCase(strings.TrimPrefix(pick(topics), "the ")))
	fmt.Fprintf(&b, "By %s %s\n\n", pick(firsts), pick(lasts))
	paragraphs := 3 + r.IntN(8)
	for p := range paragraphs {
		if p == 0 {
			fmt.Fprintf(&b, "%s (%s) — ", strings.ToUpper(pick(places)), pick([]string{"Reuters", "AFP", "AP"}))
		}
		for s := range 2 + r.IntN(4) {
			if s > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentence(r))
		}
		if r.IntN(40) == 0 {
			b.WriteString(" 📈")
		}
		b.WriteString("\n\n")
	}
	text := strings.TrimSuffix(b.String(), "\n\n")
	if i%7 == 3 {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	return Article{ID: fmt.Sprintf("doc-%06d", i), Text: text}
}

// titleCase capitalizes each word of an ASCII phrase, as a headline does.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// Articles returns n articles made from seed, with ids doc-000000 on.
func Articles(n int, seed uint64) []Article {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]Article, n)
	for i := range out {
		out[i] = article(r, i)
	}
	return out
}

// WriteJSONL writes articles as {"id","text"} JSON lines.
func WriteJSONL(w io.Writer, articles []Article) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, a := range articles {
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("writing article %s: %w", a.ID, err)
		}
	}
	return nil
}

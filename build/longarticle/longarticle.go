// The benchmark's long article: a generated news story of 10,000 words for
// the interaction rows (paste, open, accept, reject, search), written like
// the sample so that tagging and the claim rules have work in every
// paragraph: named people, places and organisations, dates, direct quotes
// ("…,” she said), reported speech ("X said that …", "according to …").
// The text is the same on every run: a fixed seed drives the choices.
// build/bench pastes it in its interaction rows, and build/loadtrace with
// -long.
package longarticle

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Title is the long article's first line, its title in the library.
const Title = "Ministers Clash Over Baltic Port Expansion As Energy Prices Climb"

// Words is the long article's length in words (at least).
const Words = 10000

type person struct {
	first, last string
	she         bool
}

var (
	benchPeople = []person{
		{"Maria", "Okafor", true}, {"James", "Lindqvist", false}, {"Aisha", "Haddad", true},
		{"Tomasz", "Kowalski", false}, {"Elena", "Moreau", true}, {"David", "Brennan", false},
		{"Priya", "Raman", true}, {"Lars", "Fischer", false}, {"Fatima", "Mensah", true},
		{"Michael", "Gallagher", false}, {"Sofia", "Navarro", true}, {"Daniel", "Sato", false},
		{"Amara", "Petrov", true}, {"Henrik", "Varga", false}, {"Claire", "Rossi", true},
		{"Mateo", "Alvarez", false}, {"Ingrid", "Halvorsen", true}, {"Kwame", "Boateng", false},
	}
	benchRoles = []string{
		"the mayor of", "a spokeswoman for", "the chief executive of", "a senior official at",
		"an economist at", "the head of", "a lawyer for", "the chair of", "a researcher at",
	}
	benchOrgs = []string{
		"the European Commission", "the Port Authority", "Northgate Energy", "the World Health Organization",
		"Harlow City Council", "the Ministry of Transport", "Baltic Shipping Group", "the Red Cross",
		"the International Monetary Fund", "Meridian Bank", "the National Grid", "the Dockworkers' Union",
		"Reuters", "the University of Gdansk", "Kestrel Logistics", "the Green Party",
	}
	benchCities = []string{
		"Lisbon", "Rotterdam", "Gdansk", "Nairobi", "Manila", "Toronto", "Hamburg", "Valencia",
		"Dublin", "Osaka", "Cape Town", "Marseille", "Lagos", "Tallinn", "Riga", "Brussels",
	}
	benchCountries = []string{
		"Portugal", "the Netherlands", "Poland", "Kenya", "Canada", "Germany", "Spain", "Ireland",
		"Japan", "South Africa", "France", "Nigeria", "Estonia", "Latvia", "Belgium", "Sweden",
	}
	benchWhen = []string{
		"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week",
		"in March", "on 14 June", "earlier this year", "in 2025", "yesterday", "last month",
	}
	benchSubjects = []string{
		"the new rules", "the port expansion", "rising energy prices", "the agreement", "the budget",
		"the flood barrier", "the rail strike", "the investigation", "the merger", "the vaccine programme",
		"the tax on shipping fuel", "the water company", "the wind farm", "the trade deal", "the ferry service",
	}
	benchVerbs = []string{
		"would cost", "had delayed", "could threaten", "was expected to create", "might reduce",
		"would not affect", "had already doubled", "will protect", "has undermined", "could save",
	}
	benchObjects = []string{
		"about %d jobs", "%d million euros", "the region's exports", "deliveries to %s", "the government's plans",
		"prices for households", "the next election", "fishing fleets in %s", "trust in the regulator",
		"the harbour's busiest routes", "%d homes along the coast",
	}
	benchOpeners = []string{"", "Frankly, ", "I think ", "We have said from the start that ", "Nobody should pretend that ", "The truth is that "}
)

// Text returns the long article: its title, a byline, a dateline and
// paragraphs of two to four sentences, to at least words words.
func Text(words int) string {
	r := rand.New(rand.NewPCG(13, 10000))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	clause := func() string {
		obj := pick(benchObjects)
		switch strings.Count(obj, "%") {
		case 1:
			if strings.Contains(obj, "%d") {
				obj = fmt.Sprintf(obj, 10*(1+r.IntN(900)))
			} else {
				obj = fmt.Sprintf(obj, pick(benchCities))
			}
		}
		return pick(benchSubjects) + " " + pick(benchVerbs) + " " + obj
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nBy Maria Okafor and Lars Fischer\n\nMon 14 Jun 2027, 06:30 AM\n\n", Title)
	n := len(strings.Fields(b.String()))
	for n < words {
		p := benchPeople[r.IntN(len(benchPeople))]
		pronoun := "he"
		if p.she {
			pronoun = "she"
		}
		full, org, city := p.first+" "+p.last, pick(benchOrgs), pick(benchCities)
		sentences := []string{
			fmt.Sprintf("%s, %s %s, told reporters in %s %s that %s.", full, pick(benchRoles), org, city, pick(benchWhen), clause()),
			fmt.Sprintf("“%s,” %s said.", capitalize(pick(benchOpeners)+clause()), pronoun),
			fmt.Sprintf("According to %s, %s.", pick(benchOrgs), clause()),
			fmt.Sprintf("Officials in %s and %s denied that %s.", pick(benchCountries), pick(benchCountries), clause()),
			fmt.Sprintf("\"%s,\" said %s, who met delegates from %s in %s %s.", capitalize(clause()), p.last, pick(benchCountries), pick(benchCities), pick(benchWhen)),
			fmt.Sprintf("%s warned %s that %s.", capitalize(pick(benchOrgs)), pick(benchWhen), clause()),
			fmt.Sprintf("%s added: “%s.”", capitalize(pronoun), capitalize(clause())),
			fmt.Sprintf("In %s, %s.", city, clause()),
		}
		// The first sentence names the speaker; two or three more follow.
		para := []string{sentences[0]}
		for _, i := range r.Perm(len(sentences) - 1)[:1+r.IntN(3)] {
			para = append(para, sentences[1+i])
		}
		text := strings.Join(para, " ")
		b.WriteString(text)
		b.WriteString("\n\n")
		n += len(strings.Fields(text))
	}
	return strings.TrimSpace(b.String()) + "\n"
}

func capitalize(s string) string {
	c, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[size:]
}

// Package lists holds the name lists Glossa's built-in entity model is
// trained with (see README.md beside it for where each comes from and its
// licence). The model file carries them, hashed, so tagging needs only the
// model; this package is for training (build/newsmodel, glossa train).
package lists

import (
	_ "embed"
	"strings"

	"glossa/annotate/ner/news"
)

var (
	//go:embed countries.txt
	countries string
	//go:embed cities.txt
	cities string
	//go:embed demonyms.txt
	demonyms string
	//go:embed regions.txt
	regions string
	//go:embed states.txt
	states string
)

// Builtin returns the name lists, named as news.ListCountry and the other
// list names the news package's label mapping reads.
func Builtin() []news.NameList {
	return []news.NameList{
		{Name: news.ListCountry, Names: lines(countries)},
		{Name: news.ListCity, Names: lines(cities)},
		{Name: news.ListDemonym, Names: lines(demonyms)},
		{Name: news.ListRegion, Names: lines(regions)},
		{Name: news.ListState, Names: lines(states)},
	}
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); len(l) >= 3 || l == strings.ToUpper(l) && l != "" {
			out = append(out, l)
		}
	}
	return out
}

package claims_test

import (
	"testing"

	"glossa/annotate"
)

// TestResolve resolves pronouns and descriptions to the entities before
// them, and names to the fullest name the article gives them.
func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []string // "LABEL Text" or "LABEL Text#n", as find takes them
		want []string
		// entity is the text of the entity each claim resolves to ("" for
		// none), in order.
		entity []string
	}{
		{"he: the person before",
			"Ciaran Martin leads the agency. He said that Russia was a threat.",
			[]string{"PERSON Ciaran Martin"},
			[]string{"indirect: Russia was a threat | said | He | Ciaran Martin"}, []string{"Ciaran Martin"}},
		{"she: the subject of the nearest sentence with a person",
			"Anna Smith met Bob Jones on Monday. She said the talks went well.",
			[]string{"PERSON Anna Smith", "PERSON Bob Jones"},
			[]string{"indirect: the talks went well | said | She | Anna Smith"}, []string{"Anna Smith"}},
		{"he: skips organisations and places",
			"Ciaran Martin spoke in London. The NCSC agreed. He said the risk was high.",
			[]string{"PERSON Ciaran Martin", "GPE London", "ORG NCSC"},
			[]string{"indirect: the risk was high | said | He | Ciaran Martin"}, []string{"Ciaran Martin"}},
		{"it: the organisation before",
			"Kaspersky Lab makes antivirus software. It said it had done nothing wrong.",
			[]string{"ORG Kaspersky Lab"},
			[]string{"indirect: it had done nothing wrong | said | It | Kaspersky Lab"}, []string{"Kaspersky Lab"}},
		{"the company: the organisation before",
			"Kaspersky Lab makes antivirus software. The company said it had done nothing wrong.",
			[]string{"ORG Kaspersky Lab"},
			[]string{"indirect: it had done nothing wrong | said | The company | Kaspersky Lab"}, []string{"Kaspersky Lab"}},
		{"the agency: an organisation before a nearer country",
			"The NCSC warned departments on Friday. Britain is worried. The agency said that Russia was a threat.",
			[]string{"ORG NCSC", "GPE Britain"},
			[]string{"indirect: Russia was a threat | said | The agency | NCSC"}, []string{"NCSC"}},
		{"officials: the organisation before",
			"The Pentagon reviewed the plan. Officials said it would fail.",
			[]string{"ORG Pentagon"},
			[]string{"indirect: it would fail | said | Officials | Pentagon"}, []string{"Pentagon"}},
		{"they: the organisation before",
			"The Pentagon reviewed the plan. They said it would fail.",
			[]string{"ORG Pentagon"},
			[]string{"indirect: it would fail | said | They | Pentagon"}, []string{"Pentagon"}},
		{"the spokesman: the person introduced as one",
			"The company hired spokesman John Reed in May. Anna Smith, its chief, was away. The spokesman said the report was false.",
			[]string{"PERSON John Reed", "PERSON Anna Smith"},
			[]string{"indirect: the report was false | said | The spokesman | John Reed"}, []string{"John Reed"}},
		{"a surname: the full name",
			"Ciaran Martin spoke first. Later, Martin said that the risk was high.",
			[]string{"PERSON Ciaran Martin", "PERSON Martin#2"},
			[]string{"indirect: the risk was high | said | Martin | Ciaran Martin"}, []string{"Martin"}},
		{"an acronym: the name it stands for",
			"The National Cyber Security Centre (NCSC) met on Monday. The NCSC said that the risk was high.",
			[]string{"ORG National Cyber Security Centre", "ORG NCSC#2"},
			[]string{"indirect: the risk was high | said | NCSC | National Cyber Security Centre"}, []string{"NCSC"}},
		{"no entities: its own reading of names",
			"Ciaran Martin leads the agency. He said that Russia was a threat.",
			nil,
			[]string{"indirect: Russia was a threat | said | He | Ciaran Martin"}, []string{""}},
		{"no entities: a name after a title",
			"The report reached Sen. Warren late on Friday. She said that it was wrong.",
			nil,
			[]string{"indirect: it was wrong | said | She | Warren"}, []string{""}},
		{"the bank: the organisation named with the word, not the nearest",
			"The Bank of England raised rates. Economists expect more, Reuters reported. The bank said that prices would fall.",
			[]string{"ORG Bank of England", "ORG Reuters"},
			[]string{"indirect: Economists expect more | reported | Reuters | Reuters",
				"indirect: prices would fall | said | The bank | Bank of England"}, []string{"Reuters", "Bank of England"}},
		{"it: the speaker before goes on",
			"Prices rose, the Office for National Statistics said. The Bank of England has denied that it was slow. It said energy was to blame.",
			[]string{"ORG Office for National Statistics", "ORG Bank of England"},
			[]string{"indirect: Prices rose | said | Office for National Statistics | Office for National Statistics",
				"indirect: it was slow | denied | Bank of England | Bank of England",
				"indirect: energy was to blame | said | It | Bank of England"},
			[]string{"Office for National Statistics", "Bank of England", "Bank of England"}},
		{"she: not a man",
			"Bob Jones met Anna Smith on Monday. She said the talks went well.",
			[]string{"PERSON Bob Jones", "PERSON Anna Smith"},
			[]string{"indirect: the talks went well | said | She | Anna Smith"}, []string{"Anna Smith"}},
		{"no entities: a name with of",
			"According to the Office for National Statistics, prices rose in June.",
			nil,
			[]string{"indirect: prices rose in June | According to | Office for National Statistics | Office for National Statistics"}, []string{""}},
		{"a pronoun with nothing before it",
			"He said that Russia was a threat.",
			nil,
			[]string{"indirect: Russia was a threat | said | He | He"}, []string{""}},
		{"a quote carried on keeps its speaker",
			"Ciaran Martin spoke on Monday. “The risk is high,” he said.\n\n“We are ready for it.”",
			[]string{"PERSON Ciaran Martin"},
			[]string{"direct: The risk is high | said | he | Ciaran Martin", "direct: We are ready for it. | - | he | Ciaran Martin"},
			[]string{"Ciaran Martin", "Ciaran Martin"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, got := find(t, tc.text, tc.ents...)
			checkClaims(t, showAll(got), tc.want)
			given := entities(t, d, tc.ents...)
			for i, c := range got {
				if i >= len(tc.entity) {
					break
				}
				name := ""
				if c.Entity != nil {
					name = c.Entity.Text
					if !contains(given, *c.Entity) {
						t.Errorf("claim %d: entity %+v is not one of those given", i, *c.Entity)
					}
				}
				if name != tc.entity[i] {
					t.Errorf("claim %d: entity %q, want %q", i, name, tc.entity[i])
				}
			}
		})
	}
}

func contains(ents []annotate.Entity, e annotate.Entity) bool {
	for _, x := range ents {
		if x == e {
			return true
		}
	}
	return false
}

// Package nertest holds the test fixtures that both of ner's recognizers
// are checked on.
package nertest

// VariedTexts are texts beyond the sample that stress alignment: curly and
// straight quotes, possessives, contractions, brackets, currency, emoji and
// combining marks.
var VariedTexts = []string{
	"Prime Minister Theresa May said that Russia was \u201cweaponising information\u201d.",
	"Ciaran Martin, head of the NCSC, met Angela Merkel in Berlin on Monday.",
	"Kaspersky Lab's chief, Eugene Kaspersky, didn't comment; Kaspersky (the company) did.",
	"The U.S. government paid $100 to Microsoft Corp. in New York [citation needed].",
	"\U0001F600 Emoji first: Barack Obama visited Paris, France, and Cafe\u0301 Rouge.",
	"\u2018Single quotes\u2019 around John Smith\u2019s words at the United Nations in Geneva.",
	"",
	"   \n\t ",
	"no entities here at all, just lower case words.",
}

package remote

// Format is a file format as the page's export menu offers it: the name
// package formats knows it by (formats.Format.Name), and its title for
// readers. The list is formats.Formats's, in its order (a test of package
// formats checks it).
type Format struct {
	Name, Title string
}

// Formats lists the formats, the default first.
var Formats = []Format{
	{"w3c", "W3C Web Annotation (JSON-LD)"},
	{"doccano", "doccano JSONL"},
	{"spacy", "spaCy JSONL"},
	{"brat", "brat standoff (zip)"},
	{"csv", "CSV spreadsheet"},
	{"claimreview", "ClaimReview (claims with a verdict)"},
}

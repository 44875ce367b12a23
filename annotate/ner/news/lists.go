package news

// BuiltinName names the built-in model in the annotations it suggests.
const BuiltinName = "Glossa news NER (CoNLL-2003)"

// The names of the name lists the label mapping reads (see labels.go); a
// model trained with lists of these names (package lists has them) maps
// its labels with them.
const (
	ListCountry = "country"
	ListCity    = "city"
	ListDemonym = "demonym"
	ListRegion  = "region"
	ListState   = "state"
)

package news

// BuiltinName names the built-in model in the annotations it suggests.
const BuiltinName = "Glossa news NER (CoNLL-2003)"

// BuiltinLists are the name lists the built-in model is trained with.
func BuiltinLists() []NameList { return nil }

package claims

import "glossa/annotate"

// JSONL is the claim finder of the batch mode (annotate.TagJSONL): the
// claims of d found with its entities, never nil, so a line without claims
// gets "claims": [].
func JSONL(d *annotate.Document) any {
	cs := Find(d, d.Entities)
	if cs == nil {
		cs = []Claim{}
	}
	return cs
}

var _ annotate.ClaimFinder = JSONL

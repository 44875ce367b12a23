package annotate_test

import "glossa/annotate/internal/fixture"

// The shared fixtures, under the names the tests use.
var (
	noteDoc       = fixture.NoteDoc
	id            = fixture.ID
	at            = fixture.At
	key           = fixture.Key
	suggestions   = fixture.Suggestions
	must          = fixture.Must
	baseWorkspace = fixture.BaseWorkspace
	clone         = fixture.Clone
	checkState    = fixture.CheckState
	t0, t1        = fixture.T0, fixture.T1
)

const recName = fixture.RecName

package formats_test

import (
	"glossa/annotate/internal/fixture"
)

// The shared fixtures, under the names the tests use.
var (
	noteDoc = fixture.NoteDoc
	id      = fixture.ID
	at      = fixture.At
	key     = fixture.Key
	must    = fixture.Must
	t0, t1  = fixture.T0, fixture.T1
)

const recName = fixture.RecName

var (
	setKeys      = fixture.SetKeys
	suggestions  = fixture.Suggestions
	fixtureSuite = fixture.LoadSuite
)

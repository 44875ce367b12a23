package library_test

import (
	"glossa/annotate/internal/fixture"
)

// The shared fixtures, under the names the tests use.
var (
	noteDoc         = fixture.NoteDoc
	id              = fixture.ID
	at              = fixture.At
	key             = fixture.Key
	suggestions     = fixture.Suggestions
	must            = fixture.Must
	baseWorkspace   = fixture.BaseWorkspace
	clone           = fixture.Clone
	t0, t1          = fixture.T0, fixture.T1
	added           = fixture.Added
	sampleText      = fixture.SampleText
	sampleWorkspace = fixture.SampleWorkspace
	stored          = fixture.Stored
	setKeys         = fixture.SetKeys
	storeOf         = fixture.StoreOf
	loadWorkspace   = fixture.LoadWorkspace
	diffState       = fixture.DiffState
)

const recName = fixture.RecName

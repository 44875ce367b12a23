//go:build race

package compact

// The race detector slows prose down about eightfold: run fewer random
// texts under it.
func init() { raceEnabled = true }

package annotate

import "strings"

// Agent is who made an annotation: a Person or Software, as the W3C Web
// Annotation Data Model describes agents (§3.3.2), whose JSON keys its
// fields take. Agents compare with ==: two agents are the same when their
// type, name and id are.
type Agent struct {
	ID   string `json:"id,omitempty"`   // an IRI, or ""
	Type string `json:"type"`           // "Person" or "Software" ("Organization" when read)
	Name string `json:"name,omitempty"` // "" only in exports of unsigned notes
}

// Software returns the agent for a program or model.
func Software(name string) *Agent { return &Agent{Type: "Software", Name: name} }

// DefaultPersonName is the reader's name until they set one.
const DefaultPersonName = "me"

// Reader returns the agent for the reader, a Person (Data Model §3.3.2),
// named name with surrounding white space trimmed, or DefaultPersonName if
// that leaves nothing. (It is not called Person: that is the PERSON label.)
func Reader(name string) *Agent {
	name = strings.TrimSpace(name)
	if name == "" {
		name = DefaultPersonName
	}
	return &Agent{Type: "Person", Name: name}
}

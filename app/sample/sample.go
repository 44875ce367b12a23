// Package sample embeds Glossa's default document, the sample news article,
// and its hand-made gold spans (copied from the project's reference corpus
// on 2026-12-01, after one claim's speaker was fixed there).
package sample

import (
	_ "embed"
	"encoding/json"
)

// Article is the sample article's raw text (UTF-8, LF line ends).
//
//go:embed kaspersky-uk-warning.txt
var Article string

//go:embed kaspersky-uk-warning.gold.json
var goldJSON []byte

// GoldEntity is one hand-made entity span of the sample.
type GoldEntity struct {
	Start int    `json:"start"` // code points, inclusive
	End   int    `json:"end"`   // code points, exclusive
	Label string `json:"label"`
	Text  string `json:"text"`
}

// GoldClaim is one hand-made claim span of the sample, with its speaker.
type GoldClaim struct {
	Start   int    `json:"start"` // code points, inclusive
	End     int    `json:"end"`   // code points, exclusive
	Text    string `json:"text"`
	Speaker struct {
		Start int    `json:"start"` // code points
		End   int    `json:"end"`
		Text  string `json:"text"`
	} `json:"speaker"`
}

// Gold holds the sample's gold spans.
type Gold struct {
	Entities []GoldEntity `json:"entities"`
	Claims   []GoldClaim  `json:"claims"`
}

// LoadGold decodes the embedded gold spans.
func LoadGold() (Gold, error) {
	var g Gold
	err := json.Unmarshal(goldJSON, &g)
	return g, err
}

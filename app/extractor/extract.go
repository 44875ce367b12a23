package main

import (
	"fmt"

	"glossa/annotate/markdown"
	"glossa/annotate/webpage"
)

// extract finds the article text in a file of a kind: "html" (a web
// page) or "markdown".
func extract(kind string, data []byte) (string, error) {
	switch kind {
	case "html":
		ex, err := webpage.Extract(data)
		return ex.Text, err
	case "markdown":
		ex, err := markdown.Extract(data)
		return ex.Text, err
	}
	return "", fmt.Errorf("glossaExtract: files of kind %q are not read", kind)
}

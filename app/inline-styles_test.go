//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
)

const testPolicy = "default-src 'self'; style-src 'self'; object-src 'none'"

const testPage = `<head>
<meta http-equiv="Content-Security-Policy" content="` + testPolicy + `">
<link as="style" type="text/css" rel="preload" href="/app.css">
<link href="/web/glossa.1.css" as="style" type="text/css" rel="preload">
<link rel="icon" href="/web/icon.svg">
<link type="text/css" href="/app.css" rel="stylesheet">
<link rel="stylesheet" type="text/css" href="/web/glossa.1.css">
</head>`

func styleHash(css string) string {
	sum := sha256.Sum256([]byte(css))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func TestInlineStyles(t *testing.T) {
	sheets := map[string][]byte{"/app.css": []byte("body{margin:0}"), "/web/glossa.1.css": []byte(".a > .b { color: red }")}
	got, err := inlineStyles([]byte(testPage), sheets, testPolicy)
	if err != nil {
		t.Fatal(err)
	}
	page := string(got)
	for _, css := range sheets {
		if !strings.Contains(page, "<style>"+string(css)+"</style>") {
			t.Errorf("the page lacks <style>%s</style>:\n%s", css, page)
		}
	}
	if strings.Contains(page, "app.css") || strings.Contains(page, "glossa.1.css") {
		t.Errorf("a link to an inlined stylesheet is left:\n%s", page)
	}
	if !strings.Contains(page, `<link rel="icon" href="/web/icon.svg">`) {
		t.Errorf("the icon's link went too:\n%s", page)
	}
	a, b := styleHash("body{margin:0}"), styleHash(".a > .b { color: red }")
	if a > b {
		a, b = b, a
	}
	want := "style-src 'self' " + a + " " + b + ";"
	if !strings.Contains(page, want) || strings.Count(page, "style-src") != 1 {
		t.Errorf("the policy does not read %q:\n%s", want, page)
	}
}

func TestInlineStylesRefuses(t *testing.T) {
	tests := []struct {
		name   string
		sheets map[string][]byte
		policy string
		want   string
	}{
		{"a stylesheet that ends the element", map[string][]byte{"/app.css": []byte("a{}</STYLE><script>x()</script>")}, testPolicy, "holds </style"},
		{"a stylesheet the page does not link", map[string][]byte{"/other.css": []byte("a{}")}, testPolicy, "links no stylesheet /other.css"},
		{"another policy", map[string][]byte{"/app.css": []byte("a{}")}, "default-src 'none'", "not the one this build knows"},
	}
	for _, tt := range tests {
		_, err := inlineStyles([]byte(testPage), tt.sheets, tt.policy)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
		}
	}
}

//go:build !wasm

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// TestServeStaysInsideTheSite serves a site folder holding symbolic links:
// one to a file outside the folder (a secret), one to a file inside it.
// Only what is inside is served.
func TestServeStaysInsideTheSite(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("not for the web"), 0o644); err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	for name, data := range map[string]string{"index.html": "<p>home</p>", "page.txt": "inside"} {
		if err := os.WriteFile(filepath.Join(site, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"leak.txt":   secret,
		"up.txt":     filepath.Join("..", filepath.Base(outside), "secret.txt"),
		"dir":        outside,
		"inside.txt": "page.txt",
	} {
		if err := os.Symlink(target, filepath.Join(site, link)); err != nil {
			t.Fatal(err)
		}
	}
	h, err := siteHandler(site)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	tests := []struct {
		path       string
		wantStatus int
		wantBody   string
	}{
		{"/", http.StatusOK, "<p>home</p>"},
		{"/page.txt", http.StatusOK, "inside"},
		{"/inside.txt", http.StatusOK, "inside"},
		{"/leak.txt", http.StatusNotFound, ""},
		{"/up.txt", http.StatusNotFound, ""},
		{"/dir/secret.txt", http.StatusNotFound, ""},
		{"/../secret.txt", http.StatusNotFound, ""},
		{"/%2e%2e/secret.txt", http.StatusNotFound, ""},
	}
	for _, tc := range tests {
		res, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.wantStatus || tc.wantBody != "" && string(body) != tc.wantBody {
			t.Errorf("GET %s: %d %q, want %d %q", tc.path, res.StatusCode, body, tc.wantStatus, tc.wantBody)
		}
		if string(body) == "not for the web" {
			t.Errorf("GET %s served the file outside the site", tc.path)
		}
	}
}

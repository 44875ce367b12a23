package e2e

import (
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// get fetches a path of the site with the given Accept-Encoding, without
// Go's transparent decompression.
func get(t *testing.T, path, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", siteURL+path, nil)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

// TestServingHeaders checks what the server sends: precompressed files
// with Content-Encoding, long-term caching for content-hashed names only,
// the security headers, no folder listings and no other methods.
func TestServingHeaders(t *testing.T) {
	_, page := get(t, "/", "")
	_, appJS := get(t, "/app.js", "")
	_, worker := get(t, "/app-worker.js", "")
	wasm := regexp.MustCompile(`/web/app\.[0-9a-f]{10}\.wasm`).FindString(string(appJS))
	// The page carries its styles (inlined); the stylesheet is still a
	// file of the site, which the service worker keeps.
	css := regexp.MustCompile(`/web/glossa\.[0-9a-f]{10}\.css`).FindString(string(worker))
	if wasm == "" || css == "" {
		t.Fatalf("the site does not name hashed assets (app.wasm %q, css %q)", wasm, css)
	}
	// The header's policy is the page's own, which allows its inline
	// styles by their hashes and nothing else inline.
	res, _ := get(t, "/", "")
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(string(page))
	if meta == nil || res.Header.Get("Content-Security-Policy") != meta[1]+"; frame-ancestors 'none'" {
		t.Errorf("the Content-Security-Policy header %q is not the page's policy %q", res.Header.Get("Content-Security-Policy"), meta)
	}
	if meta != nil && (strings.Contains(meta[1], "unsafe-inline") || !strings.Contains(meta[1], "style-src 'self' 'sha256-")) {
		t.Errorf("the page's policy does not allow its styles by hash alone: %q", meta[1])
	}
	tests := []struct {
		name, path, accept string
		wantEncoding       string
		wantCache          string
		wantType           string
	}{
		{"page, brotli", "/", "gzip, deflate, br", "br", "no-cache", "text/html; charset=utf-8"},
		{"page, gzip only", "/", "gzip", "gzip", "no-cache", "text/html; charset=utf-8"},
		{"page, identity", "/", "", "", "no-cache", "text/html; charset=utf-8"},
		{"app.wasm", wasm, "br", "br", "public, max-age=31536000, immutable", "application/wasm"},
		{"stylesheet", css, "gzip", "gzip", "public, max-age=31536000, immutable", "text/css; charset=utf-8"},
		{"go-app script", "/app.js", "br", "br", "no-cache", "text/javascript; charset=utf-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, tc.path, tc.accept)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			h := res.Header
			if got := h.Get("Content-Encoding"); got != tc.wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", got, tc.wantEncoding)
			}
			if got := h.Get("Cache-Control"); got != tc.wantCache {
				t.Errorf("Cache-Control %q, want %q", got, tc.wantCache)
			}
			if got := h.Get("Content-Type"); got != tc.wantType {
				t.Errorf("Content-Type %q, want %q", got, tc.wantType)
			}
			if tc.wantEncoding != "" && len(body) >= atoi(h.Get("X-Uncompressed-Length")) {
				t.Errorf("compressed body of %d bytes is no smaller than the file (%s)", len(body), h.Get("X-Uncompressed-Length"))
			}
			for _, hdr := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
				if h.Get(hdr) == "" {
					t.Errorf("no %s header", hdr)
				}
			}
		})
	}
	for _, path := range []string{"/web/", "/web", "/nope.html", "/../go.mod"} {
		if res, _ := get(t, path, ""); res.StatusCode != 404 {
			t.Errorf("GET %s: status %d, want 404", path, res.StatusCode)
		}
	}
	res, err := http.Post(siteURL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", res.StatusCode)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// httpGet returns the status of a GET, or the error if nothing answers.
func httpGet(url string) (int, error) {
	res, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	res.Body.Close()
	return res.StatusCode, nil
}

// TestCSPMetaComesFirst checks the page's own Content-Security-Policy
// precedes every script and stylesheet, so it holds on any static host.
func TestCSPMetaComesFirst(t *testing.T) {
	_, page := get(t, "/", "")
	html := string(page)
	csp := strings.Index(html, `http-equiv="Content-Security-Policy"`)
	for _, tag := range []string{"<script", "<link", "<style"} {
		if i := strings.Index(html, tag); csp < 0 || i >= 0 && i < csp {
			t.Errorf("%s at %d comes before the CSP meta at %d", tag, i, csp)
		}
	}
}

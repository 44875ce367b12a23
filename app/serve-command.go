//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// serveCommand serves the static site. The server has no API: it serves
// files, nothing else, so the same site works from any static host.
func serveCommand(args []string, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8000", "address to listen on")
	dir := flags.String("dir", defaultSiteDir(), "the static site's folder (made by glossa site)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		fmt.Fprintf(stderr, "glossa serve: no site in %s: build it with make build, or name it with -dir\n", *dir)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "glossa serve: %v\n", err)
		return 1
	}
	handler, err := siteHandler(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "glossa serve: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(stderr, "Glossa is at http://%s/ (serving %s; Ctrl+C stops)\n", ln.Addr(), *dir)
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "glossa serve: %v\n", err)
		return 1
	}
	return 0
}

// defaultSiteDir is the site folder next to the program: make build puts
// the program at dist/glossa and the site at dist/site.
func defaultSiteDir() string {
	exe, err := os.Executable()
	if err != nil {
		return filepath.Join("dist", "site")
	}
	return filepath.Join(filepath.Dir(exe), "site")
}

// hashedName matches the content-hashed file names of the site build. It
// is compiled on first use: the browser's build of this program never
// serves, and compiling at start would cost the page's load.
var hashedName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\.[0-9a-f]{10}\.[a-z]+$`) })

// siteHandler serves dir's files with Glossa's security headers. It sends
// a precompressed copy (name.br, name.gz) when the browser accepts it, lets
// browsers keep content-hashed files for ever and revalidate the rest,
// lists no folders and answers only GET and HEAD. It serves only what is
// inside dir: a symbolic link that leads out of it is not followed
// (os.Root).
func siteHandler(dir string) (http.Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot serve %s: %w", dir, err)
	}
	policy := sitePolicy(root)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed: this server only serves files", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", policy+"; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")

		name := path.Clean("/" + r.URL.Path)
		if name == "/" {
			name = "/index.html"
		}
		file := filepath.FromSlash(strings.TrimPrefix(name, "/"))
		info, err := root.Stat(file)
		if err != nil || !info.Mode().IsRegular() {
			http.NotFound(w, r)
			return
		}
		if hashedName().MatchString(name) {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		switch path.Ext(name) {
		case ".webmanifest":
			ctype = "application/manifest+json"
		case ".wasm":
			ctype = "application/wasm"
		case ".model":
			ctype = "application/octet-stream"
		}
		if ctype != "" {
			h.Set("Content-Type", ctype)
		}
		h.Set("Vary", "Accept-Encoding")
		h.Set(uncompressedLengthHeader, strconv.FormatInt(info.Size(), 10))
		for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !acceptsEncoding(r, enc.name) {
				continue
			}
			if cinfo, err := root.Stat(file + enc.ext); err == nil && cinfo.Mode().IsRegular() {
				file, info = file+enc.ext, cinfo
				h.Set("Content-Encoding", enc.name)
				break
			}
		}
		f, err := root.Open(file)
		if err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		defer f.Close()
		http.ServeContent(w, r, name, info.ModTime(), f)
	}), nil
}

// acceptsEncoding reports whether the request's Accept-Encoding allows enc.
func acceptsEncoding(r *http.Request, enc string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), enc) {
			return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") || strings.Contains(params, "q=0.")
		}
	}
	return false
}

// pagePolicy finds a page's Content-Security-Policy <meta>.
var pagePolicy = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`)

// sitePolicy is the Content-Security-Policy the site's page carries (glossa
// site adds the hashes of the styles it writes into the page), sent as a
// header too; contentSecurityPolicy for a site without one.
func sitePolicy(root *os.Root) string {
	page, err := root.ReadFile("index.html")
	if m := pagePolicy.FindSubmatch(page); err == nil && m != nil {
		return string(m[1])
	}
	return contentSecurityPolicy
}

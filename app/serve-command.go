//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
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
	srv := &http.Server{Handler: siteHandler(*dir), ReadHeaderTimeout: 10 * time.Second}
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

// siteHandler serves dir's files with Glossa's security headers. It lists
// no folders and answers only GET and HEAD.
func siteHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed: this server only serves files", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy+"; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cache-Control", "no-cache")
		clean := path.Clean("/" + r.URL.Path)
		if clean != "/" {
			info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(clean)))
			if err != nil || info.IsDir() {
				http.NotFound(w, r)
				return
			}
		}
		if strings.HasSuffix(clean, ".webmanifest") {
			h.Set("Content-Type", "application/manifest+json")
		}
		files.ServeHTTP(w, r)
	})
}

// The byte-counting proxy: every server response of a visit passes
// through it, and it records each chunk of a body (as sent: compressed)
// with the time it passed, so that the bytes sent before a moment of the
// page (article visible, first highlight) can be counted.

package main

import (
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"sync"
	"time"

	"glossa/app/e2e/chrome"
)

// serveCounted runs dist/glossa serve on dir, behind a proxy that counts
// the bytes it sends into c, and returns the proxy's address.
func serveCounted(dir string, c *byteCounter) (base string, stop func(), err error) {
	origin, stopServer, err := chrome.Serve(filepath.Join("dist", "glossa"), dir)
	if err != nil {
		return "", nil, err
	}
	base, stopProxy, err := startCountingProxy(origin, c)
	if err != nil {
		stopServer()
		return "", nil, err
	}
	return base, func() { stopProxy(); stopServer() }, nil
}

// byteCounter adds up the bytes the servers send, chunk by chunk, with
// the time each chunk passed the proxy.
type byteCounter struct {
	mu     sync.Mutex
	chunks []chunk
}

type chunk struct {
	at    time.Time
	bytes int64
}

func (c *byteCounter) reset() {
	c.mu.Lock()
	c.chunks = nil
	c.mu.Unlock()
}

func (c *byteCounter) add(n int) {
	c.mu.Lock()
	c.chunks = append(c.chunks, chunk{time.Now(), int64(n)})
	c.mu.Unlock()
}

// total returns the bytes sent in all, and before each of the given
// times (a zero time gives -1: not measured).
func (c *byteCounter) total(before ...time.Time) (all int64, early []int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	early = make([]int64, len(before))
	for i, t := range before {
		if t.IsZero() {
			early[i] = -1
		}
	}
	for _, s := range c.chunks {
		all += s.bytes
		for i, t := range before {
			if !t.IsZero() && s.at.Before(t) {
				early[i] += s.bytes
			}
		}
	}
	return all, early
}

// countingBody counts what passes through a response body.
type countingBody struct {
	io.ReadCloser
	c *byteCounter
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 {
		b.c.add(n)
	}
	return n, err
}

// startCountingProxy puts a reverse proxy in front of the server that
// counts the bytes of every response body as sent (compressed: the proxy
// asks for no decompression and passes the server's encoding through).
func startCountingProxy(origin string, c *byteCounter) (addr string, stop func(), err error) {
	target, err := url.Parse(origin)
	if err != nil {
		return "", nil, err
	}
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.Transport = &http.Transport{DisableCompression: true}
	rp.ModifyResponse = func(res *http.Response) error {
		res.Body = &countingBody{ReadCloser: res.Body, c: c}
		return nil
	}
	srv := &http.Server{Handler: rp}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

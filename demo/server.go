// Package demo carries a self-contained news corpus about AI-infrastructure
// funding (five fictional outlets, their feeds and article pages) and serves
// it from a loopback HTTP server inside the process, so the demo runs the
// real fetch, parse and extraction path without any network.
package demo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/fundingpulse/pulse"
)

// Server serves the rendered corpus on a loopback address.
type Server struct {
	url    string
	corpus *Corpus
	srv    *http.Server
	stop   func() bool   // detaches the context watcher
	done   chan struct{} // closed when Serve has returned
	// serveErr is written before done is closed and read after.
	serveErr error
	once     sync.Once
	closeErr error
}

// Start renders the corpus and serves it on 127.0.0.1 at a free port until
// Close is called or ctx is done.
func Start(ctx context.Context) (*Server, error) {
	c, err := Load()
	if err != nil {
		return nil, fmt.Errorf("load demo corpus: %w", err)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen on loopback: %w", err)
	}
	s := &Server{url: "http://" + ln.Addr().String(), corpus: c, done: make(chan struct{})}
	files, err := site(c, s.url)
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("render demo corpus: %w", err)
	}
	s.srv = &http.Server{
		Handler:           handler(files),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       30 * time.Second,
	}
	go func() {
		defer close(s.done)
		if err := s.srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			s.serveErr = fmt.Errorf("serve demo corpus: %w", err)
		}
	}()
	s.stop = context.AfterFunc(ctx, func() { s.Close() })
	return s, nil
}

// URL is the server's base URL, e.g. "http://127.0.0.1:41234", without a
// trailing slash.
func (s *Server) URL() string { return s.url }

// Sources lists every feed, then every page that no feed links to, as
// sources ready to add to a store.
func (s *Server) Sources() []pulse.Source {
	var out []pulse.Source
	for _, o := range s.corpus.Outlets {
		out = append(out, pulse.Source{Kind: pulse.SourceFeed, URL: s.url + o.FeedPath(), Title: o.Name})
	}
	for _, o := range s.corpus.Outlets {
		for _, it := range s.corpus.ItemsOf(o, true) {
			out = append(out, pulse.Source{Kind: pulse.SourcePage, URL: s.url + it.Path(), Title: o.Name + ": " + it.Title})
		}
	}
	return out
}

// Corpus returns the corpus the server serves.
func (s *Server) Corpus() *Corpus { return s.corpus }

// Close stops the server at once and waits for it to finish; it is safe to
// call more than once.
func (s *Server) Close() error {
	s.once.Do(func() {
		s.stop()
		err := s.srv.Close()
		<-s.done
		s.closeErr = errors.Join(err, s.serveErr)
	})
	return s.closeErr
}

// handler serves the rendered files with their validators, so conditional
// requests get 304 Not Modified like on a real news site.
func handler(files map[string]*resource) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		f, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", f.contentType)
		h.Set("ETag", f.etag)
		h.Set("Cache-Control", "public, max-age=300")
		http.ServeContent(w, r, r.URL.Path, f.modTime, bytes.NewReader(f.body))
	})
}

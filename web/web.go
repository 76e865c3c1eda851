// Package web serves Funding Pulse over HTTP: the server-rendered pages
// readers open in a browser, the JSON API tools call, Atom feeds and CSV
// exports. Every route is in one table (routes.go); handlers parse, call the
// store and answer through the shared helpers in respond.go.
package web

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/prometheus/client_golang/prometheus"
)

// Config is what a Server needs; Store is required, the rest has defaults.
type Config struct {
	Store pulse.Store
	// Ingest runs a fetch pass over one source, or over every source when
	// sourceID is 0, and reports what it added. Requests only queue a pass:
	// the server calls Ingest from its own background worker, one pass at a
	// time, with a context that Close cancels. Nil disables the ingest
	// endpoints (503).
	Ingest func(ctx context.Context, sourceID int64) (IngestResult, error)
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Log receives request logs and internal errors; nil discards them.
	Log *slog.Logger
	// Registry receives the HTTP metrics and is served at /metrics; nil
	// means a private registry.
	Registry *prometheus.Registry
	// Version is shown in the page footer and in /healthz.
	Version string
	// SessionKey signs session cookies. Nil means a random key per process,
	// so sign-ins end when the process restarts; servers sharing one store
	// behind a load balancer need the same key.
	SessionKey []byte
}

// Server is the Funding Pulse web UI and API as an http.Handler. It holds no
// listeners; its one goroutine, the ingest worker, runs only while fetch
// passes are queued, and Close stops it.
type Server struct {
	store      pulse.Store
	ingest     *ingestQueue // nil when fetching is disabled
	now        func() time.Time
	log        *slog.Logger
	version    string
	sessionKey []byte

	sessions sessionCache
	views    map[string]*template.Template
	assets   *assets
	metrics  *metrics
	handler  http.Handler
}

// New builds a Server: it parses every template and hashes the embedded
// assets once, so a missing or broken view fails here and not on a request.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: a store is required")
	}
	s := &Server{
		store:      cfg.Store,
		now:        cfg.Now,
		log:        cfg.Log,
		version:    cfg.Version,
		sessionKey: cfg.SessionKey,
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if cfg.Ingest != nil {
		s.ingest = newIngestQueue(cfg.Ingest, s.now, s.log)
	}
	if s.version == "" {
		s.version = "dev"
	}
	if len(s.sessionKey) == 0 {
		s.sessionKey = make([]byte, 32)
		rand.Read(s.sessionKey) // never fails (crypto/rand)
	}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("load assets: %w", err)
	}
	if s.views, err = s.parseViews(); err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	reg := cfg.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	if s.metrics, err = newMetrics(reg); err != nil {
		return nil, fmt.Errorf("register metrics: %w", err)
	}
	s.handler = s.buildHandler(reg)
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Close stops background work: fetches still queued are dropped (marked
// failed), the running pass is cancelled, and Close waits for it to return
// or for ctx to end. Call it after the http.Server has shut down, before the
// store closes; fetch requests after Close are refused with 503. Calling it
// again waits again.
func (s *Server) Close(ctx context.Context) error {
	if s.ingest == nil {
		return nil
	}
	return s.ingest.close(ctx)
}

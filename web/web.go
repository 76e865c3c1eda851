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
	// Ingest triggers a fetch of one source, or of all sources when sourceID
	// is 0. It is called inside the request, so it should enqueue the work
	// and return quickly. Nil disables the ingest endpoints (503).
	Ingest func(ctx context.Context, sourceID int64) error
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
// goroutines or listeners, so the caller's http.Server shuts it down.
type Server struct {
	store      pulse.Store
	ingest     func(ctx context.Context, sourceID int64) error
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
		ingest:     cfg.Ingest,
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

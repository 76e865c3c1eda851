package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/demo"
	"github.com/fundingpulse/pulse/ingest"
	"github.com/fundingpulse/pulse/web"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func runServe(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("serve")
	fs.StringVar(&c.cfg.Addr, "addr", c.cfg.Addr, "listen address HOST:PORT")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	in, err := newIngester(c, s)
	if err != nil {
		return err
	}
	srv, err := startServer(c, s, in, c.cfg.Addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Funding Pulse is serving on %s (Ctrl-C to stop)\n", srv.URL)
	go in.Schedule(ctx)
	return srv.Wait(ctx)
}

// server is the running web server.
type server struct {
	URL  string
	http *http.Server
	web  *web.Server
	errc chan error
}

// startServer listens on addr (port 0 picks one) and serves the web UI and API.
func startServer(c *cli, s pulse.Store, in *ingest.Ingester, addr string) (*server, error) {
	h, err := web.New(web.Config{
		Store: s,
		Ingest: func(ctx context.Context, sourceID int64) (web.IngestResult, error) {
			sum, err := in.Run(ctx, ingest.Options{SourceID: sourceID})
			return web.IngestResult{
				Sources: sum.Sources, FailedSources: sum.Failed, NewArticles: sum.NewArticles,
				NewDeals: sum.NewDeals, NewMentions: sum.NewMentions, Briefings: sum.Briefings,
			}, err
		},
		Log:     c.log,
		Version: version,
	})
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &server{
		URL: "http://" + ln.Addr().String(),
		web: h,
		http: &http.Server{
			Handler:           h,
			ReadHeaderTimeout: 10 * time.Second,
			ReadTimeout:       30 * time.Second,
			WriteTimeout:      60 * time.Second,
			IdleTimeout:       2 * time.Minute,
		},
		errc: make(chan error, 1),
	}
	go func() { srv.errc <- srv.http.Serve(ln) }()
	return srv, nil
}

// Wait serves until ctx ends, then shuts down gracefully.
func (s *server) Wait(ctx context.Context) error {
	select {
	case err := <-s.errc:
		return errors.Join(err, s.Close())
	case <-ctx.Done():
	}
	return s.Close()
}

// Close stops the server, letting requests in flight finish for a while,
// then cancels a fetch pass the web UI or API queued and waits for it, so
// the store can be closed after.
func (s *server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var errs []error
	if err := s.http.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		errs = append(errs, fmt.Errorf("shut down web server: %w", err))
	}
	// The pass gets its own time: cancelling it is quick, and the store
	// must not close under it because slow requests took the first budget.
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if err := s.web.Close(wctx); err != nil {
		errs = append(errs, fmt.Errorf("stop queued fetches: %w", err))
	}
	return errors.Join(errs...)
}

func runDemo(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("demo")
	noServe := fs.Bool("no-serve", false, "stop after the pipeline; do not start the web server")
	fs.StringVar(&c.cfg.Addr, "addr", c.cfg.Addr, "listen address HOST:PORT for the web UI")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	d, err := loadDemo(ctx, c)
	if err != nil {
		return err
	}
	defer d.Close()
	if *noServe {
		fmt.Fprintf(c.stdout, "\nData is in %s. Next: pulse brief ai-funding-pulse --data %s, or pulse demo without --no-serve for the web UI.\n", c.cfg.DataDir, c.cfg.DataDir)
		return nil
	}
	srv, err := startServer(c, d.store, d.ingester, c.cfg.Addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "\nFunding Pulse demo is serving on %s (Ctrl-C to stop)\n", srv.URL)
	return srv.Wait(ctx)
}

// demoRun is the demo's content server, store and pipeline after the first pass.
type demoRun struct {
	content  *demo.Server
	store    pulse.Store
	ingester *ingest.Ingester
	summary  ingest.Summary
}

func (d *demoRun) Close() error {
	return errors.Join(d.store.Close(), d.content.Close())
}

// loadDemo serves the embedded corpus on loopback and runs the real pipeline
// over it into the data directory.
func loadDemo(ctx context.Context, c *cli) (*demoRun, error) {
	content, err := demo.Start(ctx)
	if err != nil {
		return nil, fmt.Errorf("start demo content server: %w", err)
	}
	// The content server is our own, on loopback: allow private addresses
	// and a fast rate. One worker keeps the run, and so its IDs, repeatable.
	c.cfg.AllowPrivate = true
	c.cfg.HostRate, c.cfg.HostBurst, c.cfg.Workers = 1000, 100, 1
	s, err := openStore(ctx, c)
	if err != nil {
		content.Close()
		return nil, err
	}
	d := &demoRun{content: content, store: s}
	if err := syncDemoSources(ctx, s, content); err != nil {
		d.Close()
		return nil, err
	}
	if d.ingester, err = newIngester(c, s); err != nil {
		d.Close()
		return nil, err
	}
	target := c.cfg.DataDir
	if c.cfg.DatabaseURL != "" {
		target = "PostgreSQL"
	}
	fmt.Fprintf(c.stdout, "Demo corpus served on %s; running the pipeline into %s\n", content.URL(), target)
	d.summary, err = d.ingester.Run(ctx, ingest.Options{Progress: progressPrinter(c.stderr)})
	printSummary(ctx, c.stdout, s, d.summary)
	if err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// syncDemoSources points the demo's sources at this run's content server.
// The server's port changes between runs; stored articles are recognised by
// their identity and text, so re-running adds nothing twice.
func syncDemoSources(ctx context.Context, s pulse.Store, content *demo.Server) error {
	existing, err := s.FindSources(ctx, pulse.SourceFilter{})
	if err != nil {
		return err
	}
	want := content.Sources()
	for _, old := range existing {
		for _, w := range want {
			if old.Title == w.Title && old.Kind == w.Kind && old.URL != w.URL && isLoopback(old.URL) {
				if err := s.DeleteSource(ctx, old.ID); err != nil {
					return fmt.Errorf("replace demo source %d: %w", old.ID, err)
				}
			}
		}
	}
	for i := range want {
		src := want[i]
		if err := s.CreateSource(ctx, &src); err != nil && pulse.ErrorCode(err) != pulse.ECONFLICT {
			return fmt.Errorf("add demo source %s: %w", src.URL, err)
		}
	}
	return nil
}

func isLoopback(u string) bool {
	for _, p := range []string{"http://127.0.0.1:", "http://localhost:", "http://[::1]:"} {
		if len(u) >= len(p) && u[:len(p)] == p {
			return true
		}
	}
	return false
}

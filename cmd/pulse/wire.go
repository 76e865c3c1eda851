package main

import (
	"fmt"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract"
	"github.com/fundingpulse/pulse/fetch"
	"github.com/fundingpulse/pulse/fx"
	"github.com/fundingpulse/pulse/ingest"
)

// newIngester wires the pipeline from the configuration.
func newIngester(c *cli, s pulse.Store) (*ingest.Ingester, error) {
	rates, err := fx.Open(c.cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("currency rates: %w", err)
	}
	cfg := c.cfg
	return &ingest.Ingester{
		Store: s,
		Fetcher: fetch.New(fetch.Config{
			UserAgent: cfg.UserAgent, Timeout: cfg.FetchTimeout, MaxBytes: cfg.MaxBodyBytes,
			MaxRedirects: cfg.MaxRedirects, HostRate: cfg.HostRate, HostBurst: cfg.HostBurst,
			HostConcurrency: 2, AllowPrivate: cfg.AllowPrivate, IgnoreRobots: cfg.IgnoreRobots,
		}),
		Extractor: extract.New(extract.Options{FX: rates, Model: c.model(), Log: c.log}),
		Model:     c.model(),
		Log:       c.log,
		Config: ingest.Config{
			Workers: cfg.Workers, ShortText: cfg.ShortText, MaxBytes: cfg.MaxBodyBytes,
			Poll:  fetch.PollPolicy{Default: cfg.PollInterval, Min: cfg.MinPoll, Max: cfg.MaxPoll},
			Lease: 3 * cfg.FetchTimeout, Tick: 30 * time.Second,
		},
	}, nil
}

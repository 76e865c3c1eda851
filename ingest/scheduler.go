package ingest

import (
	"context"
	"fmt"
	"time"

	"github.com/fundingpulse/pulse"
)

// Schedule polls sources as they fall due until ctx ends. Each round claims
// due sources atomically, so several workers against one database never
// fetch the same source twice; the claim's lease is released by the fetch
// outcome (RecordFetch sets the real next poll time).
func (in *Ingester) Schedule(ctx context.Context) error {
	tick := in.Config.Tick
	if tick <= 0 {
		tick = 30 * time.Second
	}
	in.log().Info("scheduler started", "tick", tick.String())
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			in.log().Info("scheduler stopped")
			return nil
		case <-t.C:
		}
		n, err := in.Due(ctx)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			in.log().Error("scheduled pass", "err", err)
		case n > 0:
			in.log().Info("scheduled pass", "sources", n)
		}
		t.Reset(tick)
	}
}

// Due fetches the sources that are due now and reports how many it took.
func (in *Ingester) Due(ctx context.Context) (int, error) {
	lease := in.Config.Lease
	if lease <= 0 {
		lease = 10 * time.Minute
	}
	limit := max(in.Config.Workers, 1) * 4
	var sources []*pulse.Source
	for {
		batch, err := in.Store.ClaimDueSources(ctx, in.now(), limit, lease)
		if err != nil {
			return 0, fmt.Errorf("claim due sources: %w", err)
		}
		sources = append(sources, batch...)
		if len(batch) < limit {
			break
		}
	}
	if len(sources) == 0 {
		return 0, nil
	}
	_, err := in.process(ctx, sources, nil)
	return len(sources), err
}

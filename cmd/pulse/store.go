package main

import (
	"context"
	"fmt"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/sqlite"
)

// openStore opens the configured store: the SQLite file in the data
// directory, creating it and applying migrations as needed.
func openStore(ctx context.Context, c *cli) (pulse.Store, error) {
	db, err := sqlite.Open(ctx, c.cfg.SQLitePath())
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return db, nil
}

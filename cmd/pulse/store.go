package main

import (
	"context"
	"fmt"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/postgres"
	"github.com/fundingpulse/pulse/sqlite"
)

// openStore opens the configured store: PostgreSQL when PULSE_DATABASE_URL
// is set (several workers and web servers share it), else the SQLite file in
// the data directory. Either is created and migrated as needed.
func openStore(ctx context.Context, c *cli) (pulse.Store, error) {
	if c.cfg.DatabaseURL != "" {
		db, err := postgres.Open(ctx, c.cfg.DatabaseURL)
		if err != nil {
			return nil, fmt.Errorf("open PostgreSQL store: %w", err)
		}
		return db, nil
	}
	db, err := sqlite.Open(ctx, c.cfg.SQLitePath())
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return db, nil
}

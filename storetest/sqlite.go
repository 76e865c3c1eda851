package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/sqlite"
)

// MustOpenSQLite opens a fresh SQLite store in a temporary directory and
// closes it when the test ends.
func MustOpenSQLite(tb testing.TB) pulse.Store {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "pulse.db"))
	if err != nil {
		tb.Fatalf("open sqlite store: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("close sqlite store: %v", err)
		}
	})
	return db
}

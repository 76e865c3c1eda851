package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/sqlite"
	"github.com/fundingpulse/pulse/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) pulse.Store { return storetest.MustOpenSQLite(t) })
}

func TestOpenMigrateReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nested dir?x=1#%41", "pulse.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	fixed := time.Date(2026, 3, 4, 12, 0, 0, 42, time.FixedZone("CET", 3600))
	db.Now = func() time.Time { return fixed }
	src := &pulse.Source{Kind: pulse.SourceFeed, URL: "https://feeds.example/rss"}
	if err := db.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	if !src.CreatedAt.Equal(fixed) || src.CreatedAt.Location() != time.UTC {
		t.Fatalf("CreatedAt = %v, want %v in UTC", src.CreatedAt, fixed)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not at the given path: %v", err)
	}
	got, err := db.FindSourceByID(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.CreatedAt.Equal(fixed) {
		t.Fatalf("after reopen CreatedAt = %v, want %v", got.CreatedAt, fixed)
	}
}

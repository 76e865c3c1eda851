package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
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

// TestClaimAcrossHandles checks claims stay disjoint when two processes
// (here two handles, each with its own writer) share one file.
func TestClaimAcrossHandles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pulse.db")
	var dbs [2]*sqlite.DB
	for i := range dbs {
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	const n = 30
	for i := range n {
		if err := dbs[0].CreateSource(ctx, &pulse.Source{Kind: pulse.SourceFeed, URL: fmt.Sprintf("https://feeds.example/%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	var mu sync.Mutex
	seen := map[int64]int{}
	var wg sync.WaitGroup
	for _, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n {
				got, err := db.ClaimDueSources(ctx, now, 2, time.Hour)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				for _, s := range got {
					seen[s.ID]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seen) != n {
		t.Fatalf("claimed %d sources, want %d", len(seen), n)
	}
	for id, c := range seen {
		if c != 1 {
			t.Fatalf("source %d claimed %d times", id, c)
		}
	}
}

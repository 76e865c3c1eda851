package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/sqlite"
)

func openBench(b *testing.B, path string) *sqlite.DB {
	b.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func benchArticle(n int) *pulse.Article {
	return &pulse.Article{
		URL: fmt.Sprintf("https://news.example/%d", n), IdentityHash: fmt.Sprintf("id-%d", n),
		ContentHash: fmt.Sprintf("c-%d", n), Title: fmt.Sprintf("Company %d raises Series B", n), Outlet: "Example",
		Published: time.Unix(1_700_000_000+int64(n)*600, 0).UTC(),
		Text:      fmt.Sprintf("Company %d raised $%d million in a round led by Fund %d to build data centers and chips.", n, n%500+1, n%97),
	}
}

// BenchmarkAddArticle measures idempotent inserts of new articles.
func BenchmarkAddArticle(b *testing.B) {
	db := openBench(b, filepath.Join(b.TempDir(), "bench.db"))
	ctx := context.Background()
	n := 0
	for b.Loop() {
		n++
		if _, err := db.AddArticle(ctx, benchArticle(n)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkFindDeals measures filtered deal queries over 10,000 deals, after
// a reopen, as a restarted server sees them (Open refreshes planner
// statistics).
func BenchmarkFindDeals(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	const deals = 10_000
	sectors := []string{"chips", "data_centers", "photonics", "energy", "models"}
	regions := []string{"asia", "europe", "north_america"}
	kinds := []pulse.DealKind{pulse.KindFundingRound, pulse.KindDebt, pulse.KindAcquisition}
	for i := range deals {
		a := benchArticle(i)
		if _, err := db.AddArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
		amount := float64(i%500+1) * 1e6
		d := &pulse.Deal{Kind: kinds[i%len(kinds)], Company: fmt.Sprintf("Company %d", i), Amount: amount, Currency: "USD",
			AmountUSD: amount, Investors: []string{fmt.Sprintf("Fund %d", i%97)}, Sector: sectors[i%len(sectors)],
			Region: regions[i%len(regions)], Country: "Somewhere",
			Mentions: []pulse.Mention{{ArticleID: a.ID, Sentence: a.Text, End: len(a.Text), Amount: amount, Currency: "USD"}}}
		if err := db.CreateDeal(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	db = openBench(b, path)
	for _, bc := range []struct {
		name string
		f    pulse.DealFilter
	}{
		{"page", pulse.DealFilter{Limit: 50}},
		{"sector_region_amount", pulse.DealFilter{Sectors: []string{"chips"}, Regions: []string{"asia"}, AmountMin: 100e6, Sort: "-amount", Limit: 50}},
		{"kind_date_range", pulse.DealFilter{Kinds: []pulse.DealKind{pulse.KindDebt}, From: time.Unix(1_700_000_000, 0), To: time.Unix(1_702_000_000, 0), Limit: 50}},
		{"company_substring", pulse.DealFilter{Company: "company 12", Limit: 50}},
		{"investor_substring", pulse.DealFilter{Investor: "fund 42", Limit: 50}},
		{"query", pulse.DealFilter{Query: "data centers", Sort: "amount", Limit: 50}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := db.FindDeals(ctx, bc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

// The load benchmarks hit a loopback server concurrently and report latency
// percentiles and throughput:
//
//	go test ./web -run '^$' -bench . -benchtime 2000x

// bulkDeals adds n more deals, each with its own article, spread over a
// year and over the taxonomy, so filters and sorts do real work.
func bulkDeals(tb testing.TB, s pulse.Store, sourceID int64, n int) {
	tb.Helper()
	ctx := context.Background()
	start := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	for i := range n {
		text := fmt.Sprintf("Company %d raised $%d million from Fund %d and Fund %d.", i, 5+i%200, i%17, i%5)
		a := &pulse.Article{SourceID: sourceID, URL: fmt.Sprintf("https://bulk.example.com/%d", i),
			IdentityHash: sha(fmt.Sprint("bulk", i)), ContentHash: sha(text), Title: fmt.Sprintf("Company %d raises", i),
			Outlet: fmt.Sprintf("Outlet %d", i%9), Published: start.Add(time.Duration(i) * 13 * time.Hour), Text: text}
		if _, err := s.AddArticle(ctx, a); err != nil {
			tb.Fatal(err)
		}
		amount := float64(5+i%200) * 1e6
		d := &pulse.Deal{Kind: pulse.DealKinds[i%len(pulse.DealKinds)], Company: fmt.Sprintf("Company %d", i),
			Amount: amount, Currency: "USD", AmountUSD: amount, Round: pulse.Rounds[i%len(pulse.Rounds)],
			Investors: []string{fmt.Sprintf("Fund %d", i%17), fmt.Sprintf("Fund %d", i%5)}, LeadInvestors: []string{},
			Date: a.Published, Sector: pulse.Sectors[i%len(pulse.Sectors)].Slug, Region: pulse.Regions[i%len(pulse.Regions)].Slug,
			Mentions: []pulse.Mention{{ArticleID: a.ID, Sentence: text, Start: len(a.Title) + 2, End: len(a.Title) + 2 + len(text),
				Amount: amount, Currency: "USD"}}}
		if err := s.CreateDeal(ctx, d); err != nil {
			tb.Fatal(err)
		}
	}
}

// benchGet requests path from many goroutines and reports p50 and p99
// latency in milliseconds and requests per second.
func benchGet(b *testing.B, path string) {
	ts, f := newTestServer(b)
	bulkDeals(b, f.store, f.sources[0].ID, 500)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	url := ts.URL + path
	if r, err := client.Get(url); err != nil || r.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %v %v", path, err, r)
	}
	var mu sync.Mutex
	var all []time.Duration
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			t0 := time.Now()
			res, err := client.Get(url)
			if err != nil {
				b.Error(err)
				return
			}
			_, err = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if err != nil || res.StatusCode != http.StatusOK {
				b.Errorf("GET %s: %d %v", path, res.StatusCode, err)
				return
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		all = append(all, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if len(all) == 0 {
		return
	}
	slices.Sort(all)
	ms := func(q float64) float64 { return float64(all[int(q*float64(len(all)-1))]) / 1e6 }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
}

func BenchmarkPulsePage(b *testing.B) {
	benchGet(b, "/pulses/ai-funding-pulse")
}

func BenchmarkDealsFiltered(b *testing.B) {
	benchGet(b, "/deals?sector=chips,photonics,memory&amount_min=20M&sort=-amount&from=2025-06-01")
}

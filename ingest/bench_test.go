package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/storetest"
)

// writeFeed writes an RSS file of n distinct full-text entries.
func writeFeed(tb testing.TB, dir string, n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench Wire</title>`)
	day := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for i := range n {
		company := fmt.Sprintf("Company%04d Systems", i)
		fmt.Fprintf(&b, `<item><title>%s raises $%d million</title><guid>bench-%d</guid><pubDate>%s</pubDate><description><![CDATA[`,
			company, 5+i%90, i, day.Add(time.Duration(i)*time.Hour).Format(time.RFC1123Z))
		fmt.Fprintf(&b, "<p>%s, a Berlin-based designer of inference chips, said on Monday it raised $%d million in a Series A round led by Fund%d Partners, with participation from Alder Capital and Birch Ventures.</p>", company, 5+i%90, i%37)
		for p := range 6 {
			fmt.Fprintf(&b, "<p>Paragraph %d about item %d: the company plans to hire engineers, open an office in Munich and ship its first product to customers next year, executives said in a statement that also described the market for accelerators and the supply of memory.</p>", p, i)
		}
		b.WriteString(`]]></description></item>`)
	}
	b.WriteString(`</channel></rss>`)
	path := filepath.Join(dir, "bench.rss")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkIngest measures articles per second from a local feed into a
// real SQLite file: parse, fingerprint, near-duplicate check, store, extract,
// resolve and store deals, match pulses, rebuild briefings.
func BenchmarkIngest(b *testing.B) {
	const n = 200
	path := writeFeed(b, b.TempDir(), n)
	b.ResetTimer()
	var total time.Duration
	for range b.N {
		b.StopTimer()
		s := storetest.MustOpenSQLite(b)
		if err := s.CreateSource(context.Background(), &pulse.Source{Kind: pulse.SourceFile, URL: path}); err != nil {
			b.Fatal(err)
		}
		in := newIngester(b, s)
		b.StartTimer()
		start := time.Now()
		sum, err := in.Run(context.Background(), Options{})
		total += time.Since(start)
		if err != nil || sum.NewArticles != n {
			b.Fatalf("sum = %+v, err = %v", sum, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/total.Seconds(), "articles/s")
}

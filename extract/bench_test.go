package extract

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// benchArticles builds ~4 KB articles from the test articles.
func benchArticles(tb testing.TB) []string {
	files, _ := filepath.Glob("testdata/articles/*.txt")
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var sb strings.Builder
		for sb.Len() < 4096 {
			sb.Write(b)
			sb.WriteString("\n\n")
		}
		out = append(out, strings.ToValidUTF8(sb.String()[:4096], ""))
	}
	return out
}

// BenchmarkExtract measures articles of ~4 KB per second; run with -cpu 1.
// Allocation per article is constant, so memory stays flat however many
// articles are processed.
func BenchmarkExtract(b *testing.B) {
	docs := benchArticles(b)
	x := New(Options{})
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(4096)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := x.Extract(ctx, Document{Text: docs[i%len(docs)]}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// The live heap after the run: it stays the same whether 100 or 100,000
	// articles went through, since the extractor keeps nothing between calls.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc), "live-heap-B")
}

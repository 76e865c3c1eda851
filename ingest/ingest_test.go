package ingest

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract"
	"github.com/fundingpulse/pulse/fetch"
	"github.com/fundingpulse/pulse/storetest"
)

// newsServer serves testdata with {{base}} replaced by its own URL, plus a
// set of hostile endpoints.
func newsServer(t testing.TB) *httptest.Server {
	t.Helper()
	modified := time.Date(2026, 2, 12, 12, 0, 0, 0, time.UTC)
	var srv *httptest.Server
	mux := http.NewServeMux()
	serve := func(path, file, ctype string) {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			b, err := os.ReadFile(filepath.Join("testdata", file))
			if err != nil {
				t.Error(err)
				return
			}
			body := strings.ReplaceAll(string(b), "{{base}}", srv.URL)
			w.Header().Set("Content-Type", ctype)
			http.ServeContent(w, r, file, modified, strings.NewReader(body))
		})
	}
	serve("/wire.rss", "wire.rss", "application/rss+xml")
	serve("/ledger.atom", "syndicated.atom", "application/atom+xml")
	serve("/news/lumora", "lumora.html", "text/html; charset=utf-8")
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "User-agent: *\nAllow: /\n") })
	mux.HandleFunc("GET /broken.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, "<rss><channel><title>Half a feed</title><item><title>cut off")
	})
	mux.HandleFunc("GET /endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>`)
		chunk := []byte(strings.Repeat("<item><title>again</title></item>", 100))
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("GET /loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("GET /loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("GET /latin1.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		// "Zürich" and "é" in ISO-8859-1 bytes.
		io.WriteString(w, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Z\xfcrich Tech</title>"+
			"<item><title>Caf\xe9 Robotics raises CHF 8 million</title><guid>l1</guid><pubDate>Mon, 09 Feb 2026 08:00:00 GMT</pubDate>"+
			"<description>Caf\xe9 Robotics, a Z\xfcrich-based maker of warehouse robots, raised CHF 8 million in a seed round led by Alpine Crest Ventures, the company said on Monday.</description></item></channel></rss>")
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func newIngester(t testing.TB, s pulse.Store) *Ingester {
	return &Ingester{
		Store: s,
		Fetcher: fetch.New(fetch.Config{UserAgent: "FundingPulse-test/1.0", Timeout: 5 * time.Second, MaxBytes: 1 << 20,
			MaxRedirects: 5, HostRate: 1000, HostBurst: 100, HostConcurrency: 4, AllowPrivate: true}),
		Extractor: extract.New(extract.Options{}),
		Log:       slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now:       func() time.Time { return time.Date(2026, 2, 13, 0, 0, 0, 0, time.UTC) },
		Config:    Config{Workers: 2, ShortText: 600, MaxBytes: 1 << 20, Poll: fetch.PollPolicy{Default: 30 * time.Minute, Min: 5 * time.Minute, Max: 24 * time.Hour}},
	}
}

func addSources(t testing.TB, s pulse.Store, base string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if err := s.CreateSource(context.Background(), &pulse.Source{Kind: pulse.SourceFeed, URL: base + p}); err != nil {
			t.Fatal(err)
		}
	}
}

func dealsByCompany(t testing.TB, s pulse.Store) map[string]*pulse.Deal {
	t.Helper()
	deals, _, err := s.FindDeals(context.Background(), pulse.DealFilter{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]*pulse.Deal{}
	for _, d := range deals {
		m[d.Company] = d
	}
	return m
}

func TestRunStoresArticlesAndDeals(t *testing.T) {
	ctx := context.Background()
	srv := newsServer(t)
	s := storetest.MustOpenSQLite(t)
	addSources(t, s, srv.URL, "/wire.rss", "/ledger.atom")
	in := newIngester(t, s)

	sum, err := in.Run(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 0 || sum.NewArticles != 4 || sum.NearDuplicates != 1 {
		t.Fatalf("summary = %+v, want 4 new articles, 1 near-duplicate, no failure", sum)
	}

	// The short teaser was replaced by the page's main text, without the
	// sidebar's headlines; the tracking parameters are gone from the URL.
	u := srv.URL + "/news/lumora"
	as, _, err := s.FindArticles(ctx, pulse.ArticleFilter{URL: &u})
	if err != nil || len(as) != 1 {
		t.Fatalf("lumora article: %v, %d found", err, len(as))
	}
	if a := as[0]; !strings.Contains(a.Text, "Meridian Growth Partners") || strings.Contains(a.Text, "Quartzline") {
		t.Errorf("page text not extracted cleanly: %q", a.Text)
	}

	deals := dealsByCompany(t, s)
	lum, ok := deals["Lumora Photonics"]
	if !ok || lum.Amount != 40e6 || lum.Currency != "USD" {
		t.Errorf("Lumora deal = %+v", lum)
	}
	k, ok := deals["Kestrel Grid"]
	if !ok {
		t.Fatalf("no Kestrel Grid deal in %v", deals)
	}
	if k.Amount != 25e6 || len(k.Mentions) != 2 {
		t.Errorf("Kestrel deal: amount %v with %d mentions, want 25e6 with 2 (one per outlet)", k.Amount, len(k.Mentions))
	}
	for name := range deals {
		if strings.Contains(name, "Quartzline") || strings.Contains(name, "Ferrovia") {
			t.Errorf("a sidebar headline became a deal: %q", name)
		}
	}
	if len(deals) != 2 {
		t.Errorf("deals = %d (%v), want 2: the market forecast is not a deal", len(deals), keys(deals))
	}

	// Every source is healthy and scheduled.
	srcs, _ := s.FindSources(ctx, pulse.SourceFilter{})
	for _, src := range srcs {
		if src.LastError != "" || src.LastSuccessAt.IsZero() || !src.NextPollAt.After(in.Now()) {
			t.Errorf("source %s state: %+v", src.URL, src)
		}
	}
}

func keys(m map[string]*pulse.Deal) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestRunTwiceAddsNothing(t *testing.T) {
	ctx := context.Background()
	srv := newsServer(t)
	s := storetest.MustOpenSQLite(t)
	addSources(t, s, srv.URL, "/wire.rss", "/ledger.atom")
	in := newIngester(t, s)
	if _, err := in.Run(ctx, Options{}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Stats(ctx)
	sum, err := in.Run(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.Stats(ctx)
	if sum.NewArticles != 0 || sum.NewDeals != 0 || sum.NewMentions != 0 || before != after {
		t.Errorf("second run changed the store: summary %+v, stats %+v → %+v", sum, before, after)
	}
	if sum.Briefings != 0 {
		t.Errorf("second run with nothing new created %d briefing versions", sum.Briefings)
	}
}

func TestBadSourcesFailAlone(t *testing.T) {
	ctx := context.Background()
	srv := newsServer(t)
	s := storetest.MustOpenSQLite(t)
	addSources(t, s, srv.URL, "/wire.rss")
	in := newIngester(t, s)
	if _, err := in.Run(ctx, Options{}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Stats(ctx)

	bad := map[string]string{
		"/broken.xml": pulse.FetchErrParse,
		"/missing":    pulse.FetchErrStatus,
		"/endless":    pulse.FetchErrTooLarge,
		"/loop":       pulse.FetchErrRedirect,
	}
	for p := range bad {
		addSources(t, s, srv.URL, p)
	}
	addSources(t, s, srv.URL, "/latin1.rss")
	sum, err := in.Run(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != len(bad) {
		t.Errorf("failed = %d, want %d", sum.Failed, len(bad))
	}
	srcs, _ := s.FindSources(ctx, pulse.SourceFilter{})
	for _, src := range srcs {
		path := strings.TrimPrefix(src.URL, srv.URL)
		want, isBad := bad[path]
		switch {
		case isBad && (src.ErrorKind != want || src.ErrorCount != 1 || src.LastError == ""):
			t.Errorf("%s: error kind %q (%d×, %q), want %q", path, src.ErrorKind, src.ErrorCount, src.LastError, want)
		case !isBad && src.LastError != "":
			t.Errorf("%s: unexpected error %q", path, src.LastError)
		}
	}
	after, _ := s.Stats(ctx)
	if after.Articles != before.Articles+1 || after.Deals < before.Deals {
		t.Errorf("stats %+v → %+v: want only the Latin-1 feed's article added", before, after)
	}
	cafe := dealsByCompany(t, s)["Café Robotics"]
	if cafe == nil || cafe.Currency != "CHF" || cafe.Amount != 8e6 {
		t.Errorf("Latin-1 feed deal = %+v, want Café Robotics CHF 8M", cafe)
	}
}

func TestInterruptedRunLosesNothing(t *testing.T) {
	srv := newsServer(t)

	clean := storetest.MustOpenSQLite(t)
	addSources(t, clean, srv.URL, "/wire.rss", "/ledger.atom", "/latin1.rss")
	if _, err := newIngester(t, clean).Run(context.Background(), Options{}); err != nil {
		t.Fatal(err)
	}
	want, _ := clean.Stats(context.Background())

	// Kill the pass after its first source, then run again.
	s := storetest.MustOpenSQLite(t)
	addSources(t, s, srv.URL, "/wire.rss", "/ledger.atom", "/latin1.rss")
	in := newIngester(t, s)
	in.Config.Workers = 1
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	_, err := in.Run(ctx, Options{Progress: func(Progress) {
		if calls.Add(1) == 1 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: err = %v, want context.Canceled", err)
	}
	mid, _ := s.Stats(context.Background())
	if mid.Articles == 0 || mid.Articles >= want.Articles {
		t.Fatalf("interruption point: %d of %d articles stored; the test needs a partial pass", mid.Articles, want.Articles)
	}
	if _, err := in.Run(context.Background(), Options{}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Stats(context.Background())
	if got != want {
		t.Errorf("after interruption and rerun: %+v, want %+v", got, want)
	}
}

func TestFileSource(t *testing.T) {
	ctx := context.Background()
	s := storetest.MustOpenSQLite(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "note.txt")
	text := "Harrow Compute raises $18 million\nHarrow Compute, a London-based operator of liquid-cooled GPU halls, raised $18 million in a Series A round led by Fenwick Road Capital, the company said on Friday."
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSource(ctx, &pulse.Source{Kind: pulse.SourceFile, URL: path}); err != nil {
		t.Fatal(err)
	}
	sum, err := newIngester(t, s).Run(ctx, Options{})
	if err != nil || sum.NewArticles != 1 || sum.Failed != 0 {
		t.Fatalf("sum = %+v, err = %v", sum, err)
	}
	if d := dealsByCompany(t, s)["Harrow Compute"]; d == nil || d.Amount != 18e6 {
		t.Errorf("file source deal = %+v", d)
	}
}

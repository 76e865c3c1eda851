package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/fundingpulse/pulse/config"
	"github.com/fundingpulse/pulse/demo"
	"github.com/fundingpulse/pulse/extract"
	"github.com/fundingpulse/pulse/fetch"
	"github.com/fundingpulse/pulse/fx"
	"github.com/fundingpulse/pulse/ingest"
	"github.com/fundingpulse/pulse/storetest"
)

// demoSite runs the embedded demo corpus through the real pipeline (fetch,
// extract, resolve, brief) into a temporary SQLite store, and serves the web
// UI over it on loopback. It is wired as "pulse demo" wires it.
func demoSite(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	content, err := demo.Start(context.Background())
	if err != nil {
		t.Fatalf("start demo content server: %v", err)
	}
	t.Cleanup(func() { content.Close() })
	s := storetest.MustOpenSQLite(t)
	for _, src := range content.Sources() {
		if err := s.CreateSource(ctx, &src); err != nil {
			t.Fatalf("add demo source %s: %v", src.URL, err)
		}
	}
	cfg := config.Default()
	in := &ingest.Ingester{
		Store: s,
		Fetcher: fetch.New(fetch.Config{
			UserAgent: cfg.UserAgent, Timeout: cfg.FetchTimeout, MaxBytes: cfg.MaxBodyBytes,
			MaxRedirects: cfg.MaxRedirects, HostRate: 1000, HostBurst: 100, HostConcurrency: 2,
			AllowPrivate: true, IgnoreRobots: cfg.IgnoreRobots,
		}),
		Extractor: extract.New(extract.Options{FX: fx.Default()}),
		Log:       slog.New(slog.DiscardHandler),
		Config: ingest.Config{
			Workers: 1, ShortText: cfg.ShortText, MaxBytes: cfg.MaxBodyBytes,
			Poll:  fetch.PollPolicy{Default: cfg.PollInterval, Min: cfg.MinPoll, Max: cfg.MaxPoll},
			Lease: 3 * cfg.FetchTimeout, Tick: 30 * time.Second,
		},
	}
	sum, err := in.Run(ctx, ingest.Options{})
	if err != nil {
		t.Fatalf("demo pipeline: %v (summary %+v)", err, sum)
	}
	h, err := New(Config{Store: s, Version: "demo-test"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

// shoot saves a full-page screenshot of the current page.
func shoot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png := run(t, ctx, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// navigate opens base+path and returns the text of the main element.
func navigate(t *testing.T, ctx context.Context, base, path string) string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path)); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return run(t, ctx, chromedp.Text(chromedp.CSS("main")))
}

func TestDemoInBrowser(t *testing.T) {
	ctx := browser(t)
	base := demoSite(t)
	dir := artifacts(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}

	home := navigate(t, ctx, base, "/")
	if !strings.Contains(home, "AI Funding Pulse") {
		t.Errorf("the home page does not list the AI Funding Pulse:\n%s", home)
	}
	shoot(t, ctx, dir, "demo_home.png")

	t.Run("pulse", func(t *testing.T) { demoPulse(t, ctx, base, dir) })
	t.Run("deals", func(t *testing.T) { demoDeals(t, ctx, base, dir) })
	t.Run("sector export", func(t *testing.T) { demoSectorExport(t, base) })

	sources := navigate(t, ctx, base, "/sources")
	for _, outlet := range []string{"Photon & Die", "Data Center Ledger", "Asia Capital Wire"} {
		if !strings.Contains(sources, outlet) {
			t.Errorf("the sources page lacks %q", outlet)
		}
	}
	shoot(t, ctx, dir, "demo_sources.png")
	t.Logf("screenshots in %s", dir)
}

// demoPulse follows a citation of the briefing to its entry in the sources
// list: the entry must be the one with that number, and be the article that
// reports the cited move.
func demoPulse(t *testing.T, ctx context.Context, base, dir string) {
	text := navigate(t, ctx, base, "/pulses/ai-funding-pulse")
	for _, want := range []string{"Sources (", "Updated Mar 4, 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("the pulse page lacks %q", want)
		}
	}
	shoot(t, ctx, dir, "demo_pulse.png")

	// The citation on the Ayar Labs move, marked so that a CSS click finds it.
	href := run(t, ctx, chromedp.Evaluate[string](`(() => {
		const li = Array.from(document.querySelectorAll("main li")).find(li => li.textContent.includes("Ayar Labs") && li.querySelector("a.cite"));
		if (!li) return "";
		const a = li.querySelector("a.cite");
		a.id = "cite-under-test";
		return a.getAttribute("href");
	})()`))
	m := regexp.MustCompile(`^#source-(\d+)$`).FindStringSubmatch(href)
	if m == nil {
		t.Fatalf("the Ayar Labs move's citation links to %q", href)
	}
	n, _ := strconv.Atoi(m[1])
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("cite-under-test"))); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Hash, ID, Text string
		Value, Index   int
		Visible        bool
	}
	// Scrolling is smooth, so wait until the entry is in view or give up.
	raw := run(t, ctx, chromedp.Evaluate[[]byte](`(async () => {
		const inView = el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; };
		let el = null;
		for (let i = 0; i < 40; i++) {
			el = document.querySelector(":target");
			if (el && inView(el)) break;
			await new Promise(r => setTimeout(r, 50));
		}
		if (!el) return {hash: location.hash};
		const items = Array.from(el.parentElement.children);
		return {hash: location.hash, id: el.id, text: el.textContent, value: el.value || 0,
			index: items.indexOf(el) + 1, visible: inView(el)};
	})()`, chromedp.EvalAwaitPromise))
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if got.Hash != href || got.ID != "source-"+m[1] || got.Value != n || got.Index != n || !got.Visible {
		t.Errorf("after clicking [%d]: %+v, want entry %d of the list, in view", n, got, n)
	}
	if !strings.Contains(got.Text, "Ayar Labs") || !strings.Contains(got.Text, "Photon & Die") {
		t.Errorf("source %d reads %q, want the Photon & Die article on Ayar Labs", n, got.Text)
	}
	shoot(t, ctx, dir, "demo_pulse_source.png")
}

// demoDeals filters the explorer on a company, checks the rows, and compares
// the page's CSV and JSON exports with each other and with the rows shown.
func demoDeals(t *testing.T, ctx context.Context, base, dir string) {
	all := navigate(t, ctx, base, "/deals")
	if !strings.Contains(all, "deals") {
		t.Fatalf("the explorer reads %q", all)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("form.filters input[name=company]"), "Ayar")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form.filters button[type=submit]"))); err != nil {
		t.Fatalf("submit filters: %v", err)
	}
	if loc := run(t, ctx, chromedp.Location()); !strings.Contains(loc, "company=Ayar") {
		t.Errorf("the filtered explorer is at %s", loc)
	}
	rows := run(t, ctx, chromedp.Evaluate[[][]string](rowsJS))
	if len(rows) == 0 {
		t.Fatal("no rows for company Ayar")
	}
	for _, r := range rows {
		if !strings.Contains(r[0], "Ayar") {
			t.Errorf("row %q does not match company Ayar", r)
		}
	}
	shoot(t, ctx, dir, "demo_deals.png")

	var out struct{ CSV, JSON, JSONURL string }
	raw := run(t, ctx, chromedp.Evaluate[[]byte](`(async () => {
		const get = async sel => (await fetch(document.querySelector(sel).href)).text();
		return {csv: await get("#export-csv"), json: await get("#export-json"), jsonurl: document.querySelector("#export-json").href};
	})()`, chromedp.EvalAwaitPromise))
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.JSONURL, base+"/api/v1/deals?") || !strings.Contains(out.JSONURL, "company=Ayar") {
		t.Errorf("the JSON export link is %s, want the API with the page's filter", out.JSONURL)
	}
	var l dealList
	if err := json.Unmarshal([]byte(out.JSON), &l); err != nil {
		t.Fatalf("JSON export: %v", err)
	}
	if l.Total != len(rows) || len(l.Deals) != len(rows) {
		t.Errorf("the API finds %d deals (%d on its page), the explorer shows %d rows", l.Total, len(l.Deals), len(rows))
	}
	sameDeals(t, readCSV(t, out.CSV), l.Deals)
	for i, d := range l.Deals {
		if i < len(rows) && rows[i][0] != d.Company {
			t.Errorf("row %d shows %q, the API gives %q", i, rows[i][0], d.Company)
		}
	}

	// The deal page of the first row, reached by its link.
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("table.deals tbody tr td a"))); err != nil {
		t.Fatalf("open deal: %v", err)
	}
	loc := run(t, ctx, chromedp.Location())
	if len(l.Deals) > 0 && loc != base+"/deals/"+strconv.FormatInt(l.Deals[0].ID, 10) {
		t.Errorf("the first row links to %s, want deal %d", loc, l.Deals[0].ID)
	}
	deal := run(t, ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Ayar Labs", "$500 million", "Photon & Die"} {
		if !strings.Contains(deal, want) {
			t.Errorf("the deal page lacks %q:\n%s", want, deal)
		}
	}
	shoot(t, ctx, dir, "demo_deal.png")
}

// demoSectorExport compares the CSV export with the JSON API on a filter
// that matches several demo deals.
func demoSectorExport(t *testing.T, base string) {
	const q = "sector=photonics&sort=-amount&limit=100"
	var l dealList
	if err := json.Unmarshal([]byte(get(t, base+"/api/v1/deals?"+q).body), &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Deals) < 3 || l.Total != len(l.Deals) {
		t.Fatalf("the API finds %d photonics deals (total %d), want at least 3 on one page", len(l.Deals), l.Total)
	}
	for _, d := range l.Deals {
		if d.Sector != "photonics" {
			t.Errorf("deal %d (%s) is in sector %q", d.ID, d.Company, d.Sector)
		}
	}
	sameDeals(t, readCSV(t, get(t, base+"/deals.csv?"+q).body), l.Deals)
}

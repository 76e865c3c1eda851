package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/storetest"
)

// The fixture is a small, invented news world: two sources, five articles,
// four deals (one with conflicting amounts, one whose company name and one
// whose article title carry markup), two pulses, two briefing versions and
// an API token.

const testToken = "test-secret-token"

var (
	day = func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 0, 0, 0, time.UTC) }
	// hostileCompany and hostileTitle check that text from articles is
	// always escaped.
	hostileCompany = `"><img src=x onerror=alert(1)>`
	hostileTitle   = `<script>alert("title")</script> Memory startup funded`
)

type fixture struct {
	store    pulse.Store
	sources  []*pulse.Source
	articles []*pulse.Article
	deals    map[string]*pulse.Deal // by short name: lumora, kestrel, hostile, tessera
	pulse    *pulse.Pulse
	empty    *pulse.Pulse
	srv      *Server
	mu       sync.Mutex
	ingested []int64 // source IDs passed to Config.Ingest
}

func (f *fixture) ingestCalls() []int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]int64(nil), f.ingested...)
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// seed fills a fresh store with the fixture.
func seed(tb testing.TB, s pulse.Store) *fixture {
	tb.Helper()
	ctx := context.Background()
	must := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	f := &fixture{store: s, deals: map[string]*pulse.Deal{}}
	for _, src := range []*pulse.Source{
		{Kind: pulse.SourceFeed, URL: "https://news.example.com/feed.xml", Title: "Example News"},
		{Kind: pulse.SourcePage, URL: "https://broken.example.net/story", Title: "Broken Page"},
	} {
		must(s.CreateSource(ctx, src))
		f.sources = append(f.sources, src)
	}
	must(s.RecordFetch(ctx, f.sources[0].ID, pulse.FetchResult{At: day(2026, 3, 4), NextPollAt: day(2026, 3, 4).Add(time.Hour)}))
	must(s.RecordFetch(ctx, f.sources[1].ID, pulse.FetchResult{At: day(2026, 3, 4), ErrorKind: pulse.FetchErrStatus,
		Err: "HTTP 503 Service Unavailable", NextPollAt: day(2026, 3, 4).Add(2 * time.Hour)}))

	arts := []struct{ title, outlet, text string }{
		{"Lumora Photonics raises $120 million Series B", "Circuit Ledger",
			"Lumora Photonics said on Tuesday it raised $120 million in a Series B round led by Harbor Ventures, with participation from Northwind Capital. The company makes optical links for AI clusters."},
		{"Lumora lands $125M for optical links", "Photon Daily",
			"Optical interconnect startup Lumora Photonics has closed a $125 million round led by Harbor Ventures."},
		{"Gridstone Mining to buy 60% of Kestrel Compute", "Hashrate Wire",
			"Gridstone Mining agreed to acquire a 60% stake in Kestrel Compute, a French AI data center operator, for €300 million."},
		{hostileTitle, "Evil Times",
			"The memory startup raised $40 million in seed funding from Northwind Capital, its founders said."},
		{"Tessera Grid secures $2 billion loan", "Power Markets",
			"Tessera Grid secured a $2 billion debt facility from Bank of Example to build data centers in Texas."},
	}
	dates := []time.Time{day(2026, 2, 10), day(2026, 2, 11), day(2026, 1, 20), day(2026, 3, 1), day(2025, 12, 5)}
	for i, a := range arts {
		art := &pulse.Article{
			SourceID: f.sources[0].ID, URL: "https://news.example.com/story/" + string(rune('a'+i)),
			IdentityHash: sha("id" + a.title), ContentHash: sha("body" + a.text),
			Title: a.title, Outlet: a.outlet, Published: dates[i], FetchedAt: dates[i].Add(time.Hour),
			Lang: "en", Text: a.text,
		}
		created, err := s.AddArticle(ctx, art)
		must(err)
		if !created {
			tb.Fatalf("article %q not created", a.title)
		}
		f.articles = append(f.articles, art)
	}

	// mention builds a mention of article i whose sentence is the article's
	// first sentence, with the amount's evidence span.
	mention := func(i int, amountText string, amount float64, currency string) pulse.Mention {
		a := f.articles[i]
		doc := a.Document()
		sentence := a.Text
		if j := strings.Index(sentence, ". "); j > 0 {
			sentence = sentence[:j+1]
		}
		start := strings.Index(doc, sentence)
		at := strings.Index(doc, amountText)
		return pulse.Mention{
			ArticleID: a.ID, Sentence: sentence, Start: start, End: start + len(sentence),
			Amount: amount, Currency: currency,
			Evidence: []pulse.Evidence{{Field: "amount", Start: at, End: at + len(amountText), Text: amountText}},
		}
	}
	deals := []struct {
		name string
		d    *pulse.Deal
	}{
		{"lumora", &pulse.Deal{Kind: pulse.KindFundingRound, Company: "Lumora Photonics", Amount: 120e6, Currency: "USD", AmountUSD: 120e6,
			Round: "series_b", Investors: []string{"Harbor Ventures", "Northwind Capital"}, LeadInvestors: []string{"Harbor Ventures"},
			Date: dates[0], Sector: "photonics", Country: "United States", Region: "north_america", Conflict: true,
			Mentions: []pulse.Mention{mention(0, "$120 million", 120e6, "USD"), mention(1, "$125 million", 125e6, "USD")}}},
		{"kestrel", &pulse.Deal{Kind: pulse.KindAcquisition, Company: "Kestrel Compute", Amount: 300e6, Currency: "EUR", AmountUSD: 324e6,
			Investors: []string{"Gridstone Mining"}, LeadInvestors: []string{}, StakePercent: 60,
			Date: dates[2], Sector: "data_centers", Country: "France", Region: "europe",
			Mentions: []pulse.Mention{mention(2, "€300 million", 300e6, "EUR")}}},
		{"hostile", &pulse.Deal{Kind: pulse.KindFundingRound, Company: hostileCompany, Amount: 40e6, Currency: "USD", AmountUSD: 40e6,
			Round: "seed", Investors: []string{"Northwind Capital"}, LeadInvestors: []string{},
			Date: dates[3], Sector: "memory", Country: "Belgium", Region: "europe",
			Mentions: []pulse.Mention{mention(3, "$40 million", 40e6, "USD")}}},
		{"tessera", &pulse.Deal{Kind: pulse.KindDebt, Company: "Tessera Grid", Amount: 2e9, Currency: "USD", AmountUSD: 2e9,
			Investors: []string{"Bank of Example"}, LeadInvestors: []string{},
			Date: dates[4], Sector: "energy", Country: "United States", Region: "north_america",
			Mentions: []pulse.Mention{mention(4, "$2 billion", 2e9, "USD")}}},
	}
	for _, d := range deals {
		must(s.CreateDeal(ctx, d.d))
		f.deals[d.name] = d.d
	}

	f.pulse = &pulse.Pulse{Slug: "ai-funding-pulse", Name: "AI Funding Pulse", Topic: "Money moving into AI infrastructure"}
	must(s.CreatePulse(ctx, f.pulse))
	f.empty = &pulse.Pulse{Slug: "quiet-pulse", Name: "Quiet Pulse", Topic: "Nothing yet"}
	must(s.CreatePulse(ctx, f.empty))

	cite := func(n int, i int) pulse.Citation {
		a := f.articles[i]
		return pulse.Citation{N: n, ArticleID: a.ID, Outlet: a.Outlet, Title: a.Title, URL: a.URL, Published: a.Published}
	}
	v1 := &pulse.Briefing{
		PulseID: f.pulse.ID, PulseSlug: f.pulse.Slug, Hash: "v1", Title: f.pulse.Name, Topic: f.pulse.Topic,
		Lede: "Optical links and miner pivots lead the money moving into AI infrastructure.",
		Sections: []pulse.BriefingSection{
			{Key: "photonics", Title: "Photonics and optical interconnects", Bullets: []pulse.BriefingBullet{
				{Text: "Lumora Photonics raised $120M in a Series B led by Harbor Ventures [1][2]", DealID: f.deals["lumora"].ID, Citations: []int{1, 2}}}},
			{Key: "miners", Title: "Miners pivoting to AI data centers", Bullets: []pulse.BriefingBullet{
				{Text: "Gridstone Mining is buying 60% of Kestrel Compute for €300M", DealID: f.deals["kestrel"].ID, Citations: []int{3}}}},
		},
		Sources:     []pulse.Citation{cite(1, 0), cite(2, 1), cite(3, 2)},
		SourceCount: 3, Updated: dates[1],
	}
	v2 := &pulse.Briefing{
		PulseID: f.pulse.ID, PulseSlug: f.pulse.Slug, Hash: "v2", Title: f.pulse.Name, Topic: f.pulse.Topic,
		Lede:   v1.Lede,
		Latest: []pulse.BriefingBullet{{Text: "A memory startup raised $40M in seed funding", DealID: f.deals["hostile"].ID, Citations: []int{4}, Change: "added"}},
		Sections: []pulse.BriefingSection{
			{Key: "photonics", Title: "Photonics and optical interconnects", Bullets: []pulse.BriefingBullet{
				{Text: "Lumora Photonics raised $120M–$125M in a Series B led by Harbor Ventures", DealID: f.deals["lumora"].ID, Citations: []int{1, 2}}}},
			{Key: "miners", Title: "Miners pivoting to AI data centers", Bullets: []pulse.BriefingBullet{
				{Text: "Gridstone Mining is buying 60% of Kestrel Compute for €300M", DealID: f.deals["kestrel"].ID, Citations: []int{3}}}},
			{Key: "memory", Title: "Memory for AI chips", Bullets: []pulse.BriefingBullet{
				{Text: "A memory startup raised $40M in seed funding", DealID: f.deals["hostile"].ID, Citations: []int{4}}}},
		},
		KeyFigures:  []pulse.KeyFigure{{Group: "region", Key: "europe", Label: "Europe", Deals: 2, AmountUSD: 364e6}},
		Sources:     []pulse.Citation{cite(1, 0), cite(2, 1), cite(3, 2), cite(4, 3)},
		SourceCount: 4, Updated: dates[3],
	}
	for _, b := range []*pulse.Briefing{v1, v2} {
		created, err := s.AddBriefing(ctx, b)
		must(err)
		if !created {
			tb.Fatal("briefing not stored")
		}
	}
	must(s.CreateToken(ctx, &pulse.Token{Name: "tester", Hash: HashToken(testToken)}))
	return f
}

// newTestServer serves the fixture over loopback HTTP. Its ingest function
// records the source IDs it is called with and reports one new article.
func newTestServer(tb testing.TB) (*httptest.Server, *fixture) {
	tb.Helper()
	return newTestServerWith(tb, nil)
}

// newTestServerWith is newTestServer with another ingest function, when
// ingest is not nil. The server's worker is closed after the HTTP server.
func newTestServerWith(tb testing.TB, ingest func(context.Context, int64) (IngestResult, error)) (*httptest.Server, *fixture) {
	tb.Helper()
	st := storetest.MustOpenSQLite(tb)
	f := seed(tb, st)
	if ingest == nil {
		ingest = func(ctx context.Context, id int64) (IngestResult, error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.ingested = append(f.ingested, id)
			return IngestResult{Sources: 1, NewArticles: 1}, nil
		}
	}
	srv, err := New(Config{
		Store:   st,
		Ingest:  ingest,
		Now:     func() time.Time { return day(2026, 3, 5) },
		Version: "test",
	})
	if err != nil {
		tb.Fatal(err)
	}
	f.srv = srv
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Close(ctx); err != nil {
			tb.Error(err)
		}
	})
	ts := httptest.NewServer(srv)
	tb.Cleanup(ts.Close)
	return ts, f
}

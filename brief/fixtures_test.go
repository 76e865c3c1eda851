package brief

import (
	"fmt"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixtureArticle is an article written for these tests.
type fixtureArticle struct {
	id        int64
	outlet    string
	title     string
	text      string
	published string
	dupOf     int64
}

var fixtureArticles = []fixtureArticle{
	{1, "Ledger Daily", "MARA Holdings buys majority of Exaion", "MARA Holdings agreed to buy a 64% stake in Exaion, a French data-center and HPC operator, from its parent. The bitcoin miner wants AI workloads on its power.", "2026-02-10", 0},
	{2, "Chip Wire", "Ayar Labs raises $500 million for optical I/O", "Ayar Labs, a maker of optical interconnects for AI chips, raised $500 million in a Series E round led by Advent Global, with participation from Nvidia and Intel Capital.", "2026-02-20", 0},
	{3, "Euro Silicon", "Vertical Compute raises €37 million", "Vertical Compute, a Belgian startup building memory for AI chips, has raised €37 million in a seed round.", "2026-01-28", 0},
	{4, "Subcontinent Tech", "Google to put $1.5 billion into an AI hub in India", "Google will invest $1.5 billion to build an AI and cloud hub in Visakhapatnam, India.", "2026-02-05", 0},
	{5, "Nordic Compute News", "Mistral plans Swedish AI campus", "Mistral will spend €1.2 billion on an AI data-center campus in Sweden, the company said.", "2026-03-02", 0},
	{6, "Wire Europe", "Mistral's Swedish AI campus", "Mistral will spend €1.5 billion on an AI data-center campus in Sweden, people familiar said.", "2026-03-04", 5},
	{7, "Chip Wire", "Revel raises $150 million for hardware testing", "Revel, a hardware testing company for AI chips, raised $150 million led by Atlas Partners.", "2026-02-25", 0},
	{8, "Ledger Daily", "Bitdeer lines up notes for AI build-out", "Bitdeer secured $200 million in convertible notes from Northwind Capital to turn bitcoin mining sites into AI data centers.", "2026-02-15", 0},
	{9, "Ledger Daily", "What Exaion brings to MARA", "Exaion runs data centers for HPC customers in France; analysts expect AI demand to grow.", "2026-02-12", 0},
}

func fixtureArticleMap() map[int64]*pulse.Article {
	m := map[int64]*pulse.Article{}
	for _, f := range fixtureArticles {
		m[f.id] = &pulse.Article{
			ID: f.id, URL: fmt.Sprintf("https://news.example/a/%d", f.id),
			Title: f.title, Outlet: f.outlet, Text: f.text, Published: day(f.published), DuplicateOf: f.dupOf,
		}
	}
	return m
}

// mention builds a mention of article id whose sentence is the article's
// first sentence containing needle.
func mention(arts map[int64]*pulse.Article, id int64, needle string, amount float64, currency string) pulse.Mention {
	a := arts[id]
	doc := a.Document()
	i := strings.Index(doc, needle)
	if i < 0 {
		panic("fixture: " + needle + " not in article")
	}
	start := strings.LastIndex(doc[:i], ". ") + 2
	if start < 2 || start > i {
		start = strings.LastIndex(doc[:i], "\n") + 1
	}
	end := strings.Index(doc[i:], ". ")
	if end < 0 {
		end = len(doc) - i
	} else {
		end++
	}
	return pulse.Mention{ArticleID: id, Sentence: doc[start : i+end], Start: start, End: i + end,
		Amount: amount, Currency: currency, Outlet: a.Outlet, Title: a.Title, URL: a.URL, Published: a.Published}
}

// fixtureDeals returns the deals reported by fixtureArticles.
func fixtureDeals(arts map[int64]*pulse.Article) []*pulse.Deal {
	return []*pulse.Deal{
		{ID: 1, Kind: pulse.KindAcquisition, Company: "Exaion", Investors: []string{"MARA Holdings"}, StakePercent: 64,
			Sector: "data_centers", Country: "France", Region: "europe", Date: day("2026-02-10"),
			Mentions: []pulse.Mention{mention(arts, 1, "64% stake", 0, "")}},
		{ID: 2, Kind: pulse.KindFundingRound, Company: "Ayar Labs", Amount: 500e6, Currency: "USD", AmountUSD: 500e6, Round: "series_e",
			Investors: []string{"Advent Global", "Nvidia", "Intel Capital"}, LeadInvestors: []string{"Advent Global"},
			Sector: "photonics", Country: "United States", Region: "north_america", Date: day("2026-02-20"),
			Mentions: []pulse.Mention{mention(arts, 2, "raised $500 million", 500e6, "USD")}},
		{ID: 3, Kind: pulse.KindFundingRound, Company: "Vertical Compute", Amount: 37e6, Currency: "EUR", AmountUSD: 40.1e6, Round: "seed",
			Sector: "memory", Country: "Belgium", Region: "europe", Date: day("2026-01-28"),
			Mentions: []pulse.Mention{mention(arts, 3, "€37 million", 37e6, "EUR")}},
		{ID: 4, Kind: pulse.KindInvestment, Investors: []string{"Google"}, Amount: 1.5e9, Currency: "USD", AmountUSD: 1.5e9,
			Sector: "data_centers", Country: "India", Region: "asia", Date: day("2026-02-05"),
			Mentions: []pulse.Mention{mention(arts, 4, "$1.5 billion to build", 1.5e9, "USD")}},
		{ID: 5, Kind: pulse.KindInvestment, Investors: []string{"Mistral"}, Amount: 1.2e9, Currency: "EUR", AmountUSD: 1.3e9,
			Sector: "data_centers", Country: "Sweden", Region: "europe", Date: day("2026-03-02"), Conflict: true,
			Mentions: []pulse.Mention{mention(arts, 5, "€1.2 billion", 1.2e9, "EUR"), mention(arts, 6, "€1.5 billion", 1.5e9, "EUR")}},
		{ID: 6, Kind: pulse.KindFundingRound, Company: "Revel", Amount: 150e6, Currency: "USD", AmountUSD: 150e6,
			Investors: []string{"Atlas Partners"}, LeadInvestors: []string{"Atlas Partners"},
			Sector: "testing", Country: "United States", Region: "north_america", Date: day("2026-02-25"),
			Mentions: []pulse.Mention{mention(arts, 7, "raised $150 million", 150e6, "USD")}},
		{ID: 7, Kind: pulse.KindDebt, Company: "Bitdeer", Amount: 200e6, Currency: "USD", AmountUSD: 200e6,
			Investors: []string{"Northwind Capital"}, Sector: "crypto_mining", Country: "Singapore", Region: "asia", Date: day("2026-02-15"),
			Mentions: []pulse.Mention{mention(arts, 8, "$200 million", 200e6, "USD")}},
	}
}

func fixturePulse() *pulse.Pulse {
	p := DefaultPulses()[0]
	p.ID = 1
	return &p
}

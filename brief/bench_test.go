package brief

import (
	"fmt"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

// syntheticPulse builds n articles, each reporting one deal, spread over
// sectors, regions, kinds and three months; every tenth article is a near
// duplicate of the one before it.
func syntheticPulse(n int) ([]*pulse.Deal, map[int64]*pulse.Article) {
	arts := make(map[int64]*pulse.Article, n)
	deals := make([]*pulse.Deal, 0, n)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	countries := []struct{ country, region string }{{"United States", "north_america"}, {"France", "europe"}, {"India", "asia"}, {"United Arab Emirates", "middle_east"}, {"Brazil", "latin_america"}}
	for i := 1; i <= n; i++ {
		id := int64(i)
		company := fmt.Sprintf("Company %d Labs", i%(n/3+1))
		sector := pulse.Sectors[i%len(pulse.Sectors)].Slug
		c := countries[i%len(countries)]
		amount := float64(1+i%500) * 1e6
		text := fmt.Sprintf("%s, a maker of AI systems in %s, raised $%d million in a Series B round led by Fund %d. The data center market keeps growing.", company, c.country, int(amount/1e6), i%50)
		a := &pulse.Article{ID: id, Outlet: fmt.Sprintf("Outlet %d", i%40), Title: company + " raises money", Text: text,
			URL: fmt.Sprintf("https://news.example/%d", i), Published: start.Add(time.Duration(i) * 13 * time.Minute)}
		if i%10 == 0 {
			a.DuplicateOf = id - 1
		}
		arts[id] = a
		deals = append(deals, &pulse.Deal{ID: id, Kind: pulse.DealKinds[i%len(pulse.DealKinds)], Company: company,
			Amount: amount, Currency: "USD", AmountUSD: amount, Round: "series_b", Investors: []string{fmt.Sprintf("Fund %d", i%50)},
			LeadInvestors: []string{fmt.Sprintf("Fund %d", i%50)}, Sector: sector, Country: c.country, Region: c.region, Date: a.Published,
			Mentions: []pulse.Mention{{ArticleID: id, Sentence: text[:len(text)-39], Amount: amount, Currency: "USD"}}})
	}
	return deals, arts
}

func BenchmarkCompose10k(b *testing.B) {
	deals, arts := syntheticPulse(10000)
	p := fixturePulse()
	prev := Compose(p, deals[:9000], arts, nil, now)
	b.ReportAllocs()
	for b.Loop() {
		Compose(p, deals, arts, prev, now)
	}
}

func BenchmarkMatch10k(b *testing.B) {
	deals, arts := syntheticPulse(10000)
	list := make([]*pulse.Article, 0, len(arts))
	for _, a := range arts {
		list = append(list, a)
	}
	m, err := Compile(DefaultPulses()[0].Query)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		matchAll(m, list, deals, arts)
	}
}

func TestComposeLarge(t *testing.T) {
	deals, arts := syntheticPulse(2000)
	b := Compose(fixturePulse(), deals, arts, nil, now)
	for _, s := range b.Sections {
		if len(s.Bullets) > maxBullets {
			t.Errorf("section %s has %d bullets", s.Key, len(s.Bullets))
		}
	}
	if b.SourceCount == 0 || b.SourceCount > len(b.Sections)*maxBullets*2 {
		t.Errorf("SourceCount %d for %d sections", b.SourceCount, len(b.Sections))
	}
}

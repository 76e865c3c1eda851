package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

func testDeals(t *testing.T, open func(t *testing.T) pulse.Store) {
	ctx := context.Background()

	t.Run("CreateAndFind", func(t *testing.T) {
		s := open(t)
		a := addArticle(t, s, article(1))
		d := deal("Ayar Labs Inc.", a.ID, 155e6)
		d.AltAmounts = []pulse.Money{{Amount: 140e6, Currency: "EUR"}}
		d.StakePercent = 12.5
		d.Announced = base.Add(-48 * time.Hour)
		createDeal(t, s, d)
		if d.ID == 0 || d.CompanyID == 0 || d.Mentions[0].ID == 0 || d.Mentions[0].DealID != d.ID || d.CreatedAt.IsZero() {
			t.Fatalf("IDs not set: %+v", d)
		}
		if !d.Date.Equal(d.Announced) {
			t.Fatalf("Date = %v, want Announced %v", d.Date, d.Announced)
		}
		got, err := s.FindDealByID(ctx, d.ID)
		must(t, err)
		if got.Kind != d.Kind || got.Company != d.Company || got.CompanyID != d.CompanyID || got.Amount != d.Amount ||
			got.Currency != d.Currency || got.AmountUSD != d.AmountUSD || !reflect.DeepEqual(got.AltAmounts, d.AltAmounts) ||
			got.Round != d.Round || !reflect.DeepEqual(got.Investors, d.Investors) ||
			!reflect.DeepEqual(got.LeadInvestors, d.LeadInvestors) || got.StakePercent != d.StakePercent ||
			!got.Announced.Equal(d.Announced) || !got.Date.Equal(d.Date) || got.Sector != d.Sector ||
			got.Country != d.Country || got.Region != d.Region || got.Conflict || !got.CreatedAt.Equal(d.CreatedAt) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, d)
		}
		if len(got.Mentions) != 1 {
			t.Fatalf("mentions = %+v", got.Mentions)
		}
		m := got.Mentions[0]
		if m.ArticleID != a.ID || m.Sentence != d.Mentions[0].Sentence || !reflect.DeepEqual(m.Evidence, d.Mentions[0].Evidence) ||
			m.Outlet != a.Outlet || m.Title != a.Title || m.URL != a.URL || !m.Published.Equal(a.Published) {
			t.Fatalf("mention = %+v", m)
		}
		_, err = s.FindDealByID(ctx, 999)
		wantCode(t, err, pulse.ENOTFOUND)
	})

	t.Run("DateFromEarliestMention", func(t *testing.T) {
		s := open(t)
		late := addArticle(t, s, article(5))
		early := addArticle(t, s, article(2))
		d := createDeal(t, s, deal("Lumen Photonics", late.ID, 10e6))
		if !d.Date.Equal(late.Published) {
			t.Fatalf("Date = %v, want %v", d.Date, late.Published)
		}
		must(t, s.AddMention(ctx, d.ID, &pulse.Mention{ArticleID: early.ID, Sentence: "earlier", Start: 1, End: 2}))
		got, err := s.FindDealByID(ctx, d.ID)
		must(t, err)
		if !got.Date.Equal(early.Published) || got.Mentions[0].ArticleID != early.ID {
			t.Fatalf("after an earlier mention: Date = %v, mentions %+v", got.Date, got.Mentions)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		s := open(t)
		a := addArticle(t, s, article(1))
		for _, tc := range []struct {
			name string
			edit func(d *pulse.Deal)
			code string
		}{
			{"unknown kind", func(d *pulse.Deal) { d.Kind = "loan" }, pulse.EINVALID},
			{"no mention", func(d *pulse.Deal) { d.Mentions = nil }, pulse.EINVALID},
			{"unknown article", func(d *pulse.Deal) { d.Mentions[0].ArticleID = 999 }, pulse.EINVALID},
			{"bad span", func(d *pulse.Deal) { d.Mentions[0].Start, d.Mentions[0].End = 5, 2 }, pulse.EINVALID},
		} {
			t.Run(tc.name, func(t *testing.T) {
				d := deal("X Corp", a.ID, 1)
				tc.edit(d)
				wantCode(t, s.CreateDeal(ctx, d), tc.code)
			})
		}
		st, err := s.Stats(ctx)
		must(t, err)
		if st.Deals != 0 || st.Mentions != 0 {
			t.Fatalf("failed creates left rows behind: %+v", st)
		}
		wantCode(t, s.AddMention(ctx, 999, &pulse.Mention{ArticleID: a.ID}), pulse.ENOTFOUND)
		wantCode(t, s.UpdateDeal(ctx, &pulse.Deal{ID: 999, Kind: pulse.KindDebt}), pulse.ENOTFOUND)
	})

	t.Run("MentionsAndConflict", func(t *testing.T) {
		s := open(t)
		a1, a2, a3, a4 := addArticle(t, s, article(1)), addArticle(t, s, article(2)), addArticle(t, s, article(3)), addArticle(t, s, article(4))
		d := createDeal(t, s, deal("Crusoe", a1.ID, 100e6))
		steps := []struct {
			name     string
			m        pulse.Mention
			mentions int
			conflict bool
		}{
			{"within 1%", pulse.Mention{ArticleID: a2.ID, Start: 0, End: 5, Amount: 100.5e6, Currency: "USD"}, 2, false},
			{"same again is a no-op", pulse.Mention{ArticleID: a2.ID, Start: 0, End: 5, Amount: 100.5e6, Currency: "USD"}, 2, false},
			{"undisclosed does not conflict", pulse.Mention{ArticleID: a3.ID, Start: 0, End: 5}, 3, false},
			{"beyond 1%", pulse.Mention{ArticleID: a4.ID, Start: 0, End: 5, Amount: 120e6, Currency: "USD"}, 4, true},
		}
		for _, st := range steps {
			m := st.m
			must(t, s.AddMention(ctx, d.ID, &m))
			if m.ID == 0 || m.DealID != d.ID {
				t.Fatalf("%s: mention IDs not set: %+v", st.name, m)
			}
			got, err := s.FindDealByID(ctx, d.ID)
			must(t, err)
			if len(got.Mentions) != st.mentions || got.Conflict != st.conflict {
				t.Fatalf("%s: %d mentions, conflict %v; want %d, %v", st.name, len(got.Mentions), got.Conflict, st.mentions, st.conflict)
			}
		}
		other := createDeal(t, s, deal("Other", a1.ID, 5e6))
		must(t, s.AddMention(ctx, other.ID, &pulse.Mention{ArticleID: a2.ID, Start: 3, End: 4, Amount: 5e6, Currency: "EUR"}))
		got, err := s.FindDealByID(ctx, other.ID)
		must(t, err)
		if !got.Conflict {
			t.Fatal("different currencies should conflict")
		}
		st, err := s.Stats(ctx)
		must(t, err)
		if st.Deals != 2 || st.Mentions != 6 {
			t.Fatalf("stats = %+v", st)
		}
	})

	t.Run("Update", func(t *testing.T) {
		s := open(t)
		a := addArticle(t, s, article(1))
		d := createDeal(t, s, deal("Old Name", a.ID, 10e6))
		d.Company, d.Kind, d.Round = "New Name", pulse.KindAcquisition, ""
		d.Investors, d.LeadInvestors = []string{"Gamma Partners"}, []string{}
		d.AmountUSD = 11e6
		must(t, s.UpdateDeal(ctx, d))
		got, err := s.FindDealByID(ctx, d.ID)
		must(t, err)
		if got.Company != "New Name" || got.Kind != pulse.KindAcquisition || got.AmountUSD != 11e6 ||
			!reflect.DeepEqual(got.Investors, []string{"Gamma Partners"}) || len(got.LeadInvestors) != 0 ||
			len(got.Mentions) != 1 || got.CompanyID == 0 {
			t.Fatalf("after update: %+v", got)
		}
		e, err := s.FindEntityByID(ctx, got.CompanyID)
		must(t, err)
		if e.Name != "New Name" {
			t.Fatalf("company entity = %+v", e)
		}
	})
}

func testDealFilters(t *testing.T, open func(t *testing.T) pulse.Store) {
	ctx := context.Background()
	s := open(t)
	var as []*pulse.Article
	for n := 1; n <= 3; n++ {
		as = append(as, addArticle(t, s, article(n)))
	}
	specs := []struct {
		company, sector, country, region string
		kind                             pulse.DealKind
		round                            pulse.Round
		usd                              float64
		article                          int
		investors                        []string
		sentence                         string
	}{
		{"Ayar Labs", "photonics", "United States", "north_america", pulse.KindFundingRound, "series_d", 155e6, 0, []string{"Advent", "Nvidia"}, "Ayar Labs raised for optical interconnects."},
		{"Crusoe", "data_centers", "United States", "north_america", pulse.KindDebt, "", 750e6, 1, []string{"Blue Owl"}, "Crusoe secured a credit facility."},
		{"Yotta", "data_centers", "India", "asia", pulse.KindInvestment, "", 0, 1, []string{"Nvidia"}, "Yotta will invest in GPUs."},
		{"Mistral AI", "models", "France", "europe", pulse.KindFundingRound, "series_c", 1.5e9, 2, []string{"ASML"}, "Mistral raised a round led by ASML."},
	}
	var ds []*pulse.Deal
	for i, sp := range specs {
		d := deal(sp.company, as[sp.article].ID, sp.usd)
		d.Sector, d.Country, d.Region, d.Kind, d.Round, d.AmountUSD = sp.sector, sp.country, sp.region, sp.kind, sp.round, sp.usd
		d.Investors, d.LeadInvestors = sp.investors, []string{}
		d.Mentions[0].Sentence = sp.sentence
		d.Announced = base.Add(time.Duration(i) * 24 * time.Hour)
		ds = append(ds, createDeal(t, s, d))
	}
	nvidia, err := s.ResolveEntity(ctx, "NVIDIA Corp.")
	must(t, err)
	must(t, s.AddAlias(ctx, ds[0].CompanyID, "Ayar"))

	for _, tc := range []struct {
		name  string
		f     pulse.DealFilter
		want  []int // indexes into ds, in order
		total int
	}{
		{"default newest first", pulse.DealFilter{}, []int{3, 2, 1, 0}, 4},
		{"sort date", pulse.DealFilter{Sort: "date"}, []int{0, 1, 2, 3}, 4},
		{"sort amount", pulse.DealFilter{Sort: "amount"}, []int{2, 0, 1, 3}, 4},
		{"sort -amount", pulse.DealFilter{Sort: "-amount"}, []int{3, 1, 0, 2}, 4},
		{"sort company", pulse.DealFilter{Sort: "company"}, []int{0, 1, 3, 2}, 4},
		{"page", pulse.DealFilter{Sort: "date", Limit: 2, Offset: 1}, []int{1, 2}, 4},
		{"past the end", pulse.DealFilter{Offset: 10}, []int{}, 4},
		{"ids", pulse.DealFilter{IDs: []int64{ds[1].ID, ds[3].ID}}, []int{3, 1}, 2},
		{"from to", pulse.DealFilter{From: ds[1].Date, To: ds[2].Date}, []int{2, 1}, 2},
		{"kinds", pulse.DealFilter{Kinds: []pulse.DealKind{pulse.KindDebt, pulse.KindInvestment}}, []int{2, 1}, 2},
		{"rounds", pulse.DealFilter{Rounds: []pulse.Round{"series_c"}}, []int{3}, 1},
		{"sectors", pulse.DealFilter{Sectors: []string{"data_centers"}}, []int{2, 1}, 2},
		{"region slug", pulse.DealFilter{Regions: []string{"europe"}}, []int{3}, 1},
		{"country name", pulse.DealFilter{Regions: []string{"india", "France"}}, []int{3, 2}, 2},
		{"amount range", pulse.DealFilter{AmountMin: 100e6, AmountMax: 1e9}, []int{1, 0}, 2},
		{"company substring", pulse.DealFilter{Company: "LABS"}, []int{0}, 1},
		{"company alias", pulse.DealFilter{Company: "ayar"}, []int{0}, 1},
		{"company id", pulse.DealFilter{CompanyID: ds[1].CompanyID}, []int{1}, 1},
		{"investor substring", pulse.DealFilter{Investor: "nvid"}, []int{2, 0}, 2},
		{"investor id", pulse.DealFilter{InvestorID: nvidia.ID}, []int{2, 0}, 2},
		{"article", pulse.DealFilter{ArticleID: as[1].ID}, []int{2, 1}, 2},
		{"query evidence", pulse.DealFilter{Query: "credit facility"}, []int{1}, 1},
		{"query investor", pulse.DealFilter{Query: "asml"}, []int{3}, 1},
		{"query company", pulse.DealFilter{Query: "yotta"}, []int{2}, 1},
		{"combined", pulse.DealFilter{Sectors: []string{"data_centers"}, Investor: "nvidia", Query: "gpus"}, []int{2}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := s.FindDeals(ctx, tc.f)
			must(t, err)
			want := make([]int64, len(tc.want))
			for i, n := range tc.want {
				want[i] = ds[n].ID
			}
			if !equalIDs(dealIDs(got), want) || total != tc.total {
				t.Fatalf("got %v (total %d), want %v (total %d)", dealIDs(got), total, want, tc.total)
			}
			for _, d := range got {
				if len(d.Mentions) == 0 || d.Mentions[0].Outlet == "" {
					t.Fatalf("deal %d without loaded mentions: %+v", d.ID, d.Mentions)
				}
			}
		})
	}
	// More IDs than SQLite allows parameters in one statement.
	many := make([]int64, 40000)
	for i := range many {
		many[i] = int64(1_000_000 + i)
	}
	many[len(many)-1] = ds[2].ID
	got, total, err := s.FindDeals(ctx, pulse.DealFilter{IDs: many, Kinds: []pulse.DealKind{pulse.KindInvestment}})
	must(t, err)
	if total != 1 || !equalIDs(dealIDs(got), []int64{ds[2].ID}) {
		t.Fatalf("40,000 IDs: got %v (total %d)", dealIDs(got), total)
	}
	many[len(many)-1] = as[0].ID
	arts, total, err := s.FindArticles(ctx, pulse.ArticleFilter{IDs: many})
	must(t, err)
	if total != 1 || arts[0].ID != as[0].ID {
		t.Fatalf("40,000 article IDs: got %v (total %d)", articleIDs(arts), total)
	}
	_, _, err = s.FindDeals(ctx, pulse.DealFilter{Sort: "size"})
	wantCode(t, err, pulse.EINVALID)
	for _, q := range hostileQueries {
		t.Run("hostile "+q, func(t *testing.T) {
			_, _, err := s.FindDeals(ctx, pulse.DealFilter{Query: q})
			if code := pulse.ErrorCode(err); code != "" && code != pulse.EINVALID {
				t.Fatalf("query %q: %v", q, err)
			}
		})
	}
}

package resolve

import (
	"testing"
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

func TestSame(t *testing.T) {
	base := pulse.Deal{Kind: pulse.KindFundingRound, Company: "Ayar Labs", Amount: 500e6, Currency: "USD", AmountUSD: 500e6, Date: day("2026-02-10")}
	tests := []struct {
		name string
		edit func(d *pulse.Deal)
		want bool
	}{
		{"identical", func(d *pulse.Deal) {}, true},
		{"legal suffix and case", func(d *pulse.Deal) { d.Company = "AYAR LABS, Inc." }, true},
		{"short name", func(d *pulse.Deal) { d.Company = "Ayar" }, true},
		{"other company", func(d *pulse.Deal) { d.Company = "Lightmatter" }, false},
		{"rounded amount is a conflict, not a new deal", func(d *pulse.Deal) { d.Amount, d.AmountUSD = 480e6, 480e6 }, true},
		{"much smaller amount is another deal", func(d *pulse.Deal) { d.Amount, d.AmountUSD = 30e6, 30e6 }, false},
		{"undisclosed amount", func(d *pulse.Deal) { d.Amount, d.Currency, d.AmountUSD = 0, "", 0 }, true},
		{"weeks later", func(d *pulse.Deal) { d.Date = day("2026-03-01") }, true},
		{"months later", func(d *pulse.Deal) { d.Date = day("2026-06-01") }, false},
		{"investment vs round", func(d *pulse.Deal) { d.Kind = pulse.KindInvestment }, true},
		{"debt vs round", func(d *pulse.Deal) { d.Kind = pulse.KindDebt }, false},
		{"different stated rounds", func(d *pulse.Deal) { d.Round = "series_b" }, true},
		{"alias match", func(d *pulse.Deal) { d.Company, d.Aliases = "AL Photonics", []string{"Ayar Labs"} }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base
			b.Aliases = nil
			tt.edit(&b)
			if got := Same(&base, &b); got != tt.want {
				t.Errorf("Same = %v, want %v", got, tt.want)
			}
		})
	}

	a := base
	a.Round = "series_a"
	b := base
	b.Round = "series_c"
	if Same(&a, &b) {
		t.Error("series_a and series_c of one company are different deals")
	}
}

func TestSameWithoutCompany(t *testing.T) {
	a := pulse.Deal{Kind: pulse.KindInvestment, Investors: []string{"Nvidia"}, Amount: 4e9, Currency: "USD"}
	b := pulse.Deal{Kind: pulse.KindInvestment, Investors: []string{"NVIDIA Corp."}, Amount: 4e9, Currency: "USD"}
	c := pulse.Deal{Kind: pulse.KindInvestment, Investors: []string{"Google"}, Amount: 4e9, Currency: "USD"}
	d := pulse.Deal{Kind: pulse.KindInvestment, Company: "Lumentum", Investors: []string{"Nvidia"}, Amount: 4e9, Currency: "USD"}
	if !Same(&a, &b) || Same(&a, &c) || Same(&a, &d) {
		t.Error("unnamed-purpose deals match on investors only, never a named company")
	}
}

func TestConflictingAcrossCurrencies(t *testing.T) {
	a := pulse.Deal{Amount: 37e6, Currency: "EUR", AltAmounts: []pulse.Money{{Amount: 40e6, Currency: "USD"}}}
	b := pulse.Deal{Amount: 40e6, Currency: "USD"}
	if Conflicting(&a, &b) {
		t.Error("the alternate figure agrees")
	}
	b.Amount = 45e6
	if !Conflicting(&a, &b) {
		t.Error("45M vs 40M disagree")
	}
}

func TestMerge(t *testing.T) {
	ex := pulse.Deal{Kind: pulse.KindFundingRound, Company: "Revel", Round: "undisclosed", Investors: []string{"Alpha Partners"}}
	rep := pulse.Deal{Kind: pulse.KindFundingRound, Company: "Revel Inc.", Aliases: []string{"Revel Test Systems"}, Amount: 150e6, Currency: "USD", AmountUSD: 150e6,
		Round: "series_b", Investors: []string{"alpha partners", "Beta Capital"}, LeadInvestors: []string{"Beta Capital"}, Sector: "testing"}
	m, changed := Merge(&ex, &rep)
	if !changed {
		t.Fatal("want changed")
	}
	if m.Amount != 150e6 || m.Round != "series_b" || m.Sector != "testing" {
		t.Errorf("fields not filled: %+v", m)
	}
	if len(m.Investors) != 2 || len(m.LeadInvestors) != 1 {
		t.Errorf("investors = %v lead = %v", m.Investors, m.LeadInvestors)
	}
	if len(m.Aliases) != 1 || m.Aliases[0] != "Revel Test Systems" {
		t.Errorf("aliases = %v (the same name with a suffix is not an alias)", m.Aliases)
	}
	if len(ex.Investors) != 1 {
		t.Error("Merge must not modify its input")
	}
	if _, changed := Merge(&m, &rep); changed {
		t.Error("merging the same report twice changes nothing")
	}
}

func TestMergeSameBackerTwoWays(t *testing.T) {
	ex := pulse.Deal{Kind: pulse.KindAcquisition, Company: "Serai", Investors: []string{"Straits Packaging"}}
	rep := pulse.Deal{Kind: pulse.KindAcquisition, Company: "Serai", Investors: []string{"Straits Packaging Group"}}
	m, _ := Merge(&ex, &rep)
	if len(m.Investors) != 1 {
		t.Errorf("investors = %v, want one buyer", m.Investors)
	}
}

func TestMergeEarliestAmountStands(t *testing.T) {
	later := pulse.Deal{Kind: pulse.KindFundingRound, Company: "Revel", Amount: 160e6, Currency: "USD", Date: day("2026-02-25")}
	first := pulse.Deal{Kind: pulse.KindFundingRound, Company: "Revel", Amount: 150e6, Currency: "USD", Date: day("2026-02-24")}
	m, changed := Merge(&later, &first)
	if !changed || m.Amount != 150e6 || !m.Date.Equal(first.Date) {
		t.Errorf("merged amount %v date %v, want the earlier report's 150e6 on 2026-02-24", m.Amount, m.Date)
	}
	m, _ = Merge(&first, &later)
	if m.Amount != 150e6 {
		t.Errorf("a later report replaced the amount: %v", m.Amount)
	}
}

package extract

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

func TestTableDeals(t *testing.T) {
	text := strings.Join([]string{
		"Weekly grid and compute recap",
		"Startup | Amount | Stage | Backers",
		"Amberline Power | $22M | Series A | Northwind Energy (lead), Calder Peak",
		"Quillfield | Undisclosed | Seed | Tamsin Ventures",
		"Brackwater DC | €40M | Venture debt | Harbour Credit",
		"Total funding this week: $1.2B across 31 deals.",
	}, "\n")
	got := extractRules(text, time.Date(2026, 1, 9, 0, 0, 0, 0, time.UTC))
	type row struct {
		company string
		kind    pulse.DealKind
		round   pulse.Round
		amount  float64
		inv     string
		leads   string
	}
	want := []row{
		{"Amberline Power", pulse.KindFundingRound, "series_a", 22e6, "Northwind Energy,Calder Peak", "Northwind Energy"},
		{"Quillfield", pulse.KindFundingRound, "seed", 0, "Tamsin Ventures", ""},
		{"Brackwater DC", pulse.KindDebt, "", 40e6, "Harbour Credit", ""},
	}
	if len(got) != len(want) {
		for _, c := range got {
			t.Logf("got %q %s %v", c.company.text, c.kind, c.money)
		}
		t.Fatalf("got %d deals, want %d", len(got), len(want))
	}
	for i, w := range want {
		c := got[i]
		amount := 0.0
		if c.money != nil {
			amount = c.money.Amount
		}
		g := row{c.company.text, c.kind, c.round, amount, strings.Join(names(c.investors), ","), strings.Join(names(c.leads), ",")}
		if g != w {
			t.Errorf("row %d: got %+v, want %+v", i, g, w)
		}
		if c.company.end > 0 && text[c.company.start:c.company.end] != c.company.text {
			t.Errorf("row %d: company span %q", i, text[c.company.start:c.company.end])
		}
	}
}

func TestTableHeaderNeedsCompanyAndDeal(t *testing.T) {
	for _, line := range []string{"Team | Score | Result", "Name | City", "Founded | 2019"} {
		if cols, _ := tableHeader(line); cols != nil {
			t.Errorf("%q read as a deal table header", line)
		}
	}
}

func TestLineDeals(t *testing.T) {
	text := strings.Join([]string{
		"Deals of the week",
		"Corvex Labs — $14M Series A — Ridgeway Capital (lead), Ostin Partners",
		"- Portugal's Marés Energia: €3 million, seed, led by Tejo Ventures",
		"Halden Bio: undisclosed strategic investment from Kestrel Pharma",
		"Week in numbers: 37 rounds, $2.06B disclosed",
		"Read more: Why seed is back",
	}, "\n")
	got := extractRules(text, time.Date(2026, 1, 9, 0, 0, 0, 0, time.UTC))
	want := []string{
		"Corvex Labs|funding_round|series_a|14000000|Ridgeway Capital,Ostin Partners|Ridgeway Capital",
		"Marés Energia|funding_round|seed|3000000|Tejo Ventures|Tejo Ventures",
		"Halden Bio|funding_round|strategic|0|Kestrel Pharma|",
	}
	var lines []string
	for _, c := range got {
		amount := 0.0
		if c.money != nil {
			amount = c.money.Amount
		}
		lines = append(lines, strings.Join([]string{c.company.text, string(c.kind), string(c.round),
			strconv.FormatFloat(amount, 'f', -1, 64), strings.Join(names(c.investors), ","), strings.Join(names(c.leads), ",")}, "|"))
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

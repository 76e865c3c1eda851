package money

import (
	"math"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		text     string
		amount   float64
		currency string
		alt      float64
		perUnit  bool
	}{
		{"raised $1.5bn in a round", 1.5e9, "USD", 0, false},
		{"raised US$ 1,8 mi from", 1.8e6, "USD", 0, false},
		{"secured €37M to build", 37e6, "EUR", 0, false},
		{"a Rs 25 crore round", 25e7, "INR", 0, false},
		{"₹5,91,61,730 for the stake", 59161730, "INR", 0, false},
		{"hat 12,3 Millionen Euro eingesammelt", 12.3e6, "EUR", 0, false},
		{"got 40 million won in support", 40e6, "KRW", 0, false},
		{"¥2 billion from banks", 2e9, "JPY", 0, false},
		{"Closes Fund at $1.1 Billion, Above Target", 1.1e9, "USD", 0, false},
		{"£21m secured", 21e6, "GBP", 0, false},
		{"A$30 million Series B", 30e6, "AUD", 0, false},
		{"C$22 million (or US$16.95 million) facility", 22e6, "CAD", 16.95e6, false},
		{"$10m (£8m) seed", 10e6, "USD", 8e6, false},
		{"raises 900.000 Euro venture capital", 900000, "EUR", 0, false},
		{"CHF 13.2 million invested", 13.2e6, "CHF", 0, false},
		{"CHF 700,000 from", 700000, "CHF", 0, false},
		{"S$5 million grant", 5e6, "SGD", 0, false},
		{"6.6 billion kronor ($800 million)", 6.6e9, "SEK", 800e6, false},
		{"a $275-million term loan", 275e6, "USD", 0, false},
		{"priced at $2.40 per ADS", 2.40, "USD", 0, true},
		{"完成5000万美元B轮融资", 5e7, "USD", 0, false},
		{"raised $500K in pre-seed", 500e3, "USD", 0, false},
		{"a 3 mln euro grant", 3e6, "EUR", 0, false},
		{"USD 58 million in a round", 58e6, "USD", 0, false},
		{"levée de 5 millions d'euros", 5e6, "EUR", 0, false},
		{"captou R$ 50 milhões", 50e6, "BRL", 0, false},
		{"Rs 50 crore ($6 million)", 5e8, "INR", 6e6, false},
		{"raised $3.2 trillion", 3.2e12, "USD", 0, false},
		{"10 lakh rupees", 1e6, "INR", 0, false},
		{"raccoglie 5 milioni di euro", 5e6, "EUR", 0, false},
		{"haalt 7 miljoen euro op", 7e6, "EUR", 0, false},
		{"100억 원 규모", 1e10, "KRW", 0, false},
		{"fifty million dollars", 50e6, "USD", 0, false},
		{"MX$200 millones", 200e6, "MXN", 0, false},
		{"USD1.5bn facility", 1.5e9, "USD", 0, false},
		{"₹100 Cr round", 1e9, "INR", 0, false},
		{"3 Mrd. Euro", 3e9, "EUR", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ms := Find(tt.text)
			if len(ms) == 0 {
				t.Fatalf("no money found")
			}
			m := ms[0]
			if math.Abs(m.Amount-tt.amount) > 1e-6*tt.amount || m.Currency != tt.currency || m.PerUnit != tt.perUnit {
				t.Fatalf("got %v %s perUnit=%v, want %v %s %v", m.Amount, m.Currency, m.PerUnit, tt.amount, tt.currency, tt.perUnit)
			}
			if tt.alt != 0 && (m.Alt == nil || math.Abs(m.Alt.Amount-tt.alt) > 1e-6*tt.alt) {
				t.Fatalf("alt = %+v, want %v", m.Alt, tt.alt)
			}
			if got := tt.text[m.Start:m.End]; got == "" {
				t.Fatalf("empty span")
			}
		})
	}
}

func TestFindNone(t *testing.T) {
	for _, text := range []string{
		"founded in 2019 with 35 employees",
		"the team won 3 awards",
		"Series B in March 2021",
		"tens of millions of dollars",
		"a mid seven-digit sum",
	} {
		if ms := Find(text); len(ms) != 0 {
			t.Errorf("%q: found %+v", text, ms)
		}
	}
}

func TestInheritAndRange(t *testing.T) {
	ms := Find("Tencent invested $90 million, then another 90 million in shares.")
	if len(ms) != 2 || ms[1].Currency != "USD" || !ms[1].Inherited {
		t.Fatalf("got %+v", ms)
	}
	ms = Find("a valuation of $60 billion to $70 billion")
	if len(ms) != 2 || !ms[0].Range || ms[0].Amount != 60e9 {
		t.Fatalf("got %+v", ms)
	}
	ms = Find("between $10 and $12 million")
	if len(ms) != 2 || ms[0].Amount != 10e6 {
		t.Fatalf("got %+v", ms)
	}
}

func TestFindPercents(t *testing.T) {
	ps := FindPercents("a 64% stake, up 26 per cent, 73 Prozent and 12,5 %")
	want := []float64{64, 26, 73, 12.5}
	if len(ps) != len(want) {
		t.Fatalf("got %+v", ps)
	}
	for i, p := range ps {
		if p.Value != want[i] {
			t.Errorf("%d: %v, want %v", i, p.Value, want[i])
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"$1.5bn", "US$ 1,8 mi", "₹5,91,61,730", "12,3 Millionen Euro", "5000万美元", "C$22 million (or US$16.95 million)", "between $10 and $12 million", "64%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range Find(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || m.Amount < 0 || math.IsNaN(m.Amount) {
				t.Fatalf("bad match %+v in %q", m, s)
			}
		}
		for _, p := range FindPercents(s) {
			if p.Start < 0 || p.End > len(s) || p.Start >= p.End {
				t.Fatalf("bad percent %+v in %q", p, s)
			}
		}
	})
}

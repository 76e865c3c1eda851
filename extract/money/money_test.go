package money

import (
	"math"
	"strings"
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
		{"a KWD 1 million (about $3.3 million) loan", 1e6, "KWD", 3.3e6, false},
		{"raised NIS 30 million from", 30e6, "ILS", 0, false},
		{"a KSh 200 million facility", 200e6, "KES", 0, false},
		{"QAR 10 million seed", 10e6, "QAR", 0, false},
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
			m := firstMatch(t, tt.text)
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

// TestFindCJK covers amounts in Chinese, Japanese and Korean prose, which
// has no spaces around numbers and counts by myriads (万 1e4, 億 1e8, 兆 1e12).
func TestFindCJK(t *testing.T) {
	tests := []struct {
		text     string
		span     string
		amount   float64
		currency string
	}{
		// After kana and CJK punctuation.
		{"シリーズBで25億円を調達した", "25億円", 25e8, "JPY"},
		{"グローバル・ブレインから3億円を調達", "3億円", 3e8, "JPY"},
		{"第三者割当増資により12億円を調達", "12億円", 12e8, "JPY"},
		{"ソフトバンクが100万ドルを出資", "100万ドル", 1e6, "USD"},
		{"シリーズAで$5 millionを調達", "$5 million", 5e6, "USD"},
		// 兆, 千万, 百万 and 万亿.
		{"総額1兆円の投資", "1兆円", 1e12, "JPY"},
		{"完成3千万元天使轮融资", "3千万元", 3e7, "CNY"},
		{"5千万円を調達", "5千万円", 5e7, "JPY"},
		{"500百万円の資金", "500百万円", 5e8, "JPY"},
		{"投资1.2万亿元", "1.2万亿元", 1.2e12, "CNY"},
		{"5千元的补贴", "5千元", 5e3, "CNY"},
		// A count of myriads continued by a smaller one.
		{"1億5000万円を調達", "1億5000万円", 1.5e8, "JPY"},
		{"1億5,000万円を調達", "1億5,000万円", 1.5e8, "JPY"},
		{"1億5千万円を調達", "1億5千万円", 1.5e8, "JPY"},
		{"完成3亿5000万元B轮融资", "3亿5000万元", 3.5e8, "CNY"},
		{"2兆3000億円の買収", "2兆3000億円", 2.3e12, "JPY"},
		{"1兆2000億5000万円", "1兆2000億5000万円", 1.2e12 + 5e7, "JPY"},
		{"1万5000円で販売", "1万5000円", 15000, "JPY"},
		// Korean.
		{"시리즈B 투자로 300억 원을 유치했다", "300억 원", 3e10, "KRW"},
		{"약30억원 규모", "30억원", 3e9, "KRW"},
		{"총 1조 2000억 원 규모의 투자", "1조 2000억 원", 1.2e12, "KRW"},
		{"1조2천억원", "1조2천억원", 1.2e12, "KRW"},
		{"5천만 원을 지원", "5천만 원", 5e7, "KRW"},
		{"500만 달러를 투자", "500만 달러", 5e6, "USD"},
		// Full-width digits.
		{"シリーズCで２５億円を調達", "２５億円", 25e8, "JPY"},
		{"１億５０００万円", "１億５０００万円", 1.5e8, "JPY"},
		{"１．５億円", "１．５億円", 1.5e8, "JPY"},
		// Approximations and currency words.
		{"約30億円を調達", "30億円", 3e9, "JPY"},
		{"获得约5000万美元融资", "5000万美元", 5e7, "USD"},
		{"完成5亿元人民币B轮融资", "5亿元人民币", 5e8, "CNY"},
		{"800万美元天使轮", "800万美元", 8e6, "USD"},
		{"募资2亿港元", "2亿港元", 2e8, "HKD"},
		{"新台币3亿元的投资", "新台币3亿元", 3e8, "TWD"},
		{"募集3亿新台币", "3亿新台币", 3e8, "TWD"},
		{"港币 5000万元", "港币 5000万元", 5e7, "HKD"},
		{"人民币5000万元", "人民币5000万元", 5e7, "CNY"},
		{"50亿日元的收购", "50亿日元", 5e9, "JPY"},
		{"3億人民元", "3億人民元", 3e8, "CNY"},
		{"RMB 5亿元", "RMB 5亿元", 5e8, "CNY"},
		{"raised NT$500 million", "NT$500 million", 5e8, "TWD"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m := firstMatch(t, tt.text)
			if math.Abs(m.Amount-tt.amount) > 1e-9*tt.amount || m.Currency != tt.currency {
				t.Fatalf("got %v %s, want %v %s", m.Amount, m.Currency, tt.amount, tt.currency)
			}
			if got := tt.text[m.Start:m.End]; got != tt.span {
				t.Fatalf("span %q, want %q", got, tt.span)
			}
		})
	}
}

func TestFindCJKAlt(t *testing.T) {
	text := "完成1.2亿美元（约合8.6亿元人民币）B轮融资"
	ms := Find(text)
	if len(ms) != 1 || ms[0].Amount != 1.2e8 || ms[0].Currency != "USD" || ms[0].Alt == nil || ms[0].Alt.Amount != 8.6e8 || ms[0].Alt.Currency != "CNY" {
		t.Fatalf("got %+v", ms)
	}
	if got := text[ms[0].Start:ms[0].End]; got != "1.2亿美元（约合8.6亿元人民币）" {
		t.Fatalf("span %q", got)
	}
}

// TestFindCJKNone: vague amounts, years, counts and units are not money.
func TestFindCJKNone(t *testing.T) {
	for _, text := range []string{
		"完成数亿元B轮融资",
		"数十億円を調達",
		"10数億円を調達",
		"1億数千万円を調達",
		"同社は2023年に設立された",
		"シェアは60%以上",
		"シェアは60％以上",
		"600メガワットの発電所",
		"a 3 GW plant",
		"600万人が利用",
		"제5조에 따라",
	} {
		for _, m := range Find(text) {
			t.Errorf("%q: found %q %v %s", text, text[m.Start:m.End], m.Amount, m.Currency)
		}
	}
	// A count after an amount does not borrow its currency.
	if ms := Find("估值30亿美元，用户超过2亿。"); len(ms) != 1 || ms[0].Amount != 3e9 {
		t.Errorf("got %+v", ms)
	}
	// "B轮" is a Series B, not a billion.
	for _, m := range Find("获得$5 B轮融资") {
		if m.Amount >= 1e9 {
			t.Errorf("got %+v", m)
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
	ms = Find("1億円〜3億円を調達")
	if len(ms) != 2 || !ms[0].Range || ms[0].Amount != 1e8 || ms[1].Amount != 3e8 {
		t.Fatalf("got %+v", ms)
	}
}

func TestFindPercents(t *testing.T) {
	ps := FindPercents("a 64% stake, up 26 per cent, 73 Prozent and 12,5 %, シェアは60％以上")
	want := []float64{64, 26, 73, 12.5, 60}
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
	for _, s := range []string{"$1.5bn", "US$ 1,8 mi", "₹5,91,61,730", "12,3 Millionen Euro", "5000万美元", "C$22 million (or US$16.95 million)", "between $10 and $12 million", "64%", "シリーズBで25億円を調達", "1億5000万円"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prevEnd := 0
		for _, m := range Find(s) {
			if m.Start < prevEnd || m.End > len(s) || m.Start >= m.End || m.Amount < 0 || math.IsNaN(m.Amount) || math.IsInf(m.Amount, 0) {
				t.Fatalf("bad match %+v in %q", m, s)
			}
			prevEnd = m.End
		}
		for _, p := range FindPercents(s) {
			if p.Start < 0 || p.End > len(s) || p.Start >= p.End {
				t.Fatalf("bad percent %+v in %q", p, s)
			}
		}
	})
}

// benchText mixes the prose Find meets most: English wire copy with amounts,
// dates and counts, and Chinese and Japanese lines without spaces.
var benchText = strings.Repeat("SAN FRANCISCO, March 3 - Acme Robotics said on Tuesday it had raised $210 million "+
	"in a Series C round led by Example Ventures, valuing it at about $1.5bn, up 40% from 2023. The company, founded "+
	"in 2019 with 350 employees, will spend 12,3 Millionen Euro on a plant in Leipzig and another 90 million in Texas. "+
	"示例科技宣布完成1.2亿美元B轮融资，由某资本领投，估值约10亿元人民币。"+
	"株式会社サンプルはシリーズBで25億円を調達したと発表した。2023年に設立、従業員は60人。\n", 8)

func BenchmarkFind(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Find(benchText)
	}
}

// firstMatch returns the first amount Find reads in text, failing the test
// when there is none.
func firstMatch(t *testing.T, text string) Match {
	t.Helper()
	ms := Find(text)
	if len(ms) == 0 {
		t.Fatalf("no money found in %q", text)
	}
	return ms[0]
}

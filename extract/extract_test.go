package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden runs the extractor over the short articles in
// testdata/articles and compares its output with the .golden.json files.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	x := New(Options{})
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			evs, err := x.Events(context.Background(), Document{ID: f, Text: string(b), Published: time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(evs, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
				t.Errorf("output differs from %s (run with -update and review the diff):\n%s", golden, got)
			}
		})
	}
}

// TestEvidence checks that every span points at the words it claims.
func TestEvidence(t *testing.T) {
	files, _ := filepath.Glob("testdata/articles/*.txt")
	x := New(Options{})
	for _, f := range files {
		b, _ := os.ReadFile(f)
		text := string(b)
		deals, err := x.Extract(context.Background(), Document{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range deals {
			if len(d.Mentions) != 1 {
				t.Fatalf("%s: %d mentions", f, len(d.Mentions))
			}
			m := d.Mentions[0]
			if text[m.Start:m.End] != m.Sentence {
				t.Errorf("%s: sentence span %d-%d is not %q", f, m.Start, m.End, m.Sentence)
			}
			for _, e := range m.Evidence {
				if e.Start < 0 || e.End > len(text) || text[e.Start:e.End] != e.Text {
					t.Errorf("%s: evidence %+v does not match the text", f, e)
				}
			}
		}
	}
}

// dealCase is one sentence and the deal it should give.
type dealCase struct {
	text      string
	company   string
	kind      pulse.DealKind
	amount    float64
	currency  string
	round     pulse.Round
	investors []string
	leads     []string
	stake     float64
}

// TestDeals covers the ways news states a deal, in sentences written for
// this test.
func TestDeals(t *testing.T) {
	tests := []dealCase{
		{text: "Nimbus Freight has raised $18.5 million in a Series A round led by Granite Peak Ventures.", company: "Nimbus Freight", kind: pulse.KindFundingRound, amount: 18.5e6, currency: "USD", round: "series_a", investors: []string{"Granite Peak Ventures"}, leads: []string{"Granite Peak Ventures"}},
		{text: "Paris-based Lumio, which makes smart lighting, lève 7 millions d'euros auprès de Hexa Capital et Boréal Partners.", company: "Lumio", kind: pulse.KindFundingRound, amount: 7e6, currency: "EUR", investors: []string{"Hexa Capital", "Boréal Partners"}},
		{text: "Fintech Payvia secures US$3.2M pre-seed from Lattice Angels", company: "Payvia", kind: pulse.KindFundingRound, amount: 3.2e6, currency: "USD", round: "pre_seed", investors: []string{"Lattice Angels"}},
		{text: "Brasa Foods, startup paulista de alimentos, capta R$ 20 milhões em rodada liderada pela Vértice Capital.", company: "Brasa Foods", kind: pulse.KindFundingRound, amount: 20e6, currency: "BRL", investors: []string{"Vértice Capital"}, leads: []string{"Vértice Capital"}},
		{text: "Orion Health Tech bags Rs 150 crore in Series C funding co-led by Kavach Capital and Indus Growth Fund.", company: "Orion Health Tech", kind: pulse.KindFundingRound, amount: 1.5e9, currency: "INR", round: "series_c", investors: []string{"Kavach Capital", "Indus Growth Fund"}, leads: []string{"Kavach Capital", "Indus Growth Fund"}},
		{text: "Stellar Mining Corp. agreed to buy Copperline Resources for A$410 million in cash.", company: "Copperline Resources", kind: pulse.KindAcquisition, amount: 410e6, currency: "AUD", investors: []string{"Stellar Mining Corp."}},
		{text: "Tessaract Partners has acquired a 64% stake in Norvia Cloud for €90m.", company: "Norvia Cloud", kind: pulse.KindAcquisition, amount: 90e6, currency: "EUR", stake: 64, investors: []string{"Tessaract Partners"}},
		{text: "Kestrel Holdings bought a 20% stake in Arbor Grid for $45 million.", company: "Arbor Grid", kind: pulse.KindInvestment, amount: 45e6, currency: "USD", stake: 20, investors: []string{"Kestrel Holdings"}},
		{text: "Bluefin Ventures closed its second fund at $220 million.", company: "Bluefin Ventures", kind: pulse.KindFund, amount: 220e6, currency: "USD"},
		{text: "Canopy Homes obtained a $75 million term loan from Westbridge Bank.", company: "Canopy Homes", kind: pulse.KindDebt, amount: 75e6, currency: "USD", investors: []string{"Westbridge Bank"}},
		{text: "The startup Quillon was awarded a £1.5m grant by Innovate UK.", company: "Quillon", kind: pulse.KindGrant, amount: 1.5e6, currency: "GBP"},
		{text: "Helix Robotics priced its initial public offering, raising $120 million on Nasdaq.", company: "Helix Robotics", kind: pulse.KindIPO, amount: 120e6, currency: "USD"},
		{text: "Fjordlight AB has raised SEK 45 million from Nordic angel investors.", company: "Fjordlight AB", kind: pulse.KindFundingRound, amount: 45e6, currency: "SEK"},
		{text: "Singapore's Kopi Labs raised S$6 million in a round backed by Tembusu Capital.", company: "Kopi Labs", kind: pulse.KindFundingRound, amount: 6e6, currency: "SGD", investors: []string{"Tembusu Capital"}},
		{text: "Seoul-based Hanbit AI attracted 12 billion won in Series B investment.", company: "Hanbit AI", kind: pulse.KindFundingRound, amount: 12e9, currency: "KRW", round: "series_b"},
		{text: "Vireo, a Toronto climate startup, has closed a C$9 million seed round.", company: "Vireo", kind: pulse.KindFundingRound, amount: 9e6, currency: "CAD", round: "seed"},
		{text: "Maple Ridge Foods was acquired by Greenhollow Group for an undisclosed sum.", company: "Maple Ridge Foods", kind: pulse.KindAcquisition, investors: []string{"Greenhollow Group"}},
		{text: "Ostara Motors said it will invest $1.2 billion in Texas to build an assembly plant.", company: "Texas", kind: pulse.KindInvestment, amount: 1.2e9, currency: "USD", investors: []string{"Ostara Motors"}},
		{text: "Orchard Ventures has led a $22 million Series B in Tillable, the farm-software maker.", company: "Tillable", kind: pulse.KindFundingRound, amount: 22e6, currency: "USD", round: "series_b", investors: []string{"Orchard Ventures"}, leads: []string{"Orchard Ventures"}},
		{text: "Nomad Health announced a $20 million investment from Medline Industries.", company: "Nomad Health", kind: pulse.KindFundingRound, amount: 20e6, currency: "USD", investors: []string{"Medline Industries"}},
		{text: "Grayson Corp. agreed to purchase Silo Systems in a deal valued at $1.1 billion.", company: "Silo Systems", kind: pulse.KindAcquisition, amount: 1.1e9, currency: "USD", investors: []string{"Grayson Corp."}},
		{text: "Das Münchner Startup Kolibri erhält 5 Millionen Euro von Isar Ventures und Alpen Capital.", company: "Kolibri", kind: pulse.KindFundingRound, amount: 5e6, currency: "EUR", investors: []string{"Isar Ventures", "Alpen Capital"}},
		{text: "Acmeo has been granted €2.5m by the European Innovation Council.", company: "Acmeo", kind: pulse.KindGrant, amount: 2.5e6, currency: "EUR", investors: []string{"European Innovation Council"}},
		{text: "Acmeo completed its IPO on the Nasdaq, raising $200 million.", company: "Acmeo", kind: pulse.KindIPO, amount: 200e6, currency: "USD"},
		{text: "Ferro Labs laid off 200 employees, a year after raising $100 million.", company: "Ferro Labs", kind: pulse.KindFundingRound, amount: 100e6, currency: "USD"},
		{text: "The Department of Energy awarded $30 million to Voltaic Grid for a storage pilot.", company: "Voltaic Grid", kind: pulse.KindGrant, amount: 30e6, currency: "USD", investors: []string{"Department of Energy"}},
		{text: "La startup milanese Fluxo raccoglie 5 milioni di euro in un round guidato da Primo Ventures.", company: "Fluxo", kind: pulse.KindFundingRound, amount: 5e6, currency: "EUR", investors: []string{"Primo Ventures"}, leads: []string{"Primo Ventures"}},
		{text: "Het Amsterdamse Tulpix haalt 7 miljoen euro op bij Dutch Founders Fund.", company: "Tulpix", kind: pulse.KindFundingRound, amount: 7e6, currency: "EUR", investors: []string{"Dutch Founders Fund"}},
		{text: "Harrow Mining will provide a $40 million backstop and receive warrants to acquire shares of Kelpie Power. The deal lifts its stake in Kelpie Power to 12%.", company: "Kelpie Power", kind: pulse.KindOther, amount: 40e6, currency: "USD", stake: 12, investors: []string{"Harrow Mining"}},
		{text: "(Reuters) - Acme Corp said on Tuesday it would buy Betamax Inc for $5 billion in cash.", company: "Betamax Inc", kind: pulse.KindAcquisition, amount: 5e9, currency: "USD", investors: []string{"Acme Corp"}},
		{text: "Norwell Group agreed to sell its payments unit Tallypay to Cresset Bank for $300 million.", company: "Tallypay", kind: pulse.KindAcquisition, amount: 300e6, currency: "USD", investors: []string{"Cresset Bank"}},
		{text: "Ostrander sold Pineview Software to Halcyon Partners last year.", company: "Pineview Software", kind: pulse.KindAcquisition, investors: []string{"Halcyon Partners"}},
		{text: "Helio listed on the Tokyo Stock Exchange in 2021, raising ¥8 billion.", company: "Helio", kind: pulse.KindIPO, amount: 8e9, currency: "JPY"},
		{text: "Fleet startup Acmeo nets $9M", company: "Acmeo", kind: pulse.KindFundingRound, amount: 9e6, currency: "USD"},
		{text: "Zephyr Analytics, a Denver data startup, today announced it has raised $14 million in Series A funding led by Crestline Partners. Existing investors Pinebrook Capital and Ash Ventures also participated.", company: "Zephyr Analytics", kind: pulse.KindFundingRound, amount: 14e6, currency: "USD", round: "series_a", investors: []string{"Crestline Partners", "Pinebrook Capital", "Ash Ventures"}, leads: []string{"Crestline Partners"}},
		{text: "La startup mexicana Kavako cerró una ronda de 700 millones de dólares liderada por SoftBank.", company: "Kavako", kind: pulse.KindFundingRound, amount: 700e6, currency: "USD", investors: []string{"SoftBank"}, leads: []string{"SoftBank"}},
		{text: "Korvel, the Lyon-based chip designer, is backing a €600m project in Finland, one of the largest such bets in the region.", company: "Finland", kind: pulse.KindInvestment, amount: 600e6, currency: "EUR", investors: []string{"Korvel"}},
		{text: "Halvard Mining (NASDAQ: HLVD) has sold all of the bitcoin it held to pay for new data centres.", company: "Halvard Mining", kind: pulse.KindOther},
		{text: "Tamsin Labs raised €8m in a Series A led by Brightwater Capital, with participation from the Nordic Export and Investment Fund.", company: "Tamsin Labs", kind: pulse.KindFundingRound, amount: 8e6, currency: "EUR", investors: []string{"Brightwater Capital", "Nordic Export and Investment Fund"}},
		{text: "Aldana Cloud will invest $900 million in Pune AI and data hub, the company said.", company: "Pune", kind: pulse.KindInvestment, amount: 900e6, currency: "USD", investors: []string{"Aldana Cloud"}},
		{text: "Corvid, a listed analytics group, and investment firm Ralston have committed $80 million to a jointly run fund. The Corvid–Ralston Growth fund will back grid suppliers.", company: "Corvid–Ralston Growth fund", kind: pulse.KindFund, amount: 80e6, currency: "USD", investors: []string{"Corvid", "Ralston"}},
		{text: "Quorra Systems raised a $6 million seed round led by Mesquite Seed Fund, with participation from the Kerala Hardware Startup Fund.", company: "Quorra Systems", kind: pulse.KindFundingRound, amount: 6e6, currency: "USD", round: "seed", investors: []string{"Mesquite Seed Fund", "Kerala Hardware Startup Fund"}, leads: []string{"Mesquite Seed Fund"}},
		{text: "株式会社サクラAIは、シリーズBラウンドで総額30億円の資金調達を実施しました。", company: "サクラAI", kind: pulse.KindFundingRound, amount: 3e9, currency: "JPY", round: "series_b"},
	}
	x := New(Options{})
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			deals, err := x.Extract(context.Background(), Document{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if len(deals) != 1 {
				t.Fatalf("got %d deals: %+v", len(deals), deals)
			}
			d := deals[0]
			if d.Company != tt.company || d.Kind != tt.kind || d.Amount != tt.amount || d.Currency != tt.currency || d.StakePercent != tt.stake {
				t.Errorf("got %q %s %v %s stake %v, want %q %s %v %s stake %v", d.Company, d.Kind, d.Amount, d.Currency, d.StakePercent, tt.company, tt.kind, tt.amount, tt.currency, tt.stake)
			}
			if tt.round != "" && d.Round != tt.round {
				t.Errorf("round %q, want %q", d.Round, tt.round)
			}
			if tt.investors != nil && strings.Join(d.Investors, "|") != strings.Join(tt.investors, "|") {
				t.Errorf("investors %q, want %q", d.Investors, tt.investors)
			}
			if tt.leads != nil && strings.Join(d.LeadInvestors, "|") != strings.Join(tt.leads, "|") {
				t.Errorf("leads %q, want %q", d.LeadInvestors, tt.leads)
			}
		})
	}
}

// TestNoDeal covers money that is not a deal.
func TestNoDeal(t *testing.T) {
	for _, text := range []string{
		"Arclight is in talks to raise $200 million at a $2 billion valuation.",
		"The company has raised $85 million to date from investors including Sequel Ventures.",
		"Quillstone has now raised about $31 million since it was founded in 2019.",
		"Revenue rose to $45 million in the third quarter, the company said.",
		"Shares of Kanto Steel closed at $14.20, valuing the company at $3.1 billion.",
		"Indian startups raised $2.3 billion across 190 deals in the quarter.",
		"The global market for industrial robots is worth $45 billion.",
		"Zentro plans to raise a Series C next year.",
		"The deal, which would have valued Brightline at $500 million, was called off.",
		"Investors include Redwood Partners and Cedar Capital.",
		"Chief executive Mara Lin earned a salary of $1.2 million last year.",
		"The council also offered Quillon an equity investment of up to €5m in a future round.",
	} {
		deals, err := New(Options{}).Extract(context.Background(), Document{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if len(deals) != 0 {
			t.Errorf("%q: got %+v", text, deals[0])
		}
	}
}

// TestTwoDealsOneSentence: each amount keeps its own round and investors.
func TestTwoDealsOneSentence(t *testing.T) {
	text := "Meanwhile, Solvio snagged $6M in a round co-led by Alpha Partners and Beta Fund, while Trenta closed a $10M Series A."
	deals, err := New(Options{}).Extract(context.Background(), Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(deals) != 2 {
		t.Fatalf("got %d deals: %+v", len(deals), deals)
	}
	s, tr := deals[0], deals[1]
	if s.Company != "Solvio" || s.Round != "undisclosed" || len(s.Investors) != 2 || tr.Company != "Trenta" || tr.Kind != pulse.KindFundingRound || tr.Round != "series_a" || len(tr.Investors) != 0 {
		t.Errorf("got %+v\nand %+v", s, tr)
	}
}

// TestMerge: a deal told in the headline and again in the body is one.
func TestMerge(t *testing.T) {
	text := "Dunmore raises $12M to map coastal flood risk\n\nDunmore, a climate analytics startup, has raised $12 million in a seed round led by Saltmarsh Ventures, with participation from Kelp Capital."
	deals, err := New(Options{}).Extract(context.Background(), Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(deals) != 1 {
		t.Fatalf("got %d deals: %+v", len(deals), deals)
	}
	d := deals[0]
	if d.Round != "seed" || strings.Join(d.Investors, "|") != "Saltmarsh Ventures|Kelp Capital" || strings.Join(d.LeadInvestors, "|") != "Saltmarsh Ventures" {
		t.Errorf("merged deal lost fields: %+v", d)
	}
}

// TestMergeHeadlineVariants: a headline that names the company or the bought
// asset differently from the body still yields one deal, named as the body
// names it.
func TestMergeHeadlineVariants(t *testing.T) {
	tests := []struct{ text, company string }{
		{"Tolvik's Imaging Round Lands at $40 Million\n\nTolvik, a maker of inspection cameras, has raised $40 million from Brenna Capital.", "Tolvik"},
		{"Harlan Cloud Buys Ostby's Ohio Data Site for $90 Million\n\nHarlan Cloud has agreed to buy a 100-megawatt campus near Dayton from Ostby Mining for $90 million in cash.", "Ostby Mining"},
	}
	for _, tt := range tests {
		deals, err := New(Options{}).Extract(context.Background(), Document{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if len(deals) != 1 || deals[0].Company != tt.company {
			t.Errorf("%q: got %+v, want one deal for %s", tt.text, deals, tt.company)
		}
	}
}

// TestUntrusted: hostile input never panics.
func TestUntrusted(t *testing.T) {
	x := New(Options{})
	for _, text := range []string{"", "$", "\xff\xfe$1bn", strings.Repeat("Acme raises $5M. ", 20000), strings.Repeat("(", 5000) + "$5M", "led by , , and", "“”‘’"} {
		if _, err := x.Extract(context.Background(), Document{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Acme raises $5M seed round led by Foo Ventures, with participation from Bar Capital.")
	f.Add("Biocon to acquire 26% stake in Hinduja Two Pvt Ltd for ₹5.91 crore")
	f.Add("智驾科技完成5000万美元B轮融资")
	x := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		deals, err := x.Extract(context.Background(), Document{Text: s})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range deals {
			m := d.Mentions[0]
			if m.Start < 0 || m.End > len(s) || m.Start > m.End {
				t.Fatalf("bad mention span %d-%d", m.Start, m.End)
			}
			for _, e := range m.Evidence {
				if e.Start < 0 || e.End > len(s) || e.Start > e.End {
					t.Fatalf("bad evidence %+v", e)
				}
			}
		}
	})
}

// TestNoDealMarketNews covers money in business news that reports no
// funding or investment deal.
func TestNoDealMarketNews(t *testing.T) {
	for _, text := range []string{
		"Harlow Defense won a $40 million contract from the Army to supply radios.",
		"Pellucid agreed to pay $12 million to settle the lawsuit.",
		"The board approved a $500 million share buyback.",
		"Corvane reported a net loss of $18 million for the quarter.",
		"Gridline signed a 10-year power purchase agreement worth $300 million.",
		"Analysts expect Tovia to raise at least $1 billion in an IPO next year.",
		"Startups in Africa raised $2.9 billion in 2024, according to a new report.",
		"Sequoia-backed Lumo said revenue doubled to $40 million.",
		"The company's receivables are currently financed by Deutsche Bank.",
		"Grayline has filed for an IPO that could raise $300 million.",
		"Quantix invested in five companies last quarter, deploying $30 million.",
		"Oakridge made its first investment, in an Israeli car-safety firm, from its $40 million seed fund.",
		"The deal to buy Pinecrest for $2 billion was terminated in March.",
		"Helios signed a $2.3 billion agreement to host GPUs for Corelink at its Texas campus.",
		"Orbis Capital manages $12 billion in assets.",
		"Plexa is reportedly in talks with SoftBank about a $500 million investment.",
		"The round, which values Kivo at $1 billion, was led by Tiger Global.",
	} {
		deals, err := New(Options{}).Extract(context.Background(), Document{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if len(deals) != 0 {
			t.Errorf("%q: got %+v", text, deals[0])
		}
	}
}

// TestSectorSpanSurvivesCaseFolding: letters whose lower case is longer or
// shorter in bytes ("İ", "ẞ") must not shift a sector cue's span past the
// text.
func TestSectorSpanSurvivesCaseFolding(t *testing.T) {
	text := strings.Repeat("İ", 40) + " Acme raised $5 million for its GPU cloud"
	deals, err := New(Options{}).Extract(context.Background(), Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(deals) != 1 || deals[0].Sector == "" {
		t.Fatalf("got %d deals (%+v), want one with a sector", len(deals), deals)
	}
	for _, d := range deals {
		for _, m := range d.Mentions {
			for _, ev := range m.Evidence {
				if ev.Field == "sector" && !strings.EqualFold(ev.Text, "gpu cloud") && !strings.EqualFold(ev.Text, "gpu") && !strings.EqualFold(ev.Text, "cloud") {
					t.Errorf("sector evidence %q is not the cue", ev.Text)
				}
				if ev.Start < 0 || ev.End > len(text) || ev.Start > ev.End || text[ev.Start:ev.End] != ev.Text {
					t.Errorf("evidence %+v does not point into the text", ev)
				}
			}
		}
	}
}

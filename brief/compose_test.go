package brief

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file (go test -update rewrites it)\n--- got ---\n%s", name, got)
	}
}

var now = time.Date(2026, 3, 5, 8, 0, 0, 0, time.UTC)

func composeFixture(t *testing.T) *pulse.Briefing {
	t.Helper()
	arts := fixtureArticleMap()
	return Compose(fixturePulse(), fixtureDeals(arts), arts, nil, now)
}

func TestComposeRenderGolden(t *testing.T) {
	b := composeFixture(t)
	for _, f := range []struct{ format, ext string }{{"text", "txt"}, {"md", "md"}, {"html", "html"}, {"json", "json"}} {
		t.Run(f.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, b, f.format); err != nil {
				t.Fatal(err)
			}
			golden(t, "briefing."+f.ext, buf.Bytes())
		})
	}
}

func TestComposeContent(t *testing.T) {
	b := composeFixture(t)
	if b.SourceCount != 8 || len(b.Sources) != 8 {
		t.Errorf("SourceCount = %d, sources %d; want 8 (article 9 reports no deal, article 6 is a second outlet)", b.SourceCount, len(b.Sources))
	}
	if got := DateText(b.Updated); got != "Mar 4, 2026" {
		t.Errorf("Updated = %s, want Mar 4, 2026 (newest cited article)", got)
	}
	seen := map[int64]bool{}
	for _, s := range b.Sections {
		if s.Title == "" {
			t.Errorf("section %s has no title", s.Key)
		}
		for _, bl := range s.Bullets {
			if len(bl.Citations) == 0 {
				t.Errorf("bullet %q has no citation", bl.Text)
			}
			for _, n := range bl.Citations {
				if n < 1 || n > len(b.Sources) {
					t.Errorf("bullet %q cites [%d] of %d sources", bl.Text, n, len(b.Sources))
				}
			}
			seen[bl.DealID] = true
		}
	}
	if len(seen) != 7 {
		t.Errorf("%d moves shown, want 7", len(seen))
	}
	text := flatten(b)
	for _, want := range []string{
		"MARA Holdings took a 64% stake in Exaion, a French data-center and HPC operator.",
		"€37 million (about $40.1 million)",
		"reports differ on the amount (€1.2 billion or €1.5 billion)",
		"Ayar Labs, a maker of optical interconnects for AI chips, raised $500 million in a Series E round led by Advent Global, with participation from Nvidia and Intel Capital.",
		"Google announced a $1.5 billion investment in India.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("briefing lacks %q", want)
		}
	}
	titles := sectionTitles(b)
	for _, want := range []string{"Miner pivots to AI infrastructure", "Regional AI hubs", "Photonics and optical interconnects", "Memory and storage", "Testing and validation"} {
		if !slices.Contains(titles, want) {
			t.Errorf("sections %q lack %q", titles, want)
		}
	}
	if titles[0] != "Miner pivots to AI infrastructure" {
		t.Errorf("first section %q; want the one closest to the topic", titles[0])
	}
}

func sectionTitles(b *pulse.Briefing) []string {
	var out []string
	for _, s := range b.Sections {
		out = append(out, s.Title)
	}
	return out
}

func flatten(b *pulse.Briefing) string {
	var sb strings.Builder
	sb.WriteString(b.Lede + "\n")
	for _, s := range b.Sections {
		for _, bl := range s.Bullets {
			sb.WriteString(bl.Text + "\n")
		}
	}
	return sb.String()
}

func TestComposeDeterministic(t *testing.T) {
	a, b := composeFixture(t), composeFixture(t)
	if a.Hash != b.Hash {
		t.Fatal("two composes of the same input hash differently")
	}
	arts := fixtureArticleMap()
	deals := fixtureDeals(arts)
	slices.Reverse(deals)
	c := Compose(fixturePulse(), deals, arts, nil, now.Add(time.Hour))
	if c.Hash != a.Hash {
		t.Error("deal order or compose time changed the hash")
	}
}

func TestComposeLatest(t *testing.T) {
	arts := fixtureArticleMap()
	deals := fixtureDeals(arts)
	v1 := Compose(fixturePulse(), deals[:6], arts, nil, now)
	if len(v1.Latest) != 0 {
		t.Errorf("first version Latest = %v, want empty", v1.Latest)
	}
	v2 := Compose(fixturePulse(), deals, arts, v1, now)
	if len(v2.Latest) != 1 || v2.Latest[0].DealID != 7 || v2.Latest[0].Change != "added" {
		t.Fatalf("Latest = %+v, want deal 7 added", v2.Latest)
	}
	for _, f := range []struct{ format, ext string }{{"text", "txt"}, {"html", "html"}} {
		var buf bytes.Buffer
		if err := Render(&buf, v2, f.format); err != nil {
			t.Fatal(err)
		}
		golden(t, "briefing-latest."+f.ext, buf.Bytes())
	}
	v3 := Compose(fixturePulse(), deals, arts, v2, now)
	if v3.Hash != v2.Hash {
		t.Error("composing again with nothing new changed the content")
	}
	// A new report of the Ayar Labs round amends it.
	arts[10] = &pulse.Article{ID: 10, Outlet: "Optics Weekly", Title: "Ayar Labs round", Text: "Ayar Labs raised $500 million.", URL: "https://optics.example/ayar", Published: day("2026-03-03")}
	deals = fixtureDeals(arts)
	deals[1].Mentions = append(deals[1].Mentions, mention(arts, 10, "$500 million", 500e6, "USD"))
	v4 := Compose(fixturePulse(), deals, arts, v3, now)
	if len(v4.Latest) != 1 || v4.Latest[0].DealID != 2 || v4.Latest[0].Change != "amended" {
		t.Fatalf("Latest = %+v, want deal 2 amended", v4.Latest)
	}
	ch := Diff(v3, v4)
	if len(ch.Added) != 0 || len(ch.Removed) != 0 || len(ch.Amended) != 1 || len(ch.Amended[0].Sources) != 2 {
		t.Errorf("Diff = %+v", ch)
	}
	ch = Diff(v4, v1)
	if len(ch.Removed) != 1 || ch.Removed[0].DealID != 7 {
		t.Errorf("Diff removed = %+v, want deal 7", ch.Removed)
	}
}

func TestComposeEmpty(t *testing.T) {
	b := Compose(fixturePulse(), nil, nil, nil, now)
	if b.SourceCount != 0 || len(b.Sections) != 0 || b.Lede == "" {
		t.Errorf("empty briefing: %+v", b)
	}
	var buf bytes.Buffer
	for _, f := range Formats {
		if err := Render(&buf, b, f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestNearDuplicateDeals(t *testing.T) {
	arts := fixtureArticleMap()
	deals := fixtureDeals(arts)
	// The duplicate article produced its own deal record for the same round.
	dup := *deals[2]
	dup.ID = 8
	arts[11] = &pulse.Article{ID: 11, Outlet: "Benelux Business", Title: "Vertical Compute funding", Text: "Vertical Compute has raised €37 million.", URL: "https://benelux.example/vc", Published: day("2026-01-29"), DuplicateOf: 3}
	dup.Mentions = []pulse.Mention{mention(arts, 11, "€37 million", 37e6, "EUR")}
	deals = append(deals, &dup)
	b := Compose(fixturePulse(), deals, arts, nil, now)
	n := 0
	for _, s := range b.Sections {
		for _, bl := range s.Bullets {
			if strings.Contains(bl.Text, "Vertical Compute") {
				n++
				if len(bl.Citations) != 2 {
					t.Errorf("merged move cites %v, want both outlets", bl.Citations)
				}
			}
		}
	}
	if n != 1 {
		t.Errorf("the same round is shown %d times", n)
	}
	st := Storylines(fixturePulse().Topic, deals, arts)
	for _, s := range st {
		if slices.Contains(s.DealIDs, 3) {
			if slices.Contains(s.ArticleIDs, 11) {
				t.Errorf("storyline %s counts the near duplicate: %v", s.Key, s.ArticleIDs)
			}
			if !slices.Contains(s.DealIDs, 8) {
				t.Errorf("storyline %s lacks the merged deal: %v", s.Key, s.DealIDs)
			}
		}
		if slices.Contains(s.DealIDs, 1) && !slices.Contains(s.ArticleIDs, 9) {
			t.Errorf("article 9 names Exaion but is not in its storyline: %v", s.ArticleIDs)
		}
	}
}

func TestFormatMoney(t *testing.T) {
	for _, tc := range []struct {
		d    pulse.Deal
		want string
	}{
		{pulse.Deal{Amount: 1.2e9, Currency: "EUR", AmountUSD: 1.3e9}, "€1.2 billion (about $1.3 billion)"},
		{pulse.Deal{Amount: 1.5e9, Currency: "USD", AmountUSD: 1.5e9}, "$1.5 billion"},
		{pulse.Deal{Amount: 37e6, Currency: "EUR", AmountUSD: 40.1e6}, "€37 million (about $40.1 million)"},
		{pulse.Deal{Amount: 750000, Currency: "USD", AmountUSD: 750000}, "$750,000"},
		{pulse.Deal{Amount: 20e6, Currency: "CHF"}, "CHF 20 million"},
		{pulse.Deal{Amount: 5e9, Currency: "INR", AmountUSD: 60e6}, "₹5 billion (about $60 million)"},
		{pulse.Deal{}, ""},
	} {
		if got := amountText(&tc.d); got != tc.want {
			t.Errorf("amountText(%v %s) = %q, want %q", tc.d.Amount, tc.d.Currency, got, tc.want)
		}
	}
}

func TestStorylineSplitAndInference(t *testing.T) {
	arts := map[int64]*pulse.Article{}
	var deals []*pulse.Deal
	add := func(id int64, kind pulse.DealKind, company, sector, sentence string) {
		arts[id] = &pulse.Article{ID: id, Outlet: "Wire", Title: company + " news", Text: sentence, URL: fmt.Sprintf("https://wire.example/%d", id), Published: day("2026-02-01").AddDate(0, 0, int(id))}
		deals = append(deals, &pulse.Deal{ID: id, Kind: kind, Company: company, Amount: float64(id) * 1e6, Currency: "USD", AmountUSD: float64(id) * 1e6,
			Sector: sector, Mentions: []pulse.Mention{{ArticleID: id, Sentence: sentence}}})
	}
	for i := int64(1); i <= 7; i++ {
		add(i, pulse.KindFundingRound, fmt.Sprintf("Rack %d", i), "data_centers", fmt.Sprintf("Rack %d raised money for its halls.", i))
	}
	add(8, pulse.KindDebt, "Hall Eight", "data_centers", "Hall Eight took a loan.")
	add(9, pulse.KindDebt, "Hall Nine", "data_centers", "Hall Nine took a loan.")
	add(10, pulse.KindFundingRound, "Glassline", "", "Glassline builds optical engines and raised money.")
	st := Storylines("data centers", deals, arts)
	titles := map[string][]int64{}
	for _, s := range st {
		titles[s.Title] = s.DealIDs
	}
	if got := titles["Data centers and compute: debt financing"]; !slices.Equal(got, []int64{8, 9}) {
		t.Errorf("debt storyline %v; storylines %v", got, titles)
	}
	if got := titles["Data centers and compute"]; len(got) != 7 {
		t.Errorf("equity storyline %v", got)
	}
	if got := titles["Photonics and optical interconnects"]; !slices.Equal(got, []int64{10}) {
		t.Errorf("a sectorless optical deal was not grouped with photonics: %v", titles)
	}
}

func TestIndefinite(t *testing.T) {
	for in, want := range map[string]string{"Series E": "a", "$5 million": "a", "€1 billion": "a", "8%": "an", "80%": "an", "11%": "an",
		"18%": "an", "110%": "a", "64%": "a", "undisclosed": "an", "Angel": "an", "": "a"} {
		if got := indefinite(in); got != want {
			t.Errorf("indefinite(%q) = %q, want %q", in, got, want)
		}
	}
}

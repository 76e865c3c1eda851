package brief

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

// seedCase is the labelled long briefing of the shared evaluation data.
type seedCase struct {
	Published string `json:"published"`
	Text      string `json:"text"`
	Events    []struct {
		Company      *string  `json:"company"`
		Aliases      []string `json:"aliases"`
		Kind         string   `json:"kind"`
		Amount       *float64 `json:"amount"`
		Currency     *string  `json:"currency"`
		Investors    []string `json:"investors"`
		StakePercent *float64 `json:"stake_percent"`
	} `json:"events"`
}

func loadSeed(t *testing.T) seedCase {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "eval", "dev", "seed-briefing.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("shared evaluation data not available (%v)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	var c seedCase
	if !sc.Scan() {
		t.Skip("seed briefing case is empty")
	}
	if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// sentenceWith returns the sentence of text containing needle and its offsets.
func sentenceWith(text, needle string) (string, int, int) {
	i := strings.Index(text, needle)
	if i < 0 {
		return "", 0, 0
	}
	start := max(strings.LastIndex(text[:i], ". ")+2, strings.LastIndex(text[:i], "\n")+1)
	end := len(text)
	for _, sep := range []string{". ", "\n"} {
		if j := strings.Index(text[i:], sep); j >= 0 && i+j+1 < end {
			end = i + j + 1
		}
	}
	return text[start:end], start, end
}

// TestSeedBriefing composes a briefing from the labelled deals of the
// shared seed briefing, with the sector and country an extractor would
// give each, and checks it reads as the seed does while citing its source.
func TestSeedBriefing(t *testing.T) {
	c := loadSeed(t)
	published, _ := time.Parse("2006-01-02", c.Published)
	a := &pulse.Article{ID: 1, Outlet: "Seed briefing", Title: "", Text: c.Text, URL: "https://seed.example/briefing", Published: published}
	place := map[string][3]string{ // company or investor → sector, country, region
		"Exaion": {"data_centers", "France", "europe"}, "Bitdeer": {"crypto_mining", "Singapore", "asia"},
		"Visakhapatnam": {"data_centers", "India", "asia"}, "India": {"data_centers", "India", "asia"},
		"Sweden": {"data_centers", "Sweden", "europe"}, "Presight–Shorooq AI Fund": {"data_centers", "United Arab Emirates", "middle_east"},
		"Revel": {"testing", "United States", "north_america"}, "Nvidia": {"photonics", "United States", "north_america"},
		"Ayar Labs": {"photonics", "United States", "north_america"}, "Lumentum": {"photonics", "United States", "north_america"},
		"Vertical Compute": {"memory", "Belgium", "europe"},
	}
	var deals []*pulse.Deal
	for i, e := range c.Events {
		d := &pulse.Deal{ID: int64(i + 1), Kind: pulse.DealKind(e.Kind), Investors: e.Investors, Date: published}
		needle := ""
		if e.Company != nil {
			d.Company = *e.Company
			needle = d.Company
		}
		if len(e.Aliases) > 0 && strings.Contains(c.Text, e.Aliases[0]) {
			needle = e.Aliases[0]
		}
		key := d.Company
		if key == "" && len(e.Investors) > 0 {
			key, needle = e.Investors[0], e.Investors[0]+" announced"
		}
		if e.Amount != nil && e.Currency != nil {
			d.Amount, d.Currency, d.AmountUSD = *e.Amount, *e.Currency, *e.Amount
			if d.Currency == "EUR" {
				d.AmountUSD = *e.Amount * 1.08
			}
		}
		if e.StakePercent != nil {
			d.StakePercent = *e.StakePercent
		}
		p := place[key]
		d.Sector, d.Country, d.Region = p[0], p[1], p[2]
		sentence, start, end := sentenceWith(c.Text, needle)
		if sentence == "" {
			t.Fatalf("no sentence names %q", needle)
		}
		d.Mentions = []pulse.Mention{{ArticleID: 1, Sentence: sentence, Start: start, End: end, Amount: d.Amount, Currency: d.Currency}}
		deals = append(deals, d)
	}
	b := Compose(fixturePulse(), deals, map[int64]*pulse.Article{1: a}, nil, now)
	var buf bytes.Buffer
	if err := Render(&buf, b, "text"); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", buf.String())
	out := buf.String()
	bullets := 0
	for _, s := range b.Sections {
		for _, bl := range s.Bullets {
			bullets++
			if len(bl.Citations) != 1 || bl.Citations[0] != 1 {
				t.Errorf("bullet %q cites %v, want [1]", bl.Text, bl.Citations)
			}
		}
	}
	if bullets != len(c.Events) {
		t.Errorf("%d bullets for %d labelled deals", bullets, len(c.Events))
	}
	for _, want := range []string{
		"Sources (1) · Updated Mar 4, 2026",
		"MARA Holdings took a 64% stake in Exaion, a French data center and HPC operator specializing in AI workloads [1].",
		"Largest: Reliance Industries invested $110 billion in India",
		"€1.2 billion (about $1.3 billion)",
		"Regional AI hubs",
		"Photonics and optical interconnects",
		"Bitdeer has taken a bold step",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("briefing lacks %q", want)
		}
	}
}

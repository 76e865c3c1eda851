package brief

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

// hostileBriefing composes a briefing from an article whose every field is
// an attack on one of the output formats.
func hostileBriefing(title, outlet, url, company, sentence string) *pulse.Briefing {
	a := &pulse.Article{ID: 1, Title: title, Outlet: outlet, URL: url, Text: sentence, Published: day("2026-03-01")}
	d := &pulse.Deal{ID: 1, Kind: pulse.KindFundingRound, Company: company, Amount: 5e6, Currency: "USD", AmountUSD: 5e6,
		Investors: []string{company + " Ventures"}, Sector: "chips", Region: "europe",
		Mentions: []pulse.Mention{{ArticleID: 1, Sentence: sentence, Amount: 5e6, Currency: "USD"}}}
	return Compose(&pulse.Pulse{ID: 1, Slug: "x", Name: "<b>Pulse</b>", Topic: "chips & <i>memory</i>"}, []*pulse.Deal{d}, map[int64]*pulse.Article{1: a}, nil, now)
}

func TestRenderEscapesSourceText(t *testing.T) {
	b := hostileBriefing(`<script>alert(1)</script> [x](javascript:alert(2))`, "Evil\x1b[31m Outlet", "javascript:alert(3)",
		`Acme<img src=x onerror=alert(4)>`, `Acme<img src=x onerror=alert(4)>, a "quoted" maker, raised $5 million.`)
	for _, tc := range []struct {
		format string
		banned []string
	}{
		{"html", []string{"<script", "<img", `href="javascript:`, "<b>", "<i>", "\x1b"}},
		{"md", []string{"<script", "<img", "[x](javascript:", "<b>", "\x1b"}},
		{"text", []string{"\x1b"}},
	} {
		var buf bytes.Buffer
		if err := Render(&buf, b, tc.format); err != nil {
			t.Fatal(err)
		}
		for _, s := range tc.banned {
			if strings.Contains(buf.String(), s) {
				t.Errorf("%s output contains %q:\n%s", tc.format, s, buf.String())
			}
		}
	}
	var buf bytes.Buffer
	if err := Render(&buf, b, "pdf"); pulse.ErrorCode(err) != pulse.EINVALID {
		t.Errorf("unknown format: %v", err)
	}
}

func TestRenderChanges(t *testing.T) {
	arts := fixtureArticleMap()
	deals := fixtureDeals(arts)
	v1 := Compose(fixturePulse(), deals[:6], arts, nil, now)
	v1.Version = 1
	v2 := Compose(fixturePulse(), deals, arts, v1, now)
	v2.Version = 2
	ch := Diff(v1, v2)
	for _, f := range []struct{ format, ext string }{{"text", "txt"}, {"md", "md"}, {"html", "html"}, {"json", "json"}} {
		var buf bytes.Buffer
		if err := RenderChanges(&buf, ch, "version 1 of Mar 1, 2026", f.format); err != nil {
			t.Fatal(err)
		}
		golden(t, "changes."+f.ext, buf.Bytes())
	}
}

func TestHashIgnoresVersionAndTime(t *testing.T) {
	b := composeFixture(t)
	c := *b
	c.Version, c.CreatedAt = 7, time.Now()
	if Hash(&c) != b.Hash {
		t.Error("Version or CreatedAt changed the hash")
	}
	c.Lede += " More."
	if Hash(&c) == b.Hash {
		t.Error("a changed lede kept the hash")
	}
}

func FuzzComposeRender(f *testing.F) {
	f.Add("Acme raises $5M", "Acme, a chip maker, raised $5 million.", "Acme", "USD", 5e6, 12.5, "https://x.example/a")
	f.Add("", "", "", "", 0.0, 0.0, "")
	f.Add("<script>", "x, an \xff, y", "x", "EUR", -1.0, 150.0, "javascript:alert(1)")
	f.Fuzz(func(t *testing.T, title, sentence, company, currency string, amount, stake float64, url string) {
		b := hostileBriefing(title, "Outlet", url, company, sentence)
		d := &pulse.Deal{ID: 2, Kind: pulse.KindAcquisition, Company: company, Amount: amount, Currency: currency, StakePercent: stake,
			Investors: []string{title}, Mentions: []pulse.Mention{{ArticleID: 3, Sentence: sentence, Start: int(stake), End: int(amount)}}}
		arts := map[int64]*pulse.Article{3: {ID: 3, Title: title, Text: sentence, URL: url}}
		b2 := Compose(&pulse.Pulse{ID: 1, Slug: "x", Name: title, Topic: sentence}, []*pulse.Deal{d}, arts, b, now)
		for _, br := range []*pulse.Briefing{b, b2} {
			for _, format := range Formats {
				var buf bytes.Buffer
				if err := Render(&buf, br, format); err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				if format == "json" && !json.Valid(buf.Bytes()) {
					t.Fatal("invalid JSON")
				}
			}
			for _, s := range br.Sections {
				for _, bl := range s.Bullets {
					if len(bl.Citations) == 0 {
						t.Fatalf("bullet %q has no citation", bl.Text)
					}
				}
			}
		}
	})
}

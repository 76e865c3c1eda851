package web

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/fundingpulse/pulse"
)

func TestParseDealQuery(t *testing.T) {
	tests := []struct {
		name  string
		query string
		check func(t *testing.T, dq dealQuery)
	}{
		{"defaults", "", func(t *testing.T, dq dealQuery) {
			if dq.Filter.Sort != "-date" || dq.Limit != defaultLimit || dq.Offset != 0 || len(dq.Values) != 0 {
				t.Errorf("got %+v", dq)
			}
		}},
		{"empty form fields are ignored", "q=&kind=&from=&amount_min=&sort=", func(t *testing.T, dq dealQuery) {
			if len(dq.Values) != 0 || len(dq.Filter.Kinds) != 0 {
				t.Errorf("got %+v", dq)
			}
		}},
		{"to is the whole day", "to=2026-03-04", func(t *testing.T, dq dealQuery) {
			if want := time.Date(2026, 3, 4, 23, 59, 59, 999999999, time.UTC); !dq.Filter.To.Equal(want) {
				t.Errorf("to = %v", dq.Filter.To)
			}
		}},
		{"amount suffixes", "amount_min=1.5B&amount_max=2,000,000,000", func(t *testing.T, dq dealQuery) {
			if dq.Filter.AmountMin != 1.5e9 || dq.Filter.AmountMax != 2e9 {
				t.Errorf("got %v %v", dq.Filter.AmountMin, dq.Filter.AmountMax)
			}
		}},
		{"repeated and comma lists", "kind=debt&kind=fund,debt&sector=chips", func(t *testing.T, dq dealQuery) {
			if !slices.Equal(dq.Filter.Kinds, []pulse.DealKind{"debt", "fund"}) || !slices.Equal(dq.Filter.Sectors, []string{"chips"}) {
				t.Errorf("got %v %v", dq.Filter.Kinds, dq.Filter.Sectors)
			}
		}},
		{"page to offset", "limit=20&page=3", func(t *testing.T, dq dealQuery) {
			if dq.Offset != 40 || dq.Limit != 20 || dq.Values.Has("page") || dq.Values.Has("limit") {
				t.Errorf("got %+v", dq)
			}
		}},
		{"cursor to offset", "cursor=" + encodeCursor(150), func(t *testing.T, dq dealQuery) {
			if dq.Offset != 150 {
				t.Errorf("offset = %d", dq.Offset)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			dq, err := parseDealQuery(q)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, dq)
		})
	}
}

// FuzzParseDealQuery checks that no query string makes the parser panic,
// and that every error it returns is a user error naming a parameter.
func FuzzParseDealQuery(f *testing.F) {
	for _, s := range []string{"", "amount_min=50M", "from=2026-01-01&to=2025-01-01", "kind=debt,fund&sort=-amount",
		"cursor=bzoxMA", "page=99999999999", "amount_max=1e400", "q=%FF%FE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		dq, err := parseDealQuery(q)
		if err != nil {
			msg := pulse.ErrorMessage(err)
			if pulse.ErrorCode(err) != pulse.EINVALID || !strings.Contains(msg, ":") {
				t.Fatalf("error %v is not an invalid-parameter error", err)
			}
			return
		}
		if dq.Limit < 1 || dq.Limit > maxLimit || dq.Offset < 0 || !(dq.Filter.AmountMin >= 0) || !(dq.Filter.AmountMax >= 0) {
			t.Fatalf("out of range: %+v", dq)
		}
	})
}

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		amount   float64
		currency string
		want     string
	}{
		{1.5e9, "USD", "$1.5B"},
		{37e6, "EUR", "€37M"},
		{120e3, "CHF", "CHF 120K"},
		{1234567, "USD", "$1.23M"},
		{999, "GBP", "£999"},
		{5e6, "", "undisclosed"},
		{0, "USD", "undisclosed"},
	}
	for _, tt := range tests {
		if got := formatMoney(tt.amount, tt.currency); got != tt.want {
			t.Errorf("formatMoney(%v, %q) = %q, want %q", tt.amount, tt.currency, got, tt.want)
		}
	}
}

func TestMentionHTML(t *testing.T) {
	tests := []struct {
		name string
		m    pulse.Mention
		want string
	}{
		{"offsets", pulse.Mention{Sentence: "A <b> raised $5M.", Start: 100,
			Evidence: []pulse.Evidence{{Field: "amount", Start: 113, End: 116, Text: "$5M"}}},
			"A &lt;b&gt; raised <mark>$5M</mark>."},
		{"offsets disagree, text found", pulse.Mention{Sentence: "It raised €37 million.", Start: 0,
			Evidence: []pulse.Evidence{{Field: "amount", Start: 1, End: 3, Text: "€37 million"}}},
			"It raised <mark>€37 million</mark>."},
		{"amount is markup", pulse.Mention{Sentence: `x <script>$1</script> y`,
			Evidence: []pulse.Evidence{{Field: "amount", Start: 2, End: 21, Text: "<script>$1</script>"}}},
			"x <mark>&lt;script&gt;$1&lt;/script&gt;</mark> y"},
		{"no amount", pulse.Mention{Sentence: `"quoted" & more`,
			Evidence: []pulse.Evidence{{Field: "company", Start: 0, End: 3, Text: "quo"}}},
			"&#34;quoted&#34; &amp; more"},
		{"out of range", pulse.Mention{Sentence: "short", Start: 0,
			Evidence: []pulse.Evidence{{Field: "amount", Start: 3, End: 99, Text: "missing"}}},
			"short"},
	}
	for _, tt := range tests {
		if got := string(mentionHTML(tt.m)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestBulletHTML(t *testing.T) {
	got := string(bulletHTML(pulse.BriefingBullet{Text: `<i>X</i> raised $1M [2] [1]`, DealID: 7, Citations: []int{2, 1, 2}}))
	want := `<a href="/deals/7">&lt;i&gt;X&lt;/i&gt; raised $1M</a>` +
		` <a class="cite" href="#source-1" aria-label="source 1">[1]</a> <a class="cite" href="#source-2" aria-label="source 2">[2]</a>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCitedHTML(t *testing.T) {
	got := string(citedHTML(`<b>New</b>: X raised $5M [20][21].`))
	want := `&lt;b&gt;New&lt;/b&gt;: X raised $5M <a class="cite" href="#source-20" aria-label="source 20">[20]</a>` +
		`<a class="cite" href="#source-21" aria-label="source 21">[21]</a>.`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestNiceScale(t *testing.T) {
	for _, v := range []float64{0, 1, 3, 7, 45, 120e6, 2.324e9, 999} {
		top, step := niceScale(v)
		if top < v || step <= 0 || top/step > 8 || top/step < 1 {
			t.Errorf("niceScale(%v) = %v, %v", v, top, step)
		}
	}
}

func TestLabelAndTruncate(t *testing.T) {
	if got := label("series_a"); got != "Series A" {
		t.Errorf("label = %q", got)
	}
	if got := label("funding_round"); got != "Funding round" {
		t.Errorf("label = %q", got)
	}
	if got := truncate("ÄÖÜ long text", 4); got != "ÄÖÜ…" || !utf8.ValidString(got) {
		t.Errorf("truncate = %q", got)
	}
}

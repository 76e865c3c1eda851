package fx

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// The expected figures are the ECB's published USD rates for the dates named
// in wantDate (units of USD per 1 EUR).
func TestDefaultEURUSD(t *testing.T) {
	tests := []struct {
		name     string
		on       string
		wantDate string
		usdPerEU float64
	}{
		{"business day", "2025-01-02", "2025-01-02", 1.0321},
		{"Saturday takes Friday", "2025-03-08", "2025-03-07", 1.0857},
		{"Sunday takes Friday", "2025-03-09", "2025-03-07", 1.0857},
		{"Good Friday takes Thursday", "2025-04-18", "2025-04-17", 1.136},
		{"Easter Monday takes Thursday", "2025-04-21", "2025-04-17", 1.136},
		{"Labour Day takes the day before", "2025-05-01", "2025-04-30", 1.1373},
		{"last row", "2025-05-09", "2025-05-09", 1.1252},
		{"after the table", "2026-03-31", "2025-05-09", 1.1252},
		{"early 2024, twice-monthly rows", "2024-01-20", "2024-01-15", 1.0945},
		{"New Year's Day 2024 takes the year's last business day", "2024-01-01", "2023-12-29", 1.105},
		{"first business day of February 2024", "2024-02-01", "2024-02-01", 1.0814},
		{"mid-2022 near parity", "2022-09-20", "2022-09-15", 0.9992},
		{"first row of 2019", "2019-01-02", "2019-01-02", 1.1397},
		{"New Year's Day 2019 takes 31 December 2018", "2019-01-01", "2018-12-31", 1.145},
		{"before the table takes the earliest row", "2015-06-01", "2018-12-31", 1.145},
	}
	tab := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rate, used, ok := tab.Rate("EUR", date(tt.on))
			if !ok {
				t.Fatal("no EUR rate")
			}
			if got := used.Format(time.DateOnly); got != tt.wantDate {
				t.Errorf("date used = %s, want %s", got, tt.wantDate)
			}
			if !near(1/rate, tt.usdPerEU) {
				t.Errorf("USD per EUR = %v, want %v", 1/rate, tt.usdPerEU)
			}
		})
	}
}

func TestDefaultCrossRates(t *testing.T) {
	// 2025-05-09: USD 1.1252, JPY 163.36, INR 96.0755, GBP 0.8477 per EUR.
	on := date("2025-05-09")
	tests := []struct {
		cur  string
		want float64 // units per USD
	}{
		{"JPY", 163.36 / 1.1252},
		{"INR", 96.0755 / 1.1252},
		{"GBP", 0.8477 / 1.1252},
		{"gbp", 0.8477 / 1.1252},
		{" SEK ", 10.92 / 1.1252},
		{"EUR", 1 / 1.1252},
		{"USD", 1},
	}
	for _, tt := range tests {
		rate, _, ok := Default().Rate(tt.cur, on)
		if !ok || !near(rate, tt.want) {
			t.Errorf("Rate(%q) = %v, %v; want %v", tt.cur, rate, ok, tt.want)
		}
	}
}

func TestToUSD(t *testing.T) {
	tests := []struct {
		name   string
		amount float64
		cur    string
		on     string
		want   float64
		ok     bool
	}{
		{"euros", 100, "EUR", "2025-01-02", 103.21, true},
		{"rupees, 500 crore", 5e9, "INR", "2025-05-09", 5e9 * 1.1252 / 96.0755, true},
		{"pounds on a Sunday", 1e6, "GBP", "2025-03-30", 1e6 * 1.0797 / 0.83358, true},
		{"dollars pass through", 42.5, "USD", "1990-01-01", 42.5, true},
		{"won", 1e12, "KRW", "2024-06-03", 1e12 * 1.0842 / 1493.24, true},
		{"unknown code", 1, "XYZ", "2025-01-02", 0, false},
		{"not published by the ECB", 1, "AED", "2025-01-02", 0, false},
		{"empty code", 1, "", "2025-01-02", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Default().ToUSD(tt.amount, tt.cur, date(tt.on))
			if ok != tt.ok || !near(got, tt.want) {
				t.Errorf("ToUSD = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRateUsesCallersCalendarDate(t *testing.T) {
	// 23:30 on Friday 7 March in New York is already Saturday in UTC; the
	// caller's date is what counts.
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	_, used, _ := Default().Rate("EUR", time.Date(2025, 3, 7, 23, 30, 0, 0, ny))
	if got := used.Format(time.DateOnly); got != "2025-03-07" {
		t.Errorf("date used = %s, want 2025-03-07", got)
	}
}

func TestDefaultCoverage(t *testing.T) {
	tab := Default()
	first, last := tab.Span()
	if got := first.Format(time.DateOnly); got != "2018-12-31" {
		t.Errorf("first date = %s", got)
	}
	if got := last.Format(time.DateOnly); got != "2025-05-09" {
		t.Errorf("last date = %s", got)
	}
	curs := strings.Join(tab.Currencies(), " ")
	for _, c := range []string{"USD", "EUR", "JPY", "GBP", "CHF", "SEK", "INR", "CNY", "KRW", "AUD", "CAD", "SGD", "HKD", "BRL", "NOK", "DKK", "PLN"} {
		if !strings.Contains(curs, c) {
			t.Errorf("currency %s missing from %s", c, curs)
		}
	}
	// Russia's rouble stopped being published in March 2022; later dates take
	// the last published rate rather than failing.
	_, used, ok := tab.Rate("RUB", date("2024-01-15"))
	if !ok || used.Format(time.DateOnly) != "2022-03-01" {
		t.Errorf("RUB after suspension: used %v, ok %v", used, ok)
	}
}

const sample = `Date,USD,JPY,XAA,
2031-01-03,1.5,150,N/A,
2031-01-02,1.25,125,2,
`

func TestLoadAndMerge(t *testing.T) {
	tab, err := Load(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Dates() != 2 {
		t.Errorf("Dates = %d", tab.Dates())
	}
	if got, _, _ := tab.Rate("JPY", date("2031-01-03")); got != 100 {
		t.Errorf("JPY = %v, want 100", got)
	}
	// XAA is N/A on the 3rd, so the 2nd's rate stands.
	rate, used, ok := tab.Rate("XAA", date("2031-01-03"))
	if !ok || rate != 2/1.25 || used.Format(time.DateOnly) != "2031-01-02" {
		t.Errorf("XAA = %v on %v (%v)", rate, used, ok)
	}

	over, err := Load(strings.NewReader("Date,USD,JPY\n2031-01-02,1.25,250\n"))
	if err != nil {
		t.Fatal(err)
	}
	merged := Default().Merge(tab).Merge(over)
	if got, _, _ := merged.Rate("JPY", date("2031-01-02")); got != 200 {
		t.Errorf("merged JPY = %v, want the later table's 200", got)
	}
	if got, _, _ := merged.Rate("JPY", date("2025-05-09")); !near(got, 163.36/1.1252) {
		t.Errorf("merged keeps the embedded rates: JPY = %v", got)
	}
	if Default().Dates() == merged.Dates() {
		t.Error("Merge changed its receiver or added nothing")
	}
}

func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name, in, wantMsg string
	}{
		{"empty", "", "empty"},
		{"header only", "Date,USD,\n", "no dated rows"},
		{"not a date column", "Day,USD\n2031-01-02,1.2\n", "line 1"},
		{"lower-case code", "Date,usd\n2031-01-02,1.2\n", `"usd"`},
		{"no USD", "Date,JPY\n2031-01-02,120\n", "no USD"},
		{"EUR column", "Date,USD,EUR\n2031-01-02,1.2,1\n", "EUR"},
		{"repeated column", "Date,USD,USD\n2031-01-02,1.2,1.2\n", "twice"},
		{"bad date", "Date,USD\n2031-01-02,1.2\n02/01/2031,1.2\n", "line 3"},
		{"bad number", "Date,USD\n2031-01-02,1,2\n", "line 2"},
		{"word for a rate", "Date,USD,JPY\n2031-01-02,1.2,abc\n", `line 2: JPY rate "abc"`},
		{"zero rate", "Date,USD\n2031-01-02,0\n", "positive"},
		{"negative rate", "Date,USD\n2031-01-02,-1.2\n", "positive"},
		{"infinite rate", "Date,USD\n2031-01-02,Inf\n", "positive"},
		{"duplicate date", "Date,USD\n2031-01-02,1.2\n2031-01-02,1.3\n", "line 3: date 2031-01-02 appears twice"},
		{"short row", "Date,USD,JPY,\n2031-01-02,1.2\n", "line 2: 2 columns"},
		{"bare quote", "Date,USD\n2031-01-02,\"1.2\n", "line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			var pe *pulse.Error
			if !errors.As(err, &pe) || pe.Code != pulse.EINVALID {
				t.Errorf("error %v is not an EINVALID pulse.Error", err)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not mention %q", err, tt.wantMsg)
			}
		})
	}
}

func TestWriteCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Default().writeCSV(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Dates() != Default().Dates() {
		t.Fatalf("dates %d, want %d", back.Dates(), Default().Dates())
	}
	for _, cur := range Default().Currencies() {
		for _, on := range []string{"2019-05-15", "2022-03-01", "2025-04-22"} {
			a, da, oka := Default().Rate(cur, date(on))
			b, db, okb := back.Rate(cur, date(on))
			if a != b || !da.Equal(db) || oka != okb {
				t.Errorf("%s on %s: %v %v %v, after round trip %v %v %v", cur, on, a, da, oka, b, db, okb)
			}
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(sample)
	f.Add(string(embedded[:2000]))
	f.Add("Date,USD\n2031-01-02,1e308\n")
	f.Fuzz(func(t *testing.T, in string) {
		tab, err := Load(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, cur := range tab.Currencies() {
			rate, _, ok := tab.Rate(cur, date("2031-01-02"))
			if !ok || !(rate > 0) {
				t.Fatalf("%s: rate %v, ok %v from a table that loaded", cur, rate, ok)
			}
		}
		var buf bytes.Buffer
		if err := tab.writeCSV(&buf); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(&buf); err != nil {
			t.Fatalf("a loaded table does not load again after writing: %v", err)
		}
	})
}

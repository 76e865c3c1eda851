// Package fx converts amounts to US dollars at the reference rate of a date.
//
// Rates come in the layout of the European Central Bank's eurofxref-hist.csv:
// a Date column, then one column per currency holding units of that currency
// per 1 EUR. A conversion uses the latest published date on or before the day
// asked for, so weekends and holidays take the previous business day's rate;
// a day before the first date in the table takes the earliest rate there is.
//
// Default holds an embedded table (see README.md in this directory for its
// source, licence and granularity); Open adds the rates an operator imported
// into the data directory with Import.
package fx

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fundingpulse/pulse"
)

// base is the currency every column of an ECB table is quoted against.
const base = "EUR"

// maxTableBytes bounds what Load reads: the full ECB history since 1999 is
// under 2 MB, so anything far larger is not a rate table.
const maxTableBytes = 32 << 20

// minRate and maxRate bound a rate in units per 1 EUR.
const (
	minRate = 1e-9
	maxRate = 1e12
)

//go:embed data/eurofxref.csv
var embedded []byte

var defaultTable = sync.OnceValue(func() *Table {
	t, err := Load(bytes.NewReader(embedded))
	if err != nil {
		// The file is part of the build and a test loads it; failing here is a
		// broken build, not bad input.
		panic("fx: embedded rates: " + err.Error())
	}
	return t
})

// Default returns the embedded reference rates, parsed once on first use.
func Default() *Table { return defaultTable() }

// day is a calendar date as days since 1970-01-01.
type day int32

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// point is the rate of one currency on one date, in units per USD.
type point struct {
	day    day
	perUSD float64
}

// Table is an immutable set of reference rates; it is safe for concurrent use.
type Table struct {
	// rows holds what was published: date → currency → units per 1 EUR.
	rows map[day]map[string]float64
	// series holds, per currency, the dates where both it and USD have a rate,
	// oldest first, so a lookup is one binary search.
	series map[string][]point
}

func newTable(rows map[day]map[string]float64) *Table {
	t := &Table{rows: rows, series: map[string][]point{}}
	days := make([]day, 0, len(rows))
	for d := range rows {
		days = append(days, d)
	}
	slices.Sort(days)
	for _, d := range days {
		row := rows[d]
		usd, ok := row["USD"]
		if !ok {
			continue
		}
		t.series[base] = append(t.series[base], point{d, 1 / usd})
		for cur, perEUR := range row {
			if cur != "USD" {
				t.series[cur] = append(t.series[cur], point{d, perEUR / usd})
			}
		}
	}
	return t
}

// Rate returns how many units of currency one US dollar bought on the
// calendar date of on (in on's own location), and the publication date whose
// rate was used. USD is always 1 on the date asked for. It reports false for
// a currency the table has no rate for.
func (t *Table) Rate(currency string, on time.Time) (float64, time.Time, bool) {
	currency = strings.ToUpper(strings.TrimSpace(currency))
	if currency == "USD" {
		y, m, d := on.Date()
		return 1, time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	}
	s := t.series[currency]
	if len(s) == 0 {
		return 0, time.Time{}, false
	}
	want := dayOf(on)
	// i is the first date after want; the one before it is the latest on or
	// before want. Before the table starts, the earliest rate stands in.
	i := sort.Search(len(s), func(i int) bool { return s[i].day > want })
	if i > 0 {
		i--
	}
	return s[i].perUSD, s[i].day.time(), true
}

// ToUSD converts amount of currency to US dollars at the rate of on. USD
// passes through unchanged; an unknown currency reports false.
func (t *Table) ToUSD(amount float64, currency string, on time.Time) (float64, bool) {
	rate, _, ok := t.Rate(currency, on)
	if !ok {
		return 0, false
	}
	return amount / rate, true
}

// Merge returns a table with the rates of both; where both have a rate for
// the same currency on the same date, o's wins.
func (t *Table) Merge(o *Table) *Table {
	rows := make(map[day]map[string]float64, len(t.rows)+len(o.rows))
	for _, src := range []*Table{t, o} {
		for d, row := range src.rows {
			dst := rows[d]
			if dst == nil {
				dst = make(map[string]float64, len(row))
				rows[d] = dst
			}
			for cur, v := range row {
				dst[cur] = v
			}
		}
	}
	return newTable(rows)
}

// Dates returns how many publication dates the table holds.
func (t *Table) Dates() int { return len(t.rows) }

// Span returns the first and last publication dates, or zero times for an
// empty table.
func (t *Table) Span() (first, last time.Time) {
	s := t.series[base]
	if len(s) == 0 {
		return time.Time{}, time.Time{}
	}
	return s[0].day.time(), s[len(s)-1].day.time()
}

// Currencies returns the codes the table can convert, sorted, including EUR
// and USD.
func (t *Table) Currencies() []string {
	out := make([]string, 0, len(t.series)+1)
	for cur := range t.series {
		out = append(out, cur)
	}
	if len(out) > 0 {
		out = append(out, "USD")
	}
	slices.Sort(out)
	return out
}

// Load parses a table in the ECB eurofxref-hist.csv layout. Empty and "N/A"
// cells are skipped. Errors are *pulse.Error (EINVALID) naming the line.
func Load(r io.Reader) (*Table, error) {
	lr := &io.LimitedReader{R: r, N: maxTableBytes + 1}
	cr := csv.NewReader(lr)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, invalid("fx rates: the file is empty")
	} else if err != nil {
		return nil, csvError(err, lr)
	}
	cols, err := parseHeader(header)
	if err != nil {
		return nil, err
	}

	rows := map[day]map[string]float64{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, csvError(err, lr)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != len(cols)+1 {
			return nil, invalid("fx rates line %d: %d columns, the header has %d", line, len(rec), len(cols)+1)
		}
		date, err := time.Parse(time.DateOnly, strings.TrimSpace(rec[0]))
		if err != nil {
			return nil, invalid("fx rates line %d: date %q is not YYYY-MM-DD", line, clip(rec[0]))
		}
		d := dayOf(date)
		if _, dup := rows[d]; dup {
			return nil, invalid("fx rates line %d: date %s appears twice", line, date.Format(time.DateOnly))
		}
		row := map[string]float64{}
		for i, cur := range cols {
			cell := strings.TrimSpace(rec[i+1])
			if cur == "" || cell == "" || cell == "N/A" {
				continue
			}
			v, err := strconv.ParseFloat(cell, 64)
			// The bounds keep every cross rate finite; real rates sit far inside.
			if err != nil || math.IsNaN(v) || v < minRate || v > maxRate {
				return nil, invalid("fx rates line %d: %s rate %q is not a positive number between 1e-9 and 1e12", line, cur, clip(cell))
			}
			row[cur] = v
		}
		rows[d] = row
	}
	if lr.N <= 0 {
		return nil, invalid("fx rates: the file is larger than %d MB", maxTableBytes>>20)
	}
	if len(rows) == 0 {
		return nil, invalid("fx rates: no dated rows after the header")
	}
	return newTable(rows), nil
}

// parseHeader returns the currency of each column after Date; "" marks the
// empty trailing column the ECB file ends every line with.
func parseHeader(header []string) ([]string, error) {
	if len(header) == 0 || !strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(header[0], "\ufeff")), "Date") {
		return nil, invalid("fx rates line 1: the first column must be Date (the ECB eurofxref-hist.csv layout)")
	}
	cols := make([]string, len(header)-1)
	seen := map[string]bool{}
	for i, h := range header[1:] {
		h = strings.TrimSpace(h)
		if h == "" {
			if i != len(header)-2 {
				return nil, invalid("fx rates line 1: column %d has no currency code", i+2)
			}
			continue
		}
		if !isCode(h) {
			return nil, invalid("fx rates line 1: %q is not an upper-case ISO 4217 currency code", clip(h))
		}
		if h == base {
			return nil, invalid("fx rates line 1: rates are units per 1 EUR, so EUR cannot be a column")
		}
		if seen[h] {
			return nil, invalid("fx rates line 1: currency %s appears twice", h)
		}
		seen[h] = true
		cols[i] = h
	}
	if !seen["USD"] {
		return nil, invalid("fx rates line 1: there is no USD column, which every conversion needs")
	}
	return cols, nil
}

func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func csvError(err error, lr *io.LimitedReader) error {
	if lr.N <= 0 {
		return invalid("fx rates: the file is larger than %d MB", maxTableBytes>>20)
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return invalid("fx rates line %d: %v", pe.Line, pe.Err)
	}
	return fmt.Errorf("read fx rates: %w", err)
}

func invalid(format string, args ...any) error {
	return pulse.Errorf(pulse.EINVALID, format, args...)
}

// clip keeps error messages short when a cell is huge.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

package web

import (
	"cmp"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/fundingpulse/pulse"
)

// Charts are drawn on the server as SVG by the charts template: the Go code
// here only computes geometry, and every chart has a table with the same
// numbers for screen readers and for copying.

// chartDeals bounds how many deals the charts read.
const chartDeals = 20000

// chartMonths is how many months the monthly charts show at most.
const chartMonths = 18

// Drawing area of the column charts, in SVG user units.
const (
	chartW, chartH          = 720.0, 320.0
	padLeft, padRight       = 64.0, 12.0
	padTop, padBottom       = 16.0, 48.0
	barChartRow, barChartLW = 26.0, 200.0
)

// columnChart is a stacked column chart.
type columnChart struct {
	ID, Title, Desc, YLabel, XLabel string
	Empty                           bool // no deal with a disclosed USD amount
	Width, Height                   float64
	Left, Top, Right, Bottom        float64 // plot area edges
	YTicks                          []tick
	Columns                         []column
	Legend                          []legendItem
	Table                           table
}

type tick struct {
	Y     float64
	Label string
}

type column struct {
	X, W, LabelX float64
	Label        string
	Segments     []segment
}

type segment struct {
	Y, H  float64
	Class string
	Title string
}

type legendItem struct {
	Class, Label string
}

// barChart is a horizontal bar chart of counts.
type barChart struct {
	ID, Title, Desc, XLabel string
	Empty                   bool // no deal names an investor
	Width, Height           float64
	Left, Right, Bottom     float64
	Bars                    []hbar
	XTicks                  []tick // Y holds the x position
	Table                   table
}

type hbar struct {
	Y, W, H, TextY float64
	Label, Value   string
}

type table struct {
	Head []string
	Rows [][]string
}

func (s *Server) chartsPage(w http.ResponseWriter, r *http.Request) error {
	deals, _, err := s.store.FindDeals(r.Context(), pulse.DealFilter{Sort: "date", Limit: chartDeals})
	if err != nil {
		return err
	}
	bySector := monthlyChart("by-sector", "Disclosed funding per month, by sector",
		"Stacked columns: the disclosed US dollar amount of the deals of each month, split by sector.",
		deals, func(d *pulse.Deal) (string, string) { return d.Sector, pulse.SectorLabel(d.Sector) })
	byRegion := monthlyChart("by-region", "Disclosed funding per month, by region",
		"Stacked columns: the disclosed US dollar amount of the deals of each month, split by region.",
		deals, func(d *pulse.Deal) (string, string) { return d.Region, pulse.RegionLabel(d.Region) })
	return s.render(w, r, http.StatusOK, "charts", "Charts", struct {
		Charts    []columnChart
		Investors barChart
		Deals     int
	}{[]columnChart{bySector, byRegion}, topInvestors(deals, 10), len(deals)})
}

// monthlyChart stacks each month's disclosed USD by the group key returns.
func monthlyChart(id, title, desc string, deals []*pulse.Deal, key func(*pulse.Deal) (string, string)) columnChart {
	c := columnChart{ID: id, Title: title, Desc: desc, YLabel: "US dollars", XLabel: "Month",
		Width: chartW, Height: chartH, Left: padLeft, Top: padTop, Right: chartW - padRight, Bottom: chartH - padBottom}
	type cell struct{ month, group string }
	sums := map[cell]float64{}
	labels := map[string]string{}
	groupTotal := map[string]float64{}
	var months []string
	for _, d := range deals {
		if d.AmountUSD <= 0 || d.Date.IsZero() {
			continue
		}
		m := d.Date.UTC().Format("2006-01")
		g, l := key(d)
		if g == "" {
			g, l = "unknown", "Not stated"
		}
		labels[g] = l
		sums[cell{m, g}] += d.AmountUSD
		groupTotal[g] += d.AmountUSD
		if !slices.Contains(months, m) {
			months = append(months, m)
		}
	}
	slices.Sort(months)
	c.Empty = len(months) == 0
	months = fillMonths(months)
	if len(months) > chartMonths {
		months = months[len(months)-chartMonths:]
	}
	groups := make([]string, 0, len(groupTotal))
	for g := range groupTotal {
		groups = append(groups, g)
	}
	// Biggest groups at the bottom of each column and first in the legend.
	slices.SortFunc(groups, func(a, b string) int {
		return cmp.Or(cmp.Compare(groupTotal[b], groupTotal[a]), cmp.Compare(a, b))
	})
	class := map[string]string{}
	for i, g := range groups {
		class[g] = "c" + strconv.Itoa(i%10)
		c.Legend = append(c.Legend, legendItem{class[g], labels[g]})
	}

	var maxTotal float64
	for _, m := range months {
		var t float64
		for _, g := range groups {
			t += sums[cell{m, g}]
		}
		maxTotal = max(maxTotal, t)
	}
	top, step := niceScale(maxTotal)
	plotH := c.Bottom - c.Top
	y := func(v float64) float64 { return c.Bottom - v/top*plotH }
	for v := 0.0; v <= top+step/2; v += step {
		l := "$0"
		if v > 0 {
			l = formatMoney(v, "USD")
		}
		c.YTicks = append(c.YTicks, tick{Y: y(v), Label: l})
	}
	slot := (c.Right - c.Left) / float64(max(len(months), 1))
	c.Table.Head = append([]string{"Month"}, labelsOf(groups, labels)...)
	c.Table.Head = append(c.Table.Head, "Total")
	for i, m := range months {
		col := column{X: c.Left + float64(i)*slot + slot*0.15, W: slot * 0.7, LabelX: c.Left + float64(i)*slot + slot/2,
			Label: monthLabel(m)}
		row := []string{monthLabel(m)}
		base := 0.0
		for _, g := range groups {
			v := sums[cell{m, g}]
			row = append(row, moneyCell(v))
			if v <= 0 {
				continue
			}
			col.Segments = append(col.Segments, segment{Y: y(base + v), H: y(base) - y(base+v), Class: class[g],
				Title: fmt.Sprintf("%s, %s: %s", monthLabel(m), labels[g], formatMoney(v, "USD"))})
			base += v
		}
		row = append(row, moneyCell(base))
		c.Columns = append(c.Columns, col)
		c.Table.Rows = append(c.Table.Rows, row)
	}
	return c
}

// fillMonths adds the months with no deals between the first and the last,
// so the time axis is even.
func fillMonths(months []string) []string {
	if len(months) < 2 {
		return months
	}
	first, _ := time.Parse("2006-01", months[0])
	last, _ := time.Parse("2006-01", months[len(months)-1])
	var out []string
	for t := first; !t.After(last); t = t.AddDate(0, 1, 0) {
		out = append(out, t.Format("2006-01"))
	}
	return out
}

func monthLabel(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return t.Format("Jan 2006")
}

func moneyCell(v float64) string {
	if v <= 0 {
		return "—"
	}
	return formatMoney(v, "USD")
}

func labelsOf(keys []string, labels map[string]string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = labels[k]
	}
	return out
}

// niceScale returns an axis top of at least v and a round tick step, with
// four or five ticks above zero; the axis always starts at zero.
func niceScale(v float64) (top, step float64) {
	if v <= 0 {
		return 1, 1
	}
	raw := v / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if step = m * mag; step >= raw {
			break
		}
	}
	return math.Ceil(v/step) * step, step
}

// topInvestors ranks investors by the number of deals they took part in.
func topInvestors(deals []*pulse.Deal, n int) barChart {
	counts := map[string]int{}
	names := map[string]string{}
	for _, d := range deals {
		seen := map[string]bool{}
		for _, inv := range d.Investors {
			k := pulse.NormalizeName(inv)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			counts[k]++
			if _, ok := names[k]; !ok {
				names[k] = inv
			}
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	if len(keys) > n {
		keys = keys[:n]
	}
	c := barChart{ID: "top-investors", Title: "Top investors by number of deals",
		Desc:   "Horizontal bars: how many deals each of the most active investors took part in.",
		XLabel: "Deals", Width: chartW, Left: barChartLW, Right: chartW - padRight,
		Table: table{Head: []string{"Investor", "Deals"}}}
	c.Empty = len(keys) == 0
	c.Bottom = padTop + float64(max(len(keys), 1))*barChartRow
	c.Height = c.Bottom + 40
	maxCount := 1
	if len(keys) > 0 {
		maxCount = counts[keys[0]]
	}
	top, step := niceScale(float64(maxCount))
	step = max(step, 1) // whole deals only
	top = math.Ceil(top/step) * step
	x := func(v float64) float64 { return c.Left + v/top*(c.Right-c.Left) }
	for v := 0.0; v <= top+step/2; v += step {
		c.XTicks = append(c.XTicks, tick{Y: x(v), Label: strconv.Itoa(int(v))})
	}
	for i, k := range keys {
		y := padTop + float64(i)*barChartRow
		c.Bars = append(c.Bars, hbar{Y: y + 4, H: barChartRow - 8, TextY: y + barChartRow/2 + 4,
			W: x(float64(counts[k])) - c.Left, Label: truncate(names[k], 28), Value: strconv.Itoa(counts[k])})
		c.Table.Rows = append(c.Table.Rows, []string{names[k], strconv.Itoa(counts[k])})
	}
	return c
}

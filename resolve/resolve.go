// Package resolve decides when deals extracted from different articles are
// the same money event, and merges what each source adds. It is pure: the
// ingest orchestrator loads candidates from the store and applies the result.
package resolve

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
)

// Window is how far apart two reports of one deal may be dated. Outlets
// report a round days or a few weeks after each other; a company rarely
// closes two deals of one kind within it.
const Window = 45 * 24 * time.Hour

// maxRatio separates a conflicting report of one amount (an outlet rounding
// or misreporting "$480 million" for "$500 million") from two different
// deals of the same company (a $3M seed and a $15M Series A).
const maxRatio = 1.6

// Same reports whether a and b describe the same deal.
func Same(a, b *pulse.Deal) bool {
	if !kindsCompatible(a.Kind, b.Kind) {
		return false
	}
	if !partiesAgree(a, b) {
		return false
	}
	if !a.Date.IsZero() && !b.Date.IsZero() {
		if d := a.Date.Sub(b.Date); d > Window || d < -Window {
			return false
		}
	}
	if a.Round != "" && b.Round != "" && a.Round != "undisclosed" && b.Round != "undisclosed" && a.Round != b.Round {
		return false
	}
	if x, y, ok := comparable(a, b); ok && x > 0 && y > 0 {
		if math.Max(x, y)/math.Min(x, y) > maxRatio {
			return false
		}
	}
	return true
}

// Conflicting reports whether two amounts for one deal disagree by more than
// the 1% that rounding explains.
func Conflicting(a, b *pulse.Deal) bool {
	x, y, ok := comparable(a, b)
	if !ok || x == 0 || y == 0 {
		return false
	}
	return math.Abs(x-y)/math.Max(x, y) > 0.01
}

// comparable returns the two amounts in one unit: the same currency, else USD.
func comparable(a, b *pulse.Deal) (float64, float64, bool) {
	if a.Currency == "" || b.Currency == "" {
		return 0, 0, false
	}
	if a.Currency == b.Currency {
		return a.Amount, b.Amount, true
	}
	for _, alt := range a.AltAmounts {
		if alt.Currency == b.Currency {
			return alt.Amount, b.Amount, true
		}
	}
	for _, alt := range b.AltAmounts {
		if alt.Currency == a.Currency {
			return a.Amount, alt.Amount, true
		}
	}
	if a.AmountUSD > 0 && b.AmountUSD > 0 {
		return a.AmountUSD, b.AmountUSD, true
	}
	return 0, 0, false
}

// kindsCompatible allows the honest disagreements between outlets: a VC's
// cheque called an investment by one and a round by another, a stake called
// an acquisition or an investment.
func kindsCompatible(a, b pulse.DealKind) bool {
	if a == b {
		return true
	}
	pair := func(x, y pulse.DealKind) bool { return (a == x && b == y) || (a == y && b == x) }
	return pair(pulse.KindFundingRound, pulse.KindInvestment) || pair(pulse.KindAcquisition, pulse.KindInvestment)
}

func partiesAgree(a, b *pulse.Deal) bool {
	if a.Company == "" || b.Company == "" {
		if a.Company != "" || b.Company != "" {
			return false
		}
		return overlap(a.Investors, b.Investors)
	}
	an, bn := names(a), names(b)
	for _, x := range an {
		for _, y := range bn {
			if x == y || wholeWordPart(x, y) || wholeWordPart(y, x) {
				return true
			}
		}
	}
	return false
}

func names(d *pulse.Deal) []string {
	out := []string{pulse.NormalizeName(d.Company)}
	for _, a := range d.Aliases {
		if n := pulse.NormalizeName(a); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// wholeWordPart reports whether short is a whole-word part of long
// ("mara" in "mara holdings"), the way outlets shorten names.
func wholeWordPart(short, long string) bool {
	return short != "" && strings.Contains(" "+long+" ", " "+short+" ")
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if partyKey(x) == partyKey(y) {
				return true
			}
		}
	}
	return false
}

// Merge returns existing with what report adds: fields existing lacks and
// investors it did not name. The earliest report's amount stands; a
// differing amount is kept on its mention and flagged by the store.
func Merge(existing, report *pulse.Deal) (merged pulse.Deal, changed bool) {
	m := *existing
	set := func(ok bool, apply func()) {
		if ok {
			apply()
			changed = true
		}
	}
	// The earliest report's figure stands; later differing figures stay on
	// their mentions and flag the deal.
	earlier := !report.Date.IsZero() && report.Date.Before(m.Date)
	set(report.Currency != "" && (m.Currency == "" || earlier && Conflicting(&m, report)), func() {
		m.Amount, m.Currency, m.AmountUSD, m.AltAmounts = report.Amount, report.Currency, report.AmountUSD, report.AltAmounts
	})
	set((m.Round == "" || m.Round == "undisclosed") && report.Round != "" && report.Round != "undisclosed", func() { m.Round = report.Round })
	set(m.StakePercent == 0 && report.StakePercent != 0, func() { m.StakePercent = report.StakePercent })
	set(m.Announced.IsZero() && !report.Announced.IsZero(), func() { m.Announced, m.Date = report.Announced, report.Announced })
	set(m.Announced.IsZero() && earlier, func() { m.Date = report.Date })
	set(m.Sector == "" && report.Sector != "", func() { m.Sector = report.Sector })
	set(m.Country == "" && report.Country != "", func() { m.Country, m.Region = report.Country, report.Region })
	m.Investors, changed = union(m.Investors, report.Investors, changed)
	m.LeadInvestors, changed = union(m.LeadInvestors, report.LeadInvestors, changed)
	for _, a := range append([]string{report.Company}, report.Aliases...) {
		if a != "" && pulse.NormalizeName(a) != pulse.NormalizeName(m.Company) && !containsName(m.Aliases, a) {
			m.Aliases = append(slices.Clip(m.Aliases), a)
			changed = true
		}
	}
	return m, changed
}

func union(have, add []string, changed bool) ([]string, bool) {
	for _, n := range add {
		if !containsName(have, n) {
			have = append(slices.Clip(have), n)
			changed = true
		}
	}
	return have, changed
}

func containsName(list []string, name string) bool {
	n := partyKey(name)
	for _, x := range list {
		if partyKey(x) == n {
			return true
		}
	}
	return false
}

// partyKey compares backers: "Straits Packaging" and "Straits Packaging
// Group" are one buyer, told two ways by two outlets.
func partyKey(name string) string {
	return strings.TrimSuffix(pulse.NormalizeName(name), " group")
}

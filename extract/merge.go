package extract

import (
	"math"
	"strings"

	"github.com/fundingpulse/pulse"
)

// mergeCands folds repeated reports of one deal ("X raises $5M" in the
// headline and again in the body) into the first, keeping the richer fields.
func mergeCands(cs []*cand) []*cand {
	var out []*cand
next:
	for _, c := range cs {
		for _, o := range out {
			if sameDeal(o, c) {
				absorb(o, c)
				continue next
			}
			if samePurchase(o, c) {
				// The headline and the body name the bought asset
				// differently; the body's longer sentence names it better.
				was := o.company
				body := c.sent.End-c.sent.Start > o.sent.End-o.sent.Start
				absorb(o, c)
				if body && was.text != c.company.text {
					o.company = c.company
					var as []string
					for _, a := range o.aliases {
						if a != c.company.text {
							as = append(as, a)
						}
					}
					o.aliases = appendUnique(as, was.text)
				}
				continue next
			}
		}
		out = append(out, c)
	}
	return out
}

// sameDeal: same party and agreeing amounts (or one undisclosed).
func sameDeal(a, b *cand) bool {
	if !sameParty(a, b) || stated(a.round) && stated(b.round) && a.round != b.round {
		return false // a Series B and the Series A before it are two rounds
	}
	switch {
	case a.money == nil || b.money == nil:
		// An amountless report takes the amount of the same kind of deal
		// told later, not a different deal of the same company.
		return compatibleKinds(a.kind, b.kind) || generalFunding(a, b) || generalFunding(b, a)
	default:
		return amountsAgree(a, b)
	}
}

// samePurchase: one buyer paying the same price twice in one article is one
// acquisition, however the target is named.
func samePurchase(a, b *cand) bool {
	if a.kind != pulse.KindAcquisition || b.kind != pulse.KindAcquisition || a.money == nil || b.money == nil {
		return false
	}
	if len(a.investors) == 0 || len(b.investors) == 0 || pulse.NormalizeName(a.investors[0].text) != pulse.NormalizeName(b.investors[0].text) {
		return false
	}
	return amountsAgree(a, b)
}

// generalFunding: "X was selected to receive funding" without an amount is
// the grant, loan or round told with its amount later; not a takeover.
func generalFunding(a, b *cand) bool {
	return a.money == nil && a.kind == pulse.KindFundingRound && b.kind != pulse.KindAcquisition
}

func stated(r pulse.Round) bool { return r != "" && r != "undisclosed" }

func compatibleKinds(a, b pulse.DealKind) bool {
	pair := func(x, y pulse.DealKind) bool { return a == x && b == y || a == y && b == x }
	return a == b || pair(pulse.KindFundingRound, pulse.KindInvestment) || pair(pulse.KindAcquisition, pulse.KindInvestment)
}

// aliasOf reports whether b's company is one of a's aliases.
func aliasOf(a, b *cand) bool {
	for _, al := range a.aliases {
		if al != "" && pulse.NormalizeName(al) == pulse.NormalizeName(b.company.text) {
			return true
		}
	}
	return false
}

func sameParty(a, b *cand) bool {
	if aliasOf(a, b) || aliasOf(b, a) {
		return true // the brand in the headline, the operator in the body
	}
	na, nb := pulse.NormalizeName(a.company.text), pulse.NormalizeName(b.company.text)
	if na == "" || nb == "" {
		if na != "" || nb != "" {
			return false
		}
		return len(a.investors) > 0 && len(b.investors) > 0 && pulse.NormalizeName(a.investors[0].text) == pulse.NormalizeName(b.investors[0].text)
	}
	return na == nb || strings.Contains(" "+na+" ", " "+nb+" ") || strings.Contains(" "+nb+" ", " "+na+" ")
}

func amountsAgree(a, b *cand) bool {
	close := func(x, y float64) bool { return y != 0 && math.Abs(x-y)/math.Abs(y) <= 0.01 }
	ma, mb := a.money, b.money
	if ma.Currency == mb.Currency && close(ma.Amount, mb.Amount) {
		return true
	}
	if (a.bare && dollars[mb.Currency] || b.bare && dollars[ma.Currency]) && close(ma.Amount, mb.Amount) {
		return true // "$35m" in the headline, "A$35 million" in the body
	}
	if ma.Alt != nil && ma.Alt.Currency == mb.Currency && close(ma.Alt.Amount, mb.Amount) {
		return true
	}
	if mb.Alt != nil && mb.Alt.Currency == ma.Currency && close(mb.Alt.Amount, ma.Amount) {
		return true
	}
	return false
}

// absorb copies into o what c knows and o does not.
func absorb(o, c *cand) {
	for _, a := range c.aliases {
		if a != o.company.text {
			o.aliases = appendUnique(o.aliases, a)
		}
	}
	if o.money == nil && c.money != nil {
		o.money = c.money
	}
	if o.money != nil && o.money.Alt == nil && c.money != nil && c.money.Alt != nil && c.money.Currency == o.money.Currency {
		o.money = c.money
	}
	if o.bare && c.money != nil && dollars[c.money.Currency] {
		o.money, o.bare = c.money, false // the body names which dollar
	}
	if len(c.company.text) > len(o.company.text) && o.company.text != "" && c.company.end > 0 {
		o.aliases = appendUnique(o.aliases, o.company.text)
		o.company = c.company
	} else if c.company.text != o.company.text && c.company.text != "" {
		o.aliases = appendUnique(o.aliases, c.company.text)
	}
	if o.company.text == "" {
		o.company = c.company
	}
	if (o.round == "" || o.round == "undisclosed") && c.round != "" && c.round != "undisclosed" {
		o.round, o.roundAt = c.round, c.roundAt
	}
	if o.kind != c.kind && c.kind != pulse.KindFundingRound && o.kind == pulse.KindFundingRound {
		o.kind, o.kindAt = c.kind, c.kindAt
		if o.kind != pulse.KindFundingRound {
			o.round = ""
		}
	}
	for _, n := range c.investors {
		if !hasName(o.investors, n) && pulse.NormalizeName(n.text) != pulse.NormalizeName(o.company.text) {
			o.investors = append(o.investors, n)
		}
	}
	for _, n := range c.leads {
		if !hasName(o.leads, n) {
			o.leads = append(o.leads, n)
		}
	}
	if o.stake == 0 {
		o.stake, o.stakeAt = c.stake, c.stakeAt
	}
	if o.announced.IsZero() {
		o.announced, o.dateAt = c.announced, c.dateAt
	}
	if o.sent.End-o.sent.Start < 20 && c.sent.End > 0 {
		// A headline is thin evidence; keep the body's sentence.
		o.sent = c.sent
	}
}

// dollars are the currencies a bare "$" may stand for besides USD: those of
// localDollars.
var dollars = func() map[string]bool {
	m := map[string]bool{}
	for _, d := range localDollars {
		m[d.code] = true
	}
	return m
}()

func hasName(ns []name, n name) bool {
	k := orgKey(n.text)
	for _, x := range ns {
		if orgKey(x.text) == k {
			return true
		}
	}
	return false
}

// orgKey is a name without case, punctuation and the words that only say
// what kind of organisation it is: "Straits Packaging Group" and "Straits
// Packaging" are one buyer.
func orgKey(n string) string {
	ws := strings.Fields(pulse.NormalizeName(n))
	for len(ws) > 1 && (legalSuffixes[ws[len(ws)-1]] || ws[len(ws)-1] == "group" || ws[len(ws)-1] == "holdings") {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

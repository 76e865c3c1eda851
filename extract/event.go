package extract

import (
	"math"

	"github.com/fundingpulse/pulse"
)

// Event is a deal in the evaluation data's wire format (eval/README.md),
// plus the USD amount, sector, region and evidence spans.
type Event struct {
	Company       *string          `json:"company"`
	Aliases       []string         `json:"aliases"`
	Kind          string           `json:"kind"`
	Amount        *float64         `json:"amount"`
	Currency      *string          `json:"currency"`
	AltAmounts    [][2]any         `json:"alt_amounts,omitempty"`
	Round         *string          `json:"round"`
	Investors     []string         `json:"investors"`
	LeadInvestors []string         `json:"lead_investors"`
	StakePercent  *float64         `json:"stake_percent"`
	Announced     *string          `json:"announced"`
	AmountUSD     *float64         `json:"amount_usd"`
	Sector        string           `json:"sector,omitempty"`
	Region        string           `json:"region,omitempty"`
	Evidence      []pulse.Evidence `json:"evidence,omitempty"`
}

// EventOf converts a deal to its wire form: zero values become nulls.
func EventOf(d pulse.Deal) Event {
	ev := Event{
		Aliases:       nonNil(d.Aliases),
		Kind:          string(d.Kind),
		Investors:     nonNil(d.Investors),
		LeadInvestors: nonNil(d.LeadInvestors),
		Sector:        d.Sector,
		Region:        d.Region,
	}
	if d.Company != "" {
		ev.Company = &d.Company
	}
	if d.Currency != "" {
		a, c := d.Amount, d.Currency
		ev.Amount, ev.Currency = &a, &c
		for _, alt := range d.AltAmounts {
			ev.AltAmounts = append(ev.AltAmounts, [2]any{alt.Amount, alt.Currency})
		}
	}
	if d.AmountUSD != 0 {
		u := math.Round(d.AmountUSD)
		ev.AmountUSD = &u
	}
	if d.Round != "" {
		r := string(d.Round)
		ev.Round = &r
	}
	if d.StakePercent != 0 {
		s := d.StakePercent
		ev.StakePercent = &s
	}
	if !d.Announced.IsZero() {
		s := d.Announced.Format("2006-01-02")
		ev.Announced = &s
	}
	if len(d.Mentions) > 0 {
		ev.Evidence = d.Mentions[0].Evidence
	}
	return ev
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

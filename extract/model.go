package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract/money"
	"github.com/fundingpulse/pulse/llm"
)

// modelPrompt asks for deals in the eval event format.
const modelPrompt = `You extract funding and investment deals from news text.
Return a JSON object {"events": [...]} with one entry per concrete deal the text reports as done, agreed or announced
(not talks, plans, rumours, valuations, revenue, market sizes or running totals). Each entry has:
company (receiver, bought company, fund manager, or the project/place invested in; null when unnamed),
kind (funding_round, acquisition, investment, fund, debt, grant, ipo, other),
amount (number in whole units, null if not stated), currency (ISO 4217, null if no amount),
round (pre_seed, seed, angel, pre_series_a, series_a ... series_h, growth, bridge, strategic, undisclosed; null if not a funding_round),
investors (names as written), lead_investors, stake_percent (number or null).
Copy names exactly as the text writes them. Answer with JSON only.`

// modelEvent is what the model returns for one deal.
type modelEvent struct {
	Company       *string  `json:"company"`
	Kind          string   `json:"kind"`
	Amount        *float64 `json:"amount"`
	Currency      *string  `json:"currency"`
	Round         *string  `json:"round"`
	Investors     []string `json:"investors"`
	LeadInvestors []string `json:"lead_investors"`
	StakePercent  *float64 `json:"stake_percent"`
}

// maxModelText bounds what is sent to the model.
const maxModelText = 24 << 10

// propose asks the model for deals and keeps those it can verify.
func (e *Extractor) propose(ctx context.Context, d Document) ([]*cand, error) {
	text := d.Text
	if len(text) > maxModelText {
		text = strings.ToValidUTF8(text[:maxModelText], "")
	}
	out, err := e.model.Chat(ctx, []llm.Message{
		{Role: "system", Content: modelPrompt},
		{Role: "user", Content: text},
	}, true)
	if err != nil {
		return nil, fmt.Errorf("ask model: %w", err)
	}
	var resp struct {
		Events []modelEvent `json:"events"`
	}
	if err := json.Unmarshal([]byte(out), &resp); err != nil {
		return nil, fmt.Errorf("decode model answer: %w", err)
	}
	amounts := money.Find(d.Text)
	var cs []*cand
	for _, me := range resp.Events {
		if c, ok := verify(d.Text, amounts, me); ok {
			cs = append(cs, c)
		} else {
			e.log.Debug("model deal not found in text, dropped", "doc_id", d.ID, "kind", me.Kind)
		}
	}
	return cs, nil
}

// verify turns a model event into a candidate when its kind is known, its
// amount is one the text states and each name it gives occurs in the text.
func verify(text string, amounts []money.Match, me modelEvent) (*cand, bool) {
	kind := pulse.DealKind(me.Kind)
	if !kind.Valid() {
		return nil, false
	}
	c := &cand{kind: kind}
	if me.Company != nil && *me.Company != "" {
		n, ok := locate(text, *me.Company)
		if !ok {
			return nil, false
		}
		c.company = n
	}
	if me.Amount != nil {
		if me.Currency == nil {
			return nil, false
		}
		m, ok := findAmount(amounts, *me.Amount, strings.ToUpper(*me.Currency))
		if !ok {
			return nil, false
		}
		c.money = m
		c.sent = sentenceAround(text, m.Start)
	}
	for _, inv := range me.Investors {
		n, ok := locate(text, inv)
		if !ok {
			return nil, false
		}
		c.investors = append(c.investors, n)
	}
	for _, inv := range me.LeadInvestors {
		n, ok := locate(text, inv)
		if !ok {
			return nil, false
		}
		c.leads = append(c.leads, n)
		if !hasName(c.investors, n) {
			c.investors = append(c.investors, n)
		}
	}
	if c.company.text == "" && len(c.investors) == 0 {
		return nil, false
	}
	if kind == pulse.KindFundingRound {
		c.round = "undisclosed"
		if me.Round != nil && pulse.Round(*me.Round).Valid() {
			c.round = pulse.Round(*me.Round)
		}
	}
	if me.StakePercent != nil && *me.StakePercent > 0 && *me.StakePercent <= 100 {
		c.stake = *me.StakePercent
	}
	if c.sent.End == 0 {
		at := c.company.start
		if c.company.end == 0 && len(c.investors) > 0 {
			at = c.investors[0].start
		}
		c.sent = sentenceAround(text, at)
	}
	return c, true
}

// locate finds a name in text, comparing case-insensitively with runs of
// space and punctuation folded, and returns it as the text writes it.
func locate(text, n string) (name, bool) {
	n = strings.TrimSpace(n)
	if n == "" || len(n) > 200 {
		return name{}, false
	}
	if i := strings.Index(text, n); i >= 0 {
		return name{text: n, start: i, end: i + len(n)}, true
	}
	if i := indexFold(text, n); i >= 0 {
		return name{text: text[i : i+len(n)], start: i, end: i + len(n)}, true
	}
	// Fall back on the normalised comparison used for entities.
	key := pulse.NormalizeName(n)
	if key == "" {
		return name{}, false
	}
	if strings.Contains(" "+pulse.NormalizeName(text)+" ", " "+key+" ") {
		return name{text: n}, true
	}
	return name{}, false
}

func indexFold(s, sub string) int {
	ls, lsub := strings.ToLower(s), strings.ToLower(sub)
	if len(ls) != len(s) || len(lsub) != len(sub) {
		return -1 // offsets would not map back
	}
	return strings.Index(ls, lsub)
}

// findAmount returns the stated amount (or its bracketed alternative) that
// equals a, within rounding.
func findAmount(ms []money.Match, a float64, cur string) (*money.Match, bool) {
	for i := range ms {
		m := &ms[i]
		if m.Currency == cur && near(m.Amount, a) {
			return m, true
		}
		if m.Alt != nil && m.Alt.Currency == cur && near(m.Alt.Amount, a) {
			return m, true
		}
	}
	return nil, false
}

func near(x, y float64) bool { return y != 0 && math.Abs(x-y)/math.Abs(y) <= 0.01 }

// sentenceAround returns the sentence holding byte i.
func sentenceAround(text string, i int) Span {
	for _, s := range Sentences(text) {
		if s.Start <= i && i < s.End {
			return s
		}
	}
	return Span{0, min(len(text), 200)}
}

// mergeModel adds verified model deals the rules missed and lets them fill
// gaps in the rule deals they repeat; rule fields win where both speak.
func mergeModel(rules, model []*cand) []*cand {
	out := rules
next:
	for _, m := range model {
		for _, r := range out {
			if sameDeal(r, m) {
				absorb(r, m)
				continue next
			}
		}
		out = append(out, m)
	}
	return out
}

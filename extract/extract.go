// Package extract finds the funding and investment deals an article reports,
// with every field traced to the words that said it. The rules are plain Go
// (money, deal verbs, party roles, rounds, places, sectors); a language model,
// when one is configured, may propose more deals, which are kept only when
// every name and amount they state is found in the text.
package extract

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/extract/money"
	"github.com/fundingpulse/pulse/llm"
)

// Document is the text to read: for an article, its title, a blank line and
// its body.
type Document struct {
	ID        string
	Text      string
	Published time.Time
	URL       string
}

// Converter turns an amount into US dollars at the rate of a date.
type Converter interface {
	ToUSD(amount float64, currency string, on time.Time) (float64, bool)
}

// Options configure an Extractor; every field may be zero.
type Options struct {
	FX    Converter   // nil leaves AmountUSD at 0
	Model *llm.Client // nil means rules only
	Log   *slog.Logger
}

// Extractor finds deals in documents. It is safe for concurrent use.
type Extractor struct {
	fx    Converter
	model *llm.Client
	log   *slog.Logger
}

// New returns an Extractor.
func New(o Options) *Extractor {
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Extractor{fx: o.FX, model: o.Model, log: log}
}

// maxText bounds the text read from one document; deals are reported near the
// top and untrusted pages can be arbitrarily long.
const maxText = 256 << 10

// Extract returns the deals d reports, in order of first mention. It fails
// only when ctx is done; a model that errs is logged and skipped.
func (e *Extractor) Extract(ctx context.Context, d Document) ([]pulse.Deal, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	text := d.Text
	if len(text) > maxText {
		text = strings.ToValidUTF8(text[:maxText], "")
		d.Text = text
	}
	cands := extractRules(text, d.Published)
	if e.model != nil {
		proposed, err := e.propose(ctx, d)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			e.log.Warn("model extraction failed", "doc_id", d.ID, "err", err)
		}
		cands = mergeModel(cands, proposed)
	}
	deals := make([]pulse.Deal, 0, len(cands))
	var docPlace *placeAt
	var docCues map[string]int
	if len(cands) > 0 {
		docPlace, docCues = mainPlace(text), countCues(text)
	}
	for _, c := range cands {
		deals = append(deals, e.toDeal(text, d, c, docPlace, docCues))
	}
	return deals, nil
}

// toDeal fills a pulse.Deal from a candidate.
func (e *Extractor) toDeal(text string, d Document, c *cand, docPlace *placeAt, docCues map[string]int) pulse.Deal {
	deal := pulse.Deal{
		Kind:          c.kind,
		Company:       c.company.text,
		Aliases:       c.aliases,
		Round:         c.round,
		Investors:     names(widest(c.investors)),
		LeadInvestors: names(widest(c.leads)),
		StakePercent:  c.stake,
		Announced:     c.announced,
	}
	if deal.Investors == nil {
		deal.Investors = []string{}
	}
	if deal.LeadInvestors == nil {
		deal.LeadInvestors = []string{}
	}
	m := pulse.Mention{Published: d.Published, URL: d.URL}
	if c.money != nil {
		deal.Amount, deal.Currency = c.money.Amount, c.money.Currency
		if c.money.Alt != nil {
			deal.AltAmounts = []pulse.Money{{Amount: c.money.Alt.Amount, Currency: c.money.Alt.Currency}}
		}
		m.Amount, m.Currency = deal.Amount, deal.Currency
		m.Evidence = append(m.Evidence, ev(text, "amount", c.money.Start, c.money.End))
		on := deal.Announced
		if on.IsZero() {
			on = d.Published
		}
		if e.fx != nil {
			if usd, ok := e.fx.ToUSD(deal.Amount, deal.Currency, on); ok {
				deal.AmountUSD = usd
			}
		}
		if deal.AmountUSD == 0 && c.money.Alt != nil && c.money.Alt.Currency == "USD" {
			// "NT$1.2 billion ($37 million)": no reference rate for the
			// first currency, but the text gives the dollars.
			deal.AmountUSD = c.money.Alt.Amount
		}
	}
	deal.Date = deal.Announced
	if deal.Date.IsZero() {
		deal.Date = d.Published
	}
	if c.company.end > 0 {
		m.Evidence = append(m.Evidence, ev(text, "company", c.company.start, c.company.end))
	}
	for _, inv := range c.investors {
		if inv.end > 0 {
			m.Evidence = append(m.Evidence, ev(text, "investors", inv.start, inv.end))
		}
	}
	if c.kindAt.End > 0 {
		m.Evidence = append(m.Evidence, ev(text, "kind", c.kindAt.Start, c.kindAt.End))
	}
	if c.roundAt.End > 0 {
		m.Evidence = append(m.Evidence, ev(text, "round", c.roundAt.Start, c.roundAt.End))
	}
	if c.stakeAt.End > 0 {
		m.Evidence = append(m.Evidence, ev(text, "stake", c.stakeAt.Start, c.stakeAt.End))
	}
	if c.dateAt.End > 0 {
		m.Evidence = append(m.Evidence, ev(text, "date", c.dateAt.Start, c.dateAt.End))
	}
	para := paragraphOf(text, c.sent)
	if s, sp := sectorOf(text, para, c.sent, docCues); s != "" {
		deal.Sector = s
		if sp.End > 0 {
			m.Evidence = append(m.Evidence, ev(text, "sector", sp.Start, sp.End))
		}
	}
	if p, sp, ok := regionOf(text, c.sent, c.company, docPlace); ok {
		deal.Country, deal.Region = p.Country, p.Region
		m.Evidence = append(m.Evidence, ev(text, "region", sp.Start, sp.End))
	}
	m.Start, m.End = mentionSpan(text, c.sent, m.Evidence)
	m.Sentence = text[m.Start:m.End]
	deal.Mentions = []pulse.Mention{m}
	return deal
}

// maxMention bounds the evidence sentences of one mention.
const maxMention = 1200

// mentionSpan widens the deal's sentence to the whole sentences holding its
// company, amount and investors when they are close by ("... raised $5M.
// The round was led by X."); a dateline or sector cue far away stays out.
func mentionSpan(text string, sent Span, evs []pulse.Evidence) (int, int) {
	s, e := sent.Start, sent.End
	for _, x := range evs {
		if x.Field == "date" || x.Field == "sector" || x.Field == "region" {
			continue
		}
		if x.Start < s && sent.End-x.Start <= maxMention {
			s = x.Start
		}
		if x.End > e && x.End-sent.Start <= maxMention {
			e = x.End
		}
	}
	if s == sent.Start && e == sent.End {
		return s, e
	}
	for _, sp := range Sentences(text[max(0, s-maxMention):min(len(text), e+maxMention)]) {
		off := max(0, s-maxMention)
		a, b := sp.Start+off, sp.End+off
		if a <= s && s < b {
			s = a
		}
		if a < e && e <= b {
			e = b
		}
	}
	return s, e
}

func ev(text, field string, s, e int) pulse.Evidence {
	return pulse.Evidence{Field: field, Start: s, End: e, Text: text[s:e]}
}

// paragraphOf widens a sentence to its paragraph, for sector cues.
func paragraphOf(text string, s Span) Span {
	a := strings.LastIndex(text[:s.Start], "\n")
	if a < 0 {
		a = 0
	}
	b := strings.Index(text[s.End:], "\n")
	if b < 0 {
		b = len(text)
	} else {
		b += s.End
	}
	return Span{a, b}
}

// widest drops a backer named again more fully: "Goldman" beside "Goldman
// Sachs Group Inc.".
func widest(ns []name) []name {
	var out []name
	for i, n := range ns {
		k := orgKey(n.text)
		shorter := false
		for j, o := range ns {
			ok := orgKey(o.text)
			if i != j && len(ok) > len(k) && strings.HasPrefix(ok, k+" ") {
				shorter = true
			}
		}
		if !shorter {
			out = append(out, n)
		}
	}
	return out
}

func names(ns []name) []string {
	if len(ns) == 0 {
		return nil
	}
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, n.text)
	}
	return out
}

// name is a party as written, with its span (zero when proposed by a model
// without a span).
type name struct {
	text       string
	start, end int
}

// cand is a deal under construction.
type cand struct {
	kind      pulse.DealKind
	company   name
	aliases   []string
	money     *money.Match
	bare      bool // the amount was written with a bare "$"
	investors []name
	leads     []name
	round     pulse.Round
	stake     float64
	announced time.Time
	sent      Span
	kindAt    Span
	roundAt   Span
	stakeAt   Span
	dateAt    Span
}

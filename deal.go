package pulse

import (
	"strings"
	"time"
	"unicode"
)

// DealKind is the kind of money event, as defined in the labelling guide.
type DealKind string

// Deal kinds.
const (
	KindFundingRound DealKind = "funding_round" // a company raises equity from investors
	KindAcquisition  DealKind = "acquisition"   // purchase of a company, unit or assets, or a stake of 50% or more
	KindInvestment   DealKind = "investment"    // a minority stake, or a company's own spending commitment on a project or place
	KindFund         DealKind = "fund"          // a fund raised, closed or launched
	KindDebt         DealKind = "debt"          // loans, facilities, notes, bonds
	KindGrant        DealKind = "grant"         // non-dilutive public or philanthropic money
	KindIPO          DealKind = "ipo"           // an IPO that priced, listed or completed
	KindOther        DealKind = "other"         // any other money event
)

// DealKinds lists every kind in display order.
var DealKinds = []DealKind{KindFundingRound, KindAcquisition, KindInvestment, KindFund, KindDebt, KindGrant, KindIPO, KindOther}

// Valid reports whether k is a known kind.
func (k DealKind) Valid() bool {
	for _, v := range DealKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Round is the stage of a funding round; empty for other kinds.
type Round string

// Rounds lists every round in stage order.
var Rounds = []Round{"pre_seed", "seed", "angel", "pre_series_a", "series_a", "pre_series_b", "series_b",
	"series_c", "series_d", "series_e", "series_f", "series_g", "series_h", "growth", "bridge", "strategic", "undisclosed"}

// Valid reports whether r is a known round.
func (r Round) Valid() bool {
	for _, v := range Rounds {
		if r == v {
			return true
		}
	}
	return false
}

// Money is an amount in whole units of an ISO 4217 currency.
type Money struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
}

// Evidence ties one field of a deal to the words that said it: byte offsets
// into the article text (Start inclusive, End exclusive) and the text itself.
type Evidence struct {
	Field string `json:"field"` // "amount", "company", "investors", "round", "stake", "kind", "date", "sector", "region"
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Mention is one article's report of a deal: the provenance of every figure
// shown. A deal has one or more mentions.
type Mention struct {
	ID        int64 `json:"id"`
	DealID    int64 `json:"deal_id"`
	ArticleID int64 `json:"article_id"`
	// Sentence is the evidence sentence(s); Start and End are its byte
	// offsets in the article's Document().
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Amount and Currency are what this source said; they may disagree with
	// other mentions of the same deal (Deal.Conflict).
	Amount   float64    `json:"amount,omitempty"`
	Currency string     `json:"currency,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`

	// Filled on read from the article, for display.
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published"`
}

// Deal is one money event, backed by one or more mentions.
type Deal struct {
	ID   int64    `json:"id"`
	Kind DealKind `json:"kind"`
	// Company is the recipient or target as first named; empty when a named
	// investor commits money to an unnamed purpose.
	Company   string   `json:"company"`
	CompanyID int64    `json:"company_id,omitempty"` // entity; set by the store
	Aliases   []string `json:"aliases,omitempty"`

	// Amount is in whole units of Currency; Currency "" means undisclosed.
	Amount     float64 `json:"amount,omitempty"`
	Currency   string  `json:"currency,omitempty"`
	AmountUSD  float64 `json:"amount_usd,omitempty"` // 0 when undisclosed or not convertible
	AltAmounts []Money `json:"alt_amounts,omitempty"`

	Round         Round    `json:"round,omitempty"`
	Investors     []string `json:"investors"`
	LeadInvestors []string `json:"lead_investors"`
	StakePercent  float64  `json:"stake_percent,omitempty"` // 0 when not stated

	// Announced is the date the text gives for the deal; zero if none.
	Announced time.Time `json:"announced"`
	// Date is Announced, else the earliest mention's publication time: the
	// date filters, charts and briefings use.
	Date time.Time `json:"date"`

	Sector  string `json:"sector,omitempty"`  // a Sectors slug
	Country string `json:"country,omitempty"` // English short name, e.g. "India"
	Region  string `json:"region,omitempty"`  // a Regions slug

	// Conflict is true when mentions disagree on the amount; every figure is
	// kept on its mention.
	Conflict bool      `json:"conflict"`
	Mentions []Mention `json:"mentions,omitempty"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// DealFilter selects deals. Zero fields do not filter.
type DealFilter struct {
	IDs        []int64
	From, To   time.Time // on Date, inclusive
	Kinds      []DealKind
	Rounds     []Round
	Sectors    []string
	Regions    []string // matches Region or Country
	AmountMin  float64  // USD; 0 means no lower bound
	AmountMax  float64  // USD; 0 means no upper bound
	Company    string   // case-insensitive substring of the company or any of its aliases
	CompanyID  int64
	Investor   string // case-insensitive substring of an investor name
	InvestorID int64
	ArticleID  int64  // deals with a mention in this article
	Query      string // full-text search over company, investors and evidence
	// Sort is one of "date", "-date" (default), "amount", "-amount", "company".
	Sort          string
	Limit, Offset int
}

// Entity is a company or investor with the names it goes by. Roles come from
// deals: the same entity can raise money in one and invest in another.
type Entity struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// legalSuffixes are dropped when comparing names so "Ayar Labs Inc." and
// "Ayar Labs" resolve to one entity.
var legalSuffixes = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true, "co": true, "ltd": true,
	"limited": true, "llc": true, "plc": true, "gmbh": true, "sa": true, "ag": true, "nv": true,
	"bv": true, "sas": true, "srl": true, "ab": true, "oy": true, "as": true, "pte": true, "pty": true,
	"holdings": true, "holding": true, "the": true,
}

// NormalizeName returns the comparison key of an organisation name: lower
// case, punctuation folded to spaces, legal suffixes and "The" removed.
// Store implementations use it for the alias table.
func NormalizeName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '&':
			b.WriteString(" and ")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "Nvidia's" and "Nvidias" compare equal below.
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	kept := words[:0]
	for _, w := range words {
		if !legalSuffixes[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return strings.Join(words, " ")
	}
	return strings.Join(kept, " ")
}

package sqlstore

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/fundingpulse/pulse"
)

// Scanner is one row of a result: *sql.Row and *sql.Rows, pgx.Row and
// pgx.Rows all have this method.
type Scanner interface {
	Scan(dest ...any) error
}

// Rows is what reading a result needs of *sql.Rows and pgx.Rows. Closing
// stays with the caller, as the two drivers' Close methods differ.
type Rows interface {
	Scanner
	Next() bool
	Err() error
}

// Collect scans every row with scan; no rows is an empty, non-nil slice.
func Collect[T any](rows Rows, scan func(Scanner) (T, error)) ([]T, error) {
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Each calls fn for every row, stopping at the first error.
func Each(rows Rows, fn func(Scanner) error) error {
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ScanID scans a row of one integer column.
func ScanID(row Scanner) (int64, error) {
	var id int64
	err := row.Scan(&id)
	return id, err
}

// The column lists below are in the order their Scan functions read;
// queries name the table with the alias each list uses.

// SourceCols are the columns ScanSource reads, from "sources s".
const SourceCols = `s.id, s.kind, s.url, s.title, s.interval_ns, s.etag, s.last_modified,
	s.last_fetch_at, s.last_success_at, s.next_poll_at, s.last_error, s.error_kind, s.error_count,
	s.created_at, (SELECT count(*) FROM articles a WHERE a.source_id = s.id)`

// ScanSource reads a row of SourceCols.
func ScanSource(row Scanner) (*pulse.Source, error) {
	var s pulse.Source
	var interval int64
	err := row.Scan(&s.ID, &s.Kind, &s.URL, &s.Title, &interval, &s.ETag, &s.LastModified,
		TimeCol(&s.LastFetchAt), TimeCol(&s.LastSuccessAt), TimeCol(&s.NextPollAt),
		&s.LastError, &s.ErrorKind, &s.ErrorCount, TimeCol(&s.CreatedAt), &s.ArticleCount)
	s.Interval = time.Duration(interval)
	return &s, err
}

// ArticleCols are the columns ScanArticle reads, from "articles a".
const ArticleCols = `a.id, coalesce(a.source_id, 0), a.url, a.guid, a.identity_hash, a.title, a.outlet,
	a.author, a.published, a.fetched_at, a.lang, a.text, a.content_hash, a.simhash,
	coalesce(a.duplicate_of, 0), a.extracted_at`

// ScanArticle reads a row of ArticleCols.
func ScanArticle(row Scanner) (*pulse.Article, error) {
	var a pulse.Article
	var sim int64
	err := row.Scan(&a.ID, &a.SourceID, &a.URL, &a.GUID, &a.IdentityHash, &a.Title, &a.Outlet,
		&a.Author, TimeCol(&a.Published), TimeCol(&a.FetchedAt), &a.Lang, &a.Text, &a.ContentHash, &sim,
		&a.DuplicateOf, TimeCol(&a.ExtractedAt))
	a.SimHash = uint64(sim) // stored as the signed integer both databases have
	return &a, err
}

// SignatureCols are the columns ScanSignature reads, from "articles".
const SignatureCols = `id, title, simhash, published, coalesce(duplicate_of, 0)`

// ScanSignature reads a row of SignatureCols.
func ScanSignature(row Scanner) (pulse.ArticleSignature, error) {
	var s pulse.ArticleSignature
	var sim int64
	err := row.Scan(&s.ID, &s.Title, &sim, TimeCol(&s.Published), &s.DuplicateOf)
	s.SimHash = uint64(sim)
	return s, err
}

// DealCols are the columns ScanDeal reads, from "deals d".
const DealCols = `d.id, d.kind, d.company, coalesce(d.company_id, 0), d.amount, d.currency, d.amount_usd,
	d.alt_amounts, d.round, d.stake_percent, d.announced, d.date, d.sector, d.country, d.region,
	d.conflict, d.created_at, d.updated_at`

// ScanDeal reads a row of DealCols; its parties and mentions are empty
// until DealSet fills them.
func ScanDeal(row Scanner) (*pulse.Deal, error) {
	var d pulse.Deal
	var alt string
	err := row.Scan(&d.ID, &d.Kind, &d.Company, &d.CompanyID, &d.Amount, &d.Currency, &d.AmountUSD,
		&alt, &d.Round, &d.StakePercent, TimeCol(&d.Announced), TimeCol(&d.Date), &d.Sector, &d.Country,
		&d.Region, &d.Conflict, TimeCol(&d.CreatedAt), TimeCol(&d.UpdatedAt))
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(alt), &d.AltAmounts); err != nil {
		return nil, fmt.Errorf("deal %d alt amounts: %w", d.ID, err)
	}
	d.Investors, d.LeadInvestors, d.Mentions = []string{}, []string{}, []pulse.Mention{}
	return &d, nil
}

// ScanMoney reads a row of an amount and its currency.
func ScanMoney(row Scanner) (pulse.Money, error) {
	var m pulse.Money
	err := row.Scan(&m.Amount, &m.Currency)
	return m, err
}

// DealSet attaches parties, mentions and aliases to deals read by ScanDeal.
type DealSet struct {
	IDs       []int64 // of the deals, to select their parties and mentions
	Companies []int64 // entity IDs of the deals' companies, to select their names
	byID      map[int64]*pulse.Deal
}

// NewDealSet indexes deals.
func NewDealSet(deals []*pulse.Deal) *DealSet {
	s := &DealSet{IDs: make([]int64, len(deals)), byID: make(map[int64]*pulse.Deal, len(deals))}
	for i, d := range deals {
		s.byID[d.ID], s.IDs[i] = d, d.ID
		if d.CompanyID != 0 {
			s.Companies = append(s.Companies, d.CompanyID)
		}
	}
	return s
}

// PartyCols are the columns ScanParty reads, from "deal_parties"; select
// them in position order.
const PartyCols = `deal_id, role, name`

// ScanParty reads a row of PartyCols into its deal's investors.
func (s *DealSet) ScanParty(row Scanner) error {
	var id int64
	var role, name string
	if err := row.Scan(&id, &role, &name); err != nil {
		return err
	}
	if d := s.byID[id]; role == "lead" {
		d.LeadInvestors = append(d.LeadInvestors, name)
	} else {
		d.Investors = append(d.Investors, name)
	}
	return nil
}

// MentionCols are the columns ScanMention reads, from "mentions m JOIN
// articles a ON a.id = m.article_id".
const MentionCols = `m.id, m.deal_id, m.article_id, m.sentence, m.start, m."end", m.amount,
	m.currency, m.evidence, a.outlet, a.title, a.url, a.published`

// ScanMention reads a row of MentionCols into its deal's mentions.
func (s *DealSet) ScanMention(row Scanner) error {
	var m pulse.Mention
	var ev string
	if err := row.Scan(&m.ID, &m.DealID, &m.ArticleID, &m.Sentence, &m.Start, &m.End, &m.Amount,
		&m.Currency, &ev, &m.Outlet, &m.Title, &m.URL, TimeCol(&m.Published)); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(ev), &m.Evidence); err != nil {
		return fmt.Errorf("mention %d evidence: %w", m.ID, err)
	}
	d := s.byID[m.DealID]
	d.Mentions = append(d.Mentions, m)
	return nil
}

// SetAliases sets each deal's company aliases from names, the spellings of
// the entities in Companies.
func (s *DealSet) SetAliases(names map[int64][]string) {
	for _, d := range s.byID {
		if d.CompanyID != 0 {
			d.Aliases = AliasesOf(d.Company, names[d.CompanyID])
		}
	}
}

// ScanEntityName reads a row of (entity_id, name) into names.
func ScanEntityName(names map[int64][]string) func(Scanner) error {
	return func(row Scanner) error {
		var id int64
		var name string
		if err := row.Scan(&id, &name); err != nil {
			return err
		}
		names[id] = append(names[id], name)
		return nil
	}
}

// ScanEntity reads a row of (id, name); its aliases come from
// SetEntityAliases.
func ScanEntity(row Scanner) (*pulse.Entity, error) {
	var e pulse.Entity
	err := row.Scan(&e.ID, &e.Name)
	return &e, err
}

// EntityIDs returns the IDs of entities, to select their names.
func EntityIDs(entities []*pulse.Entity) []int64 {
	ids := make([]int64, len(entities))
	for i, e := range entities {
		ids[i] = e.ID
	}
	return ids
}

// SetEntityAliases sets each entity's aliases from names, the spellings of
// all of them.
func SetEntityAliases(entities []*pulse.Entity, names map[int64][]string) {
	for _, e := range entities {
		e.Aliases = AliasesOf(e.Name, names[e.ID])
	}
}

// AliasesOf returns names without the one equal to primary.
func AliasesOf(primary string, names []string) []string {
	out := []string{}
	for _, n := range names {
		if n != primary {
			out = append(out, n)
		}
	}
	return out
}

// PulseCols are the columns ScanPulse reads, from "pulses".
const PulseCols = `id, slug, name, topic, description, query, created_at, updated_at`

// ScanPulse reads a row of PulseCols.
func ScanPulse(row Scanner) (*pulse.Pulse, error) {
	var p pulse.Pulse
	var q string
	if err := row.Scan(&p.ID, &p.Slug, &p.Name, &p.Topic, &p.Description, &q, TimeCol(&p.CreatedAt), TimeCol(&p.UpdatedAt)); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(q), &p.Query); err != nil {
		return nil, fmt.Errorf("pulse %d query: %w", p.ID, err)
	}
	return &p, nil
}

// ScanBriefing reads a row of one briefings.body column.
func ScanBriefing(row Scanner) (*pulse.Briefing, error) {
	var body string
	if err := row.Scan(&body); err != nil {
		return nil, err
	}
	var b pulse.Briefing
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		return nil, fmt.Errorf("decode briefing: %w", err)
	}
	return &b, nil
}

// TokenCols are the columns ScanToken reads, from "tokens".
const TokenCols = `id, name, hash, created_at, last_used_at`

// ScanToken reads a row of TokenCols.
func ScanToken(row Scanner) (*pulse.Token, error) {
	var t pulse.Token
	err := row.Scan(&t.ID, &t.Name, &t.Hash, TimeCol(&t.CreatedAt), TimeCol(&t.LastUsedAt))
	return &t, err
}

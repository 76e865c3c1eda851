package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/fundingpulse/pulse"
)

const dealCols = `d.id, d.kind, d.company, coalesce(d.company_id, 0), d.amount, d.currency, d.amount_usd,
	d.alt_amounts, d.round, d.stake_percent, d.announced, d.date, d.sector, d.country, d.region,
	d.conflict, d.created_at, d.updated_at`

func scanDeal(row interface{ Scan(...any) error }) (*pulse.Deal, error) {
	var d pulse.Deal
	var alt string
	err := row.Scan(&d.ID, &d.Kind, &d.Company, &d.CompanyID, &d.Amount, &d.Currency, &d.AmountUSD,
		&alt, &d.Round, &d.StakePercent, timeCol{&d.Announced}, timeCol{&d.Date}, &d.Sector, &d.Country,
		&d.Region, &d.Conflict, timeCol{&d.CreatedAt}, timeCol{&d.UpdatedAt})
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(alt), &d.AltAmounts); err != nil {
		return nil, fmt.Errorf("deal %d alt amounts: %w", d.ID, err)
	}
	d.Investors, d.LeadInvestors, d.Mentions = []string{}, []string{}, []pulse.Mention{}
	return &d, nil
}

func validateDeal(d *pulse.Deal) error {
	if !d.Kind.Valid() {
		return pulse.Errorf(pulse.EINVALID, "unknown deal kind %q", d.Kind)
	}
	if err := checkTimes(d.Announced, d.Date); err != nil {
		return err
	}
	for _, v := range []float64{d.Amount, d.AmountUSD, d.StakePercent} {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return pulse.Errorf(pulse.EINVALID, "deal amounts must be finite and not negative")
		}
	}
	return nil
}

func validateMention(m *pulse.Mention) error {
	if m.ArticleID == 0 {
		return pulse.Errorf(pulse.EINVALID, "a mention needs an article")
	}
	if m.Start < 0 || m.End < m.Start {
		return pulse.Errorf(pulse.EINVALID, "mention span %d..%d is not valid", m.Start, m.End)
	}
	if m.Amount < 0 || math.IsNaN(m.Amount) || math.IsInf(m.Amount, 0) {
		return pulse.Errorf(pulse.EINVALID, "mention amount must be finite and not negative")
	}
	return nil
}

// CreateDeal stores a new deal with its mentions and resolves its parties.
func (db *DB) CreateDeal(ctx context.Context, d *pulse.Deal) error {
	if err := validateDeal(d); err != nil {
		return err
	}
	if len(d.Mentions) == 0 {
		return pulse.Errorf(pulse.EINVALID, "a deal needs at least one mention")
	}
	for i := range d.Mentions {
		if err := validateMention(&d.Mentions[i]); err != nil {
			return err
		}
	}
	alt, err := json.Marshal(d.AltAmounts)
	if err != nil {
		return fmt.Errorf("encode alt amounts: %w", err)
	}
	now := db.now()
	err = db.write(ctx, func(tx *sql.Tx) error {
		companyID, err := db.resolveOptional(ctx, tx, d.Company)
		if err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO deals (kind, company, company_fold, company_id, amount, currency,
			amount_usd, alt_amounts, round, stake_percent, announced, date, sector, country, region, conflict,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id`,
			d.Kind, d.Company, fold(d.Company), nullID(companyID), d.Amount, d.Currency, d.AmountUSD, string(alt),
			d.Round, d.StakePercent, encTime(d.Announced), encTime(d.Date), d.Sector, d.Country, d.Region,
			now.UnixNano(), now.UnixNano()).Scan(&d.ID)
		if err != nil {
			return dbErr("create deal", err)
		}
		if err := db.writeParties(ctx, tx, d); err != nil {
			return err
		}
		for i := range d.Mentions {
			if err := insertMention(ctx, tx, d.ID, &d.Mentions[i]); err != nil {
				return err
			}
		}
		if d.Date.IsZero() {
			if err := fillDate(ctx, tx, d.ID); err != nil {
				return err
			}
		}
		if err := refreshDeal(ctx, tx, d.ID); err != nil {
			return err
		}
		d.CompanyID = companyID
		return tx.QueryRowContext(ctx, `SELECT conflict, date FROM deals WHERE id = ?`, d.ID).Scan(&d.Conflict, timeCol{&d.Date})
	})
	if err != nil {
		return err
	}
	d.CreatedAt, d.UpdatedAt = now, now
	return nil
}

// resolveOptional resolves a name that may be empty (no entity, ID 0).
func (db *DB) resolveOptional(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	if pulse.NormalizeName(name) == "" {
		return 0, nil
	}
	return db.resolveEntity(ctx, tx, name)
}

// writeParties replaces a deal's investors and lead investors.
func (db *DB) writeParties(ctx context.Context, tx *sql.Tx, d *pulse.Deal) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM deal_parties WHERE deal_id = ?`, d.ID); err != nil {
		return dbErr("replace deal parties", err)
	}
	for _, list := range []struct {
		role  string
		names []string
	}{{"investor", d.Investors}, {"lead", d.LeadInvestors}} {
		for i, name := range list.names {
			id, err := db.resolveOptional(ctx, tx, name)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO deal_parties (deal_id, role, position, name, fold, entity_id)
				VALUES (?, ?, ?, ?, ?, ?)`, d.ID, list.role, i, name, fold(name), nullID(id)); err != nil {
				return dbErr("add deal party", err)
			}
		}
	}
	return nil
}

// insertMention stores m unless the same (deal, article, span) exists, and
// sets m.ID and m.DealID either way.
func insertMention(ctx context.Context, tx *sql.Tx, dealID int64, m *pulse.Mention) error {
	ev, err := json.Marshal(m.Evidence)
	if err != nil {
		return fmt.Errorf("encode evidence: %w", err)
	}
	m.DealID = dealID
	err = tx.QueryRowContext(ctx, `INSERT INTO mentions (deal_id, article_id, sentence, start, "end", amount, currency, evidence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
		dealID, m.ArticleID, m.Sentence, m.Start, m.End, m.Amount, m.Currency, string(ev)).Scan(&m.ID)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.QueryRowContext(ctx, `SELECT id FROM mentions WHERE deal_id = ? AND article_id = ? AND start = ? AND "end" = ?`,
			dealID, m.ArticleID, m.Start, m.End).Scan(&m.ID)
	}
	if pulse.ErrorCode(dbErr("", err)) == pulse.EINVALID {
		return pulse.Errorf(pulse.EINVALID, "mention refers to article %d, which does not exist", m.ArticleID)
	}
	return dbErr("add mention", err)
}

// fillDate sets a deal's Date to Announced, else to the earliest
// publication time among its mentions.
func fillDate(ctx context.Context, tx *sql.Tx, dealID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE deals SET date = coalesce(announced,
		(SELECT min(a.published) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.deal_id = deals.id))
		WHERE id = ?`, dealID)
	return dbErr("set deal date", err)
}

// refreshDeal recomputes the deal's Conflict flag and its search document.
func refreshDeal(ctx context.Context, tx *sql.Tx, dealID int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT amount, currency FROM mentions
		WHERE deal_id = ? AND currency <> '' AND amount > 0`, dealID)
	if err != nil {
		return dbErr("read mention amounts", err)
	}
	var amounts []pulse.Money
	for rows.Next() {
		var m pulse.Money
		if err := rows.Scan(&m.Amount, &m.Currency); err != nil {
			rows.Close()
			return dbErr("scan mention amount", err)
		}
		amounts = append(amounts, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return dbErr("read mention amounts", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE deals SET conflict = ? WHERE id = ?`, disagree(amounts), dealID); err != nil {
		return dbErr("set deal conflict", err)
	}
	for _, q := range []string{
		`DELETE FROM deals_fts WHERE rowid = ?1`,
		`INSERT INTO deals_fts (rowid, company, investors, evidence) SELECT d.id, d.company,
			coalesce((SELECT group_concat(name, ' ; ') FROM deal_parties WHERE deal_id = d.id), ''),
			coalesce((SELECT group_concat(sentence, ' ') FROM mentions WHERE deal_id = d.id), '')
			FROM deals d WHERE d.id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, dealID); err != nil {
			return dbErr("index deal", err)
		}
	}
	return nil
}

// disagree reports whether reported amounts conflict: different currencies,
// or amounts in one currency more than 1% apart.
func disagree(amounts []pulse.Money) bool {
	for i := 1; i < len(amounts); i++ {
		a, b := amounts[0], amounts[i]
		if !strings.EqualFold(a.Currency, b.Currency) {
			return true
		}
		if math.Abs(a.Amount-b.Amount) > 0.01*math.Max(a.Amount, b.Amount) {
			return true
		}
	}
	return false
}

// UpdateDeal rewrites a deal's fields, not its mentions.
func (db *DB) UpdateDeal(ctx context.Context, d *pulse.Deal) error {
	if err := validateDeal(d); err != nil {
		return err
	}
	alt, err := json.Marshal(d.AltAmounts)
	if err != nil {
		return fmt.Errorf("encode alt amounts: %w", err)
	}
	now := db.now()
	return db.write(ctx, func(tx *sql.Tx) error {
		companyID, err := db.resolveOptional(ctx, tx, d.Company)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE deals SET kind = ?, company = ?, company_fold = ?, company_id = ?,
			amount = ?, currency = ?, amount_usd = ?, alt_amounts = ?, round = ?, stake_percent = ?, announced = ?,
			date = ?, sector = ?, country = ?, region = ?, updated_at = ? WHERE id = ?`,
			d.Kind, d.Company, fold(d.Company), nullID(companyID), d.Amount, d.Currency, d.AmountUSD, string(alt),
			d.Round, d.StakePercent, encTime(d.Announced), encTime(d.Date), d.Sector, d.Country, d.Region,
			now.UnixNano(), d.ID)
		if err != nil {
			return dbErr("update deal", err)
		}
		if err := notFoundIfNone(res, "deal %d not found", d.ID); err != nil {
			return err
		}
		if err := db.writeParties(ctx, tx, d); err != nil {
			return err
		}
		if d.Date.IsZero() {
			if err := fillDate(ctx, tx, d.ID); err != nil {
				return err
			}
		}
		if err := refreshDeal(ctx, tx, d.ID); err != nil {
			return err
		}
		d.CompanyID, d.UpdatedAt = companyID, now
		return tx.QueryRowContext(ctx, `SELECT conflict, date, created_at FROM deals WHERE id = ?`, d.ID).
			Scan(&d.Conflict, timeCol{&d.Date}, timeCol{&d.CreatedAt})
	})
}

// AddMention attaches a report to a deal and recomputes its Conflict flag.
func (db *DB) AddMention(ctx context.Context, dealID int64, m *pulse.Mention) error {
	if err := validateMention(m); err != nil {
		return err
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM deals WHERE id = ?`, dealID).Scan(&n); err != nil {
			return dbErr("find deal", err)
		}
		if n == 0 {
			return pulse.Errorf(pulse.ENOTFOUND, "deal %d not found", dealID)
		}
		if err := insertMention(ctx, tx, dealID, m); err != nil {
			return err
		}
		// Without an announced date, Date is the earliest report.
		if _, err := tx.ExecContext(ctx, `UPDATE deals SET date = p.published, updated_at = ?3
			FROM (SELECT published FROM articles WHERE id = ?2 AND published IS NOT NULL) AS p
			WHERE deals.id = ?1 AND deals.announced IS NULL AND (deals.date IS NULL OR deals.date > p.published)`,
			dealID, m.ArticleID, db.now().UnixNano()); err != nil {
			return dbErr("set deal date", err)
		}
		return refreshDeal(ctx, tx, dealID)
	})
}

// FindDealByID returns a deal with its mentions; ENOTFOUND if absent.
func (db *DB) FindDealByID(ctx context.Context, id int64) (*pulse.Deal, error) {
	deals, _, err := db.FindDeals(ctx, pulse.DealFilter{IDs: []int64{id}})
	if err != nil {
		return nil, err
	}
	if len(deals) == 0 {
		return nil, pulse.Errorf(pulse.ENOTFOUND, "deal %d not found", id)
	}
	return deals[0], nil
}

var dealOrder = map[string]string{
	"":        "d.date DESC, d.id DESC",
	"-date":   "d.date DESC, d.id DESC",
	"date":    "d.date ASC, d.id ASC",
	"-amount": "d.amount_usd DESC, d.id DESC",
	"amount":  "d.amount_usd ASC, d.id ASC",
	"company": "d.company_fold ASC, d.id ASC",
}

// FindDeals returns matching deals with their mentions and the total count.
func (db *DB) FindDeals(ctx context.Context, f pulse.DealFilter) ([]*pulse.Deal, int, error) {
	order, ok := dealOrder[f.Sort]
	if !ok {
		return nil, 0, pulse.Errorf(pulse.EINVALID, "unknown sort %q", f.Sort)
	}
	if f.Limit < 0 || f.Offset < 0 || f.AmountMin < 0 || f.AmountMax < 0 {
		return nil, 0, pulse.Errorf(pulse.EINVALID, "negative limit, offset or amount")
	}
	var where []string
	var args []any
	in := func(col string, list string) {
		where, args = append(where, col+" IN "+inJSON), append(args, list)
	}
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			return []*pulse.Deal{}, 0, nil
		}
		in("d.id", jsonList(f.IDs))
	}
	if !f.From.IsZero() {
		where, args = append(where, "d.date >= ?"), append(args, bound(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "d.date <= ?"), append(args, bound(f.To))
	}
	if len(f.Kinds) > 0 {
		in("d.kind", jsonList(strs(f.Kinds)))
	}
	if len(f.Rounds) > 0 {
		in("d.round", jsonList(strs(f.Rounds)))
	}
	if len(f.Sectors) > 0 {
		in("d.sector", jsonList(f.Sectors))
	}
	if len(f.Regions) > 0 {
		vals := make([]string, len(f.Regions))
		for i, r := range f.Regions {
			vals[i] = fold(r)
		}
		where = append(where, "(lower(d.region) IN "+inJSON+" OR lower(d.country) IN "+inJSON+")")
		args = append(args, jsonList(vals), jsonList(vals))
	}
	if f.AmountMin > 0 {
		where, args = append(where, "d.amount_usd >= ?"), append(args, f.AmountMin)
	}
	if f.AmountMax > 0 {
		where, args = append(where, "d.amount_usd <= ?"), append(args, f.AmountMax)
	}
	if s := fold(strings.TrimSpace(f.Company)); s != "" {
		where = append(where, `(instr(d.company_fold, ?) > 0 OR d.company_id IN (SELECT entity_id FROM entity_names
			WHERE instr(fold, ?) > 0))`)
		args = append(args, s, s)
	}
	if f.CompanyID != 0 {
		where, args = append(where, "d.company_id = ?"), append(args, f.CompanyID)
	}
	if s := fold(strings.TrimSpace(f.Investor)); s != "" {
		where = append(where, `d.id IN (SELECT deal_id FROM deal_parties WHERE instr(fold, ?) > 0
			OR entity_id IN (SELECT entity_id FROM entity_names WHERE instr(fold, ?) > 0))`)
		args = append(args, s, s)
	}
	if f.InvestorID != 0 {
		where = append(where, "d.id IN (SELECT deal_id FROM deal_parties WHERE entity_id = ?)")
		args = append(args, f.InvestorID)
	}
	if f.ArticleID != 0 {
		where = append(where, "d.id IN (SELECT deal_id FROM mentions WHERE article_id = ?)")
		args = append(args, f.ArticleID)
	}
	if f.Query != "" {
		match, err := ftsQuery(f.Query)
		if err != nil {
			return nil, 0, err
		}
		where = append(where, "d.id IN (SELECT rowid FROM deals_fts WHERE deals_fts MATCH ?)")
		args = append(args, match)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var out []*pulse.Deal
	var total int
	err := db.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM deals d`+cond, args...).Scan(&total); err != nil {
			return dbErr("count deals", err)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+dealCols+` FROM deals d`+cond+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
			append(args, limitArg(f.Limit), f.Offset)...)
		if err != nil {
			return dbErr("find deals", err)
		}
		out = []*pulse.Deal{}
		for rows.Next() {
			d, err := scanDeal(rows)
			if err != nil {
				rows.Close()
				return dbErr("scan deal", err)
			}
			out = append(out, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return dbErr("find deals", err)
		}
		return loadDealChildren(ctx, tx, out)
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

func strs[S ~string](vals []S) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// loadDealChildren fills parties, mentions (with their article's display
// fields) and company aliases of deals.
func loadDealChildren(ctx context.Context, tx *sql.Tx, deals []*pulse.Deal) error {
	if len(deals) == 0 {
		return nil
	}
	byID := make(map[int64]*pulse.Deal, len(deals))
	ids := make([]int64, len(deals))
	var companies []int64
	for i, d := range deals {
		byID[d.ID], ids[i] = d, d.ID
		if d.CompanyID != 0 {
			companies = append(companies, d.CompanyID)
		}
	}
	list := jsonList(ids)
	rows, err := tx.QueryContext(ctx, `SELECT deal_id, role, name FROM deal_parties WHERE deal_id IN `+inJSON+`
		ORDER BY deal_id, role, position`, list)
	if err != nil {
		return dbErr("find deal parties", err)
	}
	for rows.Next() {
		var id int64
		var role, name string
		if err := rows.Scan(&id, &role, &name); err != nil {
			rows.Close()
			return dbErr("scan deal party", err)
		}
		if d := byID[id]; role == "lead" {
			d.LeadInvestors = append(d.LeadInvestors, name)
		} else {
			d.Investors = append(d.Investors, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return dbErr("find deal parties", err)
	}

	rows, err = tx.QueryContext(ctx, `SELECT m.id, m.deal_id, m.article_id, m.sentence, m.start, m."end", m.amount,
		m.currency, m.evidence, a.outlet, a.title, a.url, a.published
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.deal_id IN `+inJSON+` ORDER BY m.deal_id, a.published, m.id`, list)
	if err != nil {
		return dbErr("find mentions", err)
	}
	for rows.Next() {
		var m pulse.Mention
		var ev string
		if err := rows.Scan(&m.ID, &m.DealID, &m.ArticleID, &m.Sentence, &m.Start, &m.End, &m.Amount,
			&m.Currency, &ev, &m.Outlet, &m.Title, &m.URL, timeCol{&m.Published}); err != nil {
			rows.Close()
			return dbErr("scan mention", err)
		}
		if err := json.Unmarshal([]byte(ev), &m.Evidence); err != nil {
			rows.Close()
			return fmt.Errorf("mention %d evidence: %w", m.ID, err)
		}
		d := byID[m.DealID]
		d.Mentions = append(d.Mentions, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return dbErr("find mentions", err)
	}

	names, err := entityNames(ctx, tx, companies)
	if err != nil {
		return err
	}
	for _, d := range deals {
		if d.CompanyID != 0 {
			d.Aliases = aliasesOf(d.Company, names[d.CompanyID])
		}
	}
	return nil
}

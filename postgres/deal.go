package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// CreateDeal stores a new deal with its mentions and resolves its parties.
func (db *DB) CreateDeal(ctx context.Context, d *pulse.Deal) error {
	if err := sqlstore.ValidateNewDeal(d); err != nil {
		return err
	}
	alt, err := sqlstore.EncodeJSON("alt amounts", d.AltAmounts)
	if err != nil {
		return err
	}
	now := db.now()
	err = db.tx(ctx, func(tx pgx.Tx) error {
		companyID, err := db.resolveOptional(ctx, tx, d.Company)
		if err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `INSERT INTO deals (kind, company, company_fold, company_id, amount, currency,
			amount_usd, alt_amounts, round, stake_percent, announced, date, sector, country, region, conflict,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, false, $16, $16)
			RETURNING id`,
			string(d.Kind), d.Company, sqlstore.Fold(d.Company), sqlstore.NullID(companyID), d.Amount, d.Currency, d.AmountUSD, alt,
			string(d.Round), d.StakePercent, sqlstore.EncodeTime(d.Announced), sqlstore.EncodeTime(d.Date), d.Sector, d.Country, d.Region,
			now.UnixNano()).Scan(&d.ID)
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
		return tx.QueryRow(ctx, `SELECT conflict, date FROM deals WHERE id = $1`, d.ID).Scan(&d.Conflict, sqlstore.TimeCol(&d.Date))
	})
	if err != nil {
		return err
	}
	d.CreatedAt, d.UpdatedAt = now, now
	return nil
}

// resolveOptional resolves a name that may be empty (no entity, ID 0).
func (db *DB) resolveOptional(ctx context.Context, tx pgx.Tx, name string) (int64, error) {
	if pulse.NormalizeName(name) == "" {
		return 0, nil
	}
	return db.resolveEntity(ctx, tx, name)
}

// writeParties replaces a deal's investors and lead investors.
func (db *DB) writeParties(ctx context.Context, tx pgx.Tx, d *pulse.Deal) error {
	if _, err := tx.Exec(ctx, `DELETE FROM deal_parties WHERE deal_id = $1`, d.ID); err != nil {
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
			if _, err := tx.Exec(ctx, `INSERT INTO deal_parties (deal_id, role, position, name, fold, entity_id)
				VALUES ($1, $2, $3, $4, $5, $6)`, d.ID, list.role, i, name, sqlstore.Fold(name), sqlstore.NullID(id)); err != nil {
				return dbErr("add deal party", err)
			}
		}
	}
	return nil
}

// insertMention stores m unless the same (deal, article, span) exists, and
// sets m.ID and m.DealID either way.
func insertMention(ctx context.Context, tx pgx.Tx, dealID int64, m *pulse.Mention) error {
	ev, err := sqlstore.EncodeJSON("evidence", m.Evidence)
	if err != nil {
		return err
	}
	m.DealID = dealID
	err = tx.QueryRow(ctx, `INSERT INTO mentions (deal_id, article_id, sentence, start, "end", amount, currency, evidence)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
		dealID, m.ArticleID, m.Sentence, m.Start, m.End, m.Amount, m.Currency, ev).Scan(&m.ID)
	if errors.Is(err, pgx.ErrNoRows) {
		err = tx.QueryRow(ctx, `SELECT id FROM mentions WHERE deal_id = $1 AND article_id = $2 AND start = $3 AND "end" = $4`,
			dealID, m.ArticleID, m.Start, m.End).Scan(&m.ID)
	}
	if pulse.ErrorCode(dbErr("", err)) == pulse.EINVALID {
		return pulse.Errorf(pulse.EINVALID, "mention refers to article %d, which does not exist", m.ArticleID)
	}
	return dbErr("add mention", err)
}

// fillDate sets a deal's Date to Announced, else to the earliest
// publication time among its mentions.
func fillDate(ctx context.Context, tx pgx.Tx, dealID int64) error {
	_, err := tx.Exec(ctx, `UPDATE deals SET date = coalesce(announced,
		(SELECT min(a.published) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.deal_id = deals.id))
		WHERE id = $1`, dealID)
	return dbErr("set deal date", err)
}

// refreshDeal recomputes the deal's Conflict flag and its search document.
func refreshDeal(ctx context.Context, tx pgx.Tx, dealID int64) error {
	amounts, err := queryAll(ctx, tx, sqlstore.ScanMoney, `SELECT amount, currency FROM mentions
		WHERE deal_id = $1 AND currency <> '' AND amount > 0`, dealID)
	if err != nil {
		return dbErr("read mention amounts", err)
	}
	var doc string
	if err := tx.QueryRow(ctx, `SELECT d.company || ' ' ||
		coalesce((SELECT string_agg(name, ' ; ') FROM deal_parties WHERE deal_id = d.id), '') || ' ' ||
		coalesce((SELECT string_agg(sentence, ' ') FROM mentions WHERE deal_id = d.id), '')
		FROM deals d WHERE d.id = $1`, dealID).Scan(&doc); err != nil {
		return dbErr("read deal text", err)
	}
	_, err = tx.Exec(ctx, `UPDATE deals SET conflict = $1, search = to_tsvector('simple', $2) WHERE id = $3`,
		sqlstore.Disagree(amounts), searchFold(doc), dealID)
	return dbErr("index deal", err)
}

// UpdateDeal rewrites a deal's fields, not its mentions.
func (db *DB) UpdateDeal(ctx context.Context, d *pulse.Deal) error {
	if err := sqlstore.ValidateDeal(d); err != nil {
		return err
	}
	alt, err := sqlstore.EncodeJSON("alt amounts", d.AltAmounts)
	if err != nil {
		return err
	}
	now := db.now()
	return db.tx(ctx, func(tx pgx.Tx) error {
		companyID, err := db.resolveOptional(ctx, tx, d.Company)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE deals SET kind = $1, company = $2, company_fold = $3, company_id = $4,
			amount = $5, currency = $6, amount_usd = $7, alt_amounts = $8, round = $9, stake_percent = $10, announced = $11,
			date = $12, sector = $13, country = $14, region = $15, updated_at = $16 WHERE id = $17`,
			string(d.Kind), d.Company, sqlstore.Fold(d.Company), sqlstore.NullID(companyID), d.Amount, d.Currency, d.AmountUSD, alt,
			string(d.Round), d.StakePercent, sqlstore.EncodeTime(d.Announced), sqlstore.EncodeTime(d.Date), d.Sector, d.Country, d.Region,
			now.UnixNano(), d.ID)
		if err != nil {
			return dbErr("update deal", err)
		}
		if err := notFoundIfNone(tag, "deal %d not found", d.ID); err != nil {
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
		return tx.QueryRow(ctx, `SELECT conflict, date, created_at FROM deals WHERE id = $1`, d.ID).
			Scan(&d.Conflict, sqlstore.TimeCol(&d.Date), sqlstore.TimeCol(&d.CreatedAt))
	})
}

// AddMention attaches a report to a deal and recomputes its Conflict flag.
func (db *DB) AddMention(ctx context.Context, dealID int64, m *pulse.Mention) error {
	if err := sqlstore.ValidateMention(m); err != nil {
		return err
	}
	return db.tx(ctx, func(tx pgx.Tx) error {
		var n int
		// The row lock serialises mentions of one deal, so the Conflict
		// flag is computed from every committed mention.
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM deals WHERE id = $1 FOR UPDATE) d`, dealID).Scan(&n); err != nil {
			return dbErr("find deal", err)
		}
		if n == 0 {
			return pulse.Errorf(pulse.ENOTFOUND, "deal %d not found", dealID)
		}
		if err := insertMention(ctx, tx, dealID, m); err != nil {
			return err
		}
		// Without an announced date, Date is the earliest report.
		if _, err := tx.Exec(ctx, `UPDATE deals SET date = p.published, updated_at = $3
			FROM (SELECT published FROM articles WHERE id = $2 AND published IS NOT NULL) AS p
			WHERE deals.id = $1 AND deals.announced IS NULL AND (deals.date IS NULL OR deals.date > p.published)`,
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

// dealOrder matches the SQLite store, where NULL sorts lowest.
var dealOrder = map[string]string{
	"":        "d.date DESC NULLS LAST, d.id DESC",
	"-date":   "d.date DESC NULLS LAST, d.id DESC",
	"date":    "d.date ASC NULLS FIRST, d.id ASC",
	"-amount": "d.amount_usd DESC, d.id DESC",
	"amount":  "d.amount_usd ASC, d.id ASC",
	"company": `d.company_fold COLLATE "C" ASC, d.id ASC`,
}

// FindDeals returns matching deals with their mentions and the total count.
func (db *DB) FindDeals(ctx context.Context, f pulse.DealFilter) ([]*pulse.Deal, int, error) {
	order, ok := dealOrder[f.Sort]
	if !ok {
		return nil, 0, pulse.Errorf(pulse.EINVALID, "unknown sort %q", f.Sort)
	}
	w, err := sqlstore.DealWhere(dialect{}, f)
	if err != nil {
		return nil, 0, err
	}
	if f.IDs != nil && len(f.IDs) == 0 {
		return []*pulse.Deal{}, 0, nil
	}
	var out []*pulse.Deal
	var total int
	err = db.tx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM deals d`+w.SQL(), w.Args...).Scan(&total); err != nil {
			return dbErr("count deals", err)
		}
		page, args := w.Page(limitArg(f.Limit), f.Offset)
		var err error
		out, err = queryAll(ctx, tx, sqlstore.ScanDeal, `SELECT `+sqlstore.DealCols+` FROM deals d`+w.SQL()+` ORDER BY `+order+page, args...)
		if err != nil {
			return dbErr("find deals", err)
		}
		return loadDealChildren(ctx, tx, out)
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// loadDealChildren fills parties, mentions (with their article's display
// fields) and company aliases of deals.
func loadDealChildren(ctx context.Context, tx pgx.Tx, deals []*pulse.Deal) error {
	if len(deals) == 0 {
		return nil
	}
	set := sqlstore.NewDealSet(deals)
	if err := queryEach(ctx, tx, set.ScanParty, `SELECT `+sqlstore.PartyCols+` FROM deal_parties
		WHERE deal_id = ANY($1) ORDER BY deal_id, role, position`, set.IDs); err != nil {
		return dbErr("find deal parties", err)
	}
	if err := queryEach(ctx, tx, set.ScanMention, `SELECT `+sqlstore.MentionCols+`
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.deal_id = ANY($1) ORDER BY m.deal_id, a.published NULLS FIRST, m.id`, set.IDs); err != nil {
		return dbErr("find mentions", err)
	}
	names, err := entityNames(ctx, tx, set.Companies)
	if err != nil {
		return err
	}
	set.SetAliases(names)
	return nil
}

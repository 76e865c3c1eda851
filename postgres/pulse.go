package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// CreatePulse stores a pulse and sets its ID and times.
func (db *DB) CreatePulse(ctx context.Context, p *pulse.Pulse) error {
	if err := sqlstore.ValidatePulse(p); err != nil {
		return err
	}
	q, err := sqlstore.EncodeJSON("pulse query", p.Query)
	if err != nil {
		return err
	}
	now := db.now()
	err = db.tx(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO pulses (slug, name, topic, description, query, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, p.Slug, p.Name, p.Topic, p.Description, q,
			now.UnixNano(), now.UnixNano()).Scan(&p.ID)
	})
	if err != nil {
		if pulse.ErrorCode(dbErr("", err)) == pulse.ECONFLICT {
			return pulse.Errorf(pulse.ECONFLICT, "a pulse with slug %q already exists", p.Slug)
		}
		return dbErr("create pulse", err)
	}
	p.CreatedAt, p.UpdatedAt = now, now
	return nil
}

// UpdatePulse rewrites a pulse's name, topic, description and query,
// finding it by ID, or by slug when the ID is 0.
func (db *DB) UpdatePulse(ctx context.Context, p *pulse.Pulse) error {
	if err := sqlstore.ValidatePulseUpdate(p); err != nil {
		return err
	}
	q, err := sqlstore.EncodeJSON("pulse query", p.Query)
	if err != nil {
		return err
	}
	now := db.now()
	return db.tx(ctx, func(tx pgx.Tx) error {
		got, err := sqlstore.ScanPulse(tx.QueryRow(ctx, `UPDATE pulses SET name = $1, topic = $2, description = $3, query = $4,
			updated_at = $5 WHERE ($6 <> 0 AND id = $6) OR ($6 = 0 AND slug = $7) RETURNING `+sqlstore.PulseCols,
			p.Name, p.Topic, p.Description, q, now.UnixNano(), p.ID, p.Slug))
		if errors.Is(err, pgx.ErrNoRows) {
			return pulse.Errorf(pulse.ENOTFOUND, "pulse %q not found", p.Slug)
		}
		if err != nil {
			return dbErr("update pulse", err)
		}
		p.ID, p.Slug, p.CreatedAt, p.UpdatedAt = got.ID, got.Slug, got.CreatedAt, got.UpdatedAt
		return nil
	})
}

// FindPulseBySlug returns one pulse; ENOTFOUND if absent.
func (db *DB) FindPulseBySlug(ctx context.Context, slug string) (*pulse.Pulse, error) {
	p, err := sqlstore.ScanPulse(db.pool.QueryRow(ctx, `SELECT `+sqlstore.PulseCols+` FROM pulses WHERE slug = $1`, slug))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, pulse.Errorf(pulse.ENOTFOUND, "pulse %q not found", slug)
	}
	if err != nil {
		return nil, dbErr("find pulse", err)
	}
	return p, nil
}

// FindPulses returns every pulse, by ID.
func (db *DB) FindPulses(ctx context.Context) ([]*pulse.Pulse, error) {
	out, err := queryAll(ctx, db.pool, sqlstore.ScanPulse, `SELECT `+sqlstore.PulseCols+` FROM pulses ORDER BY id`)
	return out, dbErr("find pulses", err)
}

// DeletePulse removes a pulse with its matches and briefings.
func (db *DB) DeletePulse(ctx context.Context, slug string) error {
	return db.tx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM pulses WHERE slug = $1`, slug)
		if err != nil {
			return dbErr("delete pulse", err)
		}
		return notFoundIfNone(tag, "pulse %q not found", slug)
	})
}

// AddPulseMatches adds articles and deals to a pulse; existing ones stay.
func (db *DB) AddPulseMatches(ctx context.Context, pulseID int64, m pulse.PulseMatches) error {
	return db.tx(ctx, func(tx pgx.Tx) error {
		return addMatches(ctx, tx, pulseID, m)
	})
}

// SetPulseMatches replaces a pulse's matches.
func (db *DB) SetPulseMatches(ctx context.Context, pulseID int64, m pulse.PulseMatches) error {
	return db.tx(ctx, func(tx pgx.Tx) error {
		for _, q := range []string{`DELETE FROM pulse_articles WHERE pulse_id = $1`, `DELETE FROM pulse_deals WHERE pulse_id = $1`} {
			if _, err := tx.Exec(ctx, q, pulseID); err != nil {
				return dbErr("clear pulse matches", err)
			}
		}
		return addMatches(ctx, tx, pulseID, m)
	})
}

func addMatches(ctx context.Context, tx pgx.Tx, pulseID int64, m pulse.PulseMatches) error {
	if err := pulseExists(ctx, tx, pulseID); err != nil {
		return err
	}
	for _, id := range m.ArticleIDs {
		if _, err := tx.Exec(ctx, `INSERT INTO pulse_articles (pulse_id, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, pulseID, id); err != nil {
			if pulse.ErrorCode(dbErr("", err)) == pulse.EINVALID {
				return pulse.Errorf(pulse.EINVALID, "article %d does not exist", id)
			}
			return dbErr("add pulse article", err)
		}
	}
	for _, id := range m.DealIDs {
		if _, err := tx.Exec(ctx, `INSERT INTO pulse_deals (pulse_id, deal_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, pulseID, id); err != nil {
			if pulse.ErrorCode(dbErr("", err)) == pulse.EINVALID {
				return pulse.Errorf(pulse.EINVALID, "deal %d does not exist", id)
			}
			return dbErr("add pulse deal", err)
		}
	}
	return nil
}

func pulseExists(ctx context.Context, tx pgx.Tx, pulseID int64) error {
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM pulses WHERE id = $1`, pulseID).Scan(&n); err != nil {
		return dbErr("find pulse", err)
	}
	if n == 0 {
		return pulse.Errorf(pulse.ENOTFOUND, "pulse %d not found", pulseID)
	}
	return nil
}

// FindPulseMatches returns a pulse's matches, IDs ascending.
func (db *DB) FindPulseMatches(ctx context.Context, pulseID int64) (pulse.PulseMatches, error) {
	m := pulse.PulseMatches{ArticleIDs: []int64{}, DealIDs: []int64{}}
	err := db.tx(ctx, func(tx pgx.Tx) error {
		if err := pulseExists(ctx, tx, pulseID); err != nil {
			return err
		}
		var err error
		if m.ArticleIDs, err = queryAll(ctx, tx, sqlstore.ScanID, `SELECT article_id FROM pulse_articles WHERE pulse_id = $1 ORDER BY article_id`, pulseID); err != nil {
			return dbErr("find pulse articles", err)
		}
		m.DealIDs, err = queryAll(ctx, tx, sqlstore.ScanID, `SELECT deal_id FROM pulse_deals WHERE pulse_id = $1 ORDER BY deal_id`, pulseID)
		return dbErr("find pulse deals", err)
	})
	return m, err
}

// AddBriefing stores b as the pulse's next version unless its Hash equals
// the latest version's.
func (db *DB) AddBriefing(ctx context.Context, b *pulse.Briefing) (bool, error) {
	if b.Hash == "" {
		return false, pulse.Errorf(pulse.EINVALID, "a briefing needs a hash")
	}
	created := false
	err := db.tx(ctx, func(tx pgx.Tx) error {
		var slug string
		// Locking the pulse serialises versions of its briefing.
		err := tx.QueryRow(ctx, `SELECT slug FROM pulses WHERE id = $1 FOR UPDATE`, b.PulseID).Scan(&slug)
		if errors.Is(err, pgx.ErrNoRows) {
			return pulse.Errorf(pulse.ENOTFOUND, "pulse %d not found", b.PulseID)
		}
		if err != nil {
			return dbErr("find pulse", err)
		}
		var version int
		var hash *string
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0),
			(SELECT hash FROM briefings WHERE pulse_id = $1 ORDER BY version DESC LIMIT 1)
			FROM briefings WHERE pulse_id = $1`, b.PulseID).Scan(&version, &hash); err != nil {
			return dbErr("find latest briefing", err)
		}
		if hash != nil && *hash == b.Hash {
			return nil
		}
		stored := *b
		stored.PulseSlug, stored.Version, stored.CreatedAt = slug, version+1, db.now()
		body, err := sqlstore.EncodeJSON("briefing", &stored)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO briefings (pulse_id, version, hash, created_at, body) VALUES ($1, $2, $3, $4, $5)`,
			b.PulseID, stored.Version, b.Hash, stored.CreatedAt.UnixNano(), body); err != nil {
			return dbErr("add briefing", err)
		}
		*b, created = stored, true
		return nil
	})
	return created, err
}

// FindBriefing returns one version of a pulse's briefing, or the latest
// when version is 0.
func (db *DB) FindBriefing(ctx context.Context, pulseID int64, version int) (*pulse.Briefing, error) {
	b, err := sqlstore.ScanBriefing(db.pool.QueryRow(ctx, `SELECT body FROM briefings WHERE pulse_id = $1 AND ($2 = 0 OR version = $2)
		ORDER BY version DESC LIMIT 1`, pulseID, version))
	if errors.Is(err, pgx.ErrNoRows) {
		if version == 0 {
			return nil, pulse.Errorf(pulse.ENOTFOUND, "pulse %d has no briefing yet", pulseID)
		}
		return nil, pulse.Errorf(pulse.ENOTFOUND, "briefing version %d of pulse %d not found", version, pulseID)
	}
	if err != nil {
		return nil, dbErr("find briefing", err)
	}
	return b, nil
}

// FindBriefings returns a pulse's versions created at or after since,
// newest first, at most limit (0 means all).
func (db *DB) FindBriefings(ctx context.Context, pulseID int64, since time.Time, limit int) ([]*pulse.Briefing, error) {
	if limit < 0 {
		return nil, pulse.Errorf(pulse.EINVALID, "negative limit")
	}
	out, err := queryAll(ctx, db.pool, sqlstore.ScanBriefing, `SELECT body FROM briefings WHERE pulse_id = $1 AND created_at >= $2
		ORDER BY version DESC LIMIT $3`, pulseID, sqlstore.Bound(since), limitArg(limit))
	return out, dbErr("find briefings", err)
}

// CreateToken stores an API token's name and hash.
func (db *DB) CreateToken(ctx context.Context, t *pulse.Token) error {
	if err := sqlstore.ValidateToken(t); err != nil {
		return err
	}
	now := db.now()
	err := db.tx(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO tokens (name, hash, created_at, last_used_at) VALUES ($1, $2, $3, $4) RETURNING id`,
			t.Name, t.Hash, now.UnixNano(), sqlstore.EncodeTime(t.LastUsedAt)).Scan(&t.ID)
	})
	if err != nil {
		if pulse.ErrorCode(dbErr("", err)) == pulse.ECONFLICT {
			return pulse.Errorf(pulse.ECONFLICT, "a token named %q already exists", t.Name)
		}
		return dbErr("create token", err)
	}
	t.CreatedAt = now
	return nil
}

// FindTokenByHash returns the token with this hash and marks it used.
func (db *DB) FindTokenByHash(ctx context.Context, hash string) (*pulse.Token, error) {
	var t *pulse.Token
	err := db.tx(ctx, func(tx pgx.Tx) error {
		var err error
		t, err = sqlstore.ScanToken(tx.QueryRow(ctx, `UPDATE tokens SET last_used_at = $1 WHERE hash = $2
			RETURNING `+sqlstore.TokenCols, db.now().UnixNano(), hash))
		if errors.Is(err, pgx.ErrNoRows) {
			return pulse.Errorf(pulse.ENOTFOUND, "token not found")
		}
		return dbErr("find token", err)
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// FindTokens returns every API token, by ID.
func (db *DB) FindTokens(ctx context.Context) ([]*pulse.Token, error) {
	out, err := queryAll(ctx, db.pool, sqlstore.ScanToken, `SELECT `+sqlstore.TokenCols+` FROM tokens ORDER BY id`)
	return out, dbErr("find tokens", err)
}

// Stats returns counts of what is stored.
func (db *DB) Stats(ctx context.Context) (pulse.Stats, error) {
	var s pulse.Stats
	err := db.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM sources),
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
		(SELECT count(DISTINCT duplicate_of) FROM articles WHERE duplicate_of IS NOT NULL),
		(SELECT count(*) FROM deals),
		(SELECT count(*) FROM mentions),
		(SELECT count(*) FROM pulses)`).
		Scan(&s.Sources, &s.Articles, &s.NearDuplicates, &s.DuplicateGroups, &s.Deals, &s.Mentions, &s.Pulses)
	return s, dbErr("stats", err)
}

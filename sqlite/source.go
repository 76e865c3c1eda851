package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// CreateSource stores a new source and sets its ID and CreatedAt.
func (db *DB) CreateSource(ctx context.Context, s *pulse.Source) error {
	if err := sqlstore.ValidateSource(s); err != nil {
		return err
	}
	now := db.now()
	err := db.write(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO sources (kind, url, title, interval_ns, etag, last_modified,
			last_fetch_at, last_success_at, next_poll_at, last_error, error_kind, error_count, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			s.Kind, s.URL, s.Title, int64(s.Interval), s.ETag, s.LastModified,
			sqlstore.EncodeTime(s.LastFetchAt), sqlstore.EncodeTime(s.LastSuccessAt), sqlstore.EncodeTime(s.NextPollAt),
			s.LastError, s.ErrorKind, s.ErrorCount, now.UnixNano()).Scan(&s.ID)
	})
	if err != nil {
		if pulse.ErrorCode(dbErr("", err)) == pulse.ECONFLICT {
			return pulse.Errorf(pulse.ECONFLICT, "a source with URL %q already exists", s.URL)
		}
		return dbErr("create source", err)
	}
	s.CreatedAt = now
	return nil
}

// FindSourceByID returns one source; ENOTFOUND if absent.
func (db *DB) FindSourceByID(ctx context.Context, id int64) (*pulse.Source, error) {
	s, err := sqlstore.ScanSource(db.r.QueryRowContext(ctx, `SELECT `+sqlstore.SourceCols+` FROM sources s WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pulse.Errorf(pulse.ENOTFOUND, "source %d not found", id)
	}
	if err != nil {
		return nil, dbErr("find source", err)
	}
	return s, nil
}

// FindSources returns matching sources ordered by ID.
func (db *DB) FindSources(ctx context.Context, f pulse.SourceFilter) ([]*pulse.Source, error) {
	w := sqlstore.SourceWhere(dialect{}, f)
	return querySources(ctx, db.r, `SELECT `+sqlstore.SourceCols+` FROM sources s`+w.SQL()+` ORDER BY s.id`, w.Args...)
}

func querySources(ctx context.Context, q querier, query string, args ...any) ([]*pulse.Source, error) {
	out, err := queryAll(ctx, q, sqlstore.ScanSource, query, args...)
	return out, dbErr("find sources", err)
}

// DeleteSource removes a source; its articles stay with no source.
func (db *DB) DeleteSource(ctx context.Context, id int64) error {
	return db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
		if err != nil {
			return dbErr("delete source", err)
		}
		return notFoundIfNone(res, "source %d not found", id)
	})
}

// ClaimDueSources takes up to limit sources due at now and leases them.
func (db *DB) ClaimDueSources(ctx context.Context, now time.Time, limit int, lease time.Duration) ([]*pulse.Source, error) {
	if limit <= 0 {
		return []*pulse.Source{}, nil
	}
	if lease < 0 {
		return nil, pulse.Errorf(pulse.EINVALID, "negative lease")
	}
	var out []*pulse.Source
	err := db.write(ctx, func(tx *sql.Tx) error {
		// The select and the update run in one immediate transaction on
		// the only writer, so no other claim can interleave.
		ids, err := queryAll(ctx, tx, sqlstore.ScanID, `UPDATE sources SET next_poll_at = ?
			WHERE id IN (SELECT id FROM sources WHERE coalesce(next_poll_at, 0) <= ?
				ORDER BY coalesce(next_poll_at, 0), id LIMIT ?)
			RETURNING id`, sqlstore.Bound(now.Add(lease)), sqlstore.Bound(now), limit)
		if err != nil {
			return dbErr("claim sources", err)
		}
		if len(ids) == 0 {
			out = []*pulse.Source{}
			return nil
		}
		out, err = querySources(ctx, tx, `SELECT `+sqlstore.SourceCols+` FROM sources s WHERE s.id IN `+inJSON+` ORDER BY s.id`, dialect{}.List(ids))
		return err
	})
	return out, err
}

// RecordFetch stores the outcome of one fetch of a source.
func (db *DB) RecordFetch(ctx context.Context, sourceID int64, r pulse.FetchResult) error {
	at := r.At
	if at.IsZero() {
		at = db.now()
	}
	if err := sqlstore.CheckTimes(at, r.NextPollAt); err != nil {
		return err
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		var res sql.Result
		var err error
		if r.Err == "" {
			// A 304 may omit validators; keep the stored ones then.
			res, err = tx.ExecContext(ctx, `UPDATE sources SET
				etag = CASE WHEN ?1 AND ?2 = '' THEN etag ELSE ?2 END,
				last_modified = CASE WHEN ?1 AND ?3 = '' THEN last_modified ELSE ?3 END,
				last_fetch_at = ?4, last_success_at = ?4, next_poll_at = ?5,
				last_error = '', error_kind = '', error_count = 0
				WHERE id = ?6`, r.NotModified, r.ETag, r.LastModified, sqlstore.EncodeTime(at), sqlstore.EncodeTime(r.NextPollAt), sourceID)
		} else {
			kind := r.ErrorKind
			if kind == "" {
				kind = pulse.FetchErrOther
			}
			res, err = tx.ExecContext(ctx, `UPDATE sources SET
				last_fetch_at = ?, next_poll_at = ?, last_error = ?, error_kind = ?, error_count = error_count + 1
				WHERE id = ?`, sqlstore.EncodeTime(at), sqlstore.EncodeTime(r.NextPollAt), r.Err, kind, sourceID)
		}
		if err != nil {
			return dbErr("record fetch", err)
		}
		return notFoundIfNone(res, "source %d not found", sourceID)
	})
}

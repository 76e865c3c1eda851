// Package postgres implements pulse.Store on PostgreSQL with pgx, for
// deployments where several workers and web servers share one database.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

var _ pulse.Store = (*DB)(nil)

// DB is a Funding Pulse store in a PostgreSQL database.
type DB struct {
	// Now returns the current time; tests replace it. Stored times are UTC.
	Now func() time.Time

	pool *pgxpool.Pool
}

// Open connects to the database at url (a postgres:// URL or DSN) and
// applies pending migrations.
func Open(ctx context.Context, url string) (*DB, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db := &DB{Now: time.Now, pool: pool}
	if err := db.Migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// Close closes the connection pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.pool.Ping(ctx); err != nil {
		return fmt.Errorf("ping postgres: %w", err)
	}
	return nil
}

// migrateLock is the advisory lock key that serialises migrators.
const migrateLock = 0x70756c7365 // "pulse"

// Migrate applies, in name order, every embedded migration not yet recorded
// in schema_migrations, each in its own transaction. It is idempotent and
// safe to run from several processes at once.
func (db *DB) Migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("read migration: %w", err)
		}
		base := path.Base(name)
		err = db.tx(ctx, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrateLock)); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
				name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE name = $1`, base).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)`, base, db.now().UnixNano())
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

func (db *DB) now() time.Time { return db.Now().UTC() }

// tx runs fn in a read-committed transaction and commits when it returns nil.
func (db *DB) tx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, db.pool, fn)
}

// dbErr turns failures the caller can cause into application errors and
// wraps anything else with what was being done.
func dbErr(what string, err error) error {
	if err == nil {
		return nil
	}
	var pe *pulse.Error
	if errors.As(err, &pe) {
		return err
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505": // unique_violation
			return pulse.Errorf(pulse.ECONFLICT, "%s: already exists", what)
		case "23503": // foreign_key_violation
			return pulse.Errorf(pulse.EINVALID, "%s: refers to something that does not exist", what)
		case "23502", "23514": // not_null_violation, check_violation
			return pulse.Errorf(pulse.EINVALID, "%s: a required value is missing", what)
		case "22021", "22P05": // bad UTF-8 or a NUL byte in text
			return pulse.Errorf(pulse.EINVALID, "%s: text is not valid UTF-8", what)
		case "54000": // program_limit_exceeded, e.g. a tsvector over 1 MB
			return pulse.Errorf(pulse.EINVALID, "%s: text is too long", what)
		}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// limitArg maps "no limit" (0) to NULL, which PostgreSQL reads as ALL.
func limitArg(limit int) any {
	if limit == 0 {
		return nil
	}
	return limit
}

// maxSearchText bounds the text indexed per row: a tsvector cannot exceed
// 1 MB, and an article that long is not news.
const maxSearchText = 256 << 10

// searchFold is the form text is indexed and searched in: lower case
// without diacritics, matching SQLite's unicode61 remove_diacritics, and at
// most maxSearchText bytes.
func searchFold(s string) string {
	s = strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", " "), " ")
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if out, _, err := transform.String(t, s); err == nil {
		s = out
	}
	s = strings.ToLower(s)
	if len(s) > maxSearchText {
		s = strings.ToValidUTF8(s[:maxSearchText], "")
	}
	return s
}

type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// queryAll runs query and reads every row with scan.
func queryAll[T any](ctx context.Context, q querier, scan func(sqlstore.Scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return sqlstore.Collect(rows, scan)
}

// queryEach runs query and calls fn for every row.
func queryEach(ctx context.Context, q querier, fn func(sqlstore.Scanner) error, query string, args ...any) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return sqlstore.Each(rows, fn)
}

// notFoundIfNone returns ENOTFOUND when tag says no row was touched.
func notFoundIfNone(tag pgconn.CommandTag, format string, args ...any) error {
	if tag.RowsAffected() == 0 {
		return pulse.Errorf(pulse.ENOTFOUND, format, args...)
	}
	return nil
}

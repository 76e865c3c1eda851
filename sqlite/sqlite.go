// Package sqlite implements pulse.Store on an embedded SQLite file (WAL,
// FTS5), using the pure-Go modernc.org/sqlite driver.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

var _ pulse.Store = (*DB)(nil)

// DB is a Funding Pulse store in one SQLite file. All writes go through a
// single connection, so write transactions are serialised in the process
// and check-then-insert sequences are race-free; reads use a separate pool.
type DB struct {
	// Now returns the current time; tests replace it. Stored times are UTC.
	Now func() time.Time

	path string
	w    *sql.DB // the one writer connection
	r    *sql.DB // read-only pool
}

// Open opens (creating if needed) the database file at path, with its
// parent directory, and applies pending migrations.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("open sqlite: empty path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create database directory: %w", err)
	}
	const pragmas = "_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
	// SQLite reads "file:" names as URIs: escape what would end the path.
	uri := "file:" + uriPath.Replace(path)
	w, err := sql.Open("sqlite", uri+"?_pragma=journal_mode(WAL)&"+pragmas+"&_pragma=synchronous(NORMAL)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open sqlite writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	db := &DB{Now: time.Now, path: path, w: w}
	if err := db.Migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	// Long-lived connections should refresh planner statistics on open
	// (SQLite's advice for PRAGMA optimize); it is cheap when nothing changed.
	if _, err := w.ExecContext(ctx, `PRAGMA optimize=0x10002`); err != nil {
		w.Close()
		return nil, fmt.Errorf("optimize sqlite: %w", err)
	}
	// The reader is opened after migration so the WAL files exist.
	r, err := sql.Open("sqlite", uri+"?"+pragmas+"&_pragma=query_only(1)&_txlock=deferred")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	r.SetMaxOpenConns(max(4, runtime.NumCPU()))
	db.r = r
	return db, nil
}

// uriPath escapes a file path for a SQLite URI.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// Close closes both connection pools, first letting SQLite refresh the
// statistics its query planner uses, as its documentation recommends.
func (db *DB) Close() error {
	_, err := db.w.Exec(`PRAGMA optimize`)
	return errors.Join(err, db.r.Close(), db.w.Close())
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.r.PingContext(ctx); err != nil {
		return fmt.Errorf("ping sqlite: %w", err)
	}
	return nil
}

// Migrate applies, in name order, every embedded migration not yet recorded
// in schema_migrations, each in its own transaction. It is idempotent.
func (db *DB) Migrate(ctx context.Context) error {
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := db.migrate(ctx, name); err != nil {
			return fmt.Errorf("migration %s: %w", filepath.Base(name), err)
		}
	}
	return nil
}

func (db *DB) migrate(ctx context.Context, name string) error {
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		var n int
		// Checked inside the immediate transaction so two processes
		// migrating at once apply each file once.
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, filepath.Base(name)).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`, filepath.Base(name), db.now().UnixNano())
		return err
	})
}

func (db *DB) now() time.Time { return db.Now().UTC() }

// write runs fn in a write transaction (BEGIN IMMEDIATE on the single writer
// connection) and commits when fn returns nil.
func (db *DB) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return inTx(ctx, db.w, fn)
}

// read runs fn in a read transaction, so multi-query reads see one snapshot.
func (db *DB) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return inTx(ctx, db.r, fn)
}

func inTx(ctx context.Context, pool *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback() // the error from fn is the one that matters
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// dbErr turns constraint failures the caller can cause into application
// errors and wraps anything else with what was being done.
func dbErr(what string, err error) error {
	if err == nil {
		return nil
	}
	var pe *pulse.Error
	if errors.As(err, &pe) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return pulse.Errorf(pulse.ECONFLICT, "%s: already exists", what)
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return pulse.Errorf(pulse.EINVALID, "%s: refers to something that does not exist", what)
		case sqlite3.SQLITE_CONSTRAINT_NOTNULL, sqlite3.SQLITE_CONSTRAINT_CHECK:
			return pulse.Errorf(pulse.EINVALID, "%s: a required value is missing", what)
		}
		if strings.Contains(se.Error(), "fts5") {
			return pulse.Errorf(pulse.EINVALID, "%s: malformed search query", what)
		}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// inJSON is the operand of an IN list passed as one JSON array parameter
// (dialect.List), since SQLite limits the number of parameters of a
// statement.
const inJSON = "(SELECT value FROM json_each(?))"

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryAll runs query and reads every row with scan.
func queryAll[T any](ctx context.Context, q querier, scan func(sqlstore.Scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return sqlstore.Collect(rows, scan)
}

// queryEach runs query and calls fn for every row.
func queryEach(ctx context.Context, q querier, fn func(sqlstore.Scanner) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return sqlstore.Each(rows, fn)
}

// notFoundIfNone returns ENOTFOUND when res touched no row.
func notFoundIfNone(res sql.Result, format string, args ...any) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return pulse.Errorf(pulse.ENOTFOUND, format, args...)
	}
	return nil
}

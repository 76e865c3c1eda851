package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
)

const articleCols = `a.id, coalesce(a.source_id, 0), a.url, a.guid, a.identity_hash, a.title, a.outlet,
	a.author, a.published, a.fetched_at, a.lang, a.text, a.content_hash, a.simhash,
	coalesce(a.duplicate_of, 0), a.extracted_at`

func scanArticle(row interface{ Scan(...any) error }) (*pulse.Article, error) {
	var a pulse.Article
	var sim int64
	err := row.Scan(&a.ID, &a.SourceID, &a.URL, &a.GUID, &a.IdentityHash, &a.Title, &a.Outlet,
		&a.Author, timeCol{&a.Published}, timeCol{&a.FetchedAt}, &a.Lang, &a.Text, &a.ContentHash, &sim,
		&a.DuplicateOf, timeCol{&a.ExtractedAt})
	a.SimHash = uint64(sim)
	return &a, err
}

// identityHash is the documented fallback chain for an article that comes
// without one: GUID, else canonical URL, else title and text.
func identityHash(a *pulse.Article) string {
	key := a.GUID
	if key == "" {
		key = a.URL
	}
	if key == "" {
		key = a.Title + "\n" + a.Text
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// nullID stores 0 as NULL for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// AddArticle stores an article unless the same IdentityHash, URL or
// ContentHash is already stored, and sets a.ID either way. An empty
// IdentityHash is derived as documented on pulse.Article.
func (db *DB) AddArticle(ctx context.Context, a *pulse.Article) (bool, error) {
	if strings.TrimSpace(a.Title) == "" && strings.TrimSpace(a.Text) == "" && a.URL == "" {
		return false, pulse.Errorf(pulse.EINVALID, "an article needs a URL, a title or text")
	}
	if err := checkTimes(a.Published, a.FetchedAt, a.ExtractedAt); err != nil {
		return false, err
	}
	if a.IdentityHash == "" {
		a.IdentityHash = identityHash(a)
	}
	created := false
	err := db.write(ctx, func(tx *sql.Tx) error {
		var existing sql.NullInt64
		// Writes are serialised on one connection inside BEGIN IMMEDIATE,
		// so nothing can be inserted between this check and the insert.
		// The literal "<> ''" terms let SQLite use the partial indexes.
		err := tx.QueryRowContext(ctx, `SELECT min(id) FROM (
			SELECT id FROM articles WHERE identity_hash = ?1
			UNION ALL SELECT id FROM articles WHERE url = ?2 AND url <> ''
			UNION ALL SELECT id FROM articles WHERE content_hash = ?3 AND content_hash <> '')`,
			a.IdentityHash, a.URL, a.ContentHash).Scan(&existing)
		if err != nil {
			return dbErr("find article", err)
		}
		if existing.Valid {
			a.ID = existing.Int64
			return nil
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO articles (source_id, url, guid, identity_hash, title, outlet,
			author, published, fetched_at, lang, text, content_hash, simhash, duplicate_of, extracted_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			nullID(a.SourceID), a.URL, a.GUID, a.IdentityHash, a.Title, a.Outlet,
			a.Author, encTime(a.Published), encTime(a.FetchedAt), a.Lang, a.Text, a.ContentHash,
			int64(a.SimHash), nullID(a.DuplicateOf), encTime(a.ExtractedAt)).Scan(&a.ID)
		if err != nil {
			return dbErr("add article", err)
		}
		created = true
		return nil
	})
	return created, err
}

// FindArticleByID returns one article; ENOTFOUND if absent.
func (db *DB) FindArticleByID(ctx context.Context, id int64) (*pulse.Article, error) {
	a, err := scanArticle(db.r.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pulse.Errorf(pulse.ENOTFOUND, "article %d not found", id)
	}
	if err != nil {
		return nil, dbErr("find article", err)
	}
	return a, nil
}

// FindArticles returns matching articles, newest first, and the total count.
func (db *DB) FindArticles(ctx context.Context, f pulse.ArticleFilter) ([]*pulse.Article, int, error) {
	var where []string
	var args []any
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			return []*pulse.Article{}, 0, nil
		}
		where, args = append(where, "a.id IN "+inJSON), append(args, jsonList(f.IDs))
	}
	if f.SourceID != nil {
		where, args = append(where, "coalesce(a.source_id, 0) = ?"), append(args, *f.SourceID)
	}
	if f.URL != nil {
		where, args = append(where, "a.url = ?"), append(args, *f.URL)
	}
	if !f.From.IsZero() {
		where, args = append(where, "a.published >= ?"), append(args, bound(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "a.published <= ?"), append(args, bound(f.To))
	}
	if f.NotExtracted {
		where = append(where, "a.extracted_at IS NULL")
	}
	if f.Query != "" {
		match, err := ftsQuery(f.Query)
		if err != nil {
			return nil, 0, err
		}
		where = append(where, "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
		args = append(args, match)
	}
	if f.Limit < 0 || f.Offset < 0 {
		return nil, 0, pulse.Errorf(pulse.EINVALID, "negative limit or offset")
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var out []*pulse.Article
	var total int
	err := db.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+cond, args...).Scan(&total); err != nil {
			return dbErr("count articles", err)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+articleCols+` FROM articles a`+cond+
			` ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?`, append(args, limitArg(f.Limit), f.Offset)...)
		if err != nil {
			return dbErr("find articles", err)
		}
		defer rows.Close()
		out = []*pulse.Article{}
		for rows.Next() {
			a, err := scanArticle(rows)
			if err != nil {
				return dbErr("scan article", err)
			}
			out = append(out, a)
		}
		return dbErr("find articles", rows.Err())
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// limitArg maps "no limit" (0) to SQLite's -1.
func limitArg(limit int) int {
	if limit == 0 {
		return -1
	}
	return limit
}

// ArticleSignatures returns near-duplicate signatures of articles published
// at or after since, oldest first.
func (db *DB) ArticleSignatures(ctx context.Context, since time.Time) ([]pulse.ArticleSignature, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, title, simhash, published, coalesce(duplicate_of, 0)
		FROM articles WHERE ?1 IS NULL OR published >= ?1 ORDER BY published, id`, sinceBound(since))
	if err != nil {
		return nil, dbErr("article signatures", err)
	}
	defer rows.Close()
	out := []pulse.ArticleSignature{}
	for rows.Next() {
		var s pulse.ArticleSignature
		var sim int64
		if err := rows.Scan(&s.ID, &s.Title, &sim, timeCol{&s.Published}, &s.DuplicateOf); err != nil {
			return nil, dbErr("scan signature", err)
		}
		s.SimHash = uint64(sim)
		out = append(out, s)
	}
	return out, dbErr("article signatures", rows.Err())
}

// sinceBound is NULL for a zero since (everything, even undated articles),
// else the clamped bound.
func sinceBound(since time.Time) any {
	if since.IsZero() {
		return nil
	}
	return bound(since)
}

// MarkExtracted records that deal extraction finished for an article.
func (db *DB) MarkExtracted(ctx context.Context, articleID int64, at time.Time) error {
	if at.IsZero() {
		at = db.now()
	}
	if err := checkTimes(at); err != nil {
		return err
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET extracted_at = ? WHERE id = ?`, at.UnixNano(), articleID)
		if err != nil {
			return dbErr("mark extracted", err)
		}
		return notFoundIfNone(res, "article %d not found", articleID)
	})
}

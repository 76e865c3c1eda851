package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/internal/sqlstore"
)

// AddArticle stores an article unless the same IdentityHash, URL or
// ContentHash is already stored, and sets a.ID either way. An empty
// IdentityHash is derived as documented on pulse.Article.
func (db *DB) AddArticle(ctx context.Context, a *pulse.Article) (bool, error) {
	if err := sqlstore.PrepareArticle(a); err != nil {
		return false, err
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
			sqlstore.NullID(a.SourceID), a.URL, a.GUID, a.IdentityHash, a.Title, a.Outlet,
			a.Author, sqlstore.EncodeTime(a.Published), sqlstore.EncodeTime(a.FetchedAt), a.Lang, a.Text, a.ContentHash,
			int64(a.SimHash), sqlstore.NullID(a.DuplicateOf), sqlstore.EncodeTime(a.ExtractedAt)).Scan(&a.ID)
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
	a, err := sqlstore.ScanArticle(db.r.QueryRowContext(ctx, `SELECT `+sqlstore.ArticleCols+` FROM articles a WHERE a.id = ?`, id))
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
	w, err := sqlstore.ArticleWhere(dialect{}, f)
	if err != nil {
		return nil, 0, err
	}
	if f.IDs != nil && len(f.IDs) == 0 {
		return []*pulse.Article{}, 0, nil
	}
	var out []*pulse.Article
	var total int
	err = db.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+w.SQL(), w.Args...).Scan(&total); err != nil {
			return dbErr("count articles", err)
		}
		page, args := w.Page(limitArg(f.Limit), f.Offset)
		var err error
		out, err = queryAll(ctx, tx, sqlstore.ScanArticle, `SELECT `+sqlstore.ArticleCols+` FROM articles a`+w.SQL()+
			` ORDER BY a.published DESC, a.id DESC`+page, args...)
		return dbErr("find articles", err)
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
	out, err := queryAll(ctx, db.r, sqlstore.ScanSignature, `SELECT `+sqlstore.SignatureCols+`
		FROM articles WHERE ?1 IS NULL OR published >= ?1 ORDER BY published, id`, sqlstore.SinceBound(since))
	return out, dbErr("article signatures", err)
}

// MarkExtracted records that deal extraction finished for an article.
func (db *DB) MarkExtracted(ctx context.Context, articleID int64, at time.Time) error {
	if at.IsZero() {
		at = db.now()
	}
	if err := sqlstore.CheckTimes(at); err != nil {
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

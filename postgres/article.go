package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

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
	// ON CONFLICT DO NOTHING covers all three unique indexes and waits for
	// a concurrent insert of the same article to commit, so the lookup
	// below then sees it.
	err := db.pool.QueryRow(ctx, `INSERT INTO articles (source_id, url, guid, identity_hash, title, outlet,
		author, published, fetched_at, lang, text, content_hash, simhash, duplicate_of, extracted_at, search)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, to_tsvector('simple', $16))
		ON CONFLICT DO NOTHING RETURNING id`,
		sqlstore.NullID(a.SourceID), a.URL, a.GUID, a.IdentityHash, a.Title, a.Outlet,
		a.Author, sqlstore.EncodeTime(a.Published), sqlstore.EncodeTime(a.FetchedAt), a.Lang, a.Text, a.ContentHash,
		int64(a.SimHash), sqlstore.NullID(a.DuplicateOf), sqlstore.EncodeTime(a.ExtractedAt), searchFold(a.Title+"\n"+a.Text)).Scan(&a.ID)
	if err == nil {
		return true, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return false, dbErr("add article", err)
	}
	var existing *int64
	err = db.pool.QueryRow(ctx, `SELECT min(id) FROM articles
		WHERE identity_hash = $1 OR (url = $2 AND url <> '') OR (content_hash = $3 AND content_hash <> '')`,
		a.IdentityHash, a.URL, a.ContentHash).Scan(&existing)
	if err != nil {
		return false, dbErr("find article", err)
	}
	if existing == nil {
		return false, errors.New("add article: conflicting article vanished")
	}
	a.ID = *existing
	return false, nil
}

// FindArticleByID returns one article; ENOTFOUND if absent.
func (db *DB) FindArticleByID(ctx context.Context, id int64) (*pulse.Article, error) {
	a, err := sqlstore.ScanArticle(db.pool.QueryRow(ctx, `SELECT `+sqlstore.ArticleCols+` FROM articles a WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
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
	err = db.tx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM articles a`+w.SQL(), w.Args...).Scan(&total); err != nil {
			return dbErr("count articles", err)
		}
		page, args := w.Page(limitArg(f.Limit), f.Offset)
		var err error
		out, err = queryAll(ctx, tx, sqlstore.ScanArticle, `SELECT `+sqlstore.ArticleCols+` FROM articles a`+w.SQL()+
			` ORDER BY a.published DESC NULLS LAST, a.id DESC`+page, args...)
		return dbErr("find articles", err)
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// ArticleSignatures returns near-duplicate signatures of articles published
// at or after since, oldest first.
func (db *DB) ArticleSignatures(ctx context.Context, since time.Time) ([]pulse.ArticleSignature, error) {
	out, err := queryAll(ctx, db.pool, sqlstore.ScanSignature, `SELECT `+sqlstore.SignatureCols+` FROM articles
		WHERE $1::bigint IS NULL OR published >= $1 ORDER BY published NULLS FIRST, id`, sqlstore.SinceBound(since))
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
	tag, err := db.pool.Exec(ctx, `UPDATE articles SET extracted_at = $1 WHERE id = $2`, at.UnixNano(), articleID)
	if err != nil {
		return dbErr("mark extracted", err)
	}
	return notFoundIfNone(tag, "article %d not found", articleID)
}

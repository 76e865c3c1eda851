package pulse

import (
	"context"
	"time"
)

// Store is all persistent state. Implementations (sqlite, postgres) pass the
// same test suite in package storetest. Every method is safe for concurrent
// use; each exported method is one transaction. Not-found is an *Error with
// code ENOTFOUND, never a nil result with a nil error.
type Store interface {
	// Ping checks that the store is reachable.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close() error

	// CreateSource stores a new source and sets its ID and CreatedAt.
	// EINVALID for a bad kind or empty URL; ECONFLICT if the URL exists.
	CreateSource(ctx context.Context, s *Source) error
	// FindSourceByID returns one source; ENOTFOUND if absent.
	FindSourceByID(ctx context.Context, id int64) (*Source, error)
	// FindSources returns matching sources ordered by ID.
	FindSources(ctx context.Context, f SourceFilter) ([]*Source, error)
	// DeleteSource removes a source. Its articles and deals stay: they are
	// evidence for briefings. ENOTFOUND if absent.
	DeleteSource(ctx context.Context, id int64) error
	// ClaimDueSources atomically takes up to limit sources whose NextPollAt
	// is at or before now and moves their NextPollAt to now+lease, so two
	// workers never fetch the same source at once.
	ClaimDueSources(ctx context.Context, now time.Time, limit int, lease time.Duration) ([]*Source, error)
	// RecordFetch stores the outcome of one fetch: validators and
	// LastSuccessAt on success (ErrorCount reset), LastError, ErrorKind and
	// ErrorCount+1 on failure; NextPollAt and LastFetchAt always.
	// ENOTFOUND if the source is gone.
	RecordFetch(ctx context.Context, sourceID int64, r FetchResult) error

	// AddArticle stores an article unless it is already stored (same
	// IdentityHash, canonical URL or ContentHash). It sets a.ID to the stored
	// article's ID either way and reports whether a row was created.
	AddArticle(ctx context.Context, a *Article) (created bool, err error)
	// FindArticleByID returns one article; ENOTFOUND if absent.
	FindArticleByID(ctx context.Context, id int64) (*Article, error)
	// FindArticles returns matching articles, newest first, and the total
	// count ignoring Limit and Offset. EINVALID for a malformed Query.
	FindArticles(ctx context.Context, f ArticleFilter) ([]*Article, int, error)
	// ArticleSignatures returns near-duplicate signatures of articles
	// published at or after since.
	ArticleSignatures(ctx context.Context, since time.Time) ([]ArticleSignature, error)
	// MarkExtracted records that deal extraction finished for an article.
	MarkExtracted(ctx context.Context, articleID int64, at time.Time) error

	// CreateDeal stores a new deal with its mentions (at least one),
	// resolving the company and investors to entities, and sets IDs.
	// EINVALID for an unknown kind or no mention.
	CreateDeal(ctx context.Context, d *Deal) error
	// UpdateDeal rewrites a deal's fields (not its mentions). ENOTFOUND if absent.
	UpdateDeal(ctx context.Context, d *Deal) error
	// AddMention attaches an article's report to an existing deal and
	// recomputes the deal's Conflict flag. Adding the same (article, span)
	// twice is a no-op. ENOTFOUND if the deal is absent.
	AddMention(ctx context.Context, dealID int64, m *Mention) error
	// FindDealByID returns a deal with its mentions; ENOTFOUND if absent.
	FindDealByID(ctx context.Context, id int64) (*Deal, error)
	// FindDeals returns matching deals with their mentions and the total
	// count ignoring Limit and Offset. EINVALID for a bad Sort or Query.
	FindDeals(ctx context.Context, f DealFilter) ([]*Deal, int, error)

	// ResolveEntity returns the entity one of whose names normalises
	// (NormalizeName) like name, creating it if there is none.
	// EINVALID for an empty name.
	ResolveEntity(ctx context.Context, name string) (*Entity, error)
	// FindEntityByID returns one entity; ENOTFOUND if absent.
	FindEntityByID(ctx context.Context, id int64) (*Entity, error)
	// FindEntities returns entities whose names contain query
	// (case-insensitive), by name; an empty query returns all.
	FindEntities(ctx context.Context, query string, limit int) ([]*Entity, error)
	// AddAlias makes alias another name of an entity. If alias already names
	// another entity the two are merged into entityID. ENOTFOUND if absent.
	AddAlias(ctx context.Context, entityID int64, alias string) error

	// CreatePulse stores a pulse. EINVALID for a bad slug or empty name;
	// ECONFLICT if the slug exists.
	CreatePulse(ctx context.Context, p *Pulse) error
	// UpdatePulse rewrites a pulse's name, topic, description and query.
	// ENOTFOUND if absent.
	UpdatePulse(ctx context.Context, p *Pulse) error
	// FindPulseBySlug returns one pulse; ENOTFOUND if absent.
	FindPulseBySlug(ctx context.Context, slug string) (*Pulse, error)
	// FindPulses returns every pulse, by ID.
	FindPulses(ctx context.Context) ([]*Pulse, error)
	// DeletePulse removes a pulse, its matches and its briefings.
	// ENOTFOUND if absent.
	DeletePulse(ctx context.Context, slug string) error
	// AddPulseMatches adds articles and deals to a pulse (idempotent).
	AddPulseMatches(ctx context.Context, pulseID int64, m PulseMatches) error
	// SetPulseMatches replaces a pulse's matches, after its query changed.
	SetPulseMatches(ctx context.Context, pulseID int64, m PulseMatches) error
	// FindPulseMatches returns a pulse's matches, IDs ascending.
	FindPulseMatches(ctx context.Context, pulseID int64) (PulseMatches, error)

	// AddBriefing stores b as the pulse's next version unless its Hash
	// equals the latest version's; it sets Version and CreatedAt when it
	// stores and reports whether it did.
	AddBriefing(ctx context.Context, b *Briefing) (created bool, err error)
	// FindBriefing returns one version of a pulse's briefing, or the latest
	// when version is 0. ENOTFOUND if there is none.
	FindBriefing(ctx context.Context, pulseID int64, version int) (*Briefing, error)
	// FindBriefings returns a pulse's versions created at or after since,
	// newest first, at most limit (0 means all).
	FindBriefings(ctx context.Context, pulseID int64, since time.Time, limit int) ([]*Briefing, error)

	// CreateToken stores an API token (its hash only). ECONFLICT if the name exists.
	CreateToken(ctx context.Context, t *Token) error
	// FindTokens returns every API token (hashes included), by ID.
	FindTokens(ctx context.Context) ([]*Token, error)
	// FindTokenByHash returns the token with this hash and updates its
	// LastUsedAt; ENOTFOUND if absent.
	FindTokenByHash(ctx context.Context, hash string) (*Token, error)

	// Stats returns counts of what is stored.
	Stats(ctx context.Context) (Stats, error)
}

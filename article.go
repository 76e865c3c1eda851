package pulse

import "time"

// Article is one piece of news as stored: clean text plus the fingerprints
// used to find exact and near duplicates.
type Article struct {
	ID       int64  `json:"id"`
	SourceID int64  `json:"source_id"`
	URL      string `json:"url"` // canonical: tracking parameters removed
	// GUID is the feed's own identifier for the entry, if any.
	GUID string `json:"-"`
	// IdentityHash is the stable identity used for idempotent writes:
	// sha256 of the GUID, else of the canonical URL, else of title+text.
	IdentityHash string `json:"-"`

	Title     string    `json:"title"`
	Outlet    string    `json:"outlet"` // publication name, e.g. "Data Center Ledger"
	Author    string    `json:"author,omitempty"`
	Published time.Time `json:"published"`
	FetchedAt time.Time `json:"fetched_at"`
	Lang      string    `json:"lang,omitempty"` // BCP 47 primary tag, e.g. "en"
	Text      string    `json:"text"`

	// ContentHash is the sha256 of the normalised text: equal hashes mean
	// the same article and it is stored once.
	ContentHash string `json:"-"`
	// SimHash is a 64-bit near-duplicate signature of the text.
	SimHash uint64 `json:"-"`
	// DuplicateOf is the ID of the first stored article of the same story
	// told by another outlet (a near duplicate), or 0. Every outlet stays a
	// source; briefings count the story once.
	DuplicateOf int64 `json:"duplicate_of,omitempty"`

	// ExtractedAt is set once deals have been extracted and stored; an
	// article with a zero ExtractedAt is picked up again after a crash.
	ExtractedAt time.Time `json:"extracted_at"`
}

// ArticleFilter selects articles. Zero fields do not filter.
type ArticleFilter struct {
	IDs           []int64
	SourceID      *int64
	URL           *string
	From, To      time.Time // on Published, inclusive
	Query         string    // full-text search over title and text
	NotExtracted  bool      // only articles whose ExtractedAt is zero
	Limit, Offset int       // Limit 0 means no limit
}

// ArticleSignature is what near-duplicate detection needs of a stored article.
type ArticleSignature struct {
	ID          int64
	Title       string
	SimHash     uint64
	Published   time.Time
	DuplicateOf int64
}

// Document returns the text extraction reads: the title, a blank line, then
// the body (or the body alone when there is no title). Evidence offsets in
// mentions are byte offsets into this string.
func (a *Article) Document() string {
	if a.Title == "" {
		return a.Text
	}
	return a.Title + "\n\n" + a.Text
}

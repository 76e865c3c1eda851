package pulse

import "time"

// Pulse is a tracked topic: what a reader follows, and the query that
// decides which articles and deals belong to it.
type Pulse struct {
	ID          int64      `json:"id"`
	Slug        string     `json:"slug"`
	Name        string     `json:"name"`  // "AI Funding Pulse"
	Topic       string     `json:"topic"` // the topic line shown under the name
	Description string     `json:"description,omitempty"`
	Query       PulseQuery `json:"query"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// PulseQuery decides membership. An article or deal matches when every
// non-empty part matches; empty parts match everything.
type PulseQuery struct {
	// Keywords is a boolean expression over article text and deal fields:
	// words, "quoted phrases", AND, OR, NOT and parentheses; juxtaposition
	// means AND.
	Keywords     string     `json:"keywords,omitempty"`
	Entities     []string   `json:"entities,omitempty"` // company or investor names (any alias)
	Sectors      []string   `json:"sectors,omitempty"`  // Sectors slugs
	Regions      []string   `json:"regions,omitempty"`  // Regions slugs or country names
	Kinds        []DealKind `json:"kinds,omitempty"`
	MinAmountUSD float64    `json:"min_amount_usd,omitempty"`
	From         time.Time  `json:"from"` // on publication / deal date; zero means open
	To           time.Time  `json:"to"`
}

// PulseMatches is the set of articles and deals that belong to a pulse.
type PulseMatches struct {
	ArticleIDs []int64 `json:"article_ids"`
	DealIDs    []int64 `json:"deal_ids"`
}

// Storyline is a group of articles and deals inside a pulse that tell one
// story, titled from what it contains.
type Storyline struct {
	Key        string  `json:"key"`
	Title      string  `json:"title"`
	ArticleIDs []int64 `json:"article_ids"`
	DealIDs    []int64 `json:"deal_ids"`
}

// Briefing is the rendered state of a pulse at one moment. Each rebuild that
// changes it is stored as a new Version, so changes are diffs of versions.
type Briefing struct {
	PulseID   int64     `json:"pulse_id"`
	PulseSlug string    `json:"pulse_slug"`
	Version   int       `json:"version"` // 1, 2, ...; set by the store
	Hash      string    `json:"hash"`    // content hash; equal hashes mean no change
	CreatedAt time.Time `json:"created_at"`

	Title       string            `json:"title"` // the pulse's name
	Topic       string            `json:"topic"`
	Lede        string            `json:"lede"`
	Latest      []BriefingBullet  `json:"latest"` // what is new since the previous version
	Sections    []BriefingSection `json:"sections"`
	KeyFigures  []KeyFigure       `json:"key_figures"`
	Sources     []Citation        `json:"sources"`
	SourceCount int               `json:"source_count"` // distinct articles cited
	Updated     time.Time         `json:"updated"`      // newest cited article's publication time
}

// BriefingSection is one storyline of a briefing.
type BriefingSection struct {
	Key     string           `json:"key"`
	Title   string           `json:"title"`
	Bullets []BriefingBullet `json:"bullets"`
}

// BriefingBullet is one move, written from a deal and its evidence. Every
// bullet cites at least one source by number.
type BriefingBullet struct {
	Text      string `json:"text"`
	DealID    int64  `json:"deal_id,omitempty"`
	Citations []int  `json:"citations"`
	Change    string `json:"change,omitempty"` // "added" or "amended" in Latest
}

// KeyFigure is one row of the "Key figures" part: deals and disclosed USD
// per region or per sector.
type KeyFigure struct {
	Group     string  `json:"group"` // "region" or "sector"
	Key       string  `json:"key"`
	Label     string  `json:"label"`
	Deals     int     `json:"deals"`
	AmountUSD float64 `json:"amount_usd"`
}

// Citation is one numbered entry of a briefing's source list.
type Citation struct {
	N         int       `json:"n"`
	ArticleID int64     `json:"article_id"`
	Outlet    string    `json:"outlet"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"`
}

// Token is an API token; only its hash is stored.
type Token struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	Hash       string    `json:"-"` // hex sha256 of the secret
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at"`
}

// Stats are counts for summaries and the home page.
type Stats struct {
	Sources         int `json:"sources"`
	Articles        int `json:"articles"`
	NearDuplicates  int `json:"near_duplicates"`  // articles with DuplicateOf set
	DuplicateGroups int `json:"duplicate_groups"` // distinct stories told by two or more outlets
	Deals           int `json:"deals"`
	Mentions        int `json:"mentions"`
	Pulses          int `json:"pulses"`
}

package pulse

import "time"

// SourceKind says how a source is read.
type SourceKind string

// Source kinds.
const (
	SourceFeed SourceKind = "feed" // RSS 2.0, Atom or JSON Feed URL
	SourcePage SourceKind = "page" // one article page URL
	SourceFile SourceKind = "file" // a local file: a feed, an HTML page or plain text
)

// Valid reports whether k is a known source kind.
func (k SourceKind) Valid() bool {
	switch k {
	case SourceFeed, SourcePage, SourceFile:
		return true
	}
	return false
}

// Fetch error kinds: a small, stable set shown on a source's page, so a user
// can tell a dead URL from a broken feed at a glance.
const (
	FetchErrNetwork  = "network"   // DNS, connect, TLS, reset
	FetchErrTimeout  = "timeout"   // the whole request took too long
	FetchErrStatus   = "http"      // a non-2xx/304 status
	FetchErrTooLarge = "too_large" // body over the size cap
	FetchErrRedirect = "redirect"  // too many redirects or a loop
	FetchErrBlocked  = "blocked"   // private address refused, or robots.txt disallows
	FetchErrParse    = "parse"     // the body is not a feed or page we can read
	FetchErrOther    = "other"
)

// Source is where articles come from, with its fetch state.
type Source struct {
	ID       int64         `json:"id"`
	Kind     SourceKind    `json:"kind"`
	URL      string        `json:"url"` // http(s) URL, or an absolute file path for SourceFile
	Title    string        `json:"title"`
	Interval time.Duration `json:"interval"` // poll interval; 0 means the configured default

	// Conditional GET validators from the last 200 response.
	ETag         string `json:"-"`
	LastModified string `json:"-"`

	LastFetchAt   time.Time `json:"last_fetch_at"`   // last attempt, success or not
	LastSuccessAt time.Time `json:"last_success_at"` // last attempt that got a usable answer (200 or 304)
	NextPollAt    time.Time `json:"next_poll_at"`
	LastError     string    `json:"last_error,omitempty"`
	ErrorKind     string    `json:"error_kind,omitempty"` // one of the FetchErr* kinds
	ErrorCount    int       `json:"error_count"`          // consecutive failures; reset on success

	CreatedAt    time.Time `json:"created_at"`
	ArticleCount int       `json:"article_count"` // computed by the store on read
}

// SourceFilter selects sources. Zero fields do not filter.
type SourceFilter struct {
	ID  *int64
	URL *string
}

// FetchResult is the outcome of one fetch of a source, recorded with
// Store.RecordFetch. Err is empty on success.
type FetchResult struct {
	At           time.Time
	NotModified  bool
	ETag         string
	LastModified string
	ErrorKind    string
	Err          string
	NextPollAt   time.Time
}

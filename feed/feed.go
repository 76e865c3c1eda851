// Package feed parses RSS, Atom and JSON feeds and OPML subscription lists
// into Funding Pulse's own small types, and tells feeds from pages.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/text/encoding/charmap"

	"github.com/fundingpulse/pulse/article"
)

// Feed is a parsed feed.
type Feed struct {
	Title    string
	Link     string // the site's home page
	Language string
	TTL      time.Duration // the feed's own refresh hint (<ttl>, sy:updatePeriod), 0 if none
	Entries  []Entry
}

// Entry is one item of a feed.
type Entry struct {
	GUID   string
	URL    string // absolute when the feed gave enough to resolve it
	Title  string
	Author string
	// Content is HTML or text: the longest of the entry's content and
	// description, since some feeds put the full story in one and a teaser
	// in the other.
	Content   string
	Published time.Time // zero when the feed gives no date it can parse
}

// ErrNotFeed is returned (wrapped) for bodies that are not RSS, Atom or JSON
// Feed documents.
var ErrNotFeed = errors.New("not a feed")

// Parse parses an RSS, Atom or JSON feed. Text is returned as UTF-8 whatever
// the feed's declared encoding; an undeclared non-UTF-8 body is read as
// Windows-1252, the usual culprit.
func Parse(body []byte) (f *Feed, err error) {
	// The parser is third-party code run on untrusted input: a panic in it
	// must become an error, not a crashed worker.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parse feed: parser panic: %v", r)
		}
	}()
	body = fixEncoding(body)
	if Sniff(body, "") != KindFeed {
		return nil, fmt.Errorf("parse feed: %w", ErrNotFeed)
	}
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	gf, err := p.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	out := &Feed{
		Title:    clean(gf.Title),
		Link:     strings.TrimSpace(gf.Link),
		Language: strings.TrimSpace(gf.Language),
		TTL:      ttl(gf),
		Entries:  make([]Entry, 0, len(gf.Items)),
	}
	base, _ := url.Parse(out.Link)
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		out.Entries = append(out.Entries, entry(it, base))
	}
	return out, nil
}

func entry(it *gofeed.Item, base *url.URL) Entry {
	e := Entry{
		GUID:    strings.TrimSpace(it.GUID),
		Title:   clean(it.Title),
		Content: valid(it.Content),
	}
	if d := valid(it.Description); len(d) > len(e.Content) {
		e.Content = d
	}
	link := strings.TrimSpace(it.Link)
	if link == "" && len(it.Links) > 0 {
		link = strings.TrimSpace(it.Links[0])
	}
	if link == "" && (strings.HasPrefix(e.GUID, "http://") || strings.HasPrefix(e.GUID, "https://")) {
		link = e.GUID
	}
	e.URL = resolve(base, link)
	for _, a := range append([]*gofeed.Person{it.Author}, it.Authors...) {
		if a != nil && (a.Name != "" || a.Email != "") {
			e.Author = clean(a.Name)
			if e.Author == "" {
				e.Author = clean(a.Email)
			}
			break
		}
	}
	if e.Author == "" && it.DublinCoreExt != nil && len(it.DublinCoreExt.Creator) > 0 {
		e.Author = clean(it.DublinCoreExt.Creator[0])
	}
	switch {
	case it.PublishedParsed != nil:
		e.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		e.Published = it.UpdatedParsed.UTC()
	default:
		// gofeed knows English dates; localised ones ("Seg, 24 Set 2018")
		// need the wider parser.
		for _, s := range []string{it.Published, it.Updated} {
			if t, ok := article.ParseDate(s); ok {
				e.Published = t
				break
			}
		}
	}
	return e
}

// resolve makes a relative entry link absolute against the feed's link.
func resolve(base *url.URL, link string) string {
	if link == "" || base == nil || !base.IsAbs() {
		return link
	}
	u, err := url.Parse(link)
	if err != nil || u.IsAbs() {
		return link
	}
	return base.ResolveReference(u).String()
}

var space = regexp.MustCompile(`\s+`)

// clean makes a one-line plain-text UTF-8 string of a title or name; feeds
// put markup and escaped entities in titles more often than the specs allow.
func clean(s string) string {
	s = valid(s)
	if strings.ContainsAny(s, "<&") {
		s = article.HTMLToText(s)
	}
	return oneLine(s)
}

// oneLine makes a trimmed single-line UTF-8 string.
func oneLine(s string) string {
	return strings.TrimSpace(space.ReplaceAllString(valid(s), " "))
}

// valid replaces invalid UTF-8 so nothing downstream sees broken text.
func valid(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}

var xmlDecl = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=`)

// fixEncoding transcodes a body that is neither valid UTF-8 nor declares an
// encoding from Windows-1252 (a superset of ISO-8859-1 in practice), which
// old Portuguese, Spanish and German feeds typically are.
func fixEncoding(body []byte) []byte {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if utf8.Valid(body) || xmlDecl.Match(body[:min(len(body), 256)]) {
		return body
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}

// ttl reads the feed's refresh hint: RSS <ttl> in minutes, else the
// syndication module's period divided by its frequency.
func ttl(gf *gofeed.Feed) time.Duration {
	if orig, ok := gf.OriginalFeed().(*rss.Feed); ok && orig != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(orig.TTL)); err == nil && n > 0 && n < 60*24*365 {
			return time.Duration(n) * time.Minute
		}
	}
	sy := gf.Extensions["sy"]
	if sy == nil {
		return 0
	}
	var period time.Duration
	if v := sy["updatePeriod"]; len(v) > 0 {
		switch strings.ToLower(strings.TrimSpace(v[0].Value)) {
		case "hourly":
			period = time.Hour
		case "daily":
			period = 24 * time.Hour
		case "weekly":
			period = 7 * 24 * time.Hour
		case "monthly":
			period = 30 * 24 * time.Hour
		case "yearly":
			period = 365 * 24 * time.Hour
		}
	}
	if period == 0 {
		return 0
	}
	freq := 1
	if v := sy["updateFrequency"]; len(v) > 0 {
		if n, err := strconv.Atoi(strings.TrimSpace(v[0].Value)); err == nil && n > 0 {
			freq = n
		}
	}
	return period / time.Duration(freq)
}

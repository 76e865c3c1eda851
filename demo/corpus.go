package demo

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// Files is the embedded corpus: corpus/outlets.json describes each outlet
// and corpus/items/<outlet>/<slug>.txt holds one story each, written as
// "key: value" header lines (id, title, author, published in RFC 3339, and
// optionally summary for a feed entry that carries only a teaser, or
// "standalone: yes" for a page no feed links to), a blank line, then
// paragraphs separated by blank lines.
//
//go:embed corpus
var Files embed.FS

// Outlet is one fictional publication of the corpus with its house style.
type Outlet struct {
	Slug    string `json:"slug"`
	Name    string `json:"name"`
	Tagline string `json:"tagline"`
	// Format is the syndication format of the outlet's feed: "rss", "rss1",
	// "atom" or "jsonfeed".
	Format string `json:"format"`
	Lang   string `json:"lang"` // BCP 47, e.g. "en-GB"
	// ContentEncoded puts the full story in content:encoded and a teaser in
	// description, as many RSS publishers do.
	ContentEncoded bool `json:"content_encoded"`
	// The page furniture around every story; the money headlines in Related
	// name deals that appear nowhere else, so leaked boilerplate is visible.
	Nav      []string `json:"nav"`
	Cookie   string   `json:"cookie"`
	MostRead []string `json:"most_read"`
	Related  []string `json:"related"`
	Promo    string   `json:"promo"`
	Footer   string   `json:"footer"`
}

// Item is one news story of the corpus.
type Item struct {
	ID        string
	Outlet    *Outlet
	Slug      string
	Title     string
	Author    string
	Published time.Time
	// Summary, when set, is the only text the feed carries: the story
	// itself has to be fetched from its page.
	Summary    string
	Paragraphs []string
	// Standalone items are on a page that no feed links to.
	Standalone bool
}

// Path is the URL path of the item's article page.
func (it *Item) Path() string {
	return fmt.Sprintf("/%s/%s/%s.html", it.Outlet.Slug, it.Published.Format("2006/01"), it.Slug)
}

// Text is the story body as plain text, one paragraph per line.
func (it *Item) Text() string {
	return strings.Join(it.Paragraphs, "\n")
}

// Corpus is the parsed embedded corpus.
type Corpus struct {
	Outlets []*Outlet
	Items   []*Item // newest first
}

// Load parses the embedded corpus.
func Load() (*Corpus, error) {
	return parseCorpus(Files)
}

// ItemsOf returns the outlet's items in feed order, newest first.
func (c *Corpus) ItemsOf(o *Outlet, standalone bool) []*Item {
	var out []*Item
	for _, it := range c.Items {
		if it.Outlet == o && it.Standalone == standalone {
			out = append(out, it)
		}
	}
	return out
}

func parseCorpus(fsys fs.FS) (*Corpus, error) {
	raw, err := fs.ReadFile(fsys, "corpus/outlets.json")
	if err != nil {
		return nil, fmt.Errorf("read outlets: %w", err)
	}
	c := &Corpus{}
	if err := json.Unmarshal(raw, &c.Outlets); err != nil {
		return nil, fmt.Errorf("parse outlets: %w", err)
	}
	ids := map[string]bool{}
	for _, o := range c.Outlets {
		switch o.Format {
		case "rss", "rss1", "atom", "jsonfeed":
		default:
			return nil, fmt.Errorf("outlet %s: unknown feed format %q", o.Slug, o.Format)
		}
		dir := path.Join("corpus/items", o.Slug)
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return nil, fmt.Errorf("list items of %s: %w", o.Slug, err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
				continue
			}
			name := path.Join(dir, e.Name())
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("read item: %w", err)
			}
			it, err := parseItem(string(b))
			if err != nil {
				return nil, fmt.Errorf("item %s: %w", name, err)
			}
			if ids[it.ID] {
				return nil, fmt.Errorf("item %s: duplicate id %q", name, it.ID)
			}
			ids[it.ID] = true
			it.Outlet = o
			it.Slug = strings.TrimSuffix(e.Name(), ".txt")
			c.Items = append(c.Items, it)
		}
	}
	if len(c.Items) == 0 {
		return nil, fmt.Errorf("corpus has no items")
	}
	slices.SortStableFunc(c.Items, func(a, b *Item) int { return b.Published.Compare(a.Published) })
	return c, nil
}

// parseItem reads "key: value" header lines, a blank line, then paragraphs
// separated by blank lines.
func parseItem(s string) (*Item, error) {
	it := &Item{}
	sc := bufio.NewScanner(strings.NewReader(s))
	inBody := false
	var para []string
	flush := func() {
		if len(para) > 0 {
			it.Paragraphs = append(it.Paragraphs, strings.Join(para, " "))
			para = nil
		}
	}
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !inBody {
			if line == "" {
				inBody = true
				continue
			}
			key, val, ok := strings.Cut(line, ":")
			if !ok {
				return nil, fmt.Errorf("header line without colon: %q", line)
			}
			val = strings.TrimSpace(val)
			switch key {
			case "id":
				it.ID = val
			case "title":
				it.Title = val
			case "author":
				it.Author = val
			case "summary":
				it.Summary = val
			case "standalone":
				it.Standalone = val == "yes"
			case "published":
				t, err := time.Parse(time.RFC3339, val)
				if err != nil {
					return nil, fmt.Errorf("published: %w", err)
				}
				it.Published = t
			default:
				return nil, fmt.Errorf("unknown header %q", key)
			}
			continue
		}
		if line == "" {
			flush()
			continue
		}
		para = append(para, line)
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("scan: %w", err)
	}
	switch {
	case it.ID == "" || it.Title == "" || it.Author == "":
		return nil, fmt.Errorf("id, title and author are required")
	case it.Published.IsZero():
		return nil, fmt.Errorf("published is required")
	case len(it.Paragraphs) == 0:
		return nil, fmt.Errorf("empty body")
	case len(it.Summary) >= 200:
		// A teaser must stay short so readers of the feed know to fetch the page.
		return nil, fmt.Errorf("summary is %d bytes, want under 200", len(it.Summary))
	}
	return it, nil
}

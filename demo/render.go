package demo

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
	"time"
)

//go:embed templates
var templateFiles embed.FS

// resource is one rendered response body with its validators.
type resource struct {
	body        []byte
	contentType string
	modTime     time.Time
	etag        string
}

func newResource(body []byte, contentType string, modTime time.Time) *resource {
	sum := sha256.Sum256(body)
	return &resource{
		body:        body,
		contentType: contentType,
		modTime:     modTime,
		etag:        `"` + hex.EncodeToString(sum[:12]) + `"`,
	}
}

// feedFiles maps an outlet's format to its feed file name and media type.
var feedFiles = map[string]struct{ name, contentType string }{
	"rss":      {"feed.rss", "application/rss+xml; charset=utf-8"},
	"rss1":     {"feed.rdf", "application/rdf+xml; charset=utf-8"},
	"atom":     {"feed.atom", "application/atom+xml; charset=utf-8"},
	"jsonfeed": {"feed.json", "application/feed+json; charset=utf-8"},
}

// FeedPath is the URL path of the outlet's feed.
func (o *Outlet) FeedPath() string {
	return "/" + o.Slug + "/" + feedFiles[o.Format].name
}

// HomePath is the URL path of the outlet's front page.
func (o *Outlet) HomePath() string {
	return "/" + o.Slug + "/"
}

const robotsTxt = "User-agent: *\nAllow: /\n"

// site renders every feed and page of the corpus for one base URL.
func site(c *Corpus, base string) (map[string]*resource, error) {
	funcs := texttemplate.FuncMap{
		"x":       xmlEscape,
		"cdata":   cdata,
		"rfc1123": func(t time.Time) string { return t.Format(time.RFC1123Z) },
		"rfc3339": func(t time.Time) string { return t.Format(time.RFC3339) },
		"html":    paragraphsHTML,
		"lower":   strings.ToLower,
	}
	feedT, err := texttemplate.New("").Funcs(funcs).ParseFS(templateFiles, "templates/*.xml")
	if err != nil {
		return nil, fmt.Errorf("parse feed templates: %w", err)
	}
	pageT, err := htmltemplate.New("").Funcs(htmltemplate.FuncMap{
		"rfc3339": func(t time.Time) string { return t.Format(time.RFC3339) },
		"human":   func(t time.Time) string { return t.Format("2 January 2006, 15:04 MST") },
	}).ParseFS(templateFiles, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse page templates: %w", err)
	}

	out := map[string]*resource{
		"/robots.txt": newResource([]byte(robotsTxt), "text/plain; charset=utf-8", c.Items[len(c.Items)-1].Published),
	}
	var buf bytes.Buffer
	render := func(p string, modTime time.Time, contentType string, exec func() error) error {
		buf.Reset()
		if err := exec(); err != nil {
			return fmt.Errorf("render %s: %w", p, err)
		}
		out[p] = newResource(bytes.Clone(buf.Bytes()), contentType, modTime)
		return nil
	}
	const htmlType = "text/html; charset=utf-8"
	newest := c.Items[0].Published
	if err := render("/", newest, htmlType, func() error {
		return pageT.ExecuteTemplate(&buf, "index.html", map[string]any{"Base": base, "Corpus": c})
	}); err != nil {
		return nil, err
	}
	for _, o := range c.Outlets {
		items := c.ItemsOf(o, false)
		if len(items) == 0 {
			return nil, fmt.Errorf("outlet %s has no feed items", o.Slug)
		}
		data := map[string]any{"Base": base, "Outlet": o, "Items": items, "Updated": items[0].Published}
		ff := feedFiles[o.Format]
		if err := render(o.FeedPath(), items[0].Published, ff.contentType, func() error {
			if o.Format == "jsonfeed" {
				return jsonFeed(&buf, base, o, items)
			}
			return feedT.ExecuteTemplate(&buf, o.Format+".xml", data)
		}); err != nil {
			return nil, err
		}
		if err := render(o.HomePath(), items[0].Published, htmlType, func() error {
			return pageT.ExecuteTemplate(&buf, "front.html", data)
		}); err != nil {
			return nil, err
		}
	}
	for _, it := range c.Items {
		data := map[string]any{"Base": base, "Outlet": it.Outlet, "Item": it}
		if err := render(it.Path(), it.Published, htmlType, func() error {
			return pageT.ExecuteTemplate(&buf, "article.html", data)
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func xmlEscape(s string) (string, error) {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return "", fmt.Errorf("escape xml: %w", err)
	}
	return b.String(), nil
}

// cdata wraps s in a CDATA section, splitting any "]]>" so it cannot end
// the section early.
func cdata(s string) string {
	return "<![CDATA[" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>"
}

// paragraphsHTML renders paragraphs as escaped HTML <p> elements.
func paragraphsHTML(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>")
		b.WriteString(htmltemplate.HTMLEscapeString(p))
		b.WriteString("</p>")
	}
	return b.String()
}

// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
type jsonFeedDoc struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url"`
	Description string       `json:"description"`
	Language    string       `json:"language"`
	Authors     []jsonAuthor `json:"authors"`
	// Author is deprecated in 1.1; the spec lets publishers keep it for
	// readers written against 1.0.
	Author *jsonAuthor    `json:"author,omitempty"`
	Items  []jsonFeedItem `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	Summary       string       `json:"summary,omitempty"`
	ContentHTML   string       `json:"content_html,omitempty"`
	ContentText   string       `json:"content_text,omitempty"`
	DatePublished string       `json:"date_published"`
	Authors       []jsonAuthor `json:"authors"`
	Author        *jsonAuthor  `json:"author,omitempty"`
	Language      string       `json:"language"`
}

func jsonFeed(buf *bytes.Buffer, base string, o *Outlet, items []*Item) error {
	doc := jsonFeedDoc{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       o.Name,
		HomePageURL: base + o.HomePath(),
		FeedURL:     base + o.FeedPath(),
		Description: o.Tagline,
		Language:    o.Lang,
		Authors:     []jsonAuthor{{Name: o.Name + " newsroom"}},
		Author:      &jsonAuthor{Name: o.Name + " newsroom"},
	}
	for _, it := range items {
		ji := jsonFeedItem{
			ID:            it.ID, // stable across server ports, unlike the URL
			URL:           base + it.Path(),
			Title:         it.Title,
			DatePublished: it.Published.Format(time.RFC3339),
			Authors:       []jsonAuthor{{Name: it.Author}},
			Author:        &jsonAuthor{Name: it.Author},
			Language:      o.Lang,
		}
		if it.Summary != "" {
			// The spec requires content; a summary-only entry carries the
			// one-line teaser as plain text.
			ji.Summary, ji.ContentText = it.Summary, it.Summary
		} else {
			ji.ContentHTML = paragraphsHTML(it.Paragraphs)
		}
		doc.Items = append(doc.Items, ji)
	}
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encode json feed: %w", err)
	}
	return nil
}

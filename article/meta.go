package article

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// pageMeta is the metadata a page states about itself.
type pageMeta struct {
	title, author, siteName, lang, canonical string
	published                                time.Time
}

// readMeta reads <link rel=canonical>, Open Graph and article: meta tags,
// JSON-LD and <html lang>. Where several say the same thing, the most
// deliberate wins: JSON-LD and Open Graph over generic tags.
func readMeta(doc *html.Node, base *url.URL) pageMeta {
	q := goquery.NewDocumentFromNode(doc)
	metas := map[string]string{} // lower-cased name/property → first non-empty content
	q.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content := strings.TrimSpace(s.AttrOr("content", ""))
		for _, attr := range []string{"property", "name", "itemprop", "http-equiv"} {
			if k := strings.ToLower(strings.TrimSpace(s.AttrOr(attr, ""))); k != "" && content != "" && metas[k] == "" {
				metas[k] = content
			}
		}
	})
	metaContent := func(keys ...string) string {
		for _, k := range keys {
			if v := metas[k]; v != "" {
				return v
			}
		}
		return ""
	}
	ld := readJSONLD(q)
	var m pageMeta

	m.title = firstNonEmpty(metaContent("og:title", "twitter:title"), ld.headline)
	m.siteName = firstNonEmpty(metaContent("og:site_name", "application-name"), ld.publisher)
	m.author = firstNonEmpty(ld.author, notURL(metaContent("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")))
	for _, s := range []string{ld.published, metaContent("article:published_time", "og:published_time", "datePublished",
		"pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")} {
		if t, ok := ParseDate(s); ok {
			m.published = t
			break
		}
	}
	if m.published.IsZero() {
		q.Find("article time[datetime], time[itemprop=datePublished], time[pubdate]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if t, ok := ParseDate(s.AttrOr("datetime", "")); ok {
				m.published = t
			}
			return m.published.IsZero()
		})
	}
	m.lang = firstNonEmpty(q.Find("html").AttrOr("lang", ""), q.Find("html").AttrOr("xml:lang", ""),
		metaContent("og:locale", "content-language", "language", "dc.language"))
	var canon string
	q.Find("link[rel]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, rel := range strings.Fields(s.AttrOr("rel", "")) {
			if strings.EqualFold(rel, "canonical") {
				canon = strings.TrimSpace(s.AttrOr("href", ""))
			}
		}
		return canon == ""
	})
	for _, c := range []string{canon, metaContent("og:url"), ld.url} {
		if u := absolute(base, c); u != "" {
			m.canonical = CanonicalURL(u)
			break
		}
	}
	return m
}

// fill takes what an extractor found for the fields the page left empty.
func (m *pageMeta) fill(e extracted) {
	m.title = firstNonEmpty(m.title, strings.TrimSpace(e.title))
	m.author = firstNonEmpty(m.author, strings.TrimSpace(e.author))
	m.siteName = firstNonEmpty(m.siteName, strings.TrimSpace(e.siteName))
	m.lang = firstNonEmpty(m.lang, strings.TrimSpace(e.lang))
	if m.published.IsZero() && !e.published.IsZero() {
		m.published = e.published.UTC()
	}
}

// jsonLD holds the fields we use from a page's schema.org Article object.
type jsonLD struct {
	headline, author, publisher, published, url string
}

// articleTypes are the schema.org types whose fields describe the page's
// story rather than, say, the site or a breadcrumb.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"blogposting": true, "techarticle": true, "report": true, "webpage": true, "liveblogposting": true,
	"opinionnewsarticle": true, "backgroundnewsarticle": true, "scholarlyarticle": true, "pressrelease": true,
}

func readJSONLD(q *goquery.Document) jsonLD {
	var out jsonLD
	q.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return
		}
		walkLD(v, &out, 0)
	})
	return out
}

// walkLD visits objects in arrays and @graph lists, taking the first value
// of each field from an article-typed object.
func walkLD(v any, out *jsonLD, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			walkLD(e, out, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			walkLD(g, out, depth+1)
		}
		if !isArticleType(x["@type"]) {
			return
		}
		out.headline = firstNonEmpty(out.headline, ldString(x["headline"]), ldString(x["name"]))
		out.author = firstNonEmpty(out.author, ldName(x["author"]))
		out.publisher = firstNonEmpty(out.publisher, ldName(x["publisher"]))
		out.published = firstNonEmpty(out.published, ldString(x["datePublished"]), ldString(x["dateCreated"]))
		out.url = firstNonEmpty(out.url, ldString(x["url"]), ldString(x["mainEntityOfPage"]))
	}
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return ldString(x["@id"])
	}
	return ""
}

// ldName reads a person or organisation: a string, an object with a name,
// or a list of them joined with commas.
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return notURL(strings.TrimSpace(x))
	case map[string]any:
		if n, ok := x["name"].(string); ok {
			return strings.TrimSpace(n)
		}
	case []any:
		var names []string
		for _, e := range x {
			if n := ldName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// notURL drops author values that are profile links rather than names.
func notURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}

func absolute(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if base == nil {
			return ""
		}
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

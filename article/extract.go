package article

import (
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// trafilaturaExtractor is the primary extractor: on trafilatura's own
// benchmark it is the more precise of the two, and precision is what keeps
// sidebar headlines out of the deal extractor.
type trafilaturaExtractor struct{}

func (trafilaturaExtractor) extract(doc *html.Node, pageURL *url.URL) (string, extracted, error) {
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     pageURL,
		Focus:           trafilatura.FavorPrecision,
		ExcludeComments: true,
		Deduplicate:     true,
		// Dates come from the page's metadata first; the fast scan is only
		// a fallback and avoids the slow multilingual date parser.
		HtmlDateMode: trafilatura.Fast,
	})
	if err != nil {
		return "", extracted{}, fmt.Errorf("trafilatura: %w", err)
	}
	m := res.Metadata
	text := res.ContentText
	if res.ContentNode != nil {
		// ContentText joins paragraphs with spaces; the node keeps them apart.
		var b strings.Builder
		if err := html.Render(&b, res.ContentNode); err == nil {
			text = HTMLToText(b.String())
		}
	}
	return text, extracted{
		title:     m.Title,
		author:    m.Author,
		siteName:  m.Sitename,
		lang:      m.Language,
		published: m.Date,
	}, nil
}

// readabilityExtractor is the fallback for pages where trafilatura finds too
// little, typically short pages with unusual markup.
type readabilityExtractor struct{}

func (readabilityExtractor) extract(doc *html.Node, pageURL *url.URL) (string, extracted, error) {
	art, err := readability.FromDocument(doc, pageURL)
	if err != nil {
		return "", extracted{}, fmt.Errorf("readability: %w", err)
	}
	if art.Node == nil {
		return "", extracted{}, nil
	}
	// Rendering HTML and converting it ourselves breaks paragraphs the same
	// way as feed entries and trafilatura's text.
	var b strings.Builder
	if err := art.RenderHTML(&b); err != nil {
		return "", extracted{}, fmt.Errorf("readability: render: %w", err)
	}
	e := extracted{
		title:    art.Title(),
		author:   art.Byline(),
		siteName: art.SiteName(),
		lang:     art.Language(),
	}
	if t, err := art.PublishedTime(); err == nil {
		e.published = t
	}
	return HTMLToText(b.String()), e, nil
}

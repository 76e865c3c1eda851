// Package article turns fetched pages and feed entries into clean articles:
// main text without navigation or sidebars, metadata, canonical URLs, dates,
// language, and the fingerprints used to find duplicates.
package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Page is what FromHTML finds in an HTML page.
type Page struct {
	Title        string
	Text         string // main text, paragraphs separated by blank lines
	Author       string
	SiteName     string
	Lang         string // primary language subtag, e.g. "en"; "" if unknown
	CanonicalURL string
	Published    time.Time // zero if the page gives no date
}

// ErrNoText is returned (wrapped) when a page has no main text to extract.
var ErrNoText = errors.New("no main text found")

// minText is the length (in bytes) below which trafilatura's answer is
// treated as a miss and readability gets a try: shorter than a typical
// two-sentence news brief.
const minText = 250

// FromHTML extracts the main text and metadata of an HTML page. pageURL is
// where it was fetched from (for resolving relative links) and contentType
// the response's Content-Type (for the charset).
func FromHTML(body []byte, pageURL, contentType string) (p *Page, err error) {
	// The extractors are third-party code run on untrusted input: a panic in
	// them must become an error, not a crashed worker.
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("extract page: extractor panic: %v", r)
		}
	}()
	utf8Body, err := decode(body, contentType)
	if err != nil {
		return nil, fmt.Errorf("extract page: %w", err)
	}
	base, _ := url.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	doc, err := html.Parse(bytes.NewReader(utf8Body))
	if err != nil {
		return nil, fmt.Errorf("extract page: parse html: %w", err)
	}
	meta := readMeta(doc, base)

	var text string
	var found extracted
	for i, ex := range extractors {
		if i > 0 {
			// The previous extractor may have changed the tree.
			if doc, err = html.Parse(bytes.NewReader(utf8Body)); err != nil {
				break
			}
		}
		t, m, err := ex.extract(doc, base)
		if err != nil {
			continue
		}
		t = normaliseText(t)
		// A later extractor must find clearly more to win: on short pages
		// the extra is usually the site's header and footer, not story.
		if text == "" || len(t) >= 2*len(text) {
			text, found = t, m
		}
		if len(text) >= minText {
			break
		}
	}
	if text == "" {
		return nil, fmt.Errorf("extract page: %w", ErrNoText)
	}
	meta.fill(found)
	text = dropLeadingTitle(text, meta.title)

	p = &Page{
		Title:        meta.title,
		Text:         text,
		Author:       meta.author,
		SiteName:     meta.siteName,
		CanonicalURL: meta.canonical,
		Published:    meta.published,
		Lang:         Lang(text, meta.lang),
	}
	if p.CanonicalURL == "" && base != nil {
		p.CanonicalURL = CanonicalURL(base.String())
	}
	return p, nil
}

// decode converts body to UTF-8 using the BOM, the Content-Type charset,
// a <meta charset> in the first 1024 bytes, or a guess, in that order.
func decode(body []byte, contentType string) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		// An unknown charset label: read the bytes as they are rather than
		// lose the page.
		return body, nil
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decode charset: %w", err)
	}
	return out, nil
}

// extracted is the metadata an extractor found alongside the text; it only
// fills gaps left by the page's own tags.
type extracted struct {
	title, author, siteName, lang string
	published                     time.Time
}

// extractor finds the main text of a parsed page.
type extractor interface {
	extract(doc *html.Node, pageURL *url.URL) (string, extracted, error)
}

// extractors are tried in order until one finds at least minText; the
// longest answer wins.
var extractors = []extractor{trafilaturaExtractor{}, readabilityExtractor{}}

// normaliseText drops control characters, trims lines, collapses runs of
// spaces, and separates paragraphs with exactly one blank line. Lines that
// are only punctuation (the "·" left of a removed byline) are dropped.
func normaliseText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, s)
	var paras []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if strings.IndexFunc(line, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			paras = append(paras, line)
		}
	}
	return strings.Join(paras, "\n\n")
}

// dropLeadingTitle removes the headline when the extractor kept it as the
// first paragraph: Article.Document puts the title before the text already.
func dropLeadingTitle(text, title string) string {
	first, rest, _ := strings.Cut(text, "\n\n")
	if title != "" && rest != "" && strings.EqualFold(strings.TrimSpace(first), strings.TrimSpace(title)) {
		return rest
	}
	return text
}

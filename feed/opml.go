package feed

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// Outline is one subscription of an OPML file.
type Outline struct {
	Title   string
	XMLURL  string // the feed; empty for a page-only entry
	HTMLURL string // the site or page
}

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title"`
	Body    []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Type     string        `xml:"type,attr,omitempty"`
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Children []opmlOutline `xml:"outline"`
}

// ErrNotOPML is returned (wrapped) for XML that has no <opml> root.
var ErrNotOPML = errors.New("not an OPML document")

// ParseOPML reads the subscriptions of an OPML file. Category outlines are
// flattened: every outline with a feed or page URL is returned once, in
// document order.
func ParseOPML(r io.Reader) ([]Outline, error) {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = charset.NewReaderLabel
	var doc opmlDoc
	if err := dec.Decode(&doc); err != nil {
		var se xml.UnmarshalError
		if errors.As(err, &se) || errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("parse opml: %w", ErrNotOPML)
		}
		return nil, fmt.Errorf("parse opml: %w", err)
	}
	var out []Outline
	seen := map[Outline]bool{}
	var walk func([]opmlOutline)
	walk = func(list []opmlOutline) {
		for _, o := range list {
			ol := Outline{
				Title:   oneLine(o.Title),
				XMLURL:  strings.TrimSpace(o.XMLURL),
				HTMLURL: strings.TrimSpace(o.HTMLURL),
			}
			if ol.Title == "" {
				ol.Title = oneLine(o.Text)
			}
			key := Outline{XMLURL: ol.XMLURL, HTMLURL: ol.HTMLURL}
			if (ol.XMLURL != "" || ol.HTMLURL != "") && !seen[key] {
				seen[key] = true
				out = append(out, ol)
			}
			walk(o.Children)
		}
	}
	walk(doc.Body)
	return out, nil
}

// WriteOPML writes outlines as an OPML 2.0 document titled title.
func WriteOPML(w io.Writer, title string, outlines []Outline) error {
	doc := opmlDoc{Version: "2.0", Title: title}
	for _, o := range outlines {
		oo := opmlOutline{Text: o.Title, Title: o.Title, XMLURL: o.XMLURL, HTMLURL: o.HTMLURL}
		if o.XMLURL != "" {
			oo.Type = "rss"
		}
		doc.Body = append(doc.Body, oo)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	return nil
}

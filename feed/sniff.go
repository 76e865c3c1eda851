package feed

import (
	"bytes"
	"mime"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Kind is what a fetched body is.
type Kind string

// Body kinds.
const (
	KindFeed    Kind = "feed"    // RSS, Atom or JSON Feed
	KindHTML    Kind = "html"    // a web page
	KindText    Kind = "text"    // plain text
	KindUnknown Kind = "unknown" // binary or otherwise unreadable (PDF, images, ...)
)

// sniffLen is how much of the body the markup checks look at.
const sniffLen = 4096

// Sniff tells a feed from an HTML page from plain text. The body decides
// over the Content-Type, because servers commonly label feeds text/html or
// text/plain; the Content-Type only breaks ties.
func Sniff(body []byte, contentType string) Kind {
	mt, _, _ := mime.ParseMediaType(contentType)
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	head = head[:min(len(head), sniffLen)]
	lower := bytes.ToLower(head)

	switch {
	case len(head) == 0:
		return kindFromType(mt)
	case head[0] == '<':
		if gofeed.DetectFeedType(bytes.NewReader(body)) != gofeed.FeedTypeUnknown {
			return KindFeed
		}
		if isHTML(lower) || mt == "text/html" || mt == "application/xhtml+xml" {
			return KindHTML
		}
	case head[0] == '{':
		if bytes.Contains(lower, []byte("jsonfeed.org/version")) {
			return KindFeed
		}
	}
	if bytes.IndexByte(head, 0) >= 0 || strings.HasPrefix(mt, "image/") || mt == "application/pdf" ||
		bytes.HasPrefix(head, []byte("%PDF")) {
		return KindUnknown
	}
	if isHTML(lower) {
		return KindHTML
	}
	return KindText
}

func isHTML(lower []byte) bool {
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div"} {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}

func kindFromType(mt string) Kind {
	switch {
	case strings.Contains(mt, "rss"), strings.Contains(mt, "atom"), mt == "application/feed+json":
		return KindFeed
	case mt == "text/html", mt == "application/xhtml+xml":
		return KindHTML
	case strings.HasPrefix(mt, "text/"):
		return KindText
	}
	return KindUnknown
}

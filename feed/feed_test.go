package feed

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/fundingpulse/pulse/article"
)

// fixtureDir holds third-party feeds shared by the project; tests read them
// by path and check properties rather than copy their text.
const fixtureDir = "../../shared/fixtures/feeds"

func fixtures(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*"))
	if len(files) == 0 {
		t.Skipf("no feed fixtures in %s; they are shared test data outside the repository", fixtureDir)
	}
	return files
}

var (
	rawItem = regexp.MustCompile(`<(item|entry)[\s>]`)
	rawDate = regexp.MustCompile(`(?s)<(item|entry)[\s>].*?<(pubDate|published|updated|dc:date)>`)
	rawLink = regexp.MustCompile(`(?s)<(item|entry)[\s>].*?<link[\s>]`)
)

func TestFixtures(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(raw)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if n := len(rawItem.FindAll(raw, -1)); len(f.Entries) != n {
				t.Errorf("%d entries, the file has %d items", len(f.Entries), n)
			}
			if bytes.Contains(raw, []byte("<title>")) || bytes.Contains(raw, []byte("<title ")) {
				if f.Title == "" && !strings.Contains(path, "fields") {
					t.Error("feed title lost")
				}
			}
			checkText(t, "feed title", f.Title)
			withDates, withLinks := 0, 0
			for i, e := range f.Entries {
				for _, s := range []string{e.Title, e.Author, e.Content, e.URL, e.GUID} {
					checkText(t, fmt.Sprintf("entry %d", i), s)
				}
				if strings.ContainsAny(e.Title, "<>") {
					t.Errorf("entry %d title keeps markup: %q", i, e.Title)
				}
				if !e.Published.IsZero() {
					withDates++
					if e.Published.Year() < 1995 || e.Published.After(time.Now().Add(48*time.Hour)) {
						t.Errorf("entry %d date %v is implausible", i, e.Published)
					}
				}
				if strings.HasPrefix(e.URL, "http://") || strings.HasPrefix(e.URL, "https://") {
					withLinks++
				}
			}
			if rawDate.Match(raw) && withDates != len(f.Entries) {
				t.Errorf("only %d of %d entries kept their date", withDates, len(f.Entries))
			}
			if rawLink.Match(raw) && withLinks != len(f.Entries) {
				t.Errorf("only %d of %d entries kept an absolute link", withLinks, len(f.Entries))
			}
		})
	}
}

func checkText(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s is not valid UTF-8: %q", what, s)
	}
	if strings.ContainsRune(s, utf8.RuneError) {
		t.Errorf("%s has replacement characters (mis-decoded): %q", what, s)
	}
}

func TestGB2312(t *testing.T) {
	fixtures(t)
	raw, err := os.ReadFile(filepath.Join(fixtureDir, "encoding-gb2312.xml"))
	if err != nil {
		t.Skipf("GB2312 fixture absent: %v", err)
	}
	f, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if han(f.Title) < 2 {
		t.Errorf("feed title %q has no Chinese characters", f.Title)
	}
	for i, e := range f.Entries {
		if han(e.Title) < 2 {
			t.Errorf("entry %d title %q has no Chinese characters", i, e.Title)
		}
	}
	if f.Language != "zh-cn" {
		t.Errorf("language = %q", f.Language)
	}
}

func han(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

func TestLatin1Fixtures(t *testing.T) {
	fixtures(t)
	for _, name := range []string{"heraldsun.rss", "uolNoticias.rss"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(fixtureDir, name))
			if err != nil {
				t.Skipf("fixture absent: %v", err)
			}
			f, err := Parse(raw)
			if err != nil {
				t.Fatal(err)
			}
			// Every non-ASCII byte of the file must come out as the Latin-1
			// letter it stands for.
			want := 0
			for _, b := range raw {
				if b >= 0xC0 {
					want++
				}
			}
			got := 0
			for _, s := range append([]string{f.Title}, entryTexts(f)...) {
				checkText(t, "text", s)
				for _, r := range s {
					if r >= 0xC0 && r <= 0xFF {
						got++
					}
				}
			}
			if want > 0 && got == 0 {
				t.Errorf("the file has %d accented letters, the parsed text none", want)
			}
		})
	}
}

func entryTexts(f *Feed) []string {
	var out []string
	for _, e := range f.Entries {
		out = append(out, e.Title, e.Content)
	}
	return out
}

func TestParse(t *testing.T) {
	const rssDoc = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Deal &amp; Wire</title><link>https://wire.example/</link><language>en-us</language><ttl>60</ttl>
  <item>
    <title><![CDATA[Kestrel raises <b>$120M</b>]]></title>
    <link>/news/kestrel</link>
    <guid isPermaLink="false">wire-1</guid>
    <dc:creator>Priya Nandakumar</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Kestrel Compute raised $120 million.</p><p>More detail here.</p>]]></content:encoded>
    <pubDate>Tue, 03 Mar 2026 14:20:00 GMT</pubDate>
  </item>
  <item>
    <title>Only a description</title>
    <guid>https://wire.example/news/2</guid>
    <description>&lt;p&gt;The whole story sits in the description.&lt;/p&gt;</description>
    <pubDate>3 mars 2026</pubDate>
  </item>
</channel></rss>`
	f, err := Parse([]byte(rssDoc))
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Deal & Wire" || f.Link != "https://wire.example/" || f.Language != "en-us" || f.TTL != time.Hour {
		t.Errorf("feed = %+v", f)
	}
	if len(f.Entries) != 2 {
		t.Fatalf("%d entries", len(f.Entries))
	}
	e := f.Entries[0]
	if e.Title != "Kestrel raises $120M" || e.URL != "https://wire.example/news/kestrel" || e.GUID != "wire-1" ||
		e.Author != "Priya Nandakumar" || !e.Published.Equal(time.Date(2026, 3, 3, 14, 20, 0, 0, time.UTC)) {
		t.Errorf("entry 0 = %+v", e)
	}
	if !strings.Contains(e.Content, "More detail here") {
		t.Errorf("content is not the longest field: %q", e.Content)
	}
	if got := article.HTMLToText(e.Content); got != "Kestrel Compute raised $120 million.\n\nMore detail here." {
		t.Errorf("content as text = %q", got)
	}
	e = f.Entries[1]
	if e.URL != "https://wire.example/news/2" || !strings.Contains(e.Content, "whole story") ||
		!e.Published.Equal(time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("entry 1 = %+v", e)
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name, doc string
		title     string
		ttl       time.Duration
	}{
		{"atom", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
			<link href="https://atom.example/"/><entry><title>One</title><id>urn:1</id><link href="https://atom.example/1"/>
			<updated>2026-03-03T10:00:00Z</updated><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>`, "Atom Wire", 0},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","title":"JSON Wire","home_page_url":"https://json.example/",
			"items":[{"id":"1","url":"https://json.example/1","title":"One","content_html":"<p>Body</p>","date_published":"2026-03-03T10:00:00Z"}]}`, "JSON Wire", 0},
		{"rdf with sy", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
			xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>RDF Wire</title><link>https://rdf.example/</link>
			<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>
			<item><title>One</title><link>https://rdf.example/1</link></item></rdf:RDF>`, "RDF Wire", 30 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || f.TTL != tt.ttl || len(f.Entries) != 1 || f.Entries[0].Title != "One" ||
				!strings.HasSuffix(f.Entries[0].URL, "/1") {
				t.Errorf("feed = %+v", f)
			}
		})
	}
}

func TestParseUndeclaredWindows1252(t *testing.T) {
	doc := "<rss version=\"2.0\"><channel><title>Not\xedcias</title><item><title>Invers\xe3o de \x80 5 milh\xf5es</title></item></channel></rss>"
	f, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Notícias" || f.Entries[0].Title != "Inversão de € 5 milhões" {
		t.Errorf("decoded = %q / %q", f.Title, f.Entries[0].Title)
	}
	// A declared encoding is left to the XML decoder.
	latin1, _ := charmap.ISO8859_1.NewEncoder().String(`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Café</title></channel></rss>`)
	if f, err := Parse([]byte(latin1)); err != nil || f.Title != "Café" {
		t.Errorf("declared ISO-8859-1: %+v, %v", f, err)
	}
}

func TestParseNotFeed(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":      "",
		"html":       "<!DOCTYPE html><html><body><p>Hello</p></body></html>",
		"json":       `{"hello":"world"}`,
		"text":       "just some words",
		"binary":     "\x89PNG\r\n\x1a\n\x00\x00",
		"truncated":  `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut`,
		"other xml":  `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>`,
		"bad json":   `{"version":"https://jsonfeed.org/version/1","items":[`,
		"wrong root": `<opml version="2.0"><body/></opml>`,
	} {
		t.Run(name, func(t *testing.T) {
			f, err := Parse([]byte(doc))
			if err == nil {
				t.Fatalf("Parse = %+v, want an error", f)
			}
			if !strings.HasPrefix(err.Error(), "parse feed: ") {
				t.Errorf("error %q lacks context", err)
			}
			if name == "html" && !errors.Is(err, ErrNotFeed) {
				t.Errorf("err = %v, want ErrNotFeed", err)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, body, contentType string
		want                    Kind
	}{
		{"rss labelled html", `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, "text/html", KindFeed},
		{"atom with BOM", "\xef\xbb\xbf  <feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "", KindFeed},
		{"rdf", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`, "application/xml", KindFeed},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, "application/json", KindFeed},
		{"plain json", `{"a": 1}`, "application/json", KindText},
		{"html page", "<!DOCTYPE html><html><head></head><body>x</body></html>", "text/html; charset=utf-8", KindHTML},
		{"html fragment without type", "<div><p>Story</p></div>", "", KindHTML},
		{"html labelled text", "<html><body>x</body></html>", "text/plain", KindHTML},
		{"plain text", "Kestrel Compute raised $120 million.", "text/plain", KindText},
		{"text without type", "Kestrel Compute raised $120 million.", "", KindText},
		{"pdf", "%PDF-1.7\n...", "application/pdf", KindUnknown},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00", "image/png", KindUnknown},
		{"empty feed type", "", "application/rss+xml", KindFeed},
		{"empty", "", "", KindUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.body), tt.contentType); got != tt.want {
				t.Errorf("Sniff = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSniffFixtures(t *testing.T) {
	for _, path := range fixtures(t) {
		raw, _ := os.ReadFile(path)
		if k := Sniff(raw, "text/xml"); k != KindFeed {
			t.Errorf("%s sniffed as %q", filepath.Base(path), k)
		}
	}
}

// benchFeed is a 50-item feed written for the benchmark.
func benchFeed() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench Wire</title><link>https://bench.example/</link>`)
	for i := range 50 {
		fmt.Fprintf(&b, `<item><title>Company %d raises $%d million</title><link>https://bench.example/%d</link><guid>bench-%d</guid>
<pubDate>Tue, 03 Mar 2026 14:%02d:00 GMT</pubDate><description>Teaser %d</description><content:encoded><![CDATA[`, i, i+5, i, i, i%60, i)
		for p := range 6 {
			fmt.Fprintf(&b, `<p>Paragraph %d of story %d: the company raised money in a round led by <a href="https://x.example">an investor</a>, with <b>participation</b> from others &amp; friends.</p>`, p, i)
		}
		b.WriteString(`<script>track()</script>]]></content:encoded></item>`)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// BenchmarkParseAndText measures parsing a feed and converting every
// entry's HTML to text; ns/entry is the per-entry cost.
func BenchmarkParseAndText(b *testing.B) {
	body := benchFeed()
	b.SetBytes(int64(len(body)))
	entries := 0
	for b.Loop() {
		f, err := Parse(body)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range f.Entries {
			_ = article.HTMLToText(e.Content)
		}
		entries += len(f.Entries)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(entries), "ns/entry")
}

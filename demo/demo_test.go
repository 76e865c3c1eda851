package demo

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/fundingpulse/pulse"
	"github.com/mmcdole/gofeed"
)

// startServer starts the demo server for one test and closes it afterwards.
func startServer(t *testing.T) *Server {
	t.Helper()
	s, err := Start(t.Context())
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func get(t *testing.T, url string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", url, err)
	}
	return resp, body
}

// served is one story as a reader of the served feeds and pages sees it.
type served struct {
	id, outlet, title, text, link string
	published                     time.Time
	feedText                      string // what the feed entry itself carries
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

func plain(html string) string {
	return strings.Join(strings.Fields(tagRE.ReplaceAllString(html, " ")), " ")
}

// pageStory returns the headline, story text and publication time of an
// article page, taken from its markup the way a reader would.
func pageStory(t *testing.T, url string) (title, text string, published time.Time) {
	t.Helper()
	resp, body := get(t, url, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", url, resp.StatusCode)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parse page %s: %v", url, err)
	}
	var paras []string
	doc.Find("article .article-body p").Each(func(_ int, s *goquery.Selection) { paras = append(paras, s.Text()) })
	pub, err := time.Parse(time.RFC3339, doc.Find(`meta[property="article:published_time"]`).AttrOr("content", ""))
	if err != nil {
		t.Fatalf("page %s: published time: %v", url, err)
	}
	return doc.Find("article h1").Text(), strings.Join(paras, "\n"), pub
}

// readCorpus fetches every feed and standalone page from the server and
// returns the stories they carry, fetching the page when a feed entry only
// has a teaser.
func readCorpus(t *testing.T, s *Server) []served {
	t.Helper()
	var out []served
	for _, src := range s.Sources() {
		if src.Kind == pulse.SourcePage {
			title, text, pub := pageStory(t, src.URL)
			out = append(out, served{id: src.URL, outlet: strings.SplitN(src.Title, ":", 2)[0], title: title, text: text, link: src.URL, published: pub})
			continue
		}
		_, body := get(t, src.URL, nil)
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("parse feed %s: %v", src.URL, err)
		}
		for _, it := range feed.Items {
			st := served{id: itemID(it), outlet: feed.Title, title: it.Title, link: it.Link}
			if it.PublishedParsed == nil {
				t.Fatalf("feed %s: item %q has no parsable date (%q)", src.URL, it.Title, it.Published)
			}
			st.published = *it.PublishedParsed
			st.feedText = plain(it.Content)
			if st.feedText == "" {
				st.feedText = plain(it.Description)
			}
			st.text = st.feedText
			if len(st.feedText) < 200 {
				_, st.text, _ = pageStory(t, it.Link)
			}
			out = append(out, st)
		}
	}
	return out
}

// itemID is the entry's stable identifier: its GUID, or for RSS 1.0, which
// has no GUID element, its dc:identifier.
func itemID(it *gofeed.Item) string {
	if it.GUID == "" && it.DublinCoreExt != nil && len(it.DublinCoreExt.Identifier) > 0 {
		return it.DublinCoreExt.Identifier[0]
	}
	return it.GUID
}

func TestFeedsParse(t *testing.T) {
	s := startServer(t)
	c := s.Corpus()
	wantType := map[string]string{"rss": "rss 2.0", "rss1": "rss 1.0", "atom": "atom 1.0", "jsonfeed": "json https://jsonfeed.org/version/1.1"}
	wantCT := map[string]string{"rss": "application/rss+xml", "rss1": "application/rdf+xml", "atom": "application/atom+xml", "jsonfeed": "application/feed+json"}
	total := 0
	for _, o := range c.Outlets {
		t.Run(o.Slug, func(t *testing.T) {
			resp, body := get(t, s.URL()+o.FeedPath(), nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, wantCT[o.Format]) {
				t.Errorf("Content-Type = %q, want %s", ct, wantCT[o.Format])
			}
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if got := feed.FeedType + " " + feed.FeedVersion; got != wantType[o.Format] {
				t.Errorf("feed type = %s, want %s", got, wantType[o.Format])
			}
			if feed.Title != o.Name || !strings.EqualFold(feed.Language, o.Lang) {
				t.Errorf("title, language = %q, %q; want %q, %q", feed.Title, feed.Language, o.Name, o.Lang)
			}
			want := c.ItemsOf(o, false)
			if len(feed.Items) != len(want) {
				t.Fatalf("%d items, want %d", len(feed.Items), len(want))
			}
			for i, it := range feed.Items {
				switch id := itemID(it); {
				case id == "" || strings.Contains(id, "127.0.0.1"):
					t.Errorf("item %d: id %q is missing or depends on the server address", i, id)
				case it.Author == nil || it.Author.Name != want[i].Author:
					t.Errorf("item %d: author = %v, want %q", i, it.Author, want[i].Author)
				case it.PublishedParsed == nil || !it.PublishedParsed.Equal(want[i].Published):
					t.Errorf("item %d: published = %q, want %v", i, it.Published, want[i].Published)
				case it.Title != want[i].Title:
					t.Errorf("item %d: title = %q, want %q", i, it.Title, want[i].Title)
				}
			}
			total += len(feed.Items)
		})
	}
	if total < 40 {
		t.Errorf("feeds carry %d items in all, want at least 40", total)
	}
}

func TestCorpusShape(t *testing.T) {
	s := startServer(t)
	stories := readCorpus(t, s)
	if len(stories) < 46 {
		t.Errorf("%d stories, want at least 46", len(stories))
	}
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	var newest time.Time
	outlets := map[string]int{}
	for _, st := range stories {
		outlets[st.outlet]++
		if st.published.Before(from) || !st.published.Before(to) {
			t.Errorf("%s: published %v, outside 2026-01-01..2026-03-04", st.id, st.published)
		}
		if st.published.After(newest) {
			newest = st.published
		}
		if n := len(strings.Fields(st.text)); n < 80 || n > 250 {
			t.Errorf("%s: %d words, want 80 to 250", st.id, n)
		}
	}
	if got := newest.UTC().Format(time.DateOnly); got != "2026-03-04" {
		t.Errorf("newest story is from %s, want 2026-03-04", got)
	}
	if len(outlets) < 4 {
		t.Errorf("stories come from %d outlets, want at least 4: %v", len(outlets), outlets)
	}
}

// TestSummaryOnlyEntries checks that the teaser-only feed entries really need
// their page: the feed holds one short line, the page the whole story.
func TestSummaryOnlyEntries(t *testing.T) {
	s := startServer(t)
	formats := map[string]bool{}
	n := 0
	for _, st := range readCorpus(t, s) {
		if len(st.feedText) >= 200 || st.feedText == "" {
			continue
		}
		n++
		if strings.Contains(st.feedText, "\n") || len(strings.Fields(st.text)) < 80 {
			t.Errorf("%s: teaser %q or page text of %d words", st.id, st.feedText, len(strings.Fields(st.text)))
		}
		formats[st.outlet] = true
	}
	if n < 5 || len(formats) < 2 {
		t.Errorf("%d teaser-only entries across %d feeds, want at least 5 across 2", n, len(formats))
	}
}

// storyWith returns the stories whose title or text contains every term.
func storiesWith(stories []served, terms ...string) []served {
	var out []served
	for _, st := range stories {
		doc := st.title + "\n" + st.text
		if !slices.ContainsFunc(terms, func(term string) bool { return !strings.Contains(doc, term) }) {
			out = append(out, st)
		}
	}
	return out
}

func TestSeedBriefingMoves(t *testing.T) {
	s := startServer(t)
	stories := readCorpus(t, s)
	tests := []struct {
		move  string
		terms []string
	}{
		{"MARA stake in Exaion", []string{"MARA Holdings", "Exaion", "64%"}},
		{"Bitdeer sells its bitcoin treasury", []string{"Bitdeer", "sold all of the bitcoin", "AI"}},
		{"Google hub in Visakhapatnam", []string{"Google", "Visakhapatnam", "US$1.5 billion"}},
		{"Reliance AI data centres", []string{"Reliance Industries", "$110 billion", "gigawatts"}},
		{"Mistral project in Sweden", []string{"Mistral", "Sweden", "€1.2bn"}},
		{"Presight–Shorooq AI fund", []string{"Presight", "Shorooq", "$100 million"}},
		{"Revel hardware testing round", []string{"Revel", "$150 million"}},
		{"Nvidia photonics investment", []string{"Nvidia", "$4 billion", "photonics"}},
		{"Ayar Labs optical I/O round", []string{"Ayar Labs", "$500 million", "optical I/O"}},
		{"Nvidia invests in Lumentum", []string{"Nvidia", "Lumentum", "$2 billion"}},
		{"Vertical Compute AI memory round", []string{"Vertical Compute", "€37m", "memory"}},
	}
	for _, tt := range tests {
		t.Run(tt.move, func(t *testing.T) {
			if got := storiesWith(stories, tt.terms...); len(got) == 0 {
				t.Errorf("no story mentions all of %q", tt.terms)
			}
		})
	}
	vc := storiesWith(stories, "Vertical Compute", "€37m")
	if len(vc) == 0 || vc[0].published.UTC().Format(time.DateOnly) != "2026-03-04" {
		t.Errorf("the Vertical Compute story should be dated 2026-03-04")
	}
}

// TestRetellings checks that some deals are told again by other outlets in
// other number formats, and that one outlet disagrees on an amount.
func TestRetellings(t *testing.T) {
	s := startServer(t)
	stories := readCorpus(t, s)
	tests := []struct {
		deal string
		a, b []string
	}{
		{"Google Visakhapatnam", []string{"Visakhapatnam", "US$1.5 billion"}, []string{"Visakhapatnam", "$1.5bn"}},
		{"Vertical Compute", []string{"Vertical Compute", "€37m"}, []string{"Vertical Compute", "EUR 37 million"}},
		{"Revel, conflicting amounts", []string{"Revel", "$150 million"}, []string{"Revel", "$160 million"}},
	}
	for _, tt := range tests {
		t.Run(tt.deal, func(t *testing.T) {
			a, b := storiesWith(stories, tt.a...), storiesWith(stories, tt.b...)
			if len(a) == 0 || len(b) == 0 {
				t.Fatalf("want stories with %q and with %q, got %d and %d", tt.a, tt.b, len(a), len(b))
			}
			if a[0].outlet == b[0].outlet {
				t.Errorf("both tellings are from %s; want two outlets", a[0].outlet)
			}
		})
	}
}

// wordSimilarity is the Jaccard similarity of the two texts' word sets.
func wordSimilarity(a, b string) float64 {
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '$' || r == '%')
		}) {
			m[w] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	inter := 0
	for w := range sa {
		if sb[w] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// TestSyndicatedGroup checks that the wire story republished by other
// outlets forms the one group of near duplicates in the corpus.
func TestSyndicatedGroup(t *testing.T) {
	s := startServer(t)
	stories := readCorpus(t, s)
	group := map[string]bool{"acw-2026-0209-tanjong": true, "dcl-2026-0209-tanjong-wire": true, "mc-2026-0210-tanjong-wire": true}
	found := 0
	for i, a := range stories {
		if group[a.id] {
			found++
		}
		for _, b := range stories[i+1:] {
			sim := wordSimilarity(a.text, b.text)
			inGroup := group[a.id] && group[b.id]
			if inGroup && sim < 0.8 {
				t.Errorf("syndicated copies %s and %s: similarity %.2f, want >= 0.8", a.id, b.id, sim)
			}
			if !inGroup && sim >= 0.5 {
				t.Errorf("unrelated stories %s and %s: similarity %.2f, want < 0.5", a.id, b.id, sim)
			}
			if inGroup && a.text == b.text {
				t.Errorf("syndicated copies %s and %s are identical; want small edits", a.id, b.id)
			}
		}
	}
	if found != len(group) {
		t.Errorf("found %d of the %d syndicated copies", found, len(group))
	}
}

func TestConditionalGet(t *testing.T) {
	s := startServer(t)
	for _, path := range []string{"/dcledger/feed.rss", "/continental-bytes/feed.json", "/dcledger/2026/01/mara-exaion-stake.html", "/robots.txt"} {
		t.Run(path, func(t *testing.T) {
			resp, _ := get(t, s.URL()+path, nil)
			etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
			if resp.StatusCode != http.StatusOK || etag == "" || lm == "" {
				t.Fatalf("first GET: status %d, ETag %q, Last-Modified %q", resp.StatusCode, etag, lm)
			}
			for name, h := range map[string]http.Header{
				"If-None-Match":     {"If-None-Match": {etag}},
				"If-Modified-Since": {"If-Modified-Since": {lm}},
			} {
				resp, body := get(t, s.URL()+path, h)
				if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
					t.Errorf("%s: status %d with %d bytes, want 304 and no body", name, resp.StatusCode, len(body))
				}
			}
			resp, _ = get(t, s.URL()+path, http.Header{"If-None-Match": {`"stale"`}})
			if resp.StatusCode != http.StatusOK {
				t.Errorf("stale ETag: status %d, want 200", resp.StatusCode)
			}
		})
	}
}

func TestRoutes(t *testing.T) {
	s := startServer(t)
	tests := []struct {
		method, path string
		status       int
		contentType  string
	}{
		{"GET", "/robots.txt", 200, "text/plain"},
		{"GET", "/", 200, "text/html"},
		{"GET", "/acw/feed.rdf", 200, "application/rdf+xml"},
		{"HEAD", "/photon-die/feed.atom", 200, "application/atom+xml"},
		{"GET", "/nowhere.html", 404, ""},
		{"POST", "/dcledger/feed.rss", 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, _ := http.NewRequestWithContext(t.Context(), tt.method, s.URL()+tt.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.contentType) {
				t.Errorf("status %d, Content-Type %q; want %d, %q", resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, tt.contentType)
			}
		})
	}
	_, body := get(t, s.URL()+"/robots.txt", nil)
	if !strings.Contains(string(body), "User-agent: *\nAllow: /") {
		t.Errorf("robots.txt does not allow all: %q", body)
	}
}

// TestFeedLinksResolve checks every absolute link in every feed, and every
// source, against the server.
func TestFeedLinksResolve(t *testing.T) {
	s := startServer(t)
	linkRE := regexp.MustCompile(regexp.QuoteMeta(s.URL()) + `[^"<\s]*`)
	seen := map[string]bool{}
	for _, src := range s.Sources() {
		seen[src.URL] = true
		if src.Kind != pulse.SourceFeed {
			continue
		}
		_, body := get(t, src.URL, nil)
		for _, l := range linkRE.FindAllString(string(body), -1) {
			seen[l] = true
		}
	}
	if len(seen) < 50 {
		t.Errorf("only %d distinct links found", len(seen))
	}
	for l := range seen {
		if resp, _ := get(t, l, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", l, resp.StatusCode)
		}
	}
}

func TestSources(t *testing.T) {
	s := startServer(t)
	kinds := map[pulse.SourceKind]int{}
	for _, src := range s.Sources() {
		kinds[src.Kind]++
		if !src.Kind.Valid() || src.Title == "" || !strings.HasPrefix(src.URL, s.URL()+"/") {
			t.Errorf("bad source %+v", src)
		}
	}
	if kinds[pulse.SourceFeed] < 4 || kinds[pulse.SourcePage] != 2 {
		t.Errorf("sources by kind = %v, want at least 4 feeds and 2 pages", kinds)
	}
}

// TestPageBoilerplate checks that every article page carries its outlet's
// furniture, and that the money headlines in that furniture name deals found
// nowhere in the stories, so a leak into extraction is easy to see.
func TestPageBoilerplate(t *testing.T) {
	s := startServer(t)
	c := s.Corpus()
	var all strings.Builder
	for _, it := range c.Items {
		all.WriteString(it.Title + "\n" + it.Summary + "\n" + it.Text() + "\n")
	}
	for _, it := range c.Items {
		_, body := get(t, s.URL()+it.Path(), nil)
		page := string(body)
		for _, want := range []string{`<html lang="` + it.Outlet.Lang + `"`, "cookie-banner", `class="main-nav"`, "Most read", "Related: ", "Advertisement", "All rights reserved", `<article>`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: page lacks %q", it.Path(), want)
			}
		}
	}
	for _, o := range c.Outlets {
		for _, h := range append(slices.Clone(o.Related), o.MostRead...) {
			name := strings.Join(strings.Fields(h)[:2], " ")
			if strings.Contains(all.String(), strings.TrimSuffix(name, "'s")) {
				t.Errorf("%s: sidebar headline %q names %q, which also appears in the stories", o.Slug, h, name)
			}
		}
	}
}

func TestCloseAndCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	s, err := Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get(s.URL() + "/robots.txt")
		if err != nil {
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still answers after its context was cancelled")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close after cancel: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestParseItemErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"no colon", "id x\n\nbody"},
		{"unknown header", "id: a\nfoo: b\n\nbody"},
		{"bad date", "id: a\ntitle: t\nauthor: x\npublished: yesterday\n\nbody"},
		{"no body", "id: a\ntitle: t\nauthor: x\npublished: 2026-01-05T10:00:00Z\n"},
		{"no title", "id: a\nauthor: x\npublished: 2026-01-05T10:00:00Z\n\nbody"},
		{"long summary", "id: a\ntitle: t\nauthor: x\npublished: 2026-01-05T10:00:00Z\nsummary: " + strings.Repeat("word ", 50) + "\n\nbody"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parseItem(tt.in); err == nil {
				t.Errorf("parseItem(%q) succeeded, want an error", tt.in)
			}
		})
	}
}

func FuzzParseItem(f *testing.F) {
	c, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	for _, it := range c.Items[:5] {
		b, err := Files.ReadFile("corpus/items/" + it.Outlet.Slug + "/" + it.Slug + ".txt")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, in string) {
		it, err := parseItem(in)
		if err != nil {
			return
		}
		if it.ID == "" || it.Title == "" || it.Published.IsZero() || len(it.Paragraphs) == 0 {
			t.Errorf("parseItem(%q) = %+v without its required fields", in, it)
		}
	})
}

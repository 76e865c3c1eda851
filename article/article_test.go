package article

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

// pageCase is one hand-written page in testdata/pages with what must and
// must not end up in its text.
type pageCase struct {
	file, url, contentType string
	mustHave, mustNotHave  []string
}

var pageCases = []pageCase{
	{
		file: "news.html", url: "https://www.datacenterledger.example/news/2026/03/kestrel-compute-series-b?utm_source=rss",
		contentType: "text/html; charset=utf-8",
		mustHave:    []string{"raised $120 million in a Series B round led by Ridgeway Capital", "Ridgeway Capital partner Lionel Okafor"},
		mustNotHave: []string{"Zypheron", "Orbitra", "Vantor", "Helix", "Brightwater", "Lumora", "Northwind", "Quillon",
			"Subscribe", "Most read", "All rights reserved", "cookies", "Share on", "dataLayer", "font-family"},
	},
	{
		file: "blog.html", url: "https://gridnotes.example/2026/02/miners-ai-landlords/?ref=hn",
		contentType: "text/html",
		mustHave:    []string{"Bitcoin miners spent a decade", "expect the ones without a signed tenant to struggle"},
		mustNotHave: []string{"Zypheron", "Helix Grid raises", "Vantor Cooling raises", "Blogroll", "Archive", "static site generator"},
	},
	{
		file: "latin1.html", url: "https://technikwoche.example/it/nordlicht",
		contentType: "text/html", // the charset is only in the page's <meta>
		mustHave:    []string{"Förde Kapital", "Geschäftsführerin Jana Köhler", "größer als erwartet"},
		mustNotHave: []string{"Südwind", "Meistgelesen", "Impressum", "Startseite"},
	},
	{
		file: "brief.html", url: "https://wire.example/briefs/4411",
		contentType: "text/html",
		mustHave:    []string{"Sable Ventures has invested $8 million in Pine Hollow"},
		mustNotHave: []string{"updated hourly"},
	},
}

// goldenPage is Page with a stable JSON rendering.
type goldenPage struct {
	Title        string `json:"title"`
	Author       string `json:"author"`
	SiteName     string `json:"site_name"`
	Lang         string `json:"lang"`
	CanonicalURL string `json:"canonical_url"`
	Published    string `json:"published"`
	Text         string `json:"text"`
}

func TestFromHTMLGolden(t *testing.T) {
	for _, tc := range pageCases {
		t.Run(tc.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", "pages", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := FromHTML(body, tc.url, tc.contentType)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.mustHave {
				if !strings.Contains(p.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, p.Text)
				}
			}
			for _, s := range tc.mustNotHave {
				if strings.Contains(p.Text, s) {
					t.Errorf("boilerplate %q leaked into text:\n%s", s, p.Text)
				}
			}
			if !utf8.ValidString(p.Text) || !utf8.ValidString(p.Title) {
				t.Error("text is not valid UTF-8")
			}
			g := goldenPage{p.Title, p.Author, p.SiteName, p.Lang, p.CanonicalURL, "", p.Text}
			if !p.Published.IsZero() {
				g.Published = p.Published.Format(time.RFC3339)
			}
			got, _ := json.MarshalIndent(g, "", "  ")
			got = append(got, '\n')
			golden := filepath.Join("testdata", "pages", strings.TrimSuffix(tc.file, ".html")+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if string(got) != string(want) {
				t.Errorf("FromHTML(%s) differs from %s (run with -update to accept):\ngot:\n%s\nwant:\n%s", tc.file, golden, got, want)
			}
		})
	}
}

func TestFromHTMLNoText(t *testing.T) {
	for _, body := range []string{"", "<html><body></body></html>", "<script>alert(1)</script>", "\x00\x01\x02"} {
		if p, err := FromHTML([]byte(body), "https://example.com/", "text/html"); err == nil && p.Text != "" {
			t.Errorf("FromHTML(%q) = %+v, want an error or no text", body, p)
		}
	}
}

func BenchmarkFromHTML(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("testdata", "pages", "news.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := FromHTML(body, "https://example.com/news/a", "text/html; charset=utf-8"); err != nil {
			b.Fatal(err)
		}
	}
}

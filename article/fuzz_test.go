package article

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func FuzzFromHTML(f *testing.F) {
	for _, tc := range pageCases {
		if b, err := os.ReadFile(filepath.Join("testdata", "pages", tc.file)); err == nil {
			f.Add(b, tc.contentType)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		p, err := FromHTML(body, "https://example.com/a", contentType)
		if err != nil {
			return
		}
		if p.Text == "" || !utf8.ValidString(p.Text) || !utf8.ValidString(p.Title) {
			t.Fatalf("FromHTML returned empty or invalid text: %q", p.Text)
		}
	})
}

func FuzzCanonicalURL(f *testing.F) {
	f.Add("https://Example.com:443/a?utm_source=x&b=2&a=1#f")
	f.Fuzz(func(t *testing.T, raw string) {
		once := CanonicalURL(raw)
		if twice := CanonicalURL(once); twice != once {
			t.Fatalf("not idempotent: %q -> %q -> %q", raw, once, twice)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	f.Add("Mon, 02 Jan 2006 15:04:05 GMT")
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok && (d.Year() < 1970 || d.Year() > 2100) {
			t.Fatalf("ParseDate(%q) = %v, outside the sane range", s, d)
		}
	})
}

func FuzzHTMLToText(f *testing.F) {
	f.Add("<p>One</p><br><script>x</script>&amp;")
	f.Fuzz(func(t *testing.T, s string) {
		out := HTMLToText(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("HTMLToText produced invalid UTF-8 from valid input")
		}
	})
}

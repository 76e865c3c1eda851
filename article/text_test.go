package article

import (
	"testing"
	"time"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text", "Kestrel raises $120M", "Kestrel raises $120M"},
		{"entities", "Caf&eacute; &amp; Co. raises &#36;5M &ndash; &quot;seed&quot;", "Café & Co. raises $5M – \"seed\""},
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"div and headings", "<h2>Deal</h2><div>Body <b>bold</b> text</div>", "Deal\n\nBody bold text"},
		{"br is a line break", "Line one<br>Line two<br/>Line three", "Line one\nLine two\nLine three"},
		{"lists", "<ul><li>First</li><li>Second</li></ul>", "First\n\nSecond"},
		{"script and style dropped", "<p>Keep</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>this</p>", "Keep\n\nthis"},
		{"nested skipped", "<noscript><p>enable js</p></noscript>Text", "Text"},
		{"whitespace collapsed", "<p>  a \n\t b  </p>\n\n\n<p>c</p>", "a b\n\nc"},
		{"inline tags join", "Ridge<span>way</span> Capital", "Ridgeway Capital"},
		{"table cells spaced", "<table><tr><td>Round</td><td>$5M</td></tr></table>", "Round $5M"},
		{"unclosed tags", "<p>open <b>bold", "open bold"},
		{"comments dropped", "a<!-- hidden -->b", "ab"},
		{"empty", "", ""},
		{"title in feed", "<![CDATA[x]]>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLToText(tt.in); got != tt.want {
				t.Errorf("HTMLToText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://Example.COM/Path?b=2&a=1#frag", "https://example.com/Path?a=1&b=2"},
		{"http://example.com:80/a", "http://example.com/a"},
		{"https://example.com:443/a", "https://example.com/a"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"https://example.com", "https://example.com/"},
		{"https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x&id=7", "https://example.com/a?id=7"},
		{"https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=5&msclkid=6", "https://example.com/a"},
		{"https://example.com/a?UTM_Source=x&page=2", "https://example.com/a?page=2"},
		{"https://example.com/a?", "https://example.com/a"},
		{"https://example.com/a?q=hello%20world&tag=a+b", "https://example.com/a?q=hello+world&tag=a+b"},
		{"https://[::1]:443/x", "https://[::1]/x"},
		{"  https://example.com/a  ", "https://example.com/a"},
		{"/relative/path", "/relative/path"},
		{"mailto:someone@example.com", "mailto:someone@example.com"},
		{"not a url", "not a url"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := CanonicalURL(tt.want); got != tt.want {
			t.Errorf("CanonicalURL is not idempotent on %q: %q", tt.want, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, hh, mm, ss int) time.Time {
		return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		{"Mon, 02 Jan 2006 15:04:05 GMT", utc(2006, 1, 2, 15, 4, 5)},
		{"Mon, 02 Jan 2006 15:04:05 +0100", utc(2006, 1, 2, 14, 4, 5)},
		{"Mon, 2 Jan 2006 15:04 EST", utc(2006, 1, 2, 20, 4, 0)},
		{"Mon, 02 Jan 2006 15:04:05 PDT", utc(2006, 1, 2, 22, 4, 5)},
		{"02 Jan 2006 15:04:05 -0700", utc(2006, 1, 2, 22, 4, 5)},
		{"Mon, 02 Jan 06 15:04:05 +0000", utc(2006, 1, 2, 15, 4, 5)},
		{"Tue, 03 Mar 2026 09:00:00 +00:00", utc(2026, 3, 3, 9, 0, 0)},
		{"Tue, 03 Mar 2026 09:00:00 GMT+2", utc(2026, 3, 3, 7, 0, 0)},
		{"Tue, 03 Mar 2026 09:00:00 UT", utc(2026, 3, 3, 9, 0, 0)},
		{"Tue, 03 Mar 2026 09:00:00 +0000 (UTC)", utc(2026, 3, 3, 9, 0, 0)},
		{"Mon Jan 2 15:04:05 -0700 2006", utc(2006, 1, 2, 22, 4, 5)},
		{"2026-03-03T14:20:00Z", utc(2026, 3, 3, 14, 20, 0)},
		{"2026-03-03T14:20:00.123+01:00", time.Date(2026, 3, 3, 13, 20, 0, 123e6, time.UTC)},
		{"2026-03-03T14:20:00+0100", utc(2026, 3, 3, 13, 20, 0)},
		{"2026-03-03T14:20", utc(2026, 3, 3, 14, 20, 0)},
		{"2026-03-03 14:20:00", utc(2026, 3, 3, 14, 20, 0)},
		{"2026-03-03", utc(2026, 3, 3, 0, 0, 0)},
		{"2026/03/03", utc(2026, 3, 3, 0, 0, 0)},
		{"03.03.2026", utc(2026, 3, 3, 0, 0, 0)},
		{"January 2, 2006", utc(2006, 1, 2, 0, 0, 0)},
		{"Jan. 2, 2006", utc(2006, 1, 2, 0, 0, 0)},
		{"March 3rd, 2026", utc(2026, 3, 3, 0, 0, 0)},
		{"Mar 3, 2026", utc(2026, 3, 3, 0, 0, 0)},
		{"Sept 3, 2026", utc(2026, 9, 3, 0, 0, 0)},
		{"March 3, 2026 at 4:05 PM", utc(2026, 3, 3, 16, 5, 0)},
		{"2 Jan 2006", utc(2006, 1, 2, 0, 0, 0)},
		{"2 January 2006", utc(2006, 1, 2, 0, 0, 0)},
		{"3/4/2026", utc(2026, 3, 4, 0, 0, 0)},
		{"25/12/2025", utc(2025, 12, 25, 0, 0, 0)},
		{"Seg, 24 Set 2018 19:42:40 -0300", utc(2018, 9, 24, 22, 42, 40)},
		{"24 de setembro de 2018", utc(2018, 9, 24, 0, 0, 0)},
		{"3 mars 2026", utc(2026, 3, 3, 0, 0, 0)},
		{"3. März 2026", utc(2026, 3, 3, 0, 0, 0)},
		{"1772547600", utc(2026, 3, 3, 14, 20, 0)},
		{"1772547600000", utc(2026, 3, 3, 14, 20, 0)},
		{"20260303", utc(2026, 3, 3, 0, 0, 0)},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "$50M on March", "31/31/2026", "2026-13-01", "1899-01-01", "12345", "Mar", "99999999999999999999"} {
		if got, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) = %v, want failure", bad, got)
		}
	}
}

func TestLang(t *testing.T) {
	tests := []struct{ text, hint, want string }{
		{"anything", "en-US", "en"},
		{"anything", "pt_BR", "pt"},
		{"anything", "zh-cn", "zh"},
		{"The company said that it has raised the money for its new data center in Texas.", "", "en"},
		{"Das Unternehmen hat die Runde mit einem Investor abgeschlossen und wird das Geld für den Bau nutzen.", "", "de"},
		{"La société a levé des fonds pour construire un centre de données dans le nord et elle est soutenue par les investisseurs.", "", "fr"},
		{"La empresa ha recaudado el dinero para construir un centro de datos y los inversores del fondo también participaron.", "", "es"},
		{"A empresa captou o dinheiro para construir um centro de dados e os investidores do fundo também participaram da rodada.", "", "pt"},
		{"Kestrel $120M", "", ""},
		{"text", "not a language", ""},
	}
	for _, tt := range tests {
		if got := Lang(tt.text, tt.hint); got != tt.want {
			t.Errorf("Lang(%q, %q) = %q, want %q", tt.text, tt.hint, got, tt.want)
		}
	}
}

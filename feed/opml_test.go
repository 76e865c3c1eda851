package feed

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

const nestedOPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Data centers">
      <outline type="rss" text="Ledger" title="Data Center Ledger" xmlUrl="https://ledger.example/feed" htmlUrl="https://ledger.example/"/>
      <outline text="Power">
        <outline type="rss" text="Grid Notes" xmlUrl="https://gridnotes.example/index.xml"/>
      </outline>
    </outline>
    <outline type="rss" text="Ledger again" xmlUrl="https://ledger.example/feed" htmlUrl="https://ledger.example/"/>
    <outline text="A page to watch" htmlUrl="https://wire.example/briefs"/>
    <outline text="Empty folder"/>
    <outline text="R&amp;D &amp; Deals" xmlUrl="https://rd.example/rss"/>
  </body>
</opml>`

func TestParseOPML(t *testing.T) {
	got, err := ParseOPML(strings.NewReader(nestedOPML))
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{Title: "Data Center Ledger", XMLURL: "https://ledger.example/feed", HTMLURL: "https://ledger.example/"},
		{Title: "Grid Notes", XMLURL: "https://gridnotes.example/index.xml"},
		{Title: "A page to watch", HTMLURL: "https://wire.example/briefs"},
		{Title: "R&D & Deals", XMLURL: "https://rd.example/rss"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseOPML =\n%+v\nwant\n%+v", got, want)
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	in := []Outline{
		{Title: "Data Center Ledger", XMLURL: "https://ledger.example/feed?a=1&b=2", HTMLURL: "https://ledger.example/"},
		{Title: `Quotes "and" <angles>`, XMLURL: "https://q.example/rss"},
		{Title: "Page only", HTMLURL: "https://wire.example/briefs"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "Funding Pulse sources", in); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), `<?xml version="1.0" encoding="UTF-8"?>`) || !strings.Contains(buf.String(), `<title>Funding Pulse sources</title>`) {
		t.Errorf("output:\n%s", buf.String())
	}
	out, err := ParseOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(out, in) {
		t.Errorf("round trip =\n%+v\nwant\n%+v", out, in)
	}
}

func TestParseOPMLErrors(t *testing.T) {
	tests := []struct {
		name, doc string
		notOPML   bool
	}{
		{"empty", "", true},
		{"rss", `<rss version="2.0"><channel/></rss>`, true},
		{"truncated", `<opml version="2.0"><body><outline text="a"`, false},
		{"mismatched", `<opml><body><outline></body></opml>`, false},
		{"not xml", `{"json": true}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := ParseOPML(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatalf("ParseOPML = %+v, want an error", out)
			}
			if !strings.HasPrefix(err.Error(), "parse opml: ") {
				t.Errorf("error %q lacks context", err)
			}
			if tt.notOPML && !errors.Is(err, ErrNotOPML) {
				t.Errorf("err = %v, want ErrNotOPML", err)
			}
		})
	}
}

func TestParseOPMLLatin1(t *testing.T) {
	doc := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml version=\"1.0\"><body><outline text=\"Not\xedcias\" xmlUrl=\"https://n.example/rss\"/></body></opml>"
	out, err := ParseOPML(strings.NewReader(doc))
	if err != nil || len(out) != 1 || out[0].Title != "Notícias" {
		t.Fatalf("ParseOPML = %+v, %v", out, err)
	}
}

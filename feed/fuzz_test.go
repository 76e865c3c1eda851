package feed

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add(benchFeed())
	f.Fuzz(func(t *testing.T, body []byte) {
		feed, err := Parse(body)
		if err != nil {
			return
		}
		for _, e := range feed.Entries {
			if !utf8.ValidString(e.Title) || !utf8.ValidString(e.Content) || !utf8.ValidString(e.Author) {
				t.Fatalf("invalid UTF-8 in entry %+v", e)
			}
		}
		_ = Sniff(body, "")
	})
}

func FuzzParseOPML(f *testing.F) {
	f.Add([]byte(nestedOPML))
	f.Fuzz(func(t *testing.T, body []byte) {
		out, err := ParseOPML(bytes.NewReader(body))
		if err != nil {
			return
		}
		// What was read can be written back.
		var buf bytes.Buffer
		if err := WriteOPML(&buf, "t", out); err != nil {
			t.Fatalf("WriteOPML after ParseOPML: %v", err)
		}
	})
}

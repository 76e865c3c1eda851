package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/fundingpulse/pulse/config"
)

func TestSourcesAndOPML(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(file, []byte("A title\nSome text."), 0o644); err != nil {
		t.Fatal(err)
	}
	opml := filepath.Join(t.TempDir(), "in.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Tech"><outline type="rss" text="Wire A" xmlUrl="https://a.example/feed.xml"/>
<outline type="rss" text="Wire B" xmlUrl="https://b.example/atom"/></outline>
<outline type="rss" text="Not a URL" xmlUrl="javascript:alert(1)"/></body></opml>`), 0o644)

	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"add feed", []string{"sources", "add", "https://news.example/rss"}, 0, "added source 1: https://news.example/rss (feed)", ""},
		{"add page", []string{"sources", "add", "--kind", "page", "https://news.example/story"}, 0, "(page)", ""},
		{"add file", []string{"sources", "add", file}, 0, "(file)", ""},
		{"duplicate", []string{"sources", "add", "https://news.example/rss"}, 1, "", "already"},
		{"missing file", []string{"sources", "add", "/no/such/file.txt"}, 1, "", "no such file"},
		{"bad kind", []string{"sources", "add", "--kind", "tv", "https://x.example"}, 2, "", "--kind"},
		{"import", []string{"import", "opml", opml}, 0, "imported 2 feeds (1 already present or invalid)", "skipping"},
		{"import again", []string{"import", "opml", opml}, 0, "imported 0 feeds (3 already present or invalid)", ""},
		{"import junk", []string{"import", "opml", file}, 1, "", "read"},
		{"list", []string{"sources", "list"}, 0, "https://b.example/atom", ""},
		{"remove", []string{"sources", "remove", "2"}, 0, "removed source 2", ""},
		{"remove missing", []string{"sources", "remove", "2"}, 1, "", "not found"},
		{"remove bad id", []string{"sources", "remove", "two"}, 2, "", "not a source ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runPulse(t, data, "", tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(strings.ToLower(errOut), strings.ToLower(tt.err)) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s\nwant stdout ⊇ %q, stderr ⊇ %q", code, tt.code, out, errOut, tt.out, tt.err)
			}
		})
	}

	code, out, _ := runPulse(t, data, "", "export", "opml")
	if code != 0 || !strings.Contains(out, `xmlUrl="https://a.example/feed.xml"`) || !strings.Contains(out, `xmlUrl="https://news.example/rss"`) || strings.Contains(out, "news.example/story") {
		t.Errorf("export: exit %d\n%s", code, out)
	}
}

func TestEntitiesAlias(t *testing.T) {
	data := t.TempDir()
	cfg := config.Default()
	cfg.DataDir = data
	s, err := openStore(t.Context(), &cli{cfg: cfg})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.ResolveEntity(t.Context(), "MARA Holdings")
	b, _ := s.ResolveEntity(t.Context(), "Marathon Digital Holdings")
	s.Close()
	if a.ID == b.ID {
		t.Fatal("distinct names resolved to one entity before any alias")
	}
	code, out, errOut := runPulse(t, data, "", "entities", "alias", strconv.FormatInt(a.ID, 10), "Marathon Digital Holdings")
	if code != 0 || !strings.Contains(out, "Marathon Digital Holdings") {
		t.Fatalf("alias: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runPulse(t, data, "", "entities", "list", "mara")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "MARA Holdings") {
		t.Errorf("after merging, one entity should carry both names:\n%s", out)
	}
	if code, _, errOut := runPulse(t, data, "", "entities", "alias", "999", "X"); code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("alias of a missing entity: exit %d, %s", code, errOut)
	}
}

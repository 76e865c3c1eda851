package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/config"
	"github.com/fundingpulse/pulse/web"
)

// TestServeQueuedIngest runs the real pipeline behind the web server: a
// fetch asked over the API is queued, runs in the background and reports
// what the pass added.
func TestServeQueuedIngest(t *testing.T) {
	ctx := t.Context()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	c := &cli{cfg: cfg, stdout: io.Discard, stderr: io.Discard, log: slog.New(slog.DiscardHandler)}
	s, err := openStore(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	note := filepath.Join(t.TempDir(), "note.txt")
	text := "Harrow Compute raises $18 million\nHarrow Compute, a London-based operator of liquid-cooled GPU halls, " +
		"raised $18 million in a Series A round led by Fenwick Road Capital, the company said on Friday."
	if err := os.WriteFile(note, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	src := &pulse.Source{Kind: pulse.SourceFile, URL: note}
	if err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateToken(ctx, &pulse.Token{Name: "ops", Hash: web.HashToken("ops-secret")}); err != nil {
		t.Fatal(err)
	}
	in, err := newIngester(c, s)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := startServer(c, s, in, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	}()

	do := func(method, path, body string) (*http.Response, map[string]any) {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, method, srv.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer ops-secret")
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var v map[string]any
		if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		return res, v
	}
	res, job := do("POST", "/api/v1/ingest", `{"source_id":`+strconv.FormatInt(src.ID, 10)+`}`)
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusAccepted || job["status"] != "queued" || loc == "" {
		t.Fatalf("POST /api/v1/ingest = %d, Location %q: %v", res.StatusCode, loc, job)
	}
	deadline := time.Now().Add(30 * time.Second)
	for job["status"] == "queued" || job["status"] == "running" {
		if time.Now().After(deadline) {
			t.Fatalf("the pass did not finish: %v", job)
		}
		time.Sleep(20 * time.Millisecond)
		_, job = do("GET", loc, "")
	}
	result, _ := job["result"].(map[string]any)
	if job["status"] != "done" || result["sources"] != 1.0 || result["new_articles"] != 1.0 || result["new_deals"] != 1.0 {
		t.Errorf("finished job = %v", job)
	}
}

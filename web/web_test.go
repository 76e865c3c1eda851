package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/sqlite"
	"github.com/fundingpulse/pulse/storetest"
	"github.com/mmcdole/gofeed"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// response is what the tests look at of an HTTP answer.
type response struct {
	status int
	header http.Header
	body   string
}

func call(t *testing.T, client *http.Client, method, u, body string, header map[string]string) response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, u, rd)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if client == nil {
		client = noRedirect()
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header, string(b)}
}

func noRedirect() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func get(t *testing.T, u string) response {
	t.Helper()
	return call(t, nil, http.MethodGet, u, "", nil)
}

func bearer(token string) map[string]string {
	return map[string]string{"Authorization": "Bearer " + token, "Content-Type": "application/json"}
}

// wantProblem checks an RFC 9457 answer: status, media type, fields, and a
// detail containing want.
func wantProblem(t *testing.T, r response, status int, want string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body: %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Fatalf("Content-Type = %q, want application/problem+json", ct)
	}
	var p problemDoc
	if err := json.Unmarshal([]byte(r.body), &p); err != nil {
		t.Fatalf("problem document: %v; body: %s", err, r.body)
	}
	if p.Type == "" || p.Title == "" || p.Status != status || !strings.Contains(p.Detail, want) {
		t.Fatalf("problem = %+v, want status %d and detail containing %q", p, status, want)
	}
}

// openAPIDoc is the part of the OpenAPI document the tests read.
type openAPIDoc struct {
	OpenAPI string                                `json:"openapi"`
	Info    struct{ Title, Version string }       `json:"info"`
	Paths   map[string]map[string]json.RawMessage `json:"paths"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc openAPIDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("openapi.json is not valid JSON: %v", err)
	}
	return doc
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	doc := loadOpenAPI(t)
	if !strings.HasPrefix(doc.OpenAPI, "3.") || doc.Info.Title == "" || doc.Info.Version == "" || len(doc.Paths) == 0 {
		t.Fatalf("openapi.json lacks openapi/info/paths: %+v", doc)
	}
	s := &Server{}
	documented := 0
	for _, rt := range append(s.routes(), route{pattern: "GET /metrics", kind: kindAPI}) {
		method, path, ok := strings.Cut(rt.pattern, " ")
		if !ok || (rt.kind != kindAPI && rt.kind != kindAPIAuth) {
			continue // pages and catch-alls are not part of the API
		}
		ops, ok := doc.Paths[path]
		if !ok {
			t.Errorf("route %q is not in openapi.json", rt.pattern)
			continue
		}
		if _, ok := ops[strings.ToLower(method)]; !ok {
			t.Errorf("route %q: openapi.json documents %s but not %s", rt.pattern, path, method)
		}
		documented++
	}
	if documented < 20 {
		t.Errorf("only %d API routes found in the route table", documented)
	}
}

// pathFor fills an OpenAPI path template with fixture values.
func pathFor(f *fixture, p string) string {
	id := "0"
	switch {
	case strings.HasPrefix(p, "/api/v1/deals/"):
		id = strconv.FormatInt(f.deals["lumora"].ID, 10)
	case strings.HasPrefix(p, "/api/v1/companies/"):
		id = strconv.FormatInt(f.deals["lumora"].CompanyID, 10)
	case strings.HasPrefix(p, "/api/v1/articles/"):
		id = strconv.FormatInt(f.articles[0].ID, 10)
	case strings.HasPrefix(p, "/api/v1/sources/"):
		id = strconv.FormatInt(f.sources[1].ID, 10)
	}
	p = strings.ReplaceAll(p, "{slug}", f.pulse.Slug)
	p = strings.ReplaceAll(p, "{id}", id)
	if p == "/api/v1/search" {
		p += "?q=Lumora"
	}
	return p
}

func TestEveryDocumentedPathAnswers(t *testing.T) {
	ts, f := newTestServer(t)
	doc := loadOpenAPI(t)
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			t.Run(strings.ToUpper(method)+" "+path, func(t *testing.T) {
				u := ts.URL + pathFor(f, path)
				var op struct{ Security []map[string][]string }
				if err := json.Unmarshal(ops[method], &op); err != nil {
					t.Fatal(err)
				}
				if len(op.Security) > 0 {
					// Operations behind a token must refuse an anonymous caller.
					r := call(t, nil, strings.ToUpper(method), u, "{}", map[string]string{"Content-Type": "application/json"})
					wantProblem(t, r, http.StatusUnauthorized, "token")
					return
				}
				if method == "get" {
					r := get(t, u)
					if r.status != http.StatusOK {
						t.Fatalf("GET %s = %d: %s", u, r.status, r.body)
					}
					if r.body == "" {
						t.Fatalf("GET %s: empty body", u)
					}
					return
				}
				t.Fatalf("%s %s: a write without security in openapi.json", strings.ToUpper(method), path)
			})
		}
	}
}

func TestDealsAPIFilters(t *testing.T) {
	ts, f := newTestServer(t)
	tests := []struct {
		name  string
		query string
		want  []string // deal short names, in order
	}{
		{"all newest first", "", []string{"hostile", "lumora", "kestrel", "tessera"}},
		{"oldest first", "sort=date", []string{"tessera", "kestrel", "lumora", "hostile"}},
		{"largest first", "sort=-amount", []string{"tessera", "kestrel", "lumora", "hostile"}},
		{"kind", "kind=acquisition", []string{"kestrel"}},
		{"two kinds, comma", "kind=debt,acquisition&sort=date", []string{"tessera", "kestrel"}},
		{"round", "round=series_b", []string{"lumora"}},
		{"sector", "sector=photonics", []string{"lumora"}},
		{"region", "region=europe&sort=date", []string{"kestrel", "hostile"}},
		{"amount range with suffix", "amount_min=100M&amount_max=500M&sort=date", []string{"kestrel", "lumora"}},
		{"date range", "from=2026-01-01&to=2026-02-10&sort=date", []string{"kestrel", "lumora"}},
		{"company", "company=lumora", []string{"lumora"}},
		{"investor", "investor=northwind&sort=date", []string{"lumora", "hostile"}},
		{"full text", "q=Tessera", []string{"tessera"}},
		{"nothing", "company=nobody", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, ts.URL+"/api/v1/deals?"+tt.query)
			if r.status != http.StatusOK {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			var l dealList
			if err := json.Unmarshal([]byte(r.body), &l); err != nil {
				t.Fatal(err)
			}
			var want []int64
			for _, n := range tt.want {
				want = append(want, f.deals[n].ID)
			}
			if got := dealIDs(l.Deals); !slices.Equal(got, want) {
				t.Fatalf("deals = %v, want %v", got, want)
			}
			if l.Total != len(want) {
				t.Errorf("total = %d, want %d", l.Total, len(want))
			}
			for _, d := range l.Deals {
				if len(d.Mentions) == 0 || d.Mentions[0].ArticleID == 0 || d.Mentions[0].Sentence == "" {
					t.Errorf("deal %d has no traceable mention: %+v", d.ID, d.Mentions)
				}
			}
		})
	}
}

func dealIDs(ds []*pulse.Deal) []int64 {
	var out []int64
	for _, d := range ds {
		out = append(out, d.ID)
	}
	return out
}

func TestDealsAPIPagination(t *testing.T) {
	ts, _ := newTestServer(t)
	var seen []int64
	next := ts.URL + "/api/v1/deals?limit=3"
	for range 3 {
		r := get(t, next)
		var l dealList
		if err := json.Unmarshal([]byte(r.body), &l); err != nil {
			t.Fatal(err)
		}
		seen = append(seen, dealIDs(l.Deals)...)
		if l.NextCursor == "" {
			break
		}
		next = ts.URL + "/api/v1/deals?limit=3&cursor=" + url.QueryEscape(l.NextCursor)
	}
	if len(seen) != 4 || len(slices.Compact(slices.Sorted(slices.Values(seen)))) != 4 {
		t.Fatalf("pages gave %v, want 4 distinct deals", seen)
	}
}

func TestBadFiltersAre400(t *testing.T) {
	ts, _ := newTestServer(t)
	tests := []struct{ query, want string }{
		{"amount_min=lots", "amount_min: want a number"},
		{"amount_max=-5", "amount_max: want a number"},
		{"amount_min=500M&amount_max=1M", "amount_max: must not be less than amount_min"},
		{"from=yesterday", "from: want a date"},
		{"to=2026-13-01", "to: want a date"},
		{"from=2026-03-01&to=2026-02-01", "to: must not be before from"},
		{"kind=lottery", `kind: unknown kind "lottery"`},
		{"round=series_z", "round: unknown round"},
		{"sector=tulips", "sector: unknown sector"},
		{"sort=random", "sort: want one of"},
		{"limit=0", "limit: want a whole number"},
		{"limit=100000", "limit: want a whole number"},
		{"cursor=bm90LWFuLW9mZnNldA", "cursor: not a cursor"},
		{"q=" + strings.Repeat("x", 300), "q: longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.query[:min(len(tt.query), 30)], func(t *testing.T) {
			for _, p := range []string{"/api/v1/deals?", "/deals.csv?"} {
				wantProblem(t, get(t, ts.URL+p+tt.query), http.StatusBadRequest, tt.want)
			}
			// The explorer shows the form again with the message.
			r := get(t, ts.URL+"/deals?"+tt.query)
			if r.status != http.StatusBadRequest || !strings.Contains(r.body, `role="alert"`) {
				t.Fatalf("/deals?%s = %d, want 400 with an alert", tt.query, r.status)
			}
		})
	}
	wantProblem(t, get(t, ts.URL+"/api/v1/search"), http.StatusBadRequest, "q: required")
	wantProblem(t, get(t, ts.URL+"/api/v1/pulses/ai-funding-pulse/briefing?version=x"), http.StatusBadRequest, "version:")
}

func TestOddSearchesAreNeverServerErrors(t *testing.T) {
	ts, _ := newTestServer(t)
	for _, q := range []string{`"unbalanced`, `AND`, `OR OR`, `*`, `(`, `)`, `NOT`, `a AND (b OR`, `"`, `-x`, `^`, `:`,
		`col:value`, `NEAR(a b)`, `'; DROP TABLE deals; --`, "\x00", `ä*`, `%`, `_`} {
		for _, p := range []string{"/api/v1/deals?q=", "/api/v1/search?q=", "/deals?q=", "/deals.csv?q=", "/api/v1/deals?company=", "/api/v1/deals?investor="} {
			r := get(t, ts.URL+p+url.QueryEscape(q))
			if r.status != http.StatusOK && r.status != http.StatusBadRequest {
				t.Errorf("GET %s%q = %d: %s", p, q, r.status, r.body)
			}
		}
	}
}

func TestNotFound(t *testing.T) {
	ts, _ := newTestServer(t)
	for _, p := range []string{"/api/v1/deals/999999", "/api/v1/deals/abc", "/api/v1/pulses/nope", "/api/v1/companies/999999",
		"/api/v1/articles/999999", "/api/v1/pulses/nope/briefing", "/api/v1/pulses/quiet-pulse/briefing", "/api/v1/nothing",
		"/pulses/nope/feed.atom"} {
		r := get(t, ts.URL+p)
		if r.status != http.StatusNotFound || !strings.HasPrefix(r.header.Get("Content-Type"), "application/problem+json") {
			t.Errorf("GET %s = %d %s, want a 404 problem", p, r.status, r.header.Get("Content-Type"))
		}
	}
	for _, p := range []string{"/nothing-here", "/deals/999999", "/companies/0", "/pulses/nope", "/pulses/ai-funding-pulse/versions/9"} {
		r := get(t, ts.URL+p)
		if r.status != http.StatusNotFound || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s = %d %s, want a 404 page", p, r.status, r.header.Get("Content-Type"))
		}
	}
}

func TestWritesNeedAToken(t *testing.T) {
	ts, f := newTestServer(t)
	src := `{"kind":"feed","url":"https://feeds.example.org/ai.xml","title":"AI feed"}`
	pls := `{"slug":"photonics-watch","name":"Photonics Watch","topic":"Optical links","query":{"sectors":["photonics"]}}`
	tests := []struct {
		name, method, path, body string
		header                   map[string]string
		status                   int
		want                     string
	}{
		{"no token", "POST", "/api/v1/sources", src, nil, 401, "token"},
		{"wrong scheme", "POST", "/api/v1/sources", src, map[string]string{"Authorization": "Basic abc"}, 401, "token"},
		{"unknown token", "POST", "/api/v1/sources", src, bearer("nope"), 401, "unknown API token"},
		{"add source", "POST", "/api/v1/sources", src, bearer(testToken), 201, ""},
		{"same source again", "POST", "/api/v1/sources", src, bearer(testToken), 409, ""},
		{"file source refused", "POST", "/api/v1/sources", `{"kind":"file","url":"/etc/passwd"}`, bearer(testToken), 400, "kind:"},
		{"bad url", "POST", "/api/v1/sources", `{"url":"javascript:alert(1)"}`, bearer(testToken), 400, "url:"},
		{"unknown field", "POST", "/api/v1/sources", `{"link":"https://a.example"}`, bearer(testToken), 400, "body:"},
		{"not json", "POST", "/api/v1/sources", `<xml/>`, bearer(testToken), 400, "body:"},
		{"delete source anonymously", "DELETE", fmt.Sprintf("/api/v1/sources/%d", f.sources[1].ID), "", nil, 401, "token"},
		{"delete source", "DELETE", fmt.Sprintf("/api/v1/sources/%d", f.sources[1].ID), "", bearer(testToken), 204, ""},
		{"delete it again", "DELETE", fmt.Sprintf("/api/v1/sources/%d", f.sources[1].ID), "", bearer(testToken), 404, ""},
		{"add pulse", "POST", "/api/v1/pulses", pls, bearer(testToken), 201, ""},
		{"bad pulse kind", "POST", "/api/v1/pulses", `{"slug":"x-y","name":"X","query":{"kinds":["nope"]}}`, bearer(testToken), 400, `unknown deal kind "nope"`},
		{"bad pulse slug", "POST", "/api/v1/pulses", `{"slug":"X Y","name":"X"}`, bearer(testToken), 400, "slug"},
		{"same pulse again", "POST", "/api/v1/pulses", pls, bearer(testToken), 409, "already exists"},
		{"delete pulse anonymously", "DELETE", "/api/v1/pulses/photonics-watch", "", nil, 401, "token"},
		{"delete pulse", "DELETE", "/api/v1/pulses/photonics-watch", "", bearer(testToken), 204, ""},
		{"ingest anonymously", "POST", "/api/v1/ingest", "", nil, 401, "token"},
		{"ingest all", "POST", "/api/v1/ingest", "", bearer(testToken), 202, ""},
		{"ingest one", "POST", "/api/v1/ingest", fmt.Sprintf(`{"source_id":%d}`, f.sources[0].ID), bearer(testToken), 202, ""},
		{"ingest missing source", "POST", "/api/v1/ingest", `{"source_id":999999}`, bearer(testToken), 404, ""},
	}
	for _, tt := range tests {
		r := call(t, nil, tt.method, ts.URL+tt.path, tt.body, tt.header)
		if r.status >= 400 {
			wantProblem(t, r, tt.status, tt.want)
		} else if r.status != tt.status {
			t.Errorf("%s: status = %d, want %d; body: %s", tt.name, r.status, tt.status, r.body)
		}
	}
	// The pass over every source runs first; the one-source request either
	// folded into it while it was queued or ran after it.
	waitFor(t, "the queued passes to run", func() bool { return len(f.ingestCalls()) > 0 })
	if got := f.ingestCalls(); got[0] != 0 || len(got) > 2 || (len(got) == 2 && got[1] != f.sources[0].ID) {
		t.Errorf("ingest calls = %v, want [0] or [0 %d]", got, f.sources[0].ID)
	}
	r := get(t, ts.URL+"/api/v1/sources")
	if !strings.Contains(r.body, "feeds.example.org/ai.xml") || strings.Contains(r.body, "broken.example.net") {
		t.Errorf("sources after writes: %s", r.body)
	}
}

func TestIngestUnavailableWithoutIngestFunc(t *testing.T) {
	ts, f := newTestServer(t)
	srv, err := New(Config{Store: f.store})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv
	wantProblem(t, call(t, nil, "POST", ts.URL+"/api/v1/ingest", "", bearer(testToken)), http.StatusServiceUnavailable, "not enabled")
}

// readCSV returns the CSV rows as maps from header to value.
func readCSV(t *testing.T, body string) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], csvHeader) {
		t.Fatalf("CSV header = %v", rows)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// sameDeals compares CSV rows with the JSON API's deals, field by field.
func sameDeals(t *testing.T, rows []map[string]string, deals []*pulse.Deal) {
	t.Helper()
	if len(rows) != len(deals) {
		t.Fatalf("CSV has %d rows, JSON %d deals", len(rows), len(deals))
	}
	for i, d := range deals {
		r := rows[i]
		want := csvRow(d)
		for j, h := range csvHeader {
			if r[h] != want[j] {
				t.Errorf("row %d %s: CSV %q, JSON gives %q", i, h, r[h], want[j])
			}
		}
		if r["id"] != strconv.FormatInt(d.ID, 10) || r["company"] != cell(d.Company) {
			t.Errorf("row %d = %v, deal %+v", i, r, d)
		}
	}
}

func TestCSVEqualsJSON(t *testing.T) {
	ts, _ := newTestServer(t)
	for _, q := range []string{"", "sort=-amount", "region=europe", "amount_min=50M&sort=company", "investor=Northwind", "kind=debt", "company=nobody",
		"limit=2", "limit=2&cursor=" + encodeCursor(2)} {
		t.Run(q, func(t *testing.T) {
			rj := get(t, ts.URL+"/api/v1/deals?"+q)
			var l dealList
			if err := json.Unmarshal([]byte(rj.body), &l); err != nil {
				t.Fatal(err)
			}
			rc := get(t, ts.URL+"/deals.csv?"+q)
			if rc.status != 200 || !strings.HasPrefix(rc.header.Get("Content-Type"), "text/csv") {
				t.Fatalf("CSV: %d %s", rc.status, rc.header.Get("Content-Type"))
			}
			sameDeals(t, readCSV(t, rc.body), l.Deals)
		})
	}
}

func TestCSVGolden(t *testing.T) {
	ts, f := newTestServer(t)
	rows, err := csv.NewReader(strings.NewReader(get(t, ts.URL+"/deals.csv?sort=date").body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// IDs depend on the store; name them so the file is stable.
	names := map[string]string{}
	for name, d := range f.deals {
		names[strconv.FormatInt(d.ID, 10)] = name
	}
	for i, a := range f.articles {
		names["a"+strconv.FormatInt(a.ID, 10)] = fmt.Sprintf("article%d", i)
	}
	for _, r := range rows[1:] {
		r[0] = names[r[0]]
		ids := strings.Split(r[16], ";")
		for i, id := range ids {
			ids[i] = names["a"+id]
		}
		r[16] = strings.Join(ids, ";")
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	golden(t, "deals.csv", b.String())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n got: %s\nwant: %s", name, got, want)
	}
}

func TestAtomFeedParses(t *testing.T) {
	ts, f := newTestServer(t)
	r := get(t, ts.URL+"/pulses/ai-funding-pulse/feed.atom")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed: %d %s", r.status, r.header.Get("Content-Type"))
	}
	feed, err := gofeed.NewParser().ParseString(r.body)
	if err != nil {
		t.Fatalf("the feed does not re-parse: %v\n%s", err, r.body)
	}
	if feed.FeedType != "atom" || feed.Title != "AI Funding Pulse" {
		t.Fatalf("feed type %q title %q", feed.FeedType, feed.Title)
	}
	links := map[string]bool{}
	ids := map[string]bool{}
	for _, it := range feed.Items {
		links[strings.TrimPrefix(it.Link, ts.URL)] = true
		if ids[it.GUID] {
			t.Errorf("duplicate entry id %q", it.GUID)
		}
		ids[it.GUID] = true
	}
	for _, want := range []string{
		fmt.Sprintf("/deals/%d", f.deals["lumora"].ID), fmt.Sprintf("/deals/%d", f.deals["hostile"].ID),
		"/pulses/ai-funding-pulse/versions/1", "/pulses/ai-funding-pulse/versions/2",
	} {
		if !links[want] {
			t.Errorf("feed has no entry linking %s; links: %v", want, links)
		}
	}
	if len(feed.Items) != 5 {
		t.Errorf("feed has %d entries, want 3 moves + 2 versions", len(feed.Items))
	}
	// A pulse without briefings still gives a valid, empty feed.
	if _, err := gofeed.NewParser().ParseString(get(t, ts.URL+"/pulses/quiet-pulse/feed.atom").body); err != nil {
		t.Errorf("empty feed: %v", err)
	}
}

// pages are the HTML pages of the fixture, for the tests that check all.
func pages(f *fixture) []string {
	return []string{
		"/", "/pulses/ai-funding-pulse", "/pulses/quiet-pulse", "/pulses/ai-funding-pulse/versions/1",
		"/pulses/ai-funding-pulse/versions/2", "/deals", "/deals?region=europe&sort=-amount",
		fmt.Sprintf("/deals/%d", f.deals["lumora"].ID), fmt.Sprintf("/deals/%d", f.deals["hostile"].ID),
		fmt.Sprintf("/companies/%d", f.deals["hostile"].CompanyID), fmt.Sprintf("/companies/%d", f.deals["lumora"].CompanyID),
		"/charts", "/sources", "/signin",
	}
}

func TestHostileTextIsEscaped(t *testing.T) {
	ts, f := newTestServer(t)
	for _, p := range pages(f) {
		r := get(t, ts.URL+p)
		if r.status != 200 {
			t.Fatalf("GET %s = %d", p, r.status)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "onerror=alert(1)>"} {
			if strings.Contains(r.body, bad) {
				t.Errorf("GET %s: page contains raw %q", p, bad)
			}
		}
	}
	deal := get(t, ts.URL+fmt.Sprintf("/deals/%d", f.deals["hostile"].ID)).body
	if !strings.Contains(deal, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("deal page does not show the company name escaped")
	}
	pulsePage := get(t, ts.URL+"/pulses/ai-funding-pulse").body
	if !strings.Contains(pulsePage, "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;") {
		t.Errorf("pulse page does not show the hostile article title escaped")
	}
}

// inlineCode finds what the Content-Security-Policy would block: inline
// scripts, style attributes and event handler attributes.
var inlineCode = regexp.MustCompile(`<script>|<script [^>]*>[^<]|<[a-zA-Z][^>]*\s(style|on[a-z]+)=`)

func TestPagesHaveNoInlineCodeAndSendCSP(t *testing.T) {
	ts, f := newTestServer(t)
	for _, p := range pages(f) {
		r := get(t, ts.URL+p)
		csp := r.header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("GET %s: CSP %q", p, csp)
		}
		if m := inlineCode.FindString(r.body); m != "" {
			t.Errorf("GET %s: inline code %q", p, m)
		}
		if !strings.Contains(r.body, `class="skip" href="#main"`) {
			t.Errorf("GET %s: no skip link", p)
		}
	}
}

func TestAssetsAreContentHashed(t *testing.T) {
	ts, _ := newTestServer(t)
	home := get(t, ts.URL+"/").body
	m := regexp.MustCompile(`/static/([0-9a-f]{12})/style\.css`).FindStringSubmatch(home)
	if m == nil {
		t.Fatal("no hashed stylesheet link on the home page")
	}
	r := get(t, ts.URL+m[0])
	if r.status != 200 || !strings.Contains(r.header.Get("Cache-Control"), "immutable") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Fatalf("stylesheet: %d %v", r.status, r.header)
	}
	if old := get(t, ts.URL+"/static/000000000000/style.css"); old.status != 200 || strings.Contains(old.header.Get("Cache-Control"), "immutable") {
		t.Errorf("stale hash: %d %q", old.status, old.header.Get("Cache-Control"))
	}
}

func TestPulsePage(t *testing.T) {
	ts, f := newTestServer(t)
	body := get(t, ts.URL+"/pulses/ai-funding-pulse").body
	for _, want := range []string{
		"Money moving into AI infrastructure",
		"Sources (4) · Updated Mar 1, 2026",
		`<a class="cite" href="#source-1" aria-label="source 1">[1]</a>`,
		`<li id="source-1" value="1">`,
		`<li id="source-4" value="4">`,
		fmt.Sprintf(`<a href="/deals/%d">Lumora Photonics raised $120M–$125M in a Series B led by Harbor Ventures</a>`, f.deals["lumora"].ID),
		`<h2 id="h-miners">Miners pivoting to AI data centers</h2>`,
		`href="/pulses/ai-funding-pulse/versions/1"`,
		`<span class="change change-added">1 added</span>`,
		`<span class="change change-amended">1 amended</span>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("pulse page lacks %q", want)
		}
	}
	// Markers in the text are replaced by the links, not shown twice.
	v1 := get(t, ts.URL+"/pulses/ai-funding-pulse/versions/1").body
	if strings.Contains(v1, "Harbor Ventures [1]") || !strings.Contains(v1, "First version") {
		t.Errorf("version 1 page: inline markers kept or no heading")
	}
	v2 := get(t, ts.URL+"/pulses/ai-funding-pulse/versions/2").body
	for _, want := range []string{"Changes since version 1", `<span class="change change-added">added</span>`,
		`<span class="change change-amended">amended</span>`, "<del class=\"muted\">Lumora Photonics raised $120M in a Series B"} {
		if !strings.Contains(v2, want) {
			t.Errorf("version 2 page lacks %q", want)
		}
	}
}

func TestDealPage(t *testing.T) {
	ts, f := newTestServer(t)
	body := get(t, ts.URL+fmt.Sprintf("/deals/%d", f.deals["lumora"].ID)).body
	for _, want := range []string{
		"Lumora Photonics said on Tuesday it raised <mark>$120 million</mark> in a Series B round",
		"has closed a <mark>$125 million</mark> round",
		"Sources disagree on the amount:</strong> $120M, $125M",
		"Circuit Ledger, Feb 10, 2026", "Photon Daily, Feb 11, 2026",
		"Harbor Ventures</a> (lead)",
		"Other deals of its investors",
		fmt.Sprintf(`href="/deals/%d"`, f.deals["hostile"].ID), // Northwind's other deal
		fmt.Sprintf(`href="/companies/%d"`, f.deals["lumora"].CompanyID),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("deal page lacks %q", want)
		}
	}
}

func TestEntityPageAndAPI(t *testing.T) {
	ts, f := newTestServer(t)
	northwind, err := f.store.FindEntities(t.Context(), "Northwind Capital", 1)
	if err != nil || len(northwind) != 1 {
		t.Fatalf("find Northwind: %v %v", northwind, err)
	}
	if err := f.store.AddAlias(t.Context(), northwind[0].ID, "Northwind"); err != nil {
		t.Fatal(err)
	}
	var v entityView
	r := get(t, ts.URL+fmt.Sprintf("/api/v1/companies/%d", northwind[0].ID))
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.AsInvestor) != 2 || v.TotalInvestedUSD != 160e6 || len(v.AsCompany) != 0 {
		t.Errorf("Northwind = %d deals as investor, %v USD; %d as company", len(v.AsInvestor), v.TotalInvestedUSD, len(v.AsCompany))
	}
	page := get(t, ts.URL+fmt.Sprintf("/companies/%d", northwind[0].ID)).body
	for _, want := range []string{"Also known as:", "Northwind", "2 deals totalling $160M"} {
		if !strings.Contains(page, want) {
			t.Errorf("entity page lacks %q", want)
		}
	}
	kestrel := get(t, ts.URL+fmt.Sprintf("/companies/%d", f.deals["kestrel"].CompanyID)).body
	if !strings.Contains(kestrel, "$324M in 1 deals") {
		t.Errorf("Kestrel page lacks its total raised")
	}
}

func TestDealsExplorer(t *testing.T) {
	ts, f := newTestServer(t)
	body := get(t, ts.URL+"/deals?region=europe&sort=-amount&limit=1").body
	for _, want := range []string{
		`<option value="europe" selected>Europe</option>`,
		`<option value="-amount" selected>Largest first</option>`,
		"2 deals · page 1 of 2",
		`href="/deals.csv?region=europe&amp;sort=-amount"`,
		`href="/api/v1/deals?limit=500&amp;region=europe&amp;sort=-amount"`,
		`rel="next" href="/deals?limit=1&amp;page=2&amp;region=europe&amp;sort=-amount"`,
		fmt.Sprintf(`href="/deals/%d"`, f.deals["kestrel"].ID),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("explorer lacks %q", want)
		}
	}
	if strings.Contains(body, fmt.Sprintf(`href="/deals/%d"`, f.deals["hostile"].ID)) {
		t.Error("page 1 shows the second deal")
	}
}

func TestChartsPage(t *testing.T) {
	ts, _ := newTestServer(t)
	body := get(t, ts.URL+"/charts").body
	for _, want := range []string{
		`<title id="by-sector-t">Disclosed funding per month, by sector</title>`,
		`<desc id="by-region-d">`, `<title id="top-investors-t">`,
		`<text class="tick" x="58" y="272" text-anchor="end" dominant-baseline="middle">$0</text>`, // the axis starts at zero
		"<td>Dec 2025</td>", "<td>Northwind Capital</td><td>2</td>",
		"Data centers and compute",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("charts page lacks %q", want)
		}
	}
}

func TestChartsWithoutData(t *testing.T) {
	srv, err := New(Config{Store: storetest.MustOpenSQLite(t)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	r := get(t, ts.URL+"/charts")
	if r.status != 200 || strings.Contains(r.body, "<svg") || !strings.Contains(r.body, "no deal has a disclosed amount") ||
		!strings.Contains(r.body, "no deal names an investor") {
		t.Errorf("empty charts page: %d\n%s", r.status, r.body)
	}
}

func TestSignInAndSourceForms(t *testing.T) {
	ts, f := newTestServer(t)
	jar, _ := cookiejar.New(nil)
	client := noRedirect()
	client.Jar = jar
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}

	// Anonymous: no forms, and posting one is refused.
	if body := call(t, client, "GET", ts.URL+"/sources", "", nil).body; strings.Contains(body, `action="/sources"`) {
		t.Error("anonymous sources page shows the add form")
	}
	if r := call(t, client, "POST", ts.URL+"/sources", "url=https://x.example/feed", form); r.status != 401 {
		t.Errorf("anonymous add = %d, want 401", r.status)
	}
	if r := call(t, client, "POST", ts.URL+"/signin", "token=wrong", form); r.status != 401 || !strings.Contains(r.body, "not known") {
		t.Errorf("bad sign-in = %d", r.status)
	}

	r := call(t, client, "POST", ts.URL+"/signin", "token="+testToken+"&next=/sources", form)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/sources" {
		t.Fatalf("sign-in = %d to %q", r.status, r.header.Get("Location"))
	}
	cookie := r.header.Get("Set-Cookie")
	for _, want := range []string{"pulse_session=", "HttpOnly", "SameSite=Lax"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("cookie %q lacks %s", cookie, want)
		}
	}
	if strings.Contains(cookie, testToken) {
		t.Error("the cookie carries the token secret")
	}
	body := call(t, client, "GET", ts.URL+"/sources", "", nil).body
	for _, want := range []string{"Signed in as tester", `action="/sources"`, fmt.Sprintf(`action="/sources/%d/fetch"`, f.sources[0].ID),
		"HTTP 503 Service Unavailable", `<span class="flag">http</span>`} {
		if !strings.Contains(body, want) {
			t.Errorf("signed-in sources page lacks %q", want)
		}
	}

	// Each form redirects after the POST.
	for _, step := range []struct{ path, body, location string }{
		{"/sources", "url=https://feeds.example.org/new.xml&kind=feed&title=New", "/sources?done=added"},
		{fmt.Sprintf("/sources/%d/fetch", f.sources[0].ID), "", "/sources?done=fetch"},
		{fmt.Sprintf("/sources/%d/delete", f.sources[1].ID), "", "/sources?done=removed"},
	} {
		r := call(t, client, "POST", ts.URL+step.path, step.body, form)
		if r.status != http.StatusSeeOther || r.header.Get("Location") != step.location {
			t.Errorf("POST %s = %d to %q, want 303 to %s", step.path, r.status, r.header.Get("Location"), step.location)
		}
	}
	waitFor(t, "the queued fetch to run", func() bool { return slices.Equal(f.ingestCalls(), []int64{f.sources[0].ID}) })
	body = call(t, client, "GET", ts.URL+"/sources?done=removed", "", nil).body
	if !strings.Contains(body, "feeds.example.org/new.xml") || strings.Contains(body, "broken.example.net") || !strings.Contains(body, "Source removed.") {
		t.Error("sources page does not show the changes")
	}

	// A cross-site form post is refused even with the session cookie.
	cross := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}
	if r := call(t, client, "POST", ts.URL+"/sources", "url=https://evil.example/feed", cross); r.status != http.StatusForbidden {
		t.Errorf("cross-site POST = %d, want 403", r.status)
	}
	// A tampered cookie is ignored.
	u, _ := url.Parse(ts.URL)
	c := jar.Cookies(u)[0]
	c.Value = strings.Replace(c.Value, "a", "b", 1) + "x"
	jar.SetCookies(u, []*http.Cookie{c})
	if r := call(t, client, "POST", ts.URL+"/sources", "url=https://x.example/feed", form); r.status != 401 {
		t.Errorf("tampered cookie: POST = %d, want 401", r.status)
	}
}

func TestSignInRedirectStaysLocal(t *testing.T) {
	for in, want := range map[string]string{
		"/deals?x=1": "/deals?x=1", "": "/sources", "//evil.example/": "/sources", "https://evil.example/": "/sources",
		`/\evil.example`: "/sources", "javascript:alert(1)": "/sources",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHealthzAndMetrics(t *testing.T) {
	ts, _ := newTestServer(t)
	r := get(t, ts.URL+"/healthz")
	if r.status != 200 || !strings.Contains(r.body, `"status": "ok"`) {
		t.Fatalf("healthz: %d %s", r.status, r.body)
	}
	get(t, ts.URL+"/api/v1/deals/999999")
	m := get(t, ts.URL+"/metrics").body
	for _, want := range []string{
		`pulse_http_requests_total{code="200",route="GET /healthz"} 1`,
		`pulse_http_requests_total{code="404",route="GET /api/v1/deals/{id}"} 1`,
		`pulse_http_request_duration_seconds_count{route="GET /healthz"} 1`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestRequestLog(t *testing.T) {
	ts, f := newTestServer(t)
	var buf syncBuffer
	srv, err := New(Config{Store: f.store, Log: slog.New(slog.NewJSONHandler(&buf, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv
	get(t, ts.URL+fmt.Sprintf("/api/v1/deals/%d", f.deals["lumora"].ID))
	var rec map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSpace(buf.String())), &rec); err != nil {
		t.Fatalf("log line %q: %v", buf.String(), err)
	}
	if rec["msg"] != "http request" || rec["method"] != "GET" || rec["route"] != "GET /api/v1/deals/{id}" ||
		rec["status"] != float64(200) || rec["duration_ms"] == nil {
		t.Errorf("request log = %v", rec)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestStoreDownIsUnavailable(t *testing.T) {
	// This test closes its store itself, so it opens one without the
	// storetest cleanup.
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "pulse.db"))
	if err != nil {
		t.Fatal(err)
	}
	seed(t, st)
	srv, err := New(Config{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	wantProblem(t, get(t, ts.URL+"/healthz"), http.StatusServiceUnavailable, "store unreachable")
	r := get(t, ts.URL+"/api/v1/pulses")
	wantProblem(t, r, http.StatusInternalServerError, "Internal error.")
	if strings.Contains(strings.ToLower(r.body), "sql") {
		t.Errorf("internal details leaked: %s", r.body)
	}
	if p := get(t, ts.URL+"/"); p.status != 500 || strings.Contains(strings.ToLower(p.body), "sql") {
		t.Errorf("home page with the store down: %d", p.status)
	}
}

func TestNewFailsFast(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Error("New without a store succeeded")
	}
	saved := views
	t.Cleanup(func() { views = saved })
	views = append(slices.Clone(views), "no-such-view")
	if _, err := New(Config{Store: storetest.MustOpenSQLite(t)}); err == nil || !strings.Contains(err.Error(), "no-such-view") {
		t.Errorf("a missing view: New = %v, want an error naming it", err)
	}
}

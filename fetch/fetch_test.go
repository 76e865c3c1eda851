package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"code.dny.dev/ssrf"

	"github.com/fundingpulse/pulse"
)

// testConfig allows loopback (httptest servers) and skips robots.txt unless
// a test turns it back on.
func testConfig() Config {
	return Config{
		UserAgent:       "FundingPulse/1.0 (+test)",
		Timeout:         5 * time.Second,
		MaxBytes:        1 << 20,
		MaxRedirects:    3,
		HostRate:        1000,
		HostBurst:       1000,
		HostConcurrency: 8,
		AllowPrivate:    true,
		IgnoreRobots:    true,
	}
}

func wantKind(t *testing.T, err error, kind string) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want kind %q", kind)
	}
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v (%T), want *fetch.Error", err, err)
	}
	if fe.Kind != kind {
		t.Fatalf("kind = %q (%v), want %q", fe.Kind, err, kind)
	}
}

func TestConditionalGet(t *testing.T) {
	const etag, lastMod = `"v1"`, "Mon, 02 Jan 2006 15:04:05 GMT"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	c := New(testConfig())

	resp, err := c.Get(t.Context(), Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 || resp.NotModified || string(resp.Body) != "<rss/>" || resp.ETag != etag ||
		resp.LastModified != lastMod || resp.ContentType != "application/rss+xml" || resp.URL != srv.URL {
		t.Fatalf("first response = %+v", resp)
	}
	tests := []struct {
		name string
		req  Request
	}{
		{"etag", Request{URL: srv.URL, ETag: etag}},
		{"last-modified", Request{URL: srv.URL, LastModified: lastMod}},
		{"both", Request{URL: srv.URL, ETag: etag, LastModified: lastMod}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Get(t.Context(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if !resp.NotModified || resp.Status != 304 || len(resp.Body) != 0 {
				t.Fatalf("response = %+v, want 304", resp)
			}
			if resp.ETag != tt.req.ETag || resp.LastModified != tt.req.LastModified {
				t.Fatalf("validators = %q %q, want the ones sent", resp.ETag, resp.LastModified)
			}
		})
	}
}

func gzipped(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGzip(t *testing.T) {
	small := []byte(strings.Repeat("<item>hello</item>", 100))
	bomb := gzipped(t, make([]byte, 4<<20)) // 4 MiB of zeros, a few KiB on the wire
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("Accept-Encoding = %q, want gzip", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		if r.URL.Path == "/bomb" {
			w.Write(bomb)
			return
		}
		w.Write(gzipped(t, small))
	}))
	defer srv.Close()
	c := New(testConfig())

	resp, err := c.Get(t.Context(), Request{URL: srv.URL + "/small"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(resp.Body, small) {
		t.Fatalf("body = %.40q..., want the decompressed text", resp.Body)
	}
	if len(bomb) > 1<<20 {
		t.Fatalf("compressed bomb is %d bytes; the test needs it under the cap", len(bomb))
	}
	_, err = c.Get(t.Context(), Request{URL: srv.URL + "/bomb"})
	wantKind(t, err, pulse.FetchErrTooLarge)
}

func TestEndlessBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("<item>more</item>\n"), 2000)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.MaxBytes = 256 << 10
	_, err := New(cfg).Get(t.Context(), Request{URL: srv.URL})
	wantKind(t, err, pulse.FetchErrTooLarge)
}

func TestNonUTF8BodyUntouched(t *testing.T) {
	// GB2312 for "新闻" and ISO-8859-1 for "é": the fetcher hands bytes over
	// as they came; decoding is the parser's job, guided by ContentType.
	bodies := map[string]string{
		"/gb2312": "<?xml version=\"1.0\" encoding=\"gb2312\"?><rss><channel><title>\xd0\xc2\xce\xc5</title></channel></rss>",
		"/latin1": "<rss><channel><title>Caf\xe9</title></channel></rss>",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=iso-8859-1")
		fmt.Fprint(w, bodies[r.URL.Path])
	}))
	defer srv.Close()
	c := New(testConfig())
	for path, want := range bodies {
		resp, err := c.Get(t.Context(), Request{URL: srv.URL + path})
		if err != nil {
			t.Fatal(err)
		}
		if string(resp.Body) != want || resp.ContentType != "application/rss+xml; charset=iso-8859-1" {
			t.Errorf("%s: body %q, type %q", path, resp.Body, resp.ContentType)
		}
	}
}

func TestKind(t *testing.T) {
	wrapped := fmt.Errorf("fetch source 7: %w", &Error{Kind: pulse.FetchErrTimeout, Err: context.DeadlineExceeded})
	for _, tt := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{wrapped, pulse.FetchErrTimeout},
		{errors.New("plain"), pulse.FetchErrOther},
	} {
		if got := Kind(tt.err); got != tt.want {
			t.Errorf("Kind(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if !errors.Is(wrapped, context.DeadlineExceeded) {
		t.Error("Error does not unwrap")
	}
}

func TestContentLengthOverCap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "999999999")
		w.Write([]byte("x"))
	}))
	defer srv.Close()
	_, err := New(testConfig()).Get(t.Context(), Request{URL: srv.URL})
	wantKind(t, err, pulse.FetchErrTooLarge)
}

func TestStatusErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/404":
			http.NotFound(w, r)
		case "/500":
			http.Error(w, "boom", http.StatusInternalServerError)
		case "/429":
			w.Header().Set("Retry-After", "120")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		}
	}))
	defer srv.Close()
	c := New(testConfig())
	for _, status := range []int{404, 500, 429} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			resp, err := c.Get(t.Context(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, status)})
			wantKind(t, err, pulse.FetchErrStatus)
			if resp == nil || resp.Status != status {
				t.Fatalf("response = %+v, want status %d alongside the error", resp, status)
			}
			if status == 429 && resp.Header.Get("Retry-After") != "120" {
				t.Fatalf("Retry-After not passed through: %v", resp.Header)
			}
		})
	}
}

func TestRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case r.URL.Path == "/b":
			http.Redirect(w, r, "/a", http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/chain/"):
			var n int
			fmt.Sscanf(r.URL.Path, "/chain/%d", &n)
			if n == 0 {
				fmt.Fprint(w, "end")
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusMovedPermanently)
		}
	}))
	defer srv.Close()
	c := New(testConfig()) // MaxRedirects 3

	t.Run("loop", func(t *testing.T) {
		_, err := c.Get(t.Context(), Request{URL: srv.URL + "/a"})
		wantKind(t, err, pulse.FetchErrRedirect)
		if !errors.Is(err, errRedirectLoop) {
			t.Fatalf("err = %v, want a loop", err)
		}
	})
	t.Run("within cap", func(t *testing.T) {
		resp, err := c.Get(t.Context(), Request{URL: srv.URL + "/chain/3"})
		if err != nil {
			t.Fatal(err)
		}
		if resp.URL != srv.URL+"/chain/0" || string(resp.Body) != "end" {
			t.Fatalf("final = %q %q", resp.URL, resp.Body)
		}
	})
	t.Run("too many", func(t *testing.T) {
		_, err := c.Get(t.Context(), Request{URL: srv.URL + "/chain/4"})
		wantKind(t, err, pulse.FetchErrRedirect)
		if !errors.Is(err, errRedirects) {
			t.Fatalf("err = %v, want too many redirects", err)
		}
	})
}

func TestTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("start"))
		w.(http.Flusher).Flush()
		<-r.Context().Done() // a body that stalls
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.Timeout = 100 * time.Millisecond
	_, err := New(cfg).Get(t.Context(), Request{URL: srv.URL})
	wantKind(t, err, pulse.FetchErrTimeout)
}

func TestPrivateAddressRefused(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "secret")
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.AllowPrivate = false

	t.Run("direct", func(t *testing.T) {
		for _, u := range []string{srv.URL, strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)} {
			_, err := New(cfg).Get(t.Context(), Request{URL: u})
			wantKind(t, err, pulse.FetchErrBlocked)
		}
	})
	t.Run("through redirect", func(t *testing.T) {
		// The first hop is allowed by an explicit exception for this one
		// address; the redirect goes to another loopback address, which the
		// dialer must refuse on its own.
		port := srv.Listener.Addr().(*net.TCPAddr).Port
		redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, fmt.Sprintf("http://127.0.0.2:%d/", port), http.StatusFound)
		}))
		defer redirector.Close()
		guard := ssrf.New(ssrf.WithAnyPort(), ssrf.WithAllowedV4Prefixes(netip.MustParsePrefix("127.0.0.1/32")))
		_, err := newClient(cfg, guard).Get(t.Context(), Request{URL: redirector.URL})
		wantKind(t, err, pulse.FetchErrBlocked)
		if !errors.Is(err, ssrf.ErrProhibitedIP) {
			t.Fatalf("err = %v, want ssrf.ErrProhibitedIP", err)
		}
	})
	if n := hits.Load(); n != 0 {
		t.Fatalf("private server was reached %d times", n)
	}
	t.Run("scheme", func(t *testing.T) {
		_, err := New(cfg).Get(t.Context(), Request{URL: "file:///etc/passwd"})
		wantKind(t, err, pulse.FetchErrBlocked)
	})
}

// fakeClock is the client's injected clock: sleeping advances it and is
// recorded, so rate spacing is checked without real waiting.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

func (f *fakeClock) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) sleep(_ context.Context, d time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sleeps = append(f.sleeps, d)
	f.t = f.t.Add(d)
	return nil
}

func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(d)
}

func withClock(c *Client) *fakeClock {
	clk := &fakeClock{t: time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)}
	c.now, c.sleep = clk.now, clk.sleep
	return clk
}

func TestRateLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer other.Close()
	cfg := testConfig()
	cfg.HostRate, cfg.HostBurst = 2, 2
	c := New(cfg)
	clk := withClock(c)

	for range 5 {
		if _, err := c.Get(t.Context(), Request{URL: srv.URL}); err != nil {
			t.Fatal(err)
		}
	}
	// Another host has its own budget: no wait.
	if _, err := c.Get(t.Context(), Request{URL: other.URL}); err != nil {
		t.Fatal(err)
	}
	want := []time.Duration{0, 0, 500 * time.Millisecond, 500 * time.Millisecond, 500 * time.Millisecond, 0}
	if fmt.Sprint(clk.sleeps) != fmt.Sprint(want) {
		t.Fatalf("waits = %v, want %v", clk.sleeps, want)
	}
	// After a quiet second the burst is back.
	clk.advance(time.Second)
	clk.sleeps = nil
	for range 2 {
		if _, err := c.Get(t.Context(), Request{URL: srv.URL}); err != nil {
			t.Fatal(err)
		}
	}
	if fmt.Sprint(clk.sleeps) != fmt.Sprint([]time.Duration{0, 0}) {
		t.Fatalf("waits after a pause = %v, want none", clk.sleeps)
	}
}

func TestHostConcurrency(t *testing.T) {
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond) // long enough for requests to overlap if allowed
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.HostConcurrency = 2
	c := New(cfg)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.Get(t.Context(), Request{URL: srv.URL}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p > 2 {
		t.Fatalf("peak concurrency = %d, want at most 2", p)
	}
}

func TestRobots(t *testing.T) {
	var robotsHits atomic.Int32
	robots := "User-agent: *\nDisallow: /\n\nUser-agent: FundingPulse\nDisallow: /private\nAllow: /\n"
	status := http.StatusOK
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robotsHits.Add(1)
			mu.Lock()
			defer mu.Unlock()
			w.WriteHeader(status)
			fmt.Fprint(w, robots)
			return
		}
		if r.URL.Path == "/to-private" {
			http.Redirect(w, r, "/private/x", http.StatusFound)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.IgnoreRobots = false
	c := New(cfg)
	clk := withClock(c)

	for _, tt := range []struct {
		path string
		kind string
	}{
		{"/public", ""},
		{"/private/page", pulse.FetchErrBlocked},
		{"/to-private", pulse.FetchErrBlocked},
		{"/", ""},
	} {
		_, err := c.Get(t.Context(), Request{URL: srv.URL + tt.path})
		if tt.kind == "" && err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		if tt.kind != "" {
			wantKind(t, err, tt.kind)
			if !errors.Is(err, errRobots) {
				t.Fatalf("%s: err = %v, want robots", tt.path, err)
			}
		}
	}
	if n := robotsHits.Load(); n != 1 {
		t.Fatalf("robots.txt fetched %d times, want once (cached)", n)
	}

	// Other agents are disallowed everywhere by the same file.
	cfg.UserAgent = "OtherBot/2"
	other := New(cfg)
	_, err := other.Get(t.Context(), Request{URL: srv.URL + "/public"})
	wantKind(t, err, pulse.FetchErrBlocked)

	for _, tt := range []struct {
		name   string
		status int
		kind   string
	}{
		{"missing allows all", http.StatusNotFound, ""},
		{"server error disallows", http.StatusServiceUnavailable, pulse.FetchErrBlocked},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mu.Lock()
			status = tt.status
			mu.Unlock()
			before := robotsHits.Load()
			clk.advance(robotsTTL + time.Second)
			_, err := c.Get(t.Context(), Request{URL: srv.URL + "/private/page"})
			if robotsHits.Load() != before+1 {
				t.Fatalf("robots.txt not fetched again after its TTL")
			}
			if tt.kind == "" && err != nil {
				t.Fatal(err)
			}
			if tt.kind != "" {
				wantKind(t, err, tt.kind)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.xml")
	big := filepath.Join(dir, "big.xml")
	os.WriteFile(small, []byte("<rss/>"), 0o600)
	os.WriteFile(big, make([]byte, 2048), 0o600)

	b, err := ReadFile(small, 1024)
	if err != nil || string(b) != "<rss/>" {
		t.Fatalf("ReadFile = %q, %v", b, err)
	}
	_, err = ReadFile(big, 1024)
	wantKind(t, err, pulse.FetchErrTooLarge)
	_, err = ReadFile(filepath.Join(dir, "missing"), 1024)
	wantKind(t, err, pulse.FetchErrOther)
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v, want not-exist in the chain", err)
	}
}

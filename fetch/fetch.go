// Package fetch is Funding Pulse's polite HTTP client: conditional GET,
// bounded size, time and redirects, a private-address guard on the IP
// actually dialled, robots.txt, and per-host rate and concurrency limits.
// Every failure is an *Error with one of the pulse.FetchErr* kinds.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"code.dny.dev/ssrf"
	"golang.org/x/time/rate"

	"github.com/fundingpulse/pulse"
)

// Config sets the client's limits; zero values take the defaults below.
type Config struct {
	UserAgent       string
	Timeout         time.Duration // whole request: connect, headers and body
	MaxBytes        int64         // cap on the decompressed body
	MaxRedirects    int
	HostRate        float64 // requests per second to one host
	HostBurst       int
	HostConcurrency int  // requests in flight to one host
	AllowPrivate    bool // allow loopback and private addresses (tests, intranets)
	IgnoreRobots    bool // skip robots.txt (only for one's own servers)
}

// Defaults used for zero Config fields.
const (
	DefaultUserAgent       = "FundingPulse/1.0 (+https://github.com/fundingpulse/pulse)"
	DefaultTimeout         = 20 * time.Second
	DefaultMaxBytes        = 10 << 20
	DefaultMaxRedirects    = 5
	DefaultHostRate        = 1
	DefaultHostBurst       = 2
	DefaultHostConcurrency = 2
)

func (c Config) withDefaults() Config {
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = DefaultMaxRedirects
	}
	if c.HostRate <= 0 {
		c.HostRate = DefaultHostRate
	}
	if c.HostBurst <= 0 {
		c.HostBurst = DefaultHostBurst
	}
	if c.HostConcurrency <= 0 {
		c.HostConcurrency = DefaultHostConcurrency
	}
	return c
}

// Request is one conditional GET: the validators come from the source's last
// 200 response and may be empty.
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Response is the outcome of a GET. On a 304 NotModified is set and Body is
// empty; ETag and LastModified are the validators to store for next time.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	NotModified  bool
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
	Header       http.Header
}

// Client fetches URLs politely; it is safe for concurrent use and shares one
// transport, so connections are reused across requests and hosts.
type Client struct {
	cfg  Config
	http *http.Client

	mu    sync.Mutex
	hosts map[string]*host

	// now and sleep are the clock of the rate limiter and robots cache,
	// replaced in tests so spacing is asserted without wall-clock timing.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

// host is the per-host politeness state.
type host struct {
	limiter *rate.Limiter
	sem     chan struct{}

	robotsMu  sync.Mutex
	robots    robotsRules
	robotsExp time.Time
}

// New returns a client for cfg.
func New(cfg Config) *Client {
	var guard *ssrf.Guardian
	if !cfg.AllowPrivate {
		guard = ssrf.New(ssrf.WithAnyPort())
	}
	return newClient(cfg, guard)
}

// newClient builds a client whose dialer refuses what guard refuses; a nil
// guard allows every address.
func newClient(cfg Config, guard *ssrf.Guardian) *Client {
	cfg = cfg.withDefaults()
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if guard != nil {
		// The check runs on the address actually dialled, so it also covers
		// redirects and DNS answers that change between lookups.
		dialer.Control = guard.Safe
	}
	transport := &http.Transport{
		// No proxy: dialling a proxy would bypass the address guard.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
	}
	c := &Client{
		cfg:   cfg,
		hosts: map[string]*host{},
		now:   time.Now,
		sleep: sleepCtx,
	}
	c.http = &http.Client{Transport: transport, CheckRedirect: c.checkRedirect}
	return c
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Get fetches r.URL. Errors are *Error. For a non-2xx status other than 304
// the *Response is returned too (without body), so the caller can read
// Retry-After for NextPoll.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, &Error{Kind: pulse.FetchErrOther, Err: fmt.Errorf("parse url: %w", err)}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, &Error{Kind: pulse.FetchErrBlocked, Err: fmt.Errorf("scheme %q is not http or https", u.Scheme)}
	}
	if u.Host == "" {
		return nil, &Error{Kind: pulse.FetchErrOther, Err: errors.New("url has no host")}
	}
	h := c.host(u)
	if err := c.checkRobots(ctx, h, u); err != nil {
		return nil, err
	}
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, classify(ctx.Err())
	}
	defer func() { <-h.sem }()
	if err := c.wait(ctx, h); err != nil {
		return nil, classify(err)
	}
	// The timeout starts after queueing so a busy host does not turn waiting
	// into timeouts.
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	return c.do(ctx, u, r)
}

// wait blocks until the host's rate limiter lets one request through.
func (c *Client) wait(ctx context.Context, h *host) error {
	now := c.now()
	res := h.limiter.ReserveN(now, 1)
	if !res.OK() {
		return errors.New("rate limiter refused the request")
	}
	if err := c.sleep(ctx, res.DelayFrom(now)); err != nil {
		res.CancelAt(c.now())
		return err
	}
	return nil
}

func (c *Client) do(ctx context.Context, u *url.URL, r Request) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{Kind: pulse.FetchErrOther, Err: fmt.Errorf("build request: %w", err)}
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, classify(err)
	}
	defer resp.Body.Close()

	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		Header:       resp.Header,
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		// A 304 may omit the validators; the ones sent are still current.
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return out, &Error{Kind: pulse.FetchErrStatus, Err: fmt.Errorf("status %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))}
	}
	if resp.ContentLength > c.cfg.MaxBytes {
		return nil, &Error{Kind: pulse.FetchErrTooLarge, Err: fmt.Errorf("content length %d: %w", resp.ContentLength, errTooLarge)}
	}
	// The transport has already removed gzip, so the cap counts decompressed
	// bytes: a small compressed bomb stops here like an endless body does.
	body, err := readCapped(resp.Body, c.cfg.MaxBytes)
	if err != nil {
		return nil, err
	}
	out.Body = body
	return out, nil
}

// readCapped reads r up to max bytes and fails with FetchErrTooLarge if
// there is more.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, classify(fmt.Errorf("read body: %w", err))
	}
	if int64(len(body)) > max {
		return nil, &Error{Kind: pulse.FetchErrTooLarge, Err: fmt.Errorf("more than %d bytes: %w", max, errTooLarge)}
	}
	return body, nil
}

// checkRedirect caps redirects, refuses loops and applies robots.txt to
// every hop; the address guard covers hops in the dialer.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	next := req.URL.String()
	for _, v := range via {
		if v.URL.String() == next {
			return &Error{Kind: pulse.FetchErrRedirect, Err: fmt.Errorf("%s: %w", next, errRedirectLoop)}
		}
	}
	if len(via) > c.cfg.MaxRedirects {
		return &Error{Kind: pulse.FetchErrRedirect, Err: fmt.Errorf("more than %d: %w", c.cfg.MaxRedirects, errRedirects)}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return &Error{Kind: pulse.FetchErrBlocked, Err: fmt.Errorf("redirect to scheme %q", req.URL.Scheme)}
	}
	return c.checkRobots(req.Context(), c.host(req.URL), req.URL)
}

// host returns the politeness state of u's host, creating it on first use.
func (c *Client) host(u *url.URL) *host {
	key := strings.ToLower(u.Scheme + "://" + u.Host)
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.hosts[key]
	if !ok {
		h = &host{
			limiter: rate.NewLimiter(rate.Limit(c.cfg.HostRate), c.cfg.HostBurst),
			sem:     make(chan struct{}, c.cfg.HostConcurrency),
		}
		c.hosts[key] = h
	}
	return h
}

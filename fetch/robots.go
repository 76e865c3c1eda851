package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/temoto/robotstxt"

	"github.com/fundingpulse/pulse"
)

// Robots cache lifetimes: a server error disallows only briefly, because it
// usually means the site is having a bad minute, not that it wants no robots.
const (
	robotsTTL      = 12 * time.Hour
	robotsErrorTTL = 10 * time.Minute
	robotsMaxBytes = 512 << 10 // what Google reads; the rest is ignored
)

// robotsRules is a host's parsed robots.txt; nil allows everything.
type robotsRules = *robotstxt.RobotsData

// checkRobots returns a FetchErrBlocked error if robots.txt of u's host
// disallows u's path for the configured User-Agent.
func (c *Client) checkRobots(ctx context.Context, h *host, u *url.URL) error {
	if c.cfg.IgnoreRobots || u.Path == "/robots.txt" {
		return nil
	}
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	if now := c.now(); now.After(h.robotsExp) {
		rules, ttl, err := c.fetchRobots(ctx, u)
		if err != nil {
			return err
		}
		h.robots, h.robotsExp = rules, now.Add(ttl)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if h.robots != nil && !h.robots.TestAgent(path, c.cfg.UserAgent) {
		return &Error{Kind: pulse.FetchErrBlocked, Err: fmt.Errorf("%s: %w", u.Redacted(), errRobots)}
	}
	return nil
}

// fetchRobots downloads and parses robots.txt for u's host and says how long
// the answer may be cached.
func (c *Client) fetchRobots(ctx context.Context, u *url.URL) (robotsRules, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	ru := url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ru.String(), nil)
	if err != nil {
		return nil, 0, &Error{Kind: pulse.FetchErrOther, Err: fmt.Errorf("build robots.txt request: %w", err)}
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	// Its own client: robots.txt redirects must not recurse into robots checks.
	client := &http.Client{Transport: c.http.Transport, CheckRedirect: func(_ *http.Request, via []*http.Request) error {
		if len(via) > c.cfg.MaxRedirects {
			return errRedirects
		}
		return nil
	}}
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, errRedirects) {
			return nil, robotsTTL, nil
		}
		return nil, 0, classify(fmt.Errorf("robots.txt: %w", err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxBytes))
	if err != nil {
		return nil, 0, classify(fmt.Errorf("read robots.txt: %w", err))
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		// Unparseable or an odd status: like a missing file, it allows all.
		return nil, robotsTTL, nil
	}
	ttl := robotsTTL
	if resp.StatusCode >= 500 {
		ttl = robotsErrorTTL
	}
	return data, ttl, nil
}

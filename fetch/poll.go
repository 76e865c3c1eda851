package fetch

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// PollPolicy bounds when a source is polled next.
type PollPolicy struct {
	Default time.Duration // interval when the server says nothing
	Min     time.Duration // shortest interval a server can ask for
	Max     time.Duration // longest interval, and the cap of error backoff
	// FeedTTL is the feed's own refresh hint (RSS <ttl>, sy:updatePeriod),
	// 0 if it has none; the fetcher cannot see it, the feed parser can.
	FeedTTL time.Duration
}

// breakerErrors is the number of consecutive failures after which a source
// is polled only at the policy's Max: a dead feed should cost one request a
// day, not one per backoff step.
const breakerErrors = 8

// NextPoll returns when a source should be polled next. After a success the
// server's signals (Cache-Control max-age, Expires, the feed TTL; the
// longest of them) replace Default; after a failure the interval doubles per
// consecutive error (errorCount, this one included) from Default, honours
// Retry-After on 429 and 503, and is Max once errorCount reaches
// breakerErrors. The result is always within [Min, Max] of now.
func NextPoll(now time.Time, resp *Response, fetchErr error, errorCount int, p PollPolicy) time.Time {
	p = p.normalised()
	var d time.Duration
	if fetchErr != nil {
		d = backoff(p, errorCount)
		if resp != nil && (resp.Status == http.StatusTooManyRequests || resp.Status == http.StatusServiceUnavailable) {
			d = max(d, retryAfter(now, resp.Header))
		}
	} else {
		d = p.Default
		var hinted time.Duration
		if resp != nil {
			hinted = max(maxAge(resp.Header), expires(now, resp.Header))
		}
		if hinted = max(hinted, p.FeedTTL); hinted > 0 {
			d = hinted
		}
	}
	return now.Add(min(max(d, p.Min), p.Max))
}

func (p PollPolicy) normalised() PollPolicy {
	if p.Default <= 0 {
		p.Default = 30 * time.Minute
	}
	if p.Min <= 0 {
		p.Min = time.Minute
	}
	if p.Max <= 0 {
		p.Max = 24 * time.Hour
	}
	if p.Max < p.Min {
		p.Max = p.Min
	}
	return p
}

func backoff(p PollPolicy, errorCount int) time.Duration {
	if errorCount >= breakerErrors {
		return p.Max
	}
	d := p.Default
	for i := 1; i < errorCount && d < p.Max; i++ {
		d *= 2
	}
	return d
}

// maxAge reads Cache-Control max-age (s-maxage is for shared caches; we are
// a private one).
func maxAge(h http.Header) time.Duration {
	for _, v := range h.Values("Cache-Control") {
		for _, part := range strings.Split(v, ",") {
			k, val, ok := strings.Cut(strings.TrimSpace(part), "=")
			if !ok || !strings.EqualFold(k, "max-age") {
				continue
			}
			if n, err := strconv.ParseInt(strings.Trim(val, `"`), 10, 64); err == nil && n > 0 {
				return seconds(n)
			}
		}
	}
	return 0
}

// expires reads Expires relative to the server's Date when present, so a
// skewed server clock does not distort the interval.
func expires(now time.Time, h http.Header) time.Duration {
	exp, err := http.ParseTime(h.Get("Expires"))
	if err != nil {
		return 0
	}
	if date, err := http.ParseTime(h.Get("Date")); err == nil {
		now = date
	}
	return max(exp.Sub(now), 0)
}

// retryAfter reads Retry-After as seconds or an HTTP date (RFC 9110 10.2.3).
func retryAfter(now time.Time, h http.Header) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return seconds(max(n, 0))
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

// seconds converts n seconds to a duration without overflowing.
func seconds(n int64) time.Duration {
	const limit = int64(1<<63-1) / int64(time.Second)
	return time.Duration(min(n, limit)) * time.Second
}

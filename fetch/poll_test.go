package fetch

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

func TestNextPoll(t *testing.T) {
	now := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	p := PollPolicy{Default: 30 * time.Minute, Min: 5 * time.Minute, Max: 24 * time.Hour}
	fail := errors.New("boom")
	hdr := func(kv ...string) *Response {
		h := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			h.Add(kv[i], kv[i+1])
		}
		return &Response{Status: 200, Header: h}
	}
	status := func(code int, kv ...string) *Response {
		r := hdr(kv...)
		r.Status = code
		return r
	}
	withTTL := p
	withTTL.FeedTTL = 2 * time.Hour

	tests := []struct {
		name   string
		resp   *Response
		err    error
		errors int
		policy PollPolicy
		want   time.Duration
	}{
		{"no signal", hdr(), nil, 0, p, 30 * time.Minute},
		{"nil response", nil, nil, 0, p, 30 * time.Minute},
		{"max-age", hdr("Cache-Control", "public, max-age=3600"), nil, 0, p, time.Hour},
		{"max-age below min", hdr("Cache-Control", "max-age=10"), nil, 0, p, 5 * time.Minute},
		{"max-age above max", hdr("Cache-Control", "max-age=999999999999999"), nil, 0, p, 24 * time.Hour},
		{"max-age garbage", hdr("Cache-Control", "max-age=soon"), nil, 0, p, 30 * time.Minute},
		{"expires vs date", hdr("Date", "Wed, 04 Mar 2026 10:00:00 GMT", "Expires", "Wed, 04 Mar 2026 13:00:00 GMT"), nil, 0, p, 3 * time.Hour},
		{"expires vs now", hdr("Expires", "Wed, 04 Mar 2026 12:45:00 GMT"), nil, 0, p, 45 * time.Minute},
		{"expired", hdr("Expires", "Wed, 04 Mar 2020 12:45:00 GMT"), nil, 0, p, 30 * time.Minute},
		{"feed ttl", hdr(), nil, 0, withTTL, 2 * time.Hour},
		{"longest signal wins", hdr("Cache-Control", "max-age=60"), nil, 0, withTTL, 2 * time.Hour},
		{"not modified keeps signals", &Response{Status: 304, NotModified: true, Header: http.Header{"Cache-Control": {"max-age=7200"}}}, nil, 0, p, 2 * time.Hour},
		{"first error", nil, fail, 1, p, 30 * time.Minute},
		{"zero count treated as one", nil, fail, 0, p, 30 * time.Minute},
		{"third error", nil, fail, 3, p, 2 * time.Hour},
		{"backoff capped", nil, fail, 7, p, 24 * time.Hour},
		{"circuit breaker", nil, fail, 50, p, 24 * time.Hour},
		{"429 retry-after seconds", status(429, "Retry-After", "7200"), fail, 1, p, 2 * time.Hour},
		{"503 retry-after date", status(503, "Retry-After", "Wed, 04 Mar 2026 18:00:00 GMT"), fail, 1, p, 6 * time.Hour},
		{"retry-after shorter than backoff", status(429, "Retry-After", "60"), fail, 4, p, 4 * time.Hour},
		{"retry-after ignored on 500", status(500, "Retry-After", "7200"), fail, 1, p, 30 * time.Minute},
		{"retry-after capped", status(503, "Retry-After", "99999999"), fail, 1, p, 24 * time.Hour},
		{"zero policy uses defaults", nil, nil, 0, PollPolicy{}, 30 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NextPoll(now, tt.resp, tt.err, tt.errors, tt.policy).Sub(now)
			if got != tt.want {
				t.Fatalf("next poll in %v, want %v", got, tt.want)
			}
		})
	}
}

package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"

	"code.dny.dev/ssrf"

	"github.com/fundingpulse/pulse"
)

// Error is a failed fetch: Kind is one of the pulse.FetchErr* constants, so
// the source's page can show a stable kind while Err keeps the detail.
type Error struct {
	Kind string
	Err  error
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("fetch %s: %v", e.Kind, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Kind returns the pulse.FetchErr* kind of err: the Kind of the first *Error
// in its chain, pulse.FetchErrOther for any other non-nil error, "" for nil.
func Kind(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Kind
	}
	return pulse.FetchErrOther
}

var (
	errTooLarge     = errors.New("body exceeds the size cap")
	errRedirectLoop = errors.New("redirect loop")
	errRedirects    = errors.New("too many redirects")
	errRobots       = errors.New("disallowed by robots.txt")
)

// classify turns a transport or body-read error into an *Error of the right
// kind; an *Error already in the chain (from CheckRedirect) wins.
func classify(err error) *Error {
	var fe *Error
	var ne net.Error
	switch {
	case errors.As(err, &fe):
		return fe
	case errors.Is(err, ssrf.ErrProhibitedIP), errors.Is(err, ssrf.ErrProhibitedPort),
		errors.Is(err, ssrf.ErrProhibitedNetwork):
		return &Error{Kind: pulse.FetchErrBlocked, Err: err}
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Kind: pulse.FetchErrTimeout, Err: err}
	case errors.Is(err, context.Canceled):
		return &Error{Kind: pulse.FetchErrOther, Err: err}
	case errors.As(err, &ne) && ne.Timeout():
		return &Error{Kind: pulse.FetchErrTimeout, Err: err}
	}
	return &Error{Kind: pulse.FetchErrNetwork, Err: err}
}

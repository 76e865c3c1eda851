// Package pulse holds the domain of Funding Pulse: sources, articles, deals
// and their mentions, entities, pulses, storylines and briefings, and the
// Store interface every storage implementation satisfies.
//
// Implementation packages (sqlite, fetch, extract, brief, web, ...) depend on
// this package and never on each other's internals; cmd/pulse wires them.
package pulse

import (
	"errors"
	"fmt"
)

// Application error codes. They are few and stable because the web layer maps
// each to one HTTP status and the CLI to one message style.
const (
	ECONFLICT     = "conflict"     // the thing already exists
	EINTERNAL     = "internal"     // a bug or an unexpected failure; never shown in detail
	EINVALID      = "invalid"      // the caller's input is wrong
	ENOTFOUND     = "not_found"    // the thing does not exist
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
)

// Error is an application error: a code from the list above and a message
// safe to show to the user. Internal failures are plain wrapped errors.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("pulse error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of the first *Error in err's
// chain, or a generic text for internal errors so details are not leaked.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

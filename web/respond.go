package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/fundingpulse/pulse"
)

// Errors of the HTTP layer that the domain codes do not cover. They are
// mapped with the domain codes in statusOf, the one place that decides.
var (
	errUnavailable = errors.New("service unavailable")
	errForbidden   = errors.New("forbidden")
)

// httpError carries a message for one of the errors above.
type httpError struct {
	kind error
	msg  string
}

func (e *httpError) Error() string { return e.msg }
func (e *httpError) Unwrap() error { return e.kind }

func forbidden(msg string) error       { return &httpError{errForbidden, msg} }
func unavailable(msg string) error     { return &httpError{errUnavailable, msg} }
func errUnauthorized(msg string) error { return pulse.Errorf(pulse.EUNAUTHORIZED, "%s", msg) }
func invalid(format string, args ...any) error {
	return pulse.Errorf(pulse.EINVALID, format, args...)
}
func notFound(format string, args ...any) error {
	return pulse.Errorf(pulse.ENOTFOUND, format, args...)
}

// statusOf maps an error to its HTTP status and the message safe to show.
// Internal errors get a generic message; their details go to the log.
func statusOf(err error) (int, string) {
	var he *httpError
	if errors.As(err, &he) {
		switch {
		case errors.Is(he, errUnavailable):
			return http.StatusServiceUnavailable, he.msg
		case errors.Is(he, errForbidden):
			return http.StatusForbidden, he.msg
		}
	}
	switch pulse.ErrorCode(err) {
	case pulse.EINVALID:
		return http.StatusBadRequest, pulse.ErrorMessage(err)
	case pulse.ENOTFOUND:
		return http.StatusNotFound, pulse.ErrorMessage(err)
	case pulse.ECONFLICT:
		return http.StatusConflict, pulse.ErrorMessage(err)
	case pulse.EUNAUTHORIZED:
		return http.StatusUnauthorized, pulse.ErrorMessage(err)
	}
	return http.StatusInternalServerError, pulse.ErrorMessage(err)
}

// logIfInternal records failures the user cannot see the details of.
func (s *Server) logIfInternal(r *http.Request, status int, err error) {
	if status >= 500 {
		s.log.LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("error", err))
	}
}

// problemDoc is an RFC 9457 problem document.
type problemDoc struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance,omitempty"`
}

// problem writes err as application/problem+json.
func (s *Server) problem(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	s.logIfInternal(r, status, err)
	code := pulse.ErrorCode(err)
	if status == http.StatusServiceUnavailable {
		code = "unavailable"
	} else if status == http.StatusForbidden {
		code = "forbidden"
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="pulse"`)
	}
	doc := problemDoc{
		Type:     "urn:fundingpulse:problem:" + code,
		Title:    http.StatusText(status),
		Status:   status,
		Detail:   msg,
		Instance: r.URL.Path,
	}
	writeJSONType(w, status, "application/problem+json", doc)
}

// writeJSON writes v as indented JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	return writeJSONType(w, status, "application/json", v)
}

func writeJSONType(w http.ResponseWriter, status int, contentType string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	w.Header().Set("Content-Type", contentType+"; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// maxBody caps JSON request bodies; the API takes small objects only.
const maxBody = 1 << 20

// readJSON decodes a request body into v, refusing unknown fields so typos
// in a client are reported rather than ignored.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return invalid("body: larger than %d bytes", maxBody)
		}
		if errors.Is(err, io.EOF) {
			return invalid("body: want a JSON object")
		}
		return invalid("body: %s", err.Error())
	}
	return nil
}

// errorPage renders err as an HTML page with the mapped status.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	s.logIfInternal(r, status, err)
	data := struct {
		Status   int
		Title    string
		Message  string
		SignInTo string
	}{status, http.StatusText(status), msg, ""}
	if status == http.StatusUnauthorized {
		data.SignInTo = r.URL.Path
	}
	s.render(w, r, status, "error", http.StatusText(status), data)
}

// pathID parses the {wildcard} of the path as a positive integer ID; noun
// names the thing in the not-found message.
func pathID(r *http.Request, wildcard, noun string) (int64, error) {
	v := r.PathValue(wildcard)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, notFound("No %s with ID %q.", noun, v)
	}
	return id, nil
}

package web

import (
	"encoding/base64"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
)

// Paging limits of the deals API and explorer.
const (
	defaultLimit = 50
	maxLimit     = 500
	// maxExport caps a CSV export so one request cannot make the server
	// build an unbounded file.
	maxExport = 10000
	// maxText caps free-text parameters.
	maxText = 200
)

// sorts are the accepted values of the sort parameter.
var sorts = []string{"-date", "date", "-amount", "amount", "company"}

// dealQuery is a parsed deals request: the store filter plus the paging
// parameters as given, so pages can rebuild links with the same filters.
type dealQuery struct {
	Filter pulse.DealFilter
	Values url.Values // the filter parameters only, normalised
	Limit  int
	Offset int
}

// parseDealQuery reads the filter parameters shared by the explorer, the
// JSON API and the CSV export. A bad value is an EINVALID error naming the
// parameter, e.g. "amount_min: want a number".
func parseDealQuery(q url.Values) (dealQuery, error) {
	var dq dealQuery
	f := &dq.Filter
	dq.Values = url.Values{}
	keep := func(k, v string) { dq.Values.Add(k, v) }

	var err error
	if v := param(q, "from"); v != "" {
		if f.From, err = parseDate(v); err != nil {
			return dq, invalid("from: want a date such as 2026-03-04")
		}
		keep("from", v)
	}
	if v := param(q, "to"); v != "" {
		if f.To, err = parseDate(v); err != nil {
			return dq, invalid("to: want a date such as 2026-03-04")
		}
		if len(v) == len(time.DateOnly) {
			// A date alone means the whole day.
			f.To = f.To.Add(24*time.Hour - time.Nanosecond)
		}
		keep("to", v)
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return dq, invalid("to: must not be before from")
	}
	for _, v := range list(q, "kind") {
		if !pulse.DealKind(v).Valid() {
			return dq, invalid("kind: unknown kind %q", v)
		}
		f.Kinds = append(f.Kinds, pulse.DealKind(v))
		keep("kind", v)
	}
	for _, v := range list(q, "round") {
		if !pulse.Round(v).Valid() {
			return dq, invalid("round: unknown round %q", v)
		}
		f.Rounds = append(f.Rounds, pulse.Round(v))
		keep("round", v)
	}
	for _, v := range list(q, "sector") {
		if !slices.ContainsFunc(pulse.Sectors, func(s pulse.Sector) bool { return s.Slug == v }) {
			return dq, invalid("sector: unknown sector %q", v)
		}
		f.Sectors = append(f.Sectors, v)
		keep("sector", v)
	}
	for _, v := range list(q, "region") {
		if len(v) > maxText {
			return dq, invalid("region: longer than %d characters", maxText)
		}
		f.Regions = append(f.Regions, v)
		keep("region", v)
	}
	if f.AmountMin, err = amountParam(q, "amount_min"); err != nil {
		return dq, err
	}
	if f.AmountMax, err = amountParam(q, "amount_max"); err != nil {
		return dq, err
	}
	if f.AmountMin > 0 && f.AmountMax > 0 && f.AmountMax < f.AmountMin {
		return dq, invalid("amount_max: must not be less than amount_min")
	}
	for k, v := range map[string]*float64{"amount_min": &f.AmountMin, "amount_max": &f.AmountMax} {
		if *v > 0 {
			keep(k, param(q, k))
		}
	}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"company", &f.Company}, {"investor", &f.Investor}, {"q", &f.Query}} {
		v := param(q, p.name)
		if len(v) > maxText {
			return dq, invalid("%s: longer than %d characters", p.name, maxText)
		}
		if v != "" {
			*p.dst = v
			keep(p.name, v)
		}
	}
	f.Sort = "-date"
	if v := param(q, "sort"); v != "" {
		if !slices.Contains(sorts, v) {
			return dq, invalid("sort: want one of %s", strings.Join(sorts, ", "))
		}
		f.Sort = v
		keep("sort", v)
	}

	dq.Limit = defaultLimit
	if v := param(q, "limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return dq, invalid("limit: want a whole number from 1 to %d", maxLimit)
		}
		dq.Limit = n
	}
	if v := param(q, "cursor"); v != "" {
		if dq.Offset, err = decodeCursor(v); err != nil {
			return dq, invalid("cursor: not a cursor this server issued")
		}
	}
	if v := param(q, "page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1_000_000 {
			return dq, invalid("page: want a whole number from 1")
		}
		dq.Offset = (n - 1) * dq.Limit
	}
	return dq, nil
}

// param returns a parameter's first value, trimmed.
func param(q url.Values, key string) string {
	return strings.TrimSpace(q.Get(key))
}

// list returns every value of a repeatable parameter, also split on commas
// ("kind=debt,fund"), without empties.
func list(q url.Values, key string) []string {
	var out []string
	for _, v := range q[key] {
		for part := range strings.SplitSeq(v, ",") {
			if part = strings.TrimSpace(part); part != "" && !slices.Contains(out, part) {
				out = append(out, part)
			}
		}
	}
	return out
}

func parseDate(v string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, v)
}

// amountParam reads a USD amount: a plain number or one with a K, M or B
// suffix ("50M"), never negative.
func amountParam(q url.Values, key string) (float64, error) {
	v := param(q, key)
	if v == "" {
		return 0, nil
	}
	mult := 1.0
	switch strings.ToUpper(v[len(v)-1:]) {
	case "K":
		mult = 1e3
	case "M":
		mult = 1e6
	case "B":
		mult = 1e9
	}
	if mult != 1 {
		v = v[:len(v)-1]
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
	if err != nil || !(n >= 0 && n <= 1e15) { // also refuses NaN
		return 0, invalid("%s: want a number such as 50000000 or 50M", key)
	}
	return n * mult, nil
}

// Cursors are opaque to clients; today they carry an offset, which lets the
// encoding change without breaking callers who only pass them back.
func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimPrefix(string(b), "o:"))
	if err != nil || n < 0 || !strings.HasPrefix(string(b), "o:") {
		return 0, invalid("bad cursor")
	}
	return n, nil
}

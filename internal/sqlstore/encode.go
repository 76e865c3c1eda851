package sqlstore

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
)

// Stored times are int64 nanoseconds, which hold the years 1678 to 2262.
var (
	minTime = time.Unix(0, math.MinInt64)
	maxTime = time.Unix(0, math.MaxInt64)
)

// CheckTimes returns EINVALID for a time that cannot be stored exactly;
// feeds do carry dates like the year 9999.
func CheckTimes(ts ...time.Time) error {
	for _, t := range ts {
		if !t.IsZero() && (t.Before(minTime) || t.After(maxTime)) {
			return pulse.Errorf(pulse.EINVALID, "time %s is outside the years 1678 to 2262", t.Format(time.RFC3339))
		}
	}
	return nil
}

// Bound is t as a range-filter bound, clamped to the storable range.
func Bound(t time.Time) int64 {
	switch {
	case t.Before(minTime):
		return math.MinInt64
	case t.After(maxTime):
		return math.MaxInt64
	}
	return t.UnixNano()
}

// SinceBound is NULL for a zero since (everything, even undated rows),
// else the clamped bound.
func SinceBound(since time.Time) any {
	if since.IsZero() {
		return nil
	}
	return Bound(since)
}

// EncodeTime is the stored form of a time: UTC nanoseconds, NULL for zero.
func EncodeTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

// TimeCol is a scan destination for a column written by EncodeTime; NULL
// reads as the zero time.
func TimeCol(t *time.Time) sql.Scanner { return timeCol{t} }

type timeCol struct{ t *time.Time }

// Scan implements sql.Scanner, which both drivers honour.
func (c timeCol) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*c.t = time.Time{}
	case int64:
		*c.t = time.Unix(0, x).UTC()
	default:
		return fmt.Errorf("time column: unexpected %T", v)
	}
	return nil
}

// NullID stores 0 as NULL for optional references.
func NullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Fold is the case-insensitive comparison form stored beside names and
// used for substring filters.
func Fold(s string) string { return strings.ToLower(s) }

// EncodeJSON is the stored form of a JSON column; what names it in errors.
func EncodeJSON(what string, v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode %s: %w", what, err)
	}
	return string(b), nil
}

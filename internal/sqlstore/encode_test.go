package sqlstore

import (
	"math"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

func TestTimeRoundTrip(t *testing.T) {
	for _, in := range []time.Time{
		{},
		time.Date(2026, 3, 4, 12, 0, 0, 42, time.FixedZone("CET", 3600)),
		minTime,
		maxTime,
	} {
		var got time.Time
		if err := TimeCol(&got).Scan(EncodeTime(in)); err != nil {
			t.Fatalf("scan %v: %v", in, err)
		}
		if !got.Equal(in) || (!got.IsZero() && got.Location() != time.UTC) {
			t.Errorf("round trip of %v = %v, want the same instant in UTC", in, got)
		}
	}
	var got time.Time
	if err := TimeCol(&got).Scan("2026-03-04"); err == nil {
		t.Error("scanning a string into a time column succeeded")
	}
}

func TestBound(t *testing.T) {
	for _, tc := range []struct {
		in   time.Time
		want int64
	}{
		{time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC), math.MinInt64},
		{time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), math.MaxInt64},
		{time.Unix(1_700_000_000, 5), 1_700_000_000_000_000_005},
	} {
		if got := Bound(tc.in); got != tc.want {
			t.Errorf("Bound(%v) = %d, want %d", tc.in, got, tc.want)
		}
	}
	if SinceBound(time.Time{}) != nil {
		t.Error("SinceBound(zero) is not NULL")
	}
}

func TestCheckTimes(t *testing.T) {
	ok := []time.Time{{}, time.Now(), minTime, maxTime}
	if err := CheckTimes(ok...); err != nil {
		t.Errorf("CheckTimes(%v) = %v", ok, err)
	}
	for _, bad := range []time.Time{minTime.Add(-1), maxTime.Add(1), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)} {
		if err := CheckTimes(time.Now(), bad); pulse.ErrorCode(err) != pulse.EINVALID {
			t.Errorf("CheckTimes(%v) = %v, want EINVALID", bad, err)
		}
	}
}

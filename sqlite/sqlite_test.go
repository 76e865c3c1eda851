package sqlite_test

import (
	"testing"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) pulse.Store { return storetest.MustOpenSQLite(t) })
}

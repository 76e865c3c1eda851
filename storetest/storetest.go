// Package storetest is the conformance suite every pulse.Store
// implementation passes, and helpers that give other packages' tests a real
// store.
package storetest

import (
	"testing"

	"github.com/fundingpulse/pulse"
)

// Run runs the whole suite; open must return a fresh, empty store for each
// call and arrange its cleanup.
func Run(t *testing.T, open func(t *testing.T) pulse.Store) {
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) { g.run(t, open) })
	}
}

var groups = []struct {
	name string
	run  func(t *testing.T, open func(t *testing.T) pulse.Store)
}{
	{"Sources", testSources},
	{"Articles", testArticles},
	{"Deals", testDeals},
	{"DealFilters", testDealFilters},
	{"Entities", testEntities},
	{"Pulses", testPulses},
	{"Briefings", testBriefings},
	{"Tokens", testTokens},
	{"Stats", testStats},
}

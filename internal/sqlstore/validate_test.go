package sqlstore

import (
	"math"
	"testing"

	"github.com/fundingpulse/pulse"
)

func TestValidateNewDeal(t *testing.T) {
	valid := func() *pulse.Deal {
		return &pulse.Deal{Kind: pulse.KindFundingRound, Company: "Acme", Amount: 5e6,
			Mentions: []pulse.Mention{{ArticleID: 1, Start: 0, End: 10, Amount: 5e6}}}
	}
	for _, tc := range []struct {
		name  string
		edit  func(d *pulse.Deal)
		valid bool
	}{
		{"valid", func(*pulse.Deal) {}, true},
		{"unknown kind", func(d *pulse.Deal) { d.Kind = "gift" }, false},
		{"negative amount", func(d *pulse.Deal) { d.Amount = -1 }, false},
		{"NaN amount", func(d *pulse.Deal) { d.AmountUSD = math.NaN() }, false},
		{"infinite stake", func(d *pulse.Deal) { d.StakePercent = math.Inf(1) }, false},
		{"no mentions", func(d *pulse.Deal) { d.Mentions = nil }, false},
		{"mention without article", func(d *pulse.Deal) { d.Mentions[0].ArticleID = 0 }, false},
		{"reversed span", func(d *pulse.Deal) { d.Mentions[0].Start = 11 }, false},
		{"NaN mention amount", func(d *pulse.Deal) { d.Mentions[0].Amount = math.NaN() }, false},
	} {
		d := valid()
		tc.edit(d)
		err := ValidateNewDeal(d)
		if tc.valid != (err == nil) || (err != nil && pulse.ErrorCode(err) != pulse.EINVALID) {
			t.Errorf("%s: ValidateNewDeal = %v", tc.name, err)
		}
	}
}

func TestValidatePulse(t *testing.T) {
	for slug, valid := range map[string]bool{
		"ai-chips": true, "ai_chips2": true, "x": true,
		"": false, "AI": false, "a--b": false, "-a": false, "a b": false, "a/b": false,
	} {
		err := ValidatePulse(&pulse.Pulse{Slug: slug, Name: "Chips"})
		if valid != (err == nil) {
			t.Errorf("ValidatePulse(slug %q) = %v", slug, err)
		}
	}
	if err := ValidatePulse(&pulse.Pulse{Slug: "ok", Name: " "}); err == nil {
		t.Error("a pulse with a blank name passed")
	}
}

func TestPrepareArticleIdentity(t *testing.T) {
	a := &pulse.Article{GUID: "g", URL: "https://x.example/1", Title: "T"}
	b := &pulse.Article{GUID: "g", URL: "https://x.example/2", Title: "Other"}
	c := &pulse.Article{URL: "https://x.example/1", Title: "T"}
	for _, x := range []*pulse.Article{a, b, c} {
		if err := PrepareArticle(x); err != nil {
			t.Fatal(err)
		}
	}
	if a.IdentityHash != b.IdentityHash {
		t.Error("same GUID, different identity")
	}
	if a.IdentityHash == c.IdentityHash {
		t.Error("the identity came from the URL though there is a GUID")
	}
	kept := &pulse.Article{Title: "T", IdentityHash: "given"}
	if err := PrepareArticle(kept); err != nil || kept.IdentityHash != "given" {
		t.Errorf("PrepareArticle replaced a given identity: %q, %v", kept.IdentityHash, err)
	}
	if err := PrepareArticle(&pulse.Article{Title: " "}); pulse.ErrorCode(err) != pulse.EINVALID {
		t.Errorf("an empty article: %v", err)
	}
}

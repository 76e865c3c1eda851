package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

// base is a fixed, UTC instant with nanoseconds, so round-trips are exact.
var base = time.Date(2026, 3, 4, 9, 30, 15, 123456789, time.UTC)

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := pulse.ErrorCode(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// article returns a distinct, complete article numbered n.
func article(n int) *pulse.Article {
	return &pulse.Article{
		URL:          fmt.Sprintf("https://news.example/%d", n),
		GUID:         fmt.Sprintf("guid-%d", n),
		IdentityHash: hash(fmt.Sprintf("guid-%d", n)),
		Title:        fmt.Sprintf("Story %d", n),
		Outlet:       "Example News",
		Author:       "A. Writer",
		Published:    base.Add(time.Duration(n) * time.Hour),
		FetchedAt:    base.Add(time.Duration(n)*time.Hour + time.Minute),
		Lang:         "en",
		Text:         fmt.Sprintf("Body of story %d.", n),
		ContentHash:  hash(fmt.Sprintf("body-%d", n)),
		SimHash:      uint64(n) | 1<<63,
	}
}

func addArticle(t *testing.T, s pulse.Store, a *pulse.Article) *pulse.Article {
	t.Helper()
	created, err := s.AddArticle(context.Background(), a)
	must(t, err)
	if !created {
		t.Fatalf("article %q was not created", a.URL)
	}
	return a
}

func addSource(t *testing.T, s pulse.Store, url string) *pulse.Source {
	t.Helper()
	src := &pulse.Source{Kind: pulse.SourceFeed, URL: url, Title: "Feed"}
	must(t, s.CreateSource(context.Background(), src))
	return src
}

// deal returns a deal with one mention in the given article.
func deal(company string, articleID int64, amount float64) *pulse.Deal {
	return &pulse.Deal{
		Kind: pulse.KindFundingRound, Company: company, Round: "series_a",
		Amount: amount, Currency: "USD", AmountUSD: amount,
		Investors: []string{"Acme Ventures", "Beta Capital"}, LeadInvestors: []string{"Acme Ventures"},
		Sector: "chips", Country: "India", Region: "asia",
		Mentions: []pulse.Mention{{
			ArticleID: articleID, Sentence: company + " raised money.", Start: 0, End: 10,
			Amount: amount, Currency: "USD",
			Evidence: []pulse.Evidence{{Field: "amount", Start: 2, End: 5, Text: "$10M"}},
		}},
	}
}

func createDeal(t *testing.T, s pulse.Store, d *pulse.Deal) *pulse.Deal {
	t.Helper()
	must(t, s.CreateDeal(context.Background(), d))
	return d
}

func ids[T any](xs []T, id func(T) int64) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

func articleIDs(as []*pulse.Article) []int64 {
	return ids(as, func(a *pulse.Article) int64 { return a.ID })
}
func dealIDs(ds []*pulse.Deal) []int64 { return ids(ds, func(d *pulse.Deal) int64 { return d.ID }) }

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

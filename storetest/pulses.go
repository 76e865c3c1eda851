package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

func newPulse(slug string) *pulse.Pulse {
	return &pulse.Pulse{Slug: slug, Name: "AI Funding Pulse", Topic: "AI data centers", Description: "Money in AI infrastructure.",
		Query: pulse.PulseQuery{Keywords: `"data center" OR gpu`, Sectors: []string{"data_centers"}, Kinds: []pulse.DealKind{pulse.KindDebt},
			MinAmountUSD: 1e6, From: base}}
}

func testPulses(t *testing.T, open func(t *testing.T) pulse.Store) {
	ctx := context.Background()

	t.Run("CRUD", func(t *testing.T) {
		s := open(t)
		p := newPulse("ai-funding")
		must(t, s.CreatePulse(ctx, p))
		if p.ID == 0 || p.CreatedAt.IsZero() {
			t.Fatalf("ID or CreatedAt not set: %+v", p)
		}
		got, err := s.FindPulseBySlug(ctx, "ai-funding")
		must(t, err)
		if !reflect.DeepEqual(got.Query, p.Query) || got.Name != p.Name || got.Topic != p.Topic || got.Description != p.Description {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, p)
		}
		p.Name, p.Query = "Renamed", pulse.PulseQuery{Entities: []string{"Crusoe"}}
		must(t, s.UpdatePulse(ctx, p))
		got, err = s.FindPulseBySlug(ctx, "ai-funding")
		must(t, err)
		if got.Name != "Renamed" || !reflect.DeepEqual(got.Query, p.Query) {
			t.Fatalf("after update: %+v", got)
		}
		must(t, s.CreatePulse(ctx, newPulse("photonics")))
		all, err := s.FindPulses(ctx)
		must(t, err)
		if len(all) != 2 || all[0].Slug != "ai-funding" || all[1].Slug != "photonics" {
			t.Fatalf("FindPulses = %+v", all)
		}
		must(t, s.DeletePulse(ctx, "photonics"))
		_, err = s.FindPulseBySlug(ctx, "photonics")
		wantCode(t, err, pulse.ENOTFOUND)
	})

	t.Run("Errors", func(t *testing.T) {
		s := open(t)
		must(t, s.CreatePulse(ctx, newPulse("taken")))
		for _, tc := range []struct {
			name string
			p    *pulse.Pulse
			code string
		}{
			{"taken slug", newPulse("taken"), pulse.ECONFLICT},
			{"empty slug", newPulse(""), pulse.EINVALID},
			{"slug with space", newPulse("a b"), pulse.EINVALID},
			{"slug with slash", newPulse("a/b"), pulse.EINVALID},
			{"upper-case slug", newPulse("AI"), pulse.EINVALID},
			{"empty name", &pulse.Pulse{Slug: "ok"}, pulse.EINVALID},
		} {
			t.Run(tc.name, func(t *testing.T) { wantCode(t, s.CreatePulse(ctx, tc.p), tc.code) })
		}
		wantCode(t, s.UpdatePulse(ctx, &pulse.Pulse{ID: 999, Slug: "nope", Name: "x"}), pulse.ENOTFOUND)
		wantCode(t, s.DeletePulse(ctx, "nope"), pulse.ENOTFOUND)
	})

	t.Run("Matches", func(t *testing.T) {
		s := open(t)
		p := newPulse("ai")
		must(t, s.CreatePulse(ctx, p))
		a1, a2 := addArticle(t, s, article(1)), addArticle(t, s, article(2))
		d := createDeal(t, s, deal("Crusoe", a1.ID, 1))
		must(t, s.AddPulseMatches(ctx, p.ID, pulse.PulseMatches{ArticleIDs: []int64{a2.ID, a1.ID}, DealIDs: []int64{d.ID}}))
		must(t, s.AddPulseMatches(ctx, p.ID, pulse.PulseMatches{ArticleIDs: []int64{a1.ID}}))
		got, err := s.FindPulseMatches(ctx, p.ID)
		must(t, err)
		if !equalIDs(got.ArticleIDs, []int64{a1.ID, a2.ID}) || !equalIDs(got.DealIDs, []int64{d.ID}) {
			t.Fatalf("matches = %+v", got)
		}
		must(t, s.SetPulseMatches(ctx, p.ID, pulse.PulseMatches{ArticleIDs: []int64{a2.ID}}))
		got, err = s.FindPulseMatches(ctx, p.ID)
		must(t, err)
		if !equalIDs(got.ArticleIDs, []int64{a2.ID}) || len(got.DealIDs) != 0 {
			t.Fatalf("after set: %+v", got)
		}
		wantCode(t, s.AddPulseMatches(ctx, p.ID, pulse.PulseMatches{ArticleIDs: []int64{999}}), pulse.EINVALID)
		wantCode(t, s.AddPulseMatches(ctx, 999, pulse.PulseMatches{}), pulse.ENOTFOUND)
		must(t, s.DeletePulse(ctx, "ai"))
		must(t, s.CreatePulse(ctx, newPulse("ai")))
		st, err := s.Stats(ctx)
		must(t, err)
		if st.Pulses != 1 {
			t.Fatalf("stats = %+v", st)
		}
	})
}

func testBriefings(t *testing.T, open func(t *testing.T) pulse.Store) {
	ctx := context.Background()
	s := open(t)
	p := newPulse("ai")
	must(t, s.CreatePulse(ctx, p))
	_, err := s.FindBriefing(ctx, p.ID, 0)
	wantCode(t, err, pulse.ENOTFOUND)

	brief := func(hash, lede string) *pulse.Briefing {
		return &pulse.Briefing{PulseID: p.ID, Hash: hash, Title: p.Name, Lede: lede, SourceCount: 1, Updated: base,
			Sections: []pulse.BriefingSection{{Key: "k", Title: "Miners", Bullets: []pulse.BriefingBullet{{Text: "A raised B.", DealID: 1, Citations: []int{1}}}}},
			Sources:  []pulse.Citation{{N: 1, ArticleID: 1, Outlet: "O", Title: "T", URL: "https://o.example/t", Published: base}}}
	}
	steps := []struct {
		b       *pulse.Briefing
		created bool
		version int
	}{
		{brief("h1", "first"), true, 1},
		{brief("h1", "same hash"), false, 0},
		{brief("h2", "second"), true, 2},
		{brief("h1", "back to the first text"), true, 3},
	}
	for i, st := range steps {
		created, err := s.AddBriefing(ctx, st.b)
		must(t, err)
		if created != st.created || (created && (st.b.Version != st.version || st.b.PulseSlug != "ai" || st.b.CreatedAt.IsZero())) {
			t.Fatalf("step %d: created %v, briefing %+v", i, created, st.b)
		}
	}
	latest, err := s.FindBriefing(ctx, p.ID, 0)
	must(t, err)
	if latest.Version != 3 || latest.Lede != "back to the first text" {
		t.Fatalf("latest = %+v", latest)
	}
	v2, err := s.FindBriefing(ctx, p.ID, 2)
	must(t, err)
	want := steps[2].b
	if !reflect.DeepEqual(v2.Sections, want.Sections) || !reflect.DeepEqual(v2.Sources, want.Sources) || v2.Lede != "second" ||
		!v2.CreatedAt.Equal(want.CreatedAt) || !v2.Updated.Equal(base) {
		t.Fatalf("version 2:\n got %+v\nwant %+v", v2, want)
	}
	_, err = s.FindBriefing(ctx, p.ID, 9)
	wantCode(t, err, pulse.ENOTFOUND)
	all, err := s.FindBriefings(ctx, p.ID, time.Time{}, 0)
	must(t, err)
	if len(all) != 3 || all[0].Version != 3 || all[2].Version != 1 {
		t.Fatalf("FindBriefings = %d versions", len(all))
	}
	some, err := s.FindBriefings(ctx, p.ID, steps[2].b.CreatedAt, 1)
	must(t, err)
	if len(some) != 1 || some[0].Version != 3 {
		t.Fatalf("FindBriefings since v2, limit 1 = %+v", some)
	}
	_, err = s.AddBriefing(ctx, &pulse.Briefing{PulseID: 999, Hash: "x"})
	wantCode(t, err, pulse.ENOTFOUND)
	must(t, s.DeletePulse(ctx, "ai"))
	_, err = s.FindBriefing(ctx, p.ID, 0)
	wantCode(t, err, pulse.ENOTFOUND)
}

func testTokens(t *testing.T, open func(t *testing.T) pulse.Store) {
	ctx := context.Background()
	s := open(t)
	tok := &pulse.Token{Name: "ci", Hash: hash("secret")}
	must(t, s.CreateToken(ctx, tok))
	if tok.ID == 0 || tok.CreatedAt.IsZero() {
		t.Fatalf("token = %+v", tok)
	}
	wantCode(t, s.CreateToken(ctx, &pulse.Token{Name: "ci", Hash: hash("other")}), pulse.ECONFLICT)
	got, err := s.FindTokenByHash(ctx, hash("secret"))
	must(t, err)
	if got.ID != tok.ID || got.Name != "ci" || got.LastUsedAt.IsZero() {
		t.Fatalf("found %+v", got)
	}
	_, err = s.FindTokenByHash(ctx, hash("wrong"))
	wantCode(t, err, pulse.ENOTFOUND)
	must(t, s.CreateToken(ctx, &pulse.Token{Name: "ops", Hash: hash("ops")}))
	all, err := s.FindTokens(ctx)
	must(t, err)
	if len(all) != 2 || all[0].Name != "ci" || all[1].Name != "ops" || all[0].LastUsedAt.IsZero() || all[1].Hash != hash("ops") {
		t.Fatalf("FindTokens = %+v", all)
	}
}

func testStats(t *testing.T, open func(t *testing.T) pulse.Store) {
	ctx := context.Background()
	s := open(t)
	st, err := s.Stats(ctx)
	must(t, err)
	if st != (pulse.Stats{}) {
		t.Fatalf("empty store stats = %+v", st)
	}
	must(t, s.Ping(ctx))
	addSource(t, s, "https://feeds.example/a")
	first := addArticle(t, s, article(1))
	for n := 2; n <= 4; n++ {
		a := article(n)
		a.DuplicateOf = first.ID
		addArticle(t, s, a)
	}
	second := addArticle(t, s, article(5))
	a := article(6)
	a.DuplicateOf = second.ID
	addArticle(t, s, a)
	d := createDeal(t, s, deal("Crusoe", first.ID, 1))
	must(t, s.AddMention(ctx, d.ID, &pulse.Mention{ArticleID: second.ID}))
	must(t, s.CreatePulse(ctx, newPulse("ai")))
	st, err = s.Stats(ctx)
	must(t, err)
	want := pulse.Stats{Sources: 1, Articles: 6, NearDuplicates: 4, DuplicateGroups: 2, Deals: 1, Mentions: 2, Pulses: 1}
	if st != want {
		t.Fatalf("stats = %+v, want %+v", st, want)
	}
}

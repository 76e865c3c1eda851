package brief

import (
	"context"
	"slices"
	"testing"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/storetest"
)

// storeFixture stores fixture articles and deals and returns the stored
// deals by fixture deal ID. Deals listed in hold are left out.
type storeFixture struct {
	s     pulse.Store
	arts  map[int64]*pulse.Article // by fixture ID
	ids   map[int64]int64          // fixture article ID → stored ID
	deals map[int64]*pulse.Deal    // fixture deal ID → stored deal
}

func newStoreFixture(t *testing.T) *storeFixture {
	return &storeFixture{s: storetest.MustOpenSQLite(t), arts: fixtureArticleMap(), ids: map[int64]int64{}, deals: map[int64]*pulse.Deal{}}
}

func (f *storeFixture) addArticle(t *testing.T, id int64) *pulse.Article {
	t.Helper()
	a := *f.arts[id]
	a.ID = 0
	if a.DuplicateOf != 0 {
		a.DuplicateOf = f.ids[a.DuplicateOf]
	}
	if _, err := f.s.AddArticle(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	f.ids[id] = a.ID
	return &a
}

func (f *storeFixture) addDeal(t *testing.T, d *pulse.Deal) *pulse.Deal {
	t.Helper()
	fixtureID := d.ID
	c := *d
	c.ID = 0
	c.Mentions = slices.Clone(d.Mentions)
	for i := range c.Mentions {
		c.Mentions[i].ArticleID = f.ids[c.Mentions[i].ArticleID]
	}
	if err := f.s.CreateDeal(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	f.deals[fixtureID] = &c
	return &c
}

func TestRebuildVersions(t *testing.T) {
	ctx := context.Background()
	f := newStoreFixture(t)
	deals := fixtureDeals(f.arts)
	for id := int64(1); id <= 7; id++ {
		f.addArticle(t, id)
	}
	f.addArticle(t, 9)
	for _, d := range deals[:6] {
		f.addDeal(t, d)
	}
	if err := EnsureDefaults(ctx, f.s); err != nil {
		t.Fatal(err)
	}
	p, err := f.s.FindPulseBySlug(ctx, DefaultSlug)
	if err != nil {
		t.Fatal(err)
	}
	m, err := f.s.FindPulseMatches(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.DealIDs) != 6 {
		t.Fatalf("default pulse matched deals %v, want all 6", m.DealIDs)
	}

	b1, created, err := Rebuild(ctx, f.s, p, now, nil)
	if err != nil || !created || b1.Version != 1 {
		t.Fatalf("first rebuild: version %v created %v err %v", b1, created, err)
	}
	_, created, err = Rebuild(ctx, f.s, p, now.Add(1), nil)
	if err != nil || created {
		t.Fatalf("second rebuild with nothing new: created %v err %v", created, err)
	}
	if vs, _ := f.s.FindBriefings(ctx, p.ID, now.AddDate(-1, 0, 0), 0); len(vs) != 1 {
		t.Fatalf("%d versions after two rebuilds, want 1", len(vs))
	}

	// A new article with a new deal arrives through the ingest path.
	a8 := f.addArticle(t, 8)
	d7 := f.addDeal(t, deals[6])
	stored, err := f.s.FindDealByID(ctx, d7.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := MatchNew(ctx, f.s, []*pulse.Article{a8}, []*pulse.Deal{stored}); err != nil {
		t.Fatal(err)
	}
	b2, created, err := Rebuild(ctx, f.s, p, now.Add(2), nil)
	if err != nil || !created || b2.Version != 2 {
		t.Fatalf("rebuild after a new deal: %v created %v err %v", b2, created, err)
	}
	if len(b2.Latest) != 1 || b2.Latest[0].DealID != d7.ID || b2.Latest[0].Change != "added" {
		t.Fatalf("Latest = %+v, want exactly deal %d added", b2.Latest, d7.ID)
	}
	if _, created, _ = Rebuild(ctx, f.s, p, now.Add(3), nil); created {
		t.Error("a third rebuild with nothing new stored a version")
	}
	latest, err := f.s.FindBriefing(ctx, p.ID, 0)
	if err != nil || latest.Version != 2 || latest.Hash != b2.Hash {
		t.Errorf("latest stored version %v, err %v", latest, err)
	}
}

func TestSovereignPulseAndQueryChange(t *testing.T) {
	ctx := context.Background()
	f := newStoreFixture(t)
	for id := int64(1); id <= 9; id++ {
		f.addArticle(t, id)
	}
	for _, d := range fixtureDeals(f.arts) {
		f.addDeal(t, d)
	}
	if err := EnsureDefaults(ctx, f.s); err != nil {
		t.Fatal(err)
	}
	p, err := f.s.FindPulseBySlug(ctx, "sovereign-ai-hubs")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := f.s.FindPulseMatches(ctx, p.ID)
	want := []int64{f.deals[4].ID, f.deals[5].ID}
	if !slices.Equal(m.DealIDs, want) {
		t.Errorf("sovereign hubs matched %v, want %v (Google in India, Mistral in Sweden)", m.DealIDs, want)
	}
	// Narrowing the query recomputes matches and writes a new version.
	if _, _, err := Rebuild(ctx, f.s, p, now, nil); err != nil {
		t.Fatal(err)
	}
	p.Query.Regions = []string{"India"}
	created, err := SavePulse(ctx, f.s, p, now.Add(1), nil)
	if err != nil || created {
		t.Fatalf("SavePulse: created %v err %v", created, err)
	}
	m, _ = f.s.FindPulseMatches(ctx, p.ID)
	if !slices.Equal(m.DealIDs, []int64{f.deals[4].ID}) {
		t.Errorf("after narrowing to India: %v", m.DealIDs)
	}
	b, err := f.s.FindBriefing(ctx, p.ID, 0)
	if err != nil || b.Version != 2 {
		t.Fatalf("briefing after the query changed: %v %v", b, err)
	}
	if ch := Diff(mustVersion(t, f.s, p.ID, 1), b); len(ch.Removed) != 1 || ch.Removed[0].DealID != f.deals[5].ID {
		t.Errorf("Diff removed %+v, want the Swedish campus", ch.Removed)
	}
}

func mustVersion(t *testing.T, s pulse.Store, pulseID int64, v int) *pulse.Briefing {
	t.Helper()
	b, err := s.FindBriefing(context.Background(), pulseID, v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEntityAliasesFromStore(t *testing.T) {
	ctx := context.Background()
	f := newStoreFixture(t)
	for id := int64(1); id <= 3; id++ {
		f.addArticle(t, id)
	}
	for _, d := range fixtureDeals(f.arts)[:3] {
		f.addDeal(t, d)
	}
	ent, err := f.s.ResolveEntity(ctx, "MARA Holdings")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.AddAlias(ctx, ent.ID, "Marathon Digital Holdings"); err != nil {
		t.Fatal(err)
	}
	p := &pulse.Pulse{Slug: "marathon", Name: "Marathon", Query: pulse.PulseQuery{Entities: []string{"Marathon Digital"}}}
	if _, err := SavePulse(ctx, f.s, p, now, nil); err != nil {
		t.Fatal(err)
	}
	m, _ := f.s.FindPulseMatches(ctx, p.ID)
	if !slices.Equal(m.DealIDs, []int64{f.deals[1].ID}) {
		t.Errorf("a pulse on an alias matched deals %v, want the MARA deal %d", m.DealIDs, f.deals[1].ID)
	}
}

package storetest

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"github.com/fundingpulse/pulse"
)

func testEntities(t *testing.T, open func(t *testing.T) pulse.Store) {
	ctx := context.Background()

	t.Run("Resolve", func(t *testing.T) {
		s := open(t)
		first, err := s.ResolveEntity(ctx, "Ayar Labs, Inc.")
		must(t, err)
		if first.ID == 0 || first.Name != "Ayar Labs, Inc." {
			t.Fatalf("first = %+v", first)
		}
		for _, name := range []string{"Ayar Labs", "AYAR LABS INC", "  ayar   labs ltd. "} {
			e, err := s.ResolveEntity(ctx, name)
			must(t, err)
			if e.ID != first.ID {
				t.Fatalf("%q resolved to %d, want %d", name, e.ID, first.ID)
			}
		}
		other, err := s.ResolveEntity(ctx, "Ayar Photonics")
		must(t, err)
		if other.ID == first.ID {
			t.Fatal("a different name resolved to the same entity")
		}
		for _, bad := range []string{"", "   ", "!!!"} {
			_, err := s.ResolveEntity(ctx, bad)
			wantCode(t, err, pulse.EINVALID)
		}
		_, err = s.FindEntityByID(ctx, 999)
		wantCode(t, err, pulse.ENOTFOUND)
	})

	t.Run("ConcurrentResolve", func(t *testing.T) {
		s := open(t)
		const workers = 8
		var wg sync.WaitGroup
		got := make([]int64, workers)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Different spellings of one name, all new to the store.
				e, err := s.ResolveEntity(ctx, []string{"Lambda Inc.", "Lambda", "LAMBDA, Inc", "The Lambda"}[w%4])
				if err != nil {
					t.Error(err)
					return
				}
				got[w] = e.ID
			}()
		}
		wg.Wait()
		for _, id := range got {
			if id != got[0] {
				t.Fatalf("concurrent resolves gave IDs %v, want one", got)
			}
		}
		all, err := s.FindEntities(ctx, "", 0)
		must(t, err)
		if len(all) != 1 {
			t.Fatalf("%d entities, want 1", len(all))
		}
	})

	t.Run("AliasAndFind", func(t *testing.T) {
		s := open(t)
		mara, err := s.ResolveEntity(ctx, "MARA Holdings")
		must(t, err)
		must(t, s.AddAlias(ctx, mara.ID, "Marathon Digital Holdings"))
		must(t, s.AddAlias(ctx, mara.ID, "marathon digital")) // same normal form: no-op
		e, err := s.ResolveEntity(ctx, "Marathon Digital")
		must(t, err)
		if e.ID != mara.ID || e.Name != "MARA Holdings" || !reflect.DeepEqual(e.Aliases, []string{"Marathon Digital Holdings"}) {
			t.Fatalf("resolved alias = %+v", e)
		}
		_, err = s.ResolveEntity(ctx, "Riot Platforms")
		must(t, err)
		for _, tc := range []struct {
			query string
			limit int
			want  []string
		}{
			{"", 0, []string{"MARA Holdings", "Riot Platforms"}},
			{"", 1, []string{"MARA Holdings"}},
			{"MARATHON", 0, []string{"MARA Holdings"}},
			{"platf", 0, []string{"Riot Platforms"}},
			{"%", 0, []string{}},
		} {
			got, err := s.FindEntities(ctx, tc.query, tc.limit)
			must(t, err)
			names := []string{}
			for _, e := range got {
				names = append(names, e.Name)
			}
			if !reflect.DeepEqual(names, tc.want) {
				t.Fatalf("FindEntities(%q, %d) = %v, want %v", tc.query, tc.limit, names, tc.want)
			}
		}
		wantCode(t, s.AddAlias(ctx, 999, "x"), pulse.ENOTFOUND)
		wantCode(t, s.AddAlias(ctx, mara.ID, " "), pulse.EINVALID)
	})

	t.Run("Merge", func(t *testing.T) {
		s := open(t)
		a := addArticle(t, s, article(1))
		d1 := createDeal(t, s, deal("MARA Holdings", a.ID, 1e6))
		d2 := deal("Marathon Digital", a.ID, 2e6)
		d2.Investors = []string{"Marathon Digital"}
		createDeal(t, s, d2)
		if d1.CompanyID == d2.CompanyID {
			t.Fatal("distinct names should start as distinct entities")
		}
		must(t, s.AddAlias(ctx, d1.CompanyID, "Marathon Digital"))
		_, err := s.FindEntityByID(ctx, d2.CompanyID)
		wantCode(t, err, pulse.ENOTFOUND)
		got, err := s.FindDealByID(ctx, d2.ID)
		must(t, err)
		if got.CompanyID != d1.CompanyID || !reflect.DeepEqual(got.Aliases, []string{"MARA Holdings"}) {
			t.Fatalf("merged deal: CompanyID %d (want %d), aliases %v", got.CompanyID, d1.CompanyID, got.Aliases)
		}
		byCompany, total, err := s.FindDeals(ctx, pulse.DealFilter{CompanyID: d1.CompanyID})
		must(t, err)
		if total != 2 || len(byCompany) != 2 {
			t.Fatalf("deals of the merged entity = %v", dealIDs(byCompany))
		}
		byInvestor, _, err := s.FindDeals(ctx, pulse.DealFilter{InvestorID: d1.CompanyID})
		must(t, err)
		if !equalIDs(dealIDs(byInvestor), []int64{d2.ID}) {
			t.Fatalf("investor references not repointed: %v", dealIDs(byInvestor))
		}
		e, err := s.ResolveEntity(ctx, "marathon digital")
		must(t, err)
		if e.ID != d1.CompanyID {
			t.Fatalf("old name resolves to %d, want %d", e.ID, d1.CompanyID)
		}
	})
}

package storetest

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

func testArticles(t *testing.T, open func(t *testing.T) pulse.Store) {
	ctx := context.Background()

	t.Run("RoundTrip", func(t *testing.T) {
		s := open(t)
		src := addSource(t, s, "https://feeds.example/a")
		a := article(1)
		a.SourceID = src.ID
		a.Published = time.Date(2026, 3, 4, 1, 2, 3, 999999999, time.FixedZone("EST", -5*3600))
		a.ExtractedAt = base
		addArticle(t, s, a)
		got, err := s.FindArticleByID(ctx, a.ID)
		must(t, err)
		if !got.Published.Equal(a.Published) || got.Published.Location() != time.UTC {
			t.Fatalf("Published = %v, want %v in UTC", got.Published, a.Published)
		}
		want := *a
		want.Published, want.FetchedAt, want.ExtractedAt = a.Published.UTC(), a.FetchedAt.UTC(), a.ExtractedAt.UTC()
		if !reflect.DeepEqual(*got, want) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", *got, want)
		}
		_, err = s.FindArticleByID(ctx, 12345)
		wantCode(t, err, pulse.ENOTFOUND)
	})

	t.Run("TimeRange", func(t *testing.T) {
		s := open(t)
		for _, ts := range []time.Time{time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC)} {
			a := article(1)
			a.Published = ts
			_, err := s.AddArticle(ctx, a)
			wantCode(t, err, pulse.EINVALID)
		}
		a := addArticle(t, s, article(2))
		got, total, err := s.FindArticles(ctx, pulse.ArticleFilter{
			From: time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC), To: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)})
		must(t, err)
		if total != 1 || got[0].ID != a.ID {
			t.Fatalf("wide range found %v", articleIDs(got))
		}
	})

	t.Run("LongText", func(t *testing.T) {
		s := open(t)
		a := article(1)
		a.Text = strings.Repeat("Quantum compute raises 12 million. ", 60000) // about 2 MB
		addArticle(t, s, a)
		got, err := s.FindArticleByID(ctx, a.ID)
		must(t, err)
		if got.Text != a.Text {
			t.Fatal("long text not stored exactly")
		}
		found, _, err := s.FindArticles(ctx, pulse.ArticleFilter{Query: "quantum"})
		must(t, err)
		if len(found) != 1 {
			t.Fatalf("long article not found by search: %v", articleIDs(found))
		}
	})

	t.Run("Idempotent", func(t *testing.T) {
		s := open(t)
		first := addArticle(t, s, article(1))
		for _, tc := range []struct {
			name string
			edit func(a *pulse.Article)
		}{
			{"same identity", func(a *pulse.Article) { a.URL, a.ContentHash = "https://other.example/x", hash("other") }},
			{"same URL", func(a *pulse.Article) { a.IdentityHash, a.ContentHash = hash("other id"), hash("other") }},
			{"same content", func(a *pulse.Article) { a.IdentityHash, a.URL = hash("other id"), "https://other.example/y" }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				a := article(1)
				tc.edit(a)
				created, err := s.AddArticle(ctx, a)
				must(t, err)
				if created || a.ID != first.ID {
					t.Fatalf("created=%v ID=%d, want false and %d", created, a.ID, first.ID)
				}
			})
		}
		// Empty URL and content hash never collide with each other.
		for i := range 2 {
			a := article(10 + i)
			a.URL, a.ContentHash = "", ""
			addArticle(t, s, a)
		}
		st, err := s.Stats(ctx)
		must(t, err)
		if st.Articles != 3 {
			t.Fatalf("Articles = %d, want 3", st.Articles)
		}
	})

	t.Run("ConcurrentIdempotent", func(t *testing.T) {
		s := open(t)
		const workers, articles = 8, 10
		var wg sync.WaitGroup
		var mu sync.Mutex
		created := 0
		idsByN := map[int]map[int64]bool{}
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := range articles {
					// Each worker varies a different key so all three
					// uniqueness checks race.
					a := article(n)
					switch w % 3 {
					case 1:
						a.IdentityHash = hash(fmt.Sprintf("w%d-%d", w, n))
					case 2:
						a.IdentityHash, a.URL = hash(fmt.Sprintf("w%d-%d", w, n)), fmt.Sprintf("https://w%d.example/%d", w, n)
					}
					ok, err := s.AddArticle(ctx, a)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					if ok {
						created++
					}
					if idsByN[n] == nil {
						idsByN[n] = map[int64]bool{}
					}
					idsByN[n][a.ID] = true
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if created != articles {
			t.Fatalf("created %d articles, want %d", created, articles)
		}
		for n, ids := range idsByN {
			if len(ids) != 1 {
				t.Fatalf("article %d got IDs %v, want one", n, ids)
			}
		}
	})

	t.Run("FindArticles", func(t *testing.T) {
		s := open(t)
		src := addSource(t, s, "https://feeds.example/a")
		var all []*pulse.Article
		for n := 1; n <= 5; n++ {
			a := article(n)
			if n%2 == 0 {
				a.SourceID = src.ID
			}
			all = append(all, addArticle(t, s, a))
		}
		must(t, s.MarkExtracted(ctx, all[0].ID, base))
		wantCode(t, s.MarkExtracted(ctx, 999, base), pulse.ENOTFOUND)
		u := all[2].URL
		for _, tc := range []struct {
			name  string
			f     pulse.ArticleFilter
			want  []int64
			total int
		}{
			{"all newest first", pulse.ArticleFilter{}, []int64{5, 4, 3, 2, 1}, 5},
			{"limit offset", pulse.ArticleFilter{Limit: 2, Offset: 1}, []int64{4, 3}, 5},
			{"ids", pulse.ArticleFilter{IDs: []int64{1, 3}}, []int64{3, 1}, 2},
			{"empty ids", pulse.ArticleFilter{IDs: []int64{}}, []int64{}, 0},
			{"source", pulse.ArticleFilter{SourceID: &src.ID}, []int64{4, 2}, 2},
			{"url", pulse.ArticleFilter{URL: &u}, []int64{3}, 1},
			{"from to inclusive", pulse.ArticleFilter{From: all[1].Published, To: all[3].Published}, []int64{4, 3, 2}, 3},
			{"not extracted", pulse.ArticleFilter{NotExtracted: true, Limit: 1}, []int64{5}, 4},
			{"query", pulse.ArticleFilter{Query: "story 3"}, []int64{3}, 1},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, total, err := s.FindArticles(ctx, tc.f)
				must(t, err)
				want := make([]int64, len(tc.want))
				for i, n := range tc.want {
					want[i] = all[n-1].ID
				}
				if !equalIDs(articleIDs(got), want) || total != tc.total {
					t.Fatalf("got %v (total %d), want %v (total %d)", articleIDs(got), total, want, tc.total)
				}
			})
		}
	})

	t.Run("Signatures", func(t *testing.T) {
		s := open(t)
		a := addArticle(t, s, article(1))
		b := article(2)
		b.DuplicateOf = a.ID
		addArticle(t, s, b)
		c := article(3)
		c.Published = time.Time{}
		addArticle(t, s, c)
		sigs, err := s.ArticleSignatures(ctx, b.Published)
		must(t, err)
		if len(sigs) != 1 || sigs[0].ID != b.ID || sigs[0].SimHash != b.SimHash || sigs[0].DuplicateOf != a.ID ||
			sigs[0].Title != b.Title || !sigs[0].Published.Equal(b.Published) {
			t.Fatalf("signatures since %v = %+v", b.Published, sigs)
		}
		sigs, err = s.ArticleSignatures(ctx, time.Time{})
		must(t, err)
		if len(sigs) != 3 {
			t.Fatalf("signatures since zero = %d, want 3", len(sigs))
		}
		st, err := s.Stats(ctx)
		must(t, err)
		if st.NearDuplicates != 1 || st.DuplicateGroups != 1 {
			t.Fatalf("stats = %+v", st)
		}
	})

	t.Run("Search", func(t *testing.T) {
		s := open(t)
		texts := []struct{ title, text string }{
			{"Ayar Labs raises $155 million", "The optical interconnect startup's Series D was led by Advent."},
			{"Crusoe closes fund", "Crusoe Énergie announced a data-center fund for AI compute in Texas."},
			{"Weather", "Sunny with a chance of rain; nothing about money at all."},
		}
		var as []*pulse.Article
		for i, x := range texts {
			a := article(i + 1)
			a.Title, a.Text = x.title, x.text
			as = append(as, addArticle(t, s, a))
		}
		for _, tc := range []struct {
			q    string
			want []int
		}{
			{"optical", []int{1}},
			{"OPTICAL interconnect", []int{1}},
			{`"optical interconnect"`, []int{1}},
			{"opt*", []int{1}},
			{`"optical inter"*`, []int{1}},
			{"optical*", []int{1}},
			{"crusoe OR ayar", []int{2, 1}},
			{"money -weather", []int{}},
			{"fund NOT texas", []int{}},
			{"(ayar OR crusoe) AND fund", []int{2}},
			{"energie", []int{2}},
			{"data-center", []int{2}},
			{"$155", []int{1}},
			{"startup's", []int{1}},
		} {
			t.Run(tc.q, func(t *testing.T) {
				got, _, err := s.FindArticles(ctx, pulse.ArticleFilter{Query: tc.q})
				must(t, err)
				want := make([]int64, len(tc.want))
				for i, n := range tc.want {
					want[i] = as[n-1].ID
				}
				if !equalIDs(articleIDs(got), want) {
					t.Fatalf("query %q = %v, want %v", tc.q, articleIDs(got), want)
				}
			})
		}
		for _, q := range hostileQueries {
			t.Run("hostile "+q, func(t *testing.T) {
				_, _, err := s.FindArticles(ctx, pulse.ArticleFilter{Query: q})
				if code := pulse.ErrorCode(err); code != "" && code != pulse.EINVALID {
					t.Fatalf("query %q: %v", q, err)
				}
			})
		}
	})
}

// hostileQueries are search strings that must either work or be EINVALID.
var hostileQueries = []string{
	`"`, `""`, `"unterminated`, `(`, `)`, `()`, `(()`, `a)`, `((a)`, `NOT`, `NOT a`, `a NOT`, `-a`, `-`, `*`, `a*`, `**`,
	`AND`, `OR`, `a OR`, `OR a`, `a AND AND b`, `a OR OR b`, `NEAR(a b)`, `title:a`, `{title}: a`, `a:b`, `^a`, `+a`,
	`'; DROP TABLE articles; --`, `%`, `_`, `\`, "\x00", "a\x00b", "\xff\xfe", `日本語`, `emoji 🚀`, `Ärger über Öl`,
	`"a" "b"`, `a"b"c`, `(((((((((((((((((((((((((a)))))))))))))))))))))))))`, `NOT NOT a`, `-(-a)`, `a - b`,
	`OR OR OR`, `$`, `$100M`, `AT&T`, `c++`, `.net`, `e.g.`, `"NOT"`, `"OR"`, `and or not`,
}

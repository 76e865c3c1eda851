package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/fundingpulse/pulse"
)

func testSources(t *testing.T, open func(t *testing.T) pulse.Store) {
	ctx := context.Background()

	t.Run("CreateAndFind", func(t *testing.T) {
		s := open(t)
		src := &pulse.Source{Kind: pulse.SourceFeed, URL: "https://feeds.example/rss", Title: "Example", Interval: 90 * time.Minute,
			NextPollAt: base}
		must(t, s.CreateSource(ctx, src))
		if src.ID == 0 || src.CreatedAt.IsZero() {
			t.Fatalf("ID or CreatedAt not set: %+v", src)
		}
		got, err := s.FindSourceByID(ctx, src.ID)
		must(t, err)
		if got.URL != src.URL || got.Kind != src.Kind || got.Title != src.Title || got.Interval != src.Interval ||
			!got.NextPollAt.Equal(base) || !got.CreatedAt.Equal(src.CreatedAt) || got.ArticleCount != 0 {
			t.Fatalf("got %+v, want %+v", got, src)
		}
		url := src.URL
		list, err := s.FindSources(ctx, pulse.SourceFilter{URL: &url})
		must(t, err)
		if len(list) != 1 || list[0].ID != src.ID {
			t.Fatalf("FindSources by URL = %v", list)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		s := open(t)
		addSource(t, s, "https://feeds.example/a")
		for _, tc := range []struct {
			name string
			src  pulse.Source
			code string
		}{
			{"bad kind", pulse.Source{Kind: "ftp", URL: "https://x.example"}, pulse.EINVALID},
			{"empty URL", pulse.Source{Kind: pulse.SourcePage, URL: " "}, pulse.EINVALID},
			{"duplicate URL", pulse.Source{Kind: pulse.SourceFeed, URL: "https://feeds.example/a"}, pulse.ECONFLICT},
		} {
			t.Run(tc.name, func(t *testing.T) {
				src := tc.src
				wantCode(t, s.CreateSource(ctx, &src), tc.code)
			})
		}
		_, err := s.FindSourceByID(ctx, 999)
		wantCode(t, err, pulse.ENOTFOUND)
		wantCode(t, s.DeleteSource(ctx, 999), pulse.ENOTFOUND)
		wantCode(t, s.RecordFetch(ctx, 999, pulse.FetchResult{At: base}), pulse.ENOTFOUND)
	})

	t.Run("FindSourcesOrderAndFilter", func(t *testing.T) {
		s := open(t)
		a := addSource(t, s, "https://feeds.example/a")
		b := addSource(t, s, "https://feeds.example/b")
		all, err := s.FindSources(ctx, pulse.SourceFilter{})
		must(t, err)
		if len(all) != 2 || all[0].ID != a.ID || all[1].ID != b.ID {
			t.Fatalf("FindSources = %v", all)
		}
		list, err := s.FindSources(ctx, pulse.SourceFilter{ID: &b.ID})
		must(t, err)
		if len(list) != 1 || list[0].ID != b.ID {
			t.Fatalf("FindSources by ID = %v", list)
		}
		none := "https://nowhere.example"
		list, err = s.FindSources(ctx, pulse.SourceFilter{URL: &none})
		must(t, err)
		if len(list) != 0 {
			t.Fatalf("FindSources by unknown URL = %v", list)
		}
	})

	t.Run("DeleteKeepsArticles", func(t *testing.T) {
		s := open(t)
		src := addSource(t, s, "https://feeds.example/a")
		a := article(1)
		a.SourceID = src.ID
		addArticle(t, s, a)
		got, err := s.FindSourceByID(ctx, src.ID)
		must(t, err)
		if got.ArticleCount != 1 {
			t.Fatalf("ArticleCount = %d, want 1", got.ArticleCount)
		}
		must(t, s.DeleteSource(ctx, src.ID))
		_, err = s.FindSourceByID(ctx, src.ID)
		wantCode(t, err, pulse.ENOTFOUND)
		kept, err := s.FindArticleByID(ctx, a.ID)
		must(t, err)
		if kept.SourceID != 0 {
			t.Fatalf("SourceID = %d after deleting the source, want 0", kept.SourceID)
		}
	})

	t.Run("RecordFetch", func(t *testing.T) {
		s := open(t)
		src := addSource(t, s, "https://feeds.example/a")
		next := base.Add(time.Hour)
		steps := []struct {
			name      string
			r         pulse.FetchResult
			etag, lm  string
			errCount  int
			errKind   string
			successAt time.Time
		}{
			{"success", pulse.FetchResult{At: base, ETag: `"v1"`, LastModified: "Wed, 04 Mar 2026 09:00:00 GMT", NextPollAt: next},
				`"v1"`, "Wed, 04 Mar 2026 09:00:00 GMT", 0, "", base},
			{"not modified keeps validators", pulse.FetchResult{At: base.Add(time.Minute), NotModified: true, NextPollAt: next},
				`"v1"`, "Wed, 04 Mar 2026 09:00:00 GMT", 0, "", base.Add(time.Minute)},
			{"failure", pulse.FetchResult{At: base.Add(2 * time.Minute), ErrorKind: pulse.FetchErrTimeout, Err: "timeout", NextPollAt: next},
				`"v1"`, "Wed, 04 Mar 2026 09:00:00 GMT", 1, pulse.FetchErrTimeout, base.Add(time.Minute)},
			{"second failure", pulse.FetchResult{At: base.Add(3 * time.Minute), ErrorKind: pulse.FetchErrStatus, Err: "HTTP 500", NextPollAt: next},
				`"v1"`, "Wed, 04 Mar 2026 09:00:00 GMT", 2, pulse.FetchErrStatus, base.Add(time.Minute)},
			{"success resets", pulse.FetchResult{At: base.Add(4 * time.Minute), ETag: `"v2"`, NextPollAt: next},
				`"v2"`, "", 0, "", base.Add(4 * time.Minute)},
		}
		for _, st := range steps {
			must(t, s.RecordFetch(ctx, src.ID, st.r))
			got, err := s.FindSourceByID(ctx, src.ID)
			must(t, err)
			if got.ETag != st.etag || got.LastModified != st.lm || got.ErrorCount != st.errCount ||
				got.ErrorKind != st.errKind || !got.LastSuccessAt.Equal(st.successAt) ||
				!got.LastFetchAt.Equal(st.r.At) || !got.NextPollAt.Equal(next) || (got.LastError == "") != (st.r.Err == "") {
				t.Fatalf("%s: got %+v", st.name, got)
			}
		}
	})

	t.Run("ClaimDueSources", func(t *testing.T) {
		s := open(t)
		due := addSource(t, s, "https://feeds.example/due") // zero NextPollAt: due at once
		later := &pulse.Source{Kind: pulse.SourceFeed, URL: "https://feeds.example/later", NextPollAt: base.Add(time.Hour)}
		must(t, s.CreateSource(ctx, later))
		got, err := s.ClaimDueSources(ctx, base, 10, 5*time.Minute)
		must(t, err)
		if len(got) != 1 || got[0].ID != due.ID || !got[0].NextPollAt.Equal(base.Add(5*time.Minute)) {
			t.Fatalf("first claim = %+v", got)
		}
		got, err = s.ClaimDueSources(ctx, base, 10, 5*time.Minute)
		must(t, err)
		if len(got) != 0 {
			t.Fatalf("leased source claimed again: %+v", got)
		}
		got, err = s.ClaimDueSources(ctx, base.Add(time.Hour), 1, time.Minute)
		must(t, err)
		if len(got) != 1 || got[0].ID != due.ID {
			t.Fatalf("limit 1 should take the longest-due source first, got %+v", got)
		}
	})

	t.Run("ClaimConcurrent", func(t *testing.T) {
		s := open(t)
		const n = 40
		for i := range n {
			addSource(t, s, "https://feeds.example/"+string(rune('a'+i%26))+string(rune('a'+i/26)))
		}
		var mu sync.Mutex
		seen := map[int64]int{}
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 10 {
					got, err := s.ClaimDueSources(ctx, base, 3, time.Hour)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					for _, src := range got {
						seen[src.ID]++
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(seen) != n {
			t.Fatalf("claimed %d distinct sources, want %d", len(seen), n)
		}
		for id, c := range seen {
			if c != 1 {
				t.Fatalf("source %d claimed %d times", id, c)
			}
		}
	})
}

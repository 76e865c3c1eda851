// Package ingest is the orchestrator: the one place that runs the pipeline
// stages (fetch, parse, article, extract, resolve, brief) against the store.
// `pulse ingest`, the scheduler and the API's "fetch now" all reach
// Ingester.Run or Ingester.Source.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/article"
	"github.com/fundingpulse/pulse/brief"
	"github.com/fundingpulse/pulse/extract"
	"github.com/fundingpulse/pulse/feed"
	"github.com/fundingpulse/pulse/fetch"
	"github.com/fundingpulse/pulse/llm"
)

// Config holds the orchestrator's settings.
type Config struct {
	Workers   int              // sources fetched at once
	ShortText int              // entries with less text get their page fetched
	MaxBytes  int64            // cap on file sources
	Poll      fetch.PollPolicy // next-poll bounds
	Lease     time.Duration    // how long a claimed source is held by one worker
	Tick      time.Duration    // scheduler wake-up interval
}

// Ingester runs the pipeline. Its fields are set once; it is safe for
// concurrent use.
type Ingester struct {
	Store     pulse.Store
	Fetcher   *fetch.Client
	Extractor *extract.Extractor
	Model     *llm.Client // optional; briefing prose
	Now       func() time.Time
	Log       *slog.Logger // nil means slog.Default()
	Config    Config

	mu sync.Mutex // serialises deal resolution so two workers never create one deal twice
}

// Progress is reported after each source of a pass.
type Progress struct {
	Done, Total int
	Source      *pulse.Source
	Result      SourceResult
}

// SourceResult is what one fetch of one source did.
type SourceResult struct {
	NotModified    bool
	Entries        int // entries or pages seen
	NewArticles    int
	Duplicates     int // already stored (same identity, URL or text)
	NearDuplicates int // new articles linked to a story another outlet told
	NewDeals       int
	NewMentions    int // reports added to deals found earlier
	Err            error

	feedTTL time.Duration // the feed's own refresh hint, for the next poll
}

// Summary is the result of one pass over sources.
type Summary struct {
	Sources, Failed int
	SourceResult
	Briefings int // briefing versions created
	Elapsed   time.Duration
}

// Options narrow a pass.
type Options struct {
	SourceID int64            // only this source; 0 means all
	Progress func(p Progress) // called after each source; may be nil
}

func (in *Ingester) log() *slog.Logger {
	if in.Log != nil {
		return in.Log
	}
	return slog.Default()
}

func (in *Ingester) now() time.Time {
	if in.Now != nil {
		return in.Now().UTC()
	}
	return time.Now().UTC()
}

// Run fetches every source once (or the one in opts), extracts deals from
// new articles, finishes articles a crash left unextracted, matches pulses
// and rebuilds briefings. A failing source is recorded on the source and
// counted; it does not stop the pass.
func (in *Ingester) Run(ctx context.Context, opts Options) (Summary, error) {
	start := time.Now()
	var f pulse.SourceFilter
	if opts.SourceID != 0 {
		f.ID = &opts.SourceID
	}
	sources, err := in.Store.FindSources(ctx, f)
	if err != nil {
		return Summary{}, fmt.Errorf("list sources: %w", err)
	}
	if opts.SourceID != 0 && len(sources) == 0 {
		return Summary{}, pulse.Errorf(pulse.ENOTFOUND, "source %d not found", opts.SourceID)
	}
	sum, err := in.process(ctx, sources, opts.Progress)
	sum.Elapsed = time.Since(start)
	return sum, err
}

// process runs sources through a bounded pool, then the after-pass steps.
func (in *Ingester) process(ctx context.Context, sources []*pulse.Source, progress func(Progress)) (Summary, error) {
	var sum Summary
	sum.Sources = len(sources)
	var (
		mu      sync.Mutex
		done    int
		changed changes
	)
	workers := max(in.Config.Workers, 1)
	jobs := make(chan *pulse.Source)
	var wg sync.WaitGroup
	for range min(workers, max(len(sources), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range jobs {
				res, ch := in.source(ctx, src)
				mu.Lock()
				done++
				sum.add(res)
				changed.merge(ch)
				p := Progress{Done: done, Total: len(sources), Source: src, Result: res}
				mu.Unlock()
				if progress != nil {
					progress(p)
				}
			}
		}()
	}
feed:
	for _, s := range sources {
		select {
		case jobs <- s:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return sum, err
	}

	// Articles stored before a crash (or whose extraction failed) are
	// finished now, so an interrupted pass loses nothing.
	pending, err := in.extractPending(ctx)
	sum.NewDeals += pending.newDeals
	sum.NewMentions += pending.newMentions
	changed.merge(pending)
	if err != nil {
		return sum, err
	}
	n, err := in.afterPass(ctx, changed)
	sum.Briefings = n
	return sum, err
}

func (s *Summary) add(r SourceResult) {
	if r.Err != nil {
		s.Failed++
	}
	s.Entries += r.Entries
	s.NewArticles += r.NewArticles
	s.Duplicates += r.Duplicates
	s.NearDuplicates += r.NearDuplicates
	s.NewDeals += r.NewDeals
	s.NewMentions += r.NewMentions
}

// changes collects what a pass stored, for pulse matching.
type changes struct {
	articles              []*pulse.Article
	deals                 []*pulse.Deal
	newDeals, newMentions int
}

func (c *changes) merge(o changes) {
	c.articles = append(c.articles, o.articles...)
	c.deals = append(c.deals, o.deals...)
	c.newDeals += o.newDeals
	c.newMentions += o.newMentions
}

// afterPass matches what is new to pulses and rebuilds every briefing; a
// rebuild that changes nothing stores no version.
func (in *Ingester) afterPass(ctx context.Context, c changes) (int, error) {
	if err := brief.EnsureDefaults(ctx, in.Store); err != nil {
		return 0, fmt.Errorf("default pulses: %w", err)
	}
	if len(c.articles) > 0 || len(c.deals) > 0 {
		if err := brief.MatchNew(ctx, in.Store, c.articles, c.deals); err != nil {
			return 0, fmt.Errorf("match pulses: %w", err)
		}
	}
	pulses, err := in.Store.FindPulses(ctx)
	if err != nil {
		return 0, fmt.Errorf("list pulses: %w", err)
	}
	created := 0
	for _, p := range pulses {
		_, ok, err := brief.Rebuild(ctx, in.Store, p, in.now(), in.Model)
		if err != nil {
			return created, fmt.Errorf("rebuild briefing %s: %w", p.Slug, err)
		}
		if ok {
			created++
			in.log().Info("briefing updated", "pulse", p.Slug)
		}
	}
	return created, nil
}

// source fetches and stores one source and records the outcome on it.
func (in *Ingester) source(ctx context.Context, src *pulse.Source) (SourceResult, changes) {
	log := in.log().With("source_id", src.ID, "source_url", src.URL)
	res, ch, resp, err := in.fetchSource(ctx, src)
	res.Err = err
	if ctx.Err() != nil {
		return res, ch // leave the source state alone on shutdown
	}
	fr := pulse.FetchResult{At: in.now()}
	if resp != nil {
		fr.NotModified, fr.ETag, fr.LastModified = resp.NotModified, resp.ETag, resp.LastModified
	}
	if err != nil {
		fr.ErrorKind, fr.Err = errorKind(err), err.Error()
		log.Warn("source failed", "error_kind", fr.ErrorKind, "err", err)
	}
	policy := in.Config.Poll
	if src.Interval > 0 {
		policy.Default = src.Interval
	}
	policy.FeedTTL = res.feedTTL
	fr.NextPollAt = fetch.NextPoll(fr.At, resp, err, src.ErrorCount+boolInt(err != nil), policy)
	if rerr := in.Store.RecordFetch(ctx, src.ID, fr); rerr != nil {
		log.Error("record fetch", "err", rerr)
	}
	return res, ch
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// errorKind maps any failure to the stable kinds shown on a source's page.
func errorKind(err error) string {
	var fe *fetch.Error
	if errors.As(err, &fe) {
		return fe.Kind
	}
	var pe *parseError
	if errors.As(err, &pe) {
		return pulse.FetchErrParse
	}
	return pulse.FetchErrOther
}

// parseError marks a body that could not be read as a feed or page.
type parseError struct{ err error }

func (e *parseError) Error() string { return e.err.Error() }
func (e *parseError) Unwrap() error { return e.err }

// fetchSource reads a source and stores what is new in it.
func (in *Ingester) fetchSource(ctx context.Context, src *pulse.Source) (SourceResult, changes, *fetch.Response, error) {
	var res SourceResult
	var body []byte
	var resp *fetch.Response
	contentType, finalURL := "", src.URL
	if src.Kind == pulse.SourceFile {
		b, err := fetch.ReadFile(src.URL, in.Config.MaxBytes)
		if err != nil {
			return res, changes{}, nil, err
		}
		body = b
	} else {
		r, err := in.Fetcher.Get(ctx, fetch.Request{URL: src.URL, ETag: src.ETag, LastModified: src.LastModified})
		if err != nil {
			return res, changes{}, r, err
		}
		resp = r
		if r.NotModified {
			res.NotModified = true
			return res, changes{}, r, nil
		}
		body, contentType, finalURL = r.Body, r.ContentType, r.URL
	}

	var docs []doc
	switch kind := feed.Sniff(body, contentType); {
	case src.Kind == pulse.SourcePage || (src.Kind == pulse.SourceFile && kind == feed.KindHTML):
		page, err := article.FromHTML(body, finalURL, contentType)
		if err != nil {
			return res, changes{}, resp, &parseError{fmt.Errorf("read page: %w", err)}
		}
		docs = append(docs, pageDoc(page, finalURL, hostOutlet(finalURL)))
	case kind == feed.KindFeed:
		f, err := feed.Parse(body)
		if err != nil {
			return res, changes{}, resp, &parseError{fmt.Errorf("read feed: %w", err)}
		}
		res.feedTTL = f.TTL
		for _, e := range f.Entries {
			docs = append(docs, entryDoc(e, f))
		}
	case src.Kind == pulse.SourceFile && kind == feed.KindText:
		docs = append(docs, textDoc(string(body), src.URL))
	default:
		return res, changes{}, resp, &parseError{fmt.Errorf("neither a feed nor an HTML page (looks like %s)", kind)}
	}

	var ch changes
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return res, ch, resp, err
		}
		res.Entries++
		in.store(ctx, src, d, &res, &ch)
	}
	return res, ch, resp, nil
}

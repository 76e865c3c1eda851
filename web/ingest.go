package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"sync"
	"time"
)

// IngestResult is what one fetch pass added, as Config.Ingest reports it.
type IngestResult struct {
	Sources       int `json:"sources"`        // sources fetched
	FailedSources int `json:"failed_sources"` // sources whose fetch failed; the pass went on without them
	NewArticles   int `json:"new_articles"`
	NewDeals      int `json:"new_deals"`
	NewMentions   int `json:"new_mentions"` // reports added to deals found earlier
	Briefings     int `json:"briefings"`    // briefing versions written
}

// The states of an ingest job, in the order it goes through them.
const (
	jobQueued  = "queued"
	jobRunning = "running"
	jobDone    = "done"
	jobFailed  = "failed"
)

// Queue limits. Triggers for a source already queued fold into its job, so
// maxQueued is only reached with that many distinct sources waiting.
const (
	maxQueued    = 1000
	keepFinished = 100 // finished jobs still answered by GET /api/v1/ingest/{id}
)

// ingestJob is one requested fetch pass, as the API shows it. The queue
// hands out copies, so a job can be encoded while the worker updates it.
type ingestJob struct {
	ID            string        `json:"id"`
	SourceID      int64         `json:"source_id"` // 0: every source
	Status        string        `json:"status"`
	QueuePosition int           `json:"queue_position,omitempty"` // 1 is next; only while queued
	Requests      int           `json:"requests"`                 // triggers folded into this job
	RequestedAt   time.Time     `json:"requested_at"`
	StartedAt     *time.Time    `json:"started_at,omitempty"`
	FinishedAt    *time.Time    `json:"finished_at,omitempty"`
	Error         string        `json:"error,omitempty"`
	Result        *IngestResult `json:"result,omitempty"` // once finished, failed passes included
	URL           string        `json:"url"`
}

// ingestQueue runs the fetch passes the API and the sources page ask for,
// one at a time, on a context that lives as long as the server: a pass
// outlives the request that queued it and ends only when the server closes.
type ingestQueue struct {
	run func(ctx context.Context, sourceID int64) (IngestResult, error)
	now func() time.Time
	log *slog.Logger

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup // the worker, while there is one

	mu       sync.Mutex
	closed   bool
	working  bool                  // a worker goroutine is running
	queued   []*ingestJob          // oldest first
	jobs     map[string]*ingestJob // queued, running and recently finished
	finished []string              // IDs of finished jobs, oldest first
}

func newIngestQueue(run func(context.Context, int64) (IngestResult, error), now func() time.Time, log *slog.Logger) *ingestQueue {
	ctx, cancel := context.WithCancel(context.Background())
	return &ingestQueue{run: run, now: now, log: log, ctx: ctx, cancel: cancel, jobs: map[string]*ingestJob{}}
}

// enqueue asks for a pass over sourceID (0: every source). While a pass
// that covers it is still queued — one for the same source, or one for
// every source — the trigger folds into that job and coalesced is true.
// by names who asked, for the log.
func (q *ingestQueue) enqueue(sourceID int64, by string) (job ingestJob, coalesced bool, err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return ingestJob{}, false, unavailable("the server is shutting down; fetch again later")
	}
	for _, j := range q.queued {
		if j.SourceID == sourceID || j.SourceID == 0 {
			j.Requests++
			q.log.Info("ingest request joined a queued pass", "job_id", j.ID, "source_id", sourceID,
				"job_source_id", j.SourceID, "requests", j.Requests, "token", by)
			return q.view(j), true, nil
		}
	}
	if len(q.queued) >= maxQueued {
		return ingestJob{}, false, unavailable(fmt.Sprintf("%d fetches are already queued; try again later", len(q.queued)))
	}
	j := &ingestJob{
		ID: newJobID(), SourceID: sourceID, Status: jobQueued, Requests: 1, RequestedAt: q.now().UTC(),
	}
	j.URL = "/api/v1/ingest/" + j.ID
	q.queued = append(q.queued, j)
	q.jobs[j.ID] = j
	q.log.Info("ingest queued", "job_id", j.ID, "source_id", sourceID, "queued", len(q.queued), "token", by)
	if !q.working {
		// Added under the lock that close takes, so Wait never races an Add.
		q.working = true
		q.wg.Add(1)
		go q.work()
	}
	return q.view(j), false, nil
}

// newJobID returns a random ID: jobs live in one process's memory, so an ID
// must not name another job after a restart or on another server.
func newJobID() string {
	b := make([]byte, 8)
	rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// view copies a job for the API; the caller holds q.mu.
func (q *ingestQueue) view(j *ingestJob) ingestJob {
	v := *j
	if j.Status == jobQueued {
		v.QueuePosition = slices.Index(q.queued, j) + 1
	}
	if j.Result != nil {
		r := *j.Result
		v.Result = &r
	}
	return v
}

// get returns the job with the given ID, if it is still remembered.
func (q *ingestQueue) get(id string) (ingestJob, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j, ok := q.jobs[id]
	if !ok {
		return ingestJob{}, false
	}
	return q.view(j), true
}

// list returns every remembered job, the most recently requested first.
func (q *ingestQueue) list() []ingestJob {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]ingestJob, 0, len(q.jobs))
	for _, j := range q.jobs {
		out = append(out, q.view(j))
	}
	slices.SortFunc(out, func(a, b ingestJob) int {
		if c := b.RequestedAt.Compare(a.RequestedAt); c != 0 {
			return c
		}
		return rankOf(a.Status) - rankOf(b.Status)
	})
	return out
}

// rankOf orders jobs requested at the same instant: what waits, then what
// runs, then what is over.
func rankOf(status string) int {
	switch status {
	case jobQueued:
		return 0
	case jobRunning:
		return 1
	}
	return 2
}

// active returns the status of the queued or running pass of each source;
// key 0 is a pass over every source.
func (q *ingestQueue) active() map[int64]string {
	q.mu.Lock()
	defer q.mu.Unlock()
	m := map[int64]string{}
	for _, j := range q.jobs {
		if j.Status == jobRunning || (j.Status == jobQueued && m[j.SourceID] == "") {
			m[j.SourceID] = j.Status
		}
	}
	return m
}

// work runs queued jobs one after another and exits when none is left.
func (q *ingestQueue) work() {
	defer q.wg.Done()
	for {
		j := q.next()
		if j == nil {
			return
		}
		res, err := q.runJob(j)
		q.finish(j, res, err)
	}
}

// next takes the oldest queued job and marks it running, or returns nil
// and lets the worker end.
func (q *ingestQueue) next() *ingestJob {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.queued) == 0 || q.closed {
		q.working = false
		return nil
	}
	j := q.queued[0]
	q.queued = slices.Delete(q.queued, 0, 1)
	t := q.now().UTC()
	j.Status, j.StartedAt = jobRunning, &t
	return j
}

// runJob calls the ingest function. A panic in a pass fails the job rather
// than the whole server, which has no handler above this goroutine.
func (q *ingestQueue) runJob(j *ingestJob) (res IngestResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			q.log.Error("ingest panicked", "job_id", j.ID, "source_id", j.SourceID, "panic", p, "stack", string(debug.Stack()))
			err = errors.New("internal error in the fetch pass; see the server log")
		}
	}()
	q.log.Info("ingest started", "job_id", j.ID, "source_id", j.SourceID)
	return q.run(q.ctx, j.SourceID)
}

// finish records the outcome of a job and forgets the oldest finished ones.
func (q *ingestQueue) finish(j *ingestJob, res IngestResult, err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	t := q.now().UTC()
	j.FinishedAt, j.Result, j.Status = &t, &res, jobDone
	attrs := []any{"job_id", j.ID, "source_id", j.SourceID, "elapsed", t.Sub(*j.StartedAt),
		"sources", res.Sources, "failed_sources", res.FailedSources, "new_articles", res.NewArticles,
		"new_deals", res.NewDeals, "new_mentions", res.NewMentions, "briefings", res.Briefings}
	switch {
	case err != nil && q.ctx.Err() != nil:
		j.Status, j.Error = jobFailed, "canceled: the server shut down during the pass"
		q.log.Warn("ingest canceled by shutdown", append(attrs, "error", err)...)
	case err != nil:
		// Tokens that can read a job are the operator's, so the whole
		// message is shown: it is what they need to act on the failure.
		j.Status, j.Error = jobFailed, err.Error()
		q.log.Error("ingest failed", append(attrs, "error", err)...)
	default:
		q.log.Info("ingest finished", attrs...)
	}
	q.retire(j)
}

// retire moves a job to the finished list; the caller holds q.mu.
func (q *ingestQueue) retire(j *ingestJob) {
	q.finished = append(q.finished, j.ID)
	for len(q.finished) > keepFinished {
		delete(q.jobs, q.finished[0])
		q.finished = slices.Delete(q.finished, 0, 1)
	}
}

// close refuses new jobs, fails the queued ones, cancels the running pass
// and waits for it to return or for ctx to end. It may be called again,
// for instance to wait longer.
func (q *ingestQueue) close(ctx context.Context) error {
	q.mu.Lock()
	if !q.closed {
		q.closed = true
		t := q.now().UTC()
		for _, j := range q.queued {
			j.Status, j.FinishedAt, j.Error = jobFailed, &t, "canceled: the server shut down before the pass started"
			q.retire(j)
		}
		if n := len(q.queued); n > 0 {
			q.log.Warn("ingest jobs dropped by shutdown", "queued", n)
		}
		q.queued = nil
	}
	q.mu.Unlock()
	q.cancel()
	done := make(chan struct{})
	go func() {
		q.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("wait for the running fetch pass to stop: %w", ctx.Err())
	}
}

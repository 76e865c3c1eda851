package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// waitFor polls cond until it holds, failing the test after a while.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// outcome is what the test tells a held pass to return.
type outcome struct {
	res IngestResult
	err error
}

// heldIngest is an ingest function the test steers: each pass announces its
// source on started, then waits for an outcome on next (a closed next lets
// every pass succeed with nothing added) or for its context to end.
type heldIngest struct {
	started chan int64
	next    chan outcome

	mu    sync.Mutex
	calls []int64
}

func newHeldIngest() *heldIngest {
	return &heldIngest{started: make(chan int64, 100), next: make(chan outcome)}
}

func (h *heldIngest) run(ctx context.Context, id int64) (IngestResult, error) {
	h.mu.Lock()
	h.calls = append(h.calls, id)
	h.mu.Unlock()
	h.started <- id
	select {
	case o := <-h.next:
		if o.err == nil && ctx.Err() != nil {
			return o.res, fmt.Errorf("pass context ended early: %w", ctx.Err())
		}
		return o.res, o.err
	case <-ctx.Done():
		return IngestResult{Sources: 1}, fmt.Errorf("fetch source %d: %w", id, ctx.Err())
	}
}

func (h *heldIngest) Calls() []int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.calls)
}

// waitStarted returns the source of the next pass to start.
func (h *heldIngest) waitStarted(t *testing.T) int64 {
	t.Helper()
	select {
	case id := <-h.started:
		return id
	case <-time.After(10 * time.Second):
		t.Fatal("no pass started")
		return 0
	}
}

// jobAnswer is an ingest job as a client reads it.
type jobAnswer struct {
	ID            string        `json:"id"`
	SourceID      int64         `json:"source_id"`
	Status        string        `json:"status"`
	QueuePosition int           `json:"queue_position"`
	Requests      int           `json:"requests"`
	RequestedAt   time.Time     `json:"requested_at"`
	StartedAt     *time.Time    `json:"started_at"`
	FinishedAt    *time.Time    `json:"finished_at"`
	Error         string        `json:"error"`
	Result        *IngestResult `json:"result"`
	URL           string        `json:"url"`
	Coalesced     bool          `json:"coalesced"`
}

// queueFetch posts a fetch request and checks the 202 answer.
func queueFetch(t *testing.T, base string, sourceID int64) jobAnswer {
	t.Helper()
	r := call(t, nil, "POST", base+"/api/v1/ingest", fmt.Sprintf(`{"source_id":%d}`, sourceID), bearer(testToken))
	if r.status != http.StatusAccepted {
		t.Fatalf("POST /api/v1/ingest = %d: %s", r.status, r.body)
	}
	var j jobAnswer
	if err := json.Unmarshal([]byte(r.body), &j); err != nil {
		t.Fatalf("202 body: %v: %s", err, r.body)
	}
	if loc := r.header.Get("Location"); j.ID == "" || loc != "/api/v1/ingest/"+j.ID || j.URL != loc {
		t.Fatalf("Location %q, id %q, url %q: want /api/v1/ingest/{id} in both", loc, j.ID, j.URL)
	}
	return j
}

func readJob(t *testing.T, base, id string) jobAnswer {
	t.Helper()
	r := call(t, nil, "GET", base+"/api/v1/ingest/"+id, "", bearer(testToken))
	if r.status != http.StatusOK {
		t.Fatalf("GET /api/v1/ingest/%s = %d: %s", id, r.status, r.body)
	}
	var j jobAnswer
	if err := json.Unmarshal([]byte(r.body), &j); err != nil {
		t.Fatalf("job: %v: %s", err, r.body)
	}
	return j
}

// pollJob reads a job until it reaches status, as a client would.
func pollJob(t *testing.T, base, id, status string) jobAnswer {
	t.Helper()
	var j jobAnswer
	waitFor(t, "job "+id+" to be "+status, func() bool {
		j = readJob(t, base, id)
		return j.Status == status
	})
	return j
}

func TestIngestIsQueuedAndReportsWhatItAdded(t *testing.T) {
	h := newHeldIngest()
	ts, f := newTestServerWith(t, h.run)
	src := f.sources[0].ID

	j := queueFetch(t, ts.URL, src)
	if j.Status != "queued" || j.SourceID != src || j.QueuePosition != 1 || j.Requests != 1 || j.Coalesced ||
		j.Result != nil || j.StartedAt != nil || j.RequestedAt.IsZero() {
		t.Errorf("202 body = %+v, want a fresh queued job for source %d", j, src)
	}
	// The request has been answered; the pass runs on regardless.
	if got := h.waitStarted(t); got != src {
		t.Fatalf("pass started for source %d, want %d", got, src)
	}
	if r := readJob(t, ts.URL, j.ID); r.Status != "running" || r.StartedAt == nil || r.FinishedAt != nil || r.QueuePosition != 0 {
		t.Errorf("job while the pass runs = %+v", r)
	}
	wantProblem(t, call(t, nil, "GET", ts.URL+j.URL, "", nil), http.StatusUnauthorized, "token")

	added := IngestResult{Sources: 1, NewArticles: 3, NewDeals: 2, NewMentions: 1, Briefings: 1}
	h.next <- outcome{res: added}
	done := pollJob(t, ts.URL, j.ID, "done")
	if done.Result == nil || *done.Result != added || done.Error != "" || done.FinishedAt == nil {
		t.Errorf("finished job = %+v, want result %+v", done, added)
	}

	r := call(t, nil, "GET", ts.URL+"/api/v1/ingest", "", bearer(testToken))
	var list struct{ Jobs []jobAnswer }
	if err := json.Unmarshal([]byte(r.body), &list); err != nil || r.status != http.StatusOK {
		t.Fatalf("GET /api/v1/ingest = %d, %v: %s", r.status, err, r.body)
	}
	if len(list.Jobs) != 1 || list.Jobs[0].ID != j.ID || list.Jobs[0].Status != "done" {
		t.Errorf("job list = %+v", list.Jobs)
	}
}

func TestIngestRequestsCoalesceWhileQueued(t *testing.T) {
	h := newHeldIngest()
	ts, f := newTestServerWith(t, h.run)
	a, b := f.sources[0].ID, f.sources[1].ID

	first := queueFetch(t, ts.URL, a)
	h.waitStarted(t) // a is running: it no longer takes requests in

	tests := []struct {
		name     string
		source   int64
		sameAs   int // index of the earlier request whose job this one joins; -1 for a new job
		wantSrc  int64
		requests int
		position int
	}{
		{"a again while its pass runs queues a new pass", a, -1, a, 1, 1},
		{"b queues", b, -1, b, 1, 2},
		{"b again joins b", b, 1, b, 2, 2},
		{"every source queues", 0, -1, 0, 1, 3},
		{"b once more joins b", b, 1, b, 3, 2},
	}
	var jobs []jobAnswer
	for _, tt := range tests {
		j := queueFetch(t, ts.URL, tt.source)
		if j.Status != "queued" || j.SourceID != tt.wantSrc || j.Coalesced != (tt.sameAs >= 0) ||
			j.Requests != tt.requests || j.QueuePosition != tt.position || j.ID == first.ID {
			t.Errorf("%s: got %+v", tt.name, j)
		}
		if tt.sameAs >= 0 && j.ID != jobs[tt.sameAs].ID {
			t.Errorf("%s: job %s, want the queued job %s", tt.name, j.ID, jobs[tt.sameAs].ID)
		}
		jobs = append(jobs, j)
	}

	close(h.next)
	pollJob(t, ts.URL, jobs[3].ID, "done")
	if got, want := h.Calls(), []int64{a, a, b, 0}; !slices.Equal(got, want) {
		t.Errorf("passes run = %v, want %v", got, want)
	}
	if j := readJob(t, ts.URL, jobs[1].ID); j.Requests != 3 || j.Status != "done" {
		t.Errorf("coalesced job = %+v", j)
	}
}

func TestIngestJoinsAQueuedPassOverEverySource(t *testing.T) {
	h := newHeldIngest()
	ts, f := newTestServerWith(t, h.run)
	queueFetch(t, ts.URL, f.sources[0].ID)
	h.waitStarted(t)
	all := queueFetch(t, ts.URL, 0)
	j := queueFetch(t, ts.URL, f.sources[1].ID)
	if !j.Coalesced || j.ID != all.ID || j.SourceID != 0 {
		t.Errorf("a one-source request while every source is queued = %+v, want the job %s", j, all.ID)
	}
	close(h.next)
	pollJob(t, ts.URL, all.ID, "done")
}

func TestIngestRefusesUnknownSourcesAndJobs(t *testing.T) {
	h := newHeldIngest()
	ts, _ := newTestServerWith(t, h.run)
	tests := []struct {
		name, method, path, body string
		status                   int
		want                     string
	}{
		{"unknown source", "POST", "/api/v1/ingest", `{"source_id":999999}`, 404, "No source with ID 999999"},
		{"negative source", "POST", "/api/v1/ingest", `{"source_id":-1}`, 400, "source_id"},
		{"source as text", "POST", "/api/v1/ingest", `{"source_id":"3"}`, 400, "body:"},
		{"unknown field", "POST", "/api/v1/ingest", `{"source":3}`, 400, "body:"},
		{"unknown job", "GET", "/api/v1/ingest/0123456789abcdef", "", 404, "No ingest job"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, call(t, nil, tt.method, ts.URL+tt.path, tt.body, bearer(testToken)), tt.status, tt.want)
		})
	}
	if got := h.Calls(); len(got) != 0 {
		t.Errorf("refused requests ran passes %v", got)
	}
}

func TestIngestFailureIsReported(t *testing.T) {
	tests := []struct {
		name   string
		ingest func(context.Context, int64) (IngestResult, error)
		want   string
		result IngestResult
	}{
		{"error", func(context.Context, int64) (IngestResult, error) {
			return IngestResult{Sources: 1, NewArticles: 2}, errors.New("rebuild briefings: database is locked")
		}, "rebuild briefings: database is locked", IngestResult{Sources: 1, NewArticles: 2}},
		{"panic", func(context.Context, int64) (IngestResult, error) {
			panic("nil map")
		}, "internal error", IngestResult{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, f := newTestServerWith(t, tt.ingest)
			j := queueFetch(t, ts.URL, f.sources[0].ID)
			failed := pollJob(t, ts.URL, j.ID, "failed")
			if !strings.Contains(failed.Error, tt.want) || failed.Result == nil || *failed.Result != tt.result || failed.FinishedAt == nil {
				t.Errorf("failed job = %+v, want error %q and result %+v", failed, tt.want, tt.result)
			}
			// The worker survives a failed pass.
			next := queueFetch(t, ts.URL, f.sources[1].ID)
			pollJob(t, ts.URL, next.ID, "failed")
		})
	}
}

func TestCloseCancelsTheRunningPass(t *testing.T) {
	h := newHeldIngest()
	ts, f := newTestServerWith(t, h.run)
	running := queueFetch(t, ts.URL, f.sources[0].ID)
	h.waitStarted(t)
	queued := queueFetch(t, ts.URL, f.sources[1].ID)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := f.srv.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	// The HTTP server still answers here, as during a graceful shutdown.
	if j := readJob(t, ts.URL, running.ID); j.Status != "failed" || !strings.Contains(j.Error, "shut down during the pass") {
		t.Errorf("running job after Close = %+v", j)
	}
	if j := readJob(t, ts.URL, queued.ID); j.Status != "failed" || !strings.Contains(j.Error, "before the pass started") || j.StartedAt != nil {
		t.Errorf("queued job after Close = %+v", j)
	}
	if got := h.Calls(); !slices.Equal(got, []int64{f.sources[0].ID}) {
		t.Errorf("passes run = %v, want only the first", got)
	}
	r := call(t, nil, "POST", ts.URL+"/api/v1/ingest", "", bearer(testToken))
	wantProblem(t, r, http.StatusServiceUnavailable, "shutting down")
}

func TestCloseGivesUpOnAPassThatIgnoresCancellation(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	ts, f := newTestServerWith(t, func(context.Context, int64) (IngestResult, error) {
		close(started)
		<-release
		return IngestResult{}, nil
	})
	queueFetch(t, ts.URL, 0)
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := f.srv.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Close with a stuck pass = %v, want a deadline error", err)
	}
	close(release) // the cleanup's Close then waits for the worker to end
}

func TestFetchButtonQueues(t *testing.T) {
	h := newHeldIngest()
	ts, f := newTestServerWith(t, h.run)
	jar, _ := cookiejar.New(nil)
	client := noRedirect()
	client.Jar = jar
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	if r := call(t, client, "POST", ts.URL+"/signin", "token="+testToken, form); r.status != http.StatusSeeOther {
		t.Fatalf("sign-in = %d", r.status)
	}
	fetch := fmt.Sprintf("%s/sources/%d/fetch", ts.URL, f.sources[0].ID)
	for i, want := range []string{"/sources?done=fetch", "/sources?done=fetch", "/sources?done=fetch-pending"} {
		r := call(t, client, "POST", fetch, "", form)
		if r.status != http.StatusSeeOther || r.header.Get("Location") != want {
			t.Errorf("press %d: %d to %q, want 303 to %s", i+1, r.status, r.header.Get("Location"), want)
		}
		if i == 0 {
			h.waitStarted(t)
		}
	}
	body := call(t, client, "GET", ts.URL+"/sources?done=fetch", "", nil).body
	for _, want := range []string{"Fetch queued. It runs in the background", "Fetching…"} {
		if !strings.Contains(body, want) {
			t.Errorf("sources page lacks %q", want)
		}
	}
	if body := call(t, client, "GET", ts.URL+"/sources?done=fetch-pending", "", nil).body; !strings.Contains(body, "already queued") {
		t.Error("sources page does not say the fetch was already queued")
	}
	close(h.next)
	waitFor(t, "both passes", func() bool { return len(h.Calls()) == 2 })
	r := call(t, client, "POST", fmt.Sprintf("%s/sources/%d/fetch", ts.URL, 999999), "", form)
	if r.status != http.StatusNotFound {
		t.Errorf("fetch of an unknown source = %d, want 404", r.status)
	}
}

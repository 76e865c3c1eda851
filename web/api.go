package web

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/brief"
)

// pingTimeout bounds the store check of /healthz so a hung database makes
// the probe fail rather than hang.
const pingTimeout = 2 * time.Second

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), pingTimeout)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Error("health check: store ping failed", "error", err)
		return unavailable("store unreachable")
	}
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.version})
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	b, err := files.ReadFile("openapi.json")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err = w.Write(b)
	return err
}

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) error {
	return notFound("No API endpoint %s %s; see /api/openapi.json.", r.Method, r.URL.Path)
}

func (s *Server) apiPulses(w http.ResponseWriter, r *http.Request) error {
	ps, err := s.pulseSummaries(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"pulses": ps})
}

func (s *Server) apiPulse(w http.ResponseWriter, r *http.Request) error {
	p, err := s.store.FindPulseBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	sum, err := s.summarise(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, sum)
}

// apiBriefing returns the latest briefing, or ?version=N.
func (s *Server) apiBriefing(w http.ResponseWriter, r *http.Request) error {
	version := 0
	if v := r.URL.Query().Get("version"); v != "" {
		n, err := parsePositive(v)
		if err != nil {
			return invalid("version: want a whole number from 1")
		}
		version = n
	}
	p, err := s.store.FindPulseBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	b, err := s.store.FindBriefing(r.Context(), p.ID, version)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, b)
}

func (s *Server) apiVersions(w http.ResponseWriter, r *http.Request) error {
	p, err := s.store.FindPulseBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	vs, err := s.versionHistory(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"pulse": p.Slug, "versions": vs})
}

func (s *Server) apiDeals(w http.ResponseWriter, r *http.Request) error {
	dq, err := parseDealQuery(r.URL.Query())
	if err != nil {
		return err
	}
	l, err := s.findDeals(r.Context(), dq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, l)
}

func (s *Server) apiDeal(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "deal")
	if err != nil {
		return err
	}
	d, err := s.store.FindDealByID(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "company or investor")
	if err != nil {
		return err
	}
	v, err := s.entityView(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "article")
	if err != nil {
		return err
	}
	a, err := s.store.FindArticleByID(r.Context(), id)
	if err != nil {
		return err
	}
	deals, _, err := s.store.FindDeals(r.Context(), pulse.DealFilter{ArticleID: id, Sort: "-date", Limit: maxLimit})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"article": a, "deals": nonNil(deals)})
}

// searchLimit is how many hits of each kind a search returns.
const searchLimit = 20

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return invalid("q: required")
	}
	if len(q) > maxText {
		return invalid("q: longer than %d characters", maxText)
	}
	ctx := r.Context()
	deals, _, err := s.store.FindDeals(ctx, pulse.DealFilter{Query: q, Sort: "-date", Limit: searchLimit})
	if err != nil {
		return err
	}
	articles, _, err := s.store.FindArticles(ctx, pulse.ArticleFilter{Query: q, Limit: searchLimit})
	if err != nil {
		return err
	}
	entities, err := s.store.FindEntities(ctx, q, searchLimit)
	if err != nil {
		return err
	}
	if articles == nil {
		articles = []*pulse.Article{}
	}
	if entities == nil {
		entities = []*pulse.Entity{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{
		"query": q, "deals": nonNil(deals), "articles": articles, "entities": entities,
	})
}

func (s *Server) apiSources(w http.ResponseWriter, r *http.Request) error {
	ss, err := s.store.FindSources(r.Context(), pulse.SourceFilter{})
	if err != nil {
		return err
	}
	if ss == nil {
		ss = []*pulse.Source{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"sources": ss})
}

// sourceInput is the body of POST /api/v1/sources.
type sourceInput struct {
	Kind     pulse.SourceKind `json:"kind"`
	URL      string           `json:"url"`
	Title    string           `json:"title"`
	Interval string           `json:"interval"` // a Go duration such as "30m"; empty means the default
}

// newSource validates a source from the web. File sources are refused: a
// path on the server's disk is for its operator to add from the command line.
func newSource(in sourceInput) (*pulse.Source, error) {
	src := &pulse.Source{Kind: in.Kind, URL: strings.TrimSpace(in.URL), Title: strings.TrimSpace(in.Title)}
	if src.Kind == "" {
		src.Kind = pulse.SourceFeed
	}
	if src.Kind == pulse.SourceFile || filepath.IsAbs(src.URL) {
		return nil, invalid("kind: file sources can only be added with the pulse command")
	}
	if !src.Kind.Valid() {
		return nil, invalid("kind: want feed or page")
	}
	u, err := url.Parse(src.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(src.URL) > 2048 {
		return nil, invalid("url: want an http or https URL")
	}
	if len(src.Title) > maxText {
		return nil, invalid("title: longer than %d characters", maxText)
	}
	if in.Interval != "" {
		d, err := time.ParseDuration(in.Interval)
		if err != nil || d < time.Minute {
			return nil, invalid("interval: want a duration of at least 1m, such as 30m")
		}
		src.Interval = d
	}
	return src, nil
}

func (s *Server) apiCreateSource(w http.ResponseWriter, r *http.Request) error {
	var in sourceInput
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	src, err := newSource(in)
	if err != nil {
		return err
	}
	if err := s.store.CreateSource(r.Context(), src); err != nil {
		return err
	}
	s.log.Info("source added", "source_id", src.ID, "source_url", src.URL, "token", tokenFrom(r.Context()).Name)
	return writeJSON(w, http.StatusCreated, src)
}

func (s *Server) apiDeleteSource(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "source")
	if err != nil {
		return err
	}
	if err := s.store.DeleteSource(r.Context(), id); err != nil {
		return err
	}
	s.log.Info("source removed", "source_id", id, "token", tokenFrom(r.Context()).Name)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// pulseInput is the body of POST /api/v1/pulses.
type pulseInput struct {
	Slug        string           `json:"slug"`
	Name        string           `json:"name"`
	Topic       string           `json:"topic"`
	Description string           `json:"description"`
	Query       pulse.PulseQuery `json:"query"`
}

func (s *Server) apiCreatePulse(w http.ResponseWriter, r *http.Request) error {
	var in pulseInput
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	p := &pulse.Pulse{Slug: in.Slug, Name: in.Name, Topic: in.Topic, Description: in.Description, Query: in.Query}
	// POST creates only; brief.SavePulse would update a pulse of the same slug.
	if _, err := s.store.FindPulseBySlug(r.Context(), p.Slug); err == nil {
		return pulse.Errorf(pulse.ECONFLICT, "pulse %s already exists", p.Slug)
	} else if pulse.ErrorCode(err) != pulse.ENOTFOUND {
		return err
	}
	// Matching and the first briefing run now, so the new pulse has a page
	// to show; the rule-based writer is used (no model in the web server).
	if _, err := brief.SavePulse(r.Context(), s.store, p, s.now(), nil); err != nil {
		return err
	}
	s.log.Info("pulse added", "pulse", p.Slug, "token", tokenFrom(r.Context()).Name)
	w.Header().Set("Location", "/api/v1/pulses/"+url.PathEscape(p.Slug))
	return writeJSON(w, http.StatusCreated, p)
}

func (s *Server) apiDeletePulse(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	if err := s.store.DeletePulse(r.Context(), slug); err != nil {
		return err
	}
	s.log.Info("pulse removed", "pulse", slug, "token", tokenFrom(r.Context()).Name)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// ingestInput is the optional body of POST /api/v1/ingest.
type ingestInput struct {
	SourceID int64 `json:"source_id"` // 0 or absent: every source
}

// ingestAccepted is the answer to a fetch request: the job that will do it,
// and whether the request joined a job already queued.
type ingestAccepted struct {
	ingestJob
	Coalesced bool `json:"coalesced"`
}

// apiIngest queues a fetch pass and answers at once; the client follows the
// job at its Location.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	var in ingestInput
	if r.ContentLength != 0 {
		if err := readJSON(w, r, &in); err != nil {
			return err
		}
	}
	if in.SourceID < 0 {
		return invalid("source_id: want a source ID, or 0 for every source")
	}
	job, coalesced, err := s.queueIngest(r.Context(), in.SourceID)
	if err != nil {
		return err
	}
	w.Header().Set("Location", job.URL)
	return writeJSON(w, http.StatusAccepted, ingestAccepted{job, coalesced})
}

// queueIngest checks the source exists and queues a fetch of it.
func (s *Server) queueIngest(ctx context.Context, sourceID int64) (ingestJob, bool, error) {
	if s.ingest == nil {
		return ingestJob{}, false, unavailable("fetching is not enabled in this server")
	}
	if sourceID > 0 {
		if _, err := s.store.FindSourceByID(ctx, sourceID); pulse.ErrorCode(err) == pulse.ENOTFOUND {
			return ingestJob{}, false, notFound("No source with ID %d.", sourceID)
		} else if err != nil {
			return ingestJob{}, false, err
		}
	}
	return s.ingest.enqueue(sourceID, tokenFrom(ctx).Name)
}

func (s *Server) apiIngestJobs(w http.ResponseWriter, r *http.Request) error {
	if s.ingest == nil {
		return unavailable("fetching is not enabled in this server")
	}
	return writeJSON(w, http.StatusOK, map[string]any{"jobs": s.ingest.list()})
}

func (s *Server) apiIngestJob(w http.ResponseWriter, r *http.Request) error {
	if s.ingest == nil {
		return unavailable("fetching is not enabled in this server")
	}
	id := r.PathValue("id")
	job, ok := s.ingest.get(id)
	if !ok {
		return notFound("No ingest job %q: a server remembers the jobs it queued until it restarts, "+
			"and only its last %d finished ones.", id, keepFinished)
	}
	return writeJSON(w, http.StatusOK, job)
}

// parsePositive parses a version number: a whole number from 1.
func parsePositive(v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, invalid("want a whole number from 1")
	}
	return n, nil
}

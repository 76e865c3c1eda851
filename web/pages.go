package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/brief"
)

func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) error {
	return notFound("There is no page at this address.")
}

func (s *Server) homePage(w http.ResponseWriter, r *http.Request) error {
	ps, err := s.pulseSummaries(r.Context())
	if err != nil {
		return err
	}
	st, err := s.store.Stats(r.Context())
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "home", "Funding Pulse", struct {
		Pulses []pulseSummary
		Stats  pulse.Stats
	}{ps, st})
}

func (s *Server) pulsePage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := s.store.FindPulseBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		return err
	}
	b, err := s.latestBriefing(ctx, p)
	if err != nil {
		return err
	}
	vs, err := s.versionHistory(ctx, p)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "pulse", p.Name, struct {
		Pulse    *pulse.Pulse
		Briefing *pulse.Briefing
		Versions []versionInfo
	}{p, b, vs})
}

func (s *Server) versionPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	n, err := parsePositive(r.PathValue("version"))
	if err != nil {
		return notFound("No such version.")
	}
	p, err := s.store.FindPulseBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		return err
	}
	b, err := s.store.FindBriefing(ctx, p.ID, n)
	if err != nil {
		return err
	}
	var prev *pulse.Briefing
	if n > 1 {
		prev, err = s.store.FindBriefing(ctx, p.ID, n-1)
		if err != nil && pulse.ErrorCode(err) != pulse.ENOTFOUND {
			return err
		}
	}
	return s.render(w, r, http.StatusOK, "version", p.Name+" · version "+strconv.Itoa(n), struct {
		Pulse    *pulse.Pulse
		Briefing *pulse.Briefing
		Previous *pulse.Briefing
		Changes  brief.Changes
	}{p, b, prev, brief.Diff(prev, b)})
}

// dealsForm is the explorer's filter form state and its links.
type dealsForm struct {
	Values   url.Values
	Kinds    []option
	Rounds   []option
	Sectors  []option
	Regions  []option
	Sorts    []option
	List     dealList
	Error    string
	Page     int
	Pages    int
	PrevURL  string
	NextURL  string
	CSVURL   string
	JSONURL  string
	SortURLs map[string]string // column → link that sorts by it
}

// option is one choice of a select or checkbox group.
type option struct {
	Value, Label string
	Selected     bool
}

func (s *Server) dealsPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	dq, err := parseDealQuery(q)
	status := http.StatusOK
	form := dealsForm{Values: q}
	if err != nil {
		if pulse.ErrorCode(err) != pulse.EINVALID {
			return err
		}
		// Show the form again with the message, so the reader can fix it.
		status, form.Error = http.StatusBadRequest, pulse.ErrorMessage(err)
	} else {
		if form.List, err = s.findDeals(r.Context(), dq); err != nil {
			if pulse.ErrorCode(err) != pulse.EINVALID {
				return err
			}
			status, form.Error = http.StatusBadRequest, pulse.ErrorMessage(err)
		}
		form.Values = dq.Values
	}
	selected := func(key, v string) bool { return slices.Contains(list(form.Values, key), v) }
	for _, k := range pulse.DealKinds {
		form.Kinds = append(form.Kinds, option{string(k), label(string(k)), selected("kind", string(k))})
	}
	for _, rd := range pulse.Rounds {
		form.Rounds = append(form.Rounds, option{string(rd), label(string(rd)), selected("round", string(rd))})
	}
	for _, sc := range pulse.Sectors {
		form.Sectors = append(form.Sectors, option{sc.Slug, sc.Label, selected("sector", sc.Slug)})
	}
	for _, rg := range pulse.Regions {
		form.Regions = append(form.Regions, option{rg.Slug, rg.Label, selected("region", rg.Slug)})
	}
	sortLabels := map[string]string{"-date": "Newest first", "date": "Oldest first", "-amount": "Largest first",
		"amount": "Smallest first", "company": "Company A–Z"}
	cur := form.Values.Get("sort")
	if cur == "" {
		cur = "-date"
	}
	for _, v := range sorts {
		form.Sorts = append(form.Sorts, option{v, sortLabels[v], v == cur})
	}
	link := func(path string, set map[string]string) string {
		v := url.Values{}
		for k, vs := range form.Values {
			v[k] = slices.Clone(vs)
		}
		for k, val := range set {
			if val == "" {
				v.Del(k)
			} else {
				v.Set(k, val)
			}
		}
		if e := v.Encode(); e != "" {
			return path + "?" + e
		}
		return path
	}
	form.SortURLs = map[string]string{
		"date":    link("/deals", map[string]string{"sort": toggle(cur, "date")}),
		"amount":  link("/deals", map[string]string{"sort": toggle(cur, "amount")}),
		"company": link("/deals", map[string]string{"sort": "company"}),
	}
	form.CSVURL = link("/deals.csv", nil)
	// The API pages its answers; the export asks for its largest page.
	form.JSONURL = link("/api/v1/deals", map[string]string{"limit": strconv.Itoa(maxLimit)})
	if l := form.List; l.Limit > 0 {
		form.Page = l.Offset/l.Limit + 1
		form.Pages = (l.Total + l.Limit - 1) / l.Limit
		// Page links keep a custom page size; exports take every match.
		limit := param(q, "limit")
		if form.Page > 1 {
			form.PrevURL = link("/deals", map[string]string{"page": strconv.Itoa(form.Page - 1), "limit": limit})
		}
		if form.Page < form.Pages {
			form.NextURL = link("/deals", map[string]string{"page": strconv.Itoa(form.Page + 1), "limit": limit})
		}
	}
	return s.render(w, r, status, "deals", "Deals", form)
}

// toggle returns the sort that flips col's direction, newest/largest first.
func toggle(cur, col string) string {
	if cur == "-"+col {
		return col
	}
	return "-" + col
}

func (s *Server) dealPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "deal")
	if err != nil {
		return err
	}
	v, err := s.dealView(r.Context(), id)
	if err != nil {
		return err
	}
	title := v.Deal.Company
	if title == "" {
		title = "Deal " + strconv.FormatInt(id, 10)
	}
	return s.render(w, r, http.StatusOK, "deal", title, v)
}

func (s *Server) entityPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "company or investor")
	if err != nil {
		return err
	}
	v, err := s.entityView(r.Context(), id)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "entity", v.Entity.Name, v)
}

func (s *Server) sourcesPage(w http.ResponseWriter, r *http.Request) error {
	ss, err := s.store.FindSources(r.Context(), pulse.SourceFilter{})
	if err != nil {
		return err
	}
	var fetching map[int64]string
	if s.ingest != nil {
		fetching = s.ingest.active()
	}
	return s.render(w, r, http.StatusOK, "sources", "Sources", struct {
		Sources  []*pulse.Source
		Notice   string
		CanRun   bool
		Fetching map[int64]string // source ID (0: every source) → queued or running
	}{ss, notice(r.URL.Query().Get("done")), s.ingest != nil, fetching})
}

// notice turns the ?done= marker of a post-redirect-get into a message.
func notice(done string) string {
	return map[string]string{
		"added":         "Source added.",
		"removed":       "Source removed.",
		"fetch":         "Fetch queued. It runs in the background; reload this page to see what it found.",
		"fetch-pending": "A fetch that covers this source was already queued; it runs in the background.",
	}[done]
}

func (s *Server) addSourceForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return invalid("form: %s", err.Error())
	}
	src, err := newSource(sourceInput{
		Kind:  pulse.SourceKind(r.PostForm.Get("kind")),
		URL:   r.PostForm.Get("url"),
		Title: r.PostForm.Get("title"),
	})
	if err != nil {
		return err
	}
	if err := s.store.CreateSource(r.Context(), src); err != nil {
		return err
	}
	s.log.Info("source added", "source_id", src.ID, "source_url", src.URL, "token", tokenFrom(r.Context()).Name)
	http.Redirect(w, r, "/sources?done=added", http.StatusSeeOther)
	return nil
}

func (s *Server) deleteSourceForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "source")
	if err != nil {
		return err
	}
	if err := s.store.DeleteSource(r.Context(), id); err != nil {
		return err
	}
	s.log.Info("source removed", "source_id", id, "token", tokenFrom(r.Context()).Name)
	http.Redirect(w, r, "/sources?done=removed", http.StatusSeeOther)
	return nil
}

func (s *Server) fetchSourceForm(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "source")
	if err != nil {
		return err
	}
	_, coalesced, err := s.queueIngest(r.Context(), id)
	if err != nil {
		return err
	}
	done := "fetch"
	if coalesced {
		done = "fetch-pending"
	}
	http.Redirect(w, r, "/sources?done="+done, http.StatusSeeOther)
	return nil
}

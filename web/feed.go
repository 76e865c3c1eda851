package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/brief"
	"github.com/gorilla/feeds"
)

// feedVersions is how many briefing versions the Atom feed carries.
const feedVersions = 20

// pulseFeed is a pulse's Atom feed: one entry per move of the latest
// briefing (linking to its deal) and one per briefing version.
func (s *Server) pulseFeed(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := s.store.FindPulseBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		return err
	}
	vs, err := s.versionHistory(ctx, p)
	if err != nil {
		return err
	}
	base := baseURL(r)
	pageURL := base + "/pulses/" + p.Slug
	f := &feeds.Feed{
		Title:       p.Name,
		Subtitle:    p.Topic,
		Description: p.Topic,
		Link:        &feeds.Link{Href: pageURL},
		Id:          pageURL,
		Updated:     p.UpdatedAt,
		Created:     p.CreatedAt,
	}
	if len(vs) > 0 {
		f.Updated = vs[0].CreatedAt
		b, err := s.store.FindBriefing(ctx, p.ID, vs[0].Version)
		if err != nil {
			return err
		}
		for _, sec := range b.Sections {
			for _, m := range sec.Bullets {
				f.Add(moveEntry(base, b, sec, m))
			}
		}
	}
	if len(vs) > feedVersions {
		vs = vs[:feedVersions]
	}
	for _, v := range vs {
		link := fmt.Sprintf("%s/versions/%d", pageURL, v.Version)
		f.Add(&feeds.Item{
			Title:       fmt.Sprintf("%s: version %d", p.Name, v.Version),
			Link:        &feeds.Link{Href: link},
			Id:          link,
			Description: changeSummary(v.Changes),
			Created:     v.CreatedAt,
			Updated:     v.CreatedAt,
		})
	}
	if f.Updated.IsZero() {
		f.Updated = s.now()
	}
	atom, err := f.ToAtom()
	if err != nil {
		return fmt.Errorf("write atom: %w", err)
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, err = w.Write([]byte(atom))
	return err
}

func moveEntry(base string, b *pulse.Briefing, sec pulse.BriefingSection, m pulse.BriefingBullet) *feeds.Item {
	link := fmt.Sprintf("%s/pulses/%s#%s", base, b.PulseSlug, sec.Key)
	if m.DealID > 0 {
		link = fmt.Sprintf("%s/deals/%d", base, m.DealID)
	}
	text := strings.TrimSpace(citeMarker.ReplaceAllString(m.Text, ""))
	// Items share a link when a move has no deal; the text keeps ids apart.
	id := link
	if m.DealID == 0 {
		id = link + "/" + strconv.Itoa(len(text)) + "-" + HashToken(text)[:12]
	}
	updated := b.CreatedAt
	var outlets []string
	for _, n := range m.Citations {
		for _, c := range b.Sources {
			if c.N == n {
				outlets = append(outlets, c.Outlet)
				if c.Published.After(updated) {
					updated = c.Published
				}
			}
		}
	}
	desc := text
	if len(outlets) > 0 {
		desc += " (" + strings.Join(outlets, ", ") + ")"
	}
	return &feeds.Item{
		Title:       truncate(text, 120),
		Link:        &feeds.Link{Href: link},
		Id:          id,
		Description: desc,
		Created:     b.CreatedAt,
		Updated:     updated,
	}
}

func changeSummary(c brief.Changes) string {
	if c.Empty() {
		return "No moves changed."
	}
	return fmt.Sprintf("%d added, %d removed, %d amended.", len(c.Added), len(c.Removed), len(c.Amended))
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// baseURL is the scheme and host the request came to, for the absolute
// links a feed needs.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// csvHeader is the CSV export's columns; csvRow writes them in this order.
var csvHeader = []string{"id", "date", "kind", "company", "amount", "currency", "amount_usd", "round",
	"investors", "lead_investors", "stake_percent", "sector", "country", "region", "conflict",
	"mentions", "article_ids", "first_url"}

// dealsCSV exports every deal the filters select (up to maxExport), or one
// page of them when limit or cursor is given, in the API's sort order.
func (s *Server) dealsCSV(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	dq, err := parseDealQuery(q)
	if err != nil {
		return err
	}
	if q.Get("limit") == "" {
		dq.Limit = maxExport
	}
	l, err := s.findDeals(r.Context(), dq)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="deals.csv"`)
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, d := range l.Deals {
		if err := cw.Write(csvRow(d)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(d *pulse.Deal) []string {
	var ids []string
	for _, m := range d.Mentions {
		ids = append(ids, strconv.FormatInt(m.ArticleID, 10))
	}
	first := ""
	if len(d.Mentions) > 0 {
		first = d.Mentions[0].URL
	}
	num := func(v float64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return []string{
		strconv.FormatInt(d.ID, 10), isoDate(d.Date), string(d.Kind), cell(d.Company),
		num(d.Amount), d.Currency, num(d.AmountUSD), string(d.Round),
		cell(strings.Join(d.Investors, "; ")), cell(strings.Join(d.LeadInvestors, "; ")),
		num(d.StakePercent), d.Sector, cell(d.Country), d.Region, strconv.FormatBool(d.Conflict),
		strconv.Itoa(len(d.Mentions)), strings.Join(ids, ";"), cell(first),
	}
}

// cell defuses text that a spreadsheet would run as a formula: names come
// from articles, and "=HYPERLINK(...)" in one must stay text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

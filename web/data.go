package web

import (
	"context"
	"slices"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/brief"
)

// The functions here gather what a page and its API twin both show, so the
// HTML and the JSON of one resource cannot drift apart.

// pulseSummary is a pulse with the state of its latest briefing.
type pulseSummary struct {
	*pulse.Pulse
	Version     int                    `json:"version"`      // latest briefing version; 0 when none yet
	Updated     time.Time              `json:"updated"`      // newest cited article's publication time
	SourceCount int                    `json:"source_count"` // distinct articles cited
	Moves       []pulse.BriefingBullet `json:"moves"`        // newest moves, at most maxMoves
}

// maxMoves is how many moves the home page shows per pulse.
const maxMoves = 4

// latestBriefing returns a pulse's latest briefing, or nil if it has none.
func (s *Server) latestBriefing(ctx context.Context, p *pulse.Pulse) (*pulse.Briefing, error) {
	b, err := s.store.FindBriefing(ctx, p.ID, 0)
	if pulse.ErrorCode(err) == pulse.ENOTFOUND {
		return nil, nil
	}
	return b, err
}

func (s *Server) pulseSummaries(ctx context.Context) ([]pulseSummary, error) {
	ps, err := s.store.FindPulses(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]pulseSummary, 0, len(ps))
	for _, p := range ps {
		sum, err := s.summarise(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	return out, nil
}

func (s *Server) summarise(ctx context.Context, p *pulse.Pulse) (pulseSummary, error) {
	sum := pulseSummary{Pulse: p, Moves: []pulse.BriefingBullet{}}
	b, err := s.latestBriefing(ctx, p)
	if err != nil || b == nil {
		return sum, err
	}
	sum.Version, sum.Updated, sum.SourceCount = b.Version, b.Updated, b.SourceCount
	sum.Moves = newestMoves(b, maxMoves)
	return sum, nil
}

// newestMoves returns the briefing's "latest" moves, topped up from its
// sections in order when there are fewer than n.
func newestMoves(b *pulse.Briefing, n int) []pulse.BriefingBullet {
	out := slices.Clone(b.Latest)
	for _, s := range b.Sections {
		for _, m := range s.Bullets {
			if len(out) < n && !slices.ContainsFunc(out, func(o pulse.BriefingBullet) bool {
				return o.DealID == m.DealID && (m.DealID != 0 || o.Text == m.Text)
			}) {
				out = append(out, m)
			}
		}
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// versionInfo is one entry of a pulse's version history.
type versionInfo struct {
	Version     int           `json:"version"`
	CreatedAt   time.Time     `json:"created_at"`
	Hash        string        `json:"hash"`
	Updated     time.Time     `json:"updated"`
	SourceCount int           `json:"source_count"`
	Changes     brief.Changes `json:"changes"`
}

// versionHistory returns a pulse's versions, newest first, each with its
// changes against the version before it.
func (s *Server) versionHistory(ctx context.Context, p *pulse.Pulse) ([]versionInfo, error) {
	bs, err := s.store.FindBriefings(ctx, p.ID, time.Time{}, 0)
	if err != nil {
		return nil, err
	}
	out := make([]versionInfo, 0, len(bs))
	for i, b := range bs {
		var prev *pulse.Briefing
		if i+1 < len(bs) {
			prev = bs[i+1]
		}
		out = append(out, versionInfo{
			Version: b.Version, CreatedAt: b.CreatedAt, Hash: b.Hash,
			Updated: b.Updated, SourceCount: b.SourceCount, Changes: brief.Diff(prev, b),
		})
	}
	return out, nil
}

// dealList is one page of deals and where the next one starts.
type dealList struct {
	Deals      []*pulse.Deal `json:"deals"`
	Total      int           `json:"total"`
	Limit      int           `json:"limit"`
	Offset     int           `json:"offset"`
	NextCursor string        `json:"next_cursor,omitempty"`
}

func (s *Server) findDeals(ctx context.Context, dq dealQuery) (dealList, error) {
	f := dq.Filter
	f.Limit, f.Offset = dq.Limit, dq.Offset
	deals, total, err := s.store.FindDeals(ctx, f)
	if err != nil {
		return dealList{}, err
	}
	if deals == nil {
		deals = []*pulse.Deal{}
	}
	l := dealList{Deals: deals, Total: total, Limit: dq.Limit, Offset: dq.Offset}
	if next := dq.Offset + len(deals); next < total && len(deals) > 0 {
		l.NextCursor = encodeCursor(next)
	}
	return l, nil
}

// entityView is an entity with the deals it raised and the deals it took
// part in as an investor.
type entityView struct {
	Entity     *pulse.Entity `json:"entity"`
	AsCompany  []*pulse.Deal `json:"deals_as_company"`
	AsInvestor []*pulse.Deal `json:"deals_as_investor"`
	// TotalRaisedUSD sums the disclosed USD amounts of the deals it received.
	TotalRaisedUSD float64 `json:"total_raised_usd"`
	// TotalInvestedUSD sums the disclosed USD sizes of the deals it invested
	// in; its own share of a syndicated round is rarely disclosed.
	TotalInvestedUSD float64 `json:"total_invested_usd"`
}

// maxEntityDeals bounds the deal history shown for one entity.
const maxEntityDeals = 500

func (s *Server) entityView(ctx context.Context, id int64) (entityView, error) {
	var v entityView
	var err error
	if v.Entity, err = s.store.FindEntityByID(ctx, id); err != nil {
		return v, err
	}
	if v.AsCompany, _, err = s.store.FindDeals(ctx, pulse.DealFilter{CompanyID: id, Sort: "-date", Limit: maxEntityDeals}); err != nil {
		return v, err
	}
	if v.AsInvestor, _, err = s.store.FindDeals(ctx, pulse.DealFilter{InvestorID: id, Sort: "-date", Limit: maxEntityDeals}); err != nil {
		return v, err
	}
	v.AsCompany, v.AsInvestor = nonNil(v.AsCompany), nonNil(v.AsInvestor)
	v.TotalRaisedUSD, v.TotalInvestedUSD = sumUSD(v.AsCompany), sumUSD(v.AsInvestor)
	return v, nil
}

func nonNil(ds []*pulse.Deal) []*pulse.Deal {
	if ds == nil {
		return []*pulse.Deal{}
	}
	return ds
}

func sumUSD(ds []*pulse.Deal) float64 {
	var t float64
	for _, d := range ds {
		t += d.AmountUSD
	}
	return t
}

// party is a company or investor named on a deal, with its entity when one
// is stored, so pages can link it.
type party struct {
	Name     string
	EntityID int64
	Lead     bool
}

// findEntity returns the stored entity one of whose names normalises like
// name, or nil. It only reads: ResolveEntity would create one.
func (s *Server) findEntity(ctx context.Context, name string) (*pulse.Entity, error) {
	key := pulse.NormalizeName(name)
	if key == "" {
		return nil, nil
	}
	es, err := s.store.FindEntities(ctx, name, 20)
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		if pulse.NormalizeName(e.Name) == key {
			return e, nil
		}
		for _, a := range e.Aliases {
			if pulse.NormalizeName(a) == key {
				return e, nil
			}
		}
	}
	return nil, nil
}

// dealView is a deal with its parties resolved and their other deals.
type dealView struct {
	Deal          *pulse.Deal
	Investors     []party
	CompanyDeals  []*pulse.Deal // the company's other deals
	InvestorDeals []*pulse.Deal // other deals of the deal's investors
	Amounts       []string      // distinct amounts the mentions state, when they conflict
}

// maxRelated bounds each "other deals" list on a deal page.
const maxRelated = 20

func (s *Server) dealView(ctx context.Context, id int64) (dealView, error) {
	d, err := s.store.FindDealByID(ctx, id)
	if err != nil {
		return dealView{}, err
	}
	v := dealView{Deal: d}
	if d.CompanyID > 0 {
		ds, _, err := s.store.FindDeals(ctx, pulse.DealFilter{CompanyID: d.CompanyID, Sort: "-date", Limit: maxRelated + 1})
		if err != nil {
			return v, err
		}
		v.CompanyDeals = without(ds, id)
	}
	seen := map[int64]bool{id: true}
	for _, name := range d.Investors {
		p := party{Name: name, Lead: slices.Contains(d.LeadInvestors, name)}
		e, err := s.findEntity(ctx, name)
		if err != nil {
			return v, err
		}
		if e != nil {
			p.EntityID = e.ID
			ds, _, err := s.store.FindDeals(ctx, pulse.DealFilter{InvestorID: e.ID, Sort: "-date", Limit: maxRelated + 1})
			if err != nil {
				return v, err
			}
			for _, o := range ds {
				if !seen[o.ID] && len(v.InvestorDeals) < maxRelated {
					seen[o.ID] = true
					v.InvestorDeals = append(v.InvestorDeals, o)
				}
			}
		}
		v.Investors = append(v.Investors, p)
	}
	if d.Conflict {
		for _, m := range d.Mentions {
			if a := formatMoney(m.Amount, m.Currency); m.Currency != "" && !slices.Contains(v.Amounts, a) {
				v.Amounts = append(v.Amounts, a)
			}
		}
	}
	return v, nil
}

func without(ds []*pulse.Deal, id int64) []*pulse.Deal {
	out := slices.DeleteFunc(slices.Clone(ds), func(d *pulse.Deal) bool { return d.ID == id })
	if len(out) > maxRelated {
		out = out[:maxRelated]
	}
	return out
}

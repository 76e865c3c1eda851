package brief

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/fundingpulse/pulse"
)

// Matcher decides whether articles and deals belong to one pulse. It is
// built by Compile and safe for concurrent use.
type Matcher struct {
	q        pulse.PulseQuery
	keywords node
	entities map[string]bool
	sectors  map[string]bool
	regions  map[string]bool // region slugs and normalised country names
	kinds    map[pulse.DealKind]bool
}

// Compile checks a pulse query and prepares it for matching. Errors are
// EINVALID and say what is wrong and, for keywords, where.
func Compile(q pulse.PulseQuery) (*Matcher, error) {
	kw, err := parseKeywords(q.Keywords)
	if err != nil {
		return nil, err
	}
	m := &Matcher{q: q, keywords: kw}
	if len(q.Entities) > 0 {
		m.entities = make(map[string]bool)
		for _, e := range q.Entities {
			if n := pulse.NormalizeName(e); n != "" {
				m.entities[n] = true
			}
		}
	}
	if len(q.Sectors) > 0 {
		m.sectors = make(map[string]bool)
		for _, s := range q.Sectors {
			if !knownSector(s) {
				return nil, pulse.Errorf(pulse.EINVALID, "unknown sector %q", s)
			}
			m.sectors[s] = true
		}
	}
	if len(q.Regions) > 0 {
		m.regions = make(map[string]bool)
		for _, r := range q.Regions {
			if strings.TrimSpace(r) == "" {
				return nil, pulse.Errorf(pulse.EINVALID, "empty region")
			}
			m.regions[regionKey(r)] = true
		}
	}
	if len(q.Kinds) > 0 {
		m.kinds = make(map[pulse.DealKind]bool)
		for _, k := range q.Kinds {
			if !k.Valid() {
				return nil, pulse.Errorf(pulse.EINVALID, "unknown deal kind %q", k)
			}
			m.kinds[k] = true
		}
	}
	if q.MinAmountUSD < 0 {
		return nil, pulse.Errorf(pulse.EINVALID, "minimum amount must not be negative")
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return nil, pulse.Errorf(pulse.EINVALID, "query ends (%s) before it starts (%s)", q.To.Format("2006-01-02"), q.From.Format("2006-01-02"))
	}
	return m, nil
}

func knownSector(s string) bool {
	for _, x := range pulse.Sectors {
		if x.Slug == s {
			return true
		}
	}
	return false
}

// regionKey folds region slugs and country names to one comparison key.
func regionKey(s string) string {
	s = strings.TrimSpace(s)
	for _, r := range pulse.Regions {
		if strings.EqualFold(r.Slug, s) || strings.EqualFold(r.Label, s) {
			return r.Slug
		}
	}
	return "country:" + pulse.NormalizeName(s)
}

// dealFields reports whether a deal's own fields (everything but keywords
// and dates) satisfy the query.
func (m *Matcher) dealFields(d *pulse.Deal) bool {
	if m.kinds != nil && !m.kinds[d.Kind] {
		return false
	}
	if m.sectors != nil && !m.sectors[d.Sector] {
		return false
	}
	if m.regions != nil && !m.regions[d.Region] && !m.regions["country:"+pulse.NormalizeName(d.Country)] {
		return false
	}
	if m.q.MinAmountUSD > 0 && d.AmountUSD < m.q.MinAmountUSD {
		return false
	}
	if m.entities != nil && !m.dealHasEntity(d) {
		return false
	}
	return true
}

func (m *Matcher) dealHasEntity(d *pulse.Deal) bool {
	names := append(append([]string{d.Company}, d.Aliases...), d.Investors...)
	names = append(names, d.LeadInvestors...)
	for _, n := range names {
		if m.entities[pulse.NormalizeName(n)] {
			return true
		}
	}
	return false
}

// hasDealFilters reports whether the query constrains deal fields, which an
// article without deals can never satisfy.
func (m *Matcher) hasDealFilters() bool {
	return m.kinds != nil || m.sectors != nil || m.regions != nil || m.q.MinAmountUSD > 0
}

// MatchArticle reports whether an article belongs to the pulse. deals are
// the deals reported by the article: deal-field parts of the query (kinds,
// sectors, regions, minimum amount) need at least one of them to match, and
// an entity matches when a deal names it or the text does.
func (m *Matcher) MatchArticle(a *pulse.Article, deals []*pulse.Deal) bool {
	if a == nil {
		return false
	}
	if !m.q.From.IsZero() && a.Published.Before(m.q.From) {
		return false
	}
	if !m.q.To.IsZero() && a.Published.After(m.q.To) {
		return false
	}
	var d *doc
	if m.keywords != nil || m.entities != nil {
		d = newDoc(a.Title, a.Text)
	}
	if m.keywords != nil && !m.keywords.eval(d) {
		return false
	}
	if m.hasDealFilters() {
		ok := false
		for _, dl := range deals {
			if dl != nil && m.dealFieldsNoEntity(dl) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if m.entities != nil {
		for _, dl := range deals {
			if dl != nil && m.dealHasEntity(dl) {
				return true
			}
		}
		for e := range m.entities {
			if d.has(termWordsExact(e)) {
				return true
			}
		}
		return false
	}
	return true
}

func (m *Matcher) dealFieldsNoEntity(d *pulse.Deal) bool {
	mm := *m
	mm.entities = nil
	return mm.dealFields(d)
}

func termWordsExact(normalised string) []termWord {
	var out []termWord
	for _, w := range words(normalised) {
		out = append(out, termWord{w: w})
	}
	return out
}

// MatchDeal reports whether a deal belongs to the pulse: its fields match
// the query, its date is in the query's period, and the keywords match its
// article (a may be nil) together with its evidence and names.
func (m *Matcher) MatchDeal(d *pulse.Deal, a *pulse.Article) bool {
	if d == nil || !m.dealFields(d) {
		return false
	}
	date := d.Date
	if date.IsZero() && a != nil {
		date = a.Published
	}
	if !m.q.From.IsZero() && date.Before(m.q.From) {
		return false
	}
	if !m.q.To.IsZero() && date.After(m.q.To) {
		return false
	}
	if m.keywords == nil {
		return true
	}
	parts := []string{d.Company, strings.Join(d.Aliases, " "), strings.Join(d.Investors, " "), d.Country, pulse.SectorLabel(d.Sector)}
	for _, mt := range d.Mentions {
		parts = append(parts, mt.Sentence)
	}
	if a != nil {
		parts = append(parts, a.Title, a.Text)
	}
	return m.keywords.eval(newDoc(parts...))
}

// dealArticles groups deals by the articles that mention them.
func dealArticles(deals []*pulse.Deal) map[int64][]*pulse.Deal {
	out := make(map[int64][]*pulse.Deal)
	for _, d := range deals {
		seen := map[int64]bool{}
		for _, mt := range d.Mentions {
			if !seen[mt.ArticleID] {
				seen[mt.ArticleID] = true
				out[mt.ArticleID] = append(out[mt.ArticleID], d)
			}
		}
	}
	return out
}

// matchAll returns the IDs of the articles and deals m matches. byID must
// hold the articles the deals' mentions refer to when they are available.
func matchAll(m *Matcher, articles []*pulse.Article, deals []*pulse.Deal, byID map[int64]*pulse.Article) pulse.PulseMatches {
	var pm pulse.PulseMatches
	perArticle := dealArticles(deals)
	for _, a := range articles {
		if m.MatchArticle(a, perArticle[a.ID]) {
			pm.ArticleIDs = append(pm.ArticleIDs, a.ID)
		}
	}
	for _, d := range deals {
		if matchDealAny(m, d, byID) {
			pm.DealIDs = append(pm.DealIDs, d.ID)
		}
	}
	return pm
}

// matchDealAny matches a deal against each article that reports it: one
// report in the pulse's terms is enough.
func matchDealAny(m *Matcher, d *pulse.Deal, byID map[int64]*pulse.Article) bool {
	tried := false
	for _, mt := range d.Mentions {
		if a := byID[mt.ArticleID]; a != nil {
			tried = true
			if m.MatchDeal(d, a) {
				return true
			}
		}
	}
	return !tried && m.MatchDeal(d, nil)
}

// Recompute rescans every stored article and deal against the pulse's query
// and replaces its matches; it is what a changed query needs.
func Recompute(ctx context.Context, s pulse.Store, p *pulse.Pulse) error {
	m, err := compileWithAliases(ctx, s, p.Query)
	if err != nil {
		return err
	}
	deals, _, err := s.FindDeals(ctx, pulse.DealFilter{})
	if err != nil {
		return fmt.Errorf("load deals: %w", err)
	}
	perArticle := dealArticles(deals)
	var pm pulse.PulseMatches
	matchedDeal := make(map[int64]bool)
	const page = 500
	for off := 0; ; off += page {
		arts, _, err := s.FindArticles(ctx, pulse.ArticleFilter{Limit: page, Offset: off})
		if err != nil {
			return fmt.Errorf("load articles: %w", err)
		}
		for _, a := range arts {
			if m.MatchArticle(a, perArticle[a.ID]) {
				pm.ArticleIDs = append(pm.ArticleIDs, a.ID)
			}
			for _, d := range perArticle[a.ID] {
				if !matchedDeal[d.ID] && m.MatchDeal(d, a) {
					matchedDeal[d.ID] = true
				}
			}
		}
		if len(arts) < page {
			break
		}
	}
	for _, d := range deals {
		if len(d.Mentions) == 0 && m.MatchDeal(d, nil) {
			matchedDeal[d.ID] = true
		}
		if matchedDeal[d.ID] {
			pm.DealIDs = append(pm.DealIDs, d.ID)
		}
	}
	sortIDs(pm.ArticleIDs)
	if err := s.SetPulseMatches(ctx, p.ID, pm); err != nil {
		return fmt.Errorf("set matches of pulse %s: %w", p.Slug, err)
	}
	return nil
}

// MatchNew adds the given articles and deals to every pulse they match; the
// ingest orchestrator calls it after each pass. Articles the deals refer to
// but that are not given are loaded from the store.
func MatchNew(ctx context.Context, s pulse.Store, articles []*pulse.Article, deals []*pulse.Deal) error {
	if len(articles) == 0 && len(deals) == 0 {
		return nil
	}
	pulses, err := s.FindPulses(ctx)
	if err != nil {
		return fmt.Errorf("load pulses: %w", err)
	}
	byID := make(map[int64]*pulse.Article, len(articles))
	for _, a := range articles {
		byID[a.ID] = a
	}
	var missing []int64
	for _, d := range deals {
		for _, mt := range d.Mentions {
			if byID[mt.ArticleID] == nil {
				missing = append(missing, mt.ArticleID)
			}
		}
	}
	if err := loadArticles(ctx, s, uniqueIDs(missing), byID); err != nil {
		return err
	}
	for _, p := range pulses {
		m, err := compileWithAliases(ctx, s, p.Query)
		if err != nil {
			return fmt.Errorf("pulse %s: %w", p.Slug, err)
		}
		pm := matchAll(m, articles, deals, byID)
		if len(pm.ArticleIDs) == 0 && len(pm.DealIDs) == 0 {
			continue
		}
		if err := s.AddPulseMatches(ctx, p.ID, pm); err != nil {
			return fmt.Errorf("add matches to pulse %s: %w", p.Slug, err)
		}
	}
	return nil
}

// idChunk bounds the IDs sent in one store query.
const idChunk = 500

// loadArticles fills byID with the stored articles of ids.
func loadArticles(ctx context.Context, s pulse.Store, ids []int64, byID map[int64]*pulse.Article) error {
	for len(ids) > 0 {
		n := min(idChunk, len(ids))
		arts, _, err := s.FindArticles(ctx, pulse.ArticleFilter{IDs: ids[:n]})
		if err != nil {
			return fmt.Errorf("load articles: %w", err)
		}
		for _, a := range arts {
			byID[a.ID] = a
		}
		ids = ids[n:]
	}
	return nil
}

// compileWithAliases compiles q with its entities widened to every name the
// store knows for them, so "MARA" also finds "Marathon Digital Holdings".
func compileWithAliases(ctx context.Context, s pulse.Store, q pulse.PulseQuery) (*Matcher, error) {
	if len(q.Entities) > 0 {
		names := slices.Clone(q.Entities)
		for _, e := range q.Entities {
			key := pulse.NormalizeName(e)
			ents, err := s.FindEntities(ctx, e, 50)
			if err != nil {
				return nil, fmt.Errorf("find entity %q: %w", e, err)
			}
			for _, ent := range ents {
				all := append([]string{ent.Name}, ent.Aliases...)
				if slices.ContainsFunc(all, func(n string) bool { return pulse.NormalizeName(n) == key }) {
					names = append(names, all...)
				}
			}
		}
		q.Entities = names
	}
	return Compile(q)
}

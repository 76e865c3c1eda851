package brief

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
)

// maxBullets bounds one section: a briefing is read in minutes, and the deal
// table holds everything else. Figures in the lede and key figures cover
// exactly the moves shown, so every number is checkable against the cited
// sources.
const maxBullets = 30

// Compose writes the briefing of a pulse from its matched deals and the
// articles they and the pulse matched. prev is the latest stored version (or
// nil): "Latest developments" lists what was added or amended since it, and
// repeats prev's list when nothing changed, so an unchanged rebuild hashes
// the same. Compose is pure and deterministic; now is only CreatedAt.
func Compose(p *pulse.Pulse, deals []*pulse.Deal, articles map[int64]*pulse.Article, prev *pulse.Briefing, now time.Time) *pulse.Briefing {
	if articles == nil {
		articles = map[int64]*pulse.Article{}
	}
	b := &pulse.Briefing{
		PulseID: p.ID, PulseSlug: p.Slug, CreatedAt: now,
		Title: p.Name, Topic: p.Topic,
		Latest: []pulse.BriefingBullet{}, Sections: []pulse.BriefingSection{},
		KeyFigures: []pulse.KeyFigure{}, Sources: []pulse.Citation{},
	}
	groups := groupStorylines(buildMoves(sortedDeals(deals), articles), articles, p.Topic)
	cite := newCiter(articles)
	var shown []*move
	bulletOf := map[int64]pulse.BriefingBullet{}
	for _, g := range groups {
		sec := pulse.BriefingSection{Key: g.key, Title: g.title}
		for i, m := range g.moves {
			if i == maxBullets {
				break
			}
			bl := pulse.BriefingBullet{Text: moveText(m), DealID: m.deal.ID}
			for _, mt := range m.mentionsInOrder() {
				bl.Citations = appendUnique(bl.Citations, cite.number(mt))
			}
			sec.Bullets = append(sec.Bullets, bl)
			bulletOf[m.deal.ID] = bl
			shown = append(shown, m)
		}
		b.Sections = append(b.Sections, sec)
	}
	b.Sources = cite.list
	b.SourceCount = len(cite.list)
	for _, c := range cite.list {
		if c.Published.After(b.Updated) {
			b.Updated = c.Published
		}
	}
	b.Lede = lede(shown, bulletOf)
	b.KeyFigures = keyFigures(shown)
	b.Latest = latest(b, prev)
	b.Hash = Hash(b)
	return b
}

// mentionsInOrder returns the mentions of every deal folded into the move,
// one per article, in the move's article order (oldest report first).
func (m *move) mentionsInOrder() []pulse.Mention {
	byArticle := map[int64]pulse.Mention{}
	for _, d := range m.merged {
		for _, mt := range d.Mentions {
			if _, ok := byArticle[mt.ArticleID]; !ok {
				byArticle[mt.ArticleID] = mt
			}
		}
	}
	out := make([]pulse.Mention, 0, len(m.articles))
	for _, id := range m.articles {
		out = append(out, byArticle[id])
	}
	return out
}

func appendUnique(xs []int, n int) []int {
	if slices.Contains(xs, n) {
		return xs
	}
	return append(xs, n)
}

// citer numbers sources in order of first citation.
type citer struct {
	articles map[int64]*pulse.Article
	n        map[int64]int
	list     []pulse.Citation
}

func newCiter(articles map[int64]*pulse.Article) *citer {
	return &citer{articles: articles, n: map[int64]int{}, list: []pulse.Citation{}}
}

func (c *citer) number(mt pulse.Mention) int {
	if n, ok := c.n[mt.ArticleID]; ok {
		return n
	}
	ct := pulse.Citation{N: len(c.list) + 1, ArticleID: mt.ArticleID, Outlet: mt.Outlet, Title: mt.Title, URL: mt.URL, Published: mt.Published}
	if a := c.articles[mt.ArticleID]; a != nil {
		ct.Outlet, ct.Title, ct.URL, ct.Published = a.Outlet, a.Title, a.URL, a.Published
	}
	if ct.Outlet == "" {
		ct.Outlet = hostOf(ct.URL)
	}
	if y := ct.Published.Year(); y < 1 || y > 9999 {
		ct.Published = time.Time{} // a date no calendar (or JSON) can show
	}
	c.n[mt.ArticleID] = ct.N
	c.list = append(c.list, ct)
	return ct.N
}

// hostOf names an outlet by its host when the article has no outlet name.
func hostOf(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimPrefix(u, "www.")
}

// DateText writes a date as the briefing does: "Mar 4, 2026".
func DateText(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.UTC().Format("Jan 2, 2006")
}

// citeText writes citation numbers as "[1][3]".
func citeText(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "[%d]", n)
	}
	return b.String()
}

// lede writes two or three sentences: how many moves and how much money
// over which period (a sum of the bullets below), then the largest move and
// the newest one, each with its citations.
func lede(shown []*move, bullets map[int64]pulse.BriefingBullet) string {
	if len(shown) == 0 {
		return "No moves match this pulse yet."
	}
	var total float64
	undisclosed := 0
	first, last := shown[0].date, shown[0].date
	var largest, newest *move
	for _, m := range shown {
		total += m.deal.AmountUSD
		if m.deal.AmountUSD == 0 {
			undisclosed++
		}
		if !m.date.IsZero() && (first.IsZero() || m.date.Before(first)) {
			first = m.date
		}
		if m.date.After(last) {
			last = m.date
		}
		if m.deal.AmountUSD > 0 && (largest == nil || m.deal.AmountUSD > largest.deal.AmountUSD ||
			m.deal.AmountUSD == largest.deal.AmountUSD && m.deal.ID < largest.deal.ID) {
			largest = m
		}
		if newest == nil || compareMoves(m, newest) < 0 {
			newest = m
		}
	}
	var s []string
	count := fmt.Sprintf("%d moves", len(shown))
	if len(shown) == 1 {
		count = "One move"
	}
	period := ""
	switch {
	case first.IsZero():
	case DateText(first) == DateText(last):
		period = " on " + DateText(first)
	default:
		period = " between " + DateText(first) + " and " + DateText(last)
	}
	one := count + " tracked" + period
	if total > 0 {
		one += ", with " + FormatUSD(total, false) + " disclosed in total"
		if undisclosed > 0 {
			one += fmt.Sprintf(" (%d undisclosed)", undisclosed)
		}
	}
	s = append(s, one+".")
	sentenceOf := func(prefix string, m *move) string {
		bl := bullets[m.deal.ID]
		return prefix + strings.TrimSuffix(bl.Text, ".") + " " + citeText(bl.Citations) + "."
	}
	if largest != nil && len(shown) > 1 {
		s = append(s, sentenceOf("Largest: ", largest))
	}
	if newest != largest {
		s = append(s, sentenceOf("Newest: ", newest))
	}
	return strings.Join(s, " ")
}

// keyFigures counts moves and disclosed USD by region and by sector.
func keyFigures(shown []*move) []pulse.KeyFigure {
	type acc struct {
		deals int
		usd   float64
	}
	var out []pulse.KeyFigure
	for _, group := range []string{"region", "sector"} {
		sums := map[string]*acc{}
		for _, m := range shown {
			k := m.deal.Region
			if group == "sector" {
				k = m.deal.Sector
			}
			if sums[k] == nil {
				sums[k] = &acc{}
			}
			sums[k].deals++
			sums[k].usd += m.deal.AmountUSD
		}
		var rows []pulse.KeyFigure
		for k, a := range sums {
			label := "Unspecified"
			switch {
			case k != "" && group == "region":
				label = pulse.RegionLabel(k)
			case k != "":
				label = pulse.SectorLabel(k)
			}
			rows = append(rows, pulse.KeyFigure{Group: group, Key: k, Label: label, Deals: a.deals, AmountUSD: a.usd})
		}
		slices.SortFunc(rows, func(a, b pulse.KeyFigure) int {
			return cmp.Or(cmp.Compare(b.AmountUSD, a.AmountUSD), cmp.Compare(b.Deals, a.Deals), cmp.Compare(a.Key, b.Key))
		})
		out = append(out, rows...)
	}
	if out == nil {
		out = []pulse.KeyFigure{}
	}
	return out
}

// latest lists the moves added or amended since prev, added first, in the
// order they appear in the briefing. With nothing new it repeats prev's
// list (rewritten from the current moves), so the content stays equal.
func latest(b *pulse.Briefing, prev *pulse.Briefing) []pulse.BriefingBullet {
	out := []pulse.BriefingBullet{}
	if prev == nil {
		return out
	}
	ch := Diff(prev, b)
	change := map[int64]string{}
	for _, m := range ch.Added {
		change[m.DealID] = "added"
	}
	for _, m := range ch.Amended {
		change[m.DealID] = "amended"
	}
	if len(change) == 0 {
		for _, bl := range prev.Latest {
			change[bl.DealID] = bl.Change
		}
	}
	for _, want := range []string{"added", "amended"} {
		for _, sec := range b.Sections {
			for _, bl := range sec.Bullets {
				if change[bl.DealID] == want {
					bl.Change = want
					bl.Citations = slices.Clone(bl.Citations)
					out = append(out, bl)
				}
			}
		}
	}
	return out
}

// Hash is the content hash of a briefing: everything but Hash, Version and
// CreatedAt, so equal content gives an equal hash.
func Hash(b *pulse.Briefing) string {
	c := *b
	c.Hash, c.Version, c.CreatedAt = "", 0, time.Time{}
	raw, err := json.Marshal(&c)
	if err != nil {
		// Only a time outside years 0-9999 fails to encode; the printed
		// form is still deterministic.
		raw = fmt.Appendf(nil, "%+v", c)
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// numberRE finds the figures of a text: "1.5", "64", "2,000".
var numberRE = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

func numbers(s string) []string {
	return numberRE.FindAllString(s, -1)
}

package brief

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/fundingpulse/pulse"
)

// move is one money event as a briefing shows it: one deal, or several
// stored deals that are the same event told by near-duplicate articles.
type move struct {
	deal     *pulse.Deal   // the representative (lowest ID)
	merged   []*pulse.Deal // all deals folded into this move, the representative first
	articles []int64       // every article that reported it, oldest first
	date     time.Time
	text     *doc   // what classification reads: names, evidence, titles
	inferred string // sector inferred from the evidence when the deal has none
	facet    string
}

// storyline is a group of moves with its title.
type storyline struct {
	key      string
	title    string
	moves    []*move
	articles []int64 // counted once per story: near duplicates folded in
}

// mergeKey identifies moves that are the same event: the same company (or
// investor, when the company is unnamed), kind and disclosed amount.
func mergeKey(d *pulse.Deal) string {
	name := d.Company
	if name == "" && len(d.Investors) > 0 {
		name = d.Investors[0]
	}
	amt := ""
	if d.Currency != "" {
		amt = d.Currency + formatFloat(d.Amount, 3)
	}
	return pulse.NormalizeName(name) + "|" + string(d.Kind) + "|" + amt
}

// sameEventWindow is how far apart two reports of one event may be dated.
const sameEventWindow = 7 * 24 * time.Hour

// buildMoves folds duplicate deals into moves and prepares them for
// grouping. deals must be sorted by ID.
func buildMoves(deals []*pulse.Deal, articles map[int64]*pulse.Article) []*move {
	perArticle := map[int64]int{}
	for _, d := range deals {
		for _, id := range uniqueIDs(mentionArticles(d)) {
			perArticle[id]++
		}
	}
	var moves []*move
	byKey := make(map[string][]*move)
	for _, d := range deals {
		k := mergeKey(d)
		var into *move
		if pulse.NormalizeName(d.Company)+pulse.NormalizeName(strings.Join(d.Investors, " ")) != "" {
			for _, m := range byKey[k] {
				if absDur(m.date.Sub(dealDate(d, articles))) <= sameEventWindow {
					into = m
					break
				}
			}
		}
		if into == nil {
			into = &move{deal: d, date: dealDate(d, articles)}
			moves = append(moves, into)
			byKey[k] = append(byKey[k], into)
		}
		into.merged = append(into.merged, d)
	}
	for _, m := range moves {
		seen := map[int64]bool{}
		var parts, own []string // own: the move's evidence and headlines
		for _, d := range m.merged {
			parts = append(parts, d.Company, strings.Join(d.Aliases, " "), strings.Join(d.Investors, " "))
			for _, mt := range d.Mentions {
				parts = append(parts, mt.Sentence)
				own = append(own, mt.Sentence, mt.Title)
				if perArticle[mt.ArticleID] > 1 {
					parts = append(parts, paragraphOf(articles[mt.ArticleID], mt))
				}
				if !seen[mt.ArticleID] {
					seen[mt.ArticleID] = true
					m.articles = append(m.articles, mt.ArticleID)
					if a := articles[mt.ArticleID]; a != nil {
						parts = append(parts, a.Title)
						own = append(own, a.Title)
						// An article about this move alone tells its
						// context; a round-up's other paragraphs do not.
						if perArticle[a.ID] == 1 {
							parts = append(parts, a.Text)
						}
					} else {
						parts = append(parts, mt.Title)
					}
				}
			}
		}
		slices.SortFunc(m.articles, func(x, y int64) int {
			return cmp.Or(articleTime(x, articles, m.deal).Compare(articleTime(y, articles, m.deal)), cmp.Compare(x, y))
		})
		m.text = newDoc(parts...)
		if m.deal.Sector == "" {
			m.inferred = inferSector(own)
		}
		m.facet = facetOf(m.deal, m.text, sectorOf(m.deal, m))
	}
	return moves
}

// paragraphOf returns the paragraph of the article that holds the mention's
// sentence: the words around a move often say what kind of story it is.
func paragraphOf(a *pulse.Article, mt pulse.Mention) string {
	if a == nil {
		return ""
	}
	doc := a.Document()
	if mt.Start < 0 || mt.End < mt.Start || mt.End > len(doc) {
		return ""
	}
	start := strings.LastIndex(doc[:mt.Start], "\n\n") + 1
	end := strings.Index(doc[mt.End:], "\n\n")
	if end < 0 {
		end = len(doc)
	} else {
		end += mt.End
	}
	return doc[start:end]
}

func mentionArticles(d *pulse.Deal) []int64 {
	ids := make([]int64, 0, len(d.Mentions))
	for _, mt := range d.Mentions {
		ids = append(ids, mt.ArticleID)
	}
	return ids
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// dealDate is the date a move is shown and ordered by.
func dealDate(d *pulse.Deal, articles map[int64]*pulse.Article) time.Time {
	if !d.Date.IsZero() {
		return d.Date
	}
	var t time.Time
	for _, mt := range d.Mentions {
		at := mt.Published
		if a := articles[mt.ArticleID]; a != nil {
			at = a.Published
		}
		if !at.IsZero() && (t.IsZero() || at.Before(t)) {
			t = at
		}
	}
	return t
}

func articleTime(id int64, articles map[int64]*pulse.Article, d *pulse.Deal) time.Time {
	if a := articles[id]; a != nil {
		return a.Published
	}
	for _, mt := range d.Mentions {
		if mt.ArticleID == id {
			return mt.Published
		}
	}
	return time.Time{}
}

// Cue words that override the sector when a move is part of a recognisable
// industry pattern rather than of its sector's ordinary flow.
var (
	minerCues = [][]termWord{termWords("bitcoin"), termWords("miner"), termWords("miners"), termWords("crypto mining"), termWords("bitcoin mining")}
	hubCues   = [][]termWord{termWords("hub"), termWords("hubs"), termWords("sovereign*"), termWords("national"), termWords("regional"), termWords("gigawatt*"), termWords("campus")}
	aiCues    = [][]termWord{termWords("ai"), termWords("artificial intelligence"), termWords("hpc"), termWords("gpu*"), termWords("data center*"), termWords("data centre*")}
)

func anyCue(d *doc, cues [][]termWord) bool {
	for _, c := range cues {
		if d.has(c) {
			return true
		}
	}
	return false
}

// sectorFamily groups neighbouring sectors so a briefing has a handful of
// sections rather than one per taxonomy entry.
var sectorFamily = map[string]string{
	"chips": "chips-memory", "memory": "chips-memory",
	"security": "security-testing", "testing": "security-testing",
	"design_automation": "tools", "data_infrastructure": "tools",
	"data_centers": "compute", "cloud": "compute", "energy": "compute",
	"photonics": "photonics", "models": "models", "robotics": "robotics",
	"crypto_mining": "miner-pivot", "fintech": "fintech", "health": "health",
}

// sectorCues infer a sector for grouping when a deal has none, from its
// evidence and headlines; the first family that matches wins.
var sectorCues = []struct {
	sector string
	cues   [][]termWord
}{
	{"photonics", cueList("photonic*", "optical", "optics", "laser", "lasers", "photon*")},
	{"memory", cueList("memory", "dram", "hbm", "nand")},
	{"testing", cueList("testing", "validation")},
	{"security", cueList("security", "cybersecurity")},
	{"chips", cueList("chip", "chips", "chipmaker*", "semiconductor*", "silicon", "asic", "asics")},
	{"data_centers", cueList("data center*", "data centre*", "datacenter*", "colocation", "hyperscale*")},
	{"energy", cueList("power", "energy", "geothermal", "nuclear", "grid", "thermal")},
	{"models", cueList("ai model*", "llm*", "language model*", "inference")},
}

func cueList(qs ...string) [][]termWord {
	out := make([][]termWord, len(qs))
	for i, q := range qs {
		out[i] = termWords(q)
	}
	return out
}

// sectorOf is the deal's sector, or one inferred from its own evidence
// sentences and headlines when the deal has none.
func sectorOf(d *pulse.Deal, m *move) string {
	if d.Sector != "" {
		return d.Sector
	}
	return m.inferred
}

func inferSector(parts []string) string {
	d := newDoc(parts...)
	for _, sc := range sectorCues {
		if anyCue(d, sc.cues) {
			return sc.sector
		}
	}
	return ""
}

// facetOf classifies a move: crypto-miner pivots and regional hubs are
// recognised by their cue words, everything else by its sector family.
func facetOf(d *pulse.Deal, text *doc, sector string) string {
	if sector == "crypto_mining" || anyCue(text, minerCues) {
		return "miner-pivot"
	}
	placeBound := d.Country != "" && d.Region != "north_america"
	if placeBound && (d.Kind == pulse.KindInvestment || d.Kind == pulse.KindFund) &&
		(sectorFamily[sector] == "compute" || sector == "models" || sector == "") &&
		(d.Company == "" || anyCue(text, hubCues)) {
		return "regional-hubs"
	}
	if f, ok := sectorFamily[sector]; ok {
		return f
	}
	return "other"
}

// sectorNames are a sector's title when a storyline holds only that sector,
// and its short name when several are joined.
var sectorNames = map[string][2]string{
	"data_centers":        {"Data centers and compute", "data centers"},
	"chips":               {"Chips and semiconductors", "chips"},
	"photonics":           {"Photonics and optical interconnects", "photonics"},
	"memory":              {"Memory and storage", "memory"},
	"security":            {"Security", "security"},
	"testing":             {"Testing and validation", "testing"},
	"design_automation":   {"Design automation", "design automation"},
	"data_infrastructure": {"Data infrastructure", "data infrastructure"},
	"models":              {"AI models and applications", "AI models"},
	"energy":              {"Energy and power", "energy"},
	"crypto_mining":       {"Crypto mining", "crypto mining"},
	"cloud":               {"Cloud and networking", "cloud"},
	"robotics":            {"Robotics and hardware", "robotics"},
	"fintech":             {"Fintech", "fintech"},
	"health":              {"Health and life sciences", "health"},
	"other":               {"Other moves", "other"},
}

// countsDesc returns keys ordered by count, most first, ties by key.
func countsDesc(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	return keys
}

// dominant returns the most common value if it covers at least two thirds
// of n, else "".
func dominant(counts map[string]int, n int) string {
	keys := countsDesc(counts)
	if len(keys) == 0 || keys[0] == "" || counts[keys[0]]*3 < n*2 {
		return ""
	}
	return keys[0]
}

// titleOf names a storyline from what it holds: its facet, its sectors in
// order of weight, its dominant region.
func titleOf(facet string, moves []*move) string {
	sectors := map[string]int{}
	regions := map[string]int{}
	ai := false
	for _, m := range moves {
		s := sectorOf(m.deal, m)
		if s == "" {
			s = "other"
		}
		sectors[s]++
		regions[m.deal.Region]++
		ai = ai || anyCue(m.text, aiCues)
	}
	region := dominant(regions, len(moves))
	switch facet {
	case "miner-pivot":
		if ai {
			return "Miner pivots to AI infrastructure"
		}
		return "Crypto miners"
	case "regional-hubs":
		t := "Regional data-center hubs"
		if ai {
			t = "Regional AI hubs"
		}
		if region != "" {
			t += " in " + pulse.RegionLabel(region)
		}
		return t
	}
	keys := countsDesc(sectors)
	if len(keys) == 1 {
		if n, ok := sectorNames[keys[0]]; ok {
			return n[0]
		}
		return capitalize(pulse.SectorLabel(keys[0]))
	}
	if len(keys) > 3 {
		keys = keys[:3]
	}
	var names []string
	for _, k := range keys {
		if n, ok := sectorNames[k]; ok {
			names = append(names, n[1])
		} else {
			names = append(names, k)
		}
	}
	return capitalize(joinAnd(names))
}

func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// joinAnd joins "a", "b", "c" as "a, b and c".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// stem is a crude, deterministic stem: enough to see that "miners" and
// "miner", "pivoting" and "pivots" speak of the same thing.
func stem(w string) string {
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

var titleStop = map[string]bool{"and": true, "the": true, "to": true, "of": true, "in": true, "for": true, "a": true, "an": true, "other": true, "moves": true}

// topicOverlap counts the title's words that the pulse topic also uses, so
// the storyline closest to what the pulse is about comes first.
func topicOverlap(title, topic string) int {
	t := map[string]bool{}
	for _, w := range words(topic) {
		if !titleStop[w] {
			t[stem(w)] = true
		}
	}
	n := 0
	for _, w := range words(title) {
		if !titleStop[w] && t[stem(w)] {
			n++
		}
	}
	return n
}

// groupStorylines groups moves into storylines. An entity's moves stay
// together, in the facet most of them have; near-duplicate articles count
// once per story.
func groupStorylines(moves []*move, articles map[int64]*pulse.Article, topic string) []*storyline {
	entityFacets := map[string]map[string]int{}
	for _, m := range moves {
		if k := pulse.NormalizeName(m.deal.Company); k != "" {
			if entityFacets[k] == nil {
				entityFacets[k] = map[string]int{}
			}
			entityFacets[k][m.facet]++
		}
	}
	groups := map[string]*storyline{}
	for _, m := range moves {
		f := m.facet
		if k := pulse.NormalizeName(m.deal.Company); k != "" {
			f = countsDesc(entityFacets[k])[0]
		}
		g := groups[f]
		if g == nil {
			g = &storyline{key: f}
			groups[f] = g
		}
		g.moves = append(g.moves, m)
	}
	out := make([]*storyline, 0, len(groups))
	for _, g := range splitByKind(groups) {
		if g.title == "" {
			g.title = titleOf(g.key, g.moves)
		}
		slices.SortFunc(g.moves, compareMoves)
		seen := map[int64]bool{}
		for _, m := range g.moves {
			for _, id := range m.articles {
				canon := id
				if a := articles[id]; a != nil && a.DuplicateOf != 0 {
					canon = a.DuplicateOf
				}
				if !seen[canon] {
					seen[canon] = true
					g.articles = append(g.articles, id)
				}
			}
		}
		slices.Sort(g.articles)
		out = append(out, g)
	}
	overlap := map[string]int{}
	total := map[string]float64{}
	for _, g := range out {
		overlap[g.key] = topicOverlap(g.title, topic)
		for _, m := range g.moves {
			total[g.key] += m.deal.AmountUSD
		}
	}
	slices.SortFunc(out, func(a, b *storyline) int {
		if a.key == "other" || b.key == "other" {
			return cmp.Compare(boolInt(a.key == "other"), boolInt(b.key == "other"))
		}
		return cmp.Or(
			cmp.Compare(overlap[b.key], overlap[a.key]),
			cmp.Compare(len(b.moves), len(a.moves)),
			cmp.Compare(total[b.key], total[a.key]),
			cmp.Compare(a.key, b.key))
	})
	return out
}

// splitAt is the size above which a storyline is split by kind of money:
// debt and new funds read as stories of their own beside equity rounds.
const splitAt = 8

// kindClasses are the storylines a large one splits into, with the words
// added to the title.
var kindClasses = []struct{ class, label string }{{"debt", "debt financing"}, {"fund", "new funds"}}

func kindClass(k pulse.DealKind) string {
	switch k {
	case pulse.KindDebt:
		return "debt"
	case pulse.KindFund:
		return "fund"
	}
	return ""
}

// splitByKind returns the groups, with each large one split into its
// equity moves and, where there are at least two of each, its debt and its
// funds.
func splitByKind(groups map[string]*storyline) []*storyline {
	var out []*storyline
	for _, g := range groups {
		if len(g.moves) <= splitAt {
			out = append(out, g)
			continue
		}
		byClass := map[string][]*move{}
		for _, m := range g.moves {
			byClass[kindClass(m.deal.Kind)] = append(byClass[kindClass(m.deal.Kind)], m)
		}
		rest := byClass[""]
		for _, kc := range kindClasses {
			ms := byClass[kc.class]
			if len(ms) < 2 || len(ms) == len(g.moves) {
				rest = append(rest, ms...)
				continue
			}
			out = append(out, &storyline{key: g.key + "-" + kc.class, title: titleOf(g.key, ms) + ": " + kc.label, moves: ms})
		}
		if len(rest) > 0 {
			out = append(out, &storyline{key: g.key, moves: rest})
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// compareMoves orders moves newest first, then largest, then by deal ID.
func compareMoves(a, b *move) int {
	return cmp.Or(b.date.Compare(a.date), cmp.Compare(b.deal.AmountUSD, a.deal.AmountUSD), cmp.Compare(a.deal.ID, b.deal.ID))
}

// Storylines groups a pulse's matched deals and articles into storylines,
// titled from what they contain and ordered by closeness to the topic, then
// size. Near-duplicate articles are listed once per story; matched articles
// that report no deal join the storyline of a company they name.
func Storylines(topic string, deals []*pulse.Deal, articles map[int64]*pulse.Article) []pulse.Storyline {
	ds := sortedDeals(deals)
	groups := groupStorylines(buildMoves(ds, articles), articles, topic)
	out := make([]pulse.Storyline, len(groups))
	inStory := map[int64]bool{}
	// Company names by their first word, so an article is scanned once.
	type named struct {
		story int
		words []termWord
	}
	byFirst := map[string][]named{}
	seenName := map[string]bool{}
	for i, g := range groups {
		out[i] = pulse.Storyline{Key: g.key, Title: g.title, ArticleIDs: slices.Clone(g.articles)}
		for _, m := range g.moves {
			for _, d := range m.merged {
				out[i].DealIDs = append(out[i].DealIDs, d.ID)
				for _, mt := range d.Mentions {
					inStory[mt.ArticleID] = true
				}
			}
			if n := pulse.NormalizeName(m.deal.Company); n != "" && !seenName[n] {
				seenName[n] = true
				if tw := termWordsExact(n); len(tw) > 0 {
					byFirst[tw[0].w] = append(byFirst[tw[0].w], named{i, tw})
				}
			}
		}
		slices.Sort(out[i].DealIDs)
	}
	ids := make([]int64, 0, len(articles))
	for id := range articles {
		if !inStory[id] {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		a := articles[id]
		if a.DuplicateOf != 0 && inStory[a.DuplicateOf] {
			continue
		}
		d := newDoc(a.Title, a.Text)
		best := -1
		for p, w := range d.words {
			for _, c := range byFirst[w] {
				if (best < 0 || c.story < best) && d.hasAt(p, c.words) {
					best = c.story
				}
			}
		}
		if best >= 0 {
			out[best].ArticleIDs = append(out[best].ArticleIDs, id)
			inStory[id] = true
		}
	}
	for i := range out {
		slices.Sort(out[i].ArticleIDs)
	}
	return out
}

func sortedDeals(deals []*pulse.Deal) []*pulse.Deal {
	ds := make([]*pulse.Deal, 0, len(deals))
	for _, d := range deals {
		if d != nil {
			ds = append(ds, d)
		}
	}
	slices.SortFunc(ds, func(a, b *pulse.Deal) int { return cmp.Compare(a.ID, b.ID) })
	return ds
}

package brief

import (
	"slices"

	"github.com/fundingpulse/pulse"
)

// Changes is what differs between two versions of a briefing, move by move.
type Changes struct {
	FromVersion int    `json:"from_version"` // 0 when compared with nothing
	ToVersion   int    `json:"to_version"`
	Added       []Move `json:"added"`
	Amended     []Move `json:"amended"`
	Removed     []Move `json:"removed"`
}

// Move is one bullet of a Changes, with the sources it cites resolved so it
// can be shown without its briefing.
type Move struct {
	DealID  int64            `json:"deal_id"`
	Text    string           `json:"text"`
	Before  string           `json:"before,omitempty"` // the old text of an amended move
	Sources []pulse.Citation `json:"sources"`
}

// Empty reports whether nothing changed.
func (c Changes) Empty() bool {
	return len(c.Added) == 0 && len(c.Amended) == 0 && len(c.Removed) == 0
}

// Diff compares two versions by deal: a move is added or removed when its
// deal appears in only one, and amended when its figures or its cited
// articles changed. Wording alone is not a change, so a model-written
// version compares equal to the deterministic one it was checked against.
// old may be nil.
func Diff(old, new *pulse.Briefing) Changes {
	var ch Changes
	if old == nil {
		old = &pulse.Briefing{}
	}
	if new == nil {
		new = &pulse.Briefing{}
	}
	ch.FromVersion, ch.ToVersion = old.Version, new.Version
	ch.Added, ch.Amended, ch.Removed = []Move{}, []Move{}, []Move{}
	oldB, newB := bulletsByDeal(old), bulletsByDeal(new)
	for _, bl := range orderedBullets(new) {
		ob, ok := oldB[bl.DealID]
		switch {
		case !ok:
			ch.Added = append(ch.Added, toMove(new, bl))
		case !sameFacts(old, ob, new, bl):
			m := toMove(new, bl)
			m.Before = ob.Text
			ch.Amended = append(ch.Amended, m)
		}
	}
	for _, bl := range orderedBullets(old) {
		if _, ok := newB[bl.DealID]; !ok {
			ch.Removed = append(ch.Removed, toMove(old, bl))
		}
	}
	return ch
}

func orderedBullets(b *pulse.Briefing) []pulse.BriefingBullet {
	var out []pulse.BriefingBullet
	for _, s := range b.Sections {
		for _, bl := range s.Bullets {
			if bl.DealID != 0 {
				out = append(out, bl)
			}
		}
	}
	return out
}

func bulletsByDeal(b *pulse.Briefing) map[int64]pulse.BriefingBullet {
	m := map[int64]pulse.BriefingBullet{}
	for _, bl := range orderedBullets(b) {
		m[bl.DealID] = bl
	}
	return m
}

// citedArticles maps a bullet's citation numbers to article IDs, sorted.
func citedArticles(b *pulse.Briefing, bl pulse.BriefingBullet) []int64 {
	var ids []int64
	for _, n := range bl.Citations {
		if n >= 1 && n <= len(b.Sources) {
			ids = append(ids, b.Sources[n-1].ArticleID)
		}
	}
	slices.Sort(ids)
	return ids
}

// sameFacts compares what two bullets state: their figures and the articles
// they rest on.
func sameFacts(ob *pulse.Briefing, o pulse.BriefingBullet, nb *pulse.Briefing, n pulse.BriefingBullet) bool {
	on, nn := uniq(numbers(o.Text)), uniq(numbers(n.Text))
	return slices.Equal(on, nn) && slices.Equal(citedArticles(ob, o), citedArticles(nb, n))
}

func toMove(b *pulse.Briefing, bl pulse.BriefingBullet) Move {
	m := Move{DealID: bl.DealID, Text: bl.Text, Sources: []pulse.Citation{}}
	for _, n := range bl.Citations {
		if n >= 1 && n <= len(b.Sources) {
			m.Sources = append(m.Sources, b.Sources[n-1])
		}
	}
	return m
}

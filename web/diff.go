package web

import (
	"strconv"
	"strings"

	"github.com/fundingpulse/pulse"
)

// Changes is what one briefing version changed against the one before:
// moves added, removed, and amended (same deal, new wording or figures).
type Changes struct {
	Added   []pulse.BriefingBullet `json:"added"`
	Removed []pulse.BriefingBullet `json:"removed"`
	Amended []Amendment            `json:"amended"`
}

// Amendment is one move in its old and new wording.
type Amendment struct {
	Old pulse.BriefingBullet `json:"old"`
	New pulse.BriefingBullet `json:"new"`
}

// Empty reports whether nothing changed.
func (c Changes) Empty() bool {
	return len(c.Added) == 0 && len(c.Removed) == 0 && len(c.Amended) == 0
}

// diffBriefings compares the moves of two versions; old may be nil (the
// first version adds everything). A move is identified by its deal, or by
// its text when it has none.
func diffBriefings(old, cur *pulse.Briefing) Changes {
	var c Changes
	before := map[string]pulse.BriefingBullet{}
	var order []string
	if old != nil {
		for _, b := range bullets(old) {
			k := bulletKey(b)
			if _, dup := before[k]; !dup {
				order = append(order, k)
			}
			before[k] = b
		}
	}
	seen := map[string]bool{}
	for _, b := range bullets(cur) {
		k := bulletKey(b)
		if seen[k] {
			continue
		}
		seen[k] = true
		prev, ok := before[k]
		switch {
		case !ok:
			c.Added = append(c.Added, b)
		case normText(prev.Text) != normText(b.Text):
			c.Amended = append(c.Amended, Amendment{Old: prev, New: b})
		}
	}
	for _, k := range order {
		if !seen[k] {
			c.Removed = append(c.Removed, before[k])
		}
	}
	return c
}

func bullets(b *pulse.Briefing) []pulse.BriefingBullet {
	var out []pulse.BriefingBullet
	for _, s := range b.Sections {
		out = append(out, s.Bullets...)
	}
	return out
}

func bulletKey(b pulse.BriefingBullet) string {
	if b.DealID > 0 {
		return "deal:" + strconv.FormatInt(b.DealID, 10)
	}
	return "text:" + strings.ToLower(normText(b.Text))
}

// normText drops citation markers and runs of spaces, which are layout and
// not a change of what a move says.
func normText(s string) string {
	return strings.Join(strings.Fields(citeMarker.ReplaceAllString(s, "")), " ")
}

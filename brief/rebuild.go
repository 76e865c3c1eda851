package brief

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/llm"
)

// Rebuild composes the pulse's briefing from its stored matches and stores
// it as a new version when its content changed; a rebuild with nothing new
// returns the latest version and created=false, without asking the model.
// With a model, the stored version may have model-written prose that passed
// verification (see Rewrite); its Hash stays that of the deterministic
// content, so versions follow facts, not wording.
func Rebuild(ctx context.Context, s pulse.Store, p *pulse.Pulse, now time.Time, model *llm.Client) (b *pulse.Briefing, created bool, err error) {
	pm, err := s.FindPulseMatches(ctx, p.ID)
	if err != nil {
		return nil, false, fmt.Errorf("load matches of pulse %s: %w", p.Slug, err)
	}
	deals, err := loadDeals(ctx, s, pm.DealIDs)
	if err != nil {
		return nil, false, err
	}
	ids := append([]int64(nil), pm.ArticleIDs...)
	for _, d := range deals {
		for _, mt := range d.Mentions {
			ids = append(ids, mt.ArticleID)
		}
	}
	articles := make(map[int64]*pulse.Article)
	if err := loadArticles(ctx, s, uniqueIDs(ids), articles); err != nil {
		return nil, false, err
	}
	prev, err := s.FindBriefing(ctx, p.ID, 0)
	switch {
	case pulse.ErrorCode(err) == pulse.ENOTFOUND:
		prev = nil
	case err != nil:
		return nil, false, fmt.Errorf("load briefing of pulse %s: %w", p.Slug, err)
	}
	b = Compose(p, deals, articles, prev, now)
	if prev != nil && prev.Hash == b.Hash {
		return prev, false, nil
	}
	if model != nil {
		b = Rewrite(ctx, model, b, slog.Default().With("pulse", p.Slug))
	}
	created, err = s.AddBriefing(ctx, b)
	if err != nil {
		return nil, false, fmt.Errorf("store briefing of pulse %s: %w", p.Slug, err)
	}
	return b, created, nil
}

// loadDeals returns the deals with the given IDs, with their mentions.
func loadDeals(ctx context.Context, s pulse.Store, ids []int64) ([]*pulse.Deal, error) {
	var out []*pulse.Deal
	for len(ids) > 0 {
		n := min(idChunk, len(ids))
		ds, _, err := s.FindDeals(ctx, pulse.DealFilter{IDs: ids[:n], Limit: n})
		if err != nil {
			return nil, fmt.Errorf("load deals: %w", err)
		}
		out = append(out, ds...)
		ids = ids[n:]
	}
	return out, nil
}

package ingest

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/article"
	"github.com/fundingpulse/pulse/extract"
	"github.com/fundingpulse/pulse/feed"
	"github.com/fundingpulse/pulse/fetch"
	"github.com/fundingpulse/pulse/resolve"
)

// doc is one candidate article before it is stored.
type doc struct {
	guid, url, title, author, outlet, lang string
	text                                   string
	published                              time.Time
	fromFeed                               bool // text may be a teaser; fetch the page when short
}

func entryDoc(e feed.Entry, f *feed.Feed) doc {
	outlet := f.Title
	if outlet == "" {
		outlet = hostOutlet(f.Link)
	}
	return doc{guid: e.GUID, url: e.URL, title: e.Title, author: e.Author, outlet: outlet, lang: f.Language,
		text: article.HTMLToText(e.Content), published: e.Published, fromFeed: true}
}

func pageDoc(p *article.Page, pageURL, fallbackOutlet string) doc {
	u := p.CanonicalURL
	if u == "" {
		u = pageURL
	}
	outlet := p.SiteName
	if outlet == "" {
		outlet = fallbackOutlet
	}
	return doc{url: u, title: p.Title, author: p.Author, outlet: outlet, lang: p.Lang, text: p.Text, published: p.Published}
}

func textDoc(text, path string) doc {
	title, body, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return doc{url: "file://" + filepath.ToSlash(path), title: strings.TrimSpace(title), text: strings.TrimSpace(body), outlet: filepath.Base(path)}
}

// hostOutlet names an outlet after its host when nothing better is known.
func hostOutlet(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// store turns one doc into a stored, extracted article.
func (in *Ingester) store(ctx context.Context, src *pulse.Source, d doc, res *SourceResult, ch *changes) {
	log := in.log().With("source_id", src.ID, "article_url", d.url)
	d.url = article.CanonicalURL(d.url)

	if d.fromFeed && d.url != "" && len(d.text) < in.Config.ShortText {
		// Skip the page fetch when the entry is already stored: polls of a
		// feed must not refetch every page behind it.
		if a, ok := in.storedByURL(ctx, d.url); ok && !a.ExtractedAt.IsZero() {
			res.Duplicates++
			return
		}
		if page, err := in.fetchPage(ctx, d.url); err != nil {
			log.Warn("article page not read; keeping the feed text", "err", err)
		} else {
			if len(page.Text) > len(d.text) {
				d.text = page.Text
			}
			if d.published.IsZero() {
				d.published = page.Published
			}
			if d.author == "" {
				d.author = page.Author
			}
			if page.Lang != "" {
				d.lang = page.Lang
			}
		}
	}
	if strings.TrimSpace(d.text) == "" && strings.TrimSpace(d.title) == "" {
		return
	}
	a := &pulse.Article{
		SourceID: src.ID, URL: d.url, GUID: d.guid, Title: strings.TrimSpace(d.title), Outlet: d.outlet,
		Author: d.author, Published: d.published.UTC(), FetchedAt: in.now(), Text: d.text,
	}
	if a.Published.IsZero() {
		a.Published = a.FetchedAt
	}
	a.Lang = article.Lang(a.Text, d.lang)
	a.IdentityHash = article.IdentityHash(d.guid, a.URL, a.Title, a.Text)
	a.ContentHash = article.ContentHash(a.Text)
	a.SimHash = article.SimHash(a.Text)

	in.mu.Lock()
	created, err := in.addArticle(ctx, a)
	in.mu.Unlock()
	if err != nil {
		log.Error("store article", "err", err)
		res.Err = fmt.Errorf("store article %s: %w", a.URL, err)
		return
	}
	if !created {
		res.Duplicates++
		return
	}
	res.NewArticles++
	if a.DuplicateOf != 0 {
		res.NearDuplicates++
	}
	ch.articles = append(ch.articles, a)
	ec, err := in.extractArticle(ctx, a)
	ch.merge(ec)
	res.NewDeals += ec.newDeals
	res.NewMentions += ec.newMentions
	if err != nil {
		// The article stays unextracted and is retried after the pass.
		log.Error("extract deals", "article_id", a.ID, "err", err)
	}
}

func (in *Ingester) storedByURL(ctx context.Context, u string) (*pulse.Article, bool) {
	as, _, err := in.Store.FindArticles(ctx, pulse.ArticleFilter{URL: &u, Limit: 1})
	if err != nil || len(as) == 0 {
		return nil, false
	}
	return as[0], true
}

func (in *Ingester) fetchPage(ctx context.Context, u string) (*article.Page, error) {
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return nil, fmt.Errorf("not a web address: %q", u)
	}
	r, err := in.Fetcher.Get(ctx, fetch.Request{URL: u})
	if err != nil {
		return nil, err
	}
	return article.FromHTML(r.Body, r.URL, r.ContentType)
}

// nearDuplicateWindow bounds how far apart syndicated copies are published.
const nearDuplicateWindow = 7 * 24 * time.Hour

// addArticle links a to an earlier telling of the same story, then stores
// it. The caller holds in.mu so two copies stored at once still link.
func (in *Ingester) addArticle(ctx context.Context, a *pulse.Article) (bool, error) {
	sigs, err := in.Store.ArticleSignatures(ctx, a.Published.Add(-nearDuplicateWindow))
	if err != nil {
		return false, fmt.Errorf("near-duplicate signatures: %w", err)
	}
	for _, s := range sigs {
		if s.Published.After(a.Published.Add(nearDuplicateWindow)) {
			continue
		}
		if article.NearDuplicate(a.SimHash, s.SimHash, a.Title, s.Title) {
			a.DuplicateOf = s.ID
			if s.DuplicateOf != 0 {
				a.DuplicateOf = s.DuplicateOf
			}
			break
		}
	}
	created, err := in.Store.AddArticle(ctx, a)
	if !created {
		a.DuplicateOf = 0
	}
	return created, err
}

// extractArticle finds the deals in a stored article, resolves each against
// deals already known and marks the article done.
func (in *Ingester) extractArticle(ctx context.Context, a *pulse.Article) (changes, error) {
	var ch changes
	deals, err := in.Extractor.Extract(ctx, extract.Document{ID: strconv.FormatInt(a.ID, 10), Text: a.Document(), Published: a.Published, URL: a.URL})
	if err != nil {
		return ch, err
	}
	for i := range deals {
		d := &deals[i]
		if len(d.Mentions) == 0 {
			continue
		}
		d.Mentions = d.Mentions[:1]
		d.Mentions[0].ArticleID = a.ID
		d.Date = d.Announced
		if d.Date.IsZero() {
			d.Date = a.Published
		}
		in.mu.Lock()
		stored, created, err := in.resolveDeal(ctx, d)
		in.mu.Unlock()
		if err != nil {
			return ch, fmt.Errorf("store deal %q: %w", d.Company, err)
		}
		ch.deals = append(ch.deals, stored)
		if created {
			ch.newDeals++
		} else {
			ch.newMentions++
		}
	}
	return ch, in.Store.MarkExtracted(ctx, a.ID, in.now())
}

// resolveDeal attaches d to the stored deal it reports, or stores it as new.
// The caller holds in.mu.
func (in *Ingester) resolveDeal(ctx context.Context, d *pulse.Deal) (*pulse.Deal, bool, error) {
	f := pulse.DealFilter{From: d.Date.Add(-resolve.Window), To: d.Date.Add(resolve.Window), Limit: 50}
	switch {
	case d.Company != "":
		f.Company = firstWord(d.Company)
	case len(d.Investors) > 0:
		f.Investor = firstWord(d.Investors[0])
	}
	cands, _, err := in.Store.FindDeals(ctx, f)
	if err != nil {
		return nil, false, fmt.Errorf("find candidate deals: %w", err)
	}
	for _, c := range cands {
		if !resolve.Same(c, d) {
			continue
		}
		if err := in.Store.AddMention(ctx, c.ID, &d.Mentions[0]); err != nil {
			return nil, false, fmt.Errorf("add mention: %w", err)
		}
		if merged, changed := resolve.Merge(c, d); changed {
			if err := in.Store.UpdateDeal(ctx, &merged); err != nil {
				return nil, false, fmt.Errorf("update deal: %w", err)
			}
			in.learnAliases(ctx, &merged)
			c = &merged
		}
		return c, false, nil
	}
	if err := in.Store.CreateDeal(ctx, d); err != nil {
		return nil, false, err
	}
	in.learnAliases(ctx, d)
	return d, true, nil
}

// learnAliases records the other names a text gave a company, so later
// reports under any of them resolve to one entity.
func (in *Ingester) learnAliases(ctx context.Context, d *pulse.Deal) {
	if d.CompanyID == 0 {
		return
	}
	for _, a := range d.Aliases {
		if err := in.Store.AddAlias(ctx, d.CompanyID, a); err != nil {
			in.log().Warn("learn alias", "deal_id", d.ID, "alias", a, "err", err)
		}
	}
}

// firstWord is the most distinctive cheap key for a candidate lookup: the
// store matches it as a substring, resolve.Same decides.
func firstWord(name string) string {
	n := pulse.NormalizeName(name)
	w, _, _ := strings.Cut(n, " ")
	if len(w) < 3 {
		return n
	}
	return w
}

// extractPending extracts articles whose extraction never finished.
func (in *Ingester) extractPending(ctx context.Context) (changes, error) {
	var all changes
	as, _, err := in.Store.FindArticles(ctx, pulse.ArticleFilter{NotExtracted: true})
	if err != nil {
		return all, fmt.Errorf("find unextracted articles: %w", err)
	}
	for _, a := range as {
		ch, err := in.extractArticle(ctx, a)
		all.merge(ch)
		all.articles = append(all.articles, a)
		if err != nil {
			if ctx.Err() != nil {
				return all, ctx.Err()
			}
			in.log().Error("extract deals", "article_id", a.ID, "err", err)
		}
	}
	return all, nil
}

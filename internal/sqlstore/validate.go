package sqlstore

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"regexp"
	"strings"

	"github.com/fundingpulse/pulse"
)

// The checks both stores apply before writing, so they accept and reject
// the same values.

// ValidateSource checks a new source.
func ValidateSource(s *pulse.Source) error {
	if !s.Kind.Valid() {
		return pulse.Errorf(pulse.EINVALID, "unknown source kind %q", s.Kind)
	}
	if strings.TrimSpace(s.URL) == "" {
		return pulse.Errorf(pulse.EINVALID, "a source needs a URL")
	}
	if s.Interval < 0 {
		return pulse.Errorf(pulse.EINVALID, "negative poll interval")
	}
	return CheckTimes(s.LastFetchAt, s.LastSuccessAt, s.NextPollAt)
}

// PrepareArticle checks a new article and derives its IdentityHash if it
// has none.
func PrepareArticle(a *pulse.Article) error {
	if strings.TrimSpace(a.Title) == "" && strings.TrimSpace(a.Text) == "" && a.URL == "" {
		return pulse.Errorf(pulse.EINVALID, "an article needs a URL, a title or text")
	}
	if err := CheckTimes(a.Published, a.FetchedAt, a.ExtractedAt); err != nil {
		return err
	}
	if a.IdentityHash == "" {
		a.IdentityHash = identityHash(a)
	}
	return nil
}

// identityHash is the documented fallback chain for an article that comes
// without one: GUID, else canonical URL, else title and text.
func identityHash(a *pulse.Article) string {
	key := a.GUID
	if key == "" {
		key = a.URL
	}
	if key == "" {
		key = a.Title + "\n" + a.Text
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// ValidateDeal checks a deal's own fields, not its mentions.
func ValidateDeal(d *pulse.Deal) error {
	if !d.Kind.Valid() {
		return pulse.Errorf(pulse.EINVALID, "unknown deal kind %q", d.Kind)
	}
	if err := CheckTimes(d.Announced, d.Date); err != nil {
		return err
	}
	for _, v := range []float64{d.Amount, d.AmountUSD, d.StakePercent} {
		if !validAmount(v) {
			return pulse.Errorf(pulse.EINVALID, "deal amounts must be finite and not negative")
		}
	}
	return nil
}

// ValidateNewDeal checks a deal and the mentions it is created with.
func ValidateNewDeal(d *pulse.Deal) error {
	if err := ValidateDeal(d); err != nil {
		return err
	}
	if len(d.Mentions) == 0 {
		return pulse.Errorf(pulse.EINVALID, "a deal needs at least one mention")
	}
	for i := range d.Mentions {
		if err := ValidateMention(&d.Mentions[i]); err != nil {
			return err
		}
	}
	return nil
}

// ValidateMention checks a mention before it is attached to a deal.
func ValidateMention(m *pulse.Mention) error {
	if m.ArticleID == 0 {
		return pulse.Errorf(pulse.EINVALID, "a mention needs an article")
	}
	if m.Start < 0 || m.End < m.Start {
		return pulse.Errorf(pulse.EINVALID, "mention span %d..%d is not valid", m.Start, m.End)
	}
	if !validAmount(m.Amount) {
		return pulse.Errorf(pulse.EINVALID, "mention amount must be finite and not negative")
	}
	return nil
}

func validAmount(v float64) bool { return v >= 0 && !math.IsNaN(v) && !math.IsInf(v, 0) }

// Disagree reports whether reported amounts conflict: different currencies,
// or amounts in one currency more than 1% apart.
func Disagree(amounts []pulse.Money) bool {
	for i := 1; i < len(amounts); i++ {
		a, b := amounts[0], amounts[i]
		if !strings.EqualFold(a.Currency, b.Currency) {
			return true
		}
		if math.Abs(a.Amount-b.Amount) > 0.01*math.Max(a.Amount, b.Amount) {
			return true
		}
	}
	return false
}

// validSlug is what may appear in a pulse's URL: lower-case words of
// letters and digits joined by single hyphens or underscores.
var validSlug = regexp.MustCompile(`^[a-z0-9]+([-_][a-z0-9]+)*$`)

// ValidatePulse checks a new pulse.
func ValidatePulse(p *pulse.Pulse) error {
	if len(p.Slug) > 100 || !validSlug.MatchString(p.Slug) {
		return pulse.Errorf(pulse.EINVALID, "slug %q must be lower-case letters and digits joined by - or _", p.Slug)
	}
	return ValidatePulseUpdate(p)
}

// ValidatePulseUpdate checks the fields an update of a pulse may change.
func ValidatePulseUpdate(p *pulse.Pulse) error {
	if strings.TrimSpace(p.Name) == "" {
		return pulse.Errorf(pulse.EINVALID, "a pulse needs a name")
	}
	return nil
}

// ValidateToken checks a new API token.
func ValidateToken(t *pulse.Token) error {
	if strings.TrimSpace(t.Name) == "" || t.Hash == "" {
		return pulse.Errorf(pulse.EINVALID, "a token needs a name and a hash")
	}
	return nil
}

package brief

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/llm"
)

// DefaultSlug is the pulse shown when none is named.
const DefaultSlug = "ai-funding-pulse"

// DefaultPulses returns the pulses a new installation starts with.
func DefaultPulses() []pulse.Pulse {
	return []pulse.Pulse{
		{
			Slug:        DefaultSlug,
			Name:        "AI Funding Pulse",
			Topic:       "Bitcoin miners and infra operators pivoting to AI-focused data centers",
			Description: "Money moving into AI infrastructure: data centers and compute, chips, photonics, memory, testing and security, sovereign and regional AI hubs, and crypto miners turning to AI.",
			Query: pulse.PulseQuery{
				Keywords: `AI OR "artificial intelligence" OR HPC OR GPU* OR inference OR "machine learning" OR ` +
					`"data center*" OR "data centre*" OR datacenter* OR hyperscale* OR ` +
					`semiconductor* OR chip OR chips OR chipmaker* OR silicon OR ` +
					`photonic* OR "optical interconnect*" OR "optical I/O" OR ` +
					`memory OR HBM OR ` +
					`"bitcoin miner*" OR "bitcoin mining" OR "crypto miner*"`,
			},
		},
		{
			Slug:        "photonics-interconnects",
			Name:        "Photonics & Interconnects",
			Topic:       "Optical I/O, lasers and interconnects for AI clusters",
			Description: "Funding and investment in photonics, co-packaged optics, lasers and the links between accelerators.",
			Query: pulse.PulseQuery{
				Keywords: `photonic* OR optical OR optics OR laser* OR interconnect* OR "co-packaged"`,
			},
		},
		{
			Slug:        "sovereign-ai-hubs",
			Name:        "Sovereign AI Hubs",
			Topic:       "Countries and regions building their own AI compute",
			Description: "National and regional AI data-center and cloud hubs outside the United States, and the funds behind them.",
			Query: pulse.PulseQuery{
				Keywords: `(AI OR "artificial intelligence" OR "data center*" OR "data centre*" OR cloud OR compute OR gigawatt*) ` +
					`AND (sovereign* OR hub OR hubs OR national OR regional OR gigafactor* OR campus)`,
				Regions: []string{"europe", "asia", "middle_east", "africa", "latin_america", "oceania"},
			},
		},
	}
}

// EnsureDefaults creates the default pulses, with their matches, when the
// store has no pulse at all; an installation whose pulses were all removed
// on purpose gets them back, which is the least surprising empty state.
func EnsureDefaults(ctx context.Context, s pulse.Store) error {
	ps, err := s.FindPulses(ctx)
	if err != nil {
		return fmt.Errorf("load pulses: %w", err)
	}
	if len(ps) > 0 {
		return nil
	}
	for _, p := range DefaultPulses() {
		if err := s.CreatePulse(ctx, &p); err != nil {
			if pulse.ErrorCode(err) == pulse.ECONFLICT {
				continue // another process created it first
			}
			return fmt.Errorf("create pulse %s: %w", p.Slug, err)
		}
		if err := Recompute(ctx, s, &p); err != nil {
			return err
		}
	}
	return nil
}

// SavePulse creates the pulse, or updates the one with the same slug, then
// recomputes its matches and rebuilds its briefing. It reports whether the
// pulse was created.
func SavePulse(ctx context.Context, s pulse.Store, p *pulse.Pulse, now time.Time, model *llm.Client) (created bool, err error) {
	if err := Validate(p); err != nil {
		return false, err
	}
	old, err := s.FindPulseBySlug(ctx, p.Slug)
	switch {
	case err == nil:
		p.ID = old.ID
		if err := s.UpdatePulse(ctx, p); err != nil {
			return false, fmt.Errorf("update pulse %s: %w", p.Slug, err)
		}
	case pulse.ErrorCode(err) == pulse.ENOTFOUND:
		if err := s.CreatePulse(ctx, p); err != nil {
			return false, fmt.Errorf("create pulse %s: %w", p.Slug, err)
		}
		created = true
	default:
		return false, fmt.Errorf("find pulse %s: %w", p.Slug, err)
	}
	if err := Recompute(ctx, s, p); err != nil {
		return created, err
	}
	if _, _, err := Rebuild(ctx, s, p, now, model); err != nil {
		return created, err
	}
	return created, nil
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// Validate checks a pulse before it is stored: a slug of lower-case letters,
// digits and hyphens, a name, and a query that compiles. Errors are EINVALID.
func Validate(p *pulse.Pulse) error {
	if !slugRE.MatchString(p.Slug) {
		return pulse.Errorf(pulse.EINVALID, "pulse slug %q: use lower-case letters, digits and hyphens (at most 63)", p.Slug)
	}
	if strings.TrimSpace(p.Name) == "" {
		return pulse.Errorf(pulse.EINVALID, "pulse %s: name is empty", p.Slug)
	}
	if _, err := Compile(p.Query); err != nil {
		var e *pulse.Error
		if errors.As(err, &e) {
			return pulse.Errorf(e.Code, "pulse %s: %s", p.Slug, e.Message)
		}
		return err
	}
	return nil
}

// FilePulse is one pulse in a pulses file (docs/pulses.md): the query is
// flattened and dates are written as YYYY-MM-DD.
type FilePulse struct {
	Slug         string   `json:"slug"`
	Name         string   `json:"name"`
	Topic        string   `json:"topic,omitempty"`
	Description  string   `json:"description,omitempty"`
	Keywords     string   `json:"keywords,omitempty"`
	Entities     []string `json:"entities,omitempty"`
	Sectors      []string `json:"sectors,omitempty"`
	Regions      []string `json:"regions,omitempty"`
	Kinds        []string `json:"kinds,omitempty"`
	MinAmountUSD float64  `json:"min_amount_usd,omitempty"`
	From         string   `json:"from,omitempty"`
	To           string   `json:"to,omitempty"`
}

// PulsesFile is the document a pulses file holds.
type PulsesFile struct {
	Pulses []FilePulse `json:"pulses"`
}

// maxPulsesFile bounds what ReadPulses reads.
const maxPulsesFile = 1 << 20

// ReadPulses parses a pulses file and validates every pulse in it. Errors
// are EINVALID and name the pulse at fault.
func ReadPulses(r io.Reader) ([]pulse.Pulse, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxPulsesFile+1))
	if err != nil {
		return nil, fmt.Errorf("read pulses file: %w", err)
	}
	if len(raw) > maxPulsesFile {
		return nil, pulse.Errorf(pulse.EINVALID, "pulses file is larger than %d bytes", maxPulsesFile)
	}
	var f PulsesFile
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, pulse.Errorf(pulse.EINVALID, "pulses file: %v", err)
	}
	seen := map[string]bool{}
	out := make([]pulse.Pulse, 0, len(f.Pulses))
	for i, fp := range f.Pulses {
		p, err := fp.Pulse()
		if err != nil {
			return nil, pulse.Errorf(pulse.EINVALID, "pulses file, entry %d: %s", i+1, pulse.ErrorMessage(err))
		}
		if seen[p.Slug] {
			return nil, pulse.Errorf(pulse.EINVALID, "pulses file: slug %q appears twice", p.Slug)
		}
		seen[p.Slug] = true
		out = append(out, p)
	}
	return out, nil
}

// Pulse converts a file entry to a validated pulse.
func (fp FilePulse) Pulse() (pulse.Pulse, error) {
	p := pulse.Pulse{
		Slug: fp.Slug, Name: fp.Name, Topic: fp.Topic, Description: fp.Description,
		Query: pulse.PulseQuery{
			Keywords: fp.Keywords, Entities: fp.Entities, Sectors: fp.Sectors, Regions: fp.Regions,
			MinAmountUSD: fp.MinAmountUSD,
		},
	}
	for _, k := range fp.Kinds {
		p.Query.Kinds = append(p.Query.Kinds, pulse.DealKind(k))
	}
	var err error
	if p.Query.From, err = parseDay(fp.From, false); err != nil {
		return p, err
	}
	if p.Query.To, err = parseDay(fp.To, true); err != nil {
		return p, err
	}
	return p, Validate(&p)
}

// parseDay reads YYYY-MM-DD (or RFC 3339); a "to" day runs to its last instant.
func parseDay(s string, endOfDay bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		if endOfDay {
			t = t.Add(24*time.Hour - time.Nanosecond)
		}
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, pulse.Errorf(pulse.EINVALID, "date %q: want YYYY-MM-DD", s)
}

// ToFile converts a pulse to its pulses-file form.
func ToFile(p *pulse.Pulse) FilePulse {
	fp := FilePulse{
		Slug: p.Slug, Name: p.Name, Topic: p.Topic, Description: p.Description,
		Keywords: p.Query.Keywords, Entities: p.Query.Entities, Sectors: p.Query.Sectors,
		Regions: p.Query.Regions, MinAmountUSD: p.Query.MinAmountUSD,
	}
	for _, k := range p.Query.Kinds {
		fp.Kinds = append(fp.Kinds, string(k))
	}
	if !p.Query.From.IsZero() {
		fp.From = p.Query.From.UTC().Format("2006-01-02")
	}
	if !p.Query.To.IsZero() {
		fp.To = p.Query.To.UTC().Format("2006-01-02")
	}
	return fp
}

// WritePulses writes pulses as a pulses file that ReadPulses accepts.
func WritePulses(w io.Writer, ps []*pulse.Pulse) error {
	f := PulsesFile{Pulses: make([]FilePulse, 0, len(ps))}
	for _, p := range ps {
		f.Pulses = append(f.Pulses, ToFile(p))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("write pulses file: %w", err)
	}
	return nil
}

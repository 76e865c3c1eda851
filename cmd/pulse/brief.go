package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/brief"
	"github.com/fundingpulse/pulse/llm"
)

// model returns the configured model client, or nil when none is set.
func (c *cli) model() *llm.Client {
	return llm.New(llm.Config{BaseURL: c.cfg.ModelBaseURL, Model: c.cfg.ModelName, APIKey: c.cfg.ModelAPIKey, Timeout: c.cfg.ModelTimeout})
}

func runBrief(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("brief")
	format := fs.String("format", "text", "output format: "+strings.Join(brief.Formats, ", "))
	since := fs.String("since", "", "show what changed since the version current at this date (YYYY-MM-DD or RFC 3339)")
	rebuild := fs.Bool("rebuild", false, "rebuild the briefing from the stored matches first")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageError("at most one pulse, got %d", len(pos))
	}
	slug := brief.DefaultSlug
	if len(pos) == 1 {
		slug = pos[0]
	}
	if !validFormat(*format) {
		return usageError("unknown format %q", *format)
	}
	var at time.Time
	if *since != "" {
		if at, err = parseWhen(*since); err != nil {
			return usageError("--since: %v", err)
		}
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := brief.EnsureDefaults(ctx, s); err != nil {
		return err
	}
	p, err := s.FindPulseBySlug(ctx, slug)
	if err != nil {
		return fmt.Errorf("pulse %s: %w", slug, err)
	}
	b, err := s.FindBriefing(ctx, p.ID, 0)
	if pulse.ErrorCode(err) == pulse.ENOTFOUND || (err == nil && *rebuild) {
		b, _, err = brief.Rebuild(ctx, s, p, time.Now().UTC(), c.model())
	}
	if err != nil {
		return fmt.Errorf("briefing of %s: %w", slug, err)
	}
	if *since == "" {
		return brief.Render(c.stdout, b, *format)
	}
	versions, err := s.FindBriefings(ctx, p.ID, time.Time{}, 0)
	if err != nil {
		return fmt.Errorf("versions of %s: %w", slug, err)
	}
	var base *pulse.Briefing
	for _, v := range versions { // newest first
		if !v.CreatedAt.After(at) {
			base = v
			break
		}
	}
	label := "the start (no version existed at " + *since + ")"
	if base != nil {
		label = fmt.Sprintf("version %d of %s", base.Version, brief.DateText(base.CreatedAt))
	}
	return brief.RenderChanges(c.stdout, brief.Diff(base, b), label, *format)
}

func validFormat(f string) bool {
	for _, x := range brief.Formats {
		if f == x {
			return true
		}
	}
	return false
}

// parseWhen reads a date (midnight UTC) or an RFC 3339 time.
func parseWhen(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("want YYYY-MM-DD or an RFC 3339 time, got %q", s)
}

func runPulses(ctx context.Context, c *cli, args []string) error {
	if len(args) == 0 {
		return usageError("missing subcommand: add, list, show or remove")
	}
	switch args[0] {
	case "add":
		return pulsesAdd(ctx, c, args[1:])
	case "list":
		return pulsesList(ctx, c, args[1:])
	case "show":
		return pulsesShow(ctx, c, args[1:])
	case "remove", "rm":
		return pulsesRemove(ctx, c, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(c.stdout, "usage: pulse pulses add SLUG [--name N --topic T --keywords Q --entity E --sector S --region R --kind K --min-amount USD --from DATE --to DATE]\n       pulse pulses add --file pulses.json\n       pulse pulses list | show SLUG | remove SLUG")
		return nil
	}
	return usageError("unknown subcommand %q: want add, list, show or remove", args[0])
}

// listFlag collects a repeatable, comma-separated flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			*l = append(*l, x)
		}
	}
	return nil
}

func pulsesAdd(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("pulses add")
	file := fs.String("file", "", "read pulses from a pulses file (docs/pulses.md); - for standard input")
	name := fs.String("name", "", "display name")
	topic := fs.String("topic", "", "topic line shown under the name")
	desc := fs.String("description", "", "longer description")
	keywords := fs.String("keywords", "", `keyword expression: words, "phrases", AND, OR, NOT, ( )`)
	minAmount := fs.Float64("min-amount", 0, "minimum deal amount in USD")
	from := fs.String("from", "", "first day (YYYY-MM-DD)")
	to := fs.String("to", "", "last day (YYYY-MM-DD)")
	var entities, sectors, regions, kinds listFlag
	fs.Var(&entities, "entity", "company or investor name (repeatable or comma-separated)")
	fs.Var(&sectors, "sector", "sector slug (repeatable or comma-separated)")
	fs.Var(&regions, "region", "region slug or country (repeatable or comma-separated)")
	fs.Var(&kinds, "kind", "deal kind (repeatable or comma-separated)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	var ps []pulse.Pulse
	if *file != "" {
		if len(pos) > 0 {
			return usageError("--file takes no SLUG")
		}
		if ps, err = readPulsesFile(c, *file); err != nil {
			return err
		}
	} else if len(pos) != 1 {
		return usageError("want one SLUG (or --file)")
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	if *file == "" {
		// Flags given change an existing pulse; flags left out keep its values.
		fp := brief.FilePulse{Slug: pos[0]}
		if old, err := s.FindPulseBySlug(ctx, pos[0]); err == nil {
			fp = brief.ToFile(old)
		} else if pulse.ErrorCode(err) != pulse.ENOTFOUND {
			return fmt.Errorf("pulse %s: %w", pos[0], err)
		}
		fs.Visit(func(f *flag.Flag) {
			switch f.Name {
			case "name":
				fp.Name = *name
			case "topic":
				fp.Topic = *topic
			case "description":
				fp.Description = *desc
			case "keywords":
				fp.Keywords = *keywords
			case "min-amount":
				fp.MinAmountUSD = *minAmount
			case "from":
				fp.From = *from
			case "to":
				fp.To = *to
			case "entity":
				fp.Entities = entities
			case "sector":
				fp.Sectors = sectors
			case "region":
				fp.Regions = regions
			case "kind":
				fp.Kinds = kinds
			}
		})
		p, err := fp.Pulse()
		if err != nil {
			return err
		}
		ps = []pulse.Pulse{p}
	}
	now := time.Now().UTC()
	for _, p := range ps {
		created, err := brief.SavePulse(ctx, s, &p, now, c.model())
		if err != nil {
			return err
		}
		verb := "updated"
		if created {
			verb = "added"
		}
		m, err := s.FindPulseMatches(ctx, p.ID)
		if err != nil {
			return fmt.Errorf("matches of %s: %w", p.Slug, err)
		}
		fmt.Fprintf(c.stdout, "%s pulse %s: %d articles, %d deals\n", verb, p.Slug, len(m.ArticleIDs), len(m.DealIDs))
	}
	return nil
}

func readPulsesFile(c *cli, path string) ([]pulse.Pulse, error) {
	if path == "-" {
		return brief.ReadPulses(c.stdin)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open pulses file: %w", err)
	}
	defer f.Close()
	return brief.ReadPulses(f)
}

func pulsesList(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("pulses list")
	asJSON := fs.Bool("json", false, "write a pulses file instead of a table")
	if pos, err := parse(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usageError("list takes no arguments")
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	ps, err := s.FindPulses(ctx)
	if err != nil {
		return fmt.Errorf("list pulses: %w", err)
	}
	if *asJSON {
		return brief.WritePulses(c.stdout, ps)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SLUG\tNAME\tARTICLES\tDEALS\tVERSION\tUPDATED")
	for _, p := range ps {
		m, err := s.FindPulseMatches(ctx, p.ID)
		if err != nil {
			return fmt.Errorf("matches of %s: %w", p.Slug, err)
		}
		version, updated := "-", "-"
		if b, err := s.FindBriefing(ctx, p.ID, 0); err == nil {
			version, updated = fmt.Sprint(b.Version), brief.DateText(b.Updated)
		} else if pulse.ErrorCode(err) != pulse.ENOTFOUND {
			return fmt.Errorf("briefing of %s: %w", p.Slug, err)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", p.Slug, p.Name, len(m.ArticleIDs), len(m.DealIDs), version, updated)
	}
	return tw.Flush()
}

func pulsesShow(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("pulses show")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("want one SLUG")
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := s.FindPulseBySlug(ctx, pos[0])
	if err != nil {
		return fmt.Errorf("pulse %s: %w", pos[0], err)
	}
	return brief.WritePulses(c.stdout, []*pulse.Pulse{p})
}

func pulsesRemove(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("pulses remove")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("want one SLUG")
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.DeletePulse(ctx, pos[0]); err != nil {
		return fmt.Errorf("remove pulse %s: %w", pos[0], err)
	}
	fmt.Fprintf(c.stdout, "removed pulse %s with its matches and briefings\n", pos[0])
	return nil
}

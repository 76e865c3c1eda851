package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/feed"
)

func runSources(ctx context.Context, c *cli, args []string) error {
	if len(args) == 0 {
		return usageError("want add, list or remove")
	}
	sub, args := args[0], args[1:]
	fs := c.flags("sources " + sub)
	var kind, title string
	var interval time.Duration
	if sub == "add" {
		fs.StringVar(&kind, "kind", "", "feed, page or file (default: file for local paths, else feed)")
		fs.StringVar(&title, "title", "", "display name")
		fs.DurationVar(&interval, "interval", 0, "poll interval (default PULSE_POLL_INTERVAL)")
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	switch sub {
	case "add":
		if len(pos) == 0 {
			return usageError("sources add needs a URL or file path")
		}
		for _, u := range pos {
			src, err := newSource(u, kind, title, interval)
			if err != nil {
				return err
			}
			if err := s.CreateSource(ctx, src); err != nil {
				return fmt.Errorf("add %s: %w", u, err)
			}
			fmt.Fprintf(c.stdout, "added source %d: %s (%s)\n", src.ID, src.URL, src.Kind)
		}
		return nil
	case "list":
		sources, err := s.FindSources(ctx, pulse.SourceFilter{})
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tARTICLES\tLAST SUCCESS\tNEXT POLL\tERROR\tURL")
		for _, src := range sources {
			errText := "-"
			if src.LastError != "" {
				errText = fmt.Sprintf("%s (%d×)", src.ErrorKind, src.ErrorCount)
			}
			fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\n", src.ID, src.Kind, src.ArticleCount,
				when(src.LastSuccessAt), when(src.NextPollAt), errText, src.URL)
		}
		return tw.Flush()
	case "remove":
		if len(pos) == 0 {
			return usageError("sources remove needs a source ID")
		}
		for _, a := range pos {
			id, err := strconv.ParseInt(a, 10, 64)
			if err != nil {
				return usageError("%q is not a source ID", a)
			}
			if err := s.DeleteSource(ctx, id); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "removed source %d (its articles and deals are kept)\n", id)
		}
		return nil
	}
	return usageError("unknown subcommand %q", sub)
}

// newSource validates a URL or path and guesses its kind.
func newSource(raw, kind, title string, interval time.Duration) (*pulse.Source, error) {
	src := &pulse.Source{Kind: pulse.SourceKind(kind), URL: strings.TrimSpace(raw), Title: title, Interval: interval}
	isWeb := strings.HasPrefix(src.URL, "http://") || strings.HasPrefix(src.URL, "https://")
	if src.Kind == "" {
		src.Kind = pulse.SourceFeed
		if !isWeb {
			src.Kind = pulse.SourceFile
		}
	}
	if !src.Kind.Valid() {
		return nil, usageError("--kind must be feed, page or file, not %q", kind)
	}
	if src.Kind == pulse.SourceFile {
		abs, err := filepath.Abs(strings.TrimPrefix(src.URL, "file://"))
		if err != nil {
			return nil, fmt.Errorf("file source %q: %w", raw, err)
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, pulse.Errorf(pulse.EINVALID, "file source %q: %v", raw, err)
		}
		src.URL = abs
	} else if !isWeb {
		return nil, pulse.Errorf(pulse.EINVALID, "%q is not an http(s) URL", raw)
	}
	return src, nil
}

func runImport(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("import")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "opml" {
		return usageError("want: import opml FILE")
	}
	f, err := os.Open(pos[1])
	if err != nil {
		return err
	}
	defer f.Close()
	outlines, err := feed.ParseOPML(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", pos[1], err)
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	added, skipped := 0, 0
	for _, o := range outlines {
		src, err := newSource(o.XMLURL, string(pulse.SourceFeed), o.Title, 0)
		if err != nil {
			fmt.Fprintf(c.stderr, "skipping %q: %s\n", o.XMLURL, errorText(err))
			skipped++
			continue
		}
		switch err := s.CreateSource(ctx, src); pulse.ErrorCode(err) {
		case "":
			added++
		case pulse.ECONFLICT:
			skipped++
		default:
			return fmt.Errorf("add %s: %w", o.XMLURL, err)
		}
	}
	fmt.Fprintf(c.stdout, "imported %d feeds (%d already present or invalid)\n", added, skipped)
	return nil
}

func runExport(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("export")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "opml" {
		return usageError("want: export opml")
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	sources, err := s.FindSources(ctx, pulse.SourceFilter{})
	if err != nil {
		return err
	}
	var outlines []feed.Outline
	for _, src := range sources {
		if src.Kind == pulse.SourceFeed {
			outlines = append(outlines, feed.Outline{Title: src.Title, XMLURL: src.URL})
		}
	}
	return feed.WriteOPML(c.stdout, "Funding Pulse sources", outlines)
}

func runMigrate(ctx context.Context, c *cli, args []string) error {
	if _, err := parse(c.flags("migrate"), args); err != nil {
		return err
	}
	s, err := openStore(ctx, c) // opening applies pending migrations
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, "schema is up to date")
	return s.Close()
}

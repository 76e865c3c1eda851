package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/ingest"
)

func runIngest(ctx context.Context, c *cli, args []string) error {
	fs := c.flags("ingest")
	var sourceID int64
	fs.Int64Var(&sourceID, "source", 0, "fetch only this source ID")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	in, err := newIngester(c, s)
	if err != nil {
		return err
	}
	sum, err := in.Run(ctx, ingest.Options{SourceID: sourceID, Progress: progressPrinter(c.stderr)})
	printSummary(ctx, c.stdout, s, sum)
	return err
}

// progressPrinter shows one updating line on a terminal and one line per
// source otherwise, so logs stay readable.
func progressPrinter(w io.Writer) func(ingest.Progress) {
	tty := false
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil {
			tty = fi.Mode()&os.ModeCharDevice != 0
		}
	}
	return func(p ingest.Progress) {
		status := fmt.Sprintf("%d new, %d known", p.Result.NewArticles, p.Result.Duplicates)
		switch {
		case p.Result.Err != nil:
			status = "error: " + p.Result.Err.Error()
		case p.Result.NotModified:
			status = "not modified"
		}
		name := p.Source.Title
		if name == "" {
			name = p.Source.URL
		}
		if tty {
			fmt.Fprintf(w, "\r\033[K[%d/%d] %.50s: %s", p.Done, p.Total, name, status)
			if p.Done == p.Total {
				fmt.Fprintln(w)
			}
			return
		}
		fmt.Fprintf(w, "[%d/%d] %s: %s\n", p.Done, p.Total, name, status)
	}
}

func printSummary(ctx context.Context, w io.Writer, s pulse.Store, sum ingest.Summary) {
	fmt.Fprintf(w, "Sources:    %d fetched, %d failed\n", sum.Sources, sum.Failed)
	fmt.Fprintf(w, "Articles:   %d new, %d already stored, %d near-duplicates of another outlet's story\n",
		sum.NewArticles, sum.Duplicates, sum.NearDuplicates)
	fmt.Fprintf(w, "Deals:      %d new, %d further reports of known deals\n", sum.NewDeals, sum.NewMentions)
	fmt.Fprintf(w, "Briefings:  %d updated\n", sum.Briefings)
	if st, err := s.Stats(ctx); err == nil {
		fmt.Fprintf(w, "In store:   %d sources, %d articles (%d near-duplicates in %d groups), %d deals from %d mentions, %d pulses\n",
			st.Sources, st.Articles, st.NearDuplicates, st.DuplicateGroups, st.Deals, st.Mentions, st.Pulses)
	}
	fmt.Fprintf(w, "Took:       %s\n", sum.Elapsed.Round(time.Millisecond))
}

func runWorker(ctx context.Context, c *cli, args []string) error {
	if _, err := parse(c.flags("worker"), args); err != nil {
		return err
	}
	s, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer s.Close()
	in, err := newIngester(c, s)
	if err != nil {
		return err
	}
	return in.Schedule(ctx)
}
